"""The fields a change of a booking or a series asks (change_dialog.py, series_change_dialog.py):
the desk (the office's active desks), the part of the day, and the start and end times, each
filled in from the booking as it is. The dialogs choose which of them to show.

API: ChangeFields(booking, desks, prefix, parent)
    .desk_combo (object name ``<prefix>Desk``), .period_combo (``<prefix>Period``),
    .start_edit (``<prefix>Start``), .end_edit (``<prefix>End``)
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, QTime
from PySide6.QtWidgets import QComboBox, QTimeEdit

from satellitkontor.domain import clock as clk
from satellitkontor.domain.bookings import BookingView, DeskPeriod
from satellitkontor.domain.resources import Resource, ResourceKind


class ChangeFields(QObject):
    def __init__(
        self, booking: BookingView, desks: Sequence[Resource], prefix: str, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.desk_combo = QComboBox()
        self.desk_combo.setObjectName(f"{prefix}Desk")
        self.desk_combo.setAccessibleName(self.tr("Plats"))
        for d in desks:
            if d.kind is ResourceKind.DESK and d.active:
                self.desk_combo.addItem(d.name, d.id)
        self.desk_combo.setCurrentIndex(max(0, self.desk_combo.findData(booking.resource_id)))
        self.period_combo = QComboBox()
        self.period_combo.setObjectName(f"{prefix}Period")
        self.period_combo.setAccessibleName(self.tr("Del av dagen"))
        for period, text in (
            (DeskPeriod.FULL_DAY, self.tr("Heldag")),
            (DeskPeriod.MORNING, self.tr("Förmiddag")),
            (DeskPeriod.AFTERNOON, self.tr("Eftermiddag")),
        ):
            self.period_combo.addItem(text, period)
        self.period_combo.setCurrentIndex(max(0, self.period_combo.findData(booking.desk_period)))
        start, end = clk.to_local(booking.start), clk.to_local(booking.end)
        self.start_edit = QTimeEdit(QTime(start.hour, start.minute))
        self.start_edit.setObjectName(f"{prefix}Start")
        self.start_edit.setAccessibleName(self.tr("Börjar"))
        self.end_edit = QTimeEdit(QTime(end.hour, end.minute))
        self.end_edit.setObjectName(f"{prefix}End")
        self.end_edit.setAccessibleName(self.tr("Slutar"))
        for edit in (self.start_edit, self.end_edit):
            edit.setDisplayFormat("HH:mm")
