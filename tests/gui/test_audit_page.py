"""Administration → Ändringslogg: the entries newest first, before → after for the chosen one,
the filters, pages loaded while scrolling, the CSV export; no way to change an entry; and a
non-admin gets the refusal in words."""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import time, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QPushButton
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.domain.people import Role
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.models.audit_model import ACTION, CHANGE, SUBJECT, TARGET, WHO, AuditModel
from satellitkontor.gui.views.admin.audit_page import PAGE, AuditPage
from satellitkontor.gui.views.admin_view import AdminView
from satellitkontor.services.audit import trail as audit
from tests.conftest import MONDAY, Office
from tests.gui.conftest import error_boxes
from tests.services.helpers import TUESDAY, WEDNESDAY


def _changes(o: Office) -> None:
    """Monday: Anna books Plats 3 for Wednesday; Tuesday: Rut cancels it; Wednesday: Bertil's role."""
    o.clock.set_local(MONDAY, time(7, 40))
    booking = o.services.booking.book_desk(o.anna.id, o.desk(3).id, WEDNESDAY, DeskPeriod.FULL_DAY)
    o.clock.set_local(TUESDAY, time(10, 0))
    o.services.booking.cancel(o.reception.id, booking.id)
    o.clock.set_local(WEDNESDAY, time(9, 15))
    o.services.office.set_role(o.admin.id, o.bertil.id, Role.RECEPTIONIST)


def _open(
    qtbot: QtBot, ctx: AppContext, wait_idle: Callable[[], None], size: tuple[int, int] = (1280, 720)
) -> AuditPage:
    view = AdminView(ctx)
    qtbot.addWidget(view)
    view.resize(*size)
    view.show()
    page = view.pages["audit"]
    assert isinstance(page, AuditPage)
    view.tabs.setCurrentWidget(page)
    wait_idle()
    return page


def _column(page: AuditPage, col: int) -> list[str]:
    return [page.model.index(r, col).data() for r in range(page.model.rowCount())]


