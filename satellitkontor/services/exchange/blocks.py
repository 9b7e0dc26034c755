"""Which times an Outlook event blocks in the app: one block, or one per opening day it covers.

A meeting inside one day is booked as it is. An all-day event, or one running over midnight
(a two-day workshop), blocks the place on every day it covers on which the office is open, each
block inside that day's opening hours: a booking never runs past a day (the database refuses
that), and a closed day has nothing to block. Days are the office's (Europe/Stockholm), so the
last Sundays of March and October, 23 and 25 hours long, are one day each.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from satellitkontor.domain import clock as clk
from satellitkontor.domain.office_calendar import OfficeCalendar

Block = tuple[datetime, datetime]


def one_day(start: datetime, end: datetime) -> bool:
    """Inside one local day (ending at the next midnight still counts as that day)."""
    return clk.local_date(start) == clk.local_date(end - timedelta(microseconds=1))


def blocks(start: datetime, end: datetime, all_day: bool, calendar: OfficeCalendar) -> list[Block]:
    """The blocks of an event from ``start`` to ``end`` (aware, ``end`` after ``start``)."""
    if not all_day and one_day(start, end):
        return [(start, end)]
    out: list[Block] = []
    day, last = clk.local_date(start), clk.local_date(end - timedelta(microseconds=1))
    while day <= last:
        hours = calendar.hours(day)
        if hours is not None:
            first = max(start, clk.local(day, hours.opens))
            until = min(end, clk.local(day, hours.closes))
            if first < until:
                out.append((first, until))
        day += timedelta(days=1)
    return out
