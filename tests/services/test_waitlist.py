"""The waitlist (issue 19), on SQLite and PostgreSQL: joining only a full day, one place in line
per person and day, the first in line offered a freed place (held so nobody else takes it) or
booked straight away, answering, expiry, and every way a place frees."""

from __future__ import annotations

import json
from datetime import date, time, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from satellitkontor.domain import clock as clk
from satellitkontor.domain.bookings import BookingStatus, BookingView, DeskPeriod
from satellitkontor.domain.errors import (
    InThePast,
    OfficeClosed,
    PermissionDenied,
    ResourceTaken,
    WaitlistAlreadyIn,
    WaitlistNoOffer,
    WaitlistNotFull,
    WaitlistRoomNotFull,
)
from satellitkontor.domain.waitlist import WaitlistEntry, WaitlistState
from satellitkontor.services.booking.service import BookingChange
from tests.conftest import MONDAY, Office
from tests.services.audit_helpers import entries_after, last_id
from tests.services.helpers import TUESDAY, WEDNESDAY, at, sv

WAITING, OFFERED, BOOKED = WaitlistState.WAITING, WaitlistState.OFFERED, WaitlistState.BOOKED


def two_desks_full(o: Office, day: date = TUESDAY) -> tuple[BookingView, BookingView]:
    """Only Plats 1 and 2 active, both booked the whole ``day`` (by the admin and Rut)."""
    for desk in o.desks[2:]:
        o.services.office.update_resource(o.admin.id, desk.id, active=False)
    b = o.services.booking
    return (
        b.book_desk(o.admin.id, o.desk(1).id, day, DeskPeriod.FULL_DAY),
        b.book_desk(o.reception.id, o.desk(2).id, day, DeskPeriod.FULL_DAY),
    )


def queue(o: Office, day: date = TUESDAY) -> list[WaitlistEntry]:
    return o.services.waitlist.day_queue(o.reception.id, day)


def states(o: Office, day: date = TUESDAY) -> list[tuple[str | None, WaitlistState]]:
    return [(e.person_name, e.state) for e in queue(o, day)]


def test_joining_only_a_really_full_day_with_clear_words(office: Office) -> None:
    o, wl = office, office.services.waitlist
    with pytest.raises(WaitlistNotFull) as free:
        wl.join(o.anna.id, TUESDAY, DeskPeriod.MORNING)
    assert (
        sv(free.value)
        == "Det finns en ledig plats tis 24 nov 2026: boka den i stället för att ställa dig i kö."
    )
    with pytest.raises(OfficeClosed):
        wl.join(o.anna.id, date(2026, 11, 28), DeskPeriod.FULL_DAY)  # a Saturday
    with pytest.raises(InThePast):
        wl.join(o.anna.id, MONDAY - timedelta(days=3), DeskPeriod.FULL_DAY)
    assert queue(o) == []

    two_desks_full(o)
    first = wl.join(o.anna.id, TUESDAY, DeskPeriod.MORNING)
    second = wl.join(o.bertil.id, TUESDAY, DeskPeriod.FULL_DAY)
    assert (first.state, first.position, second.position) == (WAITING, 1, 2)
    with pytest.raises(WaitlistAlreadyIn) as twice:
        wl.join(o.anna.id, TUESDAY, DeskPeriod.AFTERNOON)
    assert "står redan i kön" in sv(twice.value)
    # a user sees her own entries only, and the day's line is the reception's
    assert [e.id for e in wl.mine(o.anna.id)] == [first.id]
    with pytest.raises(PermissionDenied):
        wl.day_queue(o.anna.id, TUESDAY)
    with pytest.raises(PermissionDenied):
        wl.leave(o.anna.id, second.id)
    assert states(o) == [("Anna Andersson", WAITING), ("Bertil Öberg", WAITING)]


def test_the_database_keeps_one_place_in_line_per_person_and_day(office: Office) -> None:
    o = office
    two_desks_full(o)
    o.services.waitlist.join(o.anna.id, TUESDAY, DeskPeriod.MORNING)
    insert = text(
        "INSERT INTO waitlist_entries (person_id, day, desk_period, auto_book, state, created_at) "
        "VALUES (:p, :d, 'afternoon', false, :st, :c)"
    )
    with pytest.raises(IntegrityError), o.services.db.session(write=True) as s:
        s.execute(insert, {"p": o.anna.id, "d": TUESDAY, "st": "waiting", "c": o.clock()})
    # a finished entry does not count: the line may be joined again after leaving
    with o.services.db.session(write=True) as s:
        s.execute(insert, {"p": o.anna.id, "d": TUESDAY, "st": "withdrawn", "c": o.clock()})


