"""E-post (notices) on the page Kalendrar, beside Exchange: the office's sender, the way out (SMTP
or the office's Exchange), the SMTP server and its password (to the OS keyring only), the
office's defaults for people's choices, the status (waiting, sent, unclear, the last error) and
"Skicka nu". The background sending is ``gui/notice_timer.py``.

The sender address is checked when the field is left and again on saving: a malformed address
is said in Swedish under the field and nothing is stored.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, TypeAlias

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from satellitkontor.gui.context import AppContext
from satellitkontor.gui.dialogs.form_dialog import error_label
from satellitkontor.gui.errors import message_for
from satellitkontor.gui.views.admin.settings_box import SettingsBox, SettingsData, local_time

if TYPE_CHECKING:
    from satellitkontor.services.app_services import AppServices
    from satellitkontor.services.notices.config import NoticeConfig
    from satellitkontor.services.notices.service import NoticeStatusView

MailData: TypeAlias = "SettingsData[NoticeConfig, NoticeStatusView]"


def load(services: AppServices, actor_id: int) -> MailData:
    return SettingsData(services.notices.config(), services.notices.status(actor_id))


def save(services: AppServices, actor_id: int, config: NoticeConfig, secret: str) -> MailData:
    from satellitkontor.services.notices.config import save_smtp_password

    config = services.notices.save_config(actor_id, config)  # checks the address first
    if secret and config.smtp_username:
        save_smtp_password(config.smtp_username, secret)
    return load(services, actor_id)


def send_now(services: AppServices, actor_id: int) -> MailData:
    services.notices.send()
    return load(services, actor_id)


class MailBox(SettingsBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "mailBox", parent)
        self.config: NoticeConfig | None = None
        self.setTitle(self.tr("E-post till de som bokar"))
        layout = QVBoxLayout(self)
        self.enabled_check = QCheckBox(self.tr("Skicka meddelanden om bokningar per e-post"))
        layout.addWidget(self.enabled_check)
        form = QFormLayout()
        self.sender_edit = self._line(form, self.tr("Avsändaradress:"), "satellitkontoret@umea.se")
        self.sender_error = error_label("mailSenderError")
        form.addRow("", self.sender_error)
        self.name_edit = self._line(form, self.tr("Avsändarnamn:"), "Satellitkontoret")
        self.via_combo = QComboBox()
        self.via_combo.addItem(self.tr("SMTP-server"), "smtp")
        self.via_combo.addItem(self.tr("Kontorets Exchange-koppling"), "exchange")
        form.addRow(self.tr("Skicka via:"), self.via_combo)
        self.host_edit = self._line(form, self.tr("SMTP-server:"), "smtp.kommun.se")
        self.port_spin = QSpinBox()
        self.port_spin.setRange(1, 65535)
        form.addRow(self.tr("Port:"), self.port_spin)
        self.security_combo = QComboBox()
        self.security_combo.addItem(self.tr("STARTTLS (port 587)"), "starttls")
        self.security_combo.addItem(self.tr("TLS direkt (port 465)"), "tls")
        self.security_combo.addItem(self.tr("Ingen kryptering (bara inom nätet)"), "none")
        form.addRow(self.tr("Kryptering:"), self.security_combo)
        self.user_edit = self._line(form, self.tr("Användarnamn:"), "")
        self.password_edit = self._line(form, self.tr("Lösenord:"), self.tr("sparas bara i nyckelringen"))
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.default_checks: dict[str, QCheckBox] = {}
        for name, text in (
            ("confirmations", self.tr("Bekräftelse när man själv bokar")),
            ("by_others", self.tr("Meddelande när någon annan bokar, ändrar eller avbokar")),
            ("reminders", self.tr("Påminnelse dagen innan")),
            ("waitlist", self.tr("Meddelande när en plats blir ledig")),
        ):
            check = QCheckBox(text)
            check.setObjectName(f"mailDefault_{name}")
            self.default_checks[name] = check
            form.addRow(self.tr("Förval:") if name == "confirmations" else "", check)
        self.name_by_labels(form, (self.via_combo, self.port_spin, self.security_combo))
        layout.addLayout(form)
        self.save_button = QPushButton(self.tr("Spara"))
        self.send_button = QPushButton(self.tr("Skicka nu"))
        self.add_buttons_and_lines(layout, (self.save_button, self.send_button), "mail")
        self.sender_edit.editingFinished.connect(self.check_sender)
        self.save_button.clicked.connect(self.save)
        self.send_button.clicked.connect(self.send_now)
        ctx.needs_connection(self.save_button, self.send_button)

    # --- data ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        if self.ctx.services is None or self.ctx.person is None:
            return
        services, actor = self.ctx.svc, self.ctx.person_id
        self.ctx.run(lambda: load(services, actor), self._show, owner=self, on_error=self._failed)

    def _show(self, data: MailData) -> None:
        c = data.config
        self.config = c
        self.enabled_check.setChecked(c.enabled)
        self.sender_edit.setText(c.sender)
        self.name_edit.setText(c.sender_name)
        self.via_combo.setCurrentIndex(max(0, self.via_combo.findData(c.via)))
        self.host_edit.setText(c.smtp_host)
        self.port_spin.setValue(c.smtp_port)
        self.security_combo.setCurrentIndex(max(0, self.security_combo.findData(c.smtp_security)))
        self.user_edit.setText(c.smtp_username)
        for name, check in self.default_checks.items():
            check.setChecked(bool(getattr(c.defaults, name)))
        self.show_status(data.status)

    def show_status(self, status: NoticeStatusView) -> None:
        c = status.counts
        if not status.enabled:
            lines = [self.tr("E-post är avstängt: inga meddelanden skickas.")]
        elif status.waiting:
            lines = [
                self.tr("Väntar på att skickas: %1 (nästa försök %2)")
                .replace("%1", str(status.waiting))
                .replace("%2", local_time(status.next_attempt_at))
            ]
        else:
            lines = [self.tr("Inget väntar: allt är skickat.")]
        lines.append(
            self.tr("Skickade: %1, senast %2")
            .replace("%1", str(c.get("sent", 0)))
            .replace("%2", local_time(status.last_sent_at))
        )
        if c.get("uncertain"):
            lines.append(
                self.tr("Oklart om de kom fram (skickas inte igen av sig själva): %1").replace(
                    "%1", str(c["uncertain"])
                )
            )
        if c.get("given_up"):
            lines.append(self.tr("Gick inte att skicka (uppgivet): %1").replace("%1", str(c["given_up"])))
        if status.last_error:
            lines.append(self.tr("Senaste fel: %1").replace("%1", status.last_error))
        self.status_label.setText("\n".join(lines))

    def current_config(self) -> NoticeConfig:
        from satellitkontor.domain.notices import NoticePrefs
        from satellitkontor.services.notices.config import NoticeConfig

        base = self.config or NoticeConfig()
        defaults = NoticePrefs(
            **{name: check.isChecked() for name, check in self.default_checks.items()},
            language=base.defaults.language,
        )
        return replace(
            base,
            enabled=self.enabled_check.isChecked(),
            sender=self.sender_edit.text().strip(),
            sender_name=self.name_edit.text().strip() or base.sender_name,
            via=str(self.via_combo.currentData()),
            smtp_host=self.host_edit.text().strip(),
            smtp_port=self.port_spin.value(),
            smtp_security=str(self.security_combo.currentData()),
            smtp_username=self.user_edit.text().strip(),
            defaults=defaults,
        )

    # --- actions ------------------------------------------------------------------------------
    def check_sender(self) -> bool:
        """Say at once when the sender address is malformed (nothing is stored)."""
        from satellitkontor.domain.errors import InvalidInput
        from satellitkontor.domain.notices import check_address

        text = self.sender_edit.text()
        try:
            if text.strip():
                check_address(text)
        except InvalidInput as e:
            self.sender_error.setText(message_for(e, self.ctx.lang))
            self.sender_error.show()
            return False
        self.sender_error.hide()
        return True

    def save(self) -> None:
        if not self.check_sender():
            self.sender_edit.setFocus()
            return
        services, actor, config = self.ctx.svc, self.ctx.person_id, self.current_config()
        secret = self.password_edit.text()
        self.password_edit.clear()

        self.run_action(
            lambda: save(services, actor, config, secret),
            self.tr("Inställningarna sparades."),
            self._show,
            words=self._words,
        )

    def send_now(self) -> None:
        services, actor = self.ctx.svc, self.ctx.person_id
        self.run_action(
            lambda: send_now(services, actor),
            self.tr("Klart."),
            self._show,
            button=self.send_button,
            busy_text=self.tr("Skickar …"),
            words=self._words,
        )

    def _words(self, exc: BaseException) -> str:
        return message_for(exc, self.ctx.lang)

    def _failed(self, exc: BaseException) -> None:
        self.message_label.setText(self._words(exc))
