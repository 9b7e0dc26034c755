"""The office's booking rules, each with its default, on SQLite and on PostgreSQL.

Every rejection is checked for three things a user notices: the typed error, the key words of the
Swedish sentence, and that nothing was written.
"""

from __future__ import annotations

from datetime import time, timedelta

from satellitkontor.domain.bookings import BookingStatus, DeskPeriod
from satellitkontor.domain.errors import (
    BeyondHorizon,
    EndBeforeStart,
    InThePast,
    NotOnSlotGrid,
    OfficeClosed,
    OutsideOpeningHours,
    ParticipantsOutOfRange,
    PersonAlreadyHasDesk,
    ResourceInactive,
    ResourceTaken,
    TooLong,
    TooShort,
    WrongResourceKind,
)
from satellitkontor.domain.office_calendar import OpeningHours
from tests.conftest import MONDAY, Office
from tests.services.helpers import (
    JULAFTON,
    JULDAGEN,
    SATURDAY,
    TUESDAY,
    WEDNESDAY,
    assert_rejected,
    at,
    count_bookings,
)

FULL, MORNING, AFTERNOON = DeskPeriod.FULL_DAY, DeskPeriod.MORNING, DeskPeriod.AFTERNOON


def book_desk(office: Office, who, n: int, day, period):  # type: ignore[no-untyped-def]
    return office.services.booking.book_desk(who.id, office.desk(n).id, day, period)


def book_room(office: Office, who, start, end, participants: int = 4, title: str | None = "Möte"):  # type: ignore[no-untyped-def]
    return office.services.booking.book_room(who.id, office.room.id, start, end, participants, title)


# --- desks: full day, morning, afternoon ------------------------------------------------------
def test_desk_is_booked_for_a_full_day_a_morning_or_an_afternoon(office: Office) -> None:
    cases = [(1, FULL, 8, 17), (2, MORNING, 8, 12), (3, AFTERNOON, 12, 17)]
    for n, period, start, end in cases:
        booking = book_desk(office, office.anna, n, TUESDAY + timedelta(days=n - 1), period)
        day = TUESDAY + timedelta(days=n - 1)
        assert (booking.start, booking.end) == (at(day, start), at(day, end))
        assert booking.desk_period is period
        assert booking.status is BookingStatus.CONFIRMED
        assert booking.person_id == booking.created_by_id == office.anna.id
        assert booking.municipality_code == "umea"
        assert booking.resource_name == f"Plats {n}"
        assert booking.day == day
    assert count_bookings(office) == 3


def test_a_day_too_short_for_an_afternoon_books_only_a_full_day(sqlite_office: Office) -> None:
    short = OpeningHours(time(8, 0), time(11, 0))
    week = (*sqlite_office.services.office.policy().week[:4], short, None, None)
    sqlite_office.services.office.update_policy(sqlite_office.admin.id, week=week)
    friday = MONDAY + timedelta(days=4)

    assert_rejected(
        sqlite_office,
        lambda: book_desk(sqlite_office, sqlite_office.anna, 1, friday, AFTERNOON),
        OutsideOpeningHours,
        "08:00–11:00",
    )
    booking = book_desk(sqlite_office, sqlite_office.anna, 1, friday, FULL)
    assert (booking.start, booking.end) == (at(friday, 8), at(friday, 11))


def test_desk_booking_refuses_the_room_and_the_room_booking_refuses_a_desk(sqlite_office: Office) -> None:
    booking = sqlite_office.services.booking
    assert_rejected(
        sqlite_office,
        lambda: booking.book_desk(sqlite_office.anna.id, sqlite_office.room.id, TUESDAY, FULL),
        WrongResourceKind,
        "Konferensrummet är av typen konferensrum, inte kontorsplats.",
    )
    assert_rejected(
        sqlite_office,
        lambda: booking.book_room(
            sqlite_office.anna.id, sqlite_office.desk(1).id, at(TUESDAY, 9), at(TUESDAY, 10), 2
        ),
        WrongResourceKind,
        "Plats 1 är av typen kontorsplats, inte konferensrum.",
    )


