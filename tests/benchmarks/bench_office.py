"""The office the benchmarks measure: about 150 people, 40 desks and the conference room, built
through the real services, and years of bookings generated into it (used by core_benchmark,
history_benchmark and startup_benchmark).

The bookings go straight into the ``bookings`` table with one SQLAlchemy Core executemany, with
the columns the BookingService writes; the database's own overlap guards (triggers on SQLite, the
exclusion constraint on PostgreSQL) check the generator on the way in.
"""

from __future__ import annotations

import random
import sys
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime
from enum import StrEnum
from typing import Any

from sqlalchemy import column, table, text

from satellitkontor.domain import clock as clk
from satellitkontor.domain import municipalities
from satellitkontor.domain.bookings import BookingStatus, DeskPeriod
from satellitkontor.domain.office_calendar import OfficeCalendar
from satellitkontor.domain.people import Person, PersonKind, Role
from satellitkontor.domain.resources import ResourceKind
from satellitkontor.services.app_services import AppServices, open_office
from satellitkontor.storage.models import BookingRow

BOOKINGS = BookingRow.__table__

DESK_BOOKINGS_PER_YEAR = 12_000
ROOM_BOOKINGS_PER_YEAR = 2_000
GENERATED_DESKS = 40  # the 8 of the default office and 32 more
PEOPLE = 150
FUTURE_DAYS = 90
SEED = 20260101

INSERT_COLUMNS = (
    "uid",
    "resource_id",
    "resource_kind",
    "person_id",
    "created_by_id",
    "municipality_code",
    "person_kind",
    "start_at",
    "end_at",
    "desk_period",
    "title",
    "participants",
    "status",
    "series_id",
    "sequence",
    "created_at",
    "updated_at",
)

FIRST_NAMES = (
    "Anna", "Erik", "Maria", "Lars", "Karin", "Anders", "Eva", "Johan", "Sara", "Per", "Lena",
    "Mikael", "Emma", "Nils", "Ingrid", "Olof", "Elin", "Gustav", "Linnea", "Henrik", "Maja",
    "Jonas", "Frida", "Magnus", "Ida", "Fredrik", "Sofia", "Björn", "Hanna", "Åsa",
)  # fmt: skip
LAST_NAMES = (
    "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson",
    "Svensson", "Gustafsson", "Lindberg", "Öberg", "Sjöberg", "Holmström", "Lundqvist", "Berglund",
    "Nordin", "Backman", "Marklund", "Forsberg", "Hedlund", "Åström", "Wikström", "Lindgren",
)  # fmt: skip
ROOM_TITLES = (
    "Ledningsgrupp", "Projektmöte", "Digitalt möte med regionen", "Arbetsmöte", "Workshop",
    "Styrgrupp", "Avstämning", "Utbildning", "Intervju", "Nätverksträff",
)  # fmt: skip
#: Weight of each municipality's staff in the office, in municipalities.ALL order.
MUNICIPALITY_WEIGHTS = (6, 7, 7, 45, 8, 9, 18)
#: How busy each weekday is, Monday first.
WEEKDAY_FACTOR = (0.85, 1.1, 1.1, 1.05, 0.8, 0.0, 0.0)


class BenchmarkError(Exception):
    """Something is wrong (not merely slow): the run fails."""


def progress(message: str) -> None:
    print(f"  .. {message}", file=sys.stderr, flush=True)


# --- the office -----------------------------------------------------------------------------------
@dataclass
class Office:
    services: AppServices
    admin: Person
    people: list[Person]  # who the generator books for
    desks: list[int]  # generated desks' ids
    room: int
    room_capacity: int
    bench_people: list[Person]  # one per bench desk, never in the generated desk bookings
    bench_desks: list[int]  # desks the commit benchmark books; no generated bookings
    bare_desk: int  # the desk the bare INSERT baseline writes to


