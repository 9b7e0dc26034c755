"""Published feeds on the command line: ``serve-feeds`` and ``feeds publish|list|revoke``.

Hooked into cli/commands/export_ical.py (``add_parsers`` and ``COMMANDS``), kept in a module of its own so that
the export commands and the serving commands can change independently. Imports of services and
integrations stay inside the handlers: the parser is built on every start.

``feeds publish`` prints the feed's URL once: only the token's hash is stored, so nobody can show
it again. The URL starts with ``--base-url`` (default ``$SATELLITKONTOR_FEEDS_URL``, else
``http://127.0.0.1:8765``): the address subscribers reach ``serve-feeds`` at, which may be a
reverse proxy's name rather than the host and port the server itself listens on."""

from __future__ import annotations

import argparse
import os
from typing import TYPE_CHECKING

from satellitkontor.cli.actor import who_acts
from satellitkontor.cli.parser import Subparsers
from satellitkontor.domain import clock as clk
from satellitkontor.domain.feeds import FeedKind
from satellitkontor.words import Words, say

if TYPE_CHECKING:
    from satellitkontor.services.app_services import AppServices
    from satellitkontor.services.feeds.publishing import FeedTokenView


def add_parser(sub: Subparsers, t: Words) -> None:
    feeds = sub.add_parser("feeds", help=t("cli.feeds.help.published_calendar_feeds"))
    fsub = sub.nested(feeds, dest="feeds_command", metavar="publish|list|revoke", required=True)
    pub = fsub.add_parser(
        "publish",
        help=t("cli.feeds.help.publish_feed_show_its_url"),
    )
    pub.add_argument(
        "--feed",
        required=True,
        choices=[k.value for k in FeedKind],
        help=t("cli.feeds.help.which_feed_office_resource_desk"),
    )
    pub.add_argument(
        "--target",
        metavar=t("cli.feeds.help.target"),
        help=t("cli.feeds.help.desk_room_name_municipality_name"),
    )
    pub.add_argument(
        "--privacy",
        choices=("public", "internal"),
        default="public",
        help=t("cli.feeds.help.public_only_booked_municipality_default"),
    )
    pub.add_argument("--label", metavar=t("cli.feeds.help.text"), help=t("cli.feeds.help.own_name_feed"))
    pub.add_argument(
        "--base-url",
        metavar="URL",
        help=t(
            "cli.feeds.help.start_url_subscribers_reach_server",
            ENV_FEEDS_URL=ENV_FEEDS_URL,
            DEFAULT_BASE_URL=DEFAULT_BASE_URL,
        ),
    )
    lst = fsub.add_parser("list", help=t("cli.feeds.help.list_published_feeds"))
    lst.add_argument("--all", action="store_true", help=t("cli.feeds.help.revoked_ones_too"))
    rev = fsub.add_parser(
        "revoke",
        help=t("cli.feeds.help.revoke_feed_its_url_stops"),
    )
    rev.add_argument("id", type=int, help=t("cli.feeds.help.feed_number_list"))


ENV_FEEDS_URL = "SATELLITKONTOR_FEEDS_URL"


DEFAULT_BASE_URL = "http://127.0.0.1:8765"


def run(services: AppServices, args: argparse.Namespace, lang: str) -> int:

    actor = who_acts(services, args)
    if args.feeds_command == "publish":
        return _publish(services, actor.id, args, lang)
    if args.feeds_command == "revoke":
        view = services.feed_publishing.revoke(actor.id, args.id)
        print(say("cli.feeds.feed_revoked_its_url_stops", lang, id=view.id, hint=view.hint))
        return 0
    views = services.feed_publishing.published(actor.id, include_revoked=args.all)
    if not views:
        print(say("cli.feeds.no_published_feeds", lang))
    for v in views:
        print(_line(v, lang))
    return 0


def _publish(services: AppServices, actor_id: int, args: argparse.Namespace, lang: str) -> int:
    from satellitkontor.domain.feeds import FeedKind, Privacy
    from satellitkontor.services.feeds.publishing import feed_url

    # Names and e-mail addresses as a person writes them -> the ids a feed is stored with.
    spec = services.feeds.resolve(FeedKind(args.feed), args.target)
    published = services.feed_publishing.publish(actor_id, spec, Privacy(args.privacy), args.label)
    base = args.base_url or os.environ.get(ENV_FEEDS_URL) or DEFAULT_BASE_URL
    print(_line(published.view, lang))
    print(say("cli.feeds.url_shown_only_now_not", lang))
    print(feed_url(base, published.token))
    return 0


def _line(v: FeedTokenView, lang: str) -> str:
    what = " ".join(w for w in (say(f"cli.feeds.kind.{v.kind.value}", lang), v.target_label or v.target) if w)
    made = clk.local_date(v.created_at).isoformat()
    by = f" {say('cli.feeds.by', lang)} {v.created_by_name}" if v.created_by_name else ""
    revoked = (
        say("cli.feeds.revoked", lang) + clk.local_date(v.revoked_at).isoformat()
        if v.revoked_at is not None
        else ""
    )
    label = f" «{v.label}»" if v.label else ""
    return (
        f"{v.id:>4}  …{v.hint}  {what}{label}  ({say(f'cli.feeds.privacy.{v.privacy.value}', lang)})  "
        f"{say('cli.feeds.created', lang)} {made}{by}{revoked}"
    )
