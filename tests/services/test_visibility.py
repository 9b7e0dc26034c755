"""Who sees names: ordinary users see municipalities, the receptionist and admins see names, one
setting lets users see names too; public feeds and the statistics never carry names."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.domain.errors import PermissionDenied
from satellitkontor.domain.feeds import FeedKind, FeedSpec, Privacy
from satellitkontor.services.results import DayOccupancy
from satellitkontor.services.statistics.export import write_csv, write_xlsx
from satellitkontor.storage.models import AuditRow
from tests.conftest import Office
from tests.services.helpers import TUESDAY, at

FULL = DeskPeriod.FULL_DAY
SECRET = "Lönesamtal Bertil"


def _book_tuesday(o: Office) -> None:
    b = o.services.booking
    b.book_desk(o.anna.id, o.desk(1).id, TUESDAY, FULL)
    b.book_desk(o.bertil.id, o.desk(2).id, TUESDAY, FULL)
    b.book_room(o.bertil.id, o.room.id, at(TUESDAY, 9), at(TUESDAY, 10), 2, SECRET)
    b.book_room(o.cecilia.id, o.room.id, at(TUESDAY, 13), at(TUESDAY, 14), 2, "Ö-viks arbetsgrupp")


def _seen(day: DayOccupancy) -> tuple[set[str], set[str], set[str], set[str]]:
    bookings = [b for r in day.resources for b in r.bookings]
    names = {b.person_name for b in bookings if b.person_name}
    emails = {b.person_email for b in bookings if b.person_email}
    titles = {b.title for b in bookings if b.title}
    places = {b.municipality_code for b in bookings}
    return names, emails, titles, places


def test_a_user_sees_municipalities_and_only_their_own_name(office: Office) -> None:
    _book_tuesday(office)

    day = office.services.occupancy.day(TUESDAY, viewer_id=office.anna.id)

    names, emails, titles, places = _seen(day)
    assert not day.names_visible
    assert names == {"Anna Andersson"} and emails == {"anna.andersson@umea.se"}  # her own booking
    assert titles == set()  # others' meeting titles are personal too
    assert places == {"umea", "vindeln", "ornskoldsvik"}
    others = [b for r in day.resources for b in r.bookings if b.municipality_code != "umea"]
    assert all(b.person_id is None and b.created_by_id is None for b in others)


def test_nobody_in_particular_sees_what_a_user_sees(office: Office) -> None:
    _book_tuesday(office)
    for viewer in (None, 99999):
        names, emails, titles, places = _seen(office.services.occupancy.day(TUESDAY, viewer_id=viewer))
        assert (names, emails, titles) == (set(), set(), set())
        assert places == {"umea", "vindeln", "ornskoldsvik"}


def test_the_receptionist_and_admins_see_names_and_titles(office: Office) -> None:
    _book_tuesday(office)
    for staff in (office.reception, office.admin):
        day = office.services.occupancy.day(TUESDAY, viewer_id=staff.id)
        names, _emails, titles, _places = _seen(day)
        assert day.names_visible
        assert names == {"Anna Andersson", "Bertil Öberg", "Cecilia Ek"}
        assert titles == {SECRET, "Ö-viks arbetsgrupp"}


def test_the_office_can_show_names_to_everyone_and_take_them_back(office: Office) -> None:
    _book_tuesday(office)
    privacy = office.services.privacy

    privacy.set_visibility(office.admin.id, True)
    names, _e, titles, _p = _seen(office.services.occupancy.day(TUESDAY, viewer_id=office.cecilia.id))
    assert names == {"Anna Andersson", "Bertil Öberg", "Cecilia Ek"} and SECRET in titles

    privacy.set_visibility(office.admin.id, False)
    names, _e, titles, _p = _seen(office.services.occupancy.day(TUESDAY, viewer_id=office.cecilia.id))
    assert names == {"Cecilia Ek"} and titles == {"Ö-viks arbetsgrupp"}
    with office.services.db.session() as s:
        entries = s.scalars(select(AuditRow).where(AuditRow.action == "settings.visibility")).all()
    assert [(e.before, e.after) for e in entries] == [
        ({"names_to_users": False}, {"names_to_users": True}),
        ({"names_to_users": True}, {"names_to_users": False}),
    ]


def test_only_an_admin_changes_who_sees_names(office: Office) -> None:
    with pytest.raises(PermissionDenied):
        office.services.privacy.set_visibility(office.reception.id, True)
    assert office.services.privacy.settings().names_to_users is False


def _everyone(o: Office) -> list[str]:
    people = (o.anna, o.bertil, o.cecilia, o.reception, o.admin)
    return [p.name for p in people] + [p.email for p in people] + [SECRET, "Ö-viks arbetsgrupp"]


def test_a_public_feed_of_every_kind_has_no_name_anywhere_in_its_bytes(office: Office) -> None:
    _book_tuesday(office)
    feeds = office.services.feeds
    first, last = TUESDAY - timedelta(days=1), TUESDAY + timedelta(days=7)
    specs = [FeedSpec(FeedKind.OFFICE), FeedSpec(FeedKind.ROTATION)]
    specs += [FeedSpec(FeedKind.RESOURCE, str(r.id)) for r in office.services.office.resources()]
    specs += [FeedSpec(FeedKind.MUNICIPALITY, code) for code in ("umea", "vindeln", "ornskoldsvik")]
    specs += [FeedSpec(FeedKind.PERSON, str(p.id)) for p in (office.anna, office.bertil, office.cecilia)]
    internal = b"".join(
        feeds.stream(FeedSpec(FeedKind.OFFICE), privacy=Privacy.INTERNAL, first=first, last=last)
    )
    assert b"Bertil \xc3\x96berg" in internal and SECRET.encode() in internal  # the check can fail
    for spec in specs:
        data = b"".join(feeds.stream(spec, privacy=Privacy.PUBLIC, first=first, last=last))
        assert b"BEGIN:VCALENDAR" in data
        text = data.decode("utf-8").replace("\r\n ", "")  # unfold
        assert [n for n in _everyone(office) if n in text] == [], spec


def test_the_statistics_and_their_files_name_nobody(office: Office, tmp_path: Path) -> None:
    _book_tuesday(office)
    rows = office.services.statistics.usage(2026)
    assert sum(r.bookings for r in rows if r.month is None) == 4
    write_csv(tmp_path / "s.csv", rows)
    write_xlsx(tmp_path / "s.xlsx", rows)
    text = (tmp_path / "s.csv").read_text(encoding="utf-8-sig") + repr(rows)
    assert [n for n in _everyone(office) if n in text] == []
    import zipfile

    with zipfile.ZipFile(tmp_path / "s.xlsx") as z:
        xml = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))
    assert [n for n in _everyone(office) if n in xml] == []


def test_a_users_own_bookings_list_is_theirs_in_full(office: Office) -> None:
    _book_tuesday(office)
    mine = office.services.occupancy.bookings_of(office.bertil.id)
    assert {b.title for b in mine} == {None, SECRET} and {b.person_name for b in mine} == {"Bertil Öberg"}
    assert date(2026, 11, 24) in {b.day for b in mine}
