"""The first schema: municipalities, people, resources, bookings, series, closures, settings,
rotation.

Besides the tables, the database itself refuses two holding bookings (confirmed or checked in)
that overlap on one resource, whoever writes them:
- PostgreSQL: an exclusion constraint over ``tstzrange(start_at, end_at, '[)')`` with btree_gist,
  cancelled and no-show bookings excluded; ``[)`` allows back-to-back bookings.
- SQLite: BEFORE INSERT/UPDATE triggers that abort with ``bookings_no_overlap``.
Both databases also cap a booking at 24 hours, which lets overlap look-ups stay on an index.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

HOLDING = "('confirmed', 'checked_in')"


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=16)


def _ts() -> sa.DateTime:
    return sa.DateTime(timezone=True)


MUNICIPALITIES = [
    ("bjurholm", "Bjurholm", "2403"),
    ("nordmaling", "Nordmaling", "2401"),
    ("robertsfors", "Robertsfors", "2409"),
    ("umea", "Umeå", "2480"),
    ("vindeln", "Vindeln", "2404"),
    ("vannas", "Vännäs", "2460"),
    ("ornskoldsvik", "Örnsköldsvik", "2284"),
]


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    municipalities = op.create_table(
        "municipalities",
        sa.Column("code", sa.String(32), primary_key=True),
        sa.Column("name", sa.String(64), nullable=False, unique=True),
        sa.Column("scb_code", sa.String(4), nullable=False, unique=True),
    )
    op.bulk_insert(municipalities, [dict(code=c, name=n, scb_code=s) for c, n, s in MUNICIPALITIES])

    op.create_table(
        "people",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("email", sa.String(254), nullable=False, unique=True),
        sa.Column("municipality_code", sa.String(32), sa.ForeignKey("municipalities.code"), nullable=False),
        sa.Column("kind", _enum("person_kind", "employee", "politician"), nullable=False),
        sa.Column("role", _enum("person_role", "user", "receptionist", "admin"), nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("created_at", _ts(), nullable=False),
        sa.Column("updated_at", _ts(), nullable=False),
    )
    op.create_table(
        "resources",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", _enum("resource_kind", "desk", "room"), nullable=False),
        sa.Column("name", sa.String(100), nullable=False, unique=True),
        sa.Column("equipment", sa.Text, nullable=False),
        sa.Column("capacity", sa.Integer, nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("x", sa.Float, nullable=False),
        sa.Column("y", sa.Float, nullable=False),
        sa.Column("sort_order", sa.Integer, nullable=False),
        sa.Column("created_at", _ts(), nullable=False),
        sa.Column("updated_at", _ts(), nullable=False),
        sa.CheckConstraint("capacity >= 1", name="ck_resources_capacity"),
    )
    op.create_table(
        "booking_series",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("resource_id", sa.Integer, sa.ForeignKey("resources.id"), nullable=False),
        sa.Column("person_id", sa.Integer, sa.ForeignKey("people.id", ondelete="SET NULL")),
        sa.Column("rrule", sa.String(200), nullable=False),
        sa.Column("first_day", sa.Date, nullable=False),
        sa.Column("desk_period", _enum("desk_period", "full_day", "morning", "afternoon")),
        sa.Column("start_time", sa.String(5)),
        sa.Column("end_time", sa.String(5)),
        sa.Column("title", sa.String(200)),
        sa.Column("participants", sa.Integer),
        sa.Column("created_by_id", sa.Integer, sa.ForeignKey("people.id", ondelete="SET NULL")),
        sa.Column("created_at", _ts(), nullable=False),
    )
    op.create_table(
        "bookings",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("uid", sa.String(64), nullable=False, unique=True),
        sa.Column("resource_id", sa.Integer, sa.ForeignKey("resources.id"), nullable=False),
        sa.Column("resource_kind", _enum("booking_resource_kind", "desk", "room"), nullable=False),
        sa.Column("person_id", sa.Integer, sa.ForeignKey("people.id", ondelete="SET NULL")),
        sa.Column("created_by_id", sa.Integer, sa.ForeignKey("people.id", ondelete="SET NULL")),
        sa.Column("municipality_code", sa.String(32), sa.ForeignKey("municipalities.code"), nullable=False),
        sa.Column("person_kind", _enum("booking_person_kind", "employee", "politician"), nullable=False),
        sa.Column("start_at", _ts(), nullable=False),
        sa.Column("end_at", _ts(), nullable=False),
        sa.Column("desk_period", _enum("booking_desk_period", "full_day", "morning", "afternoon")),
        sa.Column("title", sa.String(200)),
        sa.Column("participants", sa.Integer),
        sa.Column(
            "status",
            _enum("booking_status", "confirmed", "checked_in", "no_show", "cancelled"),
            nullable=False,
        ),
        sa.Column("series_id", sa.String(36), sa.ForeignKey("booking_series.id", ondelete="SET NULL")),
        sa.Column("sequence", sa.Integer, nullable=False),
        sa.Column("created_at", _ts(), nullable=False),
        sa.Column("updated_at", _ts(), nullable=False),
        sa.Column("checked_in_at", _ts()),
        sa.Column("cancelled_at", _ts()),
        sa.CheckConstraint("end_at > start_at", name="ck_bookings_end_after_start"),
        sa.CheckConstraint("participants IS NULL OR participants >= 1", name="ck_bookings_participants"),
    )
    op.create_index("ix_bookings_start_at", "bookings", ["start_at"])
    op.create_index("ix_bookings_resource_start", "bookings", ["resource_id", "start_at"])
    op.create_index("ix_bookings_person_start", "bookings", ["person_id", "start_at"])
    op.create_index("ix_bookings_series", "bookings", ["series_id"])

    op.create_table(
        "closures",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("start_date", sa.Date, nullable=False),
        sa.Column("end_date", sa.Date, nullable=False),
        sa.Column("reason", sa.String(200), nullable=False),
        sa.Column("created_by_id", sa.Integer, sa.ForeignKey("people.id", ondelete="SET NULL")),
        sa.Column("created_at", _ts(), nullable=False),
        sa.CheckConstraint("end_date >= start_date", name="ck_closures_range"),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text),
        sa.Column("updated_at", _ts(), nullable=False),
    )
    op.create_table(
        "rotation_years",
        sa.Column("year", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("host_code", sa.String(32), sa.ForeignKey("municipalities.code"), nullable=False),
        sa.Column("vice_chair_code", sa.String(32), sa.ForeignKey("municipalities.code"), nullable=False),
        sa.Column("note", sa.Text),
        sa.Column("confirmed_by_id", sa.Integer, sa.ForeignKey("people.id", ondelete="SET NULL")),
        sa.Column("confirmed_at", _ts(), nullable=False),
        sa.CheckConstraint("host_code <> vice_chair_code", name="ck_rotation_distinct"),
    )
    op.create_table(
        "rotation_meetings",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("start_at", _ts(), nullable=False),
        sa.Column("end_at", _ts(), nullable=False),
        sa.Column("location", sa.String(200)),
        sa.Column("note", sa.Text),
        sa.Column("uid", sa.String(64), nullable=False, unique=True),
        sa.Column("sequence", sa.Integer, nullable=False),
        sa.Column("created_by_id", sa.Integer, sa.ForeignKey("people.id", ondelete="SET NULL")),
        sa.Column("created_at", _ts(), nullable=False),
        sa.Column("updated_at", _ts(), nullable=False),
        sa.CheckConstraint("end_at > start_at", name="ck_rotation_meetings_range"),
        sa.CheckConstraint("kind IN ('council', 'handover', 'other')", name="ck_rotation_meetings_kind"),
    )
    op.create_index("ix_rotation_meetings_start", "rotation_meetings", ["start_at"])

    if dialect == "postgresql":
        _postgresql_guards()
    elif dialect == "sqlite":
        _sqlite_guards()


def _postgresql_guards() -> None:
    op.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
    op.execute(
        "ALTER TABLE bookings ADD CONSTRAINT ck_bookings_at_most_one_day "
        "CHECK (end_at - start_at <= interval '1 day')"
    )
    op.execute(
        "ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist ("
        "resource_id WITH =, tstzrange(start_at, end_at, '[)') WITH &&"
        f") WHERE (status IN {HOLDING})"
    )


def _sqlite_guards() -> None:
    # SQLite cannot add a CHECK to an existing table; the trigger below enforces the 24 h cap too.
    overlap = (
        "EXISTS (SELECT 1 FROM bookings b WHERE b.resource_id = NEW.resource_id "
        f"AND b.status IN {HOLDING} AND b.start_at < NEW.end_at AND b.end_at > NEW.start_at "
        "AND b.start_at > datetime(NEW.start_at, '-1 day') {extra})"
    )
    too_long = "julianday(NEW.end_at) - julianday(NEW.start_at) > 1.0"
    for event, extra in (
        ("INSERT", ""),
        ("UPDATE OF resource_id, start_at, end_at, status", "AND b.id <> NEW.id"),
    ):
        suffix = event.split()[0].lower()
        op.execute(
            f"CREATE TRIGGER bookings_no_overlap_{suffix} BEFORE {event} ON bookings "
            f"WHEN NEW.status IN {HOLDING} AND {overlap.format(extra=extra)} "
            "BEGIN SELECT RAISE(ABORT, 'bookings_no_overlap'); END"
        )
        op.execute(
            f"CREATE TRIGGER bookings_at_most_one_day_{suffix} BEFORE {event} ON bookings "
            f"WHEN {too_long} BEGIN SELECT RAISE(ABORT, 'ck_bookings_at_most_one_day'); END"
        )


def downgrade() -> None:
    raise NotImplementedError("The first schema cannot be downgraded; restore a backup instead.")
