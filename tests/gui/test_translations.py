"""The English translation is complete and built: every text the code passes to tr() has an
English translation in the committed .ts, and the committed .qm is what lrelease makes of it."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from satellitkontor.gui.i18n import source_files
from satellitkontor.resources_data import resource_path

TS = resource_path("translations", "satellitkontor_en.ts")


def _tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    if not Path(found).exists():
        pytest.fail(f"{name} not found (it comes with PySide6-Essentials)")
    return found


def test_every_text_in_the_code_has_an_english_translation(tmp_path: Path) -> None:
    fresh = tmp_path / "check_en.ts"
    shutil.copy(TS, fresh)
    files = [str(p) for p in source_files()]
    subprocess.run(
        [_tool("pyside6-lupdate"), *files, "-ts", str(fresh), "-no-obsolete"], check=True, capture_output=True
    )
    untranslated = [
        f"{ctx.findtext('name')}: {msg.findtext('source')!r}"
        for ctx in ET.parse(fresh).getroot().iter("context")
        for msg in ctx.iter("message")
        if msg.find("translation") is not None and msg.find("translation").get("type") == "unfinished"  # type: ignore[union-attr]
    ]
    assert untranslated == [], "run: python -m satellitkontor.gui.i18n --update, then translate"


def test_the_committed_qm_is_built_from_the_ts(tmp_path: Path) -> None:
    built = tmp_path / "en.qm"
    subprocess.run([_tool("pyside6-lrelease"), str(TS), "-qm", str(built)], check=True, capture_output=True)
    assert built.read_bytes() == TS.with_suffix(".qm").read_bytes()


def test_texts_are_passed_to_tr_as_literals() -> None:
    """lupdate only finds literal texts: tr(variable) or translate(ctx, variable) would never be
    translated (a wrapper like _tr(text) hid 37 texts from the English once)."""
    import re

    hidden = re.compile(
        r"(?<![\w.])(?:self\.)?tr\(\s*[^\"'\s).]|\.translate\(\s*[\"'][^\"']*[\"'],\s*[^\"'\s]"
    )
    offenders = [
        f"{path.name}:{n}: {line.strip()}"
        for path in source_files()
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if hidden.search(line) and "marked by QT_TRANSLATE_NOOP" not in line
    ]
    assert offenders == []
