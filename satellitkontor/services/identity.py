"""Who acts: decided here once, for the command line and the app alike.

The one resolver (:meth:`IdentityService.acting`) takes what the front door was told, in this
order: the database login's person in shared office mode (then nobody else may be named), else
``--as`` (the name given), else ``$SATELLITKONTOR_USER``, else a fallback the command offers (the
person booked for acts for themselves). The app starts with :func:`choose_person`: the login's
person, else the person remembered for this database, else the one IT preset in the environment.

Shared office mode: the database login is who I am.

In shared office mode every PC connects to PostgreSQL with its user's own login (AD account or
password; ``satellitkontor db grant``), and row-level security decides from that login what may
be read and written (migration 0007). The app then signs in as that login's person and offers no
"switch user": picking another person in the GUI would only end in refusals from the database.

On SQLite, or when connected as a login that is not mapped (the schema owner, a superuser on a
developer's machine), there is no such person and the app asks who is using it as before.

The reads here are SQLAlchemy Core (storage/queries/core_reads.py): every command of the command
line asks who acts, and ``occupancy`` then needs no ORM at all (issue 18).
"""

from __future__ import annotations

from sqlalchemy import text

from satellitkontor.domain.errors import ActorIsLogin, ActorRequired, PersonNotFound
from satellitkontor.domain.people import Person, normalise_email
from satellitkontor.services.base import Service
from satellitkontor.services.startup import preset_email
from satellitkontor.storage.queries import core_reads


class IdentityService(Service):
    def login_name(self) -> str | None:
        """The database login this app is connected as (None on SQLite)."""
        if not self.db.is_postgresql:
            return None
        with self.db.connect() as conn:
            login = conn.scalar(text("SELECT session_user"))
            return str(login) if login is not None else None

    def people(self) -> list[Person]:
        """The active people by name: whom a PC may be used by (the app's choice on opening;
        ``OfficeService.people()`` reads the same through the ORM)."""
        with self.db.connect() as conn:
            return core_reads.active_people(conn)

    def person_for_login(self) -> Person | None:
        """The person this connection's login is mapped to, or None (SQLite, unmapped login)."""
        if not self.db.is_postgresql:
            return None
        with self.db.connect() as conn:
            return core_reads.person_of_login(conn)

    def check_named(self, named: str | None) -> None:
        """Shared office mode: refuse a command that names someone other than the login's person
        (``--as`` or ``$SATELLITKONTOR_USER``), whether or not the command needs an actor."""
        other = (named or "").strip() or preset_email()
        if not other or not self.db.is_postgresql:
            return
        from satellitkontor.storage import schema

        if schema.current_revision(self.db) is None:  # an empty database maps no login yet
            return
        login_person = self.person_for_login()
        if login_person is not None and normalise_email(other) != login_person.email:
            raise ActorIsLogin(login=self.login_name(), email=login_person.email, other=other)

    def acting(
        self, named: str | None, *, fallback: str | None = None, required: bool = True
    ) -> Person | None:
        """Who acts. ``named`` is what ``--as`` said; ``fallback`` whom the command would let act
        for themselves (e.g. the person booked for). In shared office mode the login's person acts
        and naming anyone else is refused (``ActorIsLogin``), whatever the command."""
        named = (named or "").strip() or None
        from_env = preset_email()
        login_person = self.person_for_login()
        if login_person is not None:
            other = named or from_env
            if other and normalise_email(other) != login_person.email:
                raise ActorIsLogin(login=self.login_name(), email=login_person.email, other=other)
            return login_person
        email = named or from_env or fallback
        if not email:
            if required:
                raise ActorRequired()
            return None
        with self.db.connect() as conn:
            person = core_reads.person_with_email(conn, email)
        if person is None:
            raise PersonNotFound(email=email.strip())
        return person
