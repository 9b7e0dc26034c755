"""Started where there is no screen (a server, an SSH session), the app says so in Swedish and
names the command line, with exit status 2, instead of Qt's abort (exit 134, English lines)."""

from __future__ import annotations

import os
import subprocess
import sys

from satellitkontor.cli.main import has_display


def test_without_a_display_the_app_says_so_and_names_the_cli(tmp_path) -> None:  # type: ignore[no-untyped-def]
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["SATELLITKONTOR_LANG"] = "sv"
    env["HOME"] = str(tmp_path)
    env["XDG_CONFIG_HOME"] = str(tmp_path)
    db = tmp_path / "office.sqlite3"
    done = subprocess.run(
        [sys.executable, "-m", "satellitkontor", "--db", f"sqlite:///{db}"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "behöver en skärm" in done.stderr
    assert "satellitkontor --help" in done.stderr
    assert "qt.qpa" not in done.stderr and "Aborted" not in done.stderr


def test_which_systems_have_a_display() -> None:
    assert has_display({}, "win32") and has_display({}, "darwin")
    assert not has_display({}, "linux")
    assert has_display({"DISPLAY": ":0"}, "linux")
    assert has_display({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert has_display({"QT_QPA_PLATFORM": "offscreen"}, "linux")
