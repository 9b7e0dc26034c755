"""What the desk and the room booking dialogs share: booking for someone else, the busy state,
the series preview and its wiring, and what happens when a confirmed series is booked.

Translated texts stay in the two dialogs (Qt's translation context is the class that calls tr()).

Layout (:meth:`BookingDialog.lay_out`): the form on the left, the series preview in a column of its
own on the right once there is one. Stacked under the form, the preview made the dialog taller than
a 720 px screen, and Qt (which does not grow a window to its word-wrapped labels' height-for-width)
squashed the date and count fields to half height and cut the reason column. Side by side, the
form keeps its height and the reasons get a column wide enough to wrap into.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QDialogButtonBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from satellitkontor.domain.bookings import BookingView, Guest
from satellitkontor.domain.people import Person
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.dialogs.form_dialog import FormDialog
from satellitkontor.gui.dialogs.series_preview import SeriesPreview
from satellitkontor.gui.widgets.guest_fields import GuestFields
from satellitkontor.gui.widgets.person_chooser import PersonChooser
from satellitkontor.gui.widgets.recurrence_editor import RecurrenceEditor


class BookingDialog(FormDialog):
    #: The bookings made (a list of BookingView); ctx.notify_changed() has been called too.
    booked = Signal(object)

    # Set by the subclass's __init__.
    form: QWidget
    book_button: QPushButton
    person_chooser: PersonChooser | None
    recurrence_editor: RecurrenceEditor
    guest_fields: GuestFields | None = None

    def __init__(self, ctx: AppContext, parent: QWidget | None, for_person: Person | None) -> None:
        super().__init__(ctx, parent, error_name="error")
        self.for_person = for_person
        self._busy = False
        self.preview = SeriesPreview(ctx)
        self.preview.booked.connect(self._done)
        self.preview.failed.connect(self.fail)
        self.preview.confirm_button.clicked.connect(lambda: self.set_busy(True))
        ctx.needs_connection(self.preview.confirm_button)

    def _preview_takes_default(self) -> None:
        """Once the preview is shown, its "Bekräfta N bokningar" is the one button that books:
        "Boka" steps aside (two competing buttons before), and comes back when an input changes
        (call after book_button exists)."""

        def shown() -> None:
            self.book_button.setDefault(False)
            self.book_button.hide()
            self.preview.confirm_button.setDefault(True)

        self.preview.shown.connect(shown)
        self.preview.shown.connect(lambda: QTimer.singleShot(0, self._fit))

    def lay_out(self, under_form: list[QWidget], buttons: QDialogButtonBox) -> None:
        """The form (and ``under_form``) on the left, the preview on the right, errors and buttons
        below both (see the module text)."""
        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.form)
        for widget in under_form:
            left.addWidget(widget)
        left.addStretch(1)
        columns = QHBoxLayout()
        columns.setSpacing(18)
        columns.addLayout(left, 0)
        columns.addWidget(self.preview, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def _fit(self) -> None:
        """Grow to what the shown preview needs (word-wrapped labels ask for more height at a
        width than Qt grants a window by itself)."""
        layout = self.layout()
        if layout is None:
            return
        width = max(self.width(), layout.minimumSize().width())
        height = max(self.height(), layout.totalHeightForWidth(width), layout.minimumSize().height())
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)

    def _update_state(self) -> None:
        """Enable or disable Boka from the dialog's own inputs (subclasses)."""
        raise NotImplementedError

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.form.setEnabled(not busy)
        self._update_state()

    def _inputs_changed(self) -> None:
        self.preview.clear()
        self.error_label.hide()
        self.book_button.show()
        self.book_button.setDefault(True)
        self._update_state()

    def _guest(self) -> Guest | None:
        """The guest ticked in the dialog's guest fields (staff), else None; raises InvalidInput
        for a missing name or organisation. A repeat books the guest's series (issue 16)."""
        fields = self.guest_fields
        if fields is None or not fields.is_guest():
            return None
        return fields.guest()

    def _for_person_id(self) -> int | None:
        """Whom to book for, when it is not me (staff only)."""
        if self.for_person is not None:
            return self.for_person.id
        if self.person_chooser is not None:
            pid = self.person_chooser.person_id()
            return None if pid == self.ctx.person_id else pid
        return None

    def _done(self, views: list[BookingView]) -> None:
        """A confirmed series is booked."""
        self.booked.emit(views)
        self.succeed()
