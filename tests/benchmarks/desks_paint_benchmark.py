"""Boka plats' day as the GUI thread draws it (issue 18: the first paint of the day's desks was one
long turn of the GUI thread).

    python -m tests.benchmarks.desks_paint_benchmark [--repeat 30]

On the demo office, on the busiest of the next ten open days, in one run:

- the floor plan's paint, as drawn (no antialiasing but the text's, gui/widgets/floor_plan.py)
  and with antialiasing switched on for the same view, as it was drawn before; the ratio of the two;
- the desk list: the day set on the model, then every cell asked for the nine roles a table view
  asks while it paints and sizes its columns (gui/models/desk_day_model.py works the words out
  once per day).

Medians of ``--repeat`` runs after one warm-up, offscreen Qt. Figures, not assertions.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # after the platform is chosen
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication

from satellitkontor.domain import clock as clk
from satellitkontor.services.app_services import open_office
from satellitkontor.services.demo import DemoService
from satellitkontor.storage.database import sqlite_url

#: What a QTableView asks each cell for while it paints and sizes its columns to their contents.
ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.DecorationRole,
    Qt.ItemDataRole.FontRole,
    Qt.ItemDataRole.TextAlignmentRole,
    Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.CheckStateRole,
    Qt.ItemDataRole.SizeHintRole,
    Qt.ItemDataRole.ToolTipRole,
)
#: The plan's size in Boka plats on a 1920x1080 screen (resources/screenshots/book-1920x1080.png).
PLAN_W, PLAN_H = 1410, 460


def median_ms(work: Callable[[], object], repeat: int) -> float:
    work()
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication([])
    from satellitkontor.gui import theme
    from satellitkontor.gui.models.desk_day_model import DeskDayModel
    from satellitkontor.gui.widgets.floor_plan import FloorPlan

    theme.apply(app)
    with tempfile.TemporaryDirectory(prefix="sk_paint_") as tmp:
        services = open_office(sqlite_url(Path(tmp) / "demo.sqlite3"))
        try:
            DemoService(services.db, services.clock).create()
            services.load(("occupancy",))
            calendar = services.occupancy.calendar()
            day = clk.local_date(services.clock())
            days = []
            for _ in range(10):  # the busiest of the next ten open days: most halves hatched
                day = calendar.next_open_day(day, 1)
                days.append(services.occupancy.day(day, viewer_id=None))
            occupancy = min(days, key=lambda d: d.desks_free)
        finally:
            services.close()
    me = next((b.person_id for d in occupancy.desks for b in d.bookings), None)
    desks = list(occupancy.desks)

    plan = FloorPlan()
    plan.resize(PLAN_W, PLAN_H)
    plan.set_resources([r.resource for r in occupancy.resources])
    for desk in desks:
        plan.desk_item(desk.resource.name).set_day(desk, show_names=True, closed=False, me=me)
    plan.show()
    app.processEvents()

    def paint(smooth: bool) -> None:
        image = QImage(PLAN_W, PLAN_H, QImage.Format.Format_ARGB32_Premultiplied)
        painter = QPainter(image)
        painter.setRenderHints(plan.renderHints())  # as the view's own paint event does
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, smooth)
        plan.render(painter)
        painter.end()

    drawn = median_ms(lambda: paint(False), args.repeat)
    smoothed = median_ms(lambda: paint(True), args.repeat)

    model = DeskDayModel()

    def cells() -> None:
        model.set_desks(desks, show_names=True, me=me)
        for row in range(model.rowCount()):
            for col in range(model.columnCount()):
                index = model.index(row, col)
                for role in ROLES:
                    model.data(index, role)

    listed = median_ms(cells, args.repeat)
    asked = len(desks) * model.columnCount() * len(ROLES)
    taken = len(desks) - occupancy.desks_free
    print(
        f"\nBoka plats' day {occupancy.day.isoformat()}: {len(desks)} desks, {taken} taken; median of {args.repeat}"
    )
    print(f"  floor plan paint ({PLAN_W}x{PLAN_H}), as drawn          {drawn:6.2f} ms")
    print(f"  the same with antialiasing (as before)       {smoothed:6.2f} ms   ({smoothed / drawn:.1f}x)")
    print(f"  desk list: set the day, {asked} cell questions  {listed:6.2f} ms")
    plan.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