def test_a_deactivated_desk_cannot_be_booked(sqlite_office: Office) -> None:
    sqlite_office.services.office.update_resource(
        sqlite_office.admin.id, sqlite_office.desk(8).id, active=False
    )
    assert_rejected(
        sqlite_office,
        lambda: book_desk(sqlite_office, sqlite_office.anna, 8, TUESDAY, FULL),
        ResourceInactive,
        "Plats 8",
        "avaktiverad",
    )


# --- the room: time slots inside opening hours -------------------------------------------------
def test_room_is_booked_for_a_slot_with_participants_and_title(sqlite_office: Office) -> None:
    booking = book_room(
        sqlite_office, sqlite_office.bertil, at(TUESDAY, 9, 15), at(TUESDAY, 10, 45), 12, "  Styrgrupp   KC "
    )

    assert (booking.start, booking.end) == (at(TUESDAY, 9, 15), at(TUESDAY, 10, 45))
    assert booking.participants == 12
    assert booking.title == "Styrgrupp KC"
    assert booking.desk_period is None
    assert booking.resource_name == "Konferensrummet"


def test_room_slot_must_lie_within_opening_hours(office: Office) -> None:
    for start, end in (((7, 30), (8, 30)), ((16, 30), (17, 30)), ((7, 45), (17, 0))):
        assert_rejected(
            office,
            lambda s=start, e=end: book_room(office, office.anna, at(TUESDAY, *s), at(TUESDAY, *e)),
            OutsideOpeningHours,
            "öppet 08:00–17:00",
            "inom öppettiden",
        )
    assert book_room(office, office.anna, at(TUESDAY, 8), at(TUESDAY, 9)).start == at(TUESDAY, 8)
    assert book_room(office, office.anna, at(TUESDAY, 16), at(TUESDAY, 17)).end == at(TUESDAY, 17)


def test_room_slot_may_fill_the_whole_opening_day(sqlite_office: Office) -> None:
    booking = book_room(sqlite_office, sqlite_office.anna, at(TUESDAY, 8), at(TUESDAY, 17))
    assert booking.end - booking.start == timedelta(hours=9)


def test_room_slot_must_be_on_the_15_minute_grid(office: Office) -> None:
    for start, end, off_grid in (((9, 10), (10, 10), "09:10"), ((9, 0), (9, 50), "09:50")):
        assert_rejected(
            office,
            lambda s=start, e=end: book_room(office, office.anna, at(TUESDAY, *s), at(TUESDAY, *e)),
            NotOnSlotGrid,
            "15-minutersintervall",
            f"{off_grid} passar inte",
        )
    assert book_room(office, office.anna, at(TUESDAY, 9, 45), at(TUESDAY, 10, 45)).start == at(TUESDAY, 9, 45)


def test_room_slot_has_a_minimum_length_of_30_minutes(sqlite_office: Office) -> None:
    assert_rejected(
        sqlite_office,
        lambda: book_room(sqlite_office, sqlite_office.anna, at(TUESDAY, 9), at(TUESDAY, 9, 15)),
        TooShort,
        "för kort",
        "15 minuter",
        "Kortaste bokning är 30 minuter",
    )
    assert book_room(sqlite_office, sqlite_office.anna, at(TUESDAY, 9), at(TUESDAY, 9, 30)).participants == 4


def test_room_slot_has_a_maximum_length(office: Office) -> None:
    office.services.office.update_policy(office.admin.id, room_max_minutes=120)
    assert_rejected(
        office,
        lambda: book_room(office, office.anna, at(TUESDAY, 9), at(TUESDAY, 11, 15)),
        TooLong,
        "för långt",
        "135 minuter",
        "Längsta bokning är 120 minuter",
    )
    assert book_room(office, office.anna, at(TUESDAY, 9), at(TUESDAY, 11)).end == at(TUESDAY, 11)


def test_room_slot_must_end_after_it_starts(sqlite_office: Office) -> None:
    assert_rejected(
        sqlite_office,
        lambda: book_room(sqlite_office, sqlite_office.anna, at(TUESDAY, 10), at(TUESDAY, 9)),
        EndBeforeStart,
        "Sluttiden måste vara efter starttiden",
    )
    assert_rejected(
        sqlite_office,
        lambda: book_room(sqlite_office, sqlite_office.anna, at(TUESDAY, 10), at(TUESDAY, 10)),
        EndBeforeStart,
    )