def test_a_cancelled_desk_is_held_for_the_first_in_line_who_takes_it(office: Office) -> None:
    o, wl = office, office.services.waitlist
    admins, _ = two_desks_full(o)
    anna = wl.join(o.anna.id, TUESDAY, DeskPeriod.MORNING)
    wl.join(o.bertil.id, TUESDAY, DeskPeriod.FULL_DAY)
    mark = last_id(o)
    o.services.booking.cancel(o.admin.id, admins.id)

    (offer,) = wl.mine(o.anna.id)
    assert (offer.id, offer.state, offer.offered_resource_name) == (anna.id, OFFERED, "Plats 1")
    assert offer.offer_until == o.clock() + timedelta(hours=2)
    assert states(o) == [("Anna Andersson", OFFERED), ("Bertil Öberg", WAITING)]
    actions = [(e.action, e.subject_id) for e in entries_after(o, mark)]
    assert ("waitlist.offer", o.anna.id) in actions
    # held: nobody else gets Plats 1 that morning
    with pytest.raises(ResourceTaken):
        o.services.booking.book_desk(o.cecilia.id, o.desk(1).id, TUESDAY, DeskPeriod.MORNING)

    booking = wl.accept(o.anna.id, anna.id)
    assert (booking.person_id, booking.resource_name, booking.status) == (
        o.anna.id,
        "Plats 1",
        BookingStatus.CONFIRMED,
    )
    assert booking.desk_period is DeskPeriod.MORNING
    assert [e.state for e in wl.mine(o.anna.id)] == [BOOKED]
    with pytest.raises(WaitlistNoOffer):
        wl.accept(o.anna.id, anna.id)  # once
    assert "booking.create" in [e.action for e in entries_after(o, mark)]
    # the afternoon of Plats 1 is still free, but Bertil waits for a whole day
    assert states(o)[1] == ("Bertil Öberg", WAITING)


def test_declining_passes_the_place_to_the_next_who_asked_to_be_booked_straight_away(office: Office) -> None:
    o, wl = office, office.services.waitlist
    admins, _ = two_desks_full(o)
    anna = wl.join(o.anna.id, TUESDAY, DeskPeriod.FULL_DAY)
    wl.join(o.bertil.id, TUESDAY, DeskPeriod.FULL_DAY, auto_book=True)
    o.services.booking.cancel(o.admin.id, admins.id)
    held = wl.mine(o.anna.id)[0].offered_booking_id
    wl.decline(o.anna.id, anna.id)

    assert states(o) == [("Anna Andersson", WaitlistState.DECLINED), ("Bertil Öberg", BOOKED)]
    view = o.services.occupancy.booking(held or 0)
    assert view is not None and view.status is BookingStatus.CANCELLED
    bertils = [
        b
        for b in o.services.occupancy.day(TUESDAY, viewer_id=o.reception.id).desks[0].bookings
        if b.status.holds_resource
    ]
    assert [(b.person_id, b.resource_name) for b in bertils] == [(o.bertil.id, "Plats 1")]


def test_an_offer_that_runs_out_passes_on_at_the_sweep(office: Office) -> None:
    o, wl = office, office.services.waitlist
    admins, _ = two_desks_full(o)
    anna = wl.join(o.anna.id, TUESDAY, DeskPeriod.FULL_DAY)
    wl.join(o.bertil.id, TUESDAY, DeskPeriod.FULL_DAY)
    o.services.booking.cancel(o.admin.id, admins.id)
    o.clock.advance(hours=1)
    assert wl.sweep(o.reception.id).expired == 0
    o.clock.advance(hours=1, minutes=1)
    with pytest.raises(PermissionDenied):
        wl.sweep(o.anna.id)
    result = wl.sweep(o.reception.id)
    assert (result.expired, result.offered) == (1, 1)
    assert states(o) == [("Anna Andersson", WaitlistState.EXPIRED), ("Bertil Öberg", OFFERED)]
    with pytest.raises(WaitlistNoOffer) as late:
        wl.accept(o.anna.id, anna.id)
    assert "gått ut" in sv(late.value)


def test_a_released_booking_goes_to_the_line_and_the_held_place_is_not_released(office: Office) -> None:
    o, wl = office, office.services.waitlist
    o.services.office.update_policy(o.admin.id, auto_release=True)
    two_desks_full(o)
    wl.join(o.anna.id, TUESDAY, DeskPeriod.FULL_DAY)
    o.clock.moment = at(TUESDAY, 8, 45)  # nobody checked in within the grace period
    released = o.services.attendance.release_unclaimed(o.reception.id)
    assert len(released) == 2
    (offer,) = wl.mine(o.anna.id)
    assert offer.state is OFFERED
    o.clock.moment = at(TUESDAY, 9, 30)
    assert o.services.attendance.release_unclaimed(o.reception.id) == []  # the held place stays
    booking = wl.accept(o.anna.id, offer.id)
    assert o.services.attendance.release_unclaimed(o.reception.id) == []  # just taken: her grace
    o.clock.moment = at(TUESDAY, 10, 1)
    assert [b.id for b in o.services.attendance.release_unclaimed(o.reception.id)] == [booking.id]


