"""Languages: Swedish first, English second, through Qt's translation system.

The source strings in the code are Swedish (what a user sees when nothing else is loaded);
``resources/translations/satellitkontor_<lang>.ts`` carries each other language of the word
catalogue (satellitkontor.words), built to ``.qm`` with ``pyside6-lrelease``
(``python -m satellitkontor.gui.i18n --update`` runs lupdate and lrelease for every ``.ts``).
Qt's own ``qtbase_<lang>.qm`` is loaded too so that standard buttons read "Avbryt", "Spara".
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from satellitkontor import words
from satellitkontor.resources_data import resource_path

#: The catalogue's languages, each by its own name ("Svenska", "English"), for the language menu.
LANGUAGES = {code: words.say("language.name", code) for code in words.languages()}
_installed: list[QTranslator] = []


def system_language() -> str:
    """The system's language if the catalogue speaks it, Swedish otherwise (this is a Swedish office)."""
    code = QLocale.system().name().split("_")[0]
    return code if code in words.languages() else words.DEFAULT


def install(lang: str) -> None:
    """Load the translators for ``lang`` into the running application, replacing earlier ones."""
    app = QCoreApplication.instance()
    assert app is not None
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    candidates: list[tuple[str, str]] = []
    if lang != words.DEFAULT:  # the source strings are the default language's
        candidates.append((str(resource_path("translations")), f"satellitkontor_{lang}"))
    if lang != "en":  # Qt's own source strings are English
        candidates.append((qt_dir, f"qtbase_{lang}"))
    for folder, name in candidates:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
    QLocale.setDefault(QLocale(QLocale(lang).language(), QLocale.Country.Sweden))


def source_files() -> list[Path]:
    root = Path(__file__).resolve().parent
    return sorted(p for p in root.rglob("*.py"))


def update_translations() -> None:
    """Refresh each language's .ts from the code (keeping translations) and build its .qm."""
    import subprocess  # a developer's command, not the app's start

    files = [str(p) for p in source_files()]
    for lang in words.languages():
        if lang == words.DEFAULT:
            continue
        ts = resource_path("translations", f"satellitkontor_{lang}.ts")
        subprocess.run(["pyside6-lupdate", *files, "-ts", str(ts), "-no-obsolete"], check=True)
        subprocess.run(["pyside6-lrelease", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)


if __name__ == "__main__":
    if "--update" in sys.argv:
        update_translations()
