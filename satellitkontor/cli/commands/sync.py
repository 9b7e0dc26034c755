"""Exchange sync on the command line: ``sync``, for a scheduled task and for trying settings.

    satellitkontor sync --as admin@umea.se                      one run: pull, then push
    satellitkontor sync --status --as rut@umea.se               what is pending, and why
    satellitkontor sync --test --as admin@umea.se               test the connection, in words
    satellitkontor sync --ews-url URL --account MAILBOX --username USER [--ews-version 2019]
        [--auth ntlm|basic] [--mailbox PLATS=POSTLÅDA ...] [--save-settings] --as admin@umea.se
    satellitkontor sync --graph --tenant T --client-id C [--save-settings] --as admin@umea.se

Flags override the stored settings for this run; ``--save-settings`` stores them (and switches
the sync on). The password comes from ``SATELLITKONTOR_EWS_PASSWORD`` or the OS keyring, never
from a flag (it would stay in the shell history and the process list) and is never printed.
Exit code 1 when something is still pending because of an error, so a scheduled task notices."""

from __future__ import annotations

import argparse
from dataclasses import replace
from typing import Any

from satellitkontor.cli.actor import who_acts
from satellitkontor.cli.parser import Subparsers, Words, pick


def add_parser(sub: Subparsers, t: Words) -> None:
    p = sub.add_parser(
        "sync",
        help=t("synka bokningar med Exchange/Outlook", "sync bookings with Exchange/Outlook"),
        description=t(
            "Skriver appens bokningar till Outlook och hämtar möten som bokats direkt i Outlook. "
            "Lösenordet läses från SATELLITKONTOR_EWS_PASSWORD eller nyckelringen.",
            "Writes the app's bookings to Outlook and takes in meetings booked in Outlook. "
            "The password is read from SATELLITKONTOR_EWS_PASSWORD or the keyring.",
        ),
    )
    p.add_argument(
        "--status",
        action="store_true",
        help=t("visa vad som väntar och varför", "show what is pending and why"),
    )
    p.add_argument("--test", action="store_true", help=t("testa anslutningen", "test the connection"))
    p.add_argument(
        "--save-settings", action="store_true", help=t("spara inställningarna", "save the settings")
    )
    p.add_argument("--ews-url", metavar="URL", help=t("EWS-adress", "EWS endpoint"))
    p.add_argument(
        "--account",
        metavar=t("POSTLÅDA", "MAILBOX"),
        help=t("tjänstekontots postlåda", "the service account's mailbox"),
    )
    p.add_argument("--username", metavar=t("ANVÄNDARE", "USER"))
    p.add_argument(
        "--ews-version",
        choices=("2016", "2019", "se", "online"),
        help=t("Exchange-version", "Exchange version"),
    )
    p.add_argument("--auth", choices=("ntlm", "basic", "oauth2"))
    p.add_argument("--graph", action="store_true", help=t("använd Microsoft Graph", "use Microsoft Graph"))
    p.add_argument("--tenant", metavar="ID")
    p.add_argument("--client-id", metavar="ID")
    p.add_argument(
        "--mailbox",
        action="append",
        metavar=t("PLATS=POSTLÅDA", "PLACE=MAILBOX"),
        help=t(
            "postlådan för ett rum eller en plats (kan upprepas)",
            "the mailbox of a room or desk (repeatable)",
        ),
    )


def _config(stored: Any, args: argparse.Namespace) -> Any:
    changes: dict[str, Any] = {}
    for flag, name in (
        ("ews_url", "url"),
        ("account", "account"),
        ("username", "username"),
        ("ews_version", "version"),
        ("auth", "auth"),
        ("tenant", "tenant_id"),
        ("client_id", "client_id"),
    ):
        value = getattr(args, flag, None)
        if value:
            changes[name] = value
    if args.graph:
        changes["backend"] = "graph"
    elif args.ews_url:
        changes["backend"] = "ews"
    if args.mailbox:
        pairs = []
        for pair in args.mailbox:
            place, _, mailbox = pair.partition("=")
            if not mailbox:
                from satellitkontor.domain.errors import InvalidInput

                raise InvalidInput(field="mailbox", value=pair)
            pairs.append((place.strip(), mailbox.strip().lower()))
        changes["mailboxes"] = tuple(pairs)
    return replace(stored, **changes)


