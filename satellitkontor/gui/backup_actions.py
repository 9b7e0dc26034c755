"""Backing up and restoring the office from the *Arkiv* menu, for the admin of a one-PC office.

The admin of a small office on SQLite does not use a terminal, so the two commands of
cli/commands/backup.py are here too, over the same service (services/backup.py). Decisions:

- **Who sees them**: an admin, and only when no database login decides who I am. On a shared
  PostgreSQL server backups are the DBA's job (packaging/README.md); the actions are then left
  out of the menu rather than shown disabled. They follow ``identity_changed``.
- **Off the GUI thread**, with the operation helper's progress dialog (gui/operations.py); the
  storage's ``progress(done, total)`` reports rows and checks "Avbryt", which leaves no half
  file (backup) or rolls the one transaction back (restore).
- **Backup** overwrites a file the user chose in the save dialog (the dialog has asked already).
- **Restore** first checks that the file is one of our backups (off the GUI thread, before any
  question), then asks with "Avbryt" as the default button, then replaces the office in one
  transaction. Afterwards every view reloads (``notify_changed``); the set-up cache is dropped at
  once. The person using the app stays signed in only if the restored office has them (same id
  and e-mail, active); otherwise nobody is, and ``identity_needed`` asks who uses the app (the
  main window passes it on as "Byt användare…", gui/app.py's ``ask_identity``).
- The office's own database file is refused as backup file and as the file to restore from.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from satellitkontor.domain import clock as clk
from satellitkontor.domain.people import Person
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.errors import show_file_error
from satellitkontor.gui.operations import Progress

if TYPE_CHECKING:
    from satellitkontor.services.backup import BackupSummary

#: What the file dialogs offer.
SUFFIX = ".backup"


class BackupActions(QObject):
    #: A backup was written / an office restored (the summary; tests wait for these).
    backed_up = Signal(object)
    restored = Signal(object)
    #: After a restore the person using the app is not in the office: ask who it is.
    identity_needed = Signal()

    def __init__(self, ctx: AppContext, window: QWidget) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.backup_action = QAction(self.tr("Säker&hetskopiera kontoret…"), window)
        self.backup_action.setObjectName("backupOffice")
        self.backup_action.triggered.connect(self.choose_backup_file)
        self.restore_action = QAction(self.tr("Åte&rställ från säkerhetskopia…"), window)
        self.restore_action.setObjectName("restoreOffice")
        self.restore_action.triggered.connect(self.choose_restore_file)
        ctx.needs_connection(self.backup_action, self.restore_action)
        ctx.identity_changed.connect(self.update_visibility)
        self.update_visibility()

    @property
    def actions(self) -> tuple[QAction, QAction]:
        return self.backup_action, self.restore_action

    def allowed(self) -> bool:
        return self.ctx.is_admin and self.ctx.login is None

    def update_visibility(self) -> None:
        for action in self.actions:
            action.setVisible(self.allowed())

    # --- backup ----------------------------------------------------------------------------------
    def default_path(self) -> str:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        today = clk.local_date(self.ctx.svc.clock())
        return os.path.join(folder or str(Path.home()), f"satellitkontor-{today.isoformat()}{SUFFIX}")

    def choose_backup_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Säkerhetskopiera kontoret"), self.default_path(), self._filter()
        )
        if path:
            self.backup(path)

    def backup(self, path: str) -> None:
        """Write the whole office to ``path`` (replacing it), off the GUI thread."""
        if self._is_office_file(path):
            return
        from satellitkontor.services.backup import backup_office

        url = self.ctx.db_url
        text = self.tr("Säkerhetskopierar kontoret…")

        def work(progress: Progress) -> BackupSummary:
            return backup_office(url, Path(path), overwrite=True, progress=_rows(progress, self._rows_text()))

        def done(summary: BackupSummary) -> None:
            self._inform(
                "backupDone",
                self.tr("Säkerhetskopian är sparad"),
                self.tr("Säkerhetskopian är sparad: {file} – {people} personer, {bookings} bokningar").format(
                    file=summary.file, people=summary.people, bookings=summary.bookings
                ),
            )
            self.backed_up.emit(summary)

        self.ctx.run(work, done, owner=self.window, on_error=self._failed, label=text)

    # --- restore ---------------------------------------------------------------------------------
    def choose_restore_file(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Återställ från säkerhetskopia"), folder, self._filter()
        )
        if path:
            self.check_and_confirm(path)

    def check_and_confirm(self, path: str) -> None:
        """Check that ``path`` is one of our backups, then ask before anything is replaced."""
        if self._is_office_file(path):
            return
        from satellitkontor.services.backup import check_backup_file

        def checked(_revision: str) -> None:
            self.confirm(path)

        self.ctx.run(
            lambda: check_backup_file(Path(path).absolute()),
            checked,
            owner=self.window,
            on_error=self._failed_reading,
        )

    def confirm(self, path: str) -> QMessageBox:
        """The question (non-blocking); "Ersätt kontoret" restores, "Avbryt" (the default) not."""
        box = QMessageBox(self.window)
        box.setObjectName("confirmRestore")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Ersätta kontoret?"))
        box.setText(
            self.tr(
                "Allt i kontoret ersätts med innehållet i {file}: personer, platser, bokningar, "
                "ändringsloggen, värdkommunskalendern och inställningarna."
            ).format(file=path)
        )
        box.setInformativeText(self.tr("Det går inte att ångra. Gör gärna en säkerhetskopia först."))
        replace = box.addButton(self.tr("Ersätt kontoret"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(self.tr("Avbryt"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.setAccessibleName(box.windowTitle())

        def answered() -> None:
            if box.clickedButton() is replace:
                self.restore(path)

        box.finished.connect(answered)
        box.open()
        return box

    def restore(self, path: str) -> None:
        """Replace the office with the backup ``path``, off the GUI thread (asked before)."""
        from satellitkontor.services.backup import restore_office

        url, services = self.ctx.db_url, self.ctx.svc
        text = self.tr("Återställer kontoret…")

        def work(progress: Progress) -> tuple[BackupSummary, list[Person]]:
            summary = restore_office(
                Path(path), url, replace=True, progress=_rows(progress, self._rows_text())
            )
            services.db.setup_generation += 1  # the set-up cache reads the restored office at once
            return summary, services.office.people()

        def done(result: tuple[BackupSummary, list[Person]]) -> None:
            summary, people = result
            self.ctx.notify_changed()
            self._settle_identity(people)
            self._inform(
                "restoreDone",
                self.tr("Kontoret är återställt"),
                self.tr(
                    "Kontoret är återställt från {file} – {people} personer, {bookings} bokningar"
                ).format(file=summary.file, people=summary.people, bookings=summary.bookings),
            )
            self.restored.emit(summary)

        self.ctx.run(work, done, owner=self.window, on_error=self._failed_reading, label=text)

    def _settle_identity(self, people: list[Person]) -> None:
        me = self.ctx.person
        same = next((p for p in people if me is not None and p.id == me.id and p.email == me.email), None)
        if same is not None:
            self.ctx.set_person(same)  # the restored office may give them another role
        else:
            self.ctx.set_person(None)
            self.identity_needed.emit()

    # --- helpers ---------------------------------------------------------------------------------
    def _filter(self) -> str:
        return self.tr("Säkerhetskopior (*{suffix});;Alla filer (*)").format(suffix=SUFFIX)

    def _rows_text(self) -> str:
        return self.tr("{done} av {total} rader")

    def _is_office_file(self, path: str) -> bool:
        """The office's own database cannot be the backup: say so and do nothing."""
        own = self.ctx.svc.db.sqlite_path
        if own is None or Path(path).absolute().resolve() != own.absolute().resolve():
            return False
        self._inform(
            "errorBox",
            self.tr("Det gick inte"),
            self.tr("{file} är kontorets egen databas. Välj en annan fil för säkerhetskopian.").format(
                file=path
            ),
            QMessageBox.Icon.Warning,
        )
        return True

    def _failed(self, exc: BaseException, *, reading: bool = False) -> None:
        if isinstance(exc, OSError):
            show_file_error(self.window, exc.filename or "", exc, reading=reading, calendar=False)
        else:
            self.ctx.show_error(self.window, exc)

    def _failed_reading(self, exc: BaseException) -> None:
        self._failed(exc, reading=True)

    def _inform(
        self, name: str, title: str, text: str, icon: QMessageBox.Icon = QMessageBox.Icon.Information
    ) -> QMessageBox:
        box = QMessageBox(self.window)
        box.setObjectName(name)
        box.setIcon(icon)
        box.setWindowTitle(title)
        box.setAccessibleName(title)
        box.setText(text)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.open()
        return box


def _rows(progress: Progress, text: str) -> Callable[[int, int], None]:
    """The storage's ``progress(done, total)`` as the dialog's steps; "Avbryt" stops the work."""

    def report(done: int, total: int) -> None:
        progress.check()
        progress.report(done, total, text.format(done=done, total=total))

    return report
