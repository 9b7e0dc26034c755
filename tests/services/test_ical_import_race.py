"""An import racing a booking made at the reception desk, on SQLite and PostgreSQL.

Each round one thread applies an import of a day's meetings while another books the room in the
middle of that day, released together by a barrier. Exactly one of them gets the slot: either the
whole import is saved and the booking gets the ordinary conflict, or the booking is saved and the
import stops with ImportConflict having saved nothing. Never both, never a deadlock or a driver
error, never an overlap in the table.
"""

from __future__ import annotations

import threading
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import text

from satellitkontor.domain.errors import ImportConflict, ResourceTaken
from satellitkontor.domain.office_calendar import OfficeCalendar
from tests.conftest import MONDAY, Office
from tests.services.helpers import at
from tests.storage.test_concurrent_booking import OVERLAPS_SQL

ROUNDS = 8


def meetings_of(day: date) -> bytes:
    events = "".join(
        f"BEGIN:VEVENT\r\nUID:race-{day:%Y%m%d}-{h}@umea.se\r\n"
        f"DTSTART;TZID=Europe/Stockholm:{day:%Y%m%d}T{h:02d}0000\r\n"
        f"DTEND;TZID=Europe/Stockholm:{day:%Y%m%d}T{h:02d}4500\r\n"
        f"SUMMARY:Möte {h}\r\nLOCATION:Konferensrummet\r\nORGANIZER:mailto:anna.andersson@umea.se\r\n"
        "END:VEVENT\r\n"
        for h in (8, 10, 12, 14, 16)
    )
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//SV\r\n{events}END:VCALENDAR\r\n".encode()


@pytest.mark.timeout(240)
def test_an_import_and_a_single_booking_never_both_get_the_slot(office: Office) -> None:
    imports, booking = office.services.ical_import, office.services.booking
    calendar = OfficeCalendar()
    days = [d for d in (MONDAY + timedelta(days=i) for i in range(1, 40)) if calendar.is_open(d)][:ROUNDS]
    outcomes = []
    for day in days:
        parsed = imports.read(meetings_of(day))
        plan = imports.plan(office.admin.id, parsed, imports.suggest_mapping(parsed))
        assert len(plan.to_create) == 5
        barrier = threading.Barrier(2, timeout=60)
        result: dict[str, Any] = {}

        def run_import(
            plan: Any = plan, barrier: threading.Barrier = barrier, result: dict[str, Any] = result
        ) -> None:
            barrier.wait()
            try:
                result["import"] = len(imports.apply(office.admin.id, plan).created)
            except ImportConflict as err:
                result["import"] = err
            except Exception as err:  # reported below as a failure
                result["import"] = repr(err)

        def run_booking(
            day: date = day, barrier: threading.Barrier = barrier, result: dict[str, Any] = result
        ) -> None:
            barrier.wait()
            try:
                result["booking"] = booking.book_room(
                    office.bertil.id, office.room.id, at(day, 12, 15), at(day, 13), 2, "Bertils möte"
                ).id
            except ResourceTaken as err:
                result["booking"] = err
            except Exception as err:
                result["booking"] = repr(err)

        threads = [threading.Thread(target=run_import), threading.Thread(target=run_booking)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        imported, booked = result["import"], result["booking"]
        assert not isinstance(imported, str) and not isinstance(booked, str), result
        if isinstance(imported, int):
            assert imported == 5 and isinstance(booked, ResourceTaken), result
            outcomes.append("import")
        else:
            assert isinstance(imported, ImportConflict) and isinstance(booked, int), result
            assert imported.params["summary"] == "Möte 12"
            outcomes.append("booking")
        with office.services.db.session() as s:
            on_day = s.execute(
                text("SELECT COUNT(*) FROM bookings WHERE import_key LIKE :k"), {"k": f"race-{day:%Y%m%d}-%"}
            ).scalar_one()
            assert on_day == (5 if outcomes[-1] == "import" else 0)
            assert s.execute(OVERLAPS_SQL).scalar_one() == 0
    assert len(outcomes) == ROUNDS
