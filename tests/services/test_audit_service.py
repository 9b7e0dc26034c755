"""AuditService: what an admin reads in the change log, its filters and pages, the CSV file, and
that nobody else may read it and nothing in it can be changed through it."""

from __future__ import annotations

import csv
import inspect
import io
from datetime import date, time
from pathlib import Path

import pytest
from sqlalchemy import text

from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.domain.errors import InvalidInput, PermissionDenied
from satellitkontor.domain.people import Role
from satellitkontor.services.audit.service import AuditService
from tests.conftest import MONDAY, Office
from tests.services.helpers import TUESDAY, WEDNESDAY, sv

FULL = DeskPeriod.FULL_DAY


def _day_of_changes(o: Office) -> dict[str, int]:
    """Monday: Anna books, Tuesday: the receptionist cancels it, Wednesday: Bertil's role changes."""
    b = o.services.booking
    o.clock.set_local(MONDAY, time(7, 30))
    desk = b.book_desk(o.anna.id, o.desk(3).id, WEDNESDAY, FULL)
    o.clock.set_local(TUESDAY, time(10, 0))
    b.cancel(o.reception.id, desk.id)
    o.clock.set_local(WEDNESDAY, time(9, 15))
    o.services.office.set_role(o.admin.id, o.bertil.id, Role.RECEPTIONIST)
    return {"booking": desk.id}


def test_an_admin_reads_the_newest_first_in_words(sqlite_office: Office) -> None:
    o = sqlite_office
    ids = _day_of_changes(o)
    role, cancel, create = o.services.audit.entries(o.admin.id, limit=3)
    assert (role.action, role.action_label, role.who) == ("person.role", "Roll ändrad", "Åsa Administratör")
    assert (role.target, role.subject) == ("Bertil Öberg", "Bertil Öberg")
    assert role.summary == "roll: användare → receptionist"
    assert [(c.label, c.before, c.after) for c in role.changes] == [("roll", "användare", "receptionist")]
    assert (cancel.action_label, cancel.who, cancel.subject) == (
        "Avbokad",
        "Rut Receptionist",
        "Anna Andersson",
    )
    assert cancel.target == "Plats 3, ons 25 nov 2026 heldag"
    assert cancel.summary == "status: bokad → avbokad"
    assert (cancel.entity, cancel.entity_label, cancel.entity_id) == (
        "booking",
        "Bokning",
        str(ids["booking"]),
    )
    assert (create.action_label, create.who) == ("Bokning skapad", "Anna Andersson")
    assert create.summary == "del av dagen: heldag"
    assert create.before is None and create.after["resource"] == "Plats 3"
    assert role.when > cancel.when > create.when

    english = o.services.audit.entries(o.admin.id, limit=2, lang="en")
    assert [e.action_label for e in english] == ["Role changed", "Cancelled"]
    assert english[1].target == "Plats 3, Wed 25 Nov 2026 full day"
    assert english[0].summary == "role: user → receptionist"


def test_who_for_nobody_and_for_a_removed_name(sqlite_office: Office) -> None:
    o = sqlite_office
    oldest = o.services.audit.entries(o.admin.id, limit=1000)[-1]
    assert (oldest.action, oldest.who) == ("resource.create", "Systemet")  # the default office
    _day_of_changes(o)
    with o.services.db.session(write=True) as s:  # what retention does to an entry
        s.execute(
            text(
                "UPDATE audit_log SET actor_name = NULL, anonymized_at = :t WHERE action = 'booking.cancel'"
            ),
            {"t": "2027-12-01 00:00:00"},
        )
    cancel = o.services.audit.entries(o.admin.id, action="booking.cancel")[0]
    assert (cancel.who, cancel.anonymized) == ("borttagen person", True)
    assert o.services.audit.entries(o.admin.id, action="booking.cancel", lang="en")[0].who == "removed person"