# --- participants -----------------------------------------------------------------------------
def test_participants_must_be_between_1_and_12(office: Office) -> None:
    for participants in (13, 0, -1):
        assert_rejected(
            office,
            lambda p=participants: book_room(office, office.anna, at(TUESDAY, 9), at(TUESDAY, 10), p),
            ParticipantsOutOfRange,
            "mellan 1 och 12",
            f"du angav {participants}",
        )
    assert book_room(office, office.anna, at(TUESDAY, 9), at(TUESDAY, 10), 12).participants == 12
    assert book_room(office, office.anna, at(TUESDAY, 10), at(TUESDAY, 11), 1).participants == 1


def test_participants_are_capped_by_the_rooms_capacity(sqlite_office: Office) -> None:
    sqlite_office.services.office.update_resource(sqlite_office.admin.id, sqlite_office.room.id, capacity=6)
    assert_rejected(
        sqlite_office,
        lambda: book_room(sqlite_office, sqlite_office.anna, at(TUESDAY, 9), at(TUESDAY, 10), 7),
        ParticipantsOutOfRange,
        "mellan 1 och 6",
        "du angav 7",
    )
    assert book_room(sqlite_office, sqlite_office.anna, at(TUESDAY, 9), at(TUESDAY, 10), 6).participants == 6


# --- no booking in the past -------------------------------------------------------------------
def test_no_desk_booking_on_a_past_day(office: Office) -> None:
    friday_before = MONDAY - timedelta(days=3)
    assert_rejected(
        office,
        lambda: book_desk(office, office.anna, 1, friday_before, FULL),
        InThePast,
        "bakåt i tiden",
        "fre 20 nov 2026",
    )


def test_no_desk_booking_for_a_morning_that_is_over(sqlite_office: Office) -> None:
    sqlite_office.clock.set_local(MONDAY, time(12, 0))
    assert_rejected(
        sqlite_office,
        lambda: book_desk(sqlite_office, sqlite_office.anna, 1, MONDAY, MORNING),
        InThePast,
        "bakåt i tiden",
    )
    # the afternoon and the rest of the day are still bookable
    assert book_desk(sqlite_office, sqlite_office.anna, 1, MONDAY, AFTERNOON).start == at(MONDAY, 12)


def test_room_slot_may_start_at_most_15_minutes_ago(sqlite_office: Office) -> None:
    sqlite_office.clock.set_local(MONDAY, time(9, 20))
    assert_rejected(
        sqlite_office,
        lambda: book_room(sqlite_office, sqlite_office.anna, at(MONDAY, 9), at(MONDAY, 10)),
        InThePast,
        "bakåt i tiden",
        "09:00–10:00",
    )
    sqlite_office.clock.set_local(MONDAY, time(9, 15))
    assert book_room(sqlite_office, sqlite_office.anna, at(MONDAY, 9), at(MONDAY, 10)).start == at(MONDAY, 9)


def test_a_room_slot_that_has_already_ended_is_refused_even_within_the_grace(sqlite_office: Office) -> None:
    o = sqlite_office
    o.services.office.update_policy(o.admin.id, room_min_minutes=15)
    o.clock.set_local(MONDAY, time(9, 15))
    assert_rejected(
        o,
        lambda: book_room(o, o.anna, at(MONDAY, 9), at(MONDAY, 9, 15)),
        InThePast,
        "bakåt i tiden",
    )
    assert book_room(o, o.anna, at(MONDAY, 9), at(MONDAY, 9, 30)).end == at(MONDAY, 9, 30)


# --- closed days ------------------------------------------------------------------------------
def test_no_booking_on_a_closed_day(office: Office) -> None:
    cases = [
        (SATURDAY, ("stängt lör 28 nov 2026", "Lördag")),
        (JULDAGEN, ("stängt fre 25 dec 2026", "Juldagen")),
        (JULAFTON, ("stängt tors 24 dec 2026", "Julafton")),
    ]
    for day, words in cases:
        assert_rejected(
            office,
            lambda d=day: book_desk(office, office.anna, 1, d, FULL),
            OfficeClosed,
            *words,
        )
        assert_rejected(
            office,
            lambda d=day: book_room(office, office.anna, at(d, 9), at(d, 10)),
            OfficeClosed,
            *words,
        )


