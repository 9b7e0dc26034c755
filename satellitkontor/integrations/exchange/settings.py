"""How to reach Exchange: the settings of each backend, and the one place a backend is built.

Plain frozen dataclasses, cheap to import (no exchangelib, msal or httpx here): the admin page and
the CLI build them from stored settings plus a secret from the environment or the OS keyring, and
call :func:`make_backend`, which imports the heavy backend module only then.

Secrets (``password``, ``client_secret``) are fields with ``repr=False``: a settings object printed
into a log or an error shows everything but them. They are never written anywhere by this package.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    import httpx

    from satellitkontor.integrations.exchange.backend import CalendarBackend

EwsAuth = Literal["ntlm", "basic", "oauth2"]
EwsVersion = Literal["2016", "2019", "se", "online"]
EwsAccess = Literal["delegate", "impersonation"]


@dataclass(frozen=True)
class EwsSettings:
    """EWS on exchangelib.

    ``url`` is the EWS endpoint (``https://mail.umea.se/EWS/Exchange.asmx``); empty means autodiscover
    from ``account``. ``account`` is the service account's own mailbox (used for the connection test).
    ``auth``: ``ntlm`` or ``basic`` with ``username``/``password`` for on-premises Exchange; ``oauth2``
    for Exchange Online, either app-only (``tenant_id``, ``client_id``, ``client_secret``) or with an
    ``access_token`` obtained elsewhere (msal). ``access``: ``impersonation`` (the service account
    has ApplicationImpersonation: writes into everyone's calendar as them) or ``delegate`` (it has
    delegate rights on the room, desk and people's calendars).

    ``timeout`` bounds one HTTP request; ``max_wait`` bounds the total time one backend call waits
    on a busy server (ErrorServerBusy back-offs): longer asks end in ``ExchangeThrottled`` so the
    outbox retries later instead of blocking the background sync.
    """

    url: str
    account: str
    username: str = ""
    password: str = field(default="", repr=False)
    auth: EwsAuth = "ntlm"
    version: EwsVersion = "2019"
    access: EwsAccess = "impersonation"
    tenant_id: str = ""
    client_id: str = ""
    client_secret: str = field(default="", repr=False)
    access_token: str = field(default="", repr=False)
    timeout: float = 30.0
    max_wait: float = 60.0
    desk_mailboxes: tuple[str, ...] = ()

    @property
    def autodiscover(self) -> bool:
        return not self.url


@dataclass(frozen=True)
class GraphSettings:
    """Microsoft Graph on msal + httpx.

    App-only when ``client_secret`` is set (client credentials; the app needs the Calendars.ReadWrite
    application permission, usually limited to the office's mailboxes by an application access
    policy). Without a secret a person signs in once (device code, or user name and password where
    the tenant allows it); msal's token cache in ``token_cache`` keeps the refresh token, so the
    next runs sign in silently. ``max_retries`` and ``max_wait`` bound the waiting on 429/503 answers.
    """

    tenant_id: str
    client_id: str
    client_secret: str = field(default="", repr=False)
    token_cache: Path | None = None
    username: str = ""  # the signed-in person (delegated sign-in), for messages and the silent sign-in
    authority_host: str = "https://login.microsoftonline.com"
    graph_url: str = "https://graph.microsoft.com/v1.0"
    timeout: float = 30.0
    max_retries: int = 4
    max_wait: float = 60.0
    batch_size: int = 20  # Graph's limit for one $batch
    desk_mailboxes: tuple[str, ...] = ()


def make_backend(
    settings: EwsSettings | GraphSettings, *, http_client: httpx.Client | None = None
) -> CalendarBackend:
    """The backend for ``settings`` (imports exchangelib or msal/httpx now, not at start-up).
    ``http_client`` (Graph only) replaces the HTTP client, e.g. with a test transport."""
    if isinstance(settings, EwsSettings):
        from satellitkontor.integrations.exchange.ews_backend import EwsBackend

        return EwsBackend(settings)
    from satellitkontor.integrations.exchange.graph_backend import GraphBackend

    return GraphBackend(settings, http_client=http_client)
