"""Every sentence a user reads outside Qt widgets: one catalogue, one table per language.

Each language is one module holding one ``dict[str, str]`` from a key to its words: ``sv.py``
(Swedish, the default) and ``en.py``, with the command line's words in ``cli_sv.py`` and
``cli_en.py`` and the audit trail's and the notices' in ``audit_words.py`` and ``notices.py``. Keys are stable, namespaced identifiers
(``error.booking.not_found``, ``label.admin``, ``cli.demo.creating_demo_office``,
``export.stats.header.month``);
``{name}`` in the words is filled by :func:`say`. Every language has the same keys and the
same placeholders in each (tests/words/test_catalogue.py checks).

To add a language: copy ``en.py`` and ``cli_en.py`` to ``xx.py`` and ``cli_xx.py`` and add an
``XX`` table to ``audit_words.py`` and ``notices.py``, translate the values, register it with one
line in :data:`LANGUAGES` below, and add ``resources/translations/satellitkontor_xx.ts`` for the
GUI's own Qt labels. The command line's ``--lang`` and the settings read their choices from
:data:`LANGUAGES`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from satellitkontor.words import audit_words, cli_en, cli_sv, notices
from satellitkontor.words.en import EN
from satellitkontor.words.sv import SV

#: The registered languages, by code; the first is the default. The command line's words
#: (words/cli_sv.py, words/cli_en.py), the audit trail's (words/audit_words.py) and the notices'
#: (issue 19, words/notices.py) live apart and join each table here.
LANGUAGES: dict[str, Mapping[str, str]] = {
    "sv": {**SV, **cli_sv.SV, **audit_words.SV, **notices.SV},
    "en": {**EN, **cli_en.EN, **audit_words.EN, **notices.EN},
}
DEFAULT = "sv"


def languages() -> tuple[str, ...]:
    """The codes of the registered languages, the default first."""
    return tuple(LANGUAGES)


def table(lang: str) -> Mapping[str, str]:
    """The words of ``lang``; an unknown language gets the default's."""
    return LANGUAGES.get(lang) or LANGUAGES[DEFAULT]


def has(key: str) -> bool:
    return key in LANGUAGES[DEFAULT]


def template(key: str, lang: str = DEFAULT) -> str:
    """The words of ``key`` with their ``{placeholders}`` unfilled."""
    return table(lang)[key]


def say(key: str, lang: str = DEFAULT, /, **facts: Any) -> str:
    """The words of ``key`` in ``lang``, with ``{placeholders}`` filled from ``facts``."""
    return table(lang)[key].format_map(facts)


class Words(Protocol):
    """``t(key, **facts) -> str``: :func:`say` bound to one language."""

    def __call__(self, key: str, /, **facts: Any) -> str: ...


def t_for(lang: str) -> Words:
    """``t(key, **facts)``: :func:`say` bound to one language (the CLI's parser is built with it)."""

    def t(key: str, /, **facts: Any) -> str:
        return say(key, lang, **facts)

    return t