def test_a_lifted_closure_and_a_move_away_free_places_for_the_line(office: Office) -> None:
    o, wl = office, office.services.waitlist
    two_desks_full(o)
    wl.join(o.anna.id, TUESDAY, DeskPeriod.FULL_DAY)
    closure = o.services.office.add_closure(o.admin.id, TUESDAY, TUESDAY, "Vattenläcka")
    assert states(o) == [("Anna Andersson", WAITING)]  # closed: nothing to offer
    o.services.office.remove_closure(o.admin.id, closure.id)
    assert states(o) == [("Anna Andersson", OFFERED)]

    _, ruts = two_desks_full(o, WEDNESDAY)
    wl.join(o.bertil.id, WEDNESDAY, DeskPeriod.MORNING)
    o.services.booking.change(o.reception.id, ruts.id, BookingChange(day=TUESDAY + timedelta(days=2)))
    assert states(o, WEDNESDAY) == [("Bertil Öberg", OFFERED)]


def test_the_room_in_a_time_span(office: Office) -> None:
    o, wl = office, office.services.waitlist
    start, end = at(TUESDAY, 10), at(TUESDAY, 11)
    with pytest.raises(WaitlistRoomNotFull) as free:
        wl.join(o.anna.id, TUESDAY, None, room_id=o.room.id, start=start, end=end, participants=4)
    assert sv(free.value).startswith("Konferensrummet är ledigt tis 24 nov 2026 10:00–11:00")
    meeting = o.services.booking.book_room(
        o.bertil.id, o.room.id, at(TUESDAY, 9), at(TUESDAY, 12), 6, "Styrgrupp"
    )
    entry = wl.join(o.anna.id, TUESDAY, None, room_id=o.room.id, start=start, end=end, participants=4)
    assert (entry.resource_name, entry.start, entry.end) == ("Konferensrummet", start, end)
    o.services.booking.cancel(o.bertil.id, meeting.id)
    (offer,) = wl.mine(o.anna.id)
    booking = wl.accept(o.anna.id, offer.id)
    assert (booking.resource_name, booking.start, booking.end, booking.participants) == (
        "Konferensrummet",
        start,
        end,
        4,
    )


def test_erasure_and_retention_remove_entries_and_statistics_do_not_change(office: Office) -> None:
    o, wl = office, office.services.waitlist
    admins, _ = two_desks_full(o)
    wl.join(o.anna.id, TUESDAY, DeskPeriod.FULL_DAY)
    wl.join(o.bertil.id, TUESDAY, DeskPeriod.FULL_DAY)
    stats_before = o.services.statistics.usage(2026)
    o.services.booking.cancel(o.admin.id, admins.id)  # Anna is offered Plats 1 ...
    o.services.personal_data.erase(o.admin.id, o.anna.id)  # ... and erased: Bertil gets it
    assert states(o) == [("Bertil Öberg", OFFERED)]
    wl.decline(o.bertil.id, queue(o)[0].id)
    # Bertil's declined offer (a held booking, cancelled) counts nowhere: Vindeln is unchanged
    vindeln = [
        [r for r in rows if r.municipality_code == "vindeln"]
        for rows in (stats_before, o.services.statistics.usage(2026))
    ]
    assert vindeln[0] == vindeln[1]

    o.clock.moment = clk.local(TUESDAY + timedelta(days=800), time(9))
    o.services.privacy.retention(o.admin.id, apply=True)
    with o.services.db.session() as s:
        assert s.execute(text("SELECT COUNT(*) FROM waitlist_entries")).scalar_one() == 0


def test_my_data_lists_my_places_in_line_and_nobody_elses(office: Office, tmp_path: Path) -> None:
    o, wl = office, office.services.waitlist
    two_desks_full(o)
    wl.join(o.anna.id, TUESDAY, DeskPeriod.MORNING, auto_book=True)
    wl.join(o.bertil.id, TUESDAY, DeskPeriod.FULL_DAY)
    result = o.services.personal_data.export(o.anna.id, o.anna.id, tmp_path)
    data = json.loads((result.folder / "personuppgifter.json").read_text(encoding="utf-8"))
    assert [(w["day"], w["period"], w["auto_book"], w["state"]) for w in data["waitlist"]] == [
        ("2026-11-24", "morning", True, "waiting")
    ]
    assert (result.folder / "vantelista.csv").read_text(encoding="utf-8-sig").count("2026-11-24") == 1


