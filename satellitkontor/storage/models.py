"""The schema as typed SQLAlchemy models.

Decisions:
- Enumerations are stored as short strings with CHECK constraints (``native_enum=False``), the
  same on SQLite and PostgreSQL, so backups move between the two unchanged. The CHECKs are the
  migrations' own; the models do not build them again (``types.enum_type``).
- A booking copies the municipality and kind (employee/politician) of the person it is for at
  the moment of booking. Statistics then stay right when a person moves to another municipality,
  and retention can later remove the person while the counts per municipality remain.
- ``uid`` (a UUID, never reused) and ``sequence`` exist from the start for calendar feeds and
  Exchange: a booking keeps one identity for life.
- The rule "no overlap on a resource" is enforced by the database too, with objects that are
  not portable and so live in the migration, not here: an exclusion constraint on PostgreSQL and
  triggers on SQLite (see migrations/versions/0001_initial.py).
- The partial indexes (``_partial``) carry their PostgreSQL predicate (``postgresql_where``) only
  once the PostgreSQL dialect is loaded anyway (``postgresql_predicates``): a dialect option
  given to ``Index()`` loads that dialect to check it, and ``sqlalchemy.dialects.postgresql``
  cost every start on SQLite about 25 ms and 2 MiB (issue 18). The database is the same either
  way: the migrations create these indexes with both predicates, and Alembic compares no
  predicate.
"""

from __future__ import annotations

import sys
from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    event,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from satellitkontor.domain.bookings import BookingStatus, DeskPeriod
from satellitkontor.domain.people import PersonKind, Role
from satellitkontor.domain.resources import ResourceKind
from satellitkontor.storage.types import JSONText, UTCDateTime
from satellitkontor.storage.types import enum_type as _enum


class Base(DeclarativeBase):
    pass


#: The partial indexes and their predicate (see the module docstring).
_PARTIAL_INDEXES: list[tuple[Index, str]] = []


def _partial(name: str, *columns: str, where: str, unique: bool = False) -> Index:
    """An index of the rows that match ``where`` (SQL), on SQLite and on PostgreSQL."""
    index = Index(name, *columns, unique=unique, sqlite_where=text(where))
    _PARTIAL_INDEXES.append((index, where))
    return index


def postgresql_predicates() -> None:
    """Give the partial indexes their ``postgresql_where`` (this loads the PostgreSQL dialect).

    Called where PostgreSQL is in use: by the migrations' environment, before an index is
    created on PostgreSQL, and at the end of this module when the dialect is loaded already."""
    for index, where in _PARTIAL_INDEXES:
        if index.dialect_options["postgresql"]["where"] is None:
            index.dialect_kwargs["postgresql_where"] = text(where)


class MunicipalityRow(Base):
    __tablename__ = "municipalities"

    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    scb_code: Mapped[str] = mapped_column(String(4), unique=True)


class PersonRow(Base):
    __tablename__ = "people"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(254), unique=True)
    municipality_code: Mapped[str] = mapped_column(ForeignKey("municipalities.code"))
    kind: Mapped[PersonKind] = mapped_column(_enum(PersonKind, "person_kind"))
    role: Mapped[Role] = mapped_column(_enum(Role, "person_role"), default=Role.USER)
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class ResourceRow(Base):
    __tablename__ = "resources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[ResourceKind] = mapped_column(_enum(ResourceKind, "resource_kind"))
    name: Mapped[str] = mapped_column(String(100), unique=True)
    equipment: Mapped[list[str]] = mapped_column(JSONText(), default=list)
    capacity: Mapped[int] = mapped_column(default=1)
    active: Mapped[bool] = mapped_column(default=True)
    x: Mapped[float] = mapped_column(Float, default=0.0)
    y: Mapped[float] = mapped_column(Float, default=0.0)
    sort_order: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())

    __table_args__ = (CheckConstraint("capacity >= 1", name="ck_resources_capacity"),)


