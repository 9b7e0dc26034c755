"""``person add|list|erase``: the office's people."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from satellitkontor.cli.actor import acting_id, who_acts_if_known
from satellitkontor.cli.parser import Subparsers, Words, pick
from satellitkontor.domain.people import PersonKind, Role

if TYPE_CHECKING:
    from satellitkontor.services.app_services import AppServices


def add_parser(sub: Subparsers, t: Words) -> None:
    person = sub.add_parser("person", help=t("personer", "people"))
    psub = sub.nested(person, dest="person_command", metavar="add|list|erase", required=True)
    padd = psub.add_parser("add", help=t("lägg till en person", "add a person"))
    padd.add_argument("--name", required=True, metavar=t("NAMN", "NAME"))
    padd.add_argument("--email", required=True, metavar=t("E-POST", "E-MAIL"))
    padd.add_argument(
        "--municipality",
        required=True,
        help="Bjurholm, Nordmaling, Robertsfors, Umeå, Vindeln, Vännäs, Örnsköldsvik",
    )
    padd.add_argument("--kind", choices=[k.value for k in PersonKind], default="employee")
    padd.add_argument("--role", choices=[r.value for r in Role], default="user")
    psub.add_parser("list", help=t("lista personer", "list people"))
    _add_erase_parser(psub, t)


def run(services: AppServices, args: argparse.Namespace, lang: str) -> int:
    from satellitkontor.words.texts import label, municipality_name

    if args.person_command == "erase":
        return _erase(services, args, lang)
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
        pick(
            lang,
            f"Tillagd: {person.name} <{person.email}>, {municipality_name(person.municipality_code)}, {label(person.role.value, lang)}",
            f"Added: {person.name} <{person.email}>, {municipality_name(person.municipality_code)}, {label(person.role.value, lang)}",
        )
    )
    return 0


def _add_erase_parser(psub: Subparsers, t: Words) -> None:
    erase = psub.add_parser(
        "erase",
        help=t("radera en persons personuppgifter", "erase a person's personal data"),
        description=t(
            "Raderar personen och tar bort namn, e-post och rubriker ur personens bokningar och ur "
            "ändringsloggen. Kommande bokningar avbokas först. Bokningarna finns kvar utan namn i statistiken.",
            "Erases the person and removes name, e-mail and titles from their bookings and from the "
            "audit trail. Coming bookings are cancelled first. The bookings stay, without name, in the statistics.",
        ),
    )
    erase.add_argument("email", metavar=t("E-POST", "E-MAIL"))
    erase.add_argument("--yes", action="store_true", help=t("fråga inte", "do not ask"))


def _erase(services: AppServices, args: argparse.Namespace, lang: str) -> int:
    """``person erase``: an admin erases a person; without ``--yes`` it asks on a terminal."""
    person = services.office.person_by_email(args.email)
    actor = acting_id(services, args)
    if not args.yes:
        question = pick(
            lang,
            f"Radera {person.name} <{person.email}>? Kommande bokningar avbokas och namnet tas bort "
            "ur alla bokningar och ur ändringsloggen. Det går inte att ångra. Skriv ja: ",
            f"Erase {person.name} <{person.email}>? Coming bookings are cancelled and the name is removed "
            "from every booking and from the audit trail. This cannot be undone. Type yes: ",
        )
        if not sys.stdin.isatty():
            print(
                pick(lang, "fel: bekräfta med --yes.", "error: confirm with --yes."),
                file=sys.stderr,
            )
            return 2
        if input(question).strip().lower() not in ("ja", "yes", "j", "y"):
            print(pick(lang, "Ingenting raderades.", "Nothing was erased."))
            return 1
    report = services.personal_data.erase(actor, person.id)
    print(
        pick(
            lang,
            f"Raderad: {person.email}. {report.cancelled} kommande bokningar avbokades, {report.bookings} bokningar "
            f"finns kvar utan namn, {report.audit_entries} poster i ändringsloggen rensades.",
            f"Erased: {person.email}. {report.cancelled} coming bookings were cancelled, {report.bookings} bookings "
            f"remain without name, {report.audit_entries} audit entries were cleaned.",
        )
    )
    return 0
