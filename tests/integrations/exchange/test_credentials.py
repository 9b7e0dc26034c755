"""Exchange Online credentials (issue 15, point 8): EWS with OAuth2 gets its client secret, and a
Graph app without a user name keeps its secret under a key of its own, so what "Testa
anslutningen" and the background sync read is the same secret."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest

from satellitkontor.services.exchange.config import (
    ExchangeConfig,
    make_backend,
    save_password,
    secret_key,
    secret_of,
)
from tests.gui.test_exchange_box import MemoryKeyring


@pytest.fixture
def ring(monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    monkeypatch.delenv("SATELLITKONTOR_EWS_PASSWORD", raising=False)
    before = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(before)


def test_ews_with_oauth2_gets_its_client_secret(ring: MemoryKeyring) -> None:
    config = ExchangeConfig(
        backend="ews", url="https://outlook.office365.com/EWS/Exchange.asmx", account="svc@umea.se",
        auth="oauth2", tenant_id="umea-tenant", client_id="app-id",
    )  # fmt: skip
    save_password(secret_key(config), "app-hemlighet")
    backend = make_backend(config)
    try:
        settings = backend.settings  # type: ignore[attr-defined]
        assert settings.client_secret == "app-hemlighet" and settings.password == ""
    finally:
        backend.close()


def test_a_graph_app_without_user_name_reads_back_the_secret_it_saved(ring: MemoryKeyring) -> None:
    config = ExchangeConfig(backend="graph", tenant_id="umea-tenant", client_id="app-id", username="")
    assert secret_key(config) not in ("", None)
    save_password(secret_key(config), "app-hemlighet")
    assert secret_of(config) == "app-hemlighet"
    other = ExchangeConfig(backend="graph", tenant_id="umea-tenant", client_id="another-app")
    assert secret_of(other) == ""  # each app its own key
    backend = make_backend(config)  # what the background sync builds
    try:
        assert backend.settings.client_secret == "app-hemlighet"  # type: ignore[attr-defined]
    finally:
        backend.close()
    assert secret_key(ExchangeConfig(username="svc")) == "svc"  # with a user name: as before
