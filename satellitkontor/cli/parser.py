"""The command line's words and shape: every command, its options and its help, in Swedish
(default) or English. ``--db``, ``--lang`` and ``--as`` are accepted before and after a command."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from satellitkontor.domain.people import PersonKind, Role


def pick(lang: str, sv: str, en: str) -> str:
    return en if lang == "en" else sv


def build_parser(lang: str) -> argparse.ArgumentParser:
    def t(sv: str, en: str) -> str:
        return pick(lang, sv, en)

    p = argparse.ArgumentParser(
        prog="satellitkontor",
        description=t(
            "Bokning av kontorsplatser och konferensrum på Umeåregionens satellitkontor.",
            "Desk and conference-room booking for Umeåregionen's satellite office.",
        ),
    )
    p.add_argument(
        "--version",
        action=_VersionAction,
        nargs=0,
        help=t("visa versionen och avsluta", "show the version and exit"),
    )
    _common_options(p, t, defaults=True)
    common = argparse.ArgumentParser(add_help=False)
    _common_options(common, t, defaults=False)
    sub = _Subparsers(p.add_subparsers(dest="command", metavar=t("kommando", "command")), common)

    demo = sub.add_parser(
        "demo",
        help=t(
            "skapa ett demokontor med personer och bokningar", "create a demo office with people and bookings"
        ),
    )
    demo.add_argument(
        "--weeks", type=int, default=3, help=t("veckor bakåt och framåt", "weeks back and ahead")
    )
    demo.add_argument(
        "--seed", type=int, default=2026, metavar=t("TAL", "N"), help=t("slumpfrö", "random seed")
    )

    book = sub.add_parser(
        "book", help=t("boka en kontorsplats eller konferensrummet", "book a desk or the conference room")
    )
    bsub = _Subparsers(book.add_subparsers(dest="what", metavar="desk|room", required=True), common)
    desk = bsub.add_parser("desk", help=t("boka en kontorsplats", "book a desk"))
    desk.add_argument(
        "resource",
        metavar=t("PLATS", "DESK"),
        help=t("platsens namn, t.ex. 'Plats 3'", "the desk's name, e.g. 'Plats 3'"),
    )
    desk.add_argument(
        "--date",
        required=True,
        metavar=t("DATUM", "DATE"),
        help=t("ÅÅÅÅ-MM-DD, idag eller imorgon", "YYYY-MM-DD, today or tomorrow"),
    )
    desk.add_argument(
        "--period", default="heldag", help=t("heldag, fm eller em", "full, morning or afternoon")
    )
    room = bsub.add_parser("room", help=t("boka konferensrummet", "book the conference room"))
    room.add_argument(
        "resource",
        nargs="?",
        metavar=t("RUM", "ROOM"),
        help=t("rummets namn (standard: det enda rummet)", "the room's name (default: the only room)"),
    )
    room.add_argument(
        "--date",
        required=True,
        metavar=t("DATUM", "DATE"),
        help=t("ÅÅÅÅ-MM-DD, idag eller imorgon", "YYYY-MM-DD, today or tomorrow"),
    )
    room.add_argument(
        "--from", dest="start", required=True, metavar="TT:MM", help=t("starttid", "start time")
    )
    room.add_argument("--to", dest="end", required=True, metavar="TT:MM", help=t("sluttid", "end time"))
    room.add_argument(
        "--participants",
        metavar=t("ANTAL", "N"),
        type=int,
        required=True,
        help=t("antal deltagare, 1–12", "number of participants, 1–12"),
    )
    room.add_argument("--title", metavar=t("RUBRIK", "TITLE"), help=t("mötets rubrik", "the meeting's title"))
    for sp in (desk, room):
        sp.add_argument(
            "--for",
            dest="for_email",
            metavar="E-POST",
            help=t("boka åt någon annan", "book for someone else"),
        )
        sp.add_argument(
            "--repeat",
            choices=("daily", "weekly", "dagligen", "veckovis"),
            help=t("upprepa bokningen", "repeat the booking"),
        )
        sp.add_argument(
            "--weekdays",
            metavar=t("DAGAR", "DAYS"),
            help=t("veckodagar för veckovis, t.ex. mån,ons", "weekdays for weekly, e.g. mon,wed"),
        )
        sp.add_argument(
            "--until",
            metavar=t("DATUM", "DATE"),
            help=t("upprepa till och med datum", "repeat until this date"),
        )
        sp.add_argument(
            "--count", type=int, metavar=t("ANTAL", "N"), help=t("antal gånger", "number of times")
        )
        sp.add_argument(
            "--dry-run",
            action="store_true",
            help=t("visa vad som skulle bokas utan att spara", "show what would be booked without saving"),
        )

    cancel = sub.add_parser("cancel", help=t("avboka", "cancel"))
    cancel.add_argument("id", type=int, help=t("bokningens nummer", "the booking's number"))
    cancel.add_argument(
        "--series",
        action="store_true",
        help=t("avboka hela serien från --from", "cancel the whole series from --from"),
    )
    cancel.add_argument(
        "--from",
        dest="from_day",
        help=t(
            "första dag att avboka i serien (standard idag)",
            "first day to cancel in the series (default today)",
        ),
    )

    checkin = sub.add_parser("check-in", help=t("checka in en bokning", "check in a booking"))
    checkin.add_argument("id", type=int)
    noshow = sub.add_parser("no-show", help=t("markera uteblivna", "mark no-shows"))
    noshow.add_argument(
        "id",
        type=int,
        nargs="?",
        help=t(
            "en bokning; utan nummer: alla som passerat väntetiden",
            "one booking; without: all past the grace period",
        ),
    )

    occ = sub.add_parser("occupancy", help=t("dagens beläggning", "the day's occupancy"))
    occ.add_argument(
        "--date",
        default="idag",
        metavar=t("DATUM", "DATE"),
        help=t("ÅÅÅÅ-MM-DD (standard idag)", "YYYY-MM-DD (default today)"),
    )

    mine = sub.add_parser("mine", help=t("mina bokningar", "my bookings"))
    mine.add_argument("--past", action="store_true", help=t("visa tidigare bokningar", "show past bookings"))

    rot = sub.add_parser(
        "rotation", help=t("värdkommun och rotationskalender", "host municipality and rotation calendar")
    )
    rot.add_argument(
        "--year",
        type=int,
        metavar=t("ÅR", "YEAR"),
        help=t("år (standard: i år)", "year (default: this year)"),
    )
    rot.add_argument(
        "--years", type=int, metavar="N", help=t("visa N år från --year", "show N years from --year")
    )

    stats = sub.add_parser(
        "stats", help=t("statistik per kommun och månad", "statistics per municipality and month")
    )
    stats.add_argument("--year", type=int, required=True, metavar=t("ÅR", "YEAR"))
    stats.add_argument("--format", choices=("table", "csv"), default="table")
    stats.add_argument(
        "--out", type=Path, metavar=t("FIL", "FILE"), help=t("skriv till fil", "write to a file")
    )

    dbp = sub.add_parser("db", help=t("databasen", "the database"))
    dsub = _Subparsers(
        dbp.add_subparsers(dest="db_command", metavar="upgrade|info|init|grant|revoke", required=True), common
    )
    dsub.add_parser("upgrade", help=t("skapa eller uppgradera schemat", "create or upgrade the schema"))
    dsub.add_parser(
        "info", help=t("var databasen finns och dess version", "where the database is and its version")
    )
    from satellitkontor.cli.commands import db as cli_db

    cli_db.add_parsers(dsub, t)  # init, grant, revoke: the shared office on PostgreSQL

    person = sub.add_parser("person", help=t("personer", "people"))
    psub = _Subparsers(
        person.add_subparsers(dest="person_command", metavar="add|list|erase", required=True), common
    )
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
    from satellitkontor.cli.commands import privacy as cli_privacy

    cli_privacy.add_erase_parser(psub, t)

    res = sub.add_parser("resources", help=t("lista platser och rum", "list desks and rooms"))
    res.add_argument("--all", action="store_true", help=t("även avaktiverade", "inactive ones too"))

    clo = sub.add_parser("closure", help=t("stängda dagar", "closed days"))
    csub = _Subparsers(clo.add_subparsers(dest="closure_command", metavar="add|list", required=True), common)
    cadd = csub.add_parser("add", help=t("stäng kontoret några dagar", "close the office for some days"))
    cadd.add_argument(
        "--from",
        dest="start",
        required=True,
        metavar=t("DATUM", "DATE"),
        help=t("första stängda dag", "first closed day"),
    )
    cadd.add_argument(
        "--to",
        dest="end",
        metavar=t("DATUM", "DATE"),
        help=t("sista stängda dag (standard: samma)", "last closed day (default: the same)"),
    )
    cadd.add_argument("--reason", required=True, metavar=t("ORSAK", "REASON"))
    csub.add_parser("list")

    # Commands that live in their own modules (each with add_parsers(sub, t) and COMMANDS).
    from satellitkontor.cli.commands import audit as cli_audit
    from satellitkontor.cli.commands import export_ical as cli_feeds
    from satellitkontor.cli.commands import import_ical as cli_import
    from satellitkontor.cli.commands import sync as cli_sync

    cli_feeds.add_parsers(sub, t)
    cli_import.add_parsers(sub, t)
    cli_audit.add_parsers(sub, t)
    cli_privacy.add_parsers(sub, t)
    cli_sync.add_parsers(sub, t)
    from satellitkontor.cli.commands import backup as cli_backup

    cli_backup.add_parsers(sub, t)
    return p


def _common_options(p: argparse.ArgumentParser, t: Any, *, defaults: bool) -> None:
    """--db, --lang and --as, accepted before and after the command. On the commands the
    default is SUPPRESS, so an option given before the command is not overwritten."""
    kw: dict[str, Any] = {} if defaults else {"default": argparse.SUPPRESS}
    p.add_argument(
        "--db",
        metavar="URL",
        help=t(
            "databas (SQLAlchemy-URL); annars $SATELLITKONTOR_DB_URL eller standardfilen",
            "database (SQLAlchemy URL); else $SATELLITKONTOR_DB_URL or the default file",
        ),
        **kw,
    )
    p.add_argument(
        "--lang",
        choices=("sv", "en"),
        help=t("språk för utskrifter", "language of messages"),
        **({"default": "sv"} if defaults else kw),
    )
    p.add_argument(
        "--as",
        dest="actor",
        metavar="E-POST",
        help=t("vem som utför kommandot", "who runs the command"),
        **kw,
    )


class _VersionAction(argparse.Action):
    """--version, reading the version only when asked (it costs start-up time otherwise)."""

    def __call__(self, parser: argparse.ArgumentParser, *_args: Any, **_kwargs: Any) -> None:
        import satellitkontor

        print(f"satellitkontor {satellitkontor.__version__}")
        parser.exit()


class _Subparsers:
    """Adds the common options to every command."""

    def __init__(self, action: Any, common: argparse.ArgumentParser) -> None:
        self.action = action
        self.common = common

    def add_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser:
        return self.action.add_parser(name, parents=[self.common], **kwargs)  # type: ignore[no-any-return]