def test_booking_a_desk_oneself_ends_the_wait_for_that_part_of_the_day(office: Office) -> None:
    o, wl = office, office.services.waitlist
    _, ruts = two_desks_full(o)
    morning = wl.join(o.anna.id, TUESDAY, DeskPeriod.MORNING)
    o.services.office.update_resource(o.admin.id, o.desk(3).id, active=True)  # a desk more
    o.services.booking.book_desk(o.anna.id, o.desk(3).id, TUESDAY, DeskPeriod.FULL_DAY)
    assert [(e.id, e.state) for e in wl.mine(o.anna.id)] == [(morning.id, WaitlistState.WITHDRAWN)]
    o.services.booking.cancel(o.reception.id, ruts.id)  # nobody is offered a second desk
    assert [
        b.person_id
        for b in o.services.occupancy.day(TUESDAY, viewer_id=o.admin.id).desks[1].bookings
        if b.status.holds_resource
    ] == []


def test_the_first_in_line_who_would_break_a_fair_rule_stays_waiting_and_the_next_gets_it(
    office: Office,
) -> None:
    o, wl = office, office.services.waitlist
    o.services.office.update_policy(o.admin.id, desk_days_per_week=1)
    o.services.booking.book_desk(o.anna.id, o.desk(1).id, MONDAY, DeskPeriod.FULL_DAY)  # her one day
    admins, rut = two_desks_full(o)
    wl.join(o.anna.id, TUESDAY, DeskPeriod.FULL_DAY)
    wl.join(o.bertil.id, TUESDAY, DeskPeriod.FULL_DAY, auto_book=True)
    wl.join(o.cecilia.id, TUESDAY, DeskPeriod.FULL_DAY)
    o.services.booking.cancel(o.admin.id, admins.id)
    # Anna would hold two desk-days in week 48: Bertil, next in line, is booked straight away
    assert states(o) == [("Anna Andersson", WAITING), ("Bertil Öberg", BOOKED), ("Cecilia Ek", WAITING)]
    o.services.booking.cancel(o.reception.id, rut.id)
    assert states(o) == [("Anna Andersson", WAITING), ("Bertil Öberg", BOOKED), ("Cecilia Ek", OFFERED)]
    # the sweep does not offer her anything either: she still waits
    assert wl.sweep(o.reception.id).offered == 0
    assert [e.state for e in wl.mine(o.anna.id)] == [WAITING]


def _november(o: Office) -> tuple[float, int, int, float]:
    """The office's desk-days, bookings, people and room-hours in November 2026, all municipalities."""
    rows = [r for r in o.services.statistics.usage(2026) if r.month == 11]
    return (
        sum(r.desk_days for r in rows),
        sum(r.bookings for r in rows),
        sum(r.people for r in rows),
        sum(r.room_hours for r in rows),
    )


def test_a_held_offer_counts_in_no_statistics_until_it_is_taken(office: Office) -> None:
    o, wl = office, office.services.waitlist
    admins, _ = two_desks_full(o)
    meeting = o.services.booking.book_room(
        o.bertil.id, o.room.id, at(TUESDAY, 9), at(TUESDAY, 12), 6, "Styrgrupp"
    )
    desk = wl.join(o.anna.id, TUESDAY, DeskPeriod.FULL_DAY)
    room = wl.join(
        o.cecilia.id,
        TUESDAY,
        None,
        room_id=o.room.id,
        start=at(TUESDAY, 10),
        end=at(TUESDAY, 11),
        participants=3,
    )
    assert _november(o) == (2.0, 3, 3, 3.0)  # the admin's and Rut's desks, Bertil's three hours
    o.services.booking.cancel(o.admin.id, admins.id)
    o.services.booking.cancel(o.bertil.id, meeting.id)
    assert [e.state for e in queue(o)] == [OFFERED, OFFERED]
    # held for Anna and Cecilia, but nobody's booking yet: only Rut's desk counts
    assert _november(o) == (1.0, 1, 1, 0.0)
    assert [(r.room, r.meetings) for r in o.services.statistics.room_usage(2026)] == [("Konferensrummet", 0)]
    assert o.services.statistics.heat(TUESDAY, TUESDAY).booked == {(1, 0): 1, (1, 1): 1}

    wl.accept(o.anna.id, desk.id)
    wl.accept(o.cecilia.id, room.id)
    assert _november(o) == (2.0, 3, 3, 1.0)
    assert [(r.room, r.meetings) for r in o.services.statistics.room_usage(2026)] == [("Konferensrummet", 1)]
    assert o.services.statistics.heat(TUESDAY, TUESDAY).booked == {(1, 0): 2, (1, 1): 2}