def test_filters_period_action_kind_people_and_text(office: Office) -> None:
    """On both databases: SQLite folds case through Python, PostgreSQL through lower()."""
    o = office
    _day_of_changes(o)
    audit = o.services.audit

    def actions(**filters: object) -> list[str]:
        return [e.action for e in audit.entries(o.admin.id, **filters)]  # type: ignore[arg-type]

    assert actions(since=TUESDAY, until=TUESDAY) == ["booking.cancel"]
    assert actions(since=TUESDAY) == ["person.role", "booking.cancel"]
    assert "booking.create" in actions(until=MONDAY) and "person.role" not in actions(until=MONDAY)
    assert actions(action="booking.cancel") == ["booking.cancel"]
    assert actions(action=["booking.cancel", "person.role"]) == ["person.role", "booking.cancel"]
    assert actions(entity="booking") == ["booking.cancel", "booking.create"]
    assert actions(actor=o.reception.id) == ["booking.cancel"]
    assert actions(subject=o.anna.id, entity="booking") == ["booking.cancel", "booking.create"]
    # free text: a person's name in any case (ö and Ö alike), a place, the words of an action
    assert actions(text="öberg") == ["person.role", "person.create"]  # Bertil Öberg: changed, added
    assert actions(text="ÖBERG") == ["person.role", "person.create"]
    assert actions(text="Ö", subject=o.bertil.id) == ["person.role", "person.create"]
    assert actions(text="ö", actor=o.reception.id) == []
    assert actions(text="plats 3") == ["booking.cancel", "booking.create", "resource.create"]
    assert actions(text="avbokad") == ["booking.cancel"]
    assert actions(text="rut recep", entity="booking") == ["booking.cancel"]
    assert actions(text="100%_") == []  # LIKE's wildcards are plain characters
    assert audit.count(o.admin.id, entity="booking") == 2
    assert audit.count(o.admin.id, text="plats 3") == 3
    with pytest.raises(InvalidInput):
        audit.entries(o.admin.id, since=WEDNESDAY, until=MONDAY)


def test_pages_stay_put_while_new_entries_arrive(sqlite_office: Office) -> None:
    o = sqlite_office
    audit = o.services.audit
    total = audit.count(o.admin.id)
    upto = audit.newest_id(o.admin.id)
    first = audit.entries(o.admin.id, limit=5, upto_id=upto)
    for n in range(3):  # written while the admin reads
        o.services.office.add_closure(o.admin.id, date(2026, 12, 28 + n), date(2026, 12, 28 + n), "Städning")
    second = audit.entries(o.admin.id, limit=5, offset=5, upto_id=upto)
    everything = audit.entries(o.admin.id, limit=1000, upto_id=upto)
    assert [e.id for e in first + second] == [e.id for e in everything[:10]]
    assert len(everything) == total == audit.count(o.admin.id, upto_id=upto)
    assert audit.count(o.admin.id) == total + 3
    with pytest.raises(InvalidInput):
        audit.entries(o.admin.id, limit=0)


@pytest.mark.parametrize("who", ["anna", "reception", None])
def test_only_admins_may_read_it(sqlite_office: Office, who: str | None) -> None:
    o = sqlite_office
    actor = getattr(o, who).id if who else None
    audit = o.services.audit
    calls = (
        lambda: audit.entries(actor),
        lambda: audit.count(actor),
        lambda: audit.newest_id(actor),
        lambda: audit.export_csv(actor, io.StringIO()),
    )
    for call in calls:
        with pytest.raises(PermissionDenied) as denied:
            call()
        assert "se ändringsloggen" in sv(denied.value)


def test_the_service_offers_no_way_to_change_an_entry() -> None:
    public = {
        name for name, _ in inspect.getmembers(AuditService, inspect.isfunction) if not name.startswith("_")
    }
    assert public == {"entries", "count", "newest_id", "export_csv", "now"}


def test_csv_for_excel(sqlite_office: Office, tmp_path: Path) -> None:
    o = sqlite_office
    _day_of_changes(o)
    o.services.office.add_person(o.admin.id, "=HYPERLINK(1)", "formel@umea.se", "Umeå")
    path = tmp_path / "logg.csv"
    written = o.services.audit.export_csv(o.admin.id, path, since=TUESDAY)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0] == [
        "Tid",
        "Vem",
        "Händelse",
        "Kod",
        "Typ",
        "Id",
        "Gäller",
        "Person",
        "Ändring",
        "Före",
        "Efter",
    ]
    assert written == len(rows) - 1 == 3
    added, role, cancel = rows[1:]
    assert cancel[:5] == ["2026-11-24 10:00:00", "Rut Receptionist", "Avbokad", "booking.cancel", "Bokning"]
    assert cancel[6:9] == ["Plats 3, ons 25 nov 2026 heldag", "Anna Andersson", "status: bokad → avbokad"]
    assert (cancel[9], cancel[10]) == ('{"status": "confirmed"}', '{"status": "cancelled"}')
    assert role[2] == "Roll ändrad" and role[7] == "Bertil Öberg"
    assert added[6] == "'=HYPERLINK(1)"  # never a formula in Excel
    assert not list(tmp_path.glob("*.part"))

    buffer = io.StringIO()
    assert o.services.audit.export_csv(o.admin.id, buffer, lang="en", action="person.role") == 1
    lines = buffer.getvalue().lstrip("\ufeff").splitlines()
    assert lines[0].startswith("Time;Who;Action;")
    assert "Role changed" in lines[1] and "role: user → receptionist" in lines[1]
    with pytest.raises(InvalidInput):
        o.services.audit.export_csv(o.admin.id, buffer, colour="red")
