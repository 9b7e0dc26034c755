"""Small helpers shared by the service tests: counting rows, local times, Swedish messages."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from sqlalchemy import text

from satellitkontor.domain import clock as clk
from satellitkontor.domain.errors import SatellitkontorError
from satellitkontor.words.texts import describe
from tests.conftest import Office

TUESDAY = date(2026, 11, 24)
WEDNESDAY = date(2026, 11, 25)
SATURDAY = date(2026, 11, 28)
JULAFTON = date(2026, 12, 24)
JULDAGEN = date(2026, 12, 25)


def at(day: date, hh: int, mm: int = 0) -> datetime:
    """The aware instant of hh:mm local time on ``day``."""
    return clk.local(day, time(hh, mm))


def count_bookings(office: Office, *, status: str | None = None) -> int:
    sql = "SELECT COUNT(*) FROM bookings"
    params: dict[str, str] = {}
    if status is not None:
        sql += " WHERE status = :status"
        params["status"] = status
    with office.services.db.session() as s:
        return int(s.execute(text(sql), params).scalar_one())


def count_series(office: Office) -> int:
    with office.services.db.session() as s:
        return int(s.execute(text("SELECT COUNT(*) FROM booking_series")).scalar_one())


def sv(error: SatellitkontorError) -> str:
    """The Swedish sentence a user is shown; must never fall back to the generic text."""
    message = describe(error, "sv")
    assert message, error
    assert message != "Något gick fel.", error
    return message


def assert_rejected(office: Office, call, error_type: type[SatellitkontorError], *words: str):  # type: ignore[no-untyped-def]
    """``call()`` raises ``error_type``, writes no booking, and its Swedish message holds ``words``."""
    before = count_bookings(office)
    with pytest.raises(error_type) as info:
        call()
    assert count_bookings(office) == before
    message = sv(info.value)
    for word in words:
        assert word in message, f"{word!r} not in {message!r}"
    return info.value
