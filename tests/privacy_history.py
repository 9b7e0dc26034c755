"""An office with a past: bookings older than the retention limit and newer ones, made through
the real services with the clock moved back, for the retention, erasure and export tests.

Relative to ``today`` (the test's "now"), with the default 13 months the cut-off is the first day
of the month 13 months back:

- 20 and 15 months back (old): Dora (a user who has nothing newer) books a desk; Bertil books
  the room with a personal title; the receptionist books a desk for Anna; Anna books and
  cancels one; Cecilia books a weekly room series with a title; Gustav, an old receptionist,
  books a desk.
- 11 months back (kept): Bertil books a desk again (for NOW that is December 2025, the same year
  as the old ones: the year's distinct-people count straddles the cut-off).
- after today (kept): Anna books a desk, Cecilia the room with a title.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta

from satellitkontor.domain import clock as clk
from satellitkontor.domain.bookings import BookingView, DeskPeriod
from satellitkontor.domain.office_calendar import OfficeCalendar
from satellitkontor.domain.people import Person, Role
from satellitkontor.domain.recurrence import Recurrence
from tests.conftest import Office

#: Strings that only old data holds: after retention none of them may be found anywhere.
DORA_NAME = "Dora Dahlström"
DORA_EMAIL = "dora.dahlstrom@bjurholm.se"
OLD_ROOM_TITLE = "Medarbetarsamtal Vindeln"
OLD_SERIES_TITLE = "Planeringsmöte Husum"
#: Recent: stays.
NEW_ROOM_TITLE = "Styrgrupp Renmarkstorget"
GUSTAV_NAME = "Gustav Gammalsson"


def months_back(today: date, months: int) -> tuple[int, int]:
    index = today.year * 12 + today.month - 1 - months
    return index // 12, index % 12 + 1


def open_monday(year: int, month: int, nth: int = 0) -> date:
    """The ``nth`` (0-based) Monday of the month on which the office is open."""
    cal = OfficeCalendar()
    day, found = date(year, month, 1), -1
    while True:
        if day.weekday() == 0 and cal.is_open(day):
            found += 1
            if found == nth:
                return day
        day += timedelta(days=1)


@dataclass
class History:
    dora: Person
    gustav: Person
    old_days: tuple[date, ...]
    kept_day: date
    future_day: date
    old: list[BookingView]
    kept: list[BookingView]


def make_history(office: Office, today: date) -> History:
    svc, clock = office.services, office.clock
    saved = clock.moment
    b = svc.booking

    def at(day: date) -> None:
        clock.set_local(day, time(7, 30))

    old_a = open_monday(*months_back(today, 20))
    old_b = open_monday(*months_back(today, 15))
    kept_day = open_monday(*months_back(today, 11))
    old: list[BookingView] = []
    at(old_a)
    dora = svc.office.add_person(office.admin.id, DORA_NAME, DORA_EMAIL, "Bjurholm")
    gustav = svc.office.add_person(
        office.admin.id, GUSTAV_NAME, "gustav.gammalsson@nordmaling.se", "Nordmaling", role=Role.RECEPTIONIST
    )
    old.append(b.book_desk(dora.id, office.desk(1).id, old_a, DeskPeriod.FULL_DAY))
    old.append(
        b.book_room(
            office.bertil.id,
            office.room.id,
            clk.local(old_a, time(9)),
            clk.local(old_a, time(10)),
            3,
            OLD_ROOM_TITLE,
        )
    )
    old.append(
        b.book_desk(
            office.reception.id, office.desk(2).id, old_a, DeskPeriod.MORNING, for_person_id=office.anna.id
        )
    )
    old.append(b.book_desk(gustav.id, office.desk(4).id, old_a, DeskPeriod.FULL_DAY))
    gone = b.book_desk(office.anna.id, office.desk(3).id, old_a, DeskPeriod.AFTERNOON)
    old.append(b.cancel(office.anna.id, gone.id))
    at(old_b)
    old.append(b.book_desk(dora.id, office.desk(1).id, old_b, DeskPeriod.MORNING))
    old.append(b.book_desk(office.bertil.id, office.desk(5).id, old_b, DeskPeriod.FULL_DAY))
    series = b.book_series(
        office.cecilia.id,
        office.room.id,
        Recurrence.weekly(old_b, frozenset({0}), count=2),
        start_time=time(13),
        end_time=time(14),
        participants=4,
        title=OLD_SERIES_TITLE,
    )
    old.extend(series.booked)

    at(kept_day)
    kept = [b.book_desk(office.bertil.id, office.desk(2).id, kept_day, DeskPeriod.FULL_DAY)]
    clock.moment = saved
    future_day = today + timedelta(days=1)
    cal = OfficeCalendar()
    while not cal.is_open(future_day):
        future_day += timedelta(days=1)
    kept.append(b.book_desk(office.anna.id, office.desk(6).id, future_day, DeskPeriod.FULL_DAY))
    kept.append(
        b.book_room(
            office.cecilia.id,
            office.room.id,
            clk.local(future_day, time(10)),
            clk.local(future_day, time(11)),
            5,
            NEW_ROOM_TITLE,
        )
    )
    return History(dora, gustav, (old_a, old_b), kept_day, future_day, old, kept)


# --- looking for personal data everywhere ------------------------------------------------------
def database_text(office: Office) -> str:
    """Every value of every table, as text (on SQLite and PostgreSQL alike)."""
    from satellitkontor.storage.models import Base

    parts: list[str] = []
    with office.services.db.connect() as conn:
        for table in Base.metadata.sorted_tables:
            for row in conn.exec_driver_sql(f"SELECT * FROM {table.name}"):
                parts.append(" | ".join(str(v) for v in row))
    return "\n".join(parts)


def file_bytes(office: Office) -> bytes:
    """The SQLite database file and its write-ahead log, as they are on disk now."""
    path = office.services.db.sqlite_path
    assert path is not None
    files = [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-journal")]
    return b"".join(f.read_bytes() for f in files if f.exists())


def found_in_file(office: Office, *needles: str) -> list[str]:
    data = file_bytes(office)
    return [n for n in needles if n.encode("utf-8") in data]