class SeriesRow(Base):
    """A recurring booking's rule; its occurrences are ordinary bookings with ``series_id``."""

    __tablename__ = "booking_series"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    resource_id: Mapped[int] = mapped_column(ForeignKey("resources.id"))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    rrule: Mapped[str] = mapped_column(String(200))
    first_day: Mapped[date] = mapped_column(Date)
    desk_period: Mapped[DeskPeriod | None] = mapped_column(_enum(DeskPeriod, "desk_period"))
    #: Local wall-clock times of a room series, "HH:MM".
    start_time: Mapped[str | None] = mapped_column(String(5))
    end_time: Mapped[str | None] = mapped_column(String(5))
    title: Mapped[str | None] = mapped_column(String(200))
    participants: Mapped[int | None]
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


_NAMED_BOOKING = (
    "person_id IS NOT NULL OR created_by_id IS NOT NULL OR title IS NOT NULL OR guest_email IS NOT NULL"
)


class BookingRow(Base):
    __tablename__ = "bookings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(64), unique=True)
    resource_id: Mapped[int] = mapped_column(ForeignKey("resources.id"))
    resource_kind: Mapped[ResourceKind] = mapped_column(_enum(ResourceKind, "booking_resource_kind"))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    municipality_code: Mapped[str] = mapped_column(ForeignKey("municipalities.code"))
    person_kind: Mapped[PersonKind] = mapped_column(_enum(PersonKind, "booking_person_kind"))
    start_at: Mapped[datetime] = mapped_column(UTCDateTime())
    end_at: Mapped[datetime] = mapped_column(UTCDateTime())
    desk_period: Mapped[DeskPeriod | None] = mapped_column(_enum(DeskPeriod, "booking_desk_period"))
    title: Mapped[str | None] = mapped_column(String(200))
    participants: Mapped[int | None]
    status: Mapped[BookingStatus] = mapped_column(
        _enum(BookingStatus, "booking_status"), default=BookingStatus.CONFIRMED
    )
    series_id: Mapped[str | None] = mapped_column(ForeignKey("booking_series.id", ondelete="SET NULL"))
    sequence: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    checked_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    #: The calendar identity (UID and occurrence) an imported booking came from; see migration 0002.
    import_key: Mapped[str | None] = mapped_column(String(300))
    #: An Outlook meeting of an organiser who is no person here: her name and address (0009).
    guest_name: Mapped[str | None] = mapped_column(String(200))
    guest_email: Mapped[str | None] = mapped_column(String(254))
    #: Why it was cancelled or released (domain.bookings.CancelCause) and the words with it; see
    #: migration 0010.
    cancel_cause: Mapped[str | None] = mapped_column(String(16))
    cancel_reason: Mapped[str | None] = mapped_column(String(200))
    #: An external guest's organisation, when the receptionist or an admin booked the guest (the
    #: person is then the guest's host, who answers for them; guest_name is the guest's); 0014.
    guest_org: Mapped[str | None] = mapped_column(String(200))

    __table_args__ = (
        CheckConstraint("end_at > start_at", name="ck_bookings_end_after_start"),
        CheckConstraint("participants IS NULL OR participants >= 1", name="ck_bookings_participants"),
        Index("ix_bookings_start_at", "start_at"),
        Index("ix_bookings_resource_start", "resource_id", "start_at"),
        Index("ix_bookings_person_start", "person_id", "start_at"),
        Index("ix_bookings_series", "series_id"),
        Index("ix_bookings_import_key", "import_key", unique=True),
        Index("ix_bookings_created_by", "created_by_id"),
        # The bookings that still name someone, by start, covering the distinct-people counts
        # (retention, migration 0012).
        _partial(
            "ix_bookings_named_start",
            "start_at",
            "person_id",
            "municipality_code",
            "person_kind",
            "status",
            where=_NAMED_BOOKING,
        ),
    )


class ClosureRow(Base):
    __tablename__ = "closures"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(200))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())

    __table_args__ = (CheckConstraint("end_date >= start_date", name="ck_closures_range"),)


