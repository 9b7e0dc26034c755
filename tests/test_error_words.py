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


def test_an_error_about_the_reader_speaks_to_du(office) -> None:  # type: ignore[no-untyped-def]
    """Anna, who already has a desk, is told "Du har redan…", not "Anna Andersson har redan…";
    someone booking for Anna still reads her name."""
    import pytest

    from satellitkontor.domain.bookings import DeskPeriod
    from satellitkontor.domain.errors import PersonAlreadyHasDesk
    from tests.conftest import MONDAY

    b = office.services.booking
    b.book_desk(office.anna.id, office.desk(1).id, MONDAY, DeskPeriod.FULL_DAY)
    with pytest.raises(PersonAlreadyHasDesk) as caught:
        b.book_desk(office.anna.id, office.desk(2).id, MONDAY, DeskPeriod.MORNING)
    mine = describe(caught.value, "sv", office.anna.id)
    assert mine.startswith("Du har redan en kontorsplats då (Plats 1,") and "Mina bokningar" in mine
    theirs = describe(caught.value, "sv", office.reception.id)
    assert theirs.startswith(f"{office.anna.name} har redan en kontorsplats")
    assert describe(caught.value, "en", office.anna.id).startswith("You already have a desk then")
