"""Imports through the booking service: many bookings from a calendar file in one transaction,
under the same locks and checks as a single booking (see services/imports/service.py)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy.exc import IntegrityError

from satellitkontor.domain import clock as clk
from satellitkontor.domain import import_rules
from satellitkontor.domain.bookings import BookingView
from satellitkontor.domain.errors import (
    AlreadyImported,
    ResourceInactive,
    ResourceNotFound,
    SatellitkontorError,
)
from satellitkontor.domain.people import Role
from satellitkontor.services.base import load_person, require_role
from satellitkontor.storage.models import PersonRow, ResourceRow
from satellitkontor.storage.queries import common as queries

if TYPE_CHECKING:
    from satellitkontor.services.imports.results import ImportRequest

from satellitkontor.services.booking.core import BookingCore, _new_view, _stopped


class ImportBookings(BookingCore):
    def import_bookings(self, actor_id: int, requests: Sequence[ImportRequest]) -> list[BookingView]:
        """Write the bookings of a calendar import in one transaction: all of them or none.

        Checked as a booking made in the app is, except what an import allows on purpose
        (domain/import_rules.py: the past, beyond the horizon, the room's grid and length):
        an open day within opening hours, the place free, one desk per person, active place and
        person, and the import key not taken. Locks as ``book_desk`` does, for every place and
        person at once (queries.lock_for_import). The first request that fails stops it all
        with ``ImportConflict`` naming the event, and nothing is written.
        """
        with self.db.session(write=True) as s:
            actor = load_person(s, actor_id)
            require_role(actor, Role.ADMIN, action="import_bookings")
            if not requests:
                return []
            policy = queries.load_policy(s)
            days = [clk.local_date(r.start) for r in requests]
            calendar = queries.load_calendar(s, policy, min(days), max(days))
            queries.lock_for_import(s, [r.resource_id for r in requests], [r.person_id for r in requests])
            calendar = queries.calendar_after_lock(s, policy, calendar, min(days), max(days))
            imported = queries.imported_keys(s, [r.import_key for r in requests])
            # held here: the session's identity map alone would let them go and load them again
            people: dict[int, PersonRow] = {}
            places: dict[int, ResourceRow] = {}
            out = []
            for req in requests:
                try:
                    person = people.get(req.person_id) or load_person(s, req.person_id)
                    resource = places.get(req.resource_id) or s.get(ResourceRow, req.resource_id)
                    if resource is None:
                        raise ResourceNotFound(id=req.resource_id)
                    if not resource.active:
                        raise ResourceInactive(name=resource.name)
                    people[person.id], places[resource.id] = person, resource
                    import_rules.check_slot(req.start, req.end, calendar)
                    if req.import_key in imported:
                        raise AlreadyImported(booking=imported[req.import_key])
                    self._check_free(s, policy, resource, person, req.start, req.end)
                    row = self._insert(
                        s,
                        actor,
                        person,
                        resource,
                        req.start,
                        req.end,
                        desk_period=req.desk_period,
                        title=req.title,
                        participants=req.participants,
                        import_key=req.import_key,
                    )
                    self._audit_new(s, actor, row, resource, action="booking.import")
                except IntegrityError as exc:  # another import wrote the same key just now
                    if "import_key" not in str(exc.orig):
                        raise
                    raise _stopped(req, AlreadyImported(booking="–")) from exc
                except SatellitkontorError as err:
                    raise _stopped(req, err) from err
                out.append(_new_view(row, resource, person))
            return out

    # --- cancelling ---------------------------------------------------------------------------
