"""The office's Exchange settings (the ``exchange`` row of the ``settings`` table) and its password.

Decisions:

- One frozen :class:`ExchangeConfig`, stored as JSON under the settings key ``exchange``: which
  backend (``ews`` or ``graph``), where (endpoint, account, version, tenant and client ids), which
  mailbox each room or desk has (by the place's name), whether desks invite their mailbox or only
  write the event into the booker's calendar, the fallback person for Outlook meetings whose
  organizer is not in the office, how often the app syncs, and the retry back-off.
- **Never a password** in it: :func:`password` reads the environment variable
  ``SATELLITKONTOR_EWS_PASSWORD`` first, then the OS keyring (service ``satellitkontor``, key = the
  user name); :func:`save_password` writes the keyring only. ``to_dict`` has no field for it, so
  nothing that saves settings can write one by mistake.
- :func:`make_backend` is the one place a backend is built from the settings and the secret; the
  heavy libraries (exchangelib, msal) are imported there, not at start-up.
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from satellitkontor.integrations.exchange.backend import CalendarBackend

SETTINGS_KEY = "exchange"
PASSWORD_ENV = "SATELLITKONTOR_EWS_PASSWORD"
KEYRING_SERVICE = "satellitkontor"


@dataclass(frozen=True)
class ExchangeConfig:
    enabled: bool = False
    backend: str = "ews"  # ews | graph
    url: str = ""  # the EWS endpoint; empty: autodiscover from ``account``
    account: str = ""  # the service account's mailbox
    username: str = ""
    version: str = "2019"  # 2016 | 2019 | se | online
    auth: str = "ntlm"  # ntlm | basic | oauth2
    access: str = "impersonation"  # impersonation | delegate
    tenant_id: str = ""
    client_id: str = ""
    #: (place name, mailbox) for each room or desk that has a mailbox.
    mailboxes: tuple[tuple[str, str], ...] = ()
    desk_mode: str = "invite"  # invite | event-only
    fallback_person: str = ""  # e-mail of the person Outlook meetings of unknown organizers get
    interval_minutes: int = 5
    retry_base_seconds: float = 30.0
    retry_cap_seconds: float = 3600.0
    timeout: float = 30.0
    max_wait: float = 60.0
    token_cache: str = field(default="")  # Graph: msal's token cache file
    #: Graph's and the identity platform's addresses ('' = the global cloud's); a national cloud
    #: (e.g. https://graph.microsoft.us/v1.0, https://login.microsoftonline.us) sets both.
    graph_url: str = ""
    authority_url: str = ""

    def mailbox_of(self, place: str) -> str | None:
        for name, mailbox in self.mailboxes:
            if name == place:
                return mailbox.lower()
        return None

    def places_of(self, mailbox: str) -> list[str]:
        return [name for name, m in self.mailboxes if m.lower() == mailbox.lower()]

    def pulled_mailboxes(self) -> list[str]:
        return list(dict.fromkeys(m.lower() for _, m in self.mailboxes))

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["mailboxes"] = [list(pair) for pair in self.mailboxes]
        return data

    @classmethod
    def from_dict(cls, data: object) -> ExchangeConfig:
        if not isinstance(data, dict):
            return cls()
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        values["mailboxes"] = tuple(
            (str(p[0]), str(p[1])) for p in values.get("mailboxes", ()) if isinstance(p, (list, tuple))
        )
        return replace(cls(), **values)


def secret_key(config: ExchangeConfig) -> str:
    """The keyring key of ``config``'s secret: the user name; for an app that signs in as itself
    (Graph app-only, EWS with OAuth2) without one, the app's tenant and client id, never ''
    (a secret saved under '' was read back as '' by the background sync)."""
    if config.username:
        return config.username
    return f"{config.backend}-app:{config.tenant_id}:{config.client_id}"


def secret_of(config: ExchangeConfig) -> str:
    """The secret the background sync uses for ``config`` (see :func:`password`)."""
    return password(secret_key(config))


def password(username: str) -> str:
    """The password of ``username``: the environment variable, else the OS keyring, else ''."""
    from_env = os.environ.get(PASSWORD_ENV)
    if from_env:
        return from_env
    if not username:
        return ""
    try:
        import keyring

        return keyring.get_password(KEYRING_SERVICE, username) or ""
    except Exception:  # no keyring on this machine (a headless server): the environment it is
        return ""


def save_password(username: str, secret: str) -> None:
    """Keep ``secret`` in the OS keyring (never in settings, the database or a log)."""
    import keyring

    keyring.set_password(KEYRING_SERVICE, username, secret)


def make_backend(
    config: ExchangeConfig, secret: str | None = None, desk_mailboxes: tuple[str, ...] = ()
) -> CalendarBackend:
    """The backend ``config`` describes, with ``secret`` (default: :func:`password`);
    ``desk_mailboxes`` tells desks from rooms in the server's room lists."""
    from satellitkontor.integrations.exchange.settings import EwsSettings, GraphSettings
    from satellitkontor.integrations.exchange.settings import make_backend as build

    secret = secret_of(config) if secret is None else secret
    desks = desk_mailboxes
    if config.backend == "graph":
        clouds: dict[str, str] = {}
        if config.graph_url:
            clouds["graph_url"] = config.graph_url.rstrip("/")
        if config.authority_url:
            clouds["authority_host"] = config.authority_url.rstrip("/")
        return build(
            GraphSettings(
                **clouds,  # type: ignore[arg-type]
                tenant_id=config.tenant_id,
                client_id=config.client_id,
                client_secret=secret,
                token_cache=Path(config.token_cache) if config.token_cache else None,
                username=config.username,
                timeout=config.timeout,
                max_wait=config.max_wait,
                desk_mailboxes=desks,
            )
        )
    return build(
        EwsSettings(
            url=config.url,
            account=config.account,
            username=config.username,
            password=secret if config.auth != "oauth2" else "",
            client_secret=secret if config.auth == "oauth2" else "",  # OAuth2 app-only: the app's secret
            auth=config.auth,  # type: ignore[arg-type]
            version=config.version,  # type: ignore[arg-type]
            access=config.access,  # type: ignore[arg-type]
            tenant_id=config.tenant_id,
            client_id=config.client_id,
            timeout=config.timeout,
            max_wait=config.max_wait,
            desk_mailboxes=desks,
        )
    )
