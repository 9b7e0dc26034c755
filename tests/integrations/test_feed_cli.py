"""``satellitkontor feeds publish|list|revoke`` and ``serve-feeds`` as an admin uses them: real
SQLite files, the real command line, and serve-feeds as a real process on a free port."""

from __future__ import annotations

import contextlib
import io
import os
import queue
import re
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from satellitkontor.cli.main import main
from satellitkontor.storage.database import sqlite_url
from tests.integrations.feed_server_helpers import request

ADMIN = "asa@umea.se"


@pytest.fixture
def url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    for name in ("SATELLITKONTOR_DB_URL", "SATELLITKONTOR_USER", "SATELLITKONTOR_FEEDS_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("SATELLITKONTOR_LOG_DIR", str(tmp_path / "logs"))
    db = sqlite_url(tmp_path / "cli.sqlite3")
    for args in (
        [
            "person",
            "add",
            "--name",
            "Åsa Admin",
            "--email",
            ADMIN,
            "--municipality",
            "Umeå",
            "--role",
            "admin",
        ],
        [
            "--as",
            ADMIN,
            "person",
            "add",
            "--name",
            "Örjan Ödmark",
            "--email",
            "orjan@vannas.se",
            "--municipality",
            "vannas",
        ],
    ):
        code, _, err = run(db, *args)
        assert code == 0, err
    return db


def run(url: str, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(["--db", url, *args])
        except SystemExit as exc:  # argparse
            code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()


def _feed_url(out: str) -> str:
    found = re.findall(r"^(http://\S+/feeds/[A-Za-z0-9_-]{43}\.ics)$", out, re.M)
    assert len(found) == 1, out
    return str(found[0])


def test_publish_prints_the_url_once_and_list_shows_only_its_hint(url: str) -> None:
    code, out, err = run(
        url,
        "--as",
        ADMIN,
        "feeds",
        "publish",
        "--feed",
        "resource",
        "--target",
        "Plats 3",
        "--label",
        "Plats 3 – öppen",
    )
    assert code == 0, err
    feed = _feed_url(out)
    token = feed.rsplit("/", 1)[1].removesuffix(".ics")
    assert feed.startswith("http://127.0.0.1:8765/feeds/")
    assert "visas bara nu" in out
    code, listed, _ = run(url, "--as", ADMIN, "feeds", "list")
    assert code == 0
    assert f"…{token[:6]}" in listed and "Plats 3 «Plats 3 – öppen»" in listed and "(publik)" in listed
    assert token not in listed
    code, out, _ = run(
        url,
        "--as",
        ADMIN,
        "feeds",
        "publish",
        "--feed",
        "municipality",
        "--target",
        "Vännäs",
        "--privacy",
        "internal",
        "--base-url",
        "https://kalender.umea.se/",
    )
    assert code == 0
    assert _feed_url(out.replace("https://", "http://")).startswith("http://kalender.umea.se/feeds/")


def test_revoke_and_list_all(url: str) -> None:
    _, out, _ = run(url, "--as", ADMIN, "feeds", "publish", "--feed", "office")
    assert run(url, "--as", ADMIN, "feeds", "publish", "--feed", "rotation")[0] == 0
    listed = run(url, "--as", ADMIN, "feeds", "list")[1]
    office_id = next(line.split()[0] for line in listed.splitlines() if "hela kontoret" in line)
    code, out, err = run(url, "--as", ADMIN, "feeds", "revoke", office_id)
    assert code == 0, err
    assert "återkallat" in out and "slutar fungera" in out
    assert "hela kontoret" not in run(url, "--as", ADMIN, "feeds", "list")[1]
    all_lines = run(url, "--as", ADMIN, "feeds", "list", "--all")[1]
    assert "hela kontoret" in all_lines and ", återkallat " in all_lines
    code, _, err = run(url, "--as", ADMIN, "feeds", "revoke", "999")
    assert code == 2 and "Det finns inget publicerat kalenderflöde «999»" in err


def test_only_admins_manage_feeds(url: str) -> None:
    code, out, err = run(url, "--as", "orjan@vannas.se", "feeds", "publish", "--feed", "office")
    assert code == 2 and out == ""
    assert "behörighet att publicera kalenderflöden" in err
    code, _, err = run(url, "--as", "orjan@vannas.se", "feeds", "list")
    assert code == 2 and "behörighet" in err
    code, _, err = run(url, "feeds", "list")
    assert code == 2 and "--as" in err


def test_publish_checks_its_target(url: str) -> None:
    code, _, err = run(url, "--as", ADMIN, "feeds", "publish", "--feed", "resource", "--target", "Plats 99")
    assert code == 2 and "Plats 99" in err
    code, _, err = run(url, "--as", ADMIN, "feeds", "publish", "--feed", "municipality", "--target", "Luleå")
    assert code == 2 and "Okänd kommun: Luleå" in err
    code, _, err = run(url, "--as", ADMIN, "feeds", "publish", "--feed", "person")
    assert code == 2 and err.startswith("fel: ")
    assert run(url, "--as", ADMIN, "feeds", "list")[1].strip() == "Inga publicerade flöden."


# --- serve-feeds as a real process ----------------------------------------------------------------
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Running:
    proc: subprocess.Popen[str]
    lines: queue.Queue[str]
    err: list[str]
    pumps: list[threading.Thread]

    def stop(self) -> tuple[int, str, str]:
        """SIGTERM (what a service manager sends), then everything it printed."""
        self.proc.terminate()
        code = self.proc.wait(timeout=30)
        for pump in self.pumps:
            pump.join(timeout=10)
        for stream in (self.proc.stdout, self.proc.stderr):
            if stream is not None:
                stream.close()
        return code, "".join(self.lines.queue), "".join(self.err)


def _start(url: str, *args: str) -> Running:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "satellitkontor", "--db", url, "serve-feeds", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=env,
    )
    lines: queue.Queue[str] = queue.Queue()
    err: list[str] = []

    def pump_out() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.put(line)

    def pump_err() -> None:
        assert proc.stderr is not None
        err.extend(proc.stderr)

    pumps = [threading.Thread(target=f, daemon=True) for f in (pump_out, pump_err)]
    for pump in pumps:
        pump.start()
    return Running(proc, lines, err, pumps)


def _wait_line(lines: queue.Queue[str], needle: str, timeout: float = 60) -> str:
    seen = []
    while True:
        try:
            line = lines.get(timeout=timeout)
        except queue.Empty:
            pytest.fail(f"{needle!r} not printed; got {seen}")
        seen.append(line)
        if needle in line:
            return line


def test_serve_feeds_serves_until_stopped(url: str, tmp_path: Path) -> None:
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    _, out, _ = run(url, "--as", ADMIN, "feeds", "publish", "--feed", "office", "--base-url", base)
    feed = _feed_url(out)
    folder = tmp_path / "ut"
    running = _start(url, "--port", str(port), "--folder", str(folder))
    lines = running.lines
    try:
        first = _wait_line(lines, "Kalenderflödena serveras på")
        assert f"{base}/feeds/<token>.ics" in first and "(1 publicerade)" in first
        _wait_line(lines, "Tryck Ctrl+C för att avsluta.")
        reply = request(feed)
        assert reply.status == 200
        assert reply.header("Content-Type") == "text/calendar; charset=utf-8"
        assert reply.body.startswith(b"BEGIN:VCALENDAR")
        assert request(feed.replace(".ics", "x.ics")).status == 404
        deadline = time.monotonic() + 10
        while not list(folder.glob("*.ics")) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(list(folder.glob("*.ics"))) == 1
    finally:
        code, out, err = running.stop()
    assert code == 0, err
    assert "Flödesservern är stoppad." in out
    assert "Traceback" not in err
    assert feed.rsplit("/", 1)[1] not in err  # no token on the console


def test_serve_feeds_on_a_port_in_use_says_so(url: str) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        proc = subprocess.run(
            [sys.executable, "-m", "satellitkontor", "--db", url, "serve-feeds", "--port", str(port)],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=60,
            env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        )
    assert proc.returncode == 2
    assert f"fel: Port {port} på 127.0.0.1 används redan av ett annat program" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_no_http_needs_a_folder(url: str) -> None:
    code, _, err = run(url, "serve-feeds", "--no-http")
    assert code == 2 and "--no-http behöver --folder" in err
