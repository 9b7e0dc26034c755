"""The offices of the history benchmark (tests/benchmarks/history_benchmark.py): 1, 5 or 20 years
of bookings and their audit trail, built once through the core benchmark's generator and cached
(a SQLite file under the cache folder, a PostgreSQL database ``hist_<years>y_<head>_g<generator>``),
so a run copies a cached office instead of building it again. The cache key carries the schema's
head revision and the generator's version: a new migration or generator builds anew.
"""

from __future__ import annotations

import os
import shutil
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url

from satellitkontor.domain import clock as clk
from satellitkontor.domain.people import Role
from satellitkontor.storage import schema
from satellitkontor.storage.database import sqlite_url
from satellitkontor.storage.models import PersonRow
from tests.benchmarks import core_benchmark as core

PG_ADMIN_URL = core.PG_ADMIN_URL
#: Bump when the generated office changes: cached offices of another version are built again.
GENERATOR = 2


def progress(message: str) -> None:
    print(f"  .. {message}", file=sys.stderr, flush=True)


# --- building and caching the offices ---------------------------------------------------------------
def cache_dir(arg: Path | None) -> Path:
    if arg is not None:
        return arg
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("satellitkontor-bench"))


def cache_key(years: int) -> str:
    return f"hist_{years}y_{schema.head_revision()}_g{GENERATOR}"


_AUDIT_SQL = {
    "sqlite": """
INSERT INTO audit_log (at, actor_id, actor_name, action, entity, entity_id, subject_id, before, after)
SELECT at, actor_id, actor_name, action, 'booking', entity_id, subject_id, before, after FROM (
  SELECT b.created_at AS at, p.id AS actor_id, p.name AS actor_name, 'booking.create' AS action,
         CAST(b.id AS TEXT) AS entity_id, b.person_id AS subject_id, NULL AS before,
         json_object('resource', r.name, 'start', b.start_at, 'end', b.end_at, 'title', b.title,
                     'participants', b.participants, 'desk_period', b.desk_period,
                     'status', 'confirmed') AS after
  FROM bookings b JOIN people p ON p.id = b.created_by_id JOIN resources r ON r.id = b.resource_id
  UNION ALL
  SELECT b.checked_in_at, :rec, :rec_name, 'booking.check_in', CAST(b.id AS TEXT), b.person_id,
         json_object('status', 'confirmed'), json_object('status', 'checked_in')
  FROM bookings b WHERE b.checked_in_at IS NOT NULL
  UNION ALL
  SELECT b.cancelled_at, p.id, p.name, 'booking.cancel', CAST(b.id AS TEXT), b.person_id,
         json_object('status', 'confirmed'), json_object('status', 'cancelled')
  FROM bookings b JOIN people p ON p.id = b.person_id WHERE b.cancelled_at IS NOT NULL
) ORDER BY at""",
    "postgresql": """
INSERT INTO audit_log (at, actor_id, actor_name, action, entity, entity_id, subject_id, before, after)
SELECT at, actor_id, actor_name, action, 'booking', entity_id, subject_id, before, after FROM (
  SELECT b.created_at AS at, p.id AS actor_id, p.name AS actor_name, 'booking.create' AS action,
         b.id::text AS entity_id, b.person_id AS subject_id, NULL::text AS before,
         json_build_object('resource', r.name, 'start', b.start_at, 'end', b.end_at, 'title', b.title,
                     'participants', b.participants, 'desk_period', b.desk_period,
                     'status', 'confirmed')::text AS after
  FROM bookings b JOIN people p ON p.id = b.created_by_id JOIN resources r ON r.id = b.resource_id
  UNION ALL
  SELECT b.checked_in_at, :rec, :rec_name, 'booking.check_in', b.id::text, b.person_id,
         '{"status": "confirmed"}', '{"status": "checked_in"}'
  FROM bookings b WHERE b.checked_in_at IS NOT NULL
  UNION ALL
  SELECT b.cancelled_at, p.id, p.name, 'booking.cancel', b.id::text, b.person_id,
         '{"status": "confirmed"}', '{"status": "cancelled"}'
  FROM bookings b JOIN people p ON p.id = b.person_id WHERE b.cancelled_at IS NOT NULL
) AS entries ORDER BY at""",
}


def build(url: str, years: int) -> None:
    """Lay out an office with ``years`` of history at ``url`` (an empty database)."""
    progress(f"building a {years}-year office")
    office = core.build_office(url, bench_desks=1)
    svc = office.services
    try:
        now = datetime.now(UTC)
        rows, _per_day = core.generate_bookings(office, years, clk.local_date(now), now)
        progress(f"inserting {len(rows):,} bookings")
        core.insert_bookings(svc, rows)
        with svc.db.session() as s:
            rec = s.execute(
                select(PersonRow.id, PersonRow.name).where(PersonRow.role == Role.RECEPTIONIST)
            ).one()
        progress("inserting their audit trail")
        with svc.db.engine.execution_options(satellitkontor_write=True).begin() as conn:
            conn.execute(text(_AUDIT_SQL[svc.db.engine.dialect.name]), {"rec": rec[0], "rec_name": rec[1]})
        # PostgreSQL: vacuumed as well as analysed, as autovacuum leaves an office's tables long
        # before they are 20 years old. Without it no page is marked all-visible, and an index-only
        # scan (the audit search's count of the entries about a person) reads every row's page.
        with svc.db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM (ANALYZE)") if svc.db.is_postgresql else text("SELECT 1"))
    finally:
        svc.db.dispose()


def sqlite_office(cache: Path, years: int, rebuild: bool, work: Path) -> str:
    cached = cache / f"{cache_key(years)}.sqlite3"
    older = sorted(cache.glob(f"hist_{years}y_*_g{GENERATOR}.sqlite3"))
    if not cached.exists() and older and not rebuild:
        cached = older[-1]  # an office of an older schema: upgraded on open, as the app does
    if rebuild or not cached.exists():
        cache.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(".partial")
        for p in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
            p.unlink(missing_ok=True)
        build(sqlite_url(partial), years)
        os.replace(partial, cached)
    target = work / "office.sqlite3"
    shutil.copyfile(cached, target)
    return sqlite_url(target)


def pg_admin() -> Any:
    return create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})


def pg_office(years: int, rebuild: bool) -> tuple[str, str]:
    """(url of a fresh copy, its database name)."""
    template = cache_key(years).lower()
    admin = pg_admin()
    try:
        with admin.connect() as conn:
            exists = conn.scalar(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": template})
            if not exists and not rebuild:  # an office of an older schema: upgraded below
                like = f"hist_{years}y_%_g{GENERATOR}"
                older = conn.scalar(
                    text(
                        "SELECT max(datname) FROM pg_database WHERE datname LIKE :l AND datname NOT LIKE '%partial'"
                    ),
                    {"l": like},
                )
                if older is not None:
                    template, exists = older, True
            if rebuild or not exists:
                partial = f"{template}_partial"
                for name in (template, partial):
                    conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                conn.execute(text(f'CREATE DATABASE "{partial}"'))
                build(make_url(PG_ADMIN_URL).set(database=partial).render_as_string(False), years)
                conn.execute(text(f'ALTER DATABASE "{partial}" RENAME TO "{template}"'))
            name = f"sk_hist_run_{os.getpid()}"
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    finally:
        admin.dispose()
    return make_url(PG_ADMIN_URL).set(database=name).render_as_string(False), name


def pg_drop(name: str) -> None:
    admin = pg_admin()
    try:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()
