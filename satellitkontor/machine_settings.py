"""Machine-wide defaults that IT sets once, and the user's own settings that override them.

Qt-free, so that the command line honours the same settings as the desktop app.

Two INI files with the same keys:

- the **machine-wide file**, written by IT (or by the Windows installer): platformdirs'
  ``site_config_dir`` + ``satellitkontor.ini``, i.e. ``/etc/xdg/satellitkontor/satellitkontor.ini``
  on Linux and ``C:\\ProgramData\\satellitkontor\\satellitkontor.ini`` on Windows;
  ``$SATELLITKONTOR_SYSTEM_CONFIG`` names another file (tests, IT trying a file out);
- the **user's file**, the one the desktop app writes through QSettings
  (``~/.config/Umeåregionen/Satellitkontor.ini``, ``%APPDATA%\\Umeåregionen\\Satellitkontor.ini``).
  Its path is computed here, the same rule Qt follows for an INI file in the user scope, and the
  app opens exactly this path (gui/settings.py), so both readers see one file.

A key the user has set wins over the machine's; an empty value counts as not set. Keys:
``database/url``, ``ui/language`` (``sv`` or ``en``), ``exchange/backend`` (``ews`` or ``graph``),
``exchange/ews_url``, ``exchange/graph_tenant``, ``exchange/graph_client_id`` (the Exchange keys
are stored for the Exchange integration; nothing reads them yet).

A machine file that cannot be read is an error, not a silent default: a PC that quietly fell
back to its own SQLite file would take bookings nobody else sees. Unknown keys (a typo in IT's
file) are logged as warnings. The user's file is written by Qt and read leniently.
"""

from __future__ import annotations

import configparser
import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from satellitkontor.domain.errors import SettingsFileInvalid

log = logging.getLogger("satellitkontor.settings")

#: Names the machine-wide file instead of the system configuration folder's.
ENV_SYSTEM_CONFIG = "SATELLITKONTOR_SYSTEM_CONFIG"
#: QSettings' organisation and application: they make the user file's path.
ORGANISATION = "Umeåregionen"
APPLICATION = "Satellitkontor"

DATABASE_URL = "database/url"
LANGUAGE = "ui/language"
EXCHANGE_BACKEND = "exchange/backend"
EXCHANGE_EWS_URL = "exchange/ews_url"
EXCHANGE_GRAPH_TENANT = "exchange/graph_tenant"
EXCHANGE_GRAPH_CLIENT_ID = "exchange/graph_client_id"
EXCHANGE_GRAPH_URL = "exchange/graph_url"  # a national cloud's Graph
EXCHANGE_AUTHORITY_URL = "exchange/authority_url"  # and its identity platform
#: The keys the machine-wide file may hold.
MACHINE_KEYS = (
    DATABASE_URL,
    LANGUAGE,
    EXCHANGE_BACKEND,
    EXCHANGE_EWS_URL,
    EXCHANGE_GRAPH_TENANT,
    EXCHANGE_GRAPH_CLIENT_ID,
    EXCHANGE_GRAPH_URL,
    EXCHANGE_AUTHORITY_URL,
)


def system_config_path() -> Path:
    """The machine-wide settings file (it need not exist)."""
    named = os.environ.get(ENV_SYSTEM_CONFIG, "").strip()
    if named:
        return Path(named).expanduser()
    from platformdirs import site_config_dir

    return Path(site_config_dir("satellitkontor", appauthor=False)) / "satellitkontor.ini"


def user_settings_path() -> Path:
    """The user's settings file, where QSettings keeps an INI file in the user scope."""
    if sys.platform == "win32":
        from platformdirs import user_config_dir

        base = Path(user_config_dir(roaming=True))  # %APPDATA%
    else:  # Linux and the other Unixes honour XDG_CONFIG_HOME; macOS uses ~/.config for INI too
        xdg = os.environ.get("XDG_CONFIG_HOME", "")
        base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".config"
    return base / ORGANISATION / f"{APPLICATION}.ini"


