"""The house rules of STYLE.md that a machine can check: Qt only under gui/, a domain without SQL."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "satellitkontor"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _modules(under: Path) -> list[Path]:
    return sorted(p for p in under.rglob("*.py") if "migrations" not in p.parts or p.name == "env.py")


def test_the_package_has_modules_to_check() -> None:
    assert len(_modules(PACKAGE)) > 20


@pytest.mark.parametrize("path", _modules(PACKAGE), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_pyside6_only_under_gui(path: Path) -> None:
    if "gui" in path.relative_to(PACKAGE).parts:
        return
    qt = {name for name in _imports(path) if name.split(".")[0] in ("PySide6", "PyQt6", "PyQt5", "shiboken6")}
    assert not qt, (
        f"{path.relative_to(PACKAGE)} imports Qt ({', '.join(sorted(qt))}); Qt belongs in satellitkontor/gui/"
    )


@pytest.mark.parametrize("path", _modules(PACKAGE / "domain"), ids=lambda p: p.name)
def test_domain_is_plain_python(path: Path) -> None:
    banned = ("sqlalchemy", "alembic", "psycopg", "satellitkontor.storage", "satellitkontor.services")
    bad = {n for n in _imports(path) if n.startswith(banned)}
    assert not bad, f"domain/{path.name} imports {', '.join(sorted(bad))}"


def test_services_and_cli_start_without_qt() -> None:
    code = (
        "import sys, satellitkontor.cli.main, satellitkontor.services.app_services, satellitkontor.services.demo;"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'exchangelib', 'msal'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_the_window_shows_before_the_heavy_libraries_load() -> None:
    """Starting the app imports Qt and our light modules only; SQLAlchemy, Alembic, holidays,
    icalendar and XlsxWriter load later, off the GUI thread or on first use (start-up benchmark)."""
    import subprocess
    import sys

    code = (
        "import sys, satellitkontor.cli.main, satellitkontor.gui.app, satellitkontor.gui.main_window\n"
        "heavy = ('sqlalchemy', 'alembic', 'holidays', 'icalendar', 'xlsxwriter')\n"
        "print(' '.join(m for m in heavy if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    ).stdout.strip()
    assert out == "", f"imported at start-up: {out}"
