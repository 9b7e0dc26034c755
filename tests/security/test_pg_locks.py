"""Issue 20, item 2: no user can freeze the office.

Anna (an ordinary user) opens her own connection with raw SQL and, in one open transaction,
takes every lock she can get that the app needs: the whole ``bookings`` table, the app's
advisory keys for a desk, for a person and for the privacy work, and a row lock on Bertil's
booking. Meanwhile Rut, the receptionist, looks at the day, books a desk for Cecilia and
cancels Bertil's booking through the services her app uses. Each must come back (done, or
``OfficeBusy``) within ``LIMIT`` seconds; before migration 0008 they waited for as long as Anna
liked. A second test floods the change channel with NOTIFY and counts the reloads.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest

from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.domain.errors import OfficeBusy
from tests.conftest import MONDAY
from tests.security.conftest import Shared

pytestmark = pytest.mark.postgresql

TUESDAY = MONDAY + timedelta(days=1)
#: How long the receptionist may wait for any one thing while Anna holds her locks.
LIMIT = 10.0


def hold(conn: Any, holds: dict[str, str], params: dict[str, Any]) -> list[str]:
    """Take each of ``holds`` in ``conn``'s open transaction, as far as the database lets Anna;
    the names of those she got."""
    got = []
    for name, statement in holds.items():
        conn.execute("SAVEPOINT attempt")
        try:
            conn.execute(statement, params)
        except Exception as exc:  # refused: what 0008 is for
            print(f"anna: {name}: refused ({type(exc).__name__}: {str(exc).splitlines()[0]})")
            conn.execute("ROLLBACK TO SAVEPOINT attempt")
        else:
            got.append(name)
            conn.execute("RELEASE SAVEPOINT attempt")
    return got


class Timed:
    """``fn`` on a thread of its own: its result or error and how long it took."""

    def __init__(self, name: str, fn: Callable[[], object]) -> None:
        self.name, self.fn = name, fn
        self.result: object = None
        self.error: BaseException | None = None
        self.took: float | None = None
        self.thread = threading.Thread(target=self._run, name=name, daemon=True)

    def _run(self) -> None:
        started = time.monotonic()
        try:
            self.result = self.fn()
        except BaseException as exc:  # reported by the test
            self.error = exc
        self.took = time.monotonic() - started


def test_the_receptionists_wait_is_bounded_whatever_a_user_holds(shared: Shared) -> None:
    o = shared.office
    theirs = shared.owner.booking.book_desk(o.bertil.id, o.desk(2).id, TUESDAY, DeskPeriod.FULL_DAY)
    shared.rut.occupancy.day(TUESDAY, viewer_id=o.reception.id)  # her app is warm, its cache filled
    holds = {
        "LOCK TABLE bookings": "LOCK TABLE public.bookings IN ACCESS EXCLUSIVE MODE",
        "LOCK TABLE resources": "LOCK TABLE public.resources IN SHARE ROW EXCLUSIVE MODE",
        "advisory lock of the desk": "SELECT pg_advisory_lock(1, %(desk)s)",
        "advisory lock of Cecilia": "SELECT pg_advisory_lock(2, %(cecilia)s)",
        "advisory privacy lock": "SELECT pg_advisory_lock(3, 0)",
        "FOR UPDATE of the desk": "SELECT 1 FROM public.resources WHERE id = %(desk)s FOR UPDATE",
        "FOR UPDATE of Bertil's booking": "SELECT 1 FROM public.bookings WHERE id = %(theirs)s FOR UPDATE",
        # the app's own lock (migration 0008): a desk she may book, yes; another person, no
        "the app's lock of the desk": "SELECT public.satellitkontor_lock_for_booking(ARRAY[%(desk)s], '{}')",
        "the app's lock of Cecilia": "SELECT public.satellitkontor_lock_for_booking('{}', ARRAY[%(cecilia)s])",
    }
    params = {"desk": o.desk(1).id, "cecilia": o.cecilia.id, "theirs": theirs.id}
    anna = shared.raw("anna")
    try:
        anna.execute("SET statement_timeout = 0")  # what a hostile client would do first
        anna.execute("SET idle_in_transaction_session_timeout = 0")
        got = hold(anna, holds, params)
        print(f"anna holds: {got}")
        work = [
            Timed("occupancy", lambda: shared.rut.occupancy.day(TUESDAY, viewer_id=o.reception.id)),
            Timed(
                "booking for Cecilia",
                lambda: shared.rut.booking.book_desk(
                    o.reception.id, o.desk(3).id, TUESDAY, DeskPeriod.FULL_DAY, for_person_id=o.cecilia.id
                ),
            ),
            Timed(
                "booking of the desk Anna holds",
                lambda: shared.rut.booking.book_desk(
                    o.reception.id, o.desk(1).id, TUESDAY, DeskPeriod.FULL_DAY, for_person_id=o.admin.id
                ),
            ),
            Timed("cancel Bertil's", lambda: shared.rut.booking.cancel(o.reception.id, theirs.id)),
        ]
        for w in work:
            w.thread.start()
        deadline = time.monotonic() + LIMIT
        for w in work:
            w.thread.join(max(0.0, deadline - time.monotonic()))
        for w in work:
            outcome = "still waiting" if w.took is None else type(w.error or w.result).__name__
            print(f"rut: {w.name}: {outcome} after {w.took if w.took is not None else LIMIT:.2f} s")
    finally:
        anna.close()  # lets anything still waiting go (before 0008: only this)
    for w in work:
        w.thread.join(30)
    assert [w.name for w in work if w.took is None or w.took >= LIMIT] == []
    assert [w.name for w in work if w.error is not None and not isinstance(w.error, OfficeBusy)] == []
    # the day and a booking for Cecilia no longer need anything Anna can hold: they simply work
    assert work[0].error is None and work[1].error is None


def test_the_app_gives_up_on_a_held_row_with_office_busy(shared: Shared) -> None:
    """The receptionist's own statement fails fast with OfficeBusy, in a few seconds."""
    o = shared.office
    theirs = shared.owner.booking.book_desk(o.bertil.id, o.desk(2).id, TUESDAY, DeskPeriod.FULL_DAY)
    anna = shared.raw("anna")
    try:
        anna.execute("SELECT 1 FROM public.bookings WHERE id = %s FOR UPDATE", (theirs.id,))
        cancel = Timed("cancel", lambda: shared.rut.booking.cancel(o.reception.id, theirs.id))
        cancel.thread.start()
        cancel.thread.join(LIMIT)
    finally:
        anna.close()
    cancel.thread.join(30)
    print(
        f"rut: cancel of a row Anna holds: {type(cancel.error or cancel.result).__name__} after {cancel.took:.2f} s"
    )
    assert cancel.took is not None and cancel.took < LIMIT
    assert isinstance(cancel.error, OfficeBusy)
    assert getattr(cancel.error.__cause__, "orig", None).sqlstate == "55P03"  # type: ignore[union-attr]
    assert shared.status_of(theirs.id) == "confirmed"
    assert shared.rut.booking.cancel(o.reception.id, theirs.id).status.value == "cancelled"  # once free


def test_the_logins_carry_timeouts(shared: Shared) -> None:
    """A forgotten SQL client's transaction ends by itself; the app waits for a lock briefly."""
    with shared.raw("anna") as anna:
        shown = {
            name: anna.execute(f"SHOW {name}").fetchone()[0]
            for name in ("lock_timeout", "statement_timeout", "idle_in_transaction_session_timeout")
        }
    assert shown == {
        "lock_timeout": "5s",
        "statement_timeout": "30s",
        "idle_in_transaction_session_timeout": "1min",
    }
    with shared.rut.db.connect() as conn:
        assert conn.exec_driver_sql("SHOW lock_timeout").scalar() == "3s"
