"""Change a series from one occurrence on (issue 16): "Ändra…" on a booking in a series first asks
"Bara denna" or "Denna och kommande"; the second opens :class:`SeriesChangeDialog`.

The dialog asks for another desk and part of the day (a desk series) or other times (a room
series), and other weekdays. "Förhandsgranska" runs ``BookingService.change_series`` as a dry run
and shows, day by day, what changes in place, what is booked anew, what is cancelled (a weekday
dropped, or the new place is taken that day) and what is skipped and why: the series preview of
the booking dialogs (gui/dialogs/series_preview.py), so nothing is saved before the user has seen
it. A changed input withdraws the preview. "Spara ändringen av serien" saves it in one
transaction; a refusal is shown inline and the series stays as it was.

:func:`change_booking` is what the views call: it asks the question when the booking is in a
series, loads what the dialog needs off the GUI thread and hands the dialog to ``opened``.

API:
    change_booking(ctx, parent, booking, opened) -> SeriesScopeQuestion | None
    SeriesScopeQuestion(parent, booking, lang): QMessageBox; .only_this_button, .from_here_button
    SeriesChangeDialog(ctx, booking, desks, weekdays, parent=None)
        .desk_combo, .period_combo (a desk series), .start_edit, .end_edit (a room series),
        .weekday_checks {0..4: QCheckBox}, .preview_button, .preview: SeriesPreview
        .saved: Signal(object) -> list[BookingView] as they are now
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import time

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from satellitkontor.domain.bookings import BookingView
from satellitkontor.domain.errors import BadRecurrence
from satellitkontor.domain.resources import Resource, ResourceKind
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.dialogs.change_dialog import ChangeDialog
from satellitkontor.gui.dialogs.change_fields import ChangeFields
from satellitkontor.gui.dialogs.form_dialog import FormDialog, add_rows, heading_label
from satellitkontor.gui.dialogs.series_preview import SeriesPreview
from satellitkontor.services.results import SeriesResult
from satellitkontor.words.texts import fmt_date


def change_booking(
    ctx: AppContext, parent: QWidget, booking: BookingView, opened: Callable[[QDialog], None]
) -> SeriesScopeQuestion | None:
    """Open the change dialog for ``booking``: at once for a single booking; for one in a series,
    after asking whether to change only it or the series from it on (the question is returned)."""
    office, svc, actor = ctx.svc.office, ctx.svc.booking, ctx.person_id

    def only_this() -> None:
        ctx.run(
            office.resources, lambda desks: opened(ChangeDialog(ctx, booking, desks, parent)), owner=parent
        )

    if booking.series_id is None:
        only_this()
        return None
    series_id = booking.series_id

    def from_here() -> None:
        def load() -> tuple[list[Resource], frozenset[int]]:
            return office.resources(), svc.series_weekdays(actor, series_id)

        def loaded(got: tuple[list[Resource], frozenset[int]]) -> None:
            opened(SeriesChangeDialog(ctx, booking, got[0], got[1], parent))

        ctx.run(load, loaded, owner=parent)

    box = SeriesScopeQuestion(parent, booking, ctx.lang)

    def clicked(button: QAbstractButton) -> None:
        if button is box.only_this_button:
            only_this()
        elif button is box.from_here_button:
            from_here()

    box.buttonClicked.connect(clicked)
    box.finished.connect(lambda _r: box.deleteLater())
    box.open()
    return box


class SeriesScopeQuestion(QMessageBox):
    """ "Bara denna" or "Denna och kommande" (and Avbryt, the Escape)."""

    def __init__(self, parent: QWidget, booking: BookingView, lang: str) -> None:
        super().__init__(parent)
        self.setObjectName("seriesScopeQuestion")
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(self.tr("Ändra en bokning i en serie"))
        self.setAccessibleName(self.tr("Ändra en bokning i en serie"))
        self.setText(
            self.tr("{place}, {day} ingår i en serie. Vill du ändra bara denna bokning, eller denna och de kommande?")
            .format(place=booking.resource_name, day=fmt_date(booking.day, lang))
        )  # fmt: skip
        self.only_this_button = self.addButton(self.tr("&Bara denna"), QMessageBox.ButtonRole.AcceptRole)
        self.only_this_button.setObjectName("onlyThisButton")
        self.from_here_button = self.addButton(
            self.tr("&Denna och kommande"), QMessageBox.ButtonRole.AcceptRole
        )
        self.from_here_button.setObjectName("fromHereButton")
        cancel = self.addButton(self.tr("Avbryt"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.only_this_button)  # the smaller change; Avbryt is never the default
        self.setEscapeButton(cancel)


class SeriesChangeDialog(FormDialog):
    saved = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        booking: BookingView,
        desks: Sequence[Resource],
        weekdays: frozenset[int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        assert booking.series_id is not None
        self.booking = booking
        self.desk = booking.resource_kind is ResourceKind.DESK
        self.setObjectName("seriesChangeDialog")
        self.setWindowTitle(self.tr("Ändra serien"))
        self.setAccessibleName(self.tr("Ändra serien"))
        self.setMinimumWidth(520)  # the preview's reasons are sentences
        self._weekdays = weekdays

        fields = ChangeFields(booking, desks, "series", self)
        self.desk_combo, self.period_combo = fields.desk_combo, fields.period_combo
        self.start_edit, self.end_edit = fields.start_edit, fields.end_edit

        names = (
            self.tr("måndag"),
            self.tr("tisdag"),
            self.tr("onsdag"),
            self.tr("torsdag"),
            self.tr("fredag"),
        )
        short = (self.tr("mån"), self.tr("tis"), self.tr("ons"), self.tr("tors"), self.tr("fre"))
        self.weekday_checks: dict[int, QCheckBox] = {}
        days = QWidget()
        days_row = QHBoxLayout(days)
        days_row.setContentsMargins(0, 0, 0, 0)
        for weekday, (text, name) in enumerate(zip(short, names, strict=True)):
            check = QCheckBox(text)
            check.setObjectName(f"seriesWeekday{weekday}")
            check.setAccessibleName(name)
            check.setChecked(weekday in weekdays)
            self.weekday_checks[weekday] = check
            days_row.addWidget(check)
        days_row.addStretch(1)

        form = QFormLayout()
        rows: tuple[tuple[str, QWidget], ...]
        if self.desk:
            rows = ((self.tr("&Plats:"), self.desk_combo), (self.tr("D&el av dagen:"), self.period_combo))
        else:
            rows = ((self.tr("&Börjar:"), self.start_edit), (self.tr("&Slutar:"), self.end_edit))
        add_rows(form, (*rows, (self.tr("&Veckodagar:"), days)))

        self.preview = SeriesPreview(ctx)
        self.preview.changing = True
        self.preview.booked.connect(self._saved)
        self.preview.failed.connect(self.fail)
        self.preview.shown.connect(self._preview_shown)
        ctx.needs_connection(self.preview.confirm_button)
        buttons, self.preview_button = self.button_box(
            self.tr("&Förhandsgranska"),
            self.tr("Förhandsgranska ändringen"),
            "previewButton",
            self.show_preview,
            cancel_text=self.tr("Avbryt"),
        )
        heading = self.tr("{place}: serien från och med {day}").format(
            place=booking.resource_name, day=fmt_date(booking.day, ctx.lang)
        )
        note = self.tr(
            "Tidigare bokningar i serien ändras inte. Ingenting sparas förrän du har sett förhandsgranskningen."
        )
        layout = QVBoxLayout(self)
        layout.addWidget(heading_label(heading, "seriesChangeHeading"))
        layout.addWidget(_wrapped(note))
        layout.addLayout(form)
        layout.addWidget(self.preview)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

        for combo in (self.desk_combo, self.period_combo):
            combo.currentIndexChanged.connect(self._inputs_changed)
        for edit in (self.start_edit, self.end_edit):
            edit.timeChanged.connect(self._inputs_changed)
        for check in self.weekday_checks.values():
            check.toggled.connect(self._inputs_changed)

    # --- what is asked ---------------------------------------------------------------------------
    def weekdays(self) -> frozenset[int]:
        """The weekdays ticked; the series' own weekend days (a daily series) stay with it."""
        ticked = frozenset(d for d, c in self.weekday_checks.items() if c.isChecked())
        return ticked | (self._weekdays - set(self.weekday_checks))

    def book(self) -> Callable[[bool], SeriesResult]:
        """The change as a ``book(dry_run)`` call for the preview (raises BadRecurrence without a
        weekday)."""
        weekdays = self.weekdays()
        if not weekdays:
            raise BadRecurrence(problem="weekdays", value=[])
        svc, actor, series_id, from_day = (
            self.ctx.svc.booking,
            self.ctx.person_id,
            self.booking.series_id,
            self.booking.day,
        )
        assert series_id is not None
        if self.desk:
            desk_id, period = self.desk_combo.currentData(), self.period_combo.currentData()
            return lambda dry_run: svc.change_series(
                actor,
                series_id,
                from_day,
                resource_id=desk_id,
                weekdays=weekdays,
                period=period,
                dry_run=dry_run,
            )
        s, e = self.start_edit.time(), self.end_edit.time()
        start, end = time(s.hour(), s.minute()), time(e.hour(), e.minute())
        return lambda dry_run: svc.change_series(
            actor, series_id, from_day, weekdays=weekdays, start_time=start, end_time=end, dry_run=dry_run
        )

    # --- the preview and saving ------------------------------------------------------------------
    def show_preview(self) -> None:
        self.error_label.hide()
        try:
            book = self.book()
        except BadRecurrence as exc:
            self.show_error(exc)
            return
        self.preview.preview(book)

    def _preview_shown(self) -> None:
        """The preview's button saves from now on; "Förhandsgranska" steps aside until an input
        changes (two buttons that both seem to save would be one too many)."""
        self.preview_button.setDefault(False)
        self.preview_button.hide()
        self.enter_button = self.preview.confirm_button
        self.preview.confirm_button.setDefault(True)

    def _inputs_changed(self) -> None:
        self.preview.clear()
        self.error_label.hide()
        self.preview_button.show()
        self.enter_button = self.preview_button
        self.preview_button.setDefault(True)

    def _saved(self, views: list[BookingView]) -> None:
        self.saved.emit(views)
        self.succeed()

    def fail(self, exc: BaseException) -> None:
        """A refused change: the preview is gone (the preview clears itself) and the reason shows."""
        self._inputs_changed()
        super().fail(exc)


def _wrapped(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("seriesChangeNote")
    label.setWordWrap(True)
    return label
