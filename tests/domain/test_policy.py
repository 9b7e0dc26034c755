"""The room rules of domain/policy.py: one answer, whether asked (the room week) or enforced
(the booking service)."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from satellitkontor.domain import clock as clk
from satellitkontor.domain.errors import (
    BeyondHorizon,
    InThePast,
    NotOnSlotGrid,
    OfficeClosed,
    OutsideOpeningHours,
    ParticipantsOutOfRange,
    RuleViolation,
    TooLong,
    TooShort,
)
from satellitkontor.domain.policy import (
    DEFAULT_POLICY,
    check_room_booking,
    room_refusal,
    room_slot_refusal,
)

MONDAY = date(2026, 11, 23)
NOW = clk.local(MONDAY, time(13, 5))
CALENDAR = DEFAULT_POLICY.calendar()


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return clk.local(day, time(hour, minute))


@pytest.mark.parametrize(
    ("start", "end", "participants", "refused"),
    [
        (at(MONDAY, 10), at(MONDAY, 11), 4, InThePast),
        (at(date(2026, 11, 20), 10), at(date(2026, 11, 20), 11), 4, InThePast),
        (at(MONDAY, 13), at(MONDAY, 14), 4, None),  # started 5 minutes ago: within the grace
        (at(date(2026, 12, 24), 10), at(date(2026, 12, 24), 11), 4, OfficeClosed),
        (at(date(2026, 11, 28), 10), at(date(2026, 11, 28), 11), 4, OfficeClosed),  # Saturday
        (at(date(2026, 11, 24), 7), at(date(2026, 11, 24), 9), 4, OutsideOpeningHours),
        (at(date(2026, 11, 24), 16), at(date(2026, 11, 24), 17, 30), 4, OutsideOpeningHours),
        (at(date(2027, 3, 1), 10), at(date(2027, 3, 1), 11), 4, BeyondHorizon),
        (at(date(2026, 11, 24), 10), at(date(2026, 11, 24), 10, 15), 4, TooShort),
        (at(date(2026, 11, 24), 10, 5), at(date(2026, 11, 24), 11), 4, NotOnSlotGrid),
        (at(date(2026, 11, 24), 10), at(date(2026, 11, 24), 11), 13, ParticipantsOutOfRange),
        (at(date(2026, 11, 24), 10), at(date(2026, 11, 24), 11), 0, ParticipantsOutOfRange),
        (at(date(2026, 11, 24), 8), at(date(2026, 11, 24), 17), 4, None),
    ],
)
def test_check_room_booking_raises_what_room_refusal_says(
    start: datetime, end: datetime, participants: int, refused: type[RuleViolation] | None
) -> None:
    said = room_refusal(start, end, participants, 12, NOW, CALENDAR, DEFAULT_POLICY)
    assert type(said) is refused if refused else said is None
    if refused is None:
        assert check_room_booking(start, end, participants, 12, NOW, CALENDAR, DEFAULT_POLICY) == (
            clk.to_utc(start),
            clk.to_utc(end),
        )
        return
    with pytest.raises(refused) as raised:
        check_room_booking(start, end, participants, 12, NOW, CALENDAR, DEFAULT_POLICY)
    assert raised.value.params == said.params


def test_a_slot_is_asked_about_its_day_and_time_not_its_length() -> None:
    tuesday = date(2026, 11, 24)
    slot = (at(tuesday, 10), at(tuesday, 10, 15))
    assert room_slot_refusal(*slot, NOW, CALENDAR, DEFAULT_POLICY) is None
    assert isinstance(room_refusal(*slot, None, 12, NOW, CALENDAR, DEFAULT_POLICY), TooShort)
    late = (at(tuesday, 17), at(tuesday, 17, 15))
    assert isinstance(room_slot_refusal(*late, NOW, CALENDAR, DEFAULT_POLICY), OutsideOpeningHours)
    long = DEFAULT_POLICY.with_changes(room_max_minutes=60)
    assert isinstance(room_refusal(at(tuesday, 9), at(tuesday, 11), None, 12, NOW, CALENDAR, long), TooLong)
