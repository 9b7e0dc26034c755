"""Error texts say how to put things right: an empty name asks for it, a bad e-mail address shows
what a whole one looks like."""

from __future__ import annotations

from satellitkontor.domain.errors import InvalidInput
from satellitkontor.words.texts import describe


def test_an_empty_field_is_asked_for() -> None:
    assert describe(InvalidInput(field="name", value=""), "sv") == "Fyll i namn (skriv för- och efternamn)."
    assert (
        describe(InvalidInput(field="name", value="  "), "en")
        == "Fill in the name (write the first and last name)."
    )


def test_a_bad_email_shows_a_whole_address() -> None:
    text = describe(InvalidInput(field="email", value="asa.oberg"), "sv")
    assert text == (
        "Ogiltigt värde för e-postadress (skriv hela adressen, t.ex. anna.andersson@umea.se): asa.oberg."
    )
