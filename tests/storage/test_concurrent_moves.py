"""Two OS processes moving two bookings into the same slot at the same moment (issue 16): exactly
one wins, the other gets the ordinary Swedish conflict message and keeps its booking where it
was; on SQLite and on PostgreSQL."""

from __future__ import annotations

from typing import Any

from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.domain.people import PersonKind
from tests.conftest import make_office
from tests.storage.test_concurrent_booking import (
    BARRIER_TIMEOUT,
    OVERLAPS_SQL,
    RealClock,
    _morning_days,
    _run_pair,
)

ROUNDS = 12


def _move_worker(
    side: str, url: str, targets: list[tuple[int, int, int]], barrier: Any, results: Any
) -> None:
    """Move each (person, booking) to the desk given, one per round, in step with the other side."""
    from satellitkontor.domain.errors import ResourceTaken
    from satellitkontor.services.app_services import open_office
    from satellitkontor.services.booking.service import BookingChange
    from satellitkontor.words.texts import describe

    services = None
    try:
        services = open_office(url)
        for n, (person_id, booking_id, desk_id) in enumerate(targets):
            barrier.wait(BARRIER_TIMEOUT)
            try:
                view = services.booking.change(person_id, booking_id, BookingChange(resource_id=desk_id))
                results.put((n, side, "won", view.resource_name))
            except ResourceTaken as err:
                results.put((n, side, "lost", describe(err, "sv")))
            except Exception as err:
                results.put((n, side, "error", repr(err)))
    except Exception as err:
        barrier.abort()
        results.put((-1, side, "error", repr(err)))
    finally:
        if services is not None:
            services.db.dispose()


def test_two_processes_moving_into_the_same_slot_one_wins(db_url: str) -> None:
    office = make_office(db_url, RealClock())
    try:
        o = office
        umea = o.services.office.add_person(o.admin.id, "Umeå Ett", "u1@umea.se", "Umeå")
        vindeln = o.services.office.add_person(
            o.admin.id, "Vindeln Ett", "v1@vindeln.se", "Vindeln", PersonKind.POLITICIAN
        )
        days = _morning_days(o, ROUNDS)
        work: dict[str, list[tuple[int, int, int]]] = {"a": [], "b": []}
        first: dict[int, str] = {}
        for day in days:
            a = o.services.booking.book_desk(umea.id, o.desk(1).id, day, DeskPeriod.MORNING)
            b = o.services.booking.book_desk(vindeln.id, o.desk(2).id, day, DeskPeriod.MORNING)
            work["a"].append((umea.id, a.id, o.desk(5).id))
            work["b"].append((vindeln.id, b.id, o.desk(5).id))
            first[a.id], first[b.id] = "Plats 1", "Plats 2"
        outcomes = _run_pair(
            _move_worker, o.services.db.url.render_as_string(hide_password=False), work, ROUNDS
        )
        for n in range(ROUNDS):
            kinds = sorted(outcome for outcome, _ in outcomes[n].values())
            assert kinds == ["lost", "won"], outcomes[n]
            lost = next(detail for outcome, detail in outcomes[n].values() if outcome == "lost")
            assert lost.startswith("Plats 5 är redan bokad"), lost
        with o.services.db.session() as s:
            assert s.execute(OVERLAPS_SQL).scalar_one() == 0
        for side in ("a", "b"):  # the loser's booking is where it was, untouched
            for n, (_, booking_id, _) in enumerate(work[side]):
                view = o.services.occupancy.booking(booking_id)
                assert view is not None
                if outcomes[n][side][0] == "won":
                    assert view.resource_name == "Plats 5" and view.sequence == 1
                else:
                    assert view.resource_name == first[booking_id] and view.sequence == 0
    finally:
        office.services.db.dispose()
