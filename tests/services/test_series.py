"""Recurring bookings: every free occurrence in one transaction, each skipped one with its reason."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from sqlalchemy import text

from satellitkontor.domain.bookings import BookingStatus, DeskPeriod
from satellitkontor.domain.errors import (
    BadRecurrence,
    BeyondHorizon,
    BookingNotFound,
    InvalidInput,
    NoOccurrences,
    OfficeClosed,
    PermissionDenied,
    PersonAlreadyHasDesk,
    ResourceTaken,
)
from satellitkontor.domain.recurrence import Recurrence
from tests.conftest import Office
from tests.services.helpers import assert_rejected, at, count_bookings, count_series, sv

MORNING = DeskPeriod.MORNING
TUE, WED, THU, FRI, SAT = 1, 2, 3, 4, 5


def dec(day: int) -> date:
    return date(2026, 12, day)


def test_weekly_series_through_christmas_books_open_days_and_skips_the_rest(office: Office) -> None:
    booking = office.services.booking
    taken = booking.book_desk(office.bertil.id, office.desk(1).id, dec(8), MORNING)  # someone else
    mine = booking.book_desk(
        office.anna.id, office.desk(2).id, dec(10), DeskPeriod.FULL_DAY
    )  # anna elsewhere
    rule = Recurrence.weekly(dec(1), {TUE, THU, FRI}, until=dec(31))

    result = booking.book_series(office.anna.id, office.desk(1).id, rule, period=MORNING)

    assert result.dry_run is False and result.series_id is not None
    assert [b.day for b in result.booked] == [dec(d) for d in (1, 3, 4, 11, 15, 17, 18, 22, 29)]
    assert list(result.days) == [b.day for b in result.booked]
    assert all(b.series_id == result.series_id for b in result.booked)
    assert all(b.status is BookingStatus.CONFIRMED and b.person_id == office.anna.id for b in result.booked)
    assert all((b.start, b.end) == (at(b.day, 8), at(b.day, 12)) for b in result.booked)

    skipped = {s.day: s.error for s in result.skipped}
    assert sorted(skipped) == [dec(8), dec(10), dec(24), dec(25), dec(31)]
    assert isinstance(skipped[dec(8)], ResourceTaken)
    assert "Plats 1 är redan bokad" in sv(skipped[dec(8)])
    assert "Vindeln" in sv(skipped[dec(8)])
    assert isinstance(skipped[dec(10)], PersonAlreadyHasDesk)
    assert "Plats 2" in sv(skipped[dec(10)])
    assert isinstance(skipped[dec(24)], OfficeClosed) and "Julafton" in sv(skipped[dec(24)])
    assert isinstance(skipped[dec(25)], OfficeClosed) and "Juldagen" in sv(skipped[dec(25)])
    assert isinstance(skipped[dec(31)], OfficeClosed) and "Nyårsafton" in sv(skipped[dec(31)])

    # written: the nine occurrences, one series, and the two bookings that were there before
    assert count_bookings(office) == 2 + 9
    assert count_series(office) == 1
    with office.services.db.session() as s:
        rrule = s.execute(text("SELECT rrule FROM booking_series")).scalar_one()
        in_series = s.execute(
            text("SELECT COUNT(*) FROM bookings WHERE series_id = :id"), {"id": result.series_id}
        ).scalar_one()
    assert rrule == "FREQ=WEEKLY;BYDAY=TU,TH,FR;UNTIL=20261231"
    assert in_series == 9
    assert office.services.occupancy.booking(taken.id).person_id == office.bertil.id
    assert office.services.occupancy.booking(mine.id).status is BookingStatus.CONFIRMED


def test_series_where_no_occurrence_can_be_booked_writes_nothing(office: Office) -> None:
    booking = office.services.booking
    saturdays = Recurrence.weekly(date(2026, 11, 28), {SAT}, count=4)

    error = assert_rejected(
        office,
        lambda: booking.book_series(office.anna.id, office.desk(1).id, saturdays, period=MORNING),
        NoOccurrences,
        "Inget av de 4 tillfällena gick att boka",
        "ingenting har bokats",
    )
    assert error.params["count"] == 4
    assert count_series(office) == 0


def test_dry_run_lists_days_and_skipped_and_writes_nothing(sqlite_office: Office) -> None:
    booking = sqlite_office.services.booking
    booking.book_desk(sqlite_office.bertil.id, sqlite_office.desk(3).id, dec(2), MORNING)
    rule = Recurrence.daily(dec(1), count=5)  # Tue 1 - Sat 5 December

    result = booking.book_series(
        sqlite_office.anna.id, sqlite_office.desk(3).id, rule, period=MORNING, dry_run=True
    )

    assert result.dry_run is True and result.series_id is None
    assert result.booked == ()
    assert list(result.days) == [dec(1), dec(3), dec(4)]
    assert [(s.day, type(s.error)) for s in result.skipped] == [
        (dec(2), ResourceTaken),
        (dec(5), OfficeClosed),
    ]
    assert count_bookings(sqlite_office) == 1
    assert count_series(sqlite_office) == 0

    # the same series for real books exactly the days the dry run promised
    real = booking.book_series(sqlite_office.anna.id, sqlite_office.desk(3).id, rule, period=MORNING)
    assert [b.day for b in real.booked] == list(result.days)
    assert count_bookings(sqlite_office) == 4


def test_dry_run_of_an_impossible_series_also_says_no_occurrences(sqlite_office: Office) -> None:
    rule = Recurrence.weekly(dec(24), {THU}, count=1)
    with pytest.raises(NoOccurrences):
        sqlite_office.services.booking.book_series(
            sqlite_office.anna.id, sqlite_office.desk(1).id, rule, period=MORNING, dry_run=True
        )


def test_daily_series_over_new_year_skips_weekends_holidays_and_eves(sqlite_office: Office) -> None:
    rule = Recurrence.daily(dec(21), until=date(2027, 1, 8))
    result = sqlite_office.services.booking.book_series(
        sqlite_office.cecilia.id, sqlite_office.desk(5).id, rule, period=DeskPeriod.FULL_DAY
    )

    assert [b.day for b in result.booked] == [
        dec(21),
        dec(22),
        dec(23),
        dec(28),
        dec(29),
        dec(30),
        date(2027, 1, 4),
        date(2027, 1, 5),
        date(2027, 1, 7),
        date(2027, 1, 8),
    ]
    reasons = {s.day: s.error.params["reason"] for s in result.skipped}
    assert reasons[dec(26)] == "Annandag jul"
    assert reasons[dec(27)] == "Söndag"
    assert reasons[date(2027, 1, 1)] == "Nyårsdagen"
    assert reasons[date(2027, 1, 6)] == "Trettondedag jul"
    assert len(result.skipped) == 19 - 10


def test_occurrences_beyond_the_horizon_are_skipped(sqlite_office: Office) -> None:
    rule = Recurrence.weekly(date(2026, 11, 30), {0}, count=15)  # Mondays until 8 March
    result = sqlite_office.services.booking.book_series(
        sqlite_office.anna.id, sqlite_office.desk(1).id, rule, period=MORNING
    )

    assert len(result.booked) == 12
    assert result.booked[-1].day == date(2027, 2, 15)
    assert [s.day for s in result.skipped] == [date(2027, 2, 22), date(2027, 3, 1), date(2027, 3, 8)]
    assert all(isinstance(s.error, BeyondHorizon) for s in result.skipped)
    assert "90 dagar framåt" in sv(result.skipped[0].error)


def test_room_series_with_participants_and_title(sqlite_office: Office) -> None:
    booking = sqlite_office.services.booking
    booking.book_room(sqlite_office.bertil.id, sqlite_office.room.id, at(dec(9), 9, 30), at(dec(9), 10), 3)
    rule = Recurrence.weekly(dec(2), {WED}, count=4)

    result = booking.book_series(
        sqlite_office.anna.id,
        sqlite_office.room.id,
        rule,
        start_time=time(9, 0),
        end_time=time(10, 0),
        participants=8,
        title="Arbetsgrupp digitalisering",
    )

    assert [b.day for b in result.booked] == [dec(2), dec(16), dec(23)]
    assert all(b.title == "Arbetsgrupp digitalisering" and b.participants == 8 for b in result.booked)
    assert all((b.start, b.end) == (at(b.day, 9), at(b.day, 10)) for b in result.booked)
    assert [(s.day, type(s.error)) for s in result.skipped] == [(dec(9), ResourceTaken)]


def test_room_series_with_too_many_participants_books_nothing(sqlite_office: Office) -> None:
    rule = Recurrence.weekly(dec(2), {WED}, count=2)
    with pytest.raises(NoOccurrences):
        sqlite_office.services.booking.book_series(
            sqlite_office.anna.id,
            sqlite_office.room.id,
            rule,
            start_time=time(9, 0),
            end_time=time(10, 0),
            participants=13,
        )
    assert count_bookings(sqlite_office) == 0

    result = sqlite_office.services.booking.book_series(
        sqlite_office.anna.id,
        sqlite_office.room.id,
        Recurrence.weekly(dec(2), {WED}, count=2),
        start_time=time(9, 0),
        end_time=time(10, 0),
        participants=12,
        dry_run=True,
    )
    assert list(result.days) == [dec(2), dec(9)]


def test_room_series_needs_times_and_participants(sqlite_office: Office) -> None:
    rule = Recurrence.weekly(dec(2), {WED}, count=2)
    booking = sqlite_office.services.booking
    for missing in ({"start_time": time(9)}, {"start_time": time(9), "end_time": time(10)}):
        assert_rejected(
            sqlite_office,
            lambda m=missing: booking.book_series(sqlite_office.anna.id, sqlite_office.room.id, rule, **m),
            InvalidInput,
            "Ogiltigt värde",
        )
    assert count_series(sqlite_office) == 0


def test_bad_recurrence_is_explained_in_swedish() -> None:
    with pytest.raises(BadRecurrence) as both:
        Recurrence.weekly(dec(1), {TUE}, until=dec(31), count=3)
    assert "ange antingen ett slutdatum eller ett antal gånger" in sv(both.value)
    with pytest.raises(BadRecurrence) as backwards:
        Recurrence.daily(dec(10), until=dec(1))
    assert "slutdatumet ligger före startdatumet" in sv(backwards.value)
    with pytest.raises(BadRecurrence) as too_many:
        Recurrence.daily(dec(1), count=501)
    assert "mellan 1 och 500" in sv(too_many.value)


def test_a_user_cannot_book_a_series_for_someone_else_but_reception_can(sqlite_office: Office) -> None:
    booking = sqlite_office.services.booking
    rule = Recurrence.weekly(dec(1), {TUE}, count=3)
    assert_rejected(
        sqlite_office,
        lambda: booking.book_series(
            sqlite_office.anna.id,
            sqlite_office.desk(1).id,
            rule,
            period=MORNING,
            for_person_id=sqlite_office.bertil.id,
        ),
        PermissionDenied,
        "boka åt någon annan",
    )
    result = booking.book_series(
        sqlite_office.reception.id,
        sqlite_office.desk(1).id,
        rule,
        period=MORNING,
        for_person_id=sqlite_office.bertil.id,
    )
    assert {b.person_id for b in result.booked} == {sqlite_office.bertil.id}
    assert {b.created_by_id for b in result.booked} == {sqlite_office.reception.id}
    assert {b.municipality_code for b in result.booked} == {"vindeln"}


def test_cancel_series_from_a_date_cancels_only_from_that_date(office: Office) -> None:
    booking = office.services.booking
    rule = Recurrence.weekly(dec(1), {TUE}, count=4)  # 1, 8, 15, 22 December
    result = booking.book_series(office.anna.id, office.desk(1).id, rule, period=MORNING)
    assert result.series_id is not None

    with pytest.raises(PermissionDenied) as refused:
        booking.cancel_series(office.bertil.id, result.series_id, dec(15))
    assert "avboka någon annans bokning" in sv(refused.value)
    assert count_bookings(office, status="cancelled") == 0

    cancelled = booking.cancel_series(office.anna.id, result.series_id, dec(15))

    assert [b.day for b in cancelled] == [dec(15), dec(22)]
    assert all(b.status is BookingStatus.CANCELLED and b.sequence == 1 for b in cancelled)
    left = office.services.occupancy.bookings_of(office.anna.id)
    assert [(b.day, b.status) for b in left] == [
        (dec(1), BookingStatus.CONFIRMED),
        (dec(8), BookingStatus.CONFIRMED),
    ]
    # the freed days can be booked by someone else
    assert booking.book_desk(office.bertil.id, office.desk(1).id, dec(15), MORNING).day == dec(15)


def test_cancel_series_by_default_leaves_past_occurrences(sqlite_office: Office) -> None:
    booking = sqlite_office.services.booking
    rule = Recurrence.daily(date(2026, 11, 23), count=3)  # Mon, Tue, Wed
    result = booking.book_series(sqlite_office.anna.id, sqlite_office.desk(1).id, rule, period=MORNING)
    assert result.series_id is not None

    sqlite_office.clock.set_local(date(2026, 11, 24), time(13, 0))  # Tuesday afternoon
    cancelled = booking.cancel_series(sqlite_office.anna.id, result.series_id)

    assert [b.day for b in cancelled] == [date(2026, 11, 25)]
    assert count_bookings(sqlite_office, status="confirmed") == 2
    assert count_bookings(sqlite_office, status="cancelled") == 1
    assert sqlite_office.services.booking.cancel_series(sqlite_office.anna.id, result.series_id) == []


def test_a_series_that_does_not_exist(sqlite_office: Office) -> None:
    with pytest.raises(BookingNotFound) as info:
        sqlite_office.services.booking.cancel_series(sqlite_office.anna.id, "no-such-series")
    assert "Det finns ingen bokning «no-such-series»" in sv(info.value)


def test_a_series_longer_than_the_horizon_with_an_until(sqlite_office: Office) -> None:
    rule = Recurrence.weekly(dec(1), {TUE}, until=dec(1) + timedelta(days=200))
    result = sqlite_office.services.booking.book_series(
        sqlite_office.anna.id, sqlite_office.desk(1).id, rule, period=MORNING, dry_run=True
    )
    assert result.days[-1] == date(2027, 2, 16)
    assert {type(s.error) for s in result.skipped} == {BeyondHorizon}
