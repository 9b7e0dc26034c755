"""``resources [--all]``: the desks and rooms."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from satellitkontor.cli.parser import Subparsers
from satellitkontor.domain.resources import ResourceKind
from satellitkontor.words import Words, say

if TYPE_CHECKING:
    from satellitkontor.services.app_services import AppServices


def add_parser(sub: Subparsers, t: Words) -> None:
    res = sub.add_parser("resources", help=t("cli.resources.help.list_desks_rooms"))
    res.add_argument("--all", action="store_true", help=t("cli.resources.help.inactive_ones_too"))


def run(services: AppServices, args: argparse.Namespace, lang: str) -> int:
    from satellitkontor.words.texts import label

    for r in services.office.resources(include_inactive=args.all):
        state = "" if r.active else say("cli.resources.inactive", lang)
        cap = f", {say('cli.resources.max', lang)} {r.capacity}" if r.kind is ResourceKind.ROOM else ""
        print(f"{r.name:<18} {label(r.kind.value, lang)}{cap}{state}: {', '.join(r.equipment)}")
    return 0