def test_newest_first_with_before_and_after(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    _changes(gui_office)
    page = _open(qtbot, make_ctx(gui_office.admin), wait_idle)
    assert page.page_title() == "Ändringslogg"
    assert _column(page, ACTION)[:3] == ["Roll ändrad", "Avbokad", "Bokning skapad"]
    assert _column(page, WHO)[:3] == ["Åsa Administratör", "Rut Receptionist", "Anna Andersson"]
    assert page.model.index(1, TARGET).data() == "Plats 3, ons 25 nov 2026 heldag"
    assert page.model.index(1, SUBJECT).data() == "Anna Andersson"
    assert page.model.index(1, CHANGE).data() == "status: bokad → avbokad"
    total = gui_office.services.audit.count(gui_office.admin.id)
    assert page.count_label.text() == f"{total} poster"

    assert "Välj en post" in page.details.toPlainText()
    page.select_entry(page.model.entry(1).id)  # type: ignore[union-attr]
    details = page.details.toPlainText()
    assert "Rut Receptionist" in details and "Avbokad" in details
    assert "status" in details and "bokad" in details and "avbokad" in details and "→" in details
    assert "tis 24 nov 2026" not in details  # the time is shown as 2026-11-24 10:00
    assert "2026-11-24 10:00" in details


def test_nothing_on_the_page_changes_an_entry(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    _changes(gui_office)
    page = _open(qtbot, make_ctx(gui_office.admin), wait_idle)
    model = page.model
    for r in range(model.rowCount()):
        for c in range(model.columnCount()):
            assert not model.flags(model.index(r, c)) & Qt.ItemFlag.ItemIsEditable
    assert page.table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    assert [b.objectName() for b in page.findChildren(QPushButton)] == ["auditExportCsv"]
    assert page.details.isReadOnly()
    assert {e.objectName() for e in page.findChildren(QLineEdit) if e.isVisible()} <= {
        "auditText",
        "qt_spinbox_lineedit",
    }
    before = gui_office.services.audit.count(gui_office.admin.id)
    page.table.setFocus()
    page.select_entry(model.entry(0).id)  # type: ignore[union-attr]
    for key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_F2, Qt.Key.Key_Return):
        QTest.keyClick(page.table, key)
    wait_idle()
    assert gui_office.services.audit.count(gui_office.admin.id) == before
    assert model.index(0, ACTION).data() == "Roll ändrad"


def test_filters(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    _changes(gui_office)
    page = _open(qtbot, make_ctx(gui_office.admin), wait_idle)
    with qtbot.waitSignal(page.data_loaded, timeout=5000):
        page.action_combo.setCurrentIndex(page.action_combo.findText("Avbokad"))
    assert _column(page, ACTION) == ["Avbokad"]
    assert page.count_label.text() == "1 post"

    with qtbot.waitSignal(page.data_loaded, timeout=5000):
        page.action_combo.setCurrentIndex(0)
    with qtbot.waitSignal(page.data_loaded, timeout=5000):
        page.text_edit.setText("ÖBERG")  # after a short pause in typing
    assert _column(page, ACTION) == ["Roll ändrad", "Person tillagd"]
    with qtbot.waitSignal(page.data_loaded, timeout=5000):
        page.text_edit.clear()
        qtbot.keyClicks(page.text_edit, "plats 3")
    assert _column(page, ACTION) == ["Avbokad", "Bokning skapad", "Plats eller rum tillagt"]

    with qtbot.waitSignal(page.data_loaded, timeout=5000):
        page.set_period(TUESDAY, WEDNESDAY)
    assert page.period_check.isChecked() and page.from_edit.isEnabled()
    assert _column(page, ACTION) == ["Avbokad"]
    assert page.filters() == {"since": TUESDAY, "until": WEDNESDAY, "text": "plats 3"}
    with qtbot.waitSignal(page.data_loaded, timeout=5000):
        page.period_check.setChecked(False)
    assert len(_column(page, ACTION)) == 3


def test_long_logs_load_a_page_at_a_time(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    o = gui_office
    with o.services.db.session(write=True) as s:
        for n in range(2 * PAGE + 50):
            audit.record(
                s,
                at=o.clock.moment + timedelta(minutes=n),
                actor=None,
                action="booking.check_in",
                entity="booking",
                entity_id=100_000 + n,
                before={"status": "confirmed"},
                after={"status": "checked_in"},
            )
    total = o.services.audit.count(o.admin.id)
    page = _open(qtbot, make_ctx(o.admin), wait_idle)
    assert page.model.loaded() == PAGE and page.model.total == total
    assert page.count_label.text() == f"{PAGE} av {total} poster visas"
    assert page.model.canFetchMore()
    while page.model.loaded() < total:
        with qtbot.waitSignal(page.more_loaded, timeout=5000):
            page.table.scrollToBottom()
            page.model.fetchMore()
    assert not page.model.canFetchMore()
    assert page.count_label.text() == f"{total} poster"
    ids = [page.model.entry(r).id for r in range(page.model.rowCount())]  # type: ignore[union-attr]
    assert len(set(ids)) == total  # no entry twice, none missing


def test_csv_export_follows_the_filters(
    qtbot: QtBot,
    make_ctx: Callable[..., AppContext],
    gui_office: Office,
    wait_idle: Callable[[], None],
    tmp_path: Path,
) -> None:
    _changes(gui_office)
    page = _open(qtbot, make_ctx(gui_office.admin), wait_idle)
    with qtbot.waitSignal(page.data_loaded, timeout=5000):
        page.action_combo.setCurrentIndex(page.action_combo.findText("Bokning skapad"))
    path = tmp_path / "logg.csv"
    with qtbot.waitSignal(page.exported, timeout=5000):
        page.export_csv(str(path))
    assert page.status_label.text() == f"1 post sparades i {path}"
    rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0][:3] == ["Tid", "Vem", "Händelse"]
    assert [r[2] for r in rows[1:]] == ["Bokning skapad"]
    assert rows[1][6] == "Plats 3, ons 25 nov 2026 heldag"


def test_a_non_admin_is_refused_in_words(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    page = AuditPage(make_ctx(gui_office.reception))
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    wait_idle()
    assert page.model.rowCount() == 0
    boxes = error_boxes()
    assert len(boxes) == 1 and "se ändringsloggen" in boxes[0].text()


def test_the_model_passes_the_model_tester(qtmodeltester: ModelTester, gui_office: Office) -> None:
    _changes(gui_office)
    model = AuditModel("sv")
    entries = gui_office.services.audit.entries(gui_office.admin.id, limit=5)
    model.set_entries(entries[:3], 5)
    qtmodeltester.check(model)
    model = AuditModel("sv")  # the tester asks for more itself: a fresh model for the paging
    model.set_entries(entries[:3], 5)
    assert model.canFetchMore()
    wanted: list[bool] = []
    model.more_wanted.connect(lambda: wanted.append(True))
    model.fetchMore()
    model.fetchMore()  # once until the page arrives
    assert wanted == [True] and not model.canFetchMore()
    model.append_entries(entries[3:])
    assert model.rowCount() == 5 and not model.canFetchMore()
    assert model.index(4, ACTION).data() == entries[4].action_label
    for col in range(model.columnCount()):  # what the page measures is what the cells show
        shown = {model.index(row, col).data() for row in range(4)}
        assert model.column_texts(col, 4) == shown, col
    qtmodeltester.check(AuditModel("en"))


def test_at_the_smallest_screen_every_column_and_the_search_hint_fit(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    """The administration's part of a 1280x720 window (the list of views takes the rest): the
    list needs no sideways scrolling, what changed keeps a column of its own, and the search
    field shows its hint whole (at 1280x720 all three were cut off)."""
    _changes(gui_office)
    for lang in ("sv", "en"):
        page = _open(qtbot, make_ctx(gui_office.admin, lang=lang), wait_idle, size=(1090, 650))
        table, header = page.table, page.table.horizontalHeader()
        assert table.horizontalScrollBar().maximum() == 0, lang
        assert header.sectionSize(CHANGE) >= 150, (lang, header.sectionSize(CHANGE))
        names = table.fontMetrics().horizontalAdvance("Sofia Admin Lindqvist")
        assert header.sectionSize(WHO) > names, lang  # a long name whole
        edit = page.text_edit
        hint = edit.fontMetrics().horizontalAdvance(edit.placeholderText())
        assert edit.width() > hint + 20, (lang, edit.width(), hint)
