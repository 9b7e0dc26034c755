"""``resources [--all]``: the desks and rooms."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from satellitkontor.cli.parser import Subparsers, Words, pick
from satellitkontor.domain.resources import ResourceKind

if TYPE_CHECKING:
    from satellitkontor.services.app_services import AppServices


def add_parser(sub: Subparsers, t: Words) -> None:
    res = sub.add_parser("resources", help=t("lista platser och rum", "list desks and rooms"))
    res.add_argument("--all", action="store_true", help=t("även avaktiverade", "inactive ones too"))


def run(services: AppServices, args: argparse.Namespace, lang: str) -> int:
    from satellitkontor.words.texts import label

    for r in services.office.resources(include_inactive=args.all):
        state = "" if r.active else pick(lang, " (avaktiverad)", " (inactive)")
        cap = f", {pick(lang, 'högst', 'max')} {r.capacity}" if r.kind is ResourceKind.ROOM else ""
        print(f"{r.name:<18} {label(r.kind.value, lang)}{cap}{state}: {', '.join(r.equipment)}")
    return 0
