"""The rotation calendar: host municipality per year, the December handover, and meetings.

Confirming a year writes a ``rotation_year.confirm`` audit entry with what changed (host, vice
chair, note, and ``confirmed`` from false to true for a projected year); adding a meeting a
``meeting.create`` entry (services/audit/trail.py). Confirming again without a change writes none.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from satellitkontor.domain import clock as clk
from satellitkontor.domain import municipalities, rotation
from satellitkontor.domain.errors import InvalidInput
from satellitkontor.services.audit import trail as audit
from satellitkontor.services.base import Service, require_admin
from satellitkontor.services.results import MeetingView
from satellitkontor.services.results import RotationYearView as RotationYearView
from satellitkontor.storage.models import RotationMeetingRow, RotationYearRow

MEETING_KINDS = ("council", "handover", "other")


class RotationService(Service):
    def year(self, year: int) -> RotationYearView:
        with self.db.session() as s:
            overrides = _overrides(s)
            meetings = _meetings(s, year)
        host = rotation.host_year(year, overrides)
        nxt = rotation.host_year(year + 1, overrides) if year < rotation.LAST_YEAR else None
        hand = rotation.handover(year, overrides) if nxt is not None else None
        return RotationYearView(host, nxt, hand, meetings)

    def years(self, first: int, last: int) -> list[rotation.HostYear]:
        with self.db.session() as s:
            overrides = _overrides(s)
        return rotation.host_years(first, last, overrides)

    def confirm_year(
        self,
        actor_id: int | None,
        year: int,
        host: str | None = None,
        vice_chair: str | None = None,
        note: str | None = None,
    ) -> rotation.HostYear:
        """Confirm a year as projected, or with another host / vice chair the council decided."""
        with self.db.session(write=True) as s:
            actor = require_admin(s, actor_id, "confirm_rotation")
            current = rotation.host_year(year, _overrides(s))
            chosen = rotation.RotationOverride(
                year,
                municipalities.lookup(host) if host else current.host,
                municipalities.lookup(vice_chair) if vice_chair else current.kc_vice_chair,
            )
            row = s.get(RotationYearRow, year)
            before = {
                "host": current.host.code,
                "vice_chair": current.kc_vice_chair.code,
                "note": row.note if row is not None else None,
                "confirmed": row is not None,
            }
            if row is None:
                row = RotationYearRow(year=year)
                s.add(row)
            row.host_code = chosen.host.code
            row.vice_chair_code = chosen.kc_vice_chair.code
            row.note = note
            row.confirmed_by_id = actor.id if actor else None
            row.confirmed_at = self.now()
            s.flush()
            audit.record_change(
                s,
                at=row.confirmed_at,
                actor=actor,
                action="rotation_year.confirm",
                entity="rotation_year",
                entity_id=year,
                before=before,
                after={
                    "host": row.host_code,
                    "vice_chair": row.vice_chair_code,
                    "note": note,
                    "confirmed": True,
                },
            )
            return rotation.host_year(year, _overrides(s))

    def add_meeting(
        self,
        actor_id: int | None,
        kind: str,
        title: str,
        start: datetime,
        end: datetime,
        location: str | None = None,
        note: str | None = None,
    ) -> MeetingView:
        if kind not in MEETING_KINDS:
            raise InvalidInput(field="meeting_kind", value=kind)
        title = " ".join(title.split())
        if not title:
            raise InvalidInput(field="title", value=title)
        start, end = clk.to_utc(start), clk.to_utc(end)
        if end <= start:
            raise InvalidInput(field="end", value=end.isoformat())
        with self.db.session(write=True) as s:
            actor = require_admin(s, actor_id, "add_meeting")
            now = self.now()
            row = RotationMeetingRow(
                kind=kind,
                title=title,
                start_at=start,
                end_at=end,
                location=location,
                note=note,
                uid=f"{uuid.uuid4()}@satellitkontor",
                sequence=0,
                created_by_id=actor.id if actor else None,
                created_at=now,
                updated_at=now,
            )
            s.add(row)
            s.flush()
            audit.record(
                s,
                at=now,
                actor=actor,
                action="meeting.create",
                entity="meeting",
                entity_id=row.id,
                after={
                    "kind": kind,
                    "title": title,
                    "start": start,
                    "end": end,
                    "location": location,
                    "note": note,
                },
            )
            return _meeting_view(row)


def _overrides(s: Session) -> dict[int, rotation.RotationOverride]:
    return {
        r.year: rotation.RotationOverride(
            r.year, municipalities.BY_CODE[r.host_code], municipalities.BY_CODE[r.vice_chair_code]
        )
        for r in s.scalars(select(RotationYearRow))
    }


def _meetings(s: Session, year: int) -> tuple[MeetingView, ...]:
    first = clk.local_day_bounds(date(year, 1, 1))[0]
    last = clk.local_day_bounds(date(year, 12, 31))[1]
    stmt = (
        select(RotationMeetingRow)
        .where(RotationMeetingRow.start_at >= first, RotationMeetingRow.start_at < last)
        .order_by(RotationMeetingRow.start_at)
    )
    return tuple(_meeting_view(r) for r in s.scalars(stmt))


def _meeting_view(r: RotationMeetingRow) -> MeetingView:
    return MeetingView(r.id, r.uid, r.kind, r.title, r.start_at, r.end_at, r.location, r.note, r.sequence)
