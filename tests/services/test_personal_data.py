"""A person's own data and erasing a person, each for one person among many: the export holds that
person's data and nobody else's; the erasure removes that person everywhere, the database file
included, leaves everyone else untouched and keeps the statistics."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from datetime import date, time, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from satellitkontor.domain import clock as clk
from satellitkontor.domain.bookings import BookingStatus, BookingView, DeskPeriod
from satellitkontor.domain.errors import PermissionDenied
from satellitkontor.domain.feeds import FeedKind, FeedSpec, Privacy
from satellitkontor.domain.people import Person, PersonKind, Role
from satellitkontor.storage.models import AuditRow, BookingRow, FeedTokenRow, PersonRow
from tests.conftest import MONDAY, Office
from tests.privacy_history import database_text, found_in_file, open_monday
from tests.services.exchange_helpers import ROOM_MAILBOX, enable_sync, links, pending, push_all

#: The people of the crowd: name, e-mail, municipality, the title of their room booking.
CROWD = [
    ("Elin Holm", "elin.holm@nordmaling.se", "Nordmaling", "Arbetsgrupp turism"),
    ("Fredrik Nyberg", "fredrik.nyberg@robertsfors.se", "Robertsfors", "Budgetberedning Robertsfors"),
    ("Greta Lund", "greta.lund@vannas.se", "Vännäs", "Skolchefsträff"),
    ("Hampus Berg", "hampus.berg@bjurholm.se", "Bjurholm", "Näringslivsråd"),
    ("Ida Sjöberg", "ida.sjoberg@umea.se", "Umeå", "Kulturnätverket"),
    ("Jonas Lindgren", "jonas.lindgren@vindeln.se", "Vindeln", "Räddningstjänst samverkan"),
]
TARGET_TITLE = "Bertils beredningsgrupp"
MENTION_TITLE = "Förmöte med Bertil Öberg"


@dataclass
class Crowd:
    people: list[Person]
    target_bookings: list[BookingView]


def _book_crowd(office: Office) -> Crowd:
    """Everyone books a desk and the room in March and September 2026; Bertil too, with a title
    of his own, a role change, a feed about him, and Anna's meeting mentions him by name."""
    svc, clock = office.services, office.clock
    people = [
        svc.office.add_person(office.admin.id, name, email, muni, PersonKind.EMPLOYEE)
        for name, email, muni, _title in CROWD
    ]
    target: list[BookingView] = []
    for month in (3, 9):
        day = open_monday(2026, month, 1)
        clock.set_local(day, time(7, 30))
        for n, (person, (_n, _e, _m, title)) in enumerate(zip(people, CROWD, strict=True)):
            svc.booking.book_desk(person.id, office.desk(n + 1).id, day, DeskPeriod.FULL_DAY)
            start = clk.local(day + timedelta(days=1), time(8 + n))
            svc.booking.book_room(person.id, office.room.id, start, start + timedelta(hours=1), 3, title)
        target.append(svc.booking.book_desk(office.bertil.id, office.desk(7).id, day, DeskPeriod.FULL_DAY))
        start = clk.local(day + timedelta(days=2), time(9))
        target.append(
            svc.booking.book_room(
                office.bertil.id, office.room.id, start, start + timedelta(hours=1), 4, TARGET_TITLE
            )
        )
        start = clk.local(day + timedelta(days=2), time(13))
        svc.booking.book_room(
            office.anna.id, office.room.id, start, start + timedelta(hours=1), 2, MENTION_TITLE
        )
        gone = svc.booking.book_desk(
            office.bertil.id, office.desk(8).id, day + timedelta(days=3), DeskPeriod.MORNING
        )
        target.append(svc.booking.cancel(office.bertil.id, gone.id))
    clock.set_local(MONDAY, time(7, 30))
    svc.office.set_role(office.admin.id, office.bertil.id, Role.RECEPTIONIST)
    svc.office.set_role(office.admin.id, office.bertil.id, Role.USER)
    svc.feed_publishing.publish(
        office.admin.id,
        FeedSpec(FeedKind.PERSON, str(office.bertil.id)),
        Privacy.INTERNAL,
        "Bertils kalender",
    )
    return Crowd(people, target)


