"""The app's own settings (QSettings), typed, in one place (as Picard's ``config.py``).

Who I am is remembered per database, since the same PC may open the demo office and the real
one: the key is a short hash of the database URL.

The user's settings lie over the machine-wide defaults IT sets (satellitkontor/machine_settings.py):
reading ``language``, ``database_url`` or ``exchange`` gives the user's own value, else the
machine's; writing one sets the user's own value (``None`` clears it, so the machine's shows
through again). ``default()`` opens the user's INI file at the path machine_settings computes,
the one QSettings would choose itself, so that the command line reads the same file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from satellitkontor import machine_settings as ms
from satellitkontor.machine_settings import APPLICATION as APPLICATION
from satellitkontor.machine_settings import ORGANISATION as ORGANISATION


class AppSettings:
    def __init__(self, store: QSettings, machine: ms.MachineSettings | None = None) -> None:
        self.store = store
        #: The machine-wide defaults (none when not given: tests, or a file never read).
        self.machine = machine or ms.MachineSettings(ms.system_config_path(), {})

    @classmethod
    def default(cls) -> AppSettings:
        """The user's file over the machine's (raises SettingsFileInvalid for a broken machine file)."""
        return cls.at(str(ms.user_settings_path()), machine=ms.read_machine_settings())

    @classmethod
    def at(cls, path: str, machine: ms.MachineSettings | None = None) -> AppSettings:
        return cls(QSettings(path, QSettings.Format.IniFormat), machine)

    @property
    def path(self) -> Path:
        return Path(self.store.fileName())

    def _str(self, key: str) -> str | None:
        value = self.store.value(key)
        return str(value) if value not in (None, "") else None

    def _layered(self, key: str) -> str | None:
        return self._str(key) or self.machine.values.get(key) or None

    # --- language --------------------------------------------------------------------------------
    @property
    def language(self) -> str | None:
        """ "sv", "en", or None to follow the system."""
        return ms.language(self._str(ms.LANGUAGE)) or ms.language(self.machine.values.get(ms.LANGUAGE))

    @language.setter
    def language(self, value: str | None) -> None:
        self.store.setValue(ms.LANGUAGE, value or "")

    # --- where the data is -----------------------------------------------------------------------
    @property
    def database_url(self) -> str | None:
        """The database when neither ``--db`` nor ``$SATELLITKONTOR_DB_URL`` names one."""
        return self._layered(ms.DATABASE_URL)

    @database_url.setter
    def database_url(self, value: str | None) -> None:
        self.store.setValue(ms.DATABASE_URL, value or "")

    @property
    def exchange(self) -> ms.ExchangeEndpoint:
        own = {key: value for key in ms.MACHINE_KEYS if (value := self._str(key))}
        return ms.exchange_endpoint(user=own, machine=self.machine)

    # --- who am I (per database) -----------------------------------------------------------------
    @staticmethod
    def _db_key(db_url: str) -> str:
        return "identity/" + _digest(db_url)

    def person_id(self, db_url: str) -> int | None:
        value = self._str(self._db_key(db_url) + "/person_id")
        return int(value) if value and value.isdigit() else None

    def set_person_id(self, db_url: str, person_id: int | None) -> None:
        self.store.setValue(self._db_key(db_url) + "/person_id", "" if person_id is None else str(person_id))

    # --- the feed server's address (per database) ------------------------------------------------
    # The address subscribers reach ``satellitkontor serve-feeds`` at, which the app puts before a
    # published feed's path. Kept here per database because the feed service stores no such
    # setting; an office with several admin PCs sets it on each.
    @staticmethod
    def _feeds_key(db_url: str) -> str:
        return "feeds/" + _digest(db_url) + "/base_url"

    def feeds_base_url(self, db_url: str) -> str | None:
        return self._str(self._feeds_key(db_url))

    def set_feeds_base_url(self, db_url: str, value: str | None) -> None:
        self.store.setValue(self._feeds_key(db_url), value or "")

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

    @property
    def tour_seen(self) -> bool:
        """The first-start tour was shown (or skipped) on this PC for this user."""
        return self._str("tour/seen") == "1"

    @tour_seen.setter
    def tour_seen(self, value: bool) -> None:
        self.store.setValue("tour/seen", "1" if value else "0")

    def sync(self) -> None:
        self.store.sync()


def _digest(db_url: str) -> str:
    """A short, stable name for a database in the settings file."""
    import hashlib  # here: its OpenSSL library is 3 ms the window need not wait for (issue 18)

    return hashlib.sha256(db_url.encode()).hexdigest()[:12]
