"""Tokens for Microsoft Graph with msal, kept in a token cache file so people sign in once.

- **App-only** (a client secret): msal's client-credentials flow; msal caches the token until it
  expires and fetches a new one by itself. Nobody signs in.
- **Signed-in user** (no secret, a public client): someone signs in once with a device code (the
  admin page shows the address and the code; the person signs in in any browser, with MFA). msal
  keeps the refresh token in the cache; later runs get tokens silently. When that no longer works,
  :class:`~.errors.ExchangeSignInRequired` says so. (No user-name-and-password sign-in: msal has
  deprecated it for public clients and tenants with MFA refuse it.)

The cache is msal's ``SerializableTokenCache``, read from and written to the file the caller gives
(the user's data folder), written only when it changed, readable by the owner only. It holds
tokens, not the password or the client secret.

msal talks through the backend's ``httpx.Client`` (:class:`MsalHttp`), so tests can put a fake
sign-in service behind the same transport as the fake Graph. Instance discovery is off: the
authority is the tenant's own, which needs no discovery round trip. The msal application is made
on first use (msal fetches the tenant's OpenID configuration when it is made), so building a
backend never touches the network.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import msal

from satellitkontor.integrations.exchange import errors as ours
from satellitkontor.integrations.exchange.settings import GraphSettings

APP_SCOPES = ["https://graph.microsoft.com/.default"]
USER_SCOPES = [
    "https://graph.microsoft.com/Calendars.ReadWrite.Shared",
    "https://graph.microsoft.com/Place.Read.All",
]

#: msal's error codes that mean "these credentials are not accepted".
_REFUSED = {
    "invalid_client",
    "unauthorized_client",
    "invalid_grant",
    "invalid_request",
    "access_denied",
    "authorization_declined",
    "expired_token",
    "bad_verification_code",
}


class MsalHttp:
    """The requests-like face msal expects, on an httpx.Client."""

    def __init__(self, client: httpx.Client, timeout: float) -> None:
        self._client, self._timeout = client, timeout

    def get(self, url: str, params: Any = None, headers: Any = None, **kwargs: Any) -> httpx.Response:
        return self._client.get(
            url, params=params, headers=headers, timeout=kwargs.get("timeout") or self._timeout
        )

    def post(
        self, url: str, params: Any = None, data: Any = None, headers: Any = None, **kwargs: Any
    ) -> httpx.Response:
        timeout = kwargs.get("timeout") or self._timeout
        if isinstance(data, str | bytes):
            return self._client.post(url, params=params, content=data, headers=headers, timeout=timeout)
        return self._client.post(url, params=params, data=data, headers=headers, timeout=timeout)

    def close(self) -> None:  # the client belongs to the backend
        pass


class GraphAuth:
    def __init__(self, settings: GraphSettings, client: httpx.Client) -> None:
        self.settings = settings
        self._client = client
        self._lock = threading.RLock()
        self._app: msal.ClientApplication | None = None
        self.cache = msal.SerializableTokenCache()
        path = settings.token_cache
        if path is not None and path.exists():
            with contextlib.suppress(OSError, ValueError):
                self.cache.deserialize(path.read_text(encoding="utf-8"))

    @property
    def app(self) -> msal.ClientApplication:
        """msal's application (made on first use: making it fetches the tenant's configuration)."""
        with self._lock:
            if self._app is None:
                s = self.settings
                common: dict[str, Any] = {
                    "authority": f"{s.authority_host.rstrip('/')}/{s.tenant_id}",
                    "token_cache": self.cache,
                    "http_client": MsalHttp(self._client, s.timeout),
                    "instance_discovery": False,
                }
                try:
                    if s.client_secret:
                        self._app = msal.ConfidentialClientApplication(
                            s.client_id, client_credential=s.client_secret, **common
                        )
                    else:
                        self._app = msal.PublicClientApplication(s.client_id, **common)
                except ValueError as e:  # msal's word for "the tenant's configuration cannot be read"
                    raise ours.ExchangeServerError(url=s.authority_host, detail=str(e)[:200]) from e
            return self._app

    @property
    def app_only(self) -> bool:
        return bool(self.settings.client_secret)

    @property
    def who(self) -> str:
        return self.settings.username or self.settings.client_id

    @contextlib.contextmanager
    def _network(self) -> Iterator[None]:
        """httpx's failures on the way to the sign-in service as typed errors."""
        url = self.settings.authority_host
        try:
            yield
        except httpx.ConnectError as e:
            raise ours.ExchangeUnreachable(url=url, detail=str(e)[:200]) from e
        except httpx.TransportError as e:  # timeouts, dropped connections
            raise ours.ExchangeTimeout(url=url, seconds=self.settings.timeout, detail=repr(e)[:200]) from e

    def token(self, refresh: bool = False) -> str:
        """A valid access token (from the cache when it still is)."""
        with self._lock, self._network():
            try:
                if self.app_only:
                    if refresh:
                        self._forget_access_tokens()
                    result = self.app.acquire_token_for_client(scopes=APP_SCOPES)
                else:
                    accounts = self.app.get_accounts(username=self.settings.username or None)
                    result = (
                        self.app.acquire_token_silent(USER_SCOPES, account=accounts[0], force_refresh=refresh)
                        if accounts
                        else None
                    )
                    if not result:
                        raise ours.ExchangeSignInRequired(username=self.who, url=self.settings.authority_host)
            finally:
                self._save()
            return self._access_token(result)

    def start_device_sign_in(self) -> dict[str, Any]:
        """Begin a device-code sign-in: show ``flow["message"]`` (the address and the code), then
        call :meth:`finish_device_sign_in` with the flow."""
        with self._network():
            flow: dict[str, Any] = self.app.initiate_device_flow(scopes=USER_SCOPES)
        if "user_code" not in flow:
            raise ours.ExchangeUnauthorized(
                username=self.who,
                url=self.settings.authority_host,
                detail=str(flow.get("error_description", ""))[:200],
            )
        return flow

    def finish_device_sign_in(self, flow: dict[str, Any]) -> str:
        """Wait until the person has signed in with the code (blocks: not on the GUI thread; set
        ``flow["expires_at"] = 0`` from another thread to give up); returns who signed in."""
        with self._network():
            result = self.app.acquire_token_by_device_flow(flow)
        with self._lock:
            self._save()
        self._access_token(result)
        return str(result.get("id_token_claims", {}).get("preferred_username") or "")

    def _forget_access_tokens(self) -> None:
        for token in list(self.cache.search(msal.TokenCache.CredentialType.ACCESS_TOKEN)):
            self.cache.remove_at(token)

    def _access_token(self, result: dict[str, Any] | None, username: str = "") -> str:
        if result and "access_token" in result:
            return str(result["access_token"])
        error = (result or {}).get("error", "")
        detail = str((result or {}).get("error_description", ""))[:200]
        who = username or self.who
        if error in _REFUSED:
            raise ours.unauthorized(
                self.app_only and not username, username=who, url=self.settings.authority_host, detail=detail
            )
        raise ours.ExchangeServerError(url=self.settings.authority_host, detail=detail or error or "no token")

    def _save(self) -> None:
        path: Path | None = self.settings.token_cache
        if path is None or not self.cache.has_state_changed:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(path.name + ".tmp")
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(self.cache.serialize())
        os.replace(temporary, path)
        self.cache.has_state_changed = False