# --- reading ---------------------------------------------------------------------------------------
def read_ini(path: Path) -> dict[str, str]:
    """``{"section/key": value}`` of an INI file; ``{}`` when there is no file.

    Values may be quoted and escaped as QSettings writes them (``"a=b, c"``, ``\\"``, ``\\\\``);
    keys of the ``[General]`` section have no section part. Raises ``configparser.Error``,
    ``UnicodeDecodeError`` or ``OSError`` for a file that is there but cannot be read.
    """
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")  # an old Notepad's "ANSI"
    parser = configparser.RawConfigParser(
        strict=False, interpolation=None, comment_prefixes=("#", ";"), delimiters=("=",)
    )
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys keep their case
    parser.read_string(text, source=str(path))
    values: dict[str, str] = {}
    for section in parser.sections():
        for key, value in parser.items(section):
            name = key if section == "General" else f"{section}/{key}"
            values[name] = _unquote(value)
    return values


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] == '"':
        value = value[1:-1]
    if "\\" not in value:
        return value
    out: list[str] = []
    chars = iter(value)
    for ch in chars:
        if ch != "\\":
            out.append(ch)
            continue
        nxt = next(chars, "")
        out.append({"n": "\n", "t": "\t", "r": "\r", "0": "\0"}.get(nxt, nxt))
    return "".join(out)


@dataclass(frozen=True)
class MachineSettings:
    """What the machine-wide file says (only the known keys, non-empty values)."""

    path: Path
    values: dict[str, str]

    @property
    def exists(self) -> bool:
        return self.path.is_file()


def read_machine_settings(path: Path | None = None) -> MachineSettings:
    """The machine-wide file; raises :class:`SettingsFileInvalid` when it is there but unreadable."""
    path = path or system_config_path()
    try:
        found = read_ini(path)
    except (configparser.Error, OSError, UnicodeDecodeError) as exc:
        raise SettingsFileInvalid(path=str(path), detail=_detail(exc)) from exc
    values: dict[str, str] = {}
    for key, value in found.items():
        if key not in MACHINE_KEYS:
            log.warning("machine settings %s: unknown key %r ignored (known: %s)", path, key, MACHINE_KEYS)
        elif value:
            values[key] = value
    return MachineSettings(path, values)


def _detail(exc: BaseException) -> str:
    """configparser's first sentence and the line it stumbled on, for IT (e.g. a line without ``=``)."""
    text = str(exc).strip()
    first = text.splitlines()[0].rstrip(".") if text else type(exc).__name__
    if isinstance(exc, configparser.MissingSectionHeaderError):
        return f"{first}, line {exc.lineno}: {exc.line.strip()!r}"
    if isinstance(exc, configparser.ParsingError) and exc.errors:
        lineno, shown = exc.errors[0]  # configparser keeps the line as its repr()
        line = str(shown).strip().strip("'\"").removesuffix("\\n")
        return f"{first.split(':')[0]}, line {lineno}: {line!r}"
    return first


def read_user_settings(path: Path | None = None) -> dict[str, str]:
    """The user's own file (written by the app); unreadable counts as empty, with a warning."""
    path = path or user_settings_path()
    try:
        return {k: v for k, v in read_ini(path).items() if v}
    except (configparser.Error, OSError, UnicodeDecodeError) as exc:
        log.warning("user settings %s could not be read: %s", path, exc)
        return {}


# --- the layered view --------------------------------------------------------------------------------
def configured(
    key: str, *, user: dict[str, str] | None = None, machine: MachineSettings | None = None
) -> str | None:
    """The user's value of ``key``, else the machine's, else None (files read when not given)."""
    user = read_user_settings() if user is None else user
    if user.get(key):
        return user[key]
    machine = read_machine_settings() if machine is None else machine
    return machine.values.get(key) or None


def language(value: str | None) -> str | None:
    """A language the catalogue speaks (``sv``, ``en``) from a setting's value, None for anything else."""
    from satellitkontor.words import languages

    value = (value or "").strip().lower()
    return value if value in languages() else None


@dataclass(frozen=True)
class ExchangeEndpoint:
    """Where the office's Exchange is: EWS (on-premises, allow-listed tenants) or Microsoft Graph."""

    backend: str | None = None  # "ews" or "graph"
    ews_url: str | None = None
    graph_tenant: str | None = None
    graph_client_id: str | None = None
    graph_url: str | None = None
    authority_url: str | None = None


def exchange_endpoint(
    *, user: dict[str, str] | None = None, machine: MachineSettings | None = None
) -> ExchangeEndpoint:
    user = read_user_settings() if user is None else user
    machine = read_machine_settings() if machine is None else machine

    def get(key: str) -> str | None:
        return configured(key, user=user, machine=machine)

    backend = (get(EXCHANGE_BACKEND) or "").lower() or None
    return ExchangeEndpoint(
        backend if backend in ("ews", "graph") else None,
        get(EXCHANGE_EWS_URL),
        get(EXCHANGE_GRAPH_TENANT),
        get(EXCHANGE_GRAPH_CLIENT_ID),
        get(EXCHANGE_GRAPH_URL),
        get(EXCHANGE_AUTHORITY_URL),
    )
