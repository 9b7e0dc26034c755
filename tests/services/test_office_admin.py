"""The admin's office: rules, closures, desks and the room, people."""

from __future__ import annotations

from datetime import time

import pytest

from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.domain.errors import (
    DuplicateEmail,
    DuplicateResourceName,
    InvalidInput,
    OfficeClosed,
    ResourceInactive,
    UnknownMunicipality,
)
from satellitkontor.domain.office_calendar import OpeningHours
from satellitkontor.domain.policy import DEFAULT_POLICY
from satellitkontor.domain.resources import ResourceKind
from satellitkontor.services.app_services import open_office
from tests.conftest import Office
from tests.services.helpers import TUESDAY, WEDNESDAY, assert_rejected, at, sv


def test_the_default_office_has_eight_desks_and_a_room_for_twelve(sqlite_office: Office) -> None:
    o = sqlite_office
    assert [d.name for d in o.desks] == [f"Plats {n}" for n in range(1, 9)]
    assert o.room.name == "Konferensrummet" and o.room.capacity == 12
    assert o.services.office.policy() == DEFAULT_POLICY


def test_policy_changes_are_stored_and_invalid_values_are_refused(sqlite_office: Office) -> None:
    o = sqlite_office
    office = o.services.office
    changed = office.update_policy(o.admin.id, horizon_days=30, room_min_minutes=60, midday=time(12, 30))
    assert (changed.horizon_days, changed.room_min_minutes, changed.midday) == (30, 60, time(12, 30))

    # another PC opening the same database sees the same rules
    other = open_office(o.services.db.url.render_as_string(hide_password=False))
    try:
        assert other.office.policy() == changed
    finally:
        other.db.dispose()

    for changes, words in (
        ({"horizon_days": 0}, "antal dagar framåt som går att boka"),
        ({"room_min_minutes": 600}, "kortaste rumsbokning"),
        ({"max_participants": 0}, "högsta antal deltagare"),
        ({"no_such_rule": 1}, "Ogiltigt värde för regel"),
        ({"week": ()}, "öppettider per veckodag"),
        ({"week": (("07:00", "19:00"),) * 5 + (None, None)}, "öppettider per veckodag"),
    ):
        with pytest.raises(InvalidInput) as info:
            office.update_policy(o.admin.id, **changes)
        assert words in sv(info.value), changes
    assert office.policy() == changed


def test_the_new_midday_moves_the_border_between_morning_and_afternoon(sqlite_office: Office) -> None:
    o = sqlite_office
    o.services.office.update_policy(o.admin.id, midday=time(12, 30))
    morning = o.services.booking.book_desk(o.anna.id, o.desk(1).id, TUESDAY, DeskPeriod.MORNING)
    afternoon = o.services.booking.book_desk(o.bertil.id, o.desk(1).id, TUESDAY, DeskPeriod.AFTERNOON)
    assert morning.end == afternoon.start
    assert morning.end == at(TUESDAY, 12, 30)
    assert o.services.occupancy.day(TUESDAY).desks[0].state == "full"


def test_closures_are_added_and_removed(sqlite_office: Office) -> None:
    o = sqlite_office
    office = o.services.office
    closure = office.add_closure(o.admin.id, TUESDAY, WEDNESDAY, "  Städning   av lokalen ")
    assert (closure.start, closure.end, closure.reason) == (TUESDAY, WEDNESDAY, "Städning av lokalen")
    assert o.services.occupancy.day(WEDNESDAY).closed.name == "Städning av lokalen"
    assert_rejected(
        o,
        lambda: o.services.booking.book_desk(o.anna.id, o.desk(1).id, WEDNESDAY, DeskPeriod.MORNING),
        OfficeClosed,
        "Städning av lokalen",
    )

    office.remove_closure(o.admin.id, closure.id)
    assert office.closures() == []
    assert (
        o.services.booking.book_desk(o.anna.id, o.desk(1).id, WEDNESDAY, DeskPeriod.MORNING).day == WEDNESDAY
    )


def test_bad_closures_are_refused(sqlite_office: Office) -> None:
    office = sqlite_office.services.office
    with pytest.raises(InvalidInput) as backwards:
        office.add_closure(sqlite_office.admin.id, WEDNESDAY, TUESDAY, "Flytt")
    assert "stängningens datum" in sv(backwards.value)
    with pytest.raises(InvalidInput) as no_reason:
        office.add_closure(sqlite_office.admin.id, TUESDAY, TUESDAY, "   ")
    assert "anledning" in sv(no_reason.value)
    assert office.closures() == []


def test_a_new_desk_can_be_booked_and_a_deactivated_one_cannot(sqlite_office: Office) -> None:
    o = sqlite_office
    office = o.services.office
    new = office.add_resource(o.admin.id, ResourceKind.DESK, "Plats 9", equipment=("En skärm",), x=950, y=150)
    assert new.capacity == 1 and new.sort_order == 10
    assert "Plats 9" in [r.resource.name for r in o.services.occupancy.day(TUESDAY).desks]
    assert (
        o.services.booking.book_desk(o.anna.id, new.id, TUESDAY, DeskPeriod.FULL_DAY).resource_name
        == "Plats 9"
    )

    office.update_resource(o.admin.id, o.desk(2).id, active=False)
    assert "Plats 2" not in [r.resource.name for r in o.services.occupancy.day(TUESDAY).desks]
    assert_rejected(
        o,
        lambda: o.services.booking.book_desk(o.bertil.id, o.desk(2).id, TUESDAY, DeskPeriod.FULL_DAY),
        ResourceInactive,
        "Plats 2 går inte att boka",
    )


def test_resource_names_are_unique_and_desks_seat_one(sqlite_office: Office) -> None:
    o = sqlite_office
    office = o.services.office
    with pytest.raises(DuplicateResourceName) as dup:
        office.add_resource(o.admin.id, ResourceKind.DESK, "  plats   1 ")
    assert "Det finns redan en plats eller ett rum som heter" in sv(dup.value)
    with pytest.raises(InvalidInput) as cap:
        office.add_resource(o.admin.id, ResourceKind.DESK, "Plats 10", capacity=2)
    assert "kapacitet" in sv(cap.value)
    with pytest.raises(InvalidInput):
        office.update_resource(o.admin.id, o.room.id, capacity=0)
    assert len(office.resources()) == 9


def test_people_have_unique_emails_and_a_known_municipality(sqlite_office: Office) -> None:
    o = sqlite_office
    office = o.services.office
    with pytest.raises(DuplicateEmail) as dup:
        office.add_person(o.admin.id, "Anna Igen", " ANNA.andersson@umea.se ", "Umeå")
    assert "Det finns redan en person med e-postadressen anna.andersson@umea.se" in sv(dup.value)
    with pytest.raises(UnknownMunicipality) as unknown:
        office.add_person(o.admin.id, "Lars Luleå", "lars@lulea.se", "Luleå")
    assert "Okänd kommun: Luleå" in sv(unknown.value)
    assert len(office.people()) == 5


def test_opening_hours_must_open_before_they_close() -> None:
    with pytest.raises(InvalidInput) as info:
        OpeningHours(time(17), time(8))
    assert "öppettid" in sv(info.value)
