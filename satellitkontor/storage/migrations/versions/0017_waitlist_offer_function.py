"""A user's own cancel offers the freed place to the waitlist at once (PostgreSQL, shared office).

Row-level security (0016) keeps a user's login from reading the waitlist and from booking for
anyone else, so before this migration a place freed by a user's own cancel waited for the
reception's five-minute sweep, and meanwhile anyone could take it. ``satellitkontor_waitlist_
offer(freed)`` is the privileged part of that offer, called by the app (services/waitlist/
offers.py) in the cancel's own transaction; it decides everything itself from the database:

- **Who may call it, for what**: a login mapped to an active person (``satellitkontor_person_
  id()``, as every policy), for a booking that is hers (``person_id`` or ``created_by_id``, as
  0007's guard), is ``cancelled``, and was changed in the caller's own transaction (its ``xmin``
  is the current transaction id): not a booking she cancelled last week, not anyone else's.
  Anything else: SQLSTATE 42501, nothing done. Calling it twice offers nothing more (the place
  is held by then).
- **What it offers**: only the freed booking's place, on its day, and only while that place is
  really free (no holding booking overlaps, under the same row locks as any booking: the
  place's, then each person's row ``FOR NO KEY UPDATE``). The day's hours come from the office's
  policy setting (``booking_policy``: ``week``, ``midday``; the defaults of domain/policy.py when
  unset) and a closure of the day offers nothing; the freed booking itself shows the day was
  bookable (holidays are the app's).
- **To whom**: the day's waiting entries in line order (``created_at``, then ``id``), read ``FOR
  UPDATE``; the first whose need the place covers (a desk for their part of the day, the room
  for their span), whose span has not ended, who is active, who holds no other desk then (when
  one desk per person is on) and who stays within the fair rules' desk-days per week and month.
  The same rules as services/waitlist/offers.py; the caller chooses nothing but the booking, so
  she cannot pick who gets the place, jump the line or offer a place that is not free.
- **What it writes**, as the office (no actor): the held booking (confirmed, the person's own),
  the entry (offered until now + ``waitlist_offer_minutes``, never past the booking's end; or
  booked straight away with ``auto_book``), the notice (``waitlist_offer`` or ``confirmed``) when
  notices are on, the Exchange outbox row for a place booked straight away when the sync is on,
  and the audit entries. Times are the server's clock (as a user's place in line is, 0016).
- **What it returns**: the ids of the entries offered or booked and of their held bookings: no
  name, nothing about the rest of the line (a user reads bookings, with their person's id,
  already; 0007).

SECURITY DEFINER with ``search_path = pg_catalog, <schema>, pg_temp`` and every name in its body
qualified; ``TimeZone`` fixed to UTC so the notice's times read as the app writes them.

Revision ID: 0017
Revises: 0016 (the waitlist)
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op
from sqlalchemy import text

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

SIGNATURE = "satellitkontor_waitlist_offer(integer)"


def _function(s: str) -> str:
    path = f"SET search_path = pg_catalog, {s}, pg_temp SET TimeZone = 'UTC'"
    holding = "('confirmed', 'checked_in')"
    return f"""
        CREATE OR REPLACE FUNCTION {s}.satellitkontor_waitlist_offer(freed integer)
        RETURNS TABLE (entry_id integer, booking_id integer)
        LANGUAGE plpgsql VOLATILE SECURITY DEFINER {path} AS $$
        DECLARE
            me integer := {s}.satellitkontor_person_id();
            b {s}.bookings%ROWTYPE;
            place {s}.resources%ROWTYPE;
            e {s}.waitlist_entries%ROWTYPE;
            who {s}.people%ROWTYPE;
            mine boolean;
            pol jsonb;
            hours jsonb;
            local_day date;
            opens timestamptz;
            closes timestamptz;
            midday timestamptz;
            need_start timestamptz;
            need_end timestamptz;
            amount numeric;
            per_week numeric;
            per_month numeric;
            until timestamptz;
            made integer;
            made_uid text;
            moment timestamptz := pg_catalog.now();
            zone constant text := 'Europe/Stockholm';
            notices_on boolean;
            exchange_on boolean;
        BEGIN
            SELECT * INTO b FROM {s}.bookings x WHERE x.id = freed;
            SELECT x.xmin OPERATOR(pg_catalog.=) pg_catalog.pg_current_xact_id()::xid INTO mine
                FROM {s}.bookings x WHERE x.id = freed;
            IF me IS NULL OR b.id IS NULL OR b.status IS DISTINCT FROM 'cancelled'
               OR (b.person_id IS DISTINCT FROM me AND b.created_by_id IS DISTINCT FROM me)
               OR NOT COALESCE(mine, false) THEN
                RAISE EXCEPTION 'the waitlist is offered only a place of one''s own booking cancelled in this transaction (booking %)',
                    freed USING ERRCODE = 'insufficient_privilege';
            END IF;
            SELECT * INTO place FROM {s}.resources r WHERE r.id = b.resource_id AND r.active FOR NO KEY UPDATE;
            IF place.id IS NULL OR b.end_at <= moment THEN
                RETURN;
            END IF;
            local_day := (b.start_at AT TIME ZONE zone)::date;
            IF EXISTS (SELECT 1 FROM {s}.closures c WHERE c.start_date <= local_day AND c.end_date >= local_day) THEN
                RETURN;  -- closed: the line waits (a closure lifted offers it again)
            END IF;
            SELECT (x.value)::jsonb INTO pol FROM {s}.settings x WHERE x.key = 'booking_policy';
            pol := COALESCE(pol, '{{}}'::jsonb);
            hours := CASE WHEN pol ? 'week'
                          THEN pol -> 'week' -> (pg_catalog.date_part('isodow', local_day)::integer - 1)
                          WHEN pg_catalog.date_part('isodow', local_day) <= 5 THEN '["08:00", "17:00"]'::jsonb
                     END;
            IF hours IS NULL OR pg_catalog.jsonb_typeof(hours) <> 'array' THEN
                RETURN;
            END IF;
            opens := (local_day + (hours ->> 0)::time) AT TIME ZONE zone;
            closes := (local_day + (hours ->> 1)::time) AT TIME ZONE zone;
            midday := (local_day + COALESCE(pol ->> 'midday', '12:00')::time) AT TIME ZONE zone;
            IF NOT (opens < midday AND midday < closes) THEN
                midday := NULL;  -- a short day has no halves
            END IF;
            SELECT COALESCE((x.value)::jsonb -> 'enabled' = 'true'::jsonb, false) INTO notices_on
                FROM {s}.settings x WHERE x.key = 'notices';
            SELECT COALESCE((x.value)::jsonb -> 'enabled' = 'true'::jsonb, false) INTO exchange_on
                FROM {s}.settings x WHERE x.key = 'exchange';
            FOR e IN
                SELECT * FROM {s}.waitlist_entries w
                WHERE w.day = local_day AND w.state = 'waiting'
                ORDER BY w.created_at, w.id
                FOR UPDATE
            LOOP
                IF e.resource_id IS NOT NULL THEN
                    CONTINUE WHEN e.resource_id <> place.id;
                    need_start := e.start_at;
                    need_end := e.end_at;
                ELSE
                    CONTINUE WHEN place.kind <> 'desk';
                    CONTINUE WHEN e.desk_period <> 'full_day' AND midday IS NULL;
                    need_start := CASE WHEN e.desk_period = 'afternoon' THEN midday ELSE opens END;
                    need_end := CASE WHEN e.desk_period = 'morning' THEN midday ELSE closes END;
                END IF;
                CONTINUE WHEN need_end <= moment;
                CONTINUE WHEN EXISTS (
                    SELECT 1 FROM {s}.bookings x WHERE x.resource_id = place.id
                    AND x.status IN {holding} AND x.start_at < need_end AND x.end_at > need_start);
                SELECT * INTO who FROM {s}.people p WHERE p.id = e.person_id AND p.active FOR NO KEY UPDATE;
                CONTINUE WHEN who.id IS NULL;
                IF e.resource_id IS NULL THEN
                    CONTINUE WHEN COALESCE((pol ->> 'one_desk_per_person')::boolean, true) AND EXISTS (
                        SELECT 1 FROM {s}.bookings x WHERE x.person_id = who.id AND x.resource_kind = 'desk'
                        AND x.status IN {holding} AND x.start_at < need_end AND x.end_at > need_start);
                    amount := CASE WHEN e.desk_period = 'full_day' THEN 1 ELSE 0.5 END;
                    SELECT COALESCE(pg_catalog.sum(CASE WHEN x.desk_period = 'full_day' THEN 1 ELSE 0.5 END)
                                        FILTER (WHERE pg_catalog.date_trunc('week', (x.start_at AT TIME ZONE zone))
                                                = pg_catalog.date_trunc('week', local_day::timestamp)), 0),
                           COALESCE(pg_catalog.sum(CASE WHEN x.desk_period = 'full_day' THEN 1 ELSE 0.5 END)
                                        FILTER (WHERE pg_catalog.date_trunc('month', (x.start_at AT TIME ZONE zone))
                                                = pg_catalog.date_trunc('month', local_day::timestamp)), 0)
                    INTO per_week, per_month
                    FROM {s}.bookings x
                    WHERE x.person_id = who.id AND x.guest_org IS NULL AND x.resource_kind = 'desk'
                      AND x.status IN {holding}
                      AND x.start_at >= (local_day - 40)::timestamp AT TIME ZONE zone
                      AND x.start_at < (local_day + 40)::timestamp AT TIME ZONE zone;
                    CONTINUE WHEN pol ->> 'desk_days_per_week' IS NOT NULL
                        AND per_week + amount > (pol ->> 'desk_days_per_week')::numeric;
                    CONTINUE WHEN pol ->> 'desk_days_per_month' IS NOT NULL
                        AND per_month + amount > (pol ->> 'desk_days_per_month')::numeric;
                END IF;
                made_uid := pg_catalog.gen_random_uuid()::text || '@satellitkontor';
                INSERT INTO {s}.bookings (uid, resource_id, resource_kind, person_id, created_by_id,
                    municipality_code, person_kind, start_at, end_at, desk_period, participants, status,
                    sequence, created_at, updated_at)
                VALUES (made_uid, place.id, place.kind, who.id, who.id, who.municipality_code, who.kind,
                    need_start, need_end, e.desk_period, e.participants, 'confirmed', 0, moment, moment)
                RETURNING id INTO made;
                IF e.auto_book THEN
                    until := NULL;
                    UPDATE {s}.waitlist_entries w SET offered_booking_id = made, state = 'booked',
                        decided_at = moment WHERE w.id = e.id;
                    IF COALESCE(exchange_on, false) THEN
                        INSERT INTO {s}.exchange_outbox (booking_id, operation, created_at, attempts, next_attempt_at)
                        VALUES (made, 'upsert', moment, 0, moment);
                    END IF;
                    INSERT INTO {s}.audit_log (at, action, entity, entity_id, subject_id, after)
                    VALUES (moment, 'booking.create', 'booking', made::text, who.id,
                        pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object('resource_id', place.id,
                            'resource', place.name, 'start', need_start, 'end', need_end, 'status', 'confirmed',
                            'period', e.desk_period, 'participants', e.participants))::text);
                ELSE
                    until := LEAST(moment + pg_catalog.make_interval(
                        mins => COALESCE((pol ->> 'waitlist_offer_minutes')::integer, 120)), need_end);
                    UPDATE {s}.waitlist_entries w SET offered_booking_id = made, state = 'offered',
                        decided_at = moment, offer_until = until WHERE w.id = e.id;
                END IF;
                INSERT INTO {s}.audit_log (at, action, entity, entity_id, subject_id, after)
                VALUES (moment, CASE WHEN e.auto_book THEN 'waitlist.book' ELSE 'waitlist.offer' END,
                    'waitlist', e.id::text, who.id,
                    pg_catalog.jsonb_build_object('booking_id', made, 'resource', place.name, 'until', until)::text);
                IF COALESCE(notices_on, false) THEN
                    INSERT INTO {s}.notice_outbox (booking_id, booking_uid, person_id, kind, sequence, by_other,
                        payload, offer_until, created_at, status, attempts, next_attempt_at)
                    VALUES (made, made_uid, who.id, CASE WHEN e.auto_book THEN 'confirmed' ELSE 'waitlist_offer' END,
                        0, true,
                        pg_catalog.jsonb_build_object('place', place.name, 'place_kind', place.kind,
                            'start', need_start, 'end', need_end, 'desk_period', e.desk_period, 'title', NULL,
                            'participants', e.participants, 'guest', NULL, 'cause', NULL)::text,
                        until, moment, 'pending', 0, moment);
                END IF;
                entry_id := e.id;
                booking_id := made;
                RETURN NEXT;
            END LOOP;
        END
        $$
        """


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    schema = bind.execute(text("SELECT quote_ident(current_schema())")).scalar_one()
    op.execute(_function(schema))
    # the app's logins get EXECUTE from ``satellitkontor db grant`` (storage/pg_roles.py names
    # every satellitkontor_ function); until then a user's cancel leaves the offer to the sweep


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    schema = bind.execute(text("SELECT quote_ident(current_schema())")).scalar_one()
    op.execute(f"DROP FUNCTION IF EXISTS {schema}.{SIGNATURE}")
