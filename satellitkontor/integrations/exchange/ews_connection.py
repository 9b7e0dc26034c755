"""The connection side of the EWS backend: exchangelib's configuration, accounts and folders, and
the exchangelib services the backend calls, adjusted where exchangelib 5.6 gets in the way.

- ``Configuration`` with endpoint, auth type, version and our retry policy set directly (no
  autodiscover or version probing unless no URL is given); one session (``max_connections=1``), so
  exchangelib never repeats a request after a connection error (see ``ews_errors``).
- One ``Account`` per mailbox (impersonation or delegate), cached; its protocol's request timeout
  set from the settings. Calendars are addressed as distinguished folder ids with the mailbox,
  built locally: no GetFolder round trip before a push or a pull.
- ``CreateItems``/``UpdateItems``/``DeleteItems`` are exchangelib's CreateItem/UpdateItem/DeleteItem
  (what ``account.bulk_create``/``bulk_update``/``bulk_delete`` call) with conflicts, refused
  mailboxes and missing items returned per item instead of raised: the bulk helpers raise on the
  first such answer and lose the other items' results.
- ``SyncFolderItemsPage`` reports an error answer as its error (exchangelib 5.6 reads the answer's
  SyncState first, which an error answer lacks, and fails with an AttributeError).
- exchangelib logs the request headers (the Authorization header) and requests_oauthlib the tokens
  at DEBUG: those loggers are kept at INFO or above whatever the root logger is set to.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from exchangelib import (
    BASIC,
    NTLM,
    OAUTH2,
    Account,
    Build,
    Configuration,
    Credentials,
    Identity,
    OAuth2AuthorizationCodeCredentials,
    OAuth2Credentials,
    Version,
)
from exchangelib import errors as ews
from exchangelib.ewsdatetime import UTC as EWS_UTC
from exchangelib.folders import Calendar, Root
from exchangelib.properties import DistinguishedFolderId, Mailbox
from exchangelib.services import CreateItem, DeleteItem, SyncFolderItems, UpdateItem
from exchangelib.services.common import EWSAccountService
from exchangelib.util import MNS

from satellitkontor.integrations.exchange import errors as ours
from satellitkontor.integrations.exchange.ews_errors import SyncRetryPolicy, translate
from satellitkontor.integrations.exchange.settings import EwsSettings

T = TypeVar("T")

_BUILDS = {"2016": Build(15, 1), "2019": Build(15, 2), "se": Build(15, 2), "online": Build(15, 20)}
_PER_ITEM = (
    ews.ErrorIrresolvableConflict,
    ews.ErrorAccessDenied,
    ews.ErrorNonExistentMailbox,
    ews.ErrorItemNotFound,
)


def _per_item(service: type[Any]) -> type[Any]:
    return type(
        f"_{service.__name__}",
        (service,),
        {"ERRORS_TO_CATCH_IN_RESPONSE": service.ERRORS_TO_CATCH_IN_RESPONSE + _PER_ITEM},
    )


CreateItems, UpdateItems, DeleteItems = _per_item(CreateItem), _per_item(UpdateItem), _per_item(DeleteItem)


class SyncFolderItemsPage(SyncFolderItems):  # type: ignore[misc]
    """SyncFolderItems that reports an error answer (an expired sync state, a refused mailbox) as
    that error: exchangelib 5.6 reads the answer's SyncState first, which an error answer lacks."""

    def _get_element_container(self, message: Any, name: Any = None) -> Any:
        if message.find(f"{{{MNS}}}SyncState") is None:
            return EWSAccountService._get_element_container(self, message, name)
        return super()._get_element_container(message, name)


def quiet_libraries() -> None:
    """exchangelib logs request headers (the Authorization header) and requests_oauthlib tokens at
    DEBUG: keep them at INFO whatever the root logger is set to. Their English warnings never
    reach the terminal either (Python prints records of loggers without a handler to stderr):
    what a user must know comes as our typed errors, in Swedish."""
    for name in ("exchangelib", "requests_oauthlib", "oauthlib", "requests_ntlm", "spnego"):
        logger = logging.getLogger(name)
        if logger.level == logging.NOTSET or logger.level < logging.INFO:
            logger.setLevel(logging.INFO)
        if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
            logger.addHandler(logging.NullHandler())


