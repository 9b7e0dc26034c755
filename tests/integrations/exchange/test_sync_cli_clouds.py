"""A national cloud's addresses (issue 15, point 11) through the command line: a ``satellitkontor``
process of its own, given ``--graph-url`` and ``--authority-url`` (or the same in the machine
settings file), signs in at a local identity platform and syncs with a local Graph, both over TLS
with a certificate only the test's CA vouches for (see fake_https.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from satellitkontor.storage.database import sqlite_url
from tests.conftest import MovableClock, make_office
from tests.integrations.exchange.conftest import CLIENT_ID, PASSWORD
from tests.integrations.exchange.fake_https import HttpsFakeGraph
from tests.integrations.exchange.sync_helpers import ANNA, fake_store
from tests.integrations.exchange.test_sync_cli import ADMIN, _book_a_desk

ROOT = Path(__file__).resolve().parents[3]
TENANT = "umea-tenant"


def cli(env: dict[str, str], url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "satellitkontor", "--db", url, "--as", ADMIN, *args],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=120,
    )  # fmt: skip


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    keep = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("SATELLITKONTOR_", "SSL_CERT", "REQUESTS_CA"))
    }
    return {
        **keep,
        "PYTHONPATH": str(ROOT),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "SATELLITKONTOR_LOG_DIR": str(tmp_path / "logs"),
        "SATELLITKONTOR_SYSTEM_CONFIG": str(tmp_path / "machine.ini"),  # none, unless a test writes it
        "SATELLITKONTOR_EWS_PASSWORD": PASSWORD,  # the app's client secret
    }


def _office(tmp_path: Path) -> str:
    url = sqlite_url(tmp_path / "office.db")
    make_office(url, MovableClock(datetime.now(UTC))).services.db.dispose()
    return url


def _logins(cloud: HttpsFakeGraph) -> list[str]:
    return [r.operation for r in cloud.fake.store.requests if r.server == "login"]


def test_the_cloud_addresses_on_the_command_line_reach_that_cloud(
    tmp_path: Path, env: dict[str, str]
) -> None:
    url = _office(tmp_path)
    store = fake_store()
    store.add_mailbox("plats2@umea.se", "Plats 2", kind="desk")
    with HttpsFakeGraph(store, CLIENT_ID, PASSWORD, tmp_path) as cloud:
        flags = [
            "sync", "--graph", "--tenant", TENANT, "--client-id", CLIENT_ID,
            "--graph-url", cloud.graph_url, "--authority-url", cloud.authority_url,
            "--mailbox", "Plats 2=plats2@umea.se",
        ]  # fmt: skip
        untrusted = cli(env, url, *flags, "--test")  # the CA is not trusted: TLS refuses
        assert untrusted.returncode == 1, untrusted.stdout + untrusted.stderr
        assert "Anslutningen till Exchange fungerar." not in untrusted.stdout
        assert _logins(cloud) == []

        trusted = {**env, "SSL_CERT_FILE": str(cloud.ca_file)}
        done = cli(trusted, url, *flags, "--save-settings", "--test")
        assert done.returncode == 0, done.stdout + done.stderr
        assert "Anslutningen till Exchange fungerar." in done.stdout
        # msal read the tenant's OpenID configuration, then got a token by client credentials
        assert _logins(cloud)[:2] == ["openid-configuration", "token"]

        _book_a_desk(url)
        run = cli(trusted, url, "sync")  # the stored settings, the same cloud
        assert run.returncode == 0, run.stdout + run.stderr
        [event] = store.events(ANNA)
        assert event.resources and event.resources[0].mailbox == "plats2@umea.se"


def test_the_cloud_addresses_in_the_machine_settings_reach_that_cloud(
    tmp_path: Path, env: dict[str, str]
) -> None:
    url = _office(tmp_path)
    store = fake_store()
    with HttpsFakeGraph(store, CLIENT_ID, PASSWORD, tmp_path) as cloud:
        Path(env["SATELLITKONTOR_SYSTEM_CONFIG"]).write_text(
            f"[exchange]\ngraph_url={cloud.graph_url}\nauthority_url={cloud.authority_url}\n",
            encoding="utf-8",
        )
        trusted = {**env, "SSL_CERT_FILE": str(cloud.ca_file)}
        done = cli(
            trusted, url, "sync", "--graph", "--tenant", TENANT, "--client-id", CLIENT_ID,
            "--mailbox", "Plats 1=plats1@umea.se", "--test",
        )  # fmt: skip
        assert done.returncode == 0, done.stdout + done.stderr
        assert "Anslutningen till Exchange fungerar." in done.stdout
        assert "token" in _logins(cloud)
        assert [r.mailbox for r in store.requests if r.server == "graph"] == ["plats1@umea.se"]
