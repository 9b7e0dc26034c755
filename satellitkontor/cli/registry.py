"""Every command of the command line, in the order ``--help`` lists them: one line each.

A command is a module under ``cli/commands/`` with ``add_parser(sub, t)`` (its options and help)
and ``run(services, args, lang) -> exit status``. A command marked ``opens_office=False`` opens the
database itself and has ``run(args, lang)`` instead: ``db`` (it must not lay out an office before
the roles exist), ``backup`` (it must not create a database that is not there) and ``restore``.
Adding a command is adding its module and its line here.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import ModuleType


@dataclass(frozen=True, slots=True)
class Command:
    name: str  # as typed: "check-in"
    module: str  # under satellitkontor.cli.commands
    opens_office: bool = True

    def load(self) -> ModuleType:
        return importlib.import_module(f"satellitkontor.cli.commands.{self.module}")


COMMANDS: tuple[Command, ...] = (
    Command("demo", "demo"),
    Command("book", "book"),
    Command("cancel", "cancel"),
    Command("change", "change"),
    Command("check-in", "check_in"),
    Command("no-show", "no_show"),
    Command("release", "release"),
    Command("waitlist", "waitlist"),
    Command("occupancy", "occupancy"),
    Command("mine", "mine"),
    Command("rotation", "rotation"),
    Command("stats", "stats"),
    Command("db", "db", opens_office=False),
    Command("person", "person"),
    Command("resources", "resources"),
    Command("closure", "closure"),
    Command("export-ical", "export_ical"),
    Command("serve-feeds", "serve_feeds"),
    Command("feeds", "feeds"),
    Command("import-ical", "import_ical"),
    Command("audit", "audit"),
    Command("retention", "retention"),
    Command("my-data", "my_data"),
    Command("settings", "settings"),
    Command("sync", "sync"),
    Command("notify", "notify"),
    Command("backup", "backup", opens_office=False),
    Command("restore", "restore", opens_office=False),
)


def find(name: str) -> Command:
    return next(c for c in COMMANDS if c.name == name)
