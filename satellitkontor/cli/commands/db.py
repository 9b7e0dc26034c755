"""``db upgrade|info|init|grant|revoke``: the database itself (services/database_admin.py does the work).

``db upgrade`` creates or upgrades the schema; ``db info`` says where the database is and its version.
The shared office's set-up:

For IT, run with the role that owns the schema (packaging/README.md has the guide):

- ``db init [--url postgresql+psycopg://…]`` makes a PostgreSQL database ready: btree_gist, the
  schema, the three group roles, their privileges and (in a new database) the default office.
  Running it again changes nothing that is right already.
- ``db grant LOGIN --email E --role user|reception|admin [--password-prompt] [--no-create]``
  maps a database login (an AD account through Kerberos, or a password login) to a person and a
  role; run again to change the role.
- ``db revoke LOGIN [--drop]`` takes it away again.

``db upgrade`` on PostgreSQL grants the group roles their privileges on new tables afterwards
. The URL comes from ``--url``, else ``--db``, else the environment or the
machine's settings, as for every command. Services are imported inside the handlers.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from satellitkontor.cli.parser import Subparsers, Words, pick
from satellitkontor.domain.errors import InvalidInput

if TYPE_CHECKING:
    from satellitkontor.services.database_admin import DatabaseAdmin, SchemaReport

#: The CLI's words for the roles -> the app's roles.
ROLE_CHOICES = {"user": "user", "reception": "receptionist", "receptionist": "receptionist", "admin": "admin"}


def add_parser(sub: Subparsers, t: Words) -> None:
    dbp = sub.add_parser("db", help=t("databasen", "the database"))
    dsub = sub.nested(dbp, dest="db_command", metavar="upgrade|info|init|grant|revoke", required=True)
    dsub.add_parser("upgrade", help=t("skapa eller uppgradera schemat", "create or upgrade the schema"))
    dsub.add_parser(
        "info", help=t("var databasen finns och dess version", "where the database is and its version")
    )
    url_help = t(
        "PostgreSQL-servern, t.ex. postgresql+psycopg://ägare@server/satellitkontor (annars --db)",
        "the PostgreSQL server, e.g. postgresql+psycopg://owner@server/satellitkontor (else --db)",
    )
    init = dsub.add_parser(
        "init",
        help=t(
            "gör en PostgreSQL-databas redo för ett delat kontor",
            "make a PostgreSQL database ready for a shared office",
        ),
        description=t(
            "Skapar btree_gist, schemat, grupprollerna satellitkontor_user, satellitkontor_reception och "
            "satellitkontor_admin och deras behörigheter. Kör som schemats ägare; går att köra igen.",
            "Creates btree_gist, the schema, the group roles satellitkontor_user, satellitkontor_reception and "
            "satellitkontor_admin and their privileges. Run as the schema's owner; safe to run again.",
        ),
    )
    init.add_argument("--url", metavar="URL", help=url_help)

    grant = dsub.add_parser(
        "grant",
        help=t(
            "koppla en databasinloggning till en person och roll", "map a database login to a person and role"
        ),
    )
    grant.add_argument(
        "login",
        metavar=t("INLOGGNING", "LOGIN"),
        help=t("t.ex. AD-kontots namn", "e.g. the AD account's name"),
    )
    grant.add_argument(
        "--email",
        required=True,
        metavar=t("E-POST", "E-MAIL"),
        help=t("personens e-postadress", "the person's e-mail address"),
    )
    grant.add_argument("--role", required=True, choices=("user", "reception", "admin"))
    grant.add_argument(
        "--password-prompt",
        action="store_true",
        help=t("fråga efter ett lösenord (inte med Kerberos)", "ask for a password (not with Kerberos)"),
    )
    grant.add_argument(
        "--no-create",
        dest="create",
        action="store_false",
        help=t("skapa inte inloggningen om den saknas", "do not create the login if it is missing"),
    )
    grant.add_argument("--url", metavar="URL", help=url_help)

    revoke = dsub.add_parser(
        "revoke",
        help=t(
            "ta bort en databasinloggnings koppling och roll", "take a database login's mapping and role away"
        ),
    )
    revoke.add_argument("login", metavar=t("INLOGGNING", "LOGIN"))
    revoke.add_argument(
        "--drop", action="store_true", help=t("ta även bort inloggningen", "drop the login role too")
    )
    revoke.add_argument("--url", metavar="URL", help=url_help)


def run(args: argparse.Namespace, lang: str) -> int:
    from satellitkontor.services.database_admin import DatabaseAdmin

    with DatabaseAdmin(getattr(args, "url", None) or args.db) as admin:
        admin.check_named(getattr(args, "actor", None))
        return _COMMANDS[args.db_command](admin, args, lang)


def _info(admin: DatabaseAdmin, args: argparse.Namespace, lang: str) -> int:
    info = admin.info()
    print(
        pick(
            lang,
            f"Databas: {info.where}\nSchemaversion: {info.revision or 'ingen (tom databas)'} (senaste: {info.newest})",
            f"Database: {info.where}\nSchema version: {info.revision or 'none (empty database)'} (newest: {info.newest})",
        )
    )
    return 0


def _upgrade(admin: DatabaseAdmin, args: argparse.Namespace, lang: str) -> int:
    result = admin.upgrade()
    _schema_lines(result, lang)
    if result.grants_refreshed:
        print(pick(lang, "Gruppernas behörigheter är uppdaterade.", "The groups' privileges are up to date."))
    return 0


def _init(admin: DatabaseAdmin, args: argparse.Namespace, lang: str) -> int:
    result = admin.init_shared()
    _schema_lines(result, lang, already=True)
    if result.roles_created:
        names = ", ".join(result.roles_created)
        print(pick(lang, f"Grupproller skapade: {names}.", f"Group roles created: {names}."))
    print(
        pick(
            lang,
            "Behörigheterna är satta. Koppla nu varje person med 'satellitkontor db grant INLOGGNING --email E-POST --role user|reception|admin'.",
            "Privileges are set. Now map each person with 'satellitkontor db grant LOGIN --email E-MAIL --role user|reception|admin'.",
        )
    )
    return 0


def _schema_lines(result: SchemaReport, lang: str, *, already: bool = False) -> None:
    if result.created:
        print(
            pick(
                lang,
                f"Schemat är skapat ({result.after}) i {result.where}.",
                f"Schema created ({result.after}) in {result.where}.",
            )
        )
    elif result.changed:
        print(
            pick(
                lang,
                f"Uppgraderat {result.before} → {result.after}.",
                f"Upgraded {result.before} → {result.after}.",
            )
        )
        if result.backup:
            print(pick(lang, f"Säkerhetskopia: {result.backup}", f"Backup: {result.backup}"))
    elif already:
        print(
            pick(
                lang,
                f"Schemat är redan det senaste ({result.after}).",
                f"The schema is already the newest ({result.after}).",
            )
        )
    else:
        print(
            pick(
                lang,
                f"Databasen har redan senaste schemat ({result.after}).",
                f"The database already has the newest schema ({result.after}).",
            )
        )


def _grant(admin: DatabaseAdmin, args: argparse.Namespace, lang: str) -> int:
    from satellitkontor.domain.people import Role
    from satellitkontor.words.texts import label

    password = _ask_password(lang) if args.password_prompt else None
    role = Role(ROLE_CHOICES[args.role])
    done = admin.grant(args.login, email=args.email, role=role, password=password, create=args.create)
    words = label(role.value, lang)
    if done.created:
        print(pick(lang, f"Inloggningen {done.login} är skapad.", f"The login {done.login} was created."))
    if done.previous_role is not None and done.previous_role is not role:
        before = label(done.previous_role.value, lang)
        print(
            pick(
                lang,
                f"Rollen är ändrad från {before} till {words}.",
                f"The role changed from {before} to {words}.",
            )
        )
    print(
        pick(
            lang,
            f"{done.login} är {done.person.name} ({done.person.email}) med rollen {words}.",
            f"{done.login} is {done.person.name} ({done.person.email}) with the role {words}.",
        )
    )
    return 0


def _revoke(admin: DatabaseAdmin, args: argparse.Namespace, lang: str) -> int:
    done = admin.revoke(args.login, drop=args.drop)
    who = f" ({done.person.name})" if done.person is not None else ""
    print(
        pick(
            lang,
            f"Inloggningen {done.login}{who} har ingen roll i kontoret längre.",
            f"The login {done.login}{who} has no role in the office any more.",
        )
    )
    if done.dropped:
        print(pick(lang, f"Inloggningen {done.login} är borttagen.", f"The login {done.login} was dropped."))
    return 0


def _ask_password(lang: str) -> str:
    """Twice on a terminal; one line from standard input otherwise (scripts)."""
    if sys.stdin.isatty():
        first = getpass.getpass(pick(lang, "Lösenord: ", "Password: "))
        if getpass.getpass(pick(lang, "Samma lösenord igen: ", "The same password again: ")) != first:
            raise InvalidInput(field="password", value=pick(lang, "(olika)", "(different)"))
    else:
        first = sys.stdin.readline().rstrip("\r\n")
    if not first:
        raise InvalidInput(field="password", value=pick(lang, "(tomt)", "(empty)"))
    return first


_COMMANDS: dict[str, Callable[[DatabaseAdmin, argparse.Namespace, str], int]] = {
    "upgrade": _upgrade,
    "info": _info,
    "init": _init,
    "grant": _grant,
    "revoke": _revoke,
}