class SettingRow(Base):
    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[object] = mapped_column(JSONText(), nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class RotationYearRow(Base):
    """An admin's confirmation (or change) of a year's host municipality."""

    __tablename__ = "rotation_years"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    host_code: Mapped[str] = mapped_column(ForeignKey("municipalities.code"))
    vice_chair_code: Mapped[str] = mapped_column(ForeignKey("municipalities.code"))
    note: Mapped[str | None] = mapped_column(Text)
    confirmed_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    confirmed_at: Mapped[datetime] = mapped_column(UTCDateTime())

    __table_args__ = (CheckConstraint("host_code <> vice_chair_code", name="ck_rotation_distinct"),)


class RotationMeetingRow(Base):
    """A meeting on the rotation calendar: Umeåregionrådet, the December handover, others."""

    __tablename__ = "rotation_meetings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(String(200))
    start_at: Mapped[datetime] = mapped_column(UTCDateTime())
    end_at: Mapped[datetime] = mapped_column(UTCDateTime())
    location: Mapped[str | None] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(Text)
    uid: Mapped[str] = mapped_column(String(64), unique=True)
    sequence: Mapped[int] = mapped_column(default=0)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())

    __table_args__ = (
        CheckConstraint("end_at > start_at", name="ck_rotation_meetings_range"),
        CheckConstraint("kind IN ('council', 'handover', 'other')", name="ck_rotation_meetings_kind"),
        Index("ix_rotation_meetings_start", "start_at"),
    )


class FeedTokenRow(Base):
    """A published calendar feed: its URL token (hashed), what it shows and to whom."""

    __tablename__ = "feed_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    hint: Mapped[str] = mapped_column(String(8))
    #: office, resource, municipality, person or rotation.
    kind: Mapped[str] = mapped_column(String(16))
    #: The resource id, municipality code or person id the feed is about (None for office/rotation).
    target: Mapped[str | None] = mapped_column(String(64))
    #: public (no names) or internal (names and titles).
    privacy: Mapped[str] = mapped_column(String(16))
    label: Mapped[str] = mapped_column(String(200))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    revoked_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))

    __table_args__ = (
        CheckConstraint(
            "kind IN ('office', 'resource', 'municipality', 'person', 'rotation')", name="ck_feed_tokens_kind"
        ),
        CheckConstraint("privacy IN ('public', 'internal')", name="ck_feed_tokens_privacy"),
    )


class AuditRow(Base):
    """One entry of the audit trail (append-only in the database; see migration 0003)."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    #: The actor's name when the entry was written (personal data: removed by retention/erasure).
    actor_name: Mapped[str | None] = mapped_column(String(200))
    #: e.g. booking.create, booking.cancel, person.role, resource.update, settings.policy.
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str | None] = mapped_column(String(64))
    #: The person the entry is about (a booking's person, a person whose role changed).
    subject_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    before: Mapped[object] = mapped_column(JSONText(), nullable=True)
    after: Mapped[object] = mapped_column(JSONText(), nullable=True)
    anonymized_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    __table_args__ = (
        Index("ix_audit_log_at", "at"),
        Index("ix_audit_log_entity", "entity", "entity_id"),
        # With the id: counting a person's entries up to an id reads the index alone (0019).
        Index("ix_audit_log_subject", "subject_id", "id"),
        Index("ix_audit_log_actor", "actor_id"),
        # The search's entries whose action's words contain the text (migration 0019).
        Index("ix_audit_log_action", "action"),
        # The entries not yet made anonymous, by time (retention, migration 0012).
        _partial("ix_audit_log_named_at", "at", where="anonymized_at IS NULL"),
    )


class PeopleCountAdjustmentRow(Base):
    """People the statistics would lose to anonymised bookings, per year, month (0: the whole
    year) and municipality; added back by the statistics (see migration 0004)."""

    __tablename__ = "people_count_adjustments"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    month: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    municipality_code: Mapped[str] = mapped_column(ForeignKey("municipalities.code"), primary_key=True)
    people: Mapped[int] = mapped_column(Integer)
    employees: Mapped[int] = mapped_column(Integer)
    politicians: Mapped[int] = mapped_column(Integer)

    __table_args__ = (CheckConstraint("month BETWEEN 0 AND 12", name="ck_people_count_adjustments_month"),)


# --- Exchange sync (migration 0005; services/exchange/outbox.py, services/exchange/sync.py) -----
class ExchangeOutboxRow(Base):
    """A booking change still to be written to Exchange, added in the booking's own transaction."""

    __tablename__ = "exchange_outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    booking_id: Mapped[int] = mapped_column(ForeignKey("bookings.id", ondelete="CASCADE"))
    #: upsert or cancel (what happened in the app; the push sends the booking as it is then).
    operation: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime())
    last_error_code: Mapped[str | None] = mapped_column(String(64))
    #: The last error in Swedish words, as the receptionist reads it.
    last_error_text: Mapped[str | None] = mapped_column(Text)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    __table_args__ = (
        CheckConstraint("operation IN ('upsert', 'cancel')", name="ck_exchange_outbox_operation"),
        Index("ix_exchange_outbox_due", "done_at", "next_attempt_at"),
        Index("ix_exchange_outbox_booking", "booking_id"),
    )


