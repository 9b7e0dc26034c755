"""``person add|list|erase|erase-guest``: the office's people, and erasing an external guest."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from satellitkontor.cli.actor import acting_id, who_acts_if_known
from satellitkontor.cli.parser import Subparsers
from satellitkontor.domain.municipalities import ALL as MUNICIPALITIES
from satellitkontor.domain.people import PersonKind, Role
from satellitkontor.words import Words, say

if TYPE_CHECKING:
    from satellitkontor.services.app_services import AppServices


def add_parser(sub: Subparsers, t: Words) -> None:
    person = sub.add_parser("person", help=t("cli.person.help.people"))
    psub = sub.nested(person, dest="person_command", metavar="add|list|erase|erase-guest", required=True)
    padd = psub.add_parser("add", help=t("cli.person.help.add_person"))
    padd.add_argument("--name", required=True, metavar=t("cli.person.help.name"))
    padd.add_argument("--email", required=True, metavar=t("cli.person.help.e_mail"))
    padd.add_argument(
        "--municipality",
        required=True,
        help=", ".join(m.name for m in MUNICIPALITIES),
    )
    padd.add_argument("--kind", choices=[k.value for k in PersonKind], default="employee")
    padd.add_argument("--role", choices=[r.value for r in Role], default="user")
    psub.add_parser("list", help=t("cli.person.help.list_people"))
    _add_erase_parser(psub, t)


def run(services: AppServices, args: argparse.Namespace, lang: str) -> int:
    from satellitkontor.words.texts import label, municipality_name

    if args.person_command == "erase":
        return _erase(services, args, lang)
    if args.person_command == "erase-guest":
        return _erase_guest(services, args, lang)
    if args.person_command == "list":
        for p in services.office.people():
            print(
                f"{p.name:<32} {p.email:<36} {municipality_name(p.municipality_code):<13} "
                f"{label(p.kind.value, lang):<12} {label(p.role.value, lang)}"
            )
        return 0
    actor = who_acts_if_known(services, args)
    person = services.office.add_person(
        actor.id if actor else None,
        args.name,
        args.email,
        args.municipality,
        PersonKind(args.kind),
        Role(args.role),
    )
    print(
        say(
            "cli.person.added",
            lang,
            name=person.name,
            email=person.email,
            municipality_code=municipality_name(person.municipality_code),
            value=label(person.role.value, lang),
        )
    )
    return 0


def _add_erase_parser(psub: Subparsers, t: Words) -> None:
    erase = psub.add_parser(
        "erase",
        help=t("cli.person.help.erase_person_personal_data"),
        description=t("cli.person.help.erases_person_removes_name_e"),
    )
    erase.add_argument("email", metavar=t("cli.person.help.e_mail"))
    erase.add_argument("--yes", action="store_true", help=t("cli.person.help.do_not_ask"))
    guest = psub.add_parser(
        "erase-guest",
        help=t("cli.person.help.erase_guest"),
        description=t("cli.person.help.erase_guest_long"),
    )
    guest.add_argument(
        "guest", metavar=t("cli.person.help.guest_key"), help=t("cli.person.help.guest_key_help")
    )
    guest.add_argument("--yes", action="store_true", help=t("cli.person.help.confirm"))


def _erase_guest(services: AppServices, args: argparse.Namespace, lang: str) -> int:
    actor = acting_id(services, args)
    if not args.yes:
        print(say("cli.person.confirm_with_yes", lang), file=sys.stderr)
        return 2
    bookings, cancelled = services.personal_data.erase_guest(actor, args.guest)
    print(say("cli.person.guest_erased", lang, bookings=bookings, cancelled=cancelled))
    return 0


def _erase(services: AppServices, args: argparse.Namespace, lang: str) -> int:
    """``person erase``: an admin erases a person; without ``--yes`` it asks on a terminal."""
    person = services.office.person_by_email(args.email)
    actor = acting_id(services, args)
    if not args.yes:
        question = say(
            "cli.person.erase_coming_bookings_are_cancelled", lang, name=person.name, email=person.email
        )
        if not sys.stdin.isatty():
            print(
                say("cli.person.error_confirm_yes", lang),
                file=sys.stderr,
            )
            return 2
        if input(question).strip().lower() not in ("ja", "yes", "j", "y"):
            print(say("cli.person.nothing_was_erased", lang))
            return 1
    report = services.personal_data.erase(actor, person.id)
    print(
        say(
            "cli.person.erased_coming_bookings_were_cancelled",
            lang,
            email=person.email,
            cancelled=report.cancelled,
            bookings=report.bookings,
            audit_entries=report.audit_entries,
        )
    )
    return 0
