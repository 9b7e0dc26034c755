"""The word catalogue: every language has every key, with the same placeholders, and a third
language needs only its own table (registered with one line) to be spoken everywhere."""

from __future__ import annotations

import string
from datetime import date
from pathlib import Path

import pytest

from satellitkontor import words
from satellitkontor.domain.errors import BookingNotFound, ResourceTaken
from satellitkontor.words.texts import describe, fmt_date

MARK = "⟨xx⟩ "


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_the_catalogue_has_swedish_and_english_and_swedish_is_the_default() -> None:
    assert words.languages()[:2] == ("sv", "en")
    assert words.DEFAULT == "sv"
    assert len(words.table("sv")) > 700


@pytest.mark.parametrize("lang", words.languages())
def test_every_language_has_every_key_and_no_other(lang: str) -> None:
    keys = set(words.table(words.DEFAULT))
    table = set(words.LANGUAGES[lang])
    assert not keys - table, f"{lang} lacks {sorted(keys - table)}"
    assert not table - keys, f"{lang} has keys no other language has: {sorted(table - keys)}"


@pytest.mark.parametrize("lang", words.languages())
def test_every_key_has_the_same_placeholders_in_every_language(lang: str) -> None:
    default = words.table(words.DEFAULT)
    differ = {
        key: (sorted(_placeholders(default[key])), sorted(_placeholders(text)))
        for key, text in words.LANGUAGES[lang].items()
        if _placeholders(text) != _placeholders(default.get(key, text))
    }
    assert not differ, differ


def test_the_keys_are_namespaced_identifiers() -> None:
    allowed = set(string.ascii_lowercase + string.digits + "._")
    odd = [key for key in words.table(words.DEFAULT) if "." not in key or not set(key) <= allowed]
    assert not odd


def test_say_fills_in_the_facts() -> None:
    assert words.say("error.booking.not_found", "sv", who="«7»") == "Det finns ingen bokning «7»."
    assert words.say("error.booking.not_found", "en", who="«7»") == "There is no booking «7»."


@pytest.fixture
def third_language(monkeypatch: pytest.MonkeyPatch) -> str:
    """A made-up language, registered the way a real one is: one table, one line."""
    table = {key: MARK + text for key, text in words.table("en").items()}
    monkeypatch.setitem(words.LANGUAGES, "xx", table)
    return "xx"


def test_a_third_language_is_spoken_by_describe_and_dates(third_language: str) -> None:
    assert describe(BookingNotFound(id=7), third_language) == MARK + "There is no booking «7»."
    sentence = describe(ResourceTaken(name="Plats 1", kind="desk", day=date(2026, 11, 24)), third_language)
    assert sentence.startswith(MARK)
    assert fmt_date(date(2026, 11, 24), third_language).startswith(MARK)


def _cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str, str]:
    import contextlib
    import io

    from satellitkontor.cli.main import main
    from satellitkontor.storage.database import sqlite_url

    for name in ("SATELLITKONTOR_DB_URL", "SATELLITKONTOR_USER", "SATELLITKONTOR_LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(["--db", sqlite_url(tmp_path / "office.sqlite3"), *args])
        except SystemExit as exc:  # argparse
            code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()


def test_a_third_language_is_spoken_by_the_command_line(
    third_language: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = _cli(tmp_path, monkeypatch, "--lang", third_language, "cancel", "--help")
    assert code == 0
    assert MARK + "cancel" in out  # the command's help, from the table
    assert MARK + "usage: " in out  # argparse's own words too
    code, out, err = _cli(tmp_path, monkeypatch, "--lang", third_language, "rotation", "--year", "2026")
    assert code == 0, err
    assert MARK in out
    code, _, err = _cli(tmp_path, monkeypatch, "--lang", third_language, "cancel", "4711")
    assert code == 2
    assert err.startswith(MARK) and MARK + "There is no booking «4711»." in err


def test_an_unregistered_language_is_refused_by_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _, err = _cli(tmp_path, monkeypatch, "--lang", "xx", "rotation")
    assert code == 2
    assert "--lang" in err


def test_a_closed_day_in_a_refusal_is_named_in_the_readers_language() -> None:
    """The series preview's skipped days said "The office is closed on Thu 24 Dec 2026: Julafton."."""
    from datetime import date

    from satellitkontor.domain.errors import OfficeClosed
    from satellitkontor.words.texts import describe

    eve = OfficeClosed(day=date(2026, 12, 24), reason="Julafton")
    assert describe(eve, "en") == "The office is closed on Thu 24 Dec 2026: Christmas Eve."
    assert describe(eve, "sv").endswith(": Julafton.")
    day = OfficeClosed(day=date(2026, 12, 25), reason="Juldagen")
    assert "Julafton" not in describe(day, "en") and "Juldagen" not in describe(day, "en")
    own = OfficeClosed(day=date(2026, 12, 28), reason="Flytt av kontoret")
    assert describe(own, "en").endswith(": Flytt av kontoret.")
