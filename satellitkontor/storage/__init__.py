"""SQLAlchemy 2 models, engines and units of work, Alembic migrations, backups, PostgreSQL roles,
and ``queries/``: the SQL the services share, by subject."""