def build_office(url: str, bench_desks: int) -> Office:
    services = open_office(url)
    office = services.office
    rng = random.Random(SEED)
    munis = list(municipalities.ALL)
    admin = office.add_person(None, "Åsa Administratör", "asa.admin@umea.se", "umea", role=Role.ADMIN)
    people = [admin]
    office.add_person(
        admin.id, "Rut Receptionist", "rut.receptionist@umea.se", "umea", role=Role.RECEPTIONIST
    )
    for i in range(PEOPLE - 2):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        muni = rng.choices(munis, weights=MUNICIPALITY_WEIGHTS)[0]
        kind = PersonKind.POLITICIAN if rng.random() < 0.15 else PersonKind.EMPLOYEE
        email = f"{first}.{last}.{i}@{muni.code}.se".lower()
        people.append(office.add_person(admin.id, f"{first} {last}", email, muni.code, kind))
    bench_people = [
        office.add_person(admin.id, f"Mätperson {k + 1}", f"matperson{k + 1}@umea.se", "umea")
        for k in range(bench_desks)
    ]
    existing = office.resources()
    desks = [r.id for r in existing if r.kind is ResourceKind.DESK]
    room = next(r for r in existing if r.kind is ResourceKind.ROOM)
    for n in range(len(desks) + 1, GENERATED_DESKS + 1):
        desks.append(office.add_resource(admin.id, ResourceKind.DESK, f"Plats {n}").id)
    bench = [
        office.add_resource(admin.id, ResourceKind.DESK, f"Mätplats {k + 1}").id for k in range(bench_desks)
    ]
    bare = office.add_resource(admin.id, ResourceKind.DESK, "Mätplats rå").id
    return Office(services, admin, people, desks, room.id, room.capacity, bench_people, bench, bare)


# --- the bookings ---------------------------------------------------------------------------------
def new_uid(rng: random.Random) -> str:
    return f"{uuid.UUID(int=rng.getrandbits(128), version=4)}@satellitkontor"


