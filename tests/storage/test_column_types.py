"""The column types of storage/types.py. The UTC time column read back from SQLite text: what we
write, and what a hand-edited or older file may hold, comes back as an aware UTC datetime. An
enumeration comes back as its member, and a value that is none is refused in words."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import Column, Enum, Integer, MetaData, Table, create_engine, insert, select, text
from sqlalchemy.exc import StatementError

from satellitkontor.domain.bookings import BookingStatus
from satellitkontor.storage.types import UTCDateTime, enum_type


@pytest.fixture
def table_and_engine():  # type: ignore[no-untyped-def]
    engine = create_engine("sqlite://")
    meta = MetaData()
    times = Table("times", meta, Column("id", Integer, primary_key=True), Column("at", UTCDateTime()))
    meta.create_all(engine)
    yield times, engine
    engine.dispose()


def test_an_aware_time_comes_back_as_the_same_instant_in_utc(table_and_engine) -> None:  # type: ignore[no-untyped-def]
    times, engine = table_and_engine
    stockholm = timezone(timedelta(hours=1))
    written = [
        datetime(2026, 3, 29, 1, 59, 59, 999999, tzinfo=UTC),
        datetime(2026, 12, 7, 9, 0, tzinfo=stockholm),
    ]
    with engine.begin() as conn:
        conn.execute(insert(times), [{"at": w} for w in written] + [{"at": None}])
        stored = conn.execute(text("SELECT at FROM times ORDER BY id")).scalars().all()
        read = conn.execute(select(times.c.at).order_by(times.c.id)).scalars().all()
    assert stored == ["2026-03-29 01:59:59.999999", "2026-12-07 08:00:00.000000", None]
    assert read == [*written, None]
    assert all(r.tzinfo is UTC for r in read[:2])


@pytest.mark.parametrize(
    ("stored", "instant"),
    [
        ("2026-12-07 08:00:00", datetime(2026, 12, 7, 8, tzinfo=UTC)),  # no fraction
        ("2026-12-07T08:00:00.5", datetime(2026, 12, 7, 8, 0, 0, 500000, tzinfo=UTC)),
        ("2026-12-07", datetime(2026, 12, 7, tzinfo=UTC)),  # a date alone: its midnight in UTC
        ("2026-12-07 09:00:00+01:00", datetime(2026, 12, 7, 8, tzinfo=UTC)),  # an offset of its own
    ],
)
def test_text_not_written_by_the_app_is_read_as_utc(table_and_engine, stored: str, instant: datetime) -> None:  # type: ignore[no-untyped-def]
    times, engine = table_and_engine
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO times (at) VALUES (:at)"), {"at": stored})
        read = conn.execute(select(times.c.at)).scalar_one()
    assert read == instant and read.utcoffset() == timedelta(0)


def test_text_that_is_no_time_is_an_error(table_and_engine) -> None:  # type: ignore[no-untyped-def]
    times, engine = table_and_engine
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO times (at) VALUES ('igår')"))
        with pytest.raises(ValueError):
            conn.execute(select(times.c.at)).scalar_one()


# --- enumerations ----------------------------------------------------------------------------------
@pytest.mark.parametrize("member", [*BookingStatus, None])
def test_an_enumeration_is_read_back_as_its_member(db_url: str, member: BookingStatus | None) -> None:
    """Read through StoredEnum's one look-up, on SQLite and PostgreSQL (whose drivers give text)."""
    engine = create_engine(db_url)
    meta = MetaData()
    rows = Table("enum_values", meta, Column("id", Integer, primary_key=True), Column("status", _status()))
    try:
        meta.create_all(engine)
        with engine.begin() as conn:
            conn.execute(insert(rows), {"status": member})
            stored = conn.execute(text("SELECT status FROM enum_values")).scalar_one()
            read = conn.execute(select(rows.c.status)).scalar_one()
        assert stored == (None if member is None else member.value)
        assert read is member
    finally:
        meta.drop_all(engine)
        engine.dispose()


def test_a_value_that_is_no_member_is_refused_in_words() -> None:
    """A value put past the CHECK by hand (here: a table without one) is an error that names the
    enumeration, not a ``KeyError``; and the app's own writes refuse it before the database."""
    engine = create_engine("sqlite://")
    meta = MetaData()
    rows = Table("enum_values", meta, Column("id", Integer, primary_key=True), Column("status", _status()))
    meta.create_all(engine)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO enum_values (status) VALUES ('tentative')"))
        with pytest.raises(LookupError, match=r"'tentative' is not among .* booking_status"):
            conn.execute(select(rows.c.status)).all()
        with pytest.raises(StatementError, match="tentative"):
            conn.execute(insert(rows), {"status": "tentative"})
    engine.dispose()


def _status() -> Enum:
    return enum_type(BookingStatus, "booking_status")