class EwsConnection:
    """Settings -> exchangelib objects, and the one place exchangelib's exceptions become ours."""

    def __init__(self, settings: EwsSettings) -> None:
        quiet_libraries()
        self.settings = settings
        self.policy = SyncRetryPolicy(max_wait=settings.max_wait)
        self._config: Configuration | None = None
        self._accounts: dict[str, Account] = {}

    def credentials(self) -> Any:
        s = self.settings
        if s.auth != "oauth2":
            return Credentials(s.username, s.password)
        identity = Identity(primary_smtp_address=s.account)
        if s.access_token:
            return OAuth2AuthorizationCodeCredentials(
                client_id=s.client_id or None,
                client_secret=s.client_secret or None,
                tenant_id=s.tenant_id or None,
                identity=identity,
                access_token={"access_token": s.access_token, "token_type": "Bearer"},
            )
        return OAuth2Credentials(
            client_id=s.client_id, client_secret=s.client_secret, tenant_id=s.tenant_id, identity=identity
        )

    def configuration(self) -> Configuration:
        if self._config is None:
            s = self.settings
            self._config = Configuration(
                service_endpoint=s.url or None,
                credentials=self.credentials(),
                auth_type={"ntlm": NTLM, "basic": BASIC, "oauth2": OAUTH2}[s.auth],
                version=Version(build=_BUILDS[s.version]),
                retry_policy=self.policy,
                max_connections=1,
            )
        return self._config

    def account(self, mailbox: str) -> Account:
        key = mailbox.lower()
        if key not in self._accounts:
            s = self.settings
            account = Account(
                primary_smtp_address=key,
                config=self.configuration(),
                autodiscover=s.autodiscover,
                access_type="impersonation" if s.access == "impersonation" else "delegate",
                default_timezone=EWS_UTC,
            )
            account.protocol.TIMEOUT = s.timeout
            self._accounts[key] = account
        return self._accounts[key]

    def calendar(self, account: Account) -> Calendar:
        """The account's calendar as a distinguished folder id: no GetFolder round trip."""
        mailbox = Mailbox(email_address=account.primary_smtp_address)
        return Calendar(
            root=Root(account=account),
            _distinguished_id=DistinguishedFolderId(id="calendar", mailbox=mailbox),
        )

    @contextlib.contextmanager
    def talking(self, mailbox: str = "") -> Iterator[None]:
        """Bound the waiting and turn exchangelib's exceptions into typed errors."""
        try:
            with self.policy.budget():
                yield
        except ours.ExchangeError:
            raise
        except (ews.EWSError, OSError, ValueError) as e:
            if isinstance(e, ValueError) and not isinstance(e, ews.EWSError):
                raise
            raise translate(e, self.settings, mailbox) from e
        except Exception as e:
            import requests

            if isinstance(e, requests.exceptions.RequestException):
                raise translate(e, self.settings, mailbox) from e
            raise

    def run(self, mailbox: str, work: Callable[[], T]) -> T:
        with self.talking(mailbox):
            return work()

    def close(self) -> None:
        """Close the connections and drop exchangelib's cached protocol for them (by identity:
        OAuth2 credentials change their hash when the token is refreshed)."""
        from exchangelib.protocol import CachingProtocol

        protocols = {id(a.protocol): a.protocol for a in self._accounts.values()}
        cache: dict[Any, Any] = getattr(CachingProtocol, "_protocol_cache", {})
        with CachingProtocol._protocol_cache_lock:
            others = [(k, v) for k, v in cache.items() if id(v[0]) not in protocols]
            cache.clear()  # rebuilt rather than deleted from: a key's hash may have changed
            cache.update(others)
        for protocol in protocols.values():
            protocol.close()
        self._accounts.clear()
        self._config = None
