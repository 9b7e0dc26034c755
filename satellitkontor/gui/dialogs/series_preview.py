"""Before a repeated booking is made: the dates that WILL be booked, the ones skipped and why, and
a "Bekräfta N bokningar" button that books them.

Both booking dialogs embed one :class:`SeriesPreview`. The dialog hands :meth:`SeriesPreview.preview`
a function ``book(dry_run) -> SeriesResult`` (a closure over ``BookingService.book_series``); the
preview runs it with ``dry_run=True`` off the GUI thread and shows the result, and the confirm
button runs it for real. A change in the dialog's inputs calls :meth:`clear`: an old preview is
never confirmed.

API:
    SeriesPreview(ctx, parent=None)
    .model: SeriesPreviewModel, .table: QTableView, .summary_label: QLabel, .confirm_button: QPushButton
    .preview(book), .clear(), .is_current() -> bool, .busy() -> bool
    .shown: Signal()            a dry run is on screen
    .booked: Signal(object)     list[BookingView] made by the confirmed series
    .failed: Signal(object)     the exception of the dry run or of the booking
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from satellitkontor.gui.context import AppContext
from satellitkontor.gui.models.series_preview_model import DATE, OUTCOME, REASON, SeriesPreviewModel
from satellitkontor.services.results import SeriesResult

BookSeries = Callable[[bool], SeriesResult]


class SeriesPreview(QWidget):
    shown = Signal()
    booked = Signal(object)
    failed = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("seriesPreview")
        self._book: BookSeries | None = None
        self._generation = 0
        self._busy = False
        #: Set by a dialog that changes a series: the summary counts what changes, is booked,
        #: cancelled and skipped, and the button saves the change.
        self.changing = False

        self.summary_label = QLabel()
        self.summary_label.setObjectName("seriesSummary")
        self.summary_label.setWordWrap(True)
        self.model = SeriesPreviewModel(ctx.lang, self)
        self.table = QTableView()
        self.table.setObjectName("seriesTable")
        self.table.setAccessibleName(self.tr("Tillfällen i serien"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        # a reason is a whole sentence: rows grow to hold it as the column wraps it
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(DATE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(OUTCOME, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(REASON, QHeaderView.ResizeMode.Stretch)
        # Beside the form (booking_dialog.py): as tall as the form; rows follow the reason's width.
        header.sectionResized.connect(lambda *_: QTimer.singleShot(0, self.table.resizeRowsToContents))
        self.table.setMinimumHeight(140)
        self.setMinimumWidth(420)
        self.confirm_button = QPushButton()
        self.confirm_button.setProperty("primary", True)  # books: the main action once shown
        self.confirm_button.setObjectName("confirmSeries")
        self.confirm_button.clicked.connect(self._confirm)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.confirm_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.hide()

    # --- state -----------------------------------------------------------------------------------
    def is_current(self) -> bool:
        """A dry run is on screen and may be confirmed."""
        return self._book is not None and not self.isHidden()

    def busy(self) -> bool:
        return self._busy

    def clear(self) -> None:
        """Forget the preview (the inputs changed); a dry run still running is ignored."""
        self._generation += 1
        self._book = None
        self._busy = False
        self.model.set_result(None)
        self.hide()

    # --- the dry run and the real thing ----------------------------------------------------------
    def preview(self, book: BookSeries) -> None:
        self.clear()
        generation = self._generation
        self._busy = True

        def done(result: SeriesResult) -> None:
            if generation != self._generation:
                return
            self._busy = False
            self._book = book
            self._show(result)
            self.shown.emit()

        def failed(exc: BaseException) -> None:
            if generation != self._generation:
                return
            self.clear()
            self.failed.emit(exc)

        self.ctx.run(lambda: book(True), done, owner=self, on_error=failed)

    def _show(self, result: SeriesResult) -> None:
        self.model.set_result(result)
        for column in (DATE, OUTCOME):  # whole on one line, with room to breathe (not wrapped)
            self.table.resizeColumnToContents(column)
            self.table.setColumnWidth(column, self.table.columnWidth(column) + 12)
        n, m = len(self.model.booked_days()), len(self.model.skipped_days())
        if self.changing:  # a series changed from one occurrence on (gui/dialogs/series_change_dialog.py)
            c, x = len(self.model.changed_days()), len(self.model.cancelled_days())
            self.summary_label.setText(
                self.tr(
                    "Ändras: {c}. Bokas: {b}. Avbokas: {x}. Hoppas över: {m}. Ingenting är sparat ännu."
                ).format(c=c, b=n - c, x=x, m=m - x)
            )
            text = self.tr("&Spara ändringen av serien")
        else:
            self.summary_label.setText(
                self.tr("Bokas: {n}. Hoppas över: {m}. Ingenting är sparat ännu.").format(n=n, m=m)
            )
            text = (
                self.tr("Be&kräfta 1 bokning") if n == 1 else self.tr("Be&kräfta {n} bokningar").format(n=n)
            )
        self.confirm_button.setText(text)
        self.confirm_button.setAccessibleName(text.replace("&", ""))
        self.confirm_button.setEnabled(n > 0)
        self.show()
        self.confirm_button.setDefault(True)
        self.confirm_button.setFocus()

    def _confirm(self) -> None:
        book = self._book
        if book is None or self._busy:
            return
        self._busy = True
        self.confirm_button.setEnabled(False)

        # What was written is reported whatever changed meanwhile: never a silent booking.
        def done(result: SeriesResult) -> None:
            self._busy = False
            self.booked.emit(list(result.booked))

        def failed(exc: BaseException) -> None:
            self.clear()
            self.failed.emit(exc)

        self.ctx.run(lambda: book(False), done, owner=self, on_error=failed)
