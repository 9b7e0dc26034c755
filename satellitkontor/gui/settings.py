"""The app's own settings (QSettings), typed, in one place (as Picard's ``config.py``).

Who I am is remembered per database, since the same PC may open the demo office and the real
one: the key is a short hash of the database URL.
"""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QByteArray, QSettings

ORGANISATION = "Umeåregionen"
APPLICATION = "Satellitkontor"


class AppSettings:
    def __init__(self, store: QSettings) -> None:
        self.store = store

    @classmethod
    def default(cls) -> AppSettings:
        return cls(
            QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION)
        )

    @classmethod
    def at(cls, path: str) -> AppSettings:
        return cls(QSettings(path, QSettings.Format.IniFormat))

    def _str(self, key: str) -> str | None:
        value = self.store.value(key)
        return str(value) if value not in (None, "") else None

    # --- language --------------------------------------------------------------------------------
    @property
    def language(self) -> str | None:
        """ "sv", "en", or None to follow the system."""
        value = self._str("ui/language")
        return value if value in ("sv", "en") else None

    @language.setter
    def language(self, value: str | None) -> None:
        self.store.setValue("ui/language", value or "")

    # --- who am I (per database) -----------------------------------------------------------------
    @staticmethod
    def _db_key(db_url: str) -> str:
        return "identity/" + hashlib.sha256(db_url.encode()).hexdigest()[:12]

    def person_id(self, db_url: str) -> int | None:
        value = self._str(self._db_key(db_url) + "/person_id")
        return int(value) if value and value.isdigit() else None

    def set_person_id(self, db_url: str, person_id: int | None) -> None:
        self.store.setValue(self._db_key(db_url) + "/person_id", "" if person_id is None else str(person_id))

    # --- window ----------------------------------------------------------------------------------
    @property
    def geometry(self) -> QByteArray | None:
        value = self.store.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self.store.setValue("window/geometry", value)

    @property
    def window_state(self) -> QByteArray | None:
        value = self.store.value("window/state")
        return value if isinstance(value, QByteArray) else None

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self.store.setValue("window/state", value)

    @property
    def last_view(self) -> str | None:
        return self._str("window/last_view")

    @last_view.setter
    def last_view(self, value: str) -> None:
        self.store.setValue("window/last_view", value)

    def sync(self) -> None:
        self.store.sync()
