"""``satellitkontor sync`` as an admin and a receptionist meet it: settings from flags, the
password from the environment only, a run for a scheduled task, ``--status`` and ``--test`` in
words, and the password nowhere on disk afterwards."""

from __future__ import annotations

import contextlib
import io
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from satellitkontor.cli.main import main
from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.domain.errors import RuleViolation
from satellitkontor.storage.database import sqlite_url
from tests.conftest import MovableClock, make_office
from tests.integrations.exchange.conftest import PASSWORD, SERVICE, USER
from tests.integrations.exchange.fake_ews import FakeEws
from tests.integrations.exchange.sync_helpers import ANNA, fake_store

ADMIN = "asa.admin@umea.se"
RECEPTION = "rut@umea.se"


def run(url: str, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(["--db", url, *args])
        except SystemExit as exc:
            code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("SATELLITKONTOR_DB_URL", raising=False)
    monkeypatch.delenv("SATELLITKONTOR_USER", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("SATELLITKONTOR_LOG_DIR", str(tmp_path / "logs"))
    monkeypatch.setenv("SATELLITKONTOR_EWS_PASSWORD", PASSWORD)
    return tmp_path


def _book_a_desk(url: str, email: str = ANNA) -> int:
    """Anna (or ``email``) books Plats 2 on the next open day (the CLI runs on the real clock)."""
    from satellitkontor.services.app_services import open_office

    services = open_office(url, clock=MovableClock(datetime.now(UTC)))
    try:
        anna = services.office.person_by_email(email)
        desk = next(r for r in services.office.resources() if r.name == "Plats 2")
        for days in range(1, 20):
            try:
                day = (datetime.now(UTC) + timedelta(days=days)).date()
                return services.booking.book_desk(anna.id, desk.id, day, DeskPeriod.FULL_DAY).id
            except RuleViolation:
                continue
        raise AssertionError("no open day")
    finally:
        services.db.dispose()


def test_a_scheduled_run_with_the_server_down_then_up(env: Path) -> None:
    url = sqlite_url(env / "office.db")
    make_office(url, MovableClock(datetime.now(UTC))).services.db.dispose()
    store = fake_store()
    store.add_mailbox("plats2@umea.se", "Plats 2", kind="desk")
    with FakeEws(store, users={USER: (PASSWORD, SERVICE)}) as server:
        code, out, err = run(
            url, "--as", ADMIN, "sync", "--ews-url", server.url, "--account", SERVICE,
            "--username", USER, "--auth", "basic", "--mailbox", "Plats 2=plats2@umea.se",
            "--save-settings", "--test",
        )  # fmt: skip
        assert code == 0, out + err
        assert "sparades" in out and "Anslutningen till Exchange fungerar." in out
        url_ok = server.url
    _book_a_desk(url)  # the server is gone now (its port closed)

    code, out, _ = run(url, "--as", ADMIN, "sync")
    assert code == 1
    assert "svarar inte" in out and "1 ändringar väntar" in out
    code, out, _ = run(url, "--as", RECEPTION, "sync", "--status")
    assert code == 0
    assert "Väntar: 1" in out and "Plats 2" in out and "Exchange-servern svarar inte" in out

    # The same address answers again: the next run after the back-off pushes it.
    with FakeEws(store, users={USER: (PASSWORD, SERVICE)}) as server:
        code, out, _ = run(url, "--as", ADMIN, "sync", "--ews-url", server.url, "--save-settings")
        assert code in (0, 1)
        with_db = _force_due(url)
        assert with_db == 1
        code, out, _ = run(url, "--as", ADMIN, "sync")
        assert code == 0, out
        assert len(store.events(ANNA)) == 1
    code, out, _ = run(url, "--as", RECEPTION, "sync", "--status")
    assert "Inget väntar" in out
    assert url_ok

    # The password was used on every run, but was written nowhere.
    secret = PASSWORD.encode()
    files = [p for p in env.rglob("*") if p.is_file()]
    assert any(p.suffix in (".db", ".sqlite3") or p.name == "office.db" for p in files)
    leaked = [str(p) for p in files if secret in p.read_bytes()]
    assert leaked == []
    assert os.environ["SATELLITKONTOR_EWS_PASSWORD"] == PASSWORD  # it was there to leak


def _force_due(url: str) -> int:
    """Skip the back-off (the CLI runs on the real clock; the wait itself is tested elsewhere)."""
    from satellitkontor.storage.database import Database
    from satellitkontor.storage.models import ExchangeOutboxRow

    db = Database(url)
    try:
        with db.session(write=True) as s:
            rows = s.query(ExchangeOutboxRow).filter(ExchangeOutboxRow.done_at.is_(None)).all()
            for row in rows:
                row.next_attempt_at = datetime.now(UTC) - timedelta(seconds=1)
            return len(rows)
    finally:
        db.dispose()


def test_test_says_in_words_what_is_wrong(env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = sqlite_url(env / "office.db")
    make_office(url, MovableClock(datetime.now(UTC))).services.db.dispose()
    monkeypatch.setenv("SATELLITKONTOR_EWS_PASSWORD", "fel-lösenord")
    with FakeEws(fake_store(), users={USER: (PASSWORD, SERVICE)}) as server:
        code, out, _ = run(
            url, "--as", ADMIN, "sync", "--test", "--ews-url", server.url, "--account", SERVICE,
            "--username", USER, "--auth", "basic",
        )  # fmt: skip
    assert code == 1
    assert "godtar inte inloggningen för svc" in out
    assert "fel-lösenord" not in out


def test_only_admins_change_settings_and_users_do_not_see_the_status(env: Path) -> None:
    url = sqlite_url(env / "office.db")
    make_office(url, MovableClock(datetime.now(UTC))).services.db.dispose()
    code, out, err = run(url, "--as", ANNA, "sync", "--status")
    assert code != 0 and "Plats" not in out and err.strip()
    code, _, _ = run(
        url, "--as", RECEPTION, "sync", "--ews-url", "http://x", "--account", "a@b", "--save-settings"
    )
    assert code != 0


def test_bookings_made_before_the_sync_are_sent_when_it_is_switched_on_and_on_resend(env: Path) -> None:
    url = sqlite_url(env / "office.db")
    make_office(url, MovableClock(datetime.now(UTC))).services.db.dispose()
    _book_a_desk(url)  # before any Exchange settings
    store = fake_store()
    store.add_mailbox("plats2@umea.se", "Plats 2", kind="desk")
    with FakeEws(store, users={USER: (PASSWORD, SERVICE)}) as server:
        code, out, _ = run(
            url, "--as", ADMIN, "sync", "--ews-url", server.url, "--account", SERVICE,
            "--username", USER, "--auth", "basic", "--mailbox", "Plats 2=plats2@umea.se",
            "--save-settings", "--test",
        )  # fmt: skip
        assert code == 0 and "1 kommande bokningar köades till Outlook." in out, out
        code, out, _ = run(url, "--as", RECEPTION, "sync", "--status")
        assert "Väntar: 1" in out and "Inget väntar" not in out
        code, out, _ = run(url, "--as", ADMIN, "sync")
        assert code == 0 and len(store.events(ANNA)) == 1, out
        store.delete(ANNA, store.events(ANNA)[0].id)
        code, out, _ = run(url, "--as", ADMIN, "sync", "--resend")
        assert code == 0 and "1 kommande bokningar köades till Outlook." in out, out
        assert len(store.events(ANNA)) == 1
        code, out, _ = run(url, "--as", RECEPTION, "sync", "--resend")
        assert code != 0  # an admin's task


def test_a_national_cloud_is_a_setting(env: Path) -> None:
    from satellitkontor.services.app_services import open_office
    from satellitkontor.services.exchange.config import make_backend

    url = sqlite_url(env / "office.db")
    make_office(url, MovableClock(datetime.now(UTC))).services.db.dispose()
    _code, out, err = run(
        url, "--as", ADMIN, "sync", "--graph", "--tenant", "umea-tenant", "--client-id", "app-id",
        "--graph-url", "https://graph.microsoft.us/v1.0", "--authority-url", "https://login.microsoftonline.us",
        "--save-settings", "--test",
    )  # fmt: skip
    assert "sparades" in out, out + err
    services = open_office(url, clock=MovableClock(datetime.now(UTC)))
    try:
        config = services.exchange.config()
        assert (config.graph_url, config.authority_url) == (
            "https://graph.microsoft.us/v1.0",
            "https://login.microsoftonline.us",
        )
        backend = make_backend(config, "hemlighet")
        try:
            settings = backend.settings  # type: ignore[attr-defined]
            assert settings.graph_url == "https://graph.microsoft.us/v1.0"
            assert settings.authority_host == "https://login.microsoftonline.us"
        finally:
            backend.close()
    finally:
        services.db.dispose()


def test_a_mailbox_out_of_reach_stays_in_the_status_until_an_admin_dismisses_it(env: Path) -> None:
    cecilia = "cecilia.ek@ornskoldsvik.se"  # another organisation: no mailbox on this server
    url = sqlite_url(env / "office.db")
    make_office(url, MovableClock(datetime.now(UTC))).services.db.dispose()
    store = fake_store()
    store.add_mailbox("plats2@umea.se", "Plats 2", kind="desk")
    _book_a_desk(url, cecilia)
    with FakeEws(store, users={USER: (PASSWORD, SERVICE)}) as server:
        code, out, _ = run(
            url, "--as", ADMIN, "sync", "--ews-url", server.url, "--account", SERVICE,
            "--username", USER, "--auth", "basic", "--mailbox", "Plats 2=plats2@umea.se", "--save-settings",
        )  # fmt: skip
        assert code == 0, out
        [event] = store.events(SERVICE)  # sent from the office's mailbox, Cecilia invited
        assert [a.mailbox for a in event.required] == [cecilia]
    code, out, _ = run(url, "--as", RECEPTION, "sync", "--status")
    assert "Inget väntar" in out  # pushed, and still:
    assert "Postlådor kontot inte når" in out and f"når inte postlådan {cecilia}" in out
    code, out, _ = run(url, "--as", RECEPTION, "sync", "--dismiss")
    assert code != 0  # an admin's task
    code, out, _ = run(url, "--as", ADMIN, "sync", "--dismiss", cecilia)
    assert code == 0 and "1 meddelanden" in out
    code, out, _ = run(url, "--as", RECEPTION, "sync", "--status")
    assert cecilia not in out
