"""Starting the desktop app: ``satellitkontor`` with no subcommand.

The window is shown first and the office opened behind it (connecting, upgrading the schema):
nothing on the GUI thread waits for the database. The window's first frame comes before its start
view is built (gui/main_window.py, ``first_frame``); the worker that opens the office starts once
that view is built, a few event-loop turns later. Started at once, its imports (SQLAlchemy and
the models, ~300 ms of Python) took the GIL from the GUI thread while it built the view: each
call into Qt lets the worker run up to the 5 ms switch interval, and the view's ~12 ms of
building took 100+ ms, a timer 128 ms late (issue 18). Both are Python work on one GIL, so the
desks come no later for the order. Then, in order: on PostgreSQL a database login
mapped to a person (``satellitkontor db grant``) signs in as that person, with no question and no
"Byt användare"; an empty database is offered the demo office; and a PC that does not yet know who
uses it asks (see ``IdentityDialog``).

Before the window: the rotating log file (satellitkontor/logs.py), the hook that logs and shows
any exception nobody caught (gui/unexpected.py), the icon, and the settings (the user's over
the machine-wide file IT sets; a broken machine file is said and the app does not start, rather
than quietly opening a database of its own). ``SATELLITKONTOR_SMOKE=1`` runs the packaged app's
self-test instead of waiting for a user (gui/smoke.py).
"""

from __future__ import annotations

import gc
import logging
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication

from satellitkontor import logs
from satellitkontor.domain import kept_holidays
from satellitkontor.domain.clock import Clock, system_clock
from satellitkontor.domain.errors import SatellitkontorError
from satellitkontor.domain.people import Person, Role
from satellitkontor.gui import gc_guard, i18n, preload, theme, unexpected
from satellitkontor.gui.app_icon import app_icon
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.main_window import MainWindow
from satellitkontor.gui.settings import APPLICATION, ORGANISATION, AppSettings
from satellitkontor.services.startup import ENV_USER, choose_person, preset_email, resolve_url

if TYPE_CHECKING:
    from satellitkontor.services.app_services import AppServices

log = logging.getLogger("satellitkontor.gui")

#: Set by the start-up benchmark: print timings and quit (gui/startup_probe.py).
STARTUP_PROBE = "SATELLITKONTOR_STARTUP_PROBE"
#: The smoke test's switch (gui/smoke.py, imported only when it is set).
ENV_SMOKE = "SATELLITKONTOR_SMOKE"
#: The first-start tour opens this long after the day's desks are shown (see _when_desks_shown),
#: or at the latest this long after the office opened.
AFTER_DESKS_MS = 100
AT_LATEST_MS = 3000
#: The services a start view needs before it can show its data, made on the opening worker (with
#: identity, which names the people to choose among) when the person starting is known. Every
#: other service is made on a worker once the desks are shown (``_make_the_rest``): making all
#: fifteen first was 200 ms of imports on the way to the day's desks (issue 18), and Boka plats'
#: opening reads through SQLAlchemy Core only (the identity and occupancy services,
#: ``AppServices.retention_on_start``), so the ORM and the models, ~150 ms of imports and ~12 MiB,
#: come after the desks (tests/gui/test_app.py). Not on the GUI thread a turn at a time: the
#: models are one module, 65-100 ms in one turn.
#:
#: While they are made, a view chosen and not yet built (the administration, the day view) shows
#: its empty page and is built once they are (``AppContext.services_pending``): built at once, its
#: first use of a service imported the ORM and the models on the GUI thread (the start-up probe
#: opens the administration right after the desks: a 20 ms timer 124 ms late), or, with the
#: worker importing them meanwhile, the worker took the GIL from the view being built (53 ms
#: instead of 35). A person not yet known (the identity dialog, the demo offer) and a start view
#: not named here get every service before the view loads, as before.
START_SERVICES: dict[str, tuple[str, ...]] = {"book": ("occupancy",)}
OPENING_SERVICES = ("identity",)


@dataclass(frozen=True)
class _Opened:
    services: object
    empty: bool
    people: list[Person]
    #: The person the database login is mapped to, and the login (PostgreSQL; else None).
    login_person: Person | None = None
    login: str | None = None
    #: Without a login's person: the one remembered for this database, else the one IT preset
    #: (as for the CLI); None: the app asks.
    chosen: Person | None = None


