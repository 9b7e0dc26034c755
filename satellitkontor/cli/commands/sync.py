"""Exchange sync on the command line: ``sync``, for a scheduled task and for trying settings.

    satellitkontor sync --as admin@umea.se                      one run: pull, then push
    satellitkontor sync --status --as rut@umea.se               what is pending, and why
    satellitkontor sync --test --as admin@umea.se               test the connection, in words
    satellitkontor sync --dismiss [MAILBOX] --as admin@umea.se  the notice of a mailbox out of reach read
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
from satellitkontor.cli.parser import Subparsers
from satellitkontor.words import Words, say


def add_parser(sub: Subparsers, t: Words) -> None:
    p = sub.add_parser(
        "sync",
        help=t("cli.sync.help.sync_bookings_exchange_outlook"),
        description=t("cli.sync.help.writes_app_bookings_outlook_takes"),
    )
    p.add_argument(
        "--status",
        action="store_true",
        help=t("cli.sync.help.show_what_pending_why"),
    )
    p.add_argument("--test", action="store_true", help=t("cli.sync.help.test_connection"))
    p.add_argument("--resend", action="store_true", help=t("cli.sync.help.resend"))
    p.add_argument(
        "--dismiss", nargs="?", const="*", metavar=t("cli.sync.help.mailbox"), help=t("cli.sync.help.dismiss")
    )
    p.add_argument("--save-settings", action="store_true", help=t("cli.sync.help.save_settings"))
    p.add_argument("--ews-url", metavar="URL", help=t("cli.sync.help.ews_endpoint"))
    p.add_argument(
        "--account",
        metavar=t("cli.sync.help.mailbox"),
        help=t("cli.sync.help.service_account_mailbox"),
    )
    p.add_argument("--username", metavar=t("cli.sync.help.user"))
    p.add_argument(
        "--ews-version",
        choices=("2016", "2019", "se", "online"),
        help=t("cli.sync.help.exchange_version"),
    )
    p.add_argument("--auth", choices=("ntlm", "basic", "oauth2"))
    p.add_argument("--graph", action="store_true", help=t("cli.sync.help.use_microsoft_graph"))
    p.add_argument("--tenant", metavar="ID")
    p.add_argument(
        "--graph-url",
        metavar="URL",
        help=t("cli.sync.help.graph_url"),
    )
    p.add_argument(
        "--authority-url",
        metavar="URL",
        help=t("cli.sync.help.authority_url"),
    )
    p.add_argument("--client-id", metavar="ID")
    p.add_argument(
        "--mailbox",
        action="append",
        metavar=t("cli.sync.help.place_mailbox"),
        help=t("cli.sync.help.mailbox_room_desk_repeatable"),
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
        ("graph_url", "graph_url"),
        ("authority_url", "authority_url"),
    ):
        value = getattr(args, flag, None)
        if value:
            changes[name] = value
    for name, value in _machine_clouds().items():  # the machine settings, unless set otherwise
        if value and not getattr(stored, name) and name not in changes:
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


def _machine_clouds() -> dict[str, str | None]:
    from satellitkontor.domain.errors import SatellitkontorError
    from satellitkontor.machine_settings import exchange_endpoint

    try:
        endpoint = exchange_endpoint()
    except SatellitkontorError:  # an unreadable settings file: said where the database is looked up
        return {}
    return {"graph_url": endpoint.graph_url, "authority_url": endpoint.authority_url}


def run(services: Any, args: argparse.Namespace, lang: str) -> int:
    from satellitkontor.services.exchange.config import make_backend, secret_of

    actor = who_acts(services, args)
    sync = services.exchange
    if args.status:
        print_status(sync.status(actor.id), lang)
        return 0
    if args.dismiss:
        mailbox = None if args.dismiss == "*" else args.dismiss
        print(say("cli.sync.dismissed", lang, count=sync.dismiss_out_of_reach(actor.id, mailbox)))
        return 0
    config = _config(sync.config(), args)
    if args.save_settings:
        before = sync.status().pending
        config = sync.save_config(actor.id, replace(config, enabled=True))
        print(say("cli.sync.exchange_settings_were_saved", lang))
        queued = sync.status().pending - before
        if queued > 0:
            print(say("cli.sync.queued_for_outlook", lang, count=queued))
    elif sync.config() != config or args.test:
        from satellitkontor.services.base import require_admin

        with services.db.session() as s:  # trying settings is an admin's task too
            require_admin(s, actor.id, "exchange_settings")
    if args.resend:
        print(say("cli.sync.queued_for_outlook", lang, count=sync.resend(actor.id)))
    if not config.url and not config.account and config.backend == "ews":
        print(say('cli.sync.exchange_not_set_up_give', lang))  # fmt: skip
        return 2
    secret = secret_of(config)
    if not secret and config.auth != "oauth2":
        print(say('cli.sync.no_password_set_satellitkontor_ews', lang, username=config.username))  # fmt: skip
        return 2
    backend = make_backend(config, secret, sync.desk_mailboxes(config))
    try:
        if args.test:
            return _test(sync, backend, config, lang)
        if not config.enabled:
            print(say('cli.sync.exchange_sync_switched_off_save', lang))  # fmt: skip
            return 2
        from satellitkontor.services.exchange.sync import SyncService

        assert isinstance(sync, SyncService)
        report = sync.run(backend)
    finally:
        backend.close()
    created = sum(p.created for p in report.pulls)
    moved = sum(p.moved for p in report.pulls)
    cancelled = sum(p.cancelled for p in report.pulls)
    print(say('cli.sync.sent_bookings_exchange_from_outlook', lang, done=report.push.done, created=created, moved=moved, cancelled=cancelled))  # fmt: skip
    for error in dict.fromkeys([*report.errors, *report.push.errors]):
        print(error)
    pending = sync.status().pending
    if pending:
        print(say('cli.sync.changes_still_pending_see_satellitkontor', lang, pending=pending))  # fmt: skip
    return 0 if report.ok else 1


def _test(sync: Any, backend: Any, config: Any, lang: str) -> int:
    from satellitkontor.integrations.exchange.errors import ExchangeError
    from satellitkontor.words.texts import describe

    try:
        sync.test_connection(backend, config)
    except ExchangeError as e:
        print(describe(e, lang))
        return 1
    print(say("cli.sync.connection_exchange_works", lang))
    return 0


def print_status(status: Any, lang: str) -> None:
    from satellitkontor.domain import clock as clk

    def when(moment: Any) -> str:
        return clk.to_local(moment).strftime("%Y-%m-%d %H:%M") if moment is not None else "–"

    state = say("cli.sync.on", lang) if status.enabled else say("cli.sync.off", lang)
    print(say("cli.sync.exchange_sync", lang, state=state, backend=status.backend))
    print(say("cli.sync.last_successful_sync", lang, last_success_at=when(status.last_success_at)))
    if status.last_error:
        print(say("cli.sync.last_error", lang, last_error=status.last_error))
    if not status.pending:
        print(say("cli.sync.nothing_pending_everything_outlook", lang))
    else:
        print(say('cli.sync.pending_oldest_since', lang, pending=status.pending, oldest_pending=when(status.oldest_pending)))  # fmt: skip
        for item in status.items:
            what = (
                say("cli.sync.cancellation", lang)
                if item.operation == "cancel"
                else say("cli.sync.booking", lang)
            )
            reason = item.error_text or say("cli.sync.not_sent_yet", lang)
            print(f"  #{item.booking_id} {item.place} {when(item.start)} ({what}, "
                  + say('cli.sync.attempt_next', lang, attempts=item.attempts, next_attempt_at=when(item.next_attempt_at))
                  + f"): {reason}")  # fmt: skip
    for answer in status.answers:
        word = (
            say("cli.sync.declined", lang)
            if answer.response == "declined"
            else say("cli.sync.said_maybe", lang)
        )
        print(say("cli.sync.room", lang, place=answer.place, start=when(answer.start), word=word))
    if status.given_up:
        print(say("cli.sync.given_up", lang, count=len(status.given_up)))
        for item in status.given_up:
            print(f"  #{item.booking_id} {item.place} {when(item.start)}: {item.error_text}")
    if status.out_of_reach:
        print(say("cli.sync.out_of_reach", lang, count=len(status.out_of_reach)))
        for notice in status.out_of_reach:
            print(f"  {notice.text(lang)}")
    if status.skipped:
        print(say("cli.sync.not_taken_in", lang, count=len(status.skipped)))
        for skipped in status.skipped:
            print(f"  {skipped.text(lang)}")
    for c in status.conflicts:
        print(f"  #{c.booking_id} {c.place}: {c.text(lang)}")
    for o in status.overrides:
        winner = say("cli.sync.app", lang) if o.winner == "app" else "Outlook"
        print(
            say(
                "cli.sync.overridden_booking_won", lang, at=when(o.at), booking_id=o.booking_id, winner=winner
            )
        )
