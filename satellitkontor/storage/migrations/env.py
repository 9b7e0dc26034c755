"""Alembic environment: always run by satellitkontor.storage.schema with a live connection."""

from __future__ import annotations

from alembic import context

from satellitkontor.storage.models import Base, postgresql_predicates

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only when someone runs the alembic CLI by hand
    raise SystemExit("Run migrations with 'satellitkontor db upgrade', not the alembic command.")

if connection.dialect.name == "postgresql":  # the partial indexes' predicates (see models.py)
    postgresql_predicates()
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    transaction_per_migration=False,
)
with context.begin_transaction():
    context.run_migrations()
