"""Every Exchange error has its own Swedish and English sentence, with every fact filled in."""

from __future__ import annotations

import pytest

from satellitkontor.integrations.exchange import errors
from satellitkontor.words import has, template
from satellitkontor.words.texts import describe

FACTS = {
    "url": "https://mail.umea.se/EWS/Exchange.asmx",
    "mailbox": "konferensrum@umea.se",
    "username": "UMEA\\satellitkontor-sync",
    "seconds": 30,
    "detail": "ErrorServerBusy",
    "office": "svc@umea.se",
}


def _all(cls: type[errors.ExchangeError]) -> list[type[errors.ExchangeError]]:
    return [cls] + [sub for child in cls.__subclasses__() for sub in _all(child)]


@pytest.mark.parametrize("cls", _all(errors.ExchangeError), ids=lambda c: c.code)
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_each_error_reads_as_a_whole_sentence(cls: type[errors.ExchangeError], lang: str) -> None:
    assert has(f"error.{cls.code}"), f"the catalogue has no sentence for {cls.code}"
    sentence = describe(cls(**FACTS), lang)
    assert sentence == template(f"error.{cls.code}", lang).format(**FACTS)
    assert "{" not in sentence and "  " not in sentence and sentence.endswith(".")


def test_waiting_helps_only_where_it_can() -> None:
    assert {c.code for c in _all(errors.ExchangeError) if not c.retryable} == {
        "exchange.unauthorized",
        "exchange.unauthorized.app_secret",
        "exchange.sign_in_required",
        "exchange.no_rights",
        "exchange.no_rights.not_found",
        "exchange.ews_disabled",
        "exchange.conflict",
    }


def test_waits_are_said_in_whole_seconds() -> None:
    from satellitkontor.integrations.exchange.errors import ExchangeThrottled, ExchangeTimeout
    from satellitkontor.words.texts import describe

    text = describe(ExchangeTimeout(url="https://mail.umea.se/EWS/Exchange.asmx", seconds=120.0), "sv")
    assert "inom 120 sekunder" in text
    assert "vänta 3 sekunder" in describe(ExchangeThrottled(url="x", seconds=2.2), "sv")
    assert "within 1 seconds" in describe(ExchangeTimeout(url="x", seconds=0.4), "en")
