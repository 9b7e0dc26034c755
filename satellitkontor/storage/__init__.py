"""SQLAlchemy 2 models, engines and sessions, and the Alembic migrations."""