def test_no_booking_on_a_day_an_admin_closed(office: Office) -> None:
    office.services.office.add_closure(office.admin.id, TUESDAY, WEDNESDAY, "Flytt av kontoret")

    for day in (TUESDAY, WEDNESDAY):
        assert_rejected(
            office,
            lambda d=day: book_desk(office, office.anna, 1, d, MORNING),
            OfficeClosed,
            "Flytt av kontoret",
        )
    thursday = WEDNESDAY + timedelta(days=1)
    assert book_desk(office, office.anna, 1, thursday, MORNING).day == thursday


# --- horizon ----------------------------------------------------------------------------------
def test_booking_horizon_is_90_days(office: Office) -> None:
    office.clock.set_local(TUESDAY, time(7, 30))  # day 90 from Tuesday is a Monday, day 91 a Tuesday
    day_90 = TUESDAY + timedelta(days=90)
    day_91 = TUESDAY + timedelta(days=91)

    assert_rejected(
        office,
        lambda: book_desk(office, office.anna, 1, day_91, FULL),
        BeyondHorizon,
        "90 dagar framåt",
        "senast mån 22 feb 2027",
    )
    assert_rejected(
        office,
        lambda: book_room(office, office.anna, at(day_91, 9), at(day_91, 10)),
        BeyondHorizon,
        "90 dagar",
    )
    assert book_desk(office, office.anna, 1, day_90, FULL).day == day_90
    assert book_room(office, office.anna, at(day_90, 9), at(day_90, 10)).day == day_90


# --- one desk per person per half-day ---------------------------------------------------------
def test_a_full_day_conflicts_with_a_morning_on_another_desk(office: Office) -> None:
    book_desk(office, office.anna, 1, TUESDAY, FULL)
    assert_rejected(
        office,
        lambda: book_desk(office, office.anna, 2, TUESDAY, MORNING),
        PersonAlreadyHasDesk,
        "Anna Andersson har redan en kontorsplats",
        "Plats 1",
        "en plats åt gången",
    )


def test_a_morning_conflicts_with_a_full_day_on_another_desk(sqlite_office: Office) -> None:
    book_desk(sqlite_office, sqlite_office.anna, 1, TUESDAY, MORNING)
    assert_rejected(
        sqlite_office,
        lambda: book_desk(sqlite_office, sqlite_office.anna, 2, TUESDAY, FULL),
        PersonAlreadyHasDesk,
        "redan en kontorsplats",
    )


def test_morning_and_afternoon_on_different_desks_are_allowed(office: Office) -> None:
    book_desk(office, office.anna, 1, TUESDAY, MORNING)
    book_desk(office, office.anna, 2, TUESDAY, AFTERNOON)
    assert count_bookings(office) == 2


def test_one_desk_per_person_can_be_switched_off(office: Office) -> None:
    policy = office.services.office.update_policy(office.admin.id, one_desk_per_person=False)
    assert policy.one_desk_per_person is False

    book_desk(office, office.anna, 1, TUESDAY, FULL)
    book_desk(office, office.anna, 2, TUESDAY, MORNING)
    assert count_bookings(office) == 2


def test_a_desk_and_the_room_at_the_same_time_are_allowed(sqlite_office: Office) -> None:
    book_desk(sqlite_office, sqlite_office.anna, 1, TUESDAY, FULL)
    book_room(sqlite_office, sqlite_office.anna, at(TUESDAY, 10), at(TUESDAY, 11))
    assert count_bookings(sqlite_office) == 2


# --- no overlap on a resource -----------------------------------------------------------------
def test_a_taken_desk_cannot_be_booked_by_someone_else(office: Office) -> None:
    book_desk(office, office.anna, 1, TUESDAY, FULL)
    assert_rejected(
        office,
        lambda: book_desk(office, office.bertil, 1, TUESDAY, AFTERNOON),
        ResourceTaken,
        "Plats 1 är redan bokad",
        "tis 24 nov 2026 08:00–17:00",
        "någon från Umeå",
        "Välj en annan tid eller plats",
    )
    # the same desk another day, and another desk the same day, are free
    book_desk(office, office.bertil, 1, WEDNESDAY, AFTERNOON)
    book_desk(office, office.bertil, 2, TUESDAY, AFTERNOON)
    assert count_bookings(office) == 3


