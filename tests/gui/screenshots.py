"""Screenshots of each main view, from the real app on a real X server (Xvfb).

    python -m tests.gui.screenshots [--out resources/screenshots] [--size 1280x720] [--dark]

For each screen size (1280x720, the smallest screen the app must be usable on, and 1920x1080)
starts Xvfb on a free display, builds the demo office with the clock pinned to Monday 23 November 2026 10:15, starts the app as the
demo's administrator with the app's look (gui/theme.py) and, for each view, in Swedish and in
English, shows it and takes the whole screen with ImageMagick's ``import -window root``, saved as
``<view>-<size>.png`` (Swedish) and ``<view>-<size>-en.png``; with ``--dark``, in the dark palette,
``<view>-<size>-dark.png`` and ``<view>-<size>-en-dark.png``. Needs the Debian packages xvfb, x11-utils and imagemagick (not run in CI).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

SIZES = ("1280x720", "1920x1080")
#: Views by key; "view:page" is a page (tab) of a view, saved as "view-page-<size>.png".
VIEWS = (
    "book",
    "room",
    "mine",
    "day",
    "rotation",
    "admin",
    "admin:integrations",
    "admin:statistics",
    "admin:audit",
)
#: What a title bar and a task bar take of the screen: the window gets the rest.
TITLE_AND_TASK_BAR = 70


def start_xvfb(size: str) -> tuple[subprocess.Popen[bytes], str]:
    for n in range(99, 120):
        if not Path(f"/tmp/.X11-unix/X{n}").exists():
            display = f":{n}"
            proc = subprocess.Popen(["Xvfb", display, "-screen", "0", f"{size}x24", "-nolisten", "tcp"])
            for _ in range(50):
                if Path(f"/tmp/.X11-unix/X{n}").exists():
                    return proc, display
                time.sleep(0.1)
            proc.kill()
    raise RuntimeError("no free X display")


def app_main(out: Path, db: Path, settings: Path, lang: str, size: str, dark: bool = False) -> int:
    """Runs inside the X session: the real app, view by view."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from satellitkontor.domain import clock as clk
    from satellitkontor.gui import theme
    from satellitkontor.gui.app import DesktopApp
    from satellitkontor.gui.settings import AppSettings
    from satellitkontor.storage.locations import sqlite_url

    moment = datetime(2026, 11, 23, 10, 15, tzinfo=clk.OFFICE_TZ)
    app = QApplication([sys.argv[0]])
    app.setApplicationDisplayName("Satellitkontoret")
    theme.apply(app, dark=dark)
    desktop = DesktopApp(
        AppSettings.at(str(settings)), sqlite_url(db), lang, clock=lambda: moment, show_tour=False
    )
    desktop.start()
    window = desktop.window
    width, height = (int(n) for n in size.split("x"))
    window.resize(width, height - TITLE_AND_TASK_BAR)
    window.move(0, 0)
    steps = list(VIEWS)

    def shoot(name: str) -> None:
        subprocess.run(["import", "-window", "root", str(out / name)], check=True)
        print("wrote", out / name, flush=True)

    def next_view() -> None:
        if not steps:
            app.quit()
            return
        key = steps.pop(0)
        view, _, page = key.partition(":")
        desktop.window.show_view(view)
        if page:
            tabs = desktop.window.views[view]
            tabs.tabs.setCurrentWidget(tabs.pages[page])  # type: ignore[attr-defined]
        suffix = (f"-{size}" if lang == "sv" else f"-{size}-{lang}") + ("-dark" if dark else "")
        name = key.replace(":", "-")
        QTimer.singleShot(1500, lambda: (shoot(f"{name}{suffix}.png"), next_view()))

    QTimer.singleShot(2500, next_view)
    return app.exec()


def _my_bookings(services: Any) -> None:
    """A few bookings of the admin's own, so that "Mina bokningar" has something to show."""
    from datetime import date, time

    from satellitkontor.domain import clock as clk
    from satellitkontor.domain.bookings import DeskPeriod
    from satellitkontor.domain.recurrence import Recurrence

    me = services.office.person_by_email("sofia.lindqvist@umea.se")
    rooms = [r for r in services.office.resources() if r.kind.value == "room"]
    desks = [r for r in services.office.resources() if r.kind.value == "desk"]
    day = services.occupancy.day(date(2026, 11, 26))
    free = next(d.resource for d in day.desks if d.state == "free")
    services.booking.book_desk(me.id, free.id, date(2026, 11, 26), DeskPeriod.FULL_DAY)
    services.booking.book_room(
        me.id,
        rooms[0].id,
        clk.local(date(2026, 11, 27), time(8, 0)),
        clk.local(date(2026, 11, 27), time(9, 30)),
        8,
        "Ledningsgrupp Umeåregionen",
    )
    weekly = Recurrence.weekly(date(2026, 12, 1), (1,), count=6)
    services.booking.book_series(me.id, desks[-1].id, weekly, period=DeskPeriod.AFTERNOON)
    _feeds(services, me.id)


def _feeds(services: Any, admin_id: int) -> None:
    """Two published calendar feeds and a revoked one, for Administration → Kalendrar och Exchange."""
    from satellitkontor.domain.feeds import FeedKind, FeedSpec, Privacy

    publishing = services.feed_publishing
    publishing.publish(
        admin_id, FeedSpec(FeedKind.OFFICE), Privacy.PUBLIC, "Satellitkontoret – hela kontoret"
    )
    publishing.publish(
        admin_id, FeedSpec(FeedKind.ROTATION), Privacy.PUBLIC, "Umeåregionen – värdkommun och möten"
    )
    old = publishing.publish(admin_id, FeedSpec(FeedKind.MUNICIPALITY, "vannas"), Privacy.INTERNAL, None)
    publishing.revoke(admin_id, old.view.id)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("resources/screenshots"))
    parser.add_argument("--inside", nargs=6, help=argparse.SUPPRESS)
    parser.add_argument("--dark", action="store_true", help="the dark palette")
    parser.add_argument("--size", choices=SIZES, action="append", help="only these sizes")
    args = parser.parse_args(argv)
    if args.inside:
        out, db, settings, lang, size, look = args.inside
        return app_main(Path(out), Path(db), Path(settings), lang, size, look == "dark")

    from datetime import datetime as dt

    from satellitkontor.domain import clock as clk
    from satellitkontor.services.app_services import open_office
    from satellitkontor.services.demo import DemoService
    from satellitkontor.storage.locations import sqlite_url

    args.out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="sk_shots_"))
    try:
        moment = dt(2026, 11, 23, 10, 15, tzinfo=clk.OFFICE_TZ)
        services = open_office(sqlite_url(tmp / "demo.sqlite3"), clock=lambda: moment)
        DemoService(services.db, services.clock).create()
        _my_bookings(services)
        services.close()
        for size in args.size or SIZES:
            xvfb, display = start_xvfb(size)
            try:
                env = dict(
                    os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", XDG_CONFIG_HOME=str(tmp / "cfg")
                )
                env["SATELLITKONTOR_USER"] = "sofia.lindqvist@umea.se"
                for lang in ("sv", "en"):
                    subprocess.run(
                        [sys.executable, "-m", "tests.gui.screenshots", "--inside", str(args.out.resolve()),
                         str(tmp / "demo.sqlite3"), str(tmp / f"settings-{size}-{lang}.ini"), lang, size,
                         "dark" if args.dark else "light"],
                        env=env, check=True, timeout=180,
                    )  # fmt: skip
            finally:
                xvfb.terminate()
                xvfb.wait()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
