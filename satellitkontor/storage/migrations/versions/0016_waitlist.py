"""The waitlist: ``waitlist_entries`` (issue 19; services/waitlist/).

A person waits for a desk on a full day or half-day (any desk, ``desk_period``), or for the room
in a time span (``resource_id``, ``start_at``–``end_at``, ``participants``). ``created_at`` is the
queue's order. When a place frees, the first in line whose need it covers is offered it: a
booking of theirs holds the place (``offered_booking_id``) until ``offer_until``, or, with
``auto_book``, is simply their booking. States: waiting → offered → booked / declined / expired,
or waiting/offered → withdrawn. One entry in the queue (waiting or offered) per person and day: a
partial unique index, on SQLite and PostgreSQL alike. Erasing a person removes their entries
(also ``ON DELETE CASCADE``); retention removes old ones.

PostgreSQL, row-level security in the style of 0007/0008:

- a user reads, adds and changes only her own entries; she never sees another person's (no names,
  no rows), so a raw SQL client learns nothing of who else waits;
- the receptionist and the admin read and change every entry (the day's queue, offers);
- a BEFORE INSERT OR UPDATE trigger keeps a user from cheating the queue: her new entry gets the
  server's ``now()`` as ``created_at`` and must be ``waiting`` with no offer; on her own entry she
  may only change ``state`` from waiting to withdrawn, or from offered to booked, declined or
  withdrawn (accepting or declining), and nothing else (SQLSTATE 42501, like 0007's guards);
- the table notifies the other PCs like the others of 0006, so the reception's queue follows.

``storage/pg_roles.py`` names the table's privileges (users SELECT, INSERT and UPDATE; staff also
DELETE nothing: retention and erasure are the admin's).

Revision ID: 0016
Revises: 0015 (the notices' outbox)
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy import text

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

ME = "(SELECT satellitkontor_person_id())"
STAFF = "(SELECT satellitkontor_is_staff())"
ADMIN = "(SELECT satellitkontor_is_admin())"
ACTIVE = "state IN ('waiting', 'offered')"

POLICIES = (
    ("read", "SELECT", f"{STAFF} OR person_id = {ME}", None),
    ("join", "INSERT", None, f"{STAFF} OR person_id = {ME}"),
    ("change", "UPDATE", f"{STAFF} OR person_id = {ME}", f"{STAFF} OR person_id = {ME}"),
)


def _guard(s: str) -> str:
    path = f"SET search_path = pg_catalog, {s}, pg_temp"
    # SECURITY INVOKER, as the other guards: row_security_active() must ask about the caller.
    return f"""
        CREATE OR REPLACE FUNCTION {s}.satellitkontor_guard_waitlist() RETURNS trigger
        LANGUAGE plpgsql {path} AS $$
        BEGIN
            IF NOT pg_catalog.row_security_active(TG_RELID) OR {s}.satellitkontor_is_staff() THEN
                RETURN NEW;
            END IF;
            IF TG_OP = 'INSERT' THEN
                IF NEW.state <> 'waiting' OR NEW.offered_booking_id IS NOT NULL
                   OR NEW.offer_until IS NOT NULL THEN
                    RAISE EXCEPTION 'a new waitlist entry must be waiting, with no offer'
                        USING ERRCODE = 'insufficient_privilege';
                END IF;
                NEW.created_at := pg_catalog.now();
                RETURN NEW;
            END IF;
            IF (NEW.person_id, NEW.day, NEW.desk_period, NEW.resource_id, NEW.start_at, NEW.end_at,
                NEW.participants, NEW.auto_book, NEW.created_at, NEW.offered_booking_id, NEW.offer_until)
               IS DISTINCT FROM
               (OLD.person_id, OLD.day, OLD.desk_period, OLD.resource_id, OLD.start_at, OLD.end_at,
                OLD.participants, OLD.auto_book, OLD.created_at, OLD.offered_booking_id, OLD.offer_until)
            THEN
                RAISE EXCEPTION 'only a receptionist or an admin may change a waitlist entry (entry %)',
                    OLD.id USING ERRCODE = 'insufficient_privilege';
            END IF;
            IF NEW.state IS DISTINCT FROM OLD.state AND NOT (
                (OLD.state = 'waiting' AND NEW.state = 'withdrawn')
                OR (OLD.state = 'offered' AND NEW.state IN ('booked', 'declined', 'withdrawn'))) THEN
                RAISE EXCEPTION 'a waitlist entry cannot go from % to % (entry %)',
                    OLD.state, NEW.state, OLD.id USING ERRCODE = 'insufficient_privilege';
            END IF;
            RETURN NEW;
        END
        $$
        """


def upgrade() -> None:
    op.create_table(
        "waitlist_entries",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("person_id", sa.Integer, sa.ForeignKey("people.id", ondelete="CASCADE"), nullable=False),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column(
            "desk_period",
            sa.Enum(
                "full_day",
                "morning",
                "afternoon",
                name="waitlist_desk_period",
                native_enum=False,
                create_constraint=True,
                length=16,
            ),
        ),
        sa.Column("resource_id", sa.Integer, sa.ForeignKey("resources.id", ondelete="CASCADE")),
        sa.Column("start_at", sa.DateTime(timezone=True)),
        sa.Column("end_at", sa.DateTime(timezone=True)),
        sa.Column("participants", sa.Integer),
        sa.Column("auto_book", sa.Boolean, nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True)),
        sa.Column("offered_booking_id", sa.Integer, sa.ForeignKey("bookings.id", ondelete="SET NULL")),
        sa.Column("offer_until", sa.DateTime(timezone=True)),
        sa.CheckConstraint(
            "state IN ('waiting', 'offered', 'booked', 'declined', 'expired', 'withdrawn')",
            name="ck_waitlist_entries_state",
        ),
        sa.CheckConstraint(
            "(desk_period IS NOT NULL AND resource_id IS NULL AND start_at IS NULL AND end_at IS NULL)"
            " OR (desk_period IS NULL AND resource_id IS NOT NULL AND start_at IS NOT NULL"
            " AND end_at > start_at AND participants >= 1)",
            name="ck_waitlist_entries_need",
        ),
    )
    op.create_index("ix_waitlist_entries_queue", "waitlist_entries", ["day", "state", "created_at"])
    op.create_index("ix_waitlist_entries_booking", "waitlist_entries", ["offered_booking_id"])
    op.create_index(
        "ux_waitlist_entries_one_per_day",
        "waitlist_entries",
        ["person_id", "day"],
        unique=True,
        sqlite_where=text(ACTIVE),
        postgresql_where=text(ACTIVE),
    )
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    schema = bind.execute(text("SELECT quote_ident(current_schema())")).scalar_one()
    op.execute(_guard(schema))
    op.execute(
        "CREATE TRIGGER waitlist_entries_guard BEFORE INSERT OR UPDATE ON waitlist_entries "
        f"FOR EACH ROW EXECUTE FUNCTION {schema}.satellitkontor_guard_waitlist()"
    )
    op.execute(
        "CREATE TRIGGER waitlist_entries_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
        f"ON waitlist_entries FOR EACH STATEMENT EXECUTE FUNCTION {schema}.satellitkontor_notify_change()"
    )
    op.execute("ALTER TABLE waitlist_entries ENABLE ROW LEVEL SECURITY")
    op.execute(
        f"CREATE POLICY waitlist_entries_admin ON waitlist_entries FOR ALL USING ({ADMIN}) WITH CHECK ({ADMIN})"
    )
    for name, command, using, check in POLICIES:
        clause = f"CREATE POLICY waitlist_entries_{name} ON waitlist_entries FOR {command}"
        if using is not None:
            clause += f" USING ({using})"
        if check is not None:
            clause += f" WITH CHECK ({check})"
        op.execute(clause)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        schema = bind.execute(text("SELECT quote_ident(current_schema())")).scalar_one()
        op.drop_table("waitlist_entries")  # its policies and triggers go with it
        op.execute(f"DROP FUNCTION IF EXISTS {schema}.satellitkontor_guard_waitlist()")
        return
    op.drop_table("waitlist_entries")