class ExchangeLinkRow(Base):
    """Which Exchange event a booking is: the event we pushed (or the Outlook meeting it came from)."""

    __tablename__ = "exchange_links"

    booking_id: Mapped[int] = mapped_column(
        ForeignKey("bookings.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    #: The calendar the event is in: the booker's (origin app) or the room's (origin outlook).
    mailbox: Mapped[str] = mapped_column(String(254))
    remote_id: Mapped[str | None] = mapped_column(String(512))
    change_key: Mapped[str | None] = mapped_column(String(512))
    ical_uid: Mapped[str | None] = mapped_column(String(512))
    #: The room's (or desk's) copy of a meeting we pushed, as its mailbox's pull sees it.
    room_copy_id: Mapped[str | None] = mapped_column(String(512))
    synced_sequence: Mapped[int] = mapped_column(Integer, default=0)
    #: accepted / declined / tentative / none: the room's answer.
    room_response: Mapped[str] = mapped_column(String(16), default="none")
    #: app (made in the app, pushed) or outlook (a meeting booked in Outlook, pulled).
    origin: Mapped[str] = mapped_column(String(16))
    synced_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    __table_args__ = (
        CheckConstraint(
            "room_response IN ('accepted', 'declined', 'tentative', 'none')",
            name="ck_exchange_links_room_response",
        ),
        CheckConstraint("origin IN ('app', 'outlook')", name="ck_exchange_links_origin"),
        Index("ix_exchange_links_remote", "remote_id"),
        Index("ix_exchange_links_room_copy", "room_copy_id"),
        Index("ix_exchange_links_ical_uid", "ical_uid"),
    )


class ExchangeSyncStateRow(Base):
    """Per pulled mailbox (``pull:<mailbox>``) its cursor; ``push`` holds the last push run."""

    __tablename__ = "exchange_sync_state"

    key: Mapped[str] = mapped_column(String(300), primary_key=True)
    cursor: Mapped[str | None] = mapped_column(Text)
    last_success_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_error_code: Mapped[str | None] = mapped_column(String(64))
    last_error_text: Mapped[str | None] = mapped_column(Text)


class DbLoginRow(Base):
    """A database login (PostgreSQL role) and the person it is; see migration 0006."""

    __tablename__ = "db_logins"

    login: Mapped[str] = mapped_column(String(63), primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    granted_at: Mapped[datetime] = mapped_column(UTCDateTime())

    __table_args__ = (Index("ix_db_logins_person", "person_id"),)


# --- Notices by e-mail (migration 0015; services/notices/) --------------------------------------
class NoticeOutboxRow(Base):
    """A mail to one person about one of her bookings, added in the change's own transaction."""

    __tablename__ = "notice_outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    booking_id: Mapped[int | None] = mapped_column(ForeignKey("bookings.id", ondelete="CASCADE"))
    booking_uid: Mapped[str] = mapped_column(String(64))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    #: confirmed, changed, cancelled, released, reminder or waitlist_offer (domain.notices.NoticeKind).
    kind: Mapped[str] = mapped_column(String(16))
    sequence: Mapped[int] = mapped_column(Integer)
    #: Someone else (the receptionist, an admin, a closure, the release) made the change.
    by_other: Mapped[bool] = mapped_column()
    reason: Mapped[str | None] = mapped_column(String(200))
    #: What the mail says, frozen at the change (place, times, title, guest).
    payload: Mapped[object] = mapped_column(JSONText(), nullable=True)
    offer_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    #: pending, sent, skipped, uncertain or given_up (domain.notices.NoticeStatus).
    status: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime())
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    message_id: Mapped[str | None] = mapped_column(String(200))
    last_error_code: Mapped[str | None] = mapped_column(String(64))
    #: The last error in Swedish words, as the receptionist reads it.
    last_error_text: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        CheckConstraint(
            "kind IN ('confirmed', 'changed', 'cancelled', 'released', 'reminder', 'waitlist_offer')",
            name="ck_notice_outbox_kind",
        ),
        CheckConstraint(
            "status IN ('pending', 'sent', 'skipped', 'uncertain', 'given_up')",
            name="ck_notice_outbox_status",
        ),
        Index("ix_notice_outbox_due", "status", "next_attempt_at"),
        Index("ix_notice_outbox_booking", "booking_id"),
        Index("ix_notice_outbox_person", "person_id"),
    )


class NoticePrefsRow(Base):
    """One person's choice of notices; NULL follows the office's defaults (the ``notices`` setting)."""

    __tablename__ = "notice_prefs"

    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    language: Mapped[str | None] = mapped_column(String(8))
    confirmations: Mapped[bool | None] = mapped_column()
    by_others: Mapped[bool | None] = mapped_column()
    reminders: Mapped[bool | None] = mapped_column()
    waitlist: Mapped[bool | None] = mapped_column()
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


# --- the waitlist (migration 0016; services/waitlist/) ------------------------------------------
#: The states of a waitlist entry; ``waiting`` and ``offered`` are "in the queue" (one per person
#: and day), the others are history until retention removes them.
WAITLIST_STATES = ("waiting", "offered", "booked", "declined", "expired", "withdrawn")
_WAITLIST_ACTIVE = "state IN ('waiting', 'offered')"


class WaitlistEntryRow(Base):
    """One person waiting for a desk (any desk, for a day's part) or the room (a time span)."""

    __tablename__ = "waitlist_entries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)
    #: A desk's part of the day (any desk); None for the room.
    desk_period: Mapped[DeskPeriod | None] = mapped_column(_enum(DeskPeriod, "waitlist_desk_period"))
    #: The room waited for, with its time span and party; None for a desk.
    resource_id: Mapped[int | None] = mapped_column(ForeignKey("resources.id", ondelete="CASCADE"))
    start_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    end_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    participants: Mapped[int | None]
    #: Book the freed place straight away instead of offering it.
    auto_book: Mapped[bool] = mapped_column(default=False)
    state: Mapped[str] = mapped_column(String(16), default="waiting")
    #: The queue's order: first joined, first offered.
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    #: When the state last changed (offered, booked, answered, expired, withdrawn).
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    #: The booking that holds the offered place for the person (or that was booked for them).
    offered_booking_id: Mapped[int | None] = mapped_column(ForeignKey("bookings.id", ondelete="SET NULL"))
    offer_until: Mapped[datetime | None] = mapped_column(UTCDateTime())

    __table_args__ = (
        CheckConstraint(
            "state IN ('waiting', 'offered', 'booked', 'declined', 'expired', 'withdrawn')",
            name="ck_waitlist_entries_state",
        ),
        CheckConstraint(
            "(desk_period IS NOT NULL AND resource_id IS NULL AND start_at IS NULL AND end_at IS NULL)"
            " OR (desk_period IS NULL AND resource_id IS NOT NULL AND start_at IS NOT NULL"
            " AND end_at > start_at AND participants >= 1)",
            name="ck_waitlist_entries_need",
        ),
        Index("ix_waitlist_entries_queue", "day", "state", "created_at"),
        Index("ix_waitlist_entries_booking", "offered_booking_id"),
        _partial("ux_waitlist_entries_one_per_day", "person_id", "day", unique=True, where=_WAITLIST_ACTIVE),
    )


@event.listens_for(Index, "before_create")
def _before_create(index: Index, connection: object, **_kw: object) -> None:
    """``Index.create()`` or ``create_all()`` on PostgreSQL: the predicate first."""
    if getattr(getattr(connection, "dialect", None), "name", None) == "postgresql":
        postgresql_predicates()


if "sqlalchemy.dialects.postgresql" in sys.modules:  # loaded anyway: nothing to save
    postgresql_predicates()
