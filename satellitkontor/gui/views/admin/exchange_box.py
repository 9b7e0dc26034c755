"""Exchange / Outlook on the page Kalendrar: the settings, the password (to the OS keyring only),
"Testa anslutningen", the status (pending, last sync, last error) and "Synka nu".

Everything that touches the database, the keyring or the network runs through ``AppContext.run``
(off the GUI thread); a failed test shows the backend's typed error in words under the buttons.
The mailbox map is one line per place, ``Plats=postlåda``. The background sync every N minutes is
``gui/exchange_timer.py``.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import TYPE_CHECKING, TypeAlias

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from satellitkontor.gui.context import AppContext
from satellitkontor.gui.views.admin.settings_box import SettingsBox, SettingsData, local_time

log = logging.getLogger("satellitkontor.gui.exchange")

if TYPE_CHECKING:
    from satellitkontor.services.app_services import AppServices
    from satellitkontor.services.exchange.config import ExchangeConfig
    from satellitkontor.services.exchange.status import SyncStatus

ExchangeData: TypeAlias = "SettingsData[ExchangeConfig, SyncStatus]"


def load(services: AppServices, actor_id: int) -> ExchangeData:
    return SettingsData(services.exchange.config(), services.exchange.status(actor_id))


def save(services: AppServices, actor_id: int, config: ExchangeConfig, secret: str) -> ExchangeData:
    from satellitkontor.services.exchange.config import save_password, secret_key

    if secret:
        save_password(secret_key(config), secret)
    services.exchange.save_config(actor_id, config)
    return load(services, actor_id)


def test_connection(services: AppServices, config: ExchangeConfig, secret: str) -> None:
    from satellitkontor.services.exchange.config import make_backend

    backend = make_backend(config, secret or None, services.exchange.desk_mailboxes(config))
    try:
        services.exchange.test_connection(backend, config)
    finally:
        backend.close()


def sync_now(services: AppServices, actor_id: int) -> ExchangeData:
    from satellitkontor.services.exchange.config import make_backend

    config = services.exchange.config()
    backend = make_backend(config, None, services.exchange.desk_mailboxes(config))
    try:
        services.exchange.run(backend)
    finally:
        backend.close()
    return load(services, actor_id)


def dismiss_out_of_reach(services: AppServices, actor_id: int) -> ExchangeData:
    services.exchange.dismiss_out_of_reach(actor_id)
    return load(services, actor_id)


def parse_mailboxes(text: str) -> tuple[tuple[str, str], ...]:
    pairs = []
    for line in text.splitlines():
        place, _, mailbox = line.partition("=")
        if place.strip() and mailbox.strip():
            pairs.append((place.strip(), mailbox.strip().lower()))
    return tuple(pairs)


class ExchangeBox(SettingsBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "exchangeBox", parent)
        self.config: ExchangeConfig | None = None
        self.setTitle(self.tr("Exchange / Outlook"))
        layout = QVBoxLayout(self)
        self.enabled_check = QCheckBox(self.tr("Synka bokningar med Exchange"))
        layout.addWidget(self.enabled_check)
        form = QFormLayout()
        self.backend_combo = QComboBox()
        self.backend_combo.addItem(self.tr("EWS (Exchange Server, Exchange Online)"), "ews")
        self.backend_combo.addItem(self.tr("Microsoft Graph (Exchange Online)"), "graph")
        self.server_edit = self._line(
            form, self.tr("EWS-adress:"), "https://mail.kommun.se/EWS/Exchange.asmx"
        )
        self.account_edit = self._line(form, self.tr("Tjänstekonto (postlåda):"), "tjanstekonto@kommun.se")
        self.username_edit = self._line(form, self.tr("Användarnamn:"), "KOMMUN\\tjanstekonto")
        self.password_edit = self._line(form, self.tr("Lösenord:"), self.tr("sparas bara i nyckelringen"))
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.version_combo = QComboBox()
        for value in ("2016", "2019", "se", "online"):
            self.version_combo.addItem(value, value)
        form.addRow(self.tr("Exchange-version:"), self.version_combo)
        form.insertRow(0, self.tr("Koppling:"), self.backend_combo)
        self.tenant_edit = self._line(form, self.tr("Tenant-id (Graph):"), "kommun.onmicrosoft.com")
        self.client_edit = self._line(form, self.tr("Klient-id (Graph):"), "")
        self.mailboxes_edit = QPlainTextEdit()
        self.mailboxes_edit.setPlaceholderText("Konferensrummet=konferensrum@kommun.se")
        self.mailboxes_edit.setAccessibleName(self.tr("Brevlådor per rum och plats"))
        self.mailboxes_edit.setFixedHeight(70)
        form.addRow(self.tr("Brevlådor (Plats=postlåda):"), self.mailboxes_edit)
        self.desk_mode_combo = QComboBox()
        self.desk_mode_combo.addItem(self.tr("Bjud in platsens brevlåda"), "invite")
        self.desk_mode_combo.addItem(self.tr("Bara händelse i bokarens kalender"), "event-only")
        form.addRow(self.tr("Kontorsplatser:"), self.desk_mode_combo)
        self.fallback_edit = self._line(form, self.tr("Okänd organisatör bokas på:"), "reception@kommun.se")
        self.interval_spin = QSpinBox()
        self.interval_spin.setRange(1, 120)
        self.interval_spin.setSuffix(self.tr(" min"))
        form.addRow(self.tr("Synka var:"), self.interval_spin)
        self.name_by_labels(
            form, (self.backend_combo, self.version_combo, self.desk_mode_combo, self.interval_spin)
        )
        layout.addLayout(form)
        self.save_button = QPushButton(self.tr("Spara"))
        self.test_button = QPushButton(self.tr("Testa anslutningen"))
        self.sync_button = QPushButton(self.tr("Synka nu"))
        self.add_buttons_and_lines(layout, (self.save_button, self.test_button, self.sync_button), "exchange")
        self.dismiss_button = QPushButton(self.tr("Ta bort meddelandena om postlådor kontot inte når"))
        self.dismiss_button.setAccessibleName(self.dismiss_button.text())
        self.dismiss_button.setVisible(False)
        layout.addWidget(self.dismiss_button)
        self.dismiss_button.clicked.connect(self.dismiss)
        self.save_button.clicked.connect(self.save)
        self.test_button.clicked.connect(self.test)
        self.sync_button.clicked.connect(self.sync_now)
        ctx.needs_connection(self.save_button, self.sync_button)

    # --- data ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        if self.ctx.services is None or self.ctx.person is None:
            return
        services, actor = self.ctx.svc, self.ctx.person_id
        self.ctx.run(lambda: load(services, actor), self._show, owner=self)

    def _show(self, data: ExchangeData) -> None:
        c = data.config
        self.config = c
        self.enabled_check.setChecked(c.enabled)
        self.backend_combo.setCurrentIndex(max(0, self.backend_combo.findData(c.backend)))
        self.server_edit.setText(c.url)
        self.account_edit.setText(c.account)
        self.username_edit.setText(c.username)
        self.version_combo.setCurrentIndex(max(0, self.version_combo.findData(c.version)))
        self.tenant_edit.setText(c.tenant_id)
        self.client_edit.setText(c.client_id)
        self.mailboxes_edit.setPlainText("\n".join(f"{p}={m}" for p, m in c.mailboxes))
        self.desk_mode_combo.setCurrentIndex(max(0, self.desk_mode_combo.findData(c.desk_mode)))
        self.fallback_edit.setText(c.fallback_person)
        self.interval_spin.setValue(c.interval_minutes)
        self._show_status(data.status)

    def _show_status(self, status: SyncStatus) -> None:
        lines = [self.tr("Senast lyckade synk: %1").replace("%1", local_time(status.last_success_at))]
        if status.pending:
            lines.append(
                self.tr("Inte i Outlook än: %1 ändringar (äldsta sedan %2)")
                .replace("%1", str(status.pending))
                .replace("%2", local_time(status.oldest_pending))
            )
        elif not self.enabled_check.isChecked():  # nothing waits because nothing is sent
            lines.append(
                self.tr(
                    "Synkningen är avstängd: bokningarna skickas inte till Outlook. Kryssa i "
                    "”Synka bokningar med Exchange” och spara för att slå på den."
                )
            )
        else:
            lines.append(self.tr("Inget väntar: allt finns i Outlook."))
        if status.last_error:
            lines.append(self.tr("Senaste fel: %1").replace("%1", status.last_error))
        declined = [a for a in status.answers if a.response == "declined"]
        if declined:
            lines.append(
                self.tr("Rummet har tackat nej till %1 bokningar.").replace("%1", str(len(declined)))
            )
        if status.overrides:
            lines.append(
                self.tr("%1 ändringar har körts över de senaste två veckorna (se ändringsloggen).").replace(
                    "%1", str(len(status.overrides))
                )
            )
        if status.given_up:
            lines.append(
                self.tr("Gick inte att skicka till Outlook (uppgivet): %1").replace(
                    "%1", str(len(status.given_up))
                )
            )
            lines.extend(f"  {item.place}: {item.error_text}" for item in status.given_up[:5])
        if status.conflicts:
            lines.append(
                self.tr("Krockar med Outlook där appens bokning gällde: %1").replace(
                    "%1", str(len(status.conflicts))
                )
            )
            lines.extend(f"  {c.place}: {c.text('sv')}" for c in status.conflicts[:5])
        if status.out_of_reach:
            lines.append(
                self.tr("Postlådor kontot inte når (mötena skickas från kontorets postlåda): %1").replace(
                    "%1", str(len(status.out_of_reach))
                )
            )
            lines.extend(f"  {n.text(self.ctx.lang)}" for n in status.out_of_reach[:5])
        self.dismiss_button.setVisible(bool(status.out_of_reach))
        if status.skipped:
            lines.append(
                self.tr("Möten i Outlook som inte kunde tas in: %1").replace("%1", str(len(status.skipped)))
            )
            lines.extend(f"  {item.text_sv}" for item in status.skipped[:5])
        self.status_label.setText("\n".join(lines))

    def current_config(self) -> ExchangeConfig:
        from satellitkontor.services.exchange.config import ExchangeConfig

        base = self.config or ExchangeConfig()
        return replace(
            base,
            enabled=self.enabled_check.isChecked(),
            backend=str(self.backend_combo.currentData()),
            url=self.server_edit.text().strip(),
            account=self.account_edit.text().strip().lower(),
            username=self.username_edit.text().strip(),
            version=str(self.version_combo.currentData()),
            tenant_id=self.tenant_edit.text().strip(),
            client_id=self.client_edit.text().strip(),
            mailboxes=parse_mailboxes(self.mailboxes_edit.toPlainText()),
            desk_mode=str(self.desk_mode_combo.currentData()),
            fallback_person=self.fallback_edit.text().strip().lower(),
            interval_minutes=self.interval_spin.value(),
        )

    # --- actions ------------------------------------------------------------------------------
    def save(self) -> None:
        services, actor, config = self.ctx.svc, self.ctx.person_id, self.current_config()
        secret = self.password_edit.text()
        self.password_edit.clear()

        self.run_action(
            lambda: save(services, actor, config, secret), self.tr("Inställningarna sparades."), self._show
        )

    def missing_fields(self) -> list[str]:
        """The fields a connection test needs that are empty, by their labels."""
        graph = self.backend_combo.currentData() == "graph"
        needed = [(self.account_edit, self.tr("Tjänstekonto (postlåda)"))]
        if graph:
            needed += [(self.tenant_edit, self.tr("Tenant-id")), (self.client_edit, self.tr("Klient-id"))]
        else:
            needed += [(self.username_edit, self.tr("Användarnamn"))]
        return [name for edit, name in needed if not edit.text().strip()]

    def test(self) -> None:
        missing = self.missing_fields()
        if missing:  # the test with empty fields ended in "Något gick fel: ValueError"
            self.message_label.setText(
                self.tr("Fyll i {fields} och tryck Testa anslutningen igen.").format(
                    fields=", ".join(missing)
                )
            )
            return
        services, config, secret = self.ctx.svc, self.current_config(), self.password_edit.text()
        self.run_action(
            lambda: test_connection(services, config, secret),
            self.tr("Anslutningen fungerar."),
            button=self.test_button,
            busy_text=self.tr("Testar anslutningen …"),
            words=self._words,
        )

    def dismiss(self) -> None:
        """The admin has read the notices of mailboxes out of reach: they go."""
        services, actor = self.ctx.svc, self.ctx.person_id

        def failed(exc: BaseException) -> None:
            self.message_label.setText(self._words(exc))

        self.ctx.run(lambda: dismiss_out_of_reach(services, actor), self._show, owner=self, on_error=failed)

    def sync_now(self) -> None:
        services, actor = self.ctx.svc, self.ctx.person_id

        def then(data: ExchangeData) -> None:
            self._show(data)
            self.ctx.notify_changed()

        self.run_action(
            lambda: sync_now(services, actor),
            self.tr("Synkningen är klar."),
            then,
            button=self.sync_button,
            busy_text=self.tr("Synkar …"),
            words=self._words,
        )

    def _words(self, exc: BaseException) -> str:
        from satellitkontor.domain.errors import SatellitkontorError
        from satellitkontor.words.texts import describe

        if isinstance(exc, SatellitkontorError):
            return describe(exc, self.ctx.lang)
        log.warning("Exchange: %s", exc, exc_info=exc)
        return self.tr(
            "Det gick inte att nå Exchange ({detail}). Kontrollera serverns adress, kontot och lösenordet "
            "och försök igen; detaljerna finns i loggfilen (Hjälp → Om Satellitkontoret)."
        ).format(detail=str(exc) or type(exc).__name__)
