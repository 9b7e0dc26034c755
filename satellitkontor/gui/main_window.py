"""The main window: a list of views on the left, the chosen view on the right, menus on top.

Views that a person's role does not allow (the receptionist's day, administration) are not
hidden behind a disabled button: they are left out of the list and the menu altogether.

A view's module is imported and the view built the first time it is shown, so the window opens
with only the first view's code loaded (see tests/benchmarks/startup_benchmark.py).

First frame (issue 18): the app makes its window with ``first_frame=True``. Then the window shows
at once with its title, menus, the list of views (the start view chosen in it) and the status
bar, and an empty page where the start view will be; :meth:`MainWindow.build_start_view`, called
once it is shown, imports that view's modules one per event-loop turn, makes the view in a turn
of its own and shows it in the next (each well under 50 ms of the GUI thread), before the office
is opened (gui/app.py). Building the view with the window made the window show ~55 ms later
(its imports and widgets). Anything that asks for the view sooner (``view()``, a change of person)
builds it there and then. Likewise, while the services a start left for after the day's desks are
being made (``AppContext.services_pending``, gui/app.py ``START_SERVICES``), a view chosen and not
yet built shows its empty page and is built once they are made: its first use of a service would
otherwise import the ORM and the models on the GUI thread (~150 ms). Without ``first_frame`` (tests, a change of language) the window is
whole when made.

While the database cannot be reached a banner over the views says so (gui/widgets/offline_banner.py);
the views keep what they show. When the database login decides who I am (PostgreSQL, issue 6),
"Byt användare…" is disabled and says why. An admin without such a login backs up and restores
the office from the *Arkiv* menu (gui/backup_actions.py).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QGuiApplication, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from satellitkontor.gui import theme
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.i18n import LANGUAGES
from satellitkontor.gui.views.base import ViewBase
from satellitkontor.gui.widgets.offline_banner import OfflineBanner
from satellitkontor.words.texts import label, municipality_name

if TYPE_CHECKING:
    from satellitkontor.gui.dialogs.about_dialog import AboutDialog
    from satellitkontor.gui.dialogs.help_dialog import HelpDialog
    from satellitkontor.gui.dialogs.tour import TourDialog


@dataclass(frozen=True)
class ViewSpec:
    key: str
    audience: str  # "all", "staff" or "admin", as ViewBase.audience
    module: str  # in satellitkontor.gui.views
    cls: str
    title: object  # Swedish source text (QT_TRANSLATE_NOOP), translated in the MainWindow context


VIEWS: tuple[ViewSpec, ...] = (
    ViewSpec("book", "all", "book_view", "BookView", QT_TRANSLATE_NOOP("MainWindow", "Boka plats")),
    ViewSpec("room", "all", "room_view", "RoomView", QT_TRANSLATE_NOOP("MainWindow", "Konferensrum")),
    ViewSpec(
        "mine", "all", "my_bookings_view", "MyBookingsView", QT_TRANSLATE_NOOP("MainWindow", "Mina bokningar")
    ),
    ViewSpec("day", "staff", "day_view", "DayView", QT_TRANSLATE_NOOP("MainWindow", "Dagsöversikt")),
    ViewSpec(
        "rotation", "all", "rotation_view", "RotationView", QT_TRANSLATE_NOOP("MainWindow", "Värdkommun")
    ),
    ViewSpec("admin", "admin", "admin_view", "AdminView", QT_TRANSLATE_NOOP("MainWindow", "Administration")),
)
SPECS = {spec.key: spec for spec in VIEWS}


def focus_first(view: QWidget) -> None:
    """Give the keyboard to the first widget of ``view`` that takes it by Tab."""
    widget = view.nextInFocusChain()
    while widget is not None and widget is not view:
        if (
            view.isAncestorOf(widget)
            and widget.isVisible()
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
        widget = widget.nextInFocusChain()


#: Room a window's frame takes beyond its contents: the title bar (about 31 px on Windows 11 at
#: 100 %) and the borders, so the whole window fits the screen above the task bar.
FRAME = QSize(16, 48)


def default_size(available: QSize) -> QSize:
    """The first window: 1200x720, or what a smaller screen has room for with a title bar."""
    return QSize(min(1200, available.width() - FRAME.width()), min(720, available.height() - FRAME.height()))


class MainWindow(QMainWindow):
    #: The user chose another language: the app rebuilds the window in it.
    language_chosen = Signal(str)
    #: "Byt användare…" and "Skapa demokontor…" from the menu; the app handles them.
    switch_person_requested = Signal()
    demo_requested = Signal()

    #: A view was built (its key): the start-up probe waits for the start view's data on it.
    view_made = Signal(str)

    def __init__(self, ctx: AppContext, *, first_frame: bool = False) -> None:
        super().__init__()
        self.ctx = ctx
        #: While True, showing a view that is not built yet shows its empty page (see the docstring).
        self._first_frame = first_frame
        self.setObjectName("mainWindow")
        # Qt appends the application's display name to every title ("… — Satellitkontoret"):
        # the name in the window's language, and the title that same name, so it shows once.
        title = self.tr("Satellitkontoret – Umeåregionen")
        QGuiApplication.setApplicationDisplayName(title)
        self.setWindowTitle(title)
        self.setMinimumSize(QSize(960, 600))

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName(self.tr("Vyer"))
        self.nav.setMaximumWidth(240)
        self.nav.setMinimumWidth(170)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setSpacing(2)
        self.nav.setIconSize(QSize(20, 20))
        self.stack = QStackedWidget()
        #: The views built so far (see view()); the stack holds an empty page for the others.
        self.views: dict[str, ViewBase] = {}
        #: The view asked for but not (yet) allowed, e.g. the remembered Dagsöversikt before the
        #: receptionist is known: shown once it is, and kept as the last view meanwhile.
        self._wanted: str | None = None
        self._pages: dict[str, QWidget] = {}
        for spec in VIEWS:
            page = self._waiting_page()
            self._pages[spec.key] = page
            self.stack.addWidget(page)

        # The navigation as wide as its longest name needs, the view beside it with a margin:
        # no splitter, whose spare width showed as a blank strip between the two.
        splitter = QWidget()
        row = QHBoxLayout(splitter)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(12)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.offline_banner = OfflineBanner(ctx)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.offline_banner)
        column.addWidget(splitter, 1)
        self.setCentralWidget(central)

        self.who_label = QLabel()
        self.who_label.setObjectName("whoAmI")
        self.statusBar().addPermanentWidget(self.who_label)
        self.view_actions: dict[str, QAction] = {}
        self._build_menus()
        self.nav.currentItemChanged.connect(self._nav_changed)
        ctx.identity_changed.connect(self._identity_changed)
        ctx.services_made.connect(self._services_made)
        self._identity_changed()
        self._restore()
        from satellitkontor.gui.exchange_timer import ExchangeSyncTimer

        self.exchange_sync = ExchangeSyncTimer(ctx, self)  # Exchange sync every N minutes, on a worker
        self.exchange_sync.start()
        from satellitkontor.gui.release_timer import ReleaseTimer

        self.release_timer = ReleaseTimer(ctx, self)  # unclaimed bookings freed, when the rule is on
        self.release_timer.start()
        from satellitkontor.gui.notice_timer import NoticeTimer

        self.notice_timer = NoticeTimer(ctx, self)  # notices by e-mail, on staff PCs, when on
        self.notice_timer.start()

    # --- menus -----------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&Arkiv"))
        file_menu.setToolTipsVisible(True)  # why "Byt användare…" is disabled
        self.switch_action = file_menu.addAction(self.tr("&Byt användare…"))
        self.switch_action.setObjectName("switchPerson")
        self.switch_action.triggered.connect(self.switch_person_requested)
        self.demo_action = file_menu.addAction(self.tr("Skapa &demokontor…"))
        self.demo_action.setObjectName("createDemo")
        self.demo_action.triggered.connect(self.demo_requested)
        self.demo_action.setVisible(False)  # only while the database is empty (_identity_changed)
        self.ctx.needs_connection(self.switch_action, self.demo_action)
        from satellitkontor.gui.backup_actions import BackupActions  # admins without a database login

        self.backup_actions = BackupActions(self.ctx, self)  # shows and hides itself (identity)
        self.backup_actions.identity_needed.connect(self.switch_person_requested)
        file_menu.addSeparator()
        file_menu.addActions(list(self.backup_actions.actions))
        file_menu.addSeparator()
        quit_action = file_menu.addAction(self.tr("&Avsluta"))
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)

        view_menu = self.menuBar().addMenu(self.tr("&Visa"))
        for n, spec in enumerate(VIEWS, start=1):
            action = view_menu.addAction(f"&{n} {self.title(spec.key)}")
            action.setShortcut(QKeySequence(f"Ctrl+{n}"))
            action.triggered.connect(lambda _=False, key=spec.key: self.show_view(key, focus=True))
            self.view_actions[spec.key] = action
        view_menu.addSeparator()
        refresh = view_menu.addAction(self.tr("&Uppdatera"))
        refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        refresh.triggered.connect(self.ctx.notify_changed)

        lang_menu = self.menuBar().addMenu(self.tr("&Språk"))
        group = QActionGroup(self)
        for code, name in LANGUAGES.items():
            action = lang_menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == self.ctx.lang)
            action.setObjectName(f"lang_{code}")
            group.addAction(action)
            action.triggered.connect(lambda _=False, c=code: self._choose_language(c))

        help_menu = self.menuBar().addMenu(self.tr("&Hjälp"))
        help_action = help_menu.addAction(self.tr("&Hjälp för den här vyn"))
        help_action.setObjectName("helpAction")
        help_action.setShortcut(QKeySequence.StandardKey.HelpContents)  # F1
        help_action.triggered.connect(lambda: self.show_help())
        keys_action = help_menu.addAction(self.tr("&Kortkommandon"))
        keys_action.setObjectName("shortcutsAction")
        keys_action.triggered.connect(lambda: self.show_help(shortcuts_only=True))
        tour_action = help_menu.addAction(self.tr("Visa &introduktionen"))
        tour_action.setObjectName("tourAction")
        tour_action.triggered.connect(lambda: self.show_tour())
        help_menu.addSeparator()
        about = help_menu.addAction(self.tr("&Om Satellitkontoret"))
        about.setObjectName("aboutAction")
        about.setMenuRole(QAction.MenuRole.AboutRole)
        about.triggered.connect(self.show_about)

    def show_help(self, *, shortcuts_only: bool = False) -> HelpDialog:
        """F1: the guide to the view shown now and the shortcuts (gui/dialogs/help_dialog.py)."""
        from satellitkontor.gui.dialogs.help_dialog import HelpDialog

        dialog = HelpDialog(None if shortcuts_only else self.current_key() or "book", self.ctx.lang, self)
        dialog.open()
        return dialog

    def show_tour(self) -> TourDialog:
        """The first-start tour; marked as seen when finished or skipped."""
        from satellitkontor.gui.dialogs.tour import TourDialog

        dialog = TourDialog(self)
        dialog.finished.connect(lambda _r: setattr(self.ctx.settings, "tour_seen", True))
        dialog.open()
        return dialog

    def show_about(self) -> AboutDialog:
        """ "Om Satellitkontoret": version, database, log file (gui/dialogs/about_dialog.py)."""
        from satellitkontor.gui.dialogs.about_dialog import AboutDialog

        dialog = AboutDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _choose_language(self, code: str) -> None:
        if code != self.ctx.lang:
            self.language_chosen.emit(code)

    # --- views -----------------------------------------------------------------------------------
    def title(self, key: str) -> str:
        title = str(SPECS[key].title)
        return QCoreApplication.translate("MainWindow", title)  # marked by QT_TRANSLATE_NOOP

    def allowed(self, key: str) -> bool:
        audience = SPECS[key].audience
        if audience == "admin":
            return self.ctx.is_admin
        if audience == "staff":
            return self.ctx.is_staff
        return True

    def build_start_view(self, *, done: Callable[[], None] | None = None) -> None:
        """After a ``first_frame`` window has shown: the shown view's modules, one per event-loop
        turn, then the view itself in a turn of its own (the module docstring)."""
        from satellitkontor.gui.preload import VIEW_MODULES, preload_in_slices

        key = self._shown_key()

        def show() -> None:
            self._first_frame = False
            wanted = self._shown_key()
            if wanted is not None:
                self._show(wanted)
            if done is not None:
                done()

        def build() -> None:  # made in one turn, shown (styled, laid out) in the next
            wanted = self._shown_key()
            if self._first_frame and wanted is not None:
                self.view(wanted)
            QTimer.singleShot(0, show)

        if key is None or key in self.views:
            show()
            return
        spec = SPECS[key]
        modules = (*VIEW_MODULES.get(key, ()), f"satellitkontor.gui.views.{spec.module}")
        preload_in_slices(modules, start_ms=0, done=lambda: QTimer.singleShot(0, build))

    def _waiting_page(self) -> QWidget:
        """Where a view stands until it is built (see the module docstring): "Laddar…", muted,
        centred, rather than a blank page for the few tenths of a second."""
        page = QLabel(self.tr("Laddar…"))
        page.setObjectName("waitingPage")
        page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        page.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        return page

    def _services_made(self) -> None:
        """The view chosen while the services were being made (its empty page shown), built now."""
        key = self._shown_key()
        if key is not None and key not in self.views and not self._first_frame:
            self._show(key)

    def _shown_key(self) -> str | None:
        """The key of the nav's current row (the view shown, or its empty page while it is built)."""
        item = self.nav.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def view(self, key: str) -> ViewBase:
        """The view, built (and its module imported) on first use."""
        if key not in self.views:
            spec = SPECS[key]
            module = importlib.import_module(f"satellitkontor.gui.views.{spec.module}")
            view: ViewBase = getattr(module, spec.cls)(self.ctx)
            page = self._pages[key]
            index = self.stack.indexOf(page)
            self.stack.insertWidget(index, view)
            self.stack.removeWidget(page)
            page.deleteLater()
            self._pages[key] = view
            self.views[key] = view
            view.go_to.connect(lambda target: self.show_view(target, focus=True))
            if key == "book":  # the room on the floor plan leads to the room's week
                view.room_clicked.connect(lambda _room: self._room_from_plan())  # type: ignore[attr-defined]
            self.view_made.emit(key)
        return self.views[key]

    def _room_from_plan(self) -> None:
        day = self.views["book"].navigator.date()  # type: ignore[attr-defined]
        self.show_view("room")
        self.view("room").set_week(day)  # type: ignore[attr-defined]

    def _fill_nav(self) -> None:
        current = self.current_key()
        self.nav.blockSignals(True)
        self.nav.clear()
        for spec in VIEWS:
            key = spec.key
            visible = self.allowed(key)
            self.view_actions[key].setVisible(visible)
            if visible:
                item = QListWidgetItem(theme.icon(theme.VIEW_ICONS[key]), self.title(key))
                item.setData(Qt.ItemDataRole.UserRole, key)
                item.setSizeHint(QSize(0, 40))
                self.nav.addItem(item)
        self.nav.blockSignals(False)
        names = [
            self.nav.fontMetrics().horizontalAdvance(self.nav.item(i).text()) for i in range(self.nav.count())
        ]
        self.nav.setFixedWidth(min(240, max(170, max(names, default=0) + 20 + 60)))
        wanted = self._wanted
        self._show(wanted if wanted is not None else current or self.ctx.settings.last_view or "book")

    def nav_keys(self) -> list[str]:
        return [self.nav.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.nav.count())]

    def current_key(self) -> str | None:
        widget = self.stack.currentWidget()
        return widget.key if isinstance(widget, ViewBase) and self.nav.count() else None

    def show_view(self, key: str, *, focus: bool = False) -> None:
        """Show ``key`` (the user chose it); Boka plats if the person may not see it. With
        ``focus`` (Ctrl+1…6) the keyboard moves into the view, so that its own shortcuts (Ctrl+P
        in Dagsöversikt) work at once rather than after a click."""
        self._wanted = None
        self._first_frame = False  # the user asked for a view: it is built now
        self._show(key)
        current = self.stack.currentWidget()
        if focus and isinstance(current, ViewBase):
            focus_first(current)

    def _show(self, key: str) -> None:
        keys = self.nav_keys()
        if key not in keys:
            self._wanted = key if key in SPECS else None
            key = "book"
        else:
            self._wanted = None
        if key not in keys:
            return
        if key not in self.views and (self._first_frame or self.ctx.services_pending):
            # built in the turns after the first frame, or once the services are made (below)
            self.stack.setCurrentWidget(self._pages[key])
        else:
            self.stack.setCurrentWidget(self.view(key))
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(keys.index(key))
        self.nav.blockSignals(False)
        if self._wanted is None:
            self.ctx.settings.last_view = key

    def _nav_changed(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if item is not None:
            self.show_view(item.data(Qt.ItemDataRole.UserRole))

    def _identity_changed(self) -> None:
        login = self.ctx.login
        self.switch_action.setEnabled(login is None)
        self.switch_action.setToolTip(
            self.tr("Du är inloggad i databasen som {login}").format(login=login)
            if login is not None
            else self.tr("Välj vem som använder programmet")
        )
        person = self.ctx.person
        # The demo office goes into an empty database only; offered on a full one it asked
        # "Databasen är tom…?" and then failed.
        self.demo_action.setVisible(self.ctx.office_empty and person is None)
        if person is None:
            self.who_label.setText(self.tr("Ingen vald användare"))
        else:
            self.who_label.setText(
                self.tr("{name}, {municipality} ({role})").format(
                    name=person.name,
                    municipality=municipality_name(person.municipality_code),
                    role=label(person.role.value, self.ctx.lang),
                )
            )
        self._fill_nav()

    # --- geometry --------------------------------------------------------------------------------
    def _restore(self) -> None:
        geometry = self.ctx.settings.geometry
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(default_size(self.screen().availableGeometry().size()))
        state = self.ctx.settings.window_state
        if state is not None:
            self.restoreState(state)

    def save_geometry(self) -> None:
        self.ctx.settings.geometry = self.saveGeometry()
        self.ctx.settings.window_state = self.saveState()
        self.ctx.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_geometry()
        super().closeEvent(event)