def generate_bookings(
    office: Office, years: int, today: date, now: datetime
) -> tuple[list[dict[str, Any]], dict[date, int]]:
    """Rows for the bookings table, and the number of not-cancelled bookings per day."""
    rng = random.Random(SEED + 1)
    calendar = OfficeCalendar()
    last = today + timedelta(days=FUTURE_DAYS)
    first = last - timedelta(days=round(365.25 * years)) + timedelta(days=1)
    days = list(calendar.open_days(first, last))

    def weight(day: date) -> float:
        ahead = (day - today).days
        decay = 1.0 if ahead <= 14 else max(0.25, 1.0 - (ahead - 14) / 100)
        return WEEKDAY_FACTOR[day.weekday()] * decay

    total_weight = sum(weight(d) for d in days)
    desk_base = DESK_BOOKINGS_PER_YEAR * years / total_weight
    room_base = ROOM_BOOKINGS_PER_YEAR * years / total_weight
    halves = 2 * len(office.desks)

    rows: list[dict[str, Any]] = []
    per_day: dict[date, int] = {}

    def add(day: date, person: Person, resource: int, kind: ResourceKind, start: datetime,
            end: datetime, **extra: Any) -> None:  # fmt: skip
        created = min(start - timedelta(minutes=rng.randint(10, 30 * 24 * 60)), now - timedelta(minutes=5))
        row: dict[str, Any] = {
            "uid": new_uid(rng),
            "resource_id": resource,
            "resource_kind": kind,
            "person_id": person.id,
            "created_by_id": person.id,
            "municipality_code": person.municipality_code,
            "person_kind": person.kind,
            "start_at": start,
            "end_at": end,
            "desk_period": None,
            "title": None,
            "participants": None,
            "status": BookingStatus.CONFIRMED,
            "series_id": None,
            "sequence": 0,
            "created_at": created,
            "updated_at": created,
            "checked_in_at": None,
            "cancelled_at": None,
        }
        row.update(extra)
        r = rng.random()
        if end <= now:  # the past: mostly checked in, some no-shows and cancellations
            if r < 0.85:
                row["status"] = BookingStatus.CHECKED_IN
                row["checked_in_at"] = row["updated_at"] = start + timedelta(minutes=rng.randint(-20, 25))
            elif r < 0.90:
                row["status"] = BookingStatus.NO_SHOW
                row["updated_at"] = start + timedelta(minutes=30)
            elif r < 0.97:
                row["status"] = BookingStatus.CANCELLED
            # else: confirmed, never checked in nor marked
        elif start <= now:  # going on now
            if r < 0.7:
                row["status"] = BookingStatus.CHECKED_IN
                row["checked_in_at"] = row["updated_at"] = max(start, created)
        elif r < 0.05:
            row["status"] = BookingStatus.CANCELLED
        if row["status"] is BookingStatus.CANCELLED:
            latest = min(start, now)
            cancelled = created + (latest - created) * rng.random()
            row["cancelled_at"] = row["updated_at"] = cancelled
            row["sequence"] = 1
        else:
            per_day[day] = per_day.get(day, 0) + 1
        rows.append(row)

    for day in days:
        w = weight(day)
        hours = calendar.hours(day)
        assert hours is not None
        opens, midday, closes = (clk.local(day, t) for t in (hours.opens, dtime(12), hours.closes))
        # Desks: n bookings, a third of them full days; at most one desk per person per day.
        n = max(0, round(rng.gauss(desk_base * w, 3)))
        full = round(n * 0.35)
        n = min(n, halves - full)
        who = rng.sample(office.people, n)
        desks = rng.sample(office.desks, len(office.desks))
        for desk in desks[:full]:
            add(day, who.pop(), desk, ResourceKind.DESK, opens, closes, desk_period=DeskPeriod.FULL_DAY)
        free_halves = [(d, p) for d in desks[full:] for p in (DeskPeriod.MORNING, DeskPeriod.AFTERNOON)]
        for desk, period in rng.sample(free_halves, n - full):
            start, end = (opens, midday) if period is DeskPeriod.MORNING else (midday, closes)
            add(day, who.pop(), desk, ResourceKind.DESK, start, end, desk_period=period)
        # The room: meetings of 30 min to 2 h on the 15-minute grid, one after another with gaps.
        slots = int((closes - opens).total_seconds() // 900)
        m = max(0, round(rng.gauss(room_base * w, 1.5)))
        lengths = [rng.choice((2, 2, 2, 3, 3, 4, 4, 6)) for _ in range(m)]
        while sum(lengths) > slots:
            lengths.pop()
        gaps = sorted(rng.randint(0, slots - sum(lengths)) for _ in range(len(lengths)))
        at = 0
        for i, length in enumerate(lengths):
            begin = opens + timedelta(minutes=15 * (gaps[i] + at))
            at += length
            participants = min(office.room_capacity, max(1, round(rng.triangular(1, 12, 4))))
            add(day, rng.choice(office.people), office.room, ResourceKind.ROOM, begin,
                begin + timedelta(minutes=15 * length), title=rng.choice(ROOM_TITLES),
                participants=participants)  # fmt: skip
    return rows, per_day


def insert_bookings(services: AppServices, rows: list[dict[str, Any]]) -> None:
    """One transaction, Core executemany in chunks; the overlap guards check every row.

    The values are put in their stored form here (enum values; timestamps as naive UTC text on
    SQLite, exactly as UTCDateTime writes them) and go through a typeless ``table()``: the
    per-value type processing of the mapped table would double the time of the load.
    """
    sqlite = services.db.is_sqlite

    def stored(value: Any) -> Any:
        if isinstance(value, datetime):
            value = value.astimezone(UTC)
            return value.replace(tzinfo=None).isoformat(" ", "microseconds") if sqlite else value
        return value.value if isinstance(value, StrEnum) else value

    names = list(rows[0])
    raw = table("bookings", *(column(n) for n in names))
    engine = services.db.engine.execution_options(satellitkontor_write=True)
    with engine.begin() as conn:
        for i in range(0, len(rows), 5000):
            conn.execute(raw.insert(), [{n: stored(r[n]) for n in names} for r in rows[i : i + 5000]])
    if services.db.is_postgresql:
        with services.db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("ANALYZE"))  # what autovacuum does within a minute of a bulk load


def check_stored_form(services: AppServices) -> None:
    """On SQLite, generated and service-written timestamps must have one text form, or the
    range queries would compare apples with pears."""
    if not services.db.is_sqlite:
        return
    with services.db.session() as s:
        forms = s.execute(
            text(
                "SELECT DISTINCT length(start_at), length(end_at), length(created_at), "
                "substr(start_at, 11, 1), substr(start_at, 20, 1) FROM bookings"
            )
        ).all()
    if len(forms) != 1:
        raise BenchmarkError(f"sqlite: timestamps are stored in more than one form: {forms}")
