"""Exchange sync as a service: settings, one sync run (push, pull, room answers) and its status.

The CLI (``satellitkontor sync``), the admin page and the app's background timer call this; the
work is in ``exchange_push`` (the outbox), ``exchange_pull`` (Outlook meetings) and
``exchange_status`` (what is pending and why). A run takes the backend as an argument, so tests
hand it one talking to the fake servers and the app builds one with
``exchange_config.make_backend``.

Decisions:

- **Order of a run:** pull every configured room/desk mailbox first, then push what is due, then
  ask for the room's answer to meetings still without one. Pulling first lets the rule of who
  wins see both sides before either is written: pushed first, an app cancellation of an Outlook
  meeting would delete a meeting Outlook had just moved (Exchange wins for those); and the
  re-pushes a pull decides on (an app-made meeting moved in Outlook) go out in the same run.
  A failing step is recorded and the next still runs: a pull failing does not keep the outbox
  from emptying.
- **The room's answer** arrives after the push; it is read with ``backend.status`` for app-made
  room bookings still without a final answer (at most ``RESPONSE_LIMIT`` a run), and from the
  room's own copy while pulling. A decline shows on the booking (``exchange_links.room_response``).
- Only one run at a time per process (a lock): the background timer and "Synka nu" can overlap.
- Reading and saving the settings: admins only; saving records ``settings.exchange`` in the audit
  trail. The password is never part of them (see ``exchange_config``).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import select

from satellitkontor.domain.bookings import HOLDING_STATUSES
from satellitkontor.domain.people import Role
from satellitkontor.services.audit import trail as audit
from satellitkontor.services.base import Service, load_person, require_admin
from satellitkontor.services.booking.service import BookingService
from satellitkontor.services.exchange import outbox as exchange_outbox
from satellitkontor.services.exchange.config import SETTINGS_KEY, ExchangeConfig
from satellitkontor.services.exchange.pull import MailboxPull, PullReport, state_key
from satellitkontor.services.exchange.push import PushReport, push_once
from satellitkontor.services.exchange.status import (
    SyncStatus,
    not_in_outlook,
    not_in_outlook_reasons,
    read_status,
)
from satellitkontor.storage.models import (
    BookingRow,
    ExchangeLinkRow,
    ExchangeSyncStateRow,
    SettingRow,
)
from satellitkontor.storage.queries import common as queries

if TYPE_CHECKING:
    from satellitkontor.integrations.exchange.backend import CalendarBackend

log = logging.getLogger(__name__)

BATCH_SIZE = 100
MAX_BATCHES = 20
RESPONSE_LIMIT = 200
_RUN_LOCK = threading.Lock()


@dataclass
class SyncReport:
    push: PushReport = field(default_factory=PushReport)
    pulls: list[PullReport] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # Swedish sentences

    @property
    def ok(self) -> bool:
        return not self.errors and not self.push.failed


class SyncService(Service):
    # --- settings ---------------------------------------------------------------------------
    def config(self) -> ExchangeConfig:
        with self.db.session() as s:
            row = s.get(SettingRow, SETTINGS_KEY)
            return ExchangeConfig.from_dict(row.value if row is not None else None)

    def save_config(self, actor_id: int | None, config: ExchangeConfig) -> ExchangeConfig:
        with self.db.session(write=True) as s:
            actor = require_admin(s, actor_id, "exchange_settings")
            row = s.get(SettingRow, SETTINGS_KEY)
            old = ExchangeConfig.from_dict(row.value if row is not None else None)
            before = old.to_dict()
            queries.save_setting(s, SETTINGS_KEY, config.to_dict(), self.now())
            s.flush()
            if config.enabled:
                # the office's identity on its events is made here, by the admin: the sync may
                # run on a receptionist's PC, whose login may not write settings
                from satellitkontor.services.exchange import office_identity

                office_identity.get_or_make(s, self.now())
            if config.enabled:  # bookings made before: into the outbox too
                if not old.enabled:
                    exchange_outbox.enqueue_future(s, self.now())
                elif set(config.mailboxes) - set(old.mailboxes):
                    new = {name for name, _ in set(config.mailboxes) - set(old.mailboxes)}
                    exchange_outbox.enqueue_future(s, self.now(), new)
            audit.record_change(
                s,
                at=self.now(),
                actor=actor,
                action="settings.exchange",
                entity="settings",
                entity_id=SETTINGS_KEY,
                before=before,
                after=config.to_dict(),
            )
        return config

    def resend(self, actor_id: int | None) -> int:
        """Put every future booking made in the app in the outbox again (``sync --resend``):
        for bookings made before the sync was on, or an Outlook emptied by hand. Admins only;
        recorded as ``exchange.resend``. Returns how many were added."""
        with self.db.session(write=True) as s:
            actor = require_admin(s, actor_id, "exchange_settings")
            added = exchange_outbox.enqueue_future(s, self.now())
            audit.record(
                s,
                at=self.now(),
                actor=actor,
                action="exchange.resend",
                entity="settings",
                entity_id=SETTINGS_KEY,
                after={"queued": added},
            )
        return added

    def dismiss_out_of_reach(self, actor_id: int | None, mailbox: str | None = None) -> int:
        """An admin has read the notice that the account cannot reach ``mailbox`` (None: every
        such notice): it is no longer shown. Recorded as ``exchange.dismiss``; how many went."""
        from satellitkontor.services.exchange import out_of_reach

        with self.db.session(write=True) as s:
            actor = require_admin(s, actor_id, "exchange_settings")
            gone = out_of_reach.dismiss(s, mailbox.strip().lower() if mailbox else None)
            audit.record(
                s,
                at=self.now(),
                actor=actor,
                action="exchange.dismiss",
                entity="settings",
                entity_id=SETTINGS_KEY,
                after={"mailbox": mailbox, "dismissed": gone},
            )
        return gone

    def desk_mailboxes(self, config: ExchangeConfig | None = None) -> tuple[str, ...]:
        config = config or self.config()
        from satellitkontor.domain.resources import ResourceKind
        from satellitkontor.storage.models import ResourceRow

        with self.db.session() as s:
            desks = set(s.scalars(select(ResourceRow.name).where(ResourceRow.kind == ResourceKind.DESK)))
        return tuple(dict.fromkeys(m.lower() for name, m in config.mailboxes if name in desks))

    # --- a run --------------------------------------------------------------------------------
    def push_pending(
        self, backend: CalendarBackend, now: datetime | None = None, config: ExchangeConfig | None = None
    ) -> PushReport:
        """Push every due outbox row, in batches (one ``backend.push`` call per batch)."""
        config = config or self.config()
        now = now or self.now()
        total = PushReport()
        for _ in range(MAX_BATCHES):
            report = push_once(self.db, backend, config, now, BATCH_SIZE)
            if report is None:
                break
            total.sent += report.sent
            total.done += report.done
            total.failed += report.failed
            total.requests += report.requests
            total.errors.extend(e for e in report.errors if e not in total.errors)
            if report.failed and not report.done:
                break  # the server fails everything: the rest waits for its back-off
        self._record("push", now, total.errors[0] if total.errors else None, tried=bool(total.sent))
        return total

    def pull(
        self, backend: CalendarBackend, mailbox: str, config: ExchangeConfig | None = None
    ) -> PullReport:
        """Take in the changes of ``mailbox`` since the stored cursor."""
        config = config or self.config()
        booking = BookingService(self.db, self.clock)
        return MailboxPull(booking, backend, config, mailbox, self.now()).run()

    def refresh_responses(self, backend: CalendarBackend, config: ExchangeConfig | None = None) -> int:
        """Read the room's answer to app-made meetings still without one; returns how many changed."""
        config = config or self.config()
        rooms = {name for name, _ in config.mailboxes}
        now = self.now()
        with self.db.session() as s:
            rows = s.execute(
                select(ExchangeLinkRow.booking_id, ExchangeLinkRow.mailbox, ExchangeLinkRow.remote_id)
                .join(BookingRow, BookingRow.id == ExchangeLinkRow.booking_id)
                .where(
                    ExchangeLinkRow.origin == "app",
                    ExchangeLinkRow.remote_id.is_not(None),
                    ExchangeLinkRow.room_response.in_(("none", "tentative")),
                    BookingRow.status.in_(HOLDING_STATUSES),
                    BookingRow.end_at > now,
                )
                .limit(RESPONSE_LIMIT)
            ).all()
            from satellitkontor.storage.models import ResourceRow

            places = {r.id: r.name for r in s.scalars(select(ResourceRow))}
            invited = {
                b.id
                for b in s.scalars(select(BookingRow).where(BookingRow.id.in_([r[0] for r in rows])))
                if places.get(b.resource_id, "") in rooms
            }
        by_mailbox: dict[str, list[tuple[int, str]]] = {}
        for booking_id, mailbox, remote_id in rows:
            if booking_id in invited and remote_id is not None:
                by_mailbox.setdefault(mailbox, []).append((booking_id, remote_id))
        changed = 0
        for mailbox, pairs in by_mailbox.items():
            events = backend.status(mailbox, [r for _, r in pairs])
            with self.db.session(write=True) as s:
                ids = [booking_id for booking_id, _ in pairs]
                links = {
                    link.booking_id: link
                    for link in s.scalars(select(ExchangeLinkRow).where(ExchangeLinkRow.booking_id.in_(ids)))
                }
                for (booking_id, _), event in zip(pairs, events, strict=True):
                    link = links.get(booking_id)
                    if link is None or event.is_deleted:
                        continue
                    if link.room_response != event.room_response.value:
                        link.room_response = event.room_response.value
                        changed += 1
        return changed

    def run(self, backend: CalendarBackend) -> SyncReport:
        """One whole sync: push, pull each mailbox, push again, room answers."""
        from satellitkontor.integrations.exchange.errors import ExchangeError
        from satellitkontor.words import DEFAULT
        from satellitkontor.words.texts import describe

        with _RUN_LOCK:
            config = self.config()
            report = SyncReport()
            for mailbox in config.pulled_mailboxes():
                try:
                    report.pulls.append(self.pull(backend, mailbox, config))
                except ExchangeError as e:
                    text = describe(e, DEFAULT)
                    if text not in report.errors:
                        report.errors.append(text)
                    self._record(state_key(mailbox), self.now(), text, code=e.code)
                except Exception as e:  # a fault of ours must not keep the push from running
                    log.exception("Pulling %s failed", mailbox)
                    text = describe(ExchangeError(detail=type(e).__name__), "sv")
                    report.errors.append(text)
                    self._record(state_key(mailbox), self.now(), text, code="exchange")
            report.push = self.push_pending(backend, config=config)
            try:
                self.refresh_responses(backend, config)
            except ExchangeError as e:
                report.errors.append(describe(e, DEFAULT))
            return report

    def test_connection(self, backend: CalendarBackend, config: ExchangeConfig | None = None) -> None:
        """Raise the typed error that says what is wrong (unreachable, password, rights on a
        mailbox, EWS switched off), or return when the account and every mailbox can be read."""
        config = config or self.config()
        backend.test_connection([m for m in [config.account, *config.pulled_mailboxes()] if m])

    # --- status -------------------------------------------------------------------------------
    def status(self, actor_id: int | None = None) -> SyncStatus:
        """What is pending and why, the last successful sync, declined rooms, recent overrides."""
        if actor_id is not None:
            with self.db.session() as s:
                actor = load_person(s, actor_id)
                if actor.role not in (Role.ADMIN, Role.RECEPTIONIST):
                    from satellitkontor.domain.errors import PermissionDenied

                    raise PermissionDenied(action="exchange_status", role=actor.role.value)
        with self.db.session() as s:
            return read_status(s, self.config(), self.now())

    def not_in_outlook(self, booking_ids: Sequence[int]) -> set[int]:
        """Those of ``booking_ids`` with a change not yet written to Exchange."""
        with self.db.session() as s:
            return not_in_outlook(s, booking_ids)

    def conflicts(self, booking_ids: Sequence[int]) -> dict[int, str]:
        """Those of ``booking_ids`` that an Outlook meeting was booked or moved onto in the last
        two weeks (the app's booking won), each with the newest conflict in Swedish words."""
        if not booking_ids or not self.config().enabled:
            return {}
        from satellitkontor.services.exchange.status import read_conflicts

        with self.db.session() as s:
            found: dict[int, str] = {}
            for c in read_conflicts(s, self.now(), booking_ids):
                found.setdefault(c.booking_id, c.text("sv"))
            return found

    def outlook_lag(self, booking_ids: Sequence[int]) -> dict[int, str | None]:
        """While sync is enabled: those of ``booking_ids`` not yet in Outlook, each with the last
        push error in Swedish (None when it just has not been sent yet); {} when sync is off."""
        if not booking_ids or not self.config().enabled:
            return {}
        with self.db.session() as s:
            return not_in_outlook_reasons(s, booking_ids)

    def _record(
        self, key: str, now: datetime, error: str | None, *, code: str = "exchange", tried: bool = True
    ) -> None:
        with self.db.session(write=True) as s:
            state = s.get(ExchangeSyncStateRow, key)
            if state is None:
                state = ExchangeSyncStateRow(key=key)
                s.add(state)
            state.last_attempt_at = now
            if error is None:
                state.last_success_at = now
                state.last_error_code = state.last_error_text = None
            else:
                state.last_error_code, state.last_error_text = code, error