class DesktopApp(QObject):
    """Owns the context and the main window; rebuilds the window when the language changes."""

    def __init__(
        self,
        settings: AppSettings,
        db_url: str,
        lang: str | None = None,
        *,
        clock: Clock = system_clock,
        ask_before_demo: bool = True,
        show_tour: bool = True,
    ) -> None:
        super().__init__()
        self.settings = settings
        self.clock = clock
        #: False: an empty database gets the demo office without a question (the smoke test).
        self.ask_before_demo = ask_before_demo
        #: False: no first-start tour (the smoke test and the screenshots).
        self.show_tour = show_tour
        lang = lang or settings.language or i18n.system_language()
        i18n.install(lang)
        self.ctx = AppContext(settings, lang, db_url)
        self.window = self._make_window(first_frame=True)  # the start view follows (start())

    def _make_window(self, *, first_frame: bool = False) -> MainWindow:
        window = MainWindow(self.ctx, first_frame=first_frame)
        window.language_chosen.connect(self.change_language)
        window.switch_person_requested.connect(self.ask_identity)
        window.demo_requested.connect(self.offer_demo)
        return window

    # --- start -----------------------------------------------------------------------------------
    def start(self) -> None:
        self.window.show()
        self.window.statusBar().showMessage(QCoreApplication.translate("DesktopApp", "Öppnar kontoret…"))
        # The start view is built in the turns after the first frame (gui/main_window.py), then
        # the office is opened: see the module docstring.
        self.window.build_start_view(done=self._open_office)

    def _open_office(self) -> None:
        url, clock = self.ctx.db_url, self.clock
        start = START_SERVICES.get(self.window.current_key() or "")
        remembered = self.settings.person_id(url)

        def open_office() -> _Opened:
            from satellitkontor.services.app_services import open_office as do_open

            services = do_open(url, clock=clock)
            services.load(OPENING_SERVICES)
            log.info("satellitkontor %s opened %s", _version(), services.db.describe())
            login_person = services.identity.person_for_login()
            # In shared mode only an admin's PC clears old data on start; a user's login may not.
            if login_person is None or login_person.role is Role.ADMIN:
                _retention_on_start(services)
            people = services.identity.people()
            login = services.identity.login_name() if login_person is not None else None
            # Here, not on the GUI thread when a view first asks: see START_SERVICES.
            chosen = choose_person(people, remembered_id=remembered, preset=preset_email())
            if start is None or (login_person or chosen) is None:
                services.load_all()
            else:
                services.load(start)
            return _Opened(services, not people, people, login_person, login, chosen)

        def failed(exc: BaseException) -> None:
            self.window.statusBar().clearMessage()
            self.ctx.open_error = exc
            self.ctx.show_error(self.window, exc)

        self.ctx.run(open_office, self._opened, owner=self.window, on_error=failed)

    def _opened(self, opened: _Opened) -> None:
        from satellitkontor.services.app_services import AppServices

        services = opened.services
        assert isinstance(services, AppServices)
        # views not yet built wait from now until the rest is made (gui/main_window.py)
        self.ctx.services_pending = bool(services.unmade())
        self._when_desks_shown(lambda: self._make_the_rest(services))
        self.window.statusBar().showMessage(
            QCoreApplication.translate("DesktopApp", "Databas: {where}").format(where=services.db.describe()),
            8000,
        )
        if opened.login_person is not None:  # the database says who I am: no question, no choice
            log.info("signed in as %s through database login %s", opened.login_person.email, opened.login)
            self.ctx.login = opened.login
            self.ctx.set_person(opened.login_person, remember=False)  # before attach: see below
            self.ctx.attach(services)
            return
        self.ctx.office_empty = opened.empty
        person = opened.chosen  # chosen on the opening worker, which made the services for it
        # The person first, then the office: the views load once, on ``opened``. The other way
        # round (before issue 18) the start view loaded twice, the first answer thrown away: two
        # workers importing the holidays and reading the day at once.
        if person is not None:
            self.ctx.set_person(person)
        self.ctx.attach(services)
        if person is not None:
            self._when_desks_shown(self._first_start_tour)  # the desks come first
        elif opened.empty:
            if self.ask_before_demo:
                self.offer_demo()
            else:
                self.create_demo()
        else:
            self.ask_identity()

    def _make_the_rest(self, services: AppServices) -> None:
        """Every service not yet made (see ``START_SERVICES``), on a worker; meanwhile a view not
        yet built waits for them (``AppContext.services_pending``). A failure is logged; the GUI
        thread then makes that service when first asked, and shows the error."""

        def made(_result: object = None) -> None:
            # What making them built (the ORM, the models' mappers, the modules) lives as long
            # as the app: out of the collector's way, as after the opening (settle_memory).
            # Unfrozen, a later full collection walked it on the GUI thread (an administration
            # page's first build 50 ms late instead of 35).
            settle_memory(full=False)
            self.ctx.services_pending = False
            self.ctx.services_made.emit()

        def failed(exc: BaseException) -> None:
            log.error("services not made after the desks: %r", exc)
            made()

        if self.ctx.services is not services or not services.unmade():  # closed meanwhile, or all made
            made()
            return
        self.ctx.run(services.load_all, made, owner=self.window, on_error=failed)

    def _when_desks_shown(self, then: Callable[[], None]) -> None:
        """``then``, once: ``AFTER_DESKS_MS`` after the start view first shows its data (at once if it
        has none to wait for; at the latest ``AT_LATEST_MS`` after now). In the turn right after
        the office had opened, the first-start tour's dialog (6-8 ms of the GUI thread) came just
        before the day's desks and their first paint, one long stretch when the day is read quickly."""
        shown = getattr(self.window.stack.currentWidget(), "data_loaded", None)
        done = False

        def once() -> None:
            nonlocal done
            if not done:
                done = True
                then()

        if shown is None:
            QTimer.singleShot(0, once)
            return

        def data_shown() -> None:
            shown.disconnect(data_shown)
            QTimer.singleShot(AFTER_DESKS_MS, once)

        shown.connect(data_shown)
        QTimer.singleShot(AT_LATEST_MS, once)

    def _first_start_tour(self) -> None:
        """The short tour, once per PC user (skipped by the smoke test)."""
        if self.show_tour and not self.settings.tour_seen:
            self.window.show_tour()

    # --- demo office -----------------------------------------------------------------------------
    def offer_demo(self) -> None:
        if self.ctx.services is None:
            return
        from PySide6.QtWidgets import QMessageBox  # here: its enums are made on first use (issue 18)

        box = QMessageBox(self.window)
        box.setObjectName("demoOffer")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(QCoreApplication.translate("DesktopApp", "Skapa demokontor?"))
        box.setText(
            QCoreApplication.translate(
                "DesktopApp",
                "Databasen är tom. Vill du skapa ett demokontor med påhittade personer från de sju "
                "kommunerna och bokningar några veckor bakåt och framåt, så att du kan pröva programmet?",
            )
        )
        box.setInformativeText(
            QCoreApplication.translate(
                "DesktopApp", "Du kan ta bort demodatabasen senare. Ett riktigt kontor börjar tomt."
            )
        )
        yes = box.addButton(
            QCoreApplication.translate("DesktopApp", "Skapa demokontor"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(
            QCoreApplication.translate("DesktopApp", "Börja tomt"), QMessageBox.ButtonRole.RejectRole
        )
        box.setDefaultButton(yes)

        def answered() -> None:
            if box.clickedButton() is yes:
                self.create_demo()
            elif self.ctx.person is None:
                self.ask_identity()

        box.finished.connect(answered)
        box.open()

    def create_demo(self) -> None:
        services = self.ctx.svc

        def make() -> list[Person]:
            from satellitkontor.services.demo import DemoService

            DemoService(services.db, services.clock).create()
            return services.office.people()

        def done(people: list[Person]) -> None:
            self.ctx.office_empty = False
            self.ctx.notify_changed()
            person = choose_person(people, remembered_id=None, preset=preset_email())
            if person is not None:  # IT (or the smoke test) said who uses this PC
                self.ctx.set_person(person)
            else:
                self.ask_identity()

        self.ctx.run(
            make,
            done,
            owner=self.window,
            label=QCoreApplication.translate("DesktopApp", "Skapar demokontoret…"),
        )

    # --- who am I --------------------------------------------------------------------------------
    def ask_identity(self) -> None:
        if self.ctx.services is None or self.ctx.login is not None:
            return
        office = self.ctx.svc.office

        def show(people: list[Person]) -> None:
            from satellitkontor.gui.dialogs.identity_dialog import IdentityDialog  # seldom: not at start

            dialog = IdentityDialog(self.ctx, people, self.window)

            def accepted() -> None:
                if dialog.person is not None:
                    self.ctx.set_person(dialog.person)
                    self.ctx.notify_changed()
                    self._first_start_tour()

            dialog.accepted.connect(accepted)
            dialog.open()

        self.ctx.run(office.people, show, owner=self.window)

    # --- language --------------------------------------------------------------------------------
    def change_language(self, lang: str) -> None:
        """Switch at once: load the translators and build the window anew in the new language."""
        self.settings.language = lang
        self.ctx.lang = lang
        i18n.install(lang)
        old = self.window
        old.save_geometry()
        self.window = self._make_window()
        self.window.show()
        old.hide()
        old.deleteLater()
        if self.ctx.services is not None:
            self.ctx.identity_changed.emit()


def _retention_on_start(services: AppServices) -> None:
    """ "Rensa automatiskt vid start" (services/privacy/service.py), on the opening worker. A
    failure is logged and does not stop the app: the data stays until the next start or run."""
    try:
        report = services.retention_on_start()
    except SatellitkontorError as exc:
        log.warning("retention on start failed: %s", exc)
        return
    if report is not None and not report.nothing_to_do:
        log.info(
            "retention on start: %d bookings, %d audit entries, %d people before %s",
            report.bookings,
            report.audit_entries,
            report.people,
            report.cutoff.isoformat(),
        )


def settle_memory(*, full: bool = True) -> None:
    """Keep the garbage collector from pausing the window.

    A full collection walks every live object; with Qt's wrappers, SQLAlchemy and the views that
    is long enough (100+ ms, measured) to make the window stutter while background work
    allocates. Objects alive once the window is up live as long as the app, so they are moved
    out of the collector's way (``gc.freeze``). The app calls it with ``full=False`` only: once
    the window is shown, where a full collection found nothing to free (0 unreachable of ~37,500
    objects) and took 12-19 ms before the first paint, and again after the office has loaded,
    where a full collection took 35-60 ms of the GUI thread right as the day's desks were due,
    and one of the young generations, holding what the worker had just loaded, still ~35 ms
    (issue 18). What little garbage is frozen with it stays for the session.
    """
    if full:
        gc.collect()
    gc.freeze()


def main(db_url: str | None = None, lang: str | None = None, argv: list[str] | None = None) -> int:
    started = time.perf_counter()
    logs.setup()
    kept_holidays.keep_in_user_cache()  # a later start reads the year's holidays from a file
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)
    unexpected.install()
    gc_guard.install(app)
    theme.apply(app)  # windows11 or Fusion, the palette (dark when the system is)
    app.styleHints().colorSchemeChanged.connect(lambda _scheme: theme.apply(app))
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Satellitkontoret")
    app.setDesktopFileName("se.umearegionen.Satellitkontor")  # Wayland: the icon of the .desktop file
    app.setWindowIcon(app_icon())
    try:
        settings = AppSettings.default()
        url = resolve_url(db_url)
    except SatellitkontorError as err:  # the machine-wide settings file is unreadable
        return _cannot_start(err, lang)
    smoke = bool(os.environ.get(ENV_SMOKE))
    if smoke:
        from satellitkontor.gui.smoke import DEMO_ADMIN

        os.environ.setdefault(ENV_USER, DEMO_ADMIN)
    desktop = DesktopApp(settings, url, lang, ask_before_demo=not smoke, show_tour=not smoke)
    if os.environ.get(STARTUP_PROBE):
        from satellitkontor.gui import startup_probe

        startup_probe.attach(desktop, started, os.environ[STARTUP_PROBE])
    if smoke:
        from satellitkontor.gui.smoke import attach

        attach(desktop)
    desktop.start()
    settle_memory(full=False)
    # each in its own event-loop turn, not in the one that shows the office (issue 18)
    desktop.ctx.opened.connect(lambda: QTimer.singleShot(0, lambda: settle_memory(full=False)))
    desktop.ctx.identity_changed.connect(lambda: preload.preload_admin(desktop.ctx.is_admin))
    desktop.ctx.opened.connect(preload.preload_booking)
    code = app.exec()
    desktop.ctx.stop_watching()
    QThreadPool.globalInstance().waitForDone(10_000)
    desktop.ctx.close()
    return code


def _cannot_start(err: SatellitkontorError, lang: str | None) -> int:
    from satellitkontor.words.texts import describe

    log.error("cannot start: %s", err)
    if os.environ.get(ENV_SMOKE):
        print(f"smoke: FAILED: {describe(err, 'en')}", flush=True)
        return 2
    lang = lang or i18n.system_language()
    i18n.install(lang)
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Critical, "Satellitkontoret", describe(err, lang))
    box.setObjectName("errorBox")
    box.exec()
    return 2


def _version() -> str:
    import satellitkontor

    return str(satellitkontor.__version__)
