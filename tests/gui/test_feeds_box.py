"""Administration → Kalendrar och Exchange, the iCal feeds: publishing a feed (its address shown
once and working), revoking it, and saving a feed as a file, through the real widgets on a real
SQLite office."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime, time
from pathlib import Path

import icalendar
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from satellitkontor.domain import clock as clk
from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.domain.feeds import FeedKind, FeedSpec, Privacy
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.models.published_feeds_model import CREATED, HINT, LABEL, PRIVACY, SHOWS, STATUS
from satellitkontor.gui.settings import AppSettings
from satellitkontor.gui.views.admin.feeds_box import FeedsBox
from satellitkontor.gui.views.admin.integrations_page import IntegrationsPage
from satellitkontor.gui.views.admin_view import AdminView
from tests.conftest import Office
from tests.gui.conftest import error_boxes
from tests.gui.test_accessibility import _unnamed

BASE = "http://kontorsserver:8765"


@pytest.fixture
def box(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Callable[[], None]
) -> Iterator[FeedsBox]:
    """The page as Åsa (admin) sees it in the admin view, at 1280x720, loaded."""
    view = AdminView(make_ctx(gui_office.admin))
    qtbot.addWidget(view)
    view.resize(1280, 720)
    view.show()
    page = view.pages["integrations"]
    assert isinstance(page, IntegrationsPage)
    view.tabs.setCurrentWidget(page)
    wait_idle()
    page.feeds_box.native_file_dialogs = False
    yield page.feeds_box  # the view lives as long as the test


def _row_texts(box: FeedsBox, row: int) -> dict[int, str]:
    return {c: box.model.index(row, c).data() for c in range(box.model.columnCount())}


def _set_base_url(qtbot: QtBot, box: FeedsBox, text: str) -> None:
    box.base_url_edit.clear()
    qtbot.keyClicks(box.base_url_edit, text)
    box.base_url_edit.editingFinished.emit()


def _choose(combo: object, text: str) -> None:
    index = combo.findText(text)  # type: ignore[attr-defined]
    assert index >= 0, text
    combo.setCurrentIndex(index)  # type: ignore[attr-defined]


def _publish(
    qtbot: QtBot, box: FeedsBox, wait_idle: Callable[[], None], what: str, *, internal: bool = False
) -> str:
    """Publish ``what`` through the dialog; the URL the once-only dialog shows."""
    dialog = box.publish_new()
    assert dialog is not None
    _choose(dialog.feed_combo, what)
    if internal:
        qtbot.mouseClick(dialog.privacy.internal_radio, Qt.MouseButton.LeftButton)
    wait_idle()
    qtbot.mouseClick(dialog.publish_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert not isValid(dialog) or not dialog.isVisible()
    assert box.url_dialog is not None and box.url_dialog.isVisible()
    return box.url_dialog.url()


def _token(url: str) -> str:
    return url.rsplit("/", 1)[1].removesuffix(".ics")


def test_publish_a_feed_and_its_address_is_shown_once_and_works(
    qtbot: QtBot, box: FeedsBox, gui_office: Office, app_settings: AppSettings, wait_idle: Callable[[], None]
) -> None:
    assert box.model.rowCount() == 0 and box.empty_label.isVisible()
    _set_base_url(qtbot, box, BASE)

    dialog = box.publish_new()
    assert dialog is not None
    assert _unnamed(dialog) == []
    assert dialog.privacy.privacy() is Privacy.PUBLIC  # public unless the admin says otherwise
    _choose(dialog.feed_combo, "Plats 3 (kontorsplats)")
    wait_idle()
    assert dialog.label_edit.text() == "Satellitkontoret – Plats 3"  # prefilled with the title
    qtbot.mouseClick(dialog.publish_button, Qt.MouseButton.LeftButton)
    wait_idle()

    shown = box.url_dialog
    assert shown is not None and shown.isVisible()
    url = shown.url()
    assert url.startswith(BASE + "/feeds/") and url.endswith(".ics")
    assert shown.url_edit.isReadOnly()
    assert "Adressen visas bara nu" in shown.findChild(type(shown.copied_label), "onceNote").text()  # type: ignore[union-attr]
    assert _unnamed(shown) == []
    qtbot.mouseClick(shown.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == url

    # The address opens the feed of Plats 3, public.
    desk3 = gui_office.desk(3)
    assert gui_office.services.feed_publishing.resolve(_token(url)) == (
        FeedSpec(FeedKind.RESOURCE, str(desk3.id)),
        Privacy.PUBLIC,
    )
    # The list shows it, with only the token's first characters.
    assert box.model.rowCount() == 1 and not box.empty_label.isVisible()
    row = _row_texts(box, 0)
    assert row[LABEL] == "Satellitkontoret – Plats 3"
    assert row[SHOWS] == "Plats 3"
    assert row[PRIVACY] == "Offentligt: bara kommun"
    assert row[HINT] == _token(url)[:6] + "…"
    assert row[CREATED] == "mån 23 nov 2026, Åsa Administratör"
    assert row[STATUS] == "Aktivt"
    assert _token(url) not in "".join(row.values())
    # The feed server's address is kept for this database.
    assert app_settings.feeds_base_url(box.ctx.db_url) == BASE

    shown.close()
    qtbot.waitUntil(lambda: not isValid(shown))  # the address is gone with its dialog


def test_an_internal_person_feed_is_named_only_when_internal(
    qtbot: QtBot, box: FeedsBox, gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    dialog = box.publish_new()
    assert dialog is not None
    _choose(dialog.feed_combo, "Anna Andersson (person)")
    wait_idle()
    assert dialog.label_edit.text() == "Satellitkontoret – en persons bokningar"  # public: no name
    qtbot.mouseClick(dialog.privacy.internal_radio, Qt.MouseButton.LeftButton)
    wait_idle()
    assert dialog.label_edit.text() == "Satellitkontoret – Anna Andersson"
    qtbot.mouseClick(dialog.publish_button, Qt.MouseButton.LeftButton)
    wait_idle()
    url = box.url_dialog.url()  # type: ignore[union-attr]
    assert gui_office.services.feed_publishing.resolve(_token(url)) == (
        FeedSpec(FeedKind.PERSON, str(gui_office.anna.id)),
        Privacy.INTERNAL,
    )
    row = _row_texts(box, 0)
    assert row[SHOWS] == "Anna Andersson (person)"
    assert row[PRIVACY] == "Internt: namn"


def test_a_wrong_server_address_stops_publishing_with_a_reason(
    qtbot: QtBot, box: FeedsBox, app_settings: AppSettings
) -> None:
    _set_base_url(qtbot, box, "kontorsserver:8765")
    assert box.base_url_error.isVisible() and "http://" in box.base_url_error.text()
    assert not box.publish_button.isEnabled()
    assert box.publish_new() is None
    assert app_settings.feeds_base_url(box.ctx.db_url) != "kontorsserver:8765"


def test_revoke_a_feed_after_a_question(
    qtbot: QtBot, box: FeedsBox, gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    url = _publish(qtbot, box, wait_idle, "Vännäs (kommun)")
    box.url_dialog.close()  # type: ignore[union-attr]
    other = _publish(qtbot, box, wait_idle, "Hela kontoret")
    box.url_dialog.close()  # type: ignore[union-attr]
    assert box.model.rowCount() == 2
    assert not box.revoke_button.isEnabled()  # nothing chosen
    row = next(r for r in range(2) if _row_texts(box, r)[SHOWS] == "Vännäs (kommun)")
    box.table.selectRow(row)
    assert box.revoke_button.isEnabled()

    qtbot.mouseClick(box.revoke_button, Qt.MouseButton.LeftButton)
    question = box.confirm_box
    assert question is not None and question.isVisible()
    assert "Vännäs" in question.text()
    question.button(QMessageBox.StandardButton.No).click()  # "Behåll": nothing happens
    wait_idle()
    assert gui_office.services.feed_publishing.resolve(_token(url)) is not None

    box.table.selectRow(row)
    box.show_revoked.setChecked(True)
    wait_idle()
    row = next(r for r in range(2) if _row_texts(box, r)[SHOWS] == "Vännäs (kommun)")
    box.table.selectRow(row)
    question = box.revoke_selected()
    assert question is not None
    question.button(QMessageBox.StandardButton.Yes).click()
    wait_idle()
    assert gui_office.services.feed_publishing.resolve(_token(url)) is None
    assert gui_office.services.feed_publishing.resolve(_token(other)) is not None  # the other still works
    row = next(r for r in range(box.model.rowCount()) if _row_texts(box, r)[SHOWS] == "Vännäs (kommun)")
    assert _row_texts(box, row)[STATUS] == "Återkallat mån 23 nov 2026"
    box.table.selectRow(row)
    assert not box.revoke_button.isEnabled()  # already revoked
    assert "återkallat" in box.status_label.text()

    box.show_revoked.setChecked(False)  # revoked feeds are hidden again
    wait_idle()
    assert [_row_texts(box, r)[SHOWS] for r in range(box.model.rowCount())] == ["Hela kontoret"]
    assert error_boxes() == []


def _book(office: Office) -> None:
    booking = office.services.booking
    booking.book_desk(office.anna.id, office.desk(1).id, date(2026, 11, 24), DeskPeriod.FULL_DAY)
    booking.book_desk(office.bertil.id, office.desk(2).id, date(2026, 11, 25), DeskPeriod.MORNING)
    booking.book_room(
        office.cecilia.id,
        office.room.id,
        clk.local(date(2026, 11, 26), time(10, 0)),
        clk.local(date(2026, 11, 26), time(11, 0)),
        4,
        "Styrgrupp Åsele, Vännäs; Umeå",
    )


def test_save_the_office_feed_as_a_file(
    qtbot: QtBot, box: FeedsBox, gui_office: Office, tmp_path: Path, wait_idle: Callable[[], None]
) -> None:
    _book(gui_office)
    dialog = box.save_as_file()
    assert dialog is not None
    assert _unnamed(dialog) == []
    assert dialog.feed_combo.currentText() == "Hela kontoret"
    assert dialog.from_edit.date().toPython() == date(2026, 10, 24)  # 30 days back
    assert dialog.to_edit.date().toPython() == date(2027, 5, 22)  # 180 days ahead
    qtbot.mouseClick(dialog.privacy.internal_radio, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    files = box.file_dialog
    assert files is not None and files.isVisible()
    target = tmp_path / "kontoret.ics"
    files.selectFile(str(target))
    files.accept()
    wait_idle()

    assert box.status_label.text() == f"Sparade 3 händelser i {target}."
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    events = calendar.walk("VEVENT")
    assert len(events) == 3
    starts = [e.decoded("DTSTART") for e in events]
    assert sorted(s.date() if isinstance(s, datetime) else s for s in starts) == [
        date(2026, 11, 24),
        date(2026, 11, 25),
        date(2026, 11, 26),
    ]
    summaries = " ".join(str(e.get("SUMMARY")) for e in events)
    assert "Anna Andersson" in summaries  # internal: names
    assert "Styrgrupp Åsele, Vännäs; Umeå" in summaries  # commas and semicolons survive


def test_a_saved_feed_keeps_to_its_days(
    qtbot: QtBot, box: FeedsBox, gui_office: Office, tmp_path: Path, wait_idle: Callable[[], None]
) -> None:
    _book(gui_office)
    dialog = box.save_as_file()
    assert dialog is not None
    _choose(dialog.feed_combo, "Plats 1 (kontorsplats)")
    dialog.from_edit.setDate(dialog.from_edit.date().fromString("2026-11-24", "yyyy-MM-dd"))
    dialog.to_edit.setDate(dialog.to_edit.date().fromString("2026-11-30", "yyyy-MM-dd"))
    dialog.choose()
    target = tmp_path / "plats-1.ics"
    assert box.file_dialog is not None
    box.file_dialog.selectFile(str(target))
    box.file_dialog.accept()
    wait_idle()
    assert box.status_label.text() == f"Sparade 1 händelse i {target}."
    events = icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert len(events) == 1
    assert "Anna" not in str(events[0].get("SUMMARY"))  # public by default: no names


def test_the_dates_must_be_in_order(qtbot: QtBot, box: FeedsBox) -> None:
    dialog = box.save_as_file()
    assert dialog is not None
    dialog.to_edit.setDate(dialog.from_edit.date().addDays(-1))
    dialog.choose()
    assert dialog.isVisible() and dialog.error_label.isVisible()
    assert dialog.error_label.text() == "Sista dagen ligger före den första."
    assert box.file_dialog is None


def test_the_feeds_model_passes_the_model_tester(
    qtmodeltester: ModelTester, qtbot: QtBot, box: FeedsBox, wait_idle: Callable[[], None]
) -> None:
    _publish(qtbot, box, wait_idle, "Värdkommun och möten")
    assert _row_texts(box, 0)[SHOWS] == "Värdkommun och möten"
    qtmodeltester.check(box.model)
