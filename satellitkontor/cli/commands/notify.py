"""Notices by e-mail on the command line: ``notify``, for a scheduled task, the status and choices.

    satellitkontor notify --send --as rut@umea.se             send what waits (and tomorrow's reminders)
    satellitkontor notify --status --as rut@umea.se           the queue and the last error
    satellitkontor notify --prefs påminnelser=på språk=en     my choices (no value: show them)
    satellitkontor notify --enable --sender kontoret@umea.se --smtp smtp.umea.se:587
        --smtp-user kontoret [--security starttls] [--via smtp|exchange] --as admin@umea.se

The SMTP password comes from ``SATELLITKONTOR_SMTP_PASSWORD`` or the OS keyring, never from a
flag. Exit code 1 after ``--send`` when something still waits because of an error, so a
scheduled task notices."""

from __future__ import annotations

import argparse
from dataclasses import replace
from typing import Any

from satellitkontor.cli.actor import who_acts
from satellitkontor.cli.parser import Subparsers
from satellitkontor.words import Words, say

_FIELDS = ("confirmations", "by_others", "reminders", "waitlist", "language")


def _words_of(key: str) -> set[str]:
    """``key``'s words in every language: a choice may be typed in Swedish or English."""
    from satellitkontor.words import languages

    return {say(key, lang).lower() for lang in languages()}


def _field(name: str) -> str | None:
    return next((f for f in _FIELDS if name in _words_of(f"cli.notify.choice.{f}") | {f}), None)


def add_parser(sub: Subparsers, t: Words) -> None:
    p = sub.add_parser("notify", help=t("cli.notify.help"), description=t("cli.notify.help.long"))
    p.add_argument("--status", action="store_true", help=t("cli.notify.help.status"))
    p.add_argument("--send", action="store_true", help=t("cli.notify.help.send"))
    p.add_argument(
        "--prefs", nargs="*", metavar=t("cli.notify.metavar.choice"), help=t("cli.notify.help.prefs")
    )
    on_off = p.add_mutually_exclusive_group()
    on_off.add_argument("--enable", action="store_true", help=t("cli.notify.help.enable"))
    on_off.add_argument("--disable", action="store_true", help=t("cli.notify.help.disable"))
    p.add_argument("--sender", metavar=t("cli.notify.metavar.email"), help=t("cli.notify.help.sender"))
    p.add_argument("--smtp", metavar=t("cli.notify.metavar.host"), help=t("cli.notify.help.smtp"))
    p.add_argument("--smtp-user", metavar=t("cli.notify.metavar.user"), help=t("cli.notify.help.smtp_user"))
    p.add_argument("--security", choices=("starttls", "tls", "none"))
    p.add_argument("--via", choices=("smtp", "exchange"), help=t("cli.notify.help.via"))


def _settings_changes(args: argparse.Namespace) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    if args.enable or args.disable:
        changes["enabled"] = bool(args.enable)
    if args.sender is not None:
        changes["sender"] = args.sender
    if args.smtp:
        host, _, port = args.smtp.rpartition(":") if ":" in args.smtp else (args.smtp, "", "")
        changes["smtp_host"] = host
        if port:
            if not port.isdigit():
                from satellitkontor.domain.errors import InvalidInput

                raise InvalidInput(field="port", value=port)
            changes["smtp_port"] = int(port)
    if args.smtp_user is not None:
        changes["smtp_username"] = args.smtp_user
    if args.security:
        changes["smtp_security"] = args.security
    if args.via:
        changes["via"] = args.via
    return changes


def _choices(current: Any, words: list[str], lang: str) -> Any | None:
    changes: dict[str, Any] = {}
    yes, no = (
        _words_of("cli.notify.value.yes") | {"ja", "yes"},
        _words_of("cli.notify.value.no") | {"nej", "no"},
    )
    default = _words_of("cli.notify.value.default")
    for word in words:
        name, _, value = word.partition("=")
        field = _field(name.strip().lower())
        value = value.strip().lower()
        if field == "language" and value in {"sv", "en"} | default:
            changes[field] = None if value in default else value
        elif field is not None and field != "language" and value in yes | no | default:
            changes[field] = None if value in default else value in yes
        else:
            print(say("cli.notify.bad_choice", lang, choice=word))
            return None
    return replace(current, **changes)


def _on(value: object, lang: str) -> str:
    if value is None:
        return "–"
    if isinstance(value, bool):
        return say("cli.notify.on" if value else "cli.notify.off", lang)
    return str(value)


def run(services: Any, args: argparse.Namespace, lang: str) -> int:
    actor = who_acts(services, args)
    notices = services.notices
    changes = _settings_changes(args)
    if changes:
        notices.save_config(actor.id, replace(notices.config(), **changes))
        print(say("cli.notify.saved", lang))
    if args.prefs is not None:
        own, _ = notices.prefs(actor.id)
        if args.prefs:
            chosen = _choices(own, args.prefs, lang)
            if chosen is None:
                return 2
            notices.save_prefs(actor.id, chosen)
            print(say("cli.notify.prefs_saved", lang))
        _, effective = notices.prefs(actor.id)
        facts = {
            k: _on(getattr(effective, k), lang)
            for k in ("confirmations", "by_others", "reminders", "waitlist")
        }
        print(say("cli.notify.prefs", lang, language=effective.language or "sv", **facts))
    code = 0
    if args.send:
        report = notices.send()
        status = notices.status(actor.id)
        print(say("cli.notify.sent", lang, sent=report.sent, skipped=report.skipped, waiting=status.waiting))
        for error in dict.fromkeys(report.errors):
            print(error)
        code = 1 if report.errors and status.waiting else 0
    if args.status or not (changes or args.prefs is not None or args.send):
        print_status(notices.status(actor.id), lang)
    return code


def print_status(status: Any, lang: str) -> None:
    from satellitkontor.domain import clock as clk

    def when(moment: Any) -> str:
        return clk.to_local(moment).strftime("%Y-%m-%d %H:%M") if moment is not None else "–"

    state = say("cli.notify.on" if status.enabled else "cli.notify.off", lang)
    print(say("cli.notify.state", lang, state=state, via=status.via, sender=status.sender or "–"))
    c = status.counts
    print(
        say(
            "cli.notify.counts",
            lang,
            pending=c.get("pending", 0),
            sent=c.get("sent", 0),
            skipped=c.get("skipped", 0),
            uncertain=c.get("uncertain", 0),
            given_up=c.get("given_up", 0),
        )
    )
    print(say("cli.notify.last_sent", lang, when=when(status.last_sent_at)))
    if status.waiting:
        print(say("cli.notify.next_attempt", lang, when=when(status.next_attempt_at)))
    if status.last_error:
        print(say("cli.notify.last_error", lang, error=status.last_error))
