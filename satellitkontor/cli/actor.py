"""Who runs a command, and what day it is: asked of the services (services/identity.py decides).

``--as`` is what the command line was told; the identity service weighs it against the database
login (shared office mode) and ``$SATELLITKONTOR_USER``. Commands call these instead of reading
the environment themselves, so the rule is the same for every command.
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING

from satellitkontor.domain import clock as clk

if TYPE_CHECKING:
    from satellitkontor.domain.people import Person
    from satellitkontor.services.app_services import AppServices


def local_today() -> date:
    return clk.local_date(clk.system_clock())


def who_acts(services: AppServices, args: argparse.Namespace, *, fallback: str | None = None) -> Person:
    """The acting person (``ActorRequired`` when nobody can be named)."""
    person = services.identity.acting(getattr(args, "actor", None), fallback=fallback)
    assert person is not None  # required: acting() raised ActorRequired otherwise
    return person


def who_acts_if_known(
    services: AppServices, args: argparse.Namespace, *, fallback: str | None = None
) -> Person | None:
    """The acting person, or None when nobody is named (a command that works for anyone)."""
    return services.identity.acting(getattr(args, "actor", None), fallback=fallback, required=False)


def acting_id(services: AppServices, args: argparse.Namespace, *, fallback: str | None = None) -> int:
    return who_acts(services, args, fallback=fallback).id
