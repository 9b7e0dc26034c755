"""Who a booking is for: a drop-down of the office's active people, me first selected.

Receptionists and admins book for others (the booking dialogs, the day view). The list is loaded
off the GUI thread; until it arrives the chooser holds just me, so it is usable at once. Typing a
name's first letters jumps to it (QComboBox's own keyboard search).

API:
    PersonChooser(ctx, parent=None, *, autoload=True)
    .person() -> Person | None, .person_id() -> int | None, .set_person_id(id) -> bool
    .load()                      (re)load the people; ``loaded`` is emitted when they are shown
    .loaded: Signal()
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QWidget

from satellitkontor.domain.people import Person
from satellitkontor.gui.context import AppContext
from satellitkontor.words.texts import municipality_name


class PersonChooser(QComboBox):
    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, autoload: bool = True) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("personChooser")
        self.setAccessibleName(self.tr("Boka åt"))
        self.setToolTip(self.tr("Vem bokningen gäller"))
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setMinimumContentsLength(24)
        self._people: dict[int, Person] = {}
        self._fill([ctx.person] if ctx.person is not None else [])
        ctx.identity_changed.connect(self._identity_changed)
        if autoload:
            self.load()

    # --- state -----------------------------------------------------------------------------------
    def person(self) -> Person | None:
        pid = self.currentData()
        return self._people.get(pid) if isinstance(pid, int) else None

    def person_id(self) -> int | None:
        person = self.person()
        return person.id if person is not None else None

    def set_person_id(self, person_id: int) -> bool:
        """Select ``person_id``; False when that person is not (yet) in the list."""
        index = self.findData(person_id)
        if index < 0:
            return False
        self.setCurrentIndex(index)
        return True

    def people(self) -> list[Person]:
        return list(self._people.values())

    # --- loading ---------------------------------------------------------------------------------
    def load(self) -> None:
        office = self.ctx.svc.office
        self.ctx.run(office.people, self._loaded, owner=self)

    def _loaded(self, people: list[Person]) -> None:
        me = self.ctx.person
        if me is not None and all(p.id != me.id for p in people):
            people = [me, *people]
        self._fill(people)
        self.loaded.emit()

    def _identity_changed(self) -> None:
        """After "Byt användare…" the chooser starts at the new me, not at whom it showed before."""
        self.setCurrentIndex(-1)
        self._fill([self.ctx.person] if self.ctx.person is not None else [])

    def _fill(self, people: list[Person]) -> None:
        keep = self.person_id()
        if keep is None and self.ctx.person is not None:
            keep = self.ctx.person.id
        self.blockSignals(True)
        self.clear()
        self._people = {p.id: p for p in people}
        for p in people:
            self.addItem(self._text(p), p.id)
        self.blockSignals(False)
        index = self.findData(keep) if keep is not None else -1
        self.setCurrentIndex(max(index, 0) if people else -1)

    def _text(self, person: Person) -> str:
        text = self.tr("{name} – {municipality}").format(
            name=person.name, municipality=municipality_name(person.municipality_code)
        )
        if self.ctx.person is not None and person.id == self.ctx.person.id:
            text = self.tr("{person} (jag)").format(person=text)
        return text