def _others(office: Office, crowd: Crowd) -> list[str]:
    """Names, e-mail addresses and titles of everyone but Bertil."""
    out = [p.name for p in crowd.people] + [p.email for p in crowd.people] + [t for *_x, t in CROWD]
    for p in (office.anna, office.cecilia, office.reception, office.admin):
        out += [p.name, p.email]
    return [*out, MENTION_TITLE]


def _folder_text(folder: Path) -> str:
    return "\n".join(f.read_text(encoding="utf-8") for f in sorted(folder.iterdir()))


# --- export -----------------------------------------------------------------------------------
def test_the_export_has_all_of_bertils_data_and_nobody_elses(office: Office, tmp_path: Path) -> None:
    crowd = _book_crowd(office)

    result = office.services.personal_data.export(office.bertil.id, office.bertil.id, tmp_path)

    assert result.folder.parent == tmp_path and result.folder.name.startswith(
        "satellitkontoret-personuppgifter-"
    )
    names = sorted(f.name for f in result.folder.iterdir())
    assert names == sorted(
        [
            "personuppgifter.json",
            "profil.csv",
            "bokningar.csv",
            "bokningar-at-andra.csv",
            "serier.csv",
            "andringslogg.csv",
            "kalenderfloden.csv",
            "vantelista.csv",
            "ovrigt.csv",
            "meddelanden.csv",
        ]
    )
    data = json.loads((result.folder / "personuppgifter.json").read_text(encoding="utf-8"))
    assert data["profile"]["email"] == "bertil.oberg@vindeln.se" and data["profile"]["name"] == "Bertil Öberg"
    assert sorted(b["id"] for b in data["bookings"]) == sorted(b.id for b in crowd.target_bookings)
    assert {b["status"] for b in data["bookings"]} == {"confirmed", "cancelled"}
    assert TARGET_TITLE in {b["title"] for b in data["bookings"]}
    actions = [e["action"] for e in data["audit"]]
    assert actions.count("booking.create") == len(crowd.target_bookings) and actions.count("person.role") == 2
    assert "person.create" in actions and "booking.cancel" in actions
    assert [f["target"] for f in data["feeds"]] == ["you"]
    with (result.folder / "bokningar.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f, delimiter=";"))
    assert len(rows) == len(crowd.target_bookings) and rows[0]["resource"]
    # nobody else: no other name, address or title anywhere in the files
    text = _folder_text(result.folder)
    assert [x for x in _others(office, crowd) if x in text] == []


def test_a_receptionists_export_says_she_booked_for_someone_but_not_whom(
    office: Office, tmp_path: Path
) -> None:
    b = office.services.booking
    start = clk.local(MONDAY, time(9))
    b.book_room(
        office.reception.id,
        office.room.id,
        start,
        start + timedelta(hours=1),
        2,
        "Annas möte",
        for_person_id=office.anna.id,
    )
    office.services.office.set_role(
        office.admin.id, office.anna.id, Role.RECEPTIONIST
    )  # by the admin, about Anna

    result = office.services.personal_data.export(office.admin.id, office.reception.id, tmp_path)

    data = json.loads((result.folder / "personuppgifter.json").read_text(encoding="utf-8"))
    assert len(data["bookings_for_others"]) == 1 and data["bookings"] == []
    (entry,) = [e for e in data["audit"] if e["action"] == "booking.create"]
    assert entry["you_are"] == "actor"
    text = _folder_text(result.folder)
    assert "Anna Andersson" not in text and "anna.andersson@umea.se" not in text and "Annas möte" not in text


def test_only_the_person_or_an_admin_gets_the_data_and_each_export_is_recorded(
    office: Office, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(PermissionDenied):
        office.services.personal_data.export(office.anna.id, office.bertil.id, out)
    with pytest.raises(PermissionDenied):
        office.services.personal_data.export(office.reception.id, office.bertil.id, out)
    assert list(out.iterdir()) == []
    first = office.services.personal_data.export(office.admin.id, office.bertil.id, out)
    second = office.services.personal_data.export(office.bertil.id, office.bertil.id, out)
    assert first.folder != second.folder and second.folder.name.endswith("-2")
    with office.services.db.session() as s:
        exports = s.scalars(select(AuditRow).where(AuditRow.action == "person.export")).all()
    assert [(e.actor_id, e.subject_id) for e in exports] == [
        (office.admin.id, office.bertil.id),
        (office.bertil.id, office.bertil.id),
    ]


# --- erasure ----------------------------------------------------------------------------------
def _stats(office: Office) -> list[object]:
    return [row for year in (2025, 2026) for row in office.services.statistics.usage(year)]


def test_erasing_bertil_removes_him_everywhere_and_keeps_everyone_else_and_the_counts(office: Office) -> None:
    crowd = _book_crowd(office)
    stats = _stats(office)
    others = _others(office, crowd)
    assert "Bertil Öberg" in database_text(office)

    report = office.services.personal_data.erase(office.admin.id, office.bertil.id)

    assert (report.bookings, report.cancelled, report.feeds_revoked) == (len(crowd.target_bookings), 0, 1)
    text = database_text(office)
    for gone in ("Bertil Öberg", "bertil.oberg@vindeln.se", TARGET_TITLE):
        assert gone not in text
    assert [x for x in others if x not in text] == ["Förmöte med Bertil Öberg"]  # the mention went
    assert "Förmöte med –" in text
    assert _stats(office) == stats
    with office.services.db.session() as s:
        assert s.get(PersonRow, office.bertil.id) is None
        rows = s.scalars(
            select(BookingRow).where(BookingRow.id.in_([b.id for b in crowd.target_bookings]))
        ).all()
        assert len(rows) == len(crowd.target_bookings)
        assert all(r.person_id is None and r.title is None and r.municipality_code == "vindeln" for r in rows)
        feed = s.scalars(select(FeedTokenRow)).one()
        assert feed.revoked_at is not None
        (erase,) = s.scalars(select(AuditRow).where(AuditRow.action == "person.erase")).all()
        assert erase.actor_id == office.admin.id and erase.entity_id == str(office.bertil.id)
        assert erase.before == {
            "municipality": "vindeln",
            "kind": "politician",
            "role": "user",
            "active": True,
        }


def test_nothing_of_the_erased_person_is_left_in_the_sqlite_file(sqlite_office: Office) -> None:
    crowd = _book_crowd(sqlite_office)
    assert found_in_file(sqlite_office, "Bertil Öberg", "bertil.oberg@vindeln.se", TARGET_TITLE)

    report = sqlite_office.services.personal_data.erase(sqlite_office.admin.id, sqlite_office.bertil.id)

    assert report.log_cleared is True
    assert found_in_file(sqlite_office, "Bertil Öberg", "bertil.oberg@vindeln.se", TARGET_TITLE) == []
    others = _others(sqlite_office, crowd)
    assert [x for x in others if x not in found_in_file(sqlite_office, *others)] == [MENTION_TITLE]


def test_coming_bookings_are_cancelled_first(office: Office) -> None:
    b = office.services.booking
    past_day = open_monday(2026, 9)
    office.clock.set_local(past_day, time(7, 30))
    past = b.book_desk(office.cecilia.id, office.desk(1).id, past_day, DeskPeriod.FULL_DAY)
    office.clock.set_local(MONDAY, time(7, 30))
    coming = b.book_desk(office.cecilia.id, office.desk(2).id, date(2026, 11, 25), DeskPeriod.FULL_DAY)
    september = [r for r in office.services.statistics.usage(2026) if r.month == 9]

    report = office.services.personal_data.erase(office.admin.id, office.cecilia.id)

    assert (report.bookings, report.cancelled) == (2, 1)
    assert office.services.occupancy.booking(coming.id).status is BookingStatus.CANCELLED  # type: ignore[union-attr]
    assert office.services.occupancy.booking(past.id).status is BookingStatus.CONFIRMED  # type: ignore[union-attr]
    assert [r for r in office.services.statistics.usage(2026) if r.month == 9] == september
    # the place is free again at once
    b.book_desk(office.anna.id, office.desk(2).id, date(2026, 11, 25), DeskPeriod.FULL_DAY)


def test_the_last_admin_oneself_and_non_admins_cannot_erase(office: Office) -> None:
    with pytest.raises(PermissionDenied):
        office.services.personal_data.erase(office.admin.id, office.admin.id)
    with pytest.raises(PermissionDenied):
        office.services.personal_data.erase(office.reception.id, office.anna.id)
    second = office.services.office.add_person(
        office.admin.id, "Ny Admin", "ny.admin@umea.se", "Umeå", role=Role.ADMIN
    )
    office.services.personal_data.erase(second.id, office.admin.id)  # another admin may
    with pytest.raises(PermissionDenied):  # but not the last one
        office.services.personal_data.erase(second.id, second.id)
    assert office.services.office.person(second.id).role is Role.ADMIN


# --- with Exchange sync -----------------------------------------------------------------------
def _book_crowd_synced(office: Office) -> tuple[Crowd, BookingView, BookingView]:
    """The crowd with Exchange sync on, every booking pushed; then Bertil books the room next week
    (pushed: its link names his calendar) and a desk whose push was refused (an error naming him)."""
    enable_sync(office)
    crowd = _book_crowd(office)
    start = clk.local(MONDAY + timedelta(days=7), time(10))
    room = office.services.booking.book_room(
        office.bertil.id, office.room.id, start, start + timedelta(hours=1), 3, TARGET_TITLE
    )
    push_all(office)
    desk = office.services.booking.book_desk(
        office.bertil.id, office.desk(7).id, MONDAY + timedelta(days=8), DeskPeriod.FULL_DAY
    )
    push_all(office, error_for="bertil.oberg@vindeln.se")
    return crowd, room, desk


def test_the_export_says_which_outlook_calendar_each_booking_went_to(office: Office, tmp_path: Path) -> None:
    _crowd, room, desk = _book_crowd_synced(office)

    result = office.services.personal_data.export(office.bertil.id, office.bertil.id, tmp_path)

    data = json.loads((result.folder / "personuppgifter.json").read_text(encoding="utf-8"))
    by_id = {b["id"]: b for b in data["bookings"]}
    assert by_id[room.id]["outlook_calendar"] == "bertil.oberg@vindeln.se"
    assert by_id[room.id]["room_answer"] == "accepted" and by_id[room.id]["outlook_pending"] is False
    assert by_id[desk.id]["outlook_calendar"] is None and by_id[desk.id]["outlook_pending"] is True
    assert "outlook_calendar" in (result.folder / "bokningar.csv").read_text(encoding="utf-8-sig")
    text = _folder_text(result.folder)
    assert "anna.andersson" not in text and "elin.holm@nordmaling.se" not in text


def test_erasure_removes_the_outlook_calendar_address_and_still_cancels_in_the_room(
    sqlite_office: Office,
) -> None:
    office = sqlite_office
    crowd, room, desk = _book_crowd_synced(office)
    mine = {b.id for b in crowd.target_bookings}
    assert mine <= set(links(office)) and desk.id in pending(office)
    assert found_in_file(office, "bertil.oberg@vindeln.se") == ["bertil.oberg@vindeln.se"]
    others_before = {b: m for b, m in links(office).items() if b not in mine | {room.id}}

    report = office.services.personal_data.erase(office.admin.id, office.bertil.id)

    assert report.log_cleared is True
    assert found_in_file(office, "bertil.oberg@vindeln.se", TARGET_TITLE) == []
    after = links(office)
    assert mine.isdisjoint(after)  # past or cancelled and pushed: nothing left to push
    assert after[room.id] == ""  # its cancellation still waits to be pushed
    assert {b: m for b, m in after.items() if b not in mine | {room.id}} == others_before
    # the waiting cancellation goes to the room's copy in the room's mailbox
    from satellitkontor.services.exchange import push as exchange_push

    with office.services.db.session() as s:
        planned = exchange_push._plan(s, office.services.exchange.config(), office.clock.moment, 100)
    items = {p.booking_id: p.item for p in planned}
    assert items[room.id] is not None
    assert (items[room.id].mailbox, items[room.id].remote_id, items[room.id].is_cancelled) == (
        ROOM_MAILBOX,
        f"AAMk-room-{room.id}",
        True,
    )
    assert items[desk.id] is None  # never pushed: nothing to cancel
