"""The door to notices: the office's settings, each person's choices, the status, a send run.

Who may do what: an admin sets the office's settings and anyone's choices; each person sets her
own; the receptionist and the admin read the status and run the sender (on PostgreSQL the
database says the same: migration 0015). The demo office has notices off like any new office.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from satellitkontor.domain.errors import InvalidInput, PermissionDenied
from satellitkontor.domain.notices import NoticePrefs, NoticeStatus
from satellitkontor.domain.people import Role
from satellitkontor.integrations.mail.errors import MailNoPassword, MailNotConfigured
from satellitkontor.services.audit import trail as audit
from satellitkontor.services.base import Service, load_person, require_admin
from satellitkontor.services.notices.config import SETTINGS_KEY, NoticeConfig, smtp_password
from satellitkontor.services.notices.queue import forget_enabled
from satellitkontor.services.notices.sender import Sender, SendReport, Transport, prefs_of
from satellitkontor.storage.models import NoticeOutboxRow, NoticePrefsRow, SettingRow
from satellitkontor.storage.queries import common as queries

if TYPE_CHECKING:
    from satellitkontor.services.exchange.config import ExchangeConfig


@dataclass(frozen=True, slots=True)
class NoticeStatusView:
    enabled: bool
    via: str
    sender: str
    counts: dict[str, int]
    next_attempt_at: datetime | None
    last_sent_at: datetime | None
    last_error: str | None

    @property
    def waiting(self) -> int:
        return self.counts.get(NoticeStatus.PENDING.value, 0)

    @property
    def trouble(self) -> bool:
        """Something a person should look at: an error on a waiting notice, unclear or given up."""
        return bool(
            self.counts.get(NoticeStatus.UNCERTAIN.value) or self.counts.get(NoticeStatus.GIVEN_UP.value)
        ) or (self.waiting > 0 and self.last_error is not None)


class NoticeService(Service):
    # --- the office's settings ----------------------------------------------------------------
    def config(self) -> NoticeConfig:
        with self.db.session() as s:
            row = s.get(SettingRow, SETTINGS_KEY)
            return NoticeConfig.from_dict(row.value if row is not None else None)

    def save_config(self, actor_id: int | None, config: NoticeConfig) -> NoticeConfig:
        """Check and store the office's settings (admins only); a malformed sender address is
        refused here with InvalidInput, nothing is stored."""
        config = config.checked()
        with self.db.session(write=True) as s:
            actor = require_admin(s, actor_id, "notice_settings")
            row = s.get(SettingRow, SETTINGS_KEY)
            before = NoticeConfig.from_dict(row.value if row is not None else None).to_dict()
            queries.save_setting(s, SETTINGS_KEY, config.to_dict(), self.now())
            forget_enabled(s)
            audit.record_change(
                s,
                at=self.now(),
                actor=actor,
                action="settings.notices",
                entity="settings",
                entity_id=SETTINGS_KEY,
                before=before,
                after=config.to_dict(),
            )
        return config

    # --- a person's choices -------------------------------------------------------------------
    def prefs(self, actor_id: int, person_id: int | None = None) -> tuple[NoticePrefs, NoticePrefs]:
        """(the person's own choices, the same over the office's defaults)."""
        target = actor_id if person_id is None else person_id
        with self.db.session() as s:
            actor = load_person(s, actor_id)
            if target != actor.id and not actor.role.is_staff:
                raise PermissionDenied(action="notice_prefs", role=actor.role.value)
            own = prefs_of(s, [target]).get(target, NoticePrefs())
        return own, own.over(self.config().defaults)

    def save_prefs(self, actor_id: int, prefs: NoticePrefs, person_id: int | None = None) -> NoticePrefs:
        if prefs.language not in (None, "sv", "en"):
            raise InvalidInput(field="language", value=str(prefs.language))
        target = actor_id if person_id is None else person_id
        with self.db.session(write=True) as s:
            actor = load_person(s, actor_id)
            if target != actor.id and actor.role is not Role.ADMIN:
                raise PermissionDenied(action="notice_prefs", role=actor.role.value)
            row = s.get(NoticePrefsRow, target)
            before = (
                {}
                if row is None
                else asdict(
                    NoticePrefs(row.confirmations, row.by_others, row.reminders, row.waitlist, row.language)
                )
            )
            if row is None:
                row = NoticePrefsRow(person_id=target, updated_at=self.now())
                s.add(row)
            row.confirmations, row.by_others = prefs.confirmations, prefs.by_others
            row.reminders, row.waitlist, row.language = prefs.reminders, prefs.waitlist, prefs.language
            row.updated_at = self.now()
            audit.record_change(
                s,
                at=self.now(),
                actor=actor,
                action="notices.prefs",
                entity="person",
                entity_id=target,
                before=before,
                after=asdict(prefs),
                subject_id=target,
            )
        return prefs

    # --- status and sending -------------------------------------------------------------------
    def status(self, actor_id: int | None = None) -> NoticeStatusView:
        with self.db.session() as s:
            if actor_id is not None:
                actor = load_person(s, actor_id)
                if not actor.role.is_staff:
                    raise PermissionDenied(action="notice_status", role=actor.role.value)
            counts = {
                str(status): int(n)
                for status, n in s.execute(
                    select(NoticeOutboxRow.status, func.count()).group_by(NoticeOutboxRow.status)
                )
            }
            pending = NoticeOutboxRow.status == NoticeStatus.PENDING.value
            next_at = s.scalar(select(func.min(NoticeOutboxRow.next_attempt_at)).where(pending))
            last_sent = s.scalar(select(func.max(NoticeOutboxRow.sent_at)))
            error = s.scalar(
                select(NoticeOutboxRow.last_error_text)
                .where(
                    NoticeOutboxRow.last_error_text.is_not(None),
                    NoticeOutboxRow.status != NoticeStatus.SENT.value,
                )
                .order_by(NoticeOutboxRow.id.desc())
                .limit(1)
            )
        config = self.config()
        return NoticeStatusView(config.enabled, config.via, config.sender, counts, next_at, last_sent, error)

    def send(self, transport: Transport | None = None, *, limit: int | None = None) -> SendReport:
        """Deliver what is due (and queue tomorrow's reminders). Nothing while notices are off."""
        config = self.config()
        if not config.enabled:
            if transport is not None:
                transport.close()
            return SendReport()
        if transport is None:
            exchange = None
            if config.via == "exchange":
                from satellitkontor.services.exchange.config import SETTINGS_KEY as EXCHANGE_KEY
                from satellitkontor.services.exchange.config import ExchangeConfig

                with self.db.session() as s:
                    row = s.get(SettingRow, EXCHANGE_KEY)
                    exchange = ExchangeConfig.from_dict(row.value if row is not None else None)
            transport = make_transport(config, exchange)
        return Sender(self.db, config, transport, self.now()).run(limit)


def make_transport(config: NoticeConfig, exchange: ExchangeConfig | None = None) -> Transport:
    """The way out ``config`` names: SMTP (password from the environment or the keyring) or the
    office's Exchange connection (``exchange``: its settings; its secret as the sync reads it)."""
    if not config.sender:
        raise MailNotConfigured()
    if config.via == "exchange":
        from satellitkontor.integrations.mail.exchange_send import ExchangeTransport
        from satellitkontor.services.exchange.config import make_backend

        if exchange is None or not exchange.enabled:
            raise MailNotConfigured()
        return ExchangeTransport(make_backend(exchange), config.sender)
    from satellitkontor.integrations.mail.smtp import SmtpSettings, SmtpTransport

    if not config.smtp_host:
        raise MailNotConfigured()
    password = smtp_password(config.smtp_username) if config.smtp_username else ""
    if config.smtp_username and not password:
        raise MailNoPassword(username=config.smtp_username)
    return SmtpTransport(
        SmtpSettings(
            host=config.smtp_host,
            port=config.smtp_port,
            security=config.smtp_security,
            username=config.smtp_username,
            password=password,
            ca_file=config.smtp_ca_file,
        )
    )
