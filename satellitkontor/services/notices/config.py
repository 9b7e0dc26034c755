"""The office's notice settings (the ``notices`` row of ``settings``) and the SMTP password.

Decisions:
- One frozen :class:`NoticeConfig` stored as JSON: on or off (off in a new office and the demo,
  so nothing goes out unless an admin asks), the sender address and name, the way out (``smtp``,
  or ``exchange``: through the office's Exchange connection, EWS or Graph, whichever the Exchange
  settings name), the SMTP server, the back-off, and the office's defaults for people's choices.
- **Never a password** in it: :func:`smtp_password` reads ``SATELLITKONTOR_SMTP_PASSWORD`` first,
  then the OS keyring (service ``satellitkontor``, key ``smtp:<user name>``); ``to_dict`` has no
  field for it. The same rule as the Exchange secret (services/exchange/config.py).
- The sender address is checked when it is typed (domain.notices.check_address): a malformed
  address is refused with a Swedish sentence at the admin's entry, never at sending.
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from satellitkontor.domain.errors import InvalidInput
from satellitkontor.domain.notices import OFFICE_DEFAULTS, NoticePrefs, check_address

SETTINGS_KEY = "notices"
PASSWORD_ENV = "SATELLITKONTOR_SMTP_PASSWORD"
KEYRING_SERVICE = "satellitkontor"
VIAS = ("smtp", "exchange")
SECURITIES = ("starttls", "tls", "none")


@dataclass(frozen=True)
class NoticeConfig:
    enabled: bool = False
    sender: str = ""
    sender_name: str = "Satellitkontoret"
    via: str = "smtp"  # smtp | exchange
    smtp_host: str = ""
    smtp_port: int = 587
    smtp_security: str = "starttls"  # starttls | tls | none
    smtp_username: str = ""
    #: A CA bundle to trust besides the system's (an office relay with its own certificate).
    smtp_ca_file: str = ""
    retry_base_seconds: float = 60.0
    retry_cap_seconds: float = 3600.0
    max_attempts: int = 20
    defaults: NoticePrefs = OFFICE_DEFAULTS

    def checked(self) -> NoticeConfig:
        """This config with its address trimmed, or InvalidInput naming what is wrong."""
        sender = check_address(self.sender) if self.sender.strip() or self.enabled else ""
        if self.via not in VIAS:
            raise InvalidInput(field="via", value=self.via)
        if self.smtp_security not in SECURITIES:
            raise InvalidInput(field="security", value=self.smtp_security)
        if not 0 < int(self.smtp_port) < 65536:
            raise InvalidInput(field="port", value=str(self.smtp_port))
        if self.defaults.language not in (None, "sv", "en"):
            raise InvalidInput(field="language", value=str(self.defaults.language))
        return replace(self, sender=sender, smtp_host=self.smtp_host.strip(), smtp_port=int(self.smtp_port))

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["defaults"] = asdict(self.defaults)
        return data

    @classmethod
    def from_dict(cls, data: object) -> NoticeConfig:
        if not isinstance(data, dict):
            return cls()
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        defaults = values.pop("defaults", None)
        config = replace(cls(), **values)
        if isinstance(defaults, dict):
            names = set(NoticePrefs.__dataclass_fields__)
            chosen = NoticePrefs(**{k: v for k, v in defaults.items() if k in names})
            config = replace(config, defaults=chosen.over(OFFICE_DEFAULTS))
        return config


def smtp_password(username: str) -> str:
    """The SMTP password: the environment variable, else the OS keyring, else ''."""
    from_env = os.environ.get(PASSWORD_ENV)
    if from_env:
        return from_env
    if not username:
        return ""
    try:
        import keyring

        return keyring.get_password(KEYRING_SERVICE, f"smtp:{username}") or ""
    except Exception:  # no keyring on this machine (a headless server): the environment it is
        return ""


def save_smtp_password(username: str, secret: str) -> None:
    """Keep ``secret`` in the OS keyring (never in settings, the database or a log)."""
    import keyring

    keyring.set_password(KEYRING_SERVICE, f"smtp:{username}", secret)