def run(services: Any, args: argparse.Namespace, lang: str) -> int:
    from satellitkontor.services.exchange.config import make_backend, password

    actor = who_acts(services, args)
    sync = services.exchange
    if args.status:
        print_status(sync.status(actor.id), lang)
        return 0
    config = _config(sync.config(), args)
    if args.save_settings:
        config = sync.save_config(actor.id, replace(config, enabled=True))
        print(pick(lang, "Exchange-inställningarna sparades.", "The Exchange settings were saved."))
    elif sync.config() != config or args.test:
        from satellitkontor.services.base import require_admin

        with services.db.session() as s:  # trying settings is an admin's task too
            require_admin(s, actor.id, "exchange_settings")
    if not config.url and not config.account and config.backend == "ews":
        print(pick(lang, "Exchange är inte inställt: ange --ews-url och --account (eller --graph).",
                 "Exchange is not set up: give --ews-url and --account (or --graph)."))  # fmt: skip
        return 2
    secret = password(config.username)
    if not secret and config.auth != "oauth2":
        print(pick(lang, f"Inget lösenord för {config.username}: sätt SATELLITKONTOR_EWS_PASSWORD eller spara det i nyckelringen.",
                 f"No password for {config.username}: set SATELLITKONTOR_EWS_PASSWORD or store it in the keyring."))  # fmt: skip
        return 2
    backend = make_backend(config, secret, sync.desk_mailboxes(config))
    try:
        if args.test:
            return _test(sync, backend, config, lang)
        if not config.enabled:
            print(pick(lang, "Exchange-synken är avstängd (--save-settings slår på den).",
                     "Exchange sync is switched off (--save-settings switches it on)."))  # fmt: skip
            return 2
        from satellitkontor.services.exchange.sync import SyncService

        assert isinstance(sync, SyncService)
        report = sync.run(backend)
    finally:
        backend.close()
    created = sum(p.created for p in report.pulls)
    moved = sum(p.moved for p in report.pulls)
    cancelled = sum(p.cancelled for p in report.pulls)
    print(pick(lang,
             f"Skickade {report.push.done} bokningar till Exchange; från Outlook: {created} nya, {moved} flyttade, {cancelled} avbokade.",
             f"Sent {report.push.done} bookings to Exchange; from Outlook: {created} new, {moved} moved, {cancelled} cancelled."))  # fmt: skip
    for error in dict.fromkeys([*report.errors, *report.push.errors]):
        print(error)
    pending = sync.status().pending
    if pending:
        print(pick(lang, f"{pending} ändringar väntar fortfarande (se: satellitkontor sync --status).",
                 f"{pending} changes still pending (see: satellitkontor sync --status)."))  # fmt: skip
    return 0 if report.ok else 1


def _test(sync: Any, backend: Any, config: Any, lang: str) -> int:
    from satellitkontor.integrations.exchange.errors import ExchangeError
    from satellitkontor.words.texts import describe

    try:
        sync.test_connection(backend, config)
    except ExchangeError as e:
        print(describe(e, lang))
        return 1
    print(pick(lang, "Anslutningen till Exchange fungerar.", "The connection to Exchange works."))
    return 0


def print_status(status: Any, lang: str) -> None:
    from satellitkontor.domain import clock as clk

    def when(moment: Any) -> str:
        return clk.to_local(moment).strftime("%Y-%m-%d %H:%M") if moment is not None else "–"

    state = pick(lang, "på", "on") if status.enabled else pick(lang, "av", "off")
    print(
        pick(lang, f"Exchange-synk: {state} ({status.backend})", f"Exchange sync: {state} ({status.backend})")
    )
    print(
        pick(
            lang,
            f"Senast lyckade synk: {when(status.last_success_at)}",
            f"Last successful sync: {when(status.last_success_at)}",
        )
    )
    if status.last_error:
        print(pick(lang, f"Senaste fel: {status.last_error}", f"Last error: {status.last_error}"))
    if not status.pending:
        print(pick(lang, "Inget väntar: allt finns i Outlook.", "Nothing pending: everything is in Outlook."))
    else:
        print(pick(lang, f"Väntar: {status.pending} (äldsta sedan {when(status.oldest_pending)})",
                 f"Pending: {status.pending} (oldest since {when(status.oldest_pending)})"))  # fmt: skip
        for item in status.items:
            what = (
                pick(lang, "avbokning", "cancellation")
                if item.operation == "cancel"
                else pick(lang, "bokning", "booking")
            )
            reason = item.error_text or pick(lang, "inte skickad än", "not sent yet")
            print(f"  #{item.booking_id} {item.place} {when(item.start)} ({what}, "
                  + pick(lang, f"försök {item.attempts}, nästa {when(item.next_attempt_at)}", f"attempt {item.attempts}, next {when(item.next_attempt_at)}")
                  + f"): {reason}")  # fmt: skip
    for answer in status.answers:
        word = (
            pick(lang, "tackade nej", "declined")
            if answer.response == "declined"
            else pick(lang, "svarade kanske", "said maybe")
        )
        print(
            pick(
                lang,
                f"  {answer.place} {when(answer.start)}: rummet {word}",
                f"  {answer.place} {when(answer.start)}: the room {word}",
            )
        )
    for o in status.overrides:
        winner = pick(lang, "appen", "the app") if o.winner == "app" else "Outlook"
        print(
            pick(
                lang,
                f"  Överkört {when(o.at)}: bokning #{o.booking_id}, {winner} vann",
                f"  Overridden {when(o.at)}: booking #{o.booking_id}, {winner} won",
            )
        )
