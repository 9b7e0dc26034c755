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

from satellitkontor.cli.parser import Subparsers
from satellitkontor.domain.errors import InvalidInput
from satellitkontor.words import Words, say

if TYPE_CHECKING:
    from satellitkontor.services.database_admin import DatabaseAdmin, SchemaReport

#: The CLI's words for the roles -> the app's roles.
ROLE_CHOICES = {"user": "user", "reception": "receptionist", "receptionist": "receptionist", "admin": "admin"}


def add_parser(sub: Subparsers, t: Words) -> None:
    dbp = sub.add_parser("db", help=t("cli.db.help.database"))
    dsub = sub.nested(dbp, dest="db_command", metavar="upgrade|info|init|grant|revoke", required=True)
    dsub.add_parser("upgrade", help=t("cli.db.help.create_upgrade_schema"))
    dsub.add_parser("info", help=t("cli.db.help.where_database_its_version"))
    url_help = t("cli.db.help.postgresql_server_e_g_postgresql")
    init = dsub.add_parser(
        "init",
        help=t("cli.db.help.make_postgresql_database_ready_shared"),
        description=t("cli.db.help.creates_btree_gist_schema_group"),
    )
    init.add_argument("--url", metavar="URL", help=url_help)

    grant = dsub.add_parser(
        "grant",
        help=t("cli.db.help.map_database_login_person_role"),
    )
    grant.add_argument(
        "login",
        metavar=t("cli.db.help.login"),
        help=t("cli.db.help.e_g_ad_account_name"),
    )
    grant.add_argument(
        "--email",
        required=True,
        metavar=t("cli.db.help.e_mail"),
        help=t("cli.db.help.person_e_mail_address"),
    )
    grant.add_argument("--role", required=True, choices=("user", "reception", "admin"))
    grant.add_argument(
        "--password-prompt",
        action="store_true",
        help=t("cli.db.help.ask_password_not_kerberos"),
    )
    grant.add_argument(
        "--no-create",
        dest="create",
        action="store_false",
        help=t("cli.db.help.do_not_create_login_if"),
    )
    grant.add_argument("--url", metavar="URL", help=url_help)

    revoke = dsub.add_parser(
        "revoke",
        help=t("cli.db.help.take_database_login_mapping_role"),
    )
    revoke.add_argument("login", metavar=t("cli.db.help.login"))
    revoke.add_argument("--drop", action="store_true", help=t("cli.db.help.drop_login_role_too"))
    revoke.add_argument("--url", metavar="URL", help=url_help)


def run(args: argparse.Namespace, lang: str) -> int:
    from satellitkontor.services.database_admin import DatabaseAdmin

    with DatabaseAdmin(getattr(args, "url", None) or args.db) as admin:
        admin.check_named(getattr(args, "actor", None))
        return _COMMANDS[args.db_command](admin, args, lang)


def _info(admin: DatabaseAdmin, args: argparse.Namespace, lang: str) -> int:
    info = admin.info()
    print(
        say(
            "cli.db.database_schema_version_newest",
            lang,
            where=info.where,
            revision=info.revision or say("cli.db.no_revision", lang),
            newest=info.newest,
        )
    )
    return 0


def _upgrade(admin: DatabaseAdmin, args: argparse.Namespace, lang: str) -> int:
    result = admin.upgrade()
    _schema_lines(result, lang)
    if result.grants_refreshed:
        print(say("cli.db.groups_privileges_are_up_date", lang))
    return 0


def _init(admin: DatabaseAdmin, args: argparse.Namespace, lang: str) -> int:
    result = admin.init_shared()
    _schema_lines(result, lang, already=True)
    if result.roles_created:
        names = ", ".join(result.roles_created)
        print(say("cli.db.group_roles_created", lang, names=names))
    print(say("cli.db.privileges_are_set_now_map", lang))
    return 0


def _schema_lines(result: SchemaReport, lang: str, *, already: bool = False) -> None:
    if result.created:
        print(say("cli.db.schema_created", lang, after=result.after, where=result.where))
    elif result.changed:
        print(say("cli.db.upgraded", lang, before=result.before, after=result.after))
        if result.backup:
            print(say("cli.db.backup", lang, backup=result.backup))
    elif already:
        print(say("cli.db.schema_already_newest", lang, after=result.after))
    else:
        print(say("cli.db.database_already_has_newest_schema", lang, after=result.after))


def _grant(admin: DatabaseAdmin, args: argparse.Namespace, lang: str) -> int:
    from satellitkontor.domain.people import Role
    from satellitkontor.words.texts import label

    password = _ask_password(lang) if args.password_prompt else None
    role = Role(ROLE_CHOICES[args.role])
    done = admin.grant(args.login, email=args.email, role=role, password=password, create=args.create)
    words = label(role.value, lang)
    if done.created:
        print(say("cli.db.login_was_created", lang, login=done.login))
    if done.previous_role is not None and done.previous_role is not role:
        before = label(done.previous_role.value, lang)
        print(say("cli.db.role_changed_from", lang, before=before, words=words))
    print(
        say(
            "cli.db.role", lang, login=done.login, name=done.person.name, email=done.person.email, words=words
        )
    )
    return 0


def _revoke(admin: DatabaseAdmin, args: argparse.Namespace, lang: str) -> int:
    done = admin.revoke(args.login, drop=args.drop)
    who = f" ({done.person.name})" if done.person is not None else ""
    print(say("cli.db.login_has_no_role_office", lang, login=done.login, who=who))
    if done.dropped:
        print(say("cli.db.login_was_dropped", lang, login=done.login))
    return 0


def _ask_password(lang: str) -> str:
    """Twice on a terminal; one line from standard input otherwise (scripts)."""
    if sys.stdin.isatty():
        first = getpass.getpass(say("cli.db.password", lang))
        if getpass.getpass(say("cli.db.same_password_again", lang)) != first:
            raise InvalidInput(field="password", value=say("cli.db.different", lang))
    else:
        first = sys.stdin.readline().rstrip("\r\n")
    if not first:
        raise InvalidInput(field="password", value=say("cli.db.empty", lang))
    return first


_COMMANDS: dict[str, Callable[[DatabaseAdmin, argparse.Namespace, str], int]] = {
    "upgrade": _upgrade,
    "info": _info,
    "init": _init,
    "grant": _grant,
    "revoke": _revoke,
}
