"""``waitlist join|leave|list|accept|decline|sweep``: the line for a full day (services/waitlist/).

``join --date D [--period P | --room NAMN --from T --to T --participants N] [--auto-book]
[--for E-POST]`` puts the one who acts (or, for staff, someone else) in line; ``list`` shows
one's own entries, or with ``--date`` the day's whole line (the receptionist); ``accept`` and
``decline`` answer an offer; ``leave`` leaves the line; ``sweep`` (staff, or a scheduled task)
expires offers that ran out and offers free places to the lines.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from satellitkontor.cli import output as cli_format
from satellitkontor.cli.actor import local_today, who_acts, who_acts_if_known
from satellitkontor.cli.args import parse_date, parse_period, parse_time
from satellitkontor.cli.parser import Subparsers
from satellitkontor.domain import clock as clk
from satellitkontor.domain.errors import InvalidInput, PermissionDenied
from satellitkontor.domain.people import Role, normalise_email
from satellitkontor.domain.waitlist import WaitlistEntry
from satellitkontor.words import Words, say
from satellitkontor.words.texts import fmt_date, fmt_span, fmt_time, label

if TYPE_CHECKING:
    from satellitkontor.services.app_services import AppServices


def add_parser(sub: Subparsers, t: Words) -> None:
    wl = sub.add_parser("waitlist", help=t("cli.waitlist.help.waitlist"))
    wsub = sub.nested(wl, dest="what", metavar="join|leave|list|accept|decline|sweep", required=True)
    join = wsub.add_parser("join", help=t("cli.waitlist.help.join"))
    join.add_argument(
        "--date",
        required=True,
        metavar=t("cli.book.help.date"),
        help=t("cli.book.help.yyyy_mm_dd_today_tomorrow"),
    )
    join.add_argument("--period", default="heldag", help=t("cli.book.help.full_morning_afternoon"))
    join.add_argument("--room", metavar=t("cli.book.help.room"), help=t("cli.waitlist.help.room"))
    join.add_argument("--from", dest="start", metavar="TT:MM", help=t("cli.book.help.start_time"))
    join.add_argument("--to", dest="end", metavar="TT:MM", help=t("cli.book.help.end_time"))
    join.add_argument(
        "--participants",
        type=int,
        metavar=t("cli.book.help.n"),
        help=t("cli.book.help.number_participants_1_12"),
    )
    join.add_argument("--auto-book", action="store_true", help=t("cli.waitlist.help.auto_book"))
    join.add_argument(
        "--for", dest="for_email", metavar="E-POST", help=t("cli.book.help.book_someone_else_or_host")
    )
    for name in ("leave", "accept", "decline"):
        p = wsub.add_parser(name, help=t(f"cli.waitlist.help.{name}"))
        p.add_argument("id", type=int, help=t("cli.waitlist.help.entry"))
    listing = wsub.add_parser("list", help=t("cli.waitlist.help.list"))
    listing.add_argument("--date", metavar=t("cli.book.help.date"), help=t("cli.waitlist.help.list_date"))
    wsub.add_parser("sweep", help=t("cli.waitlist.help.sweep"))  # fmt: skip


def run(services: AppServices, args: argparse.Namespace, lang: str) -> int:
    wl = services.waitlist
    if args.what == "sweep":
        actor = who_acts_if_known(services, args)
        result = wl.sweep(actor.id if actor else None)
        print(say("cli.waitlist.swept", lang, expired=result.expired, offered=result.offered))
        return 0
    actor = who_acts(services, args, fallback=getattr(args, "for_email", None))
    if args.what == "join":
        entry = _join(services, args, actor.id, actor.role, actor.email)
        print(say("cli.waitlist.joined", lang) + entry_line(entry, lang))
    elif args.what == "leave":
        print(say("cli.waitlist.left", lang) + entry_line(wl.leave(actor.id, args.id), lang))
    elif args.what == "accept":
        booking = wl.accept(actor.id, args.id)
        print(say("cli.waitlist.accepted", lang) + cli_format.booking_line(booking, lang))
    elif args.what == "decline":
        print(say("cli.waitlist.declined", lang) + entry_line(wl.decline(actor.id, args.id), lang))
    else:
        if args.date:
            entries = wl.day_queue(actor.id, parse_date(args.date, local_today()))
        else:
            entries = wl.mine(actor.id)
        if not entries:
            print(say("cli.waitlist.none", lang))
        for entry in entries:
            print(entry_line(entry, lang, names=bool(args.date)))
    return 0


def _join(
    services: AppServices, args: argparse.Namespace, actor_id: int, role: Role, email: str
) -> WaitlistEntry:
    if args.for_email and role is Role.USER and normalise_email(args.for_email) != email:
        raise PermissionDenied(action="book_for_other", role=role.value)
    target = services.office.person_by_email(args.for_email).id if args.for_email else None
    day = parse_date(args.date, local_today())
    if args.room is None:
        return services.waitlist.join(
            actor_id, day, parse_period(args.period), auto_book=args.auto_book, for_person_id=target
        )
    if not args.start or not args.end or args.participants is None:
        raise InvalidInput(field="room_series", value="--from --to --participants")
    room = services.office.resource_by_name(args.room)
    return services.waitlist.join(
        actor_id,
        day,
        None,
        room_id=room.id,
        start=clk.local(day, parse_time(args.start)),
        end=clk.local(day, parse_time(args.end)),
        participants=args.participants,
        auto_book=args.auto_book,
        for_person_id=target,
    )


def entry_line(e: WaitlistEntry, lang: str, *, names: bool = False) -> str:
    """ "#3 tis 24 nov 2026 förmiddag: väntar (nr 2 i kön)" and the like."""
    if e.start is not None and e.end is not None:
        what = f"{e.resource_name} {fmt_span(e.start, e.end, lang)}"
    else:
        what = f"{fmt_date(e.day, lang)} {label(e.desk_period.value if e.desk_period else 'full_day', lang)}"
    state = say(f"waitlist.state.{e.state.value}", lang)
    if e.position is not None:
        state += say("cli.waitlist.position", lang, n=e.position)
    if e.offer_until is not None and e.state.value == "offered":
        state += say(
            "cli.waitlist.offer", lang, resource=e.offered_resource_name or "", until=fmt_time(e.offer_until)
        )
    elif e.offered_resource_name and e.state.value == "booked":
        state += f" ({e.offered_resource_name})"
    if e.auto_book:
        state += say("cli.waitlist.auto", lang)
    who = f"{e.person_name}, " if names and e.person_name else ""
    return f"#{e.id} {who}{what}: {state}"
