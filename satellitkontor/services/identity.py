"""Who the database says I am: the person mapped to this connection's database login.

In shared office mode every PC connects to PostgreSQL with its user's own login (AD account or
password; ``satellitkontor db grant``), and row-level security decides from that login what may
be read and written (migration 0007). The app then signs in as that login's person and offers no
"switch user": picking another person in the GUI would only end in refusals from the database.

On SQLite, or when connected as a login that is not mapped (the schema owner, a superuser on a
developer's machine), there is no such person and the app asks who is using it as before.
"""

from __future__ import annotations

from sqlalchemy import select, text

from satellitkontor.domain.people import Person
from satellitkontor.services.base import Service
from satellitkontor.storage.models import DbLoginRow, PersonRow
from satellitkontor.storage.queries import common as queries


class LoginService(Service):
    def login_name(self) -> str | None:
        """The database login this app is connected as (None on SQLite)."""
        if not self.db.is_postgresql:
            return None
        with self.db.session() as s:
            login = s.scalar(text("SELECT session_user"))
            return str(login) if login is not None else None

    def person_for_login(self) -> Person | None:
        """The person this connection's login is mapped to, or None (SQLite, unmapped login)."""
        if not self.db.is_postgresql:
            return None
        stmt = (
            select(PersonRow)
            .join(DbLoginRow, DbLoginRow.person_id == PersonRow.id)
            .where(DbLoginRow.login == text("session_user"))
        )
        with self.db.session() as s:
            row = s.scalars(stmt).first()
            return queries.person_view(row) if row is not None else None