def test_morning_and_afternoon_of_one_desk_go_to_two_people(sqlite_office: Office) -> None:
    book_desk(sqlite_office, sqlite_office.anna, 1, TUESDAY, MORNING)
    book_desk(sqlite_office, sqlite_office.bertil, 1, TUESDAY, AFTERNOON)
    assert_rejected(
        sqlite_office,
        lambda: book_desk(sqlite_office, sqlite_office.cecilia, 1, TUESDAY, FULL),
        ResourceTaken,
        "Plats 1",
    )


def test_room_bookings_may_not_overlap_but_may_be_back_to_back(office: Office) -> None:
    book_room(office, office.anna, at(TUESDAY, 9), at(TUESDAY, 10))
    book_room(office, office.bertil, at(TUESDAY, 10), at(TUESDAY, 11))
    book_room(office, office.cecilia, at(TUESDAY, 8), at(TUESDAY, 9))

    for start, end in (((9, 30), (10, 30)), ((8, 30), (11, 30)), ((9, 0), (9, 30))):
        assert_rejected(
            office,
            lambda s=start, e=end: book_room(office, office.cecilia, at(TUESDAY, *s), at(TUESDAY, *e)),
            ResourceTaken,
            "Konferensrummet är redan bokat",
        )
    assert count_bookings(office) == 3


# --- changing the policy changes what is accepted ---------------------------------------------
def test_shorter_horizon(office: Office) -> None:
    day_21 = MONDAY + timedelta(days=21)  # Monday 14 December
    day_22 = MONDAY + timedelta(days=22)  # Tuesday 15 December
    book_desk(office, office.bertil, 2, day_22, FULL)  # fine under the default 90 days

    office.services.office.update_policy(office.admin.id, horizon_days=21)

    assert_rejected(
        office,
        lambda: book_desk(office, office.anna, 1, day_22, FULL),
        BeyondHorizon,
        "21 dagar framåt",
        "senast mån 14 dec 2026",
    )
    assert book_desk(office, office.anna, 1, day_21, FULL).day == day_21
    assert count_bookings(office) == 2


def test_longer_minimum_room_slot(sqlite_office: Office) -> None:
    book_room(sqlite_office, sqlite_office.anna, at(TUESDAY, 9), at(TUESDAY, 9, 30))
    sqlite_office.services.office.update_policy(sqlite_office.admin.id, room_min_minutes=60)

    assert_rejected(
        sqlite_office,
        lambda: book_room(sqlite_office, sqlite_office.anna, at(TUESDAY, 10), at(TUESDAY, 10, 45)),
        TooShort,
        "Kortaste bokning är 60 minuter",
    )
    book_room(sqlite_office, sqlite_office.anna, at(TUESDAY, 10), at(TUESDAY, 11))
    assert count_bookings(sqlite_office) == 2


def test_changed_opening_hours(office: Office) -> None:
    early = OpeningHours(time(7, 0), time(19, 0))
    saturday = OpeningHours(time(10, 0), time(14, 0))
    office.services.office.update_policy(office.admin.id, week=(early,) * 5 + (saturday, None))
    assert office.services.office.policy().week[5] == saturday

    desk = book_desk(office, office.anna, 1, TUESDAY, FULL)
    assert (desk.start, desk.end) == (at(TUESDAY, 7), at(TUESDAY, 19))
    assert book_room(office, office.bertil, at(TUESDAY, 7), at(TUESDAY, 8)).start == at(TUESDAY, 7)
    assert book_desk(office, office.anna, 1, SATURDAY, FULL).end == at(SATURDAY, 14)
    assert_rejected(
        office,
        lambda: book_room(office, office.anna, at(SATURDAY, 14), at(SATURDAY, 15)),
        OutsideOpeningHours,
        "öppet 10:00–14:00",
    )
    sunday = SATURDAY + timedelta(days=1)
    assert_rejected(office, lambda: book_desk(office, office.anna, 1, sunday, FULL), OfficeClosed, "Söndag")
