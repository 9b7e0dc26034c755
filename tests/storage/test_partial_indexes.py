"""The partial indexes of storage/models.py: the same DDL on SQLite and PostgreSQL as when each
was declared with ``postgresql_where``, while a process on SQLite no longer loads the PostgreSQL
dialect for them (issue 18: ~25 ms and 2 MiB of every start). Fresh processes, so that no other
test has loaded the dialect before."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

#: The three partial indexes as the migrations create them (0012, 0016), on both databases.
PARTIAL = {
    "CREATE INDEX ix_bookings_named_start ON bookings (start_at, person_id, municipality_code, person_kind,"
    " status) WHERE person_id IS NOT NULL OR created_by_id IS NOT NULL OR title IS NOT NULL"
    " OR guest_email IS NOT NULL",
    "CREATE INDEX ix_audit_log_named_at ON audit_log (at) WHERE anonymized_at IS NULL",
    "CREATE UNIQUE INDEX ux_waitlist_entries_one_per_day ON waitlist_entries (person_id, day)"
    " WHERE state IN ('waiting', 'offered')",
}

#: create_all() of the models on a mock engine of ``url``; prints the index DDL and whether the
#: PostgreSQL dialect is loaded afterwards.
PROBE = """
import json, sys
from sqlalchemy import create_mock_engine
from satellitkontor.storage.models import Base
ddl = []
engine = create_mock_engine(sys.argv[1], lambda sql, *a, **k: ddl.append(str(sql.compile(dialect=engine.dialect))))
Base.metadata.create_all(engine, checkfirst=False)
print(json.dumps({
    "indexes": [d.strip() for d in ddl if "INDEX" in d],
    "postgresql_loaded": "sqlalchemy.dialects.postgresql" in sys.modules,
}))
"""


def _create_all(url: str) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, url], capture_output=True, text=True, timeout=120, check=True
    )
    return json.loads(done.stdout)  # type: ignore[no-any-return]


@pytest.mark.parametrize("url", ["sqlite://", "postgresql+psycopg://"])
def test_the_partial_indexes_keep_their_predicate_on_both_databases(url: str) -> None:
    found = _create_all(url)
    indexes = found["indexes"]
    assert isinstance(indexes, list)
    assert set(indexes) >= PARTIAL
    assert sum("WHERE" in d for d in indexes) == len(PARTIAL)
    assert found["postgresql_loaded"] is url.startswith("postgresql")


def test_the_migrations_environment_gives_the_predicates_on_postgresql() -> None:
    from sqlalchemy.dialects import postgresql
    from sqlalchemy.schema import CreateIndex

    from satellitkontor.storage import models

    models.postgresql_predicates()
    models.postgresql_predicates()  # twice changes nothing
    compiled = {str(CreateIndex(i).compile(dialect=postgresql.dialect())) for i, _ in models._PARTIAL_INDEXES}
    assert compiled == PARTIAL
