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
from satellitkontor.cli.parser import Subparsers, Words, pick
from satellitkontor.domain import clock as clk
from satellitkontor.domain.feeds import FeedKind

if TYPE_CHECKING:
    from satellitkontor.services.app_services import AppServices
    from satellitkontor.services.feeds.publishing import FeedTokenView




def add_parser(sub: Subparsers, t: Words) -> None:
    feeds = sub.add_parser("feeds", help=t("publicerade kalenderflöden", "published calendar feeds"))
    fsub = sub.nested(feeds, dest="feeds_command", metavar="publish|list|revoke", required=True)
    pub = fsub.add_parser(
        "publish",
        help=t("publicera ett flöde och visa dess adress en gång", "publish a feed and show its URL once"),
    )
    pub.add_argument(
        "--feed",
        required=True,
        choices=[k.value for k in FeedKind],
        help=t(
            "vilket flöde: office (hela kontoret), resource (en plats eller rummet), municipality (en kommun), "
            "person (en person), rotation (värdkommunskalendern)",
            "which feed: office, resource (a desk or the room), municipality, person, rotation (host calendar)",
        ),
    )
    pub.add_argument(
        "--target",
        metavar=t("MÅL", "TARGET"),
        help=t(
            "platsens/rummets namn, kommunens namn eller personens e-post (för resource, municipality, person)",
            "the desk's/room's name, the municipality's name or the person's e-mail (for resource, municipality, person)",
        ),
    )
    pub.add_argument(
        "--privacy",
        choices=("public", "internal"),
        default="public",
        help=t(
            "public: bara 'Bokad' och kommunen (standard); internal: namn och rubriker",
            "public: only 'Booked' and the municipality (default); internal: names and titles",
        ),
    )
    pub.add_argument(
        "--label", metavar=t("TEXT", "TEXT"), help=t("eget namn på flödet", "own name for the feed")
    )
    pub.add_argument(
        "--base-url",
        metavar="URL",
        help=t(
            f"början på adressen som prenumeranter når servern på (standard ${ENV_FEEDS_URL} eller {DEFAULT_BASE_URL})",
            f"start of the URL subscribers reach the server at (default ${ENV_FEEDS_URL} or {DEFAULT_BASE_URL})",
        ),
    )
    lst = fsub.add_parser("list", help=t("lista publicerade flöden", "list published feeds"))
    lst.add_argument("--all", action="store_true", help=t("även återkallade", "revoked ones too"))
    rev = fsub.add_parser(
        "revoke",
        help=t("återkalla ett flöde (adressen slutar fungera)", "revoke a feed (its URL stops working)"),
    )
    rev.add_argument("id", type=int, help=t("flödets nummer i listan", "the feed's number in the list"))


ENV_FEEDS_URL = "SATELLITKONTOR_FEEDS_URL"


DEFAULT_BASE_URL = "http://127.0.0.1:8765"


_KIND_WORDS = {
    "office": ("hela kontoret", "whole office"),
    "resource": ("", ""),  # the desk's or room's name says it
    "municipality": ("kommun", "municipality"),
    "person": ("person", "person"),
    "rotation": ("värdkommunskalendern", "rotation calendar"),
}


_PRIVACY_WORDS = {"public": ("publik", "public"), "internal": ("intern", "internal")}


def run(services: AppServices, args: argparse.Namespace, lang: str) -> int:

    actor = who_acts(services, args)
    if args.feeds_command == "publish":
        return _publish(services, actor.id, args, lang)
    if args.feeds_command == "revoke":
        view = services.feed_publishing.revoke(actor.id, args.id)
        print(
            pick(
                lang,
                f"Flöde {view.id} (…{view.hint}) är återkallat: adressen slutar fungera direkt.",
                f"Feed {view.id} (…{view.hint}) is revoked: its URL stops working at once.",
            )
        )
        return 0
    views = services.feed_publishing.published(actor.id, include_revoked=args.all)
    if not views:
        print(pick(lang, "Inga publicerade flöden.", "No published feeds."))
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
    print(
        pick(
            lang,
            "Adressen visas bara nu och sparas inte – kopiera den. Tappar du bort den: återkalla flödet och publicera ett nytt.",
            "The URL is shown only now and is not stored – copy it. If you lose it: revoke the feed and publish a new one.",
        )
    )
    print(feed_url(base, published.token))
    return 0


def _line(v: FeedTokenView, lang: str) -> str:
    i = 1 if lang == "en" else 0
    what = " ".join(w for w in (_KIND_WORDS[v.kind.value][i], v.target_label or v.target) if w)
    made = clk.local_date(v.created_at).isoformat()
    by = f" {pick(lang, 'av', 'by')} {v.created_by_name}" if v.created_by_name else ""
    revoked = (
        pick(lang, ", återkallat ", ", revoked ") + clk.local_date(v.revoked_at).isoformat()
        if v.revoked_at is not None
        else ""
    )
    label = f" «{v.label}»" if v.label else ""
    return (
        f"{v.id:>4}  …{v.hint}  {what}{label}  ({_PRIVACY_WORDS[v.privacy.value][i]})  "
        f"{pick(lang, 'skapat', 'created')} {made}{by}{revoked}"
    )
