"""Languages: Swedish first, English second, through Qt's translation system.

The source strings in the code are Swedish (what a user sees when nothing else is loaded);
``resources/translations/satellitkontor_en.ts`` carries the English, built to ``.qm`` with
``pyside6-lrelease`` (``python -m satellitkontor.gui.i18n --update`` runs lupdate and lrelease).
Qt's own ``qtbase_sv.qm`` is loaded for Swedish so that standard buttons read "Avbryt", "Spara".
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from satellitkontor.resources_data import resource_path

LANGUAGES = {"sv": "Svenska", "en": "English"}
_installed: list[QTranslator] = []


def system_language() -> str:
    """English when the system speaks English, Swedish otherwise (this is a Swedish office)."""
    return "en" if QLocale.system().language() == QLocale.Language.English else "sv"


def install(lang: str) -> None:
    """Load the translators for ``lang`` into the running application, replacing earlier ones."""
    app = QCoreApplication.instance()
    assert app is not None
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    candidates: list[tuple[str, str]] = []
    if lang == "en":
        candidates.append((str(resource_path("translations")), "satellitkontor_en"))
    else:
        candidates.append((qt_dir, "qtbase_sv"))
    for folder, name in candidates:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
    QLocale.setDefault(
        QLocale(
            QLocale.Language.English if lang == "en" else QLocale.Language.Swedish, QLocale.Country.Sweden
        )
    )


def source_files() -> list[Path]:
    root = Path(__file__).resolve().parent
    return sorted(p for p in root.rglob("*.py"))


def update_translations() -> None:
    """Refresh the .ts from the code (keeping translations) and build the .qm."""
    ts = resource_path("translations", "satellitkontor_en.ts")
    files = [str(p) for p in source_files()]
    subprocess.run(["pyside6-lupdate", *files, "-ts", str(ts), "-no-obsolete"], check=True)
    subprocess.run(["pyside6-lrelease", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)


if __name__ == "__main__":
    if "--update" in sys.argv:
        update_translations()
