"""Who may do what: users book for themselves, staff for others, admins change the office."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.domain.errors import PermissionDenied, PersonInactive
from satellitkontor.domain.people import Role
from satellitkontor.domain.resources import ResourceKind
from satellitkontor.services.app_services import open_office
from tests.conftest import MovableClock, Office
from tests.services.helpers import TUESDAY, assert_rejected, at, count_bookings, sv


def test_a_user_cannot_book_for_someone_else_a_receptionist_can(office: Office) -> None:
    booking = office.services.booking
    assert_rejected(
        office,
        lambda: booking.book_desk(
            office.anna.id, office.desk(1).id, TUESDAY, DeskPeriod.FULL_DAY, for_person_id=office.bertil.id
        ),
        PermissionDenied,
        "Du har inte behörighet att boka åt någon annan",
        "din roll: användare",
    )
    assert_rejected(
        office,
        lambda: booking.book_room(
            office.anna.id, office.room.id, at(TUESDAY, 9), at(TUESDAY, 10), 3, for_person_id=office.bertil.id
        ),
        PermissionDenied,
        "boka åt någon annan",
    )

    desk = booking.book_desk(
        office.reception.id, office.desk(1).id, TUESDAY, DeskPeriod.FULL_DAY, for_person_id=office.bertil.id
    )
    room = booking.book_room(
        office.admin.id, office.room.id, at(TUESDAY, 9), at(TUESDAY, 10), 3, for_person_id=office.cecilia.id
    )
    assert (desk.person_id, desk.created_by_id, desk.municipality_code) == (
        office.bertil.id,
        office.reception.id,
        "vindeln",
    )
    assert desk.person_name == "Bertil Öberg"
    assert (room.person_id, room.created_by_id, room.municipality_code) == (
        office.cecilia.id,
        office.admin.id,
        "ornskoldsvik",
    )
    assert count_bookings(office) == 2


def test_naming_oneself_as_the_person_is_not_booking_for_someone_else(sqlite_office: Office) -> None:
    o = sqlite_office
    booking = o.services.booking.book_desk(
        o.anna.id, o.desk(1).id, TUESDAY, DeskPeriod.MORNING, for_person_id=o.anna.id
    )
    assert booking.person_id == booking.created_by_id == o.anna.id


def test_an_inactive_person_cannot_book_nor_be_booked_for(sqlite_office: Office) -> None:
    o = sqlite_office
    o.services.office.set_active(o.admin.id, o.bertil.id, False)
    assert_rejected(
        o,
        lambda: o.services.booking.book_desk(o.bertil.id, o.desk(1).id, TUESDAY, DeskPeriod.FULL_DAY),
        PersonInactive,
        "Bertil Öberg är inte längre aktiv",
    )
    assert_rejected(
        o,
        lambda: o.services.booking.book_desk(
            o.reception.id, o.desk(1).id, TUESDAY, DeskPeriod.FULL_DAY, for_person_id=o.bertil.id
        ),
        PersonInactive,
    )


def _admin_actions(o: Office):  # type: ignore[no-untyped-def]
    """Every change only an admin may make, as (name, call taking an actor id, Swedish words)."""
    office = o.services.office
    rotation = o.services.rotation
    meeting = (datetime(2026, 12, 10, 9, tzinfo=UTC), datetime(2026, 12, 10, 11, tzinfo=UTC))
    return [
        ("policy", lambda a: office.update_policy(a, horizon_days=30), "ändra reglerna"),
        (
            "closure",
            lambda a: office.add_closure(a, date(2026, 12, 28), date(2026, 12, 30), "Stängt"),
            "stängning",
        ),
        ("resource", lambda a: office.add_resource(a, ResourceKind.DESK, "Plats 9"), "plats"),
        ("resource-change", lambda a: office.update_resource(a, o.desk(1).id, active=False), "plats"),
        ("person", lambda a: office.add_person(a, "Nils Ny", "nils@vannas.se", "Vännäs"), "person"),
        ("role", lambda a: office.set_role(a, o.anna.id, Role.ADMIN), "roll"),
        ("rotation", lambda a: rotation.confirm_year(a, 2028), "värdkommun"),
        ("meeting", lambda a: rotation.add_meeting(a, "council", "Umeåregionrådet", *meeting), "möte"),
    ]


@pytest.mark.parametrize("who", ["anna", "reception"])
def test_only_admins_change_resources_policy_closures_people_and_rotation(
    sqlite_office: Office, who: str
) -> None:
    o = sqlite_office
    actor = getattr(o, who)
    before = (
        o.services.office.policy(),
        o.services.office.closures(),
        o.services.office.resources(include_inactive=True),
        o.services.office.people(),
        o.services.rotation.year(2028).host_year,
        o.services.rotation.year(2026).meetings,
    )
    for name, call, words in _admin_actions(o):
        with pytest.raises(PermissionDenied) as info:
            call(actor.id)
        message = sv(info.value)
        assert message.startswith("Du har inte behörighet att "), name
        assert words in message, (name, message)
        assert ("användare" if who == "anna" else "receptionist") in message
        assert "_" not in message, f"{name}: an identifier instead of Swedish: {message!r}"
    after = (
        o.services.office.policy(),
        o.services.office.closures(),
        o.services.office.resources(include_inactive=True),
        o.services.office.people(),
        o.services.rotation.year(2028).host_year,
        o.services.rotation.year(2026).meetings,
    )
    assert after == before


def test_an_admin_may_make_every_change(sqlite_office: Office) -> None:
    o = sqlite_office
    for _name, call, _words in _admin_actions(o):
        call(o.admin.id)
    assert o.services.office.policy().horizon_days == 30
    assert o.services.office.person_by_email("nils@vannas.se").municipality_code == "vannas"
    assert o.services.office.person(o.anna.id).role is Role.ADMIN


def test_anyone_may_set_up_an_office_that_has_no_admin_yet(sqlite_url_: str, clock: MovableClock) -> None:
    services = open_office(sqlite_url_, clock=clock)
    try:
        office = services.office
        office.add_closure(None, date(2026, 12, 28), date(2026, 12, 30), "Mellandagar")
        office.update_policy(None, horizon_days=60)
        first = office.add_person(None, "Åsa Admin", "asa@umea.se", "Umeå", role=Role.ADMIN)

        with pytest.raises(PermissionDenied) as info:
            office.update_policy(None, horizon_days=10)
        assert "din roll: ingen" in sv(info.value)
        assert office.policy().horizon_days == 60
        office.update_policy(first.id, horizon_days=10)
        assert office.policy().horizon_days == 10
        assert [c.reason for c in office.closures()] == ["Mellandagar"]
    finally:
        services.db.dispose()


def test_the_last_admin_cannot_be_demoted_or_deactivated(sqlite_office: Office) -> None:
    """Otherwise the office would have no admin again and anyone could make themselves admin."""
    o = sqlite_office
    office = o.services.office
    for call in (
        lambda: office.set_role(o.admin.id, o.admin.id, Role.USER),
        lambda: office.set_active(o.admin.id, o.admin.id, False),
    ):
        with pytest.raises(PermissionDenied) as info:
            call()
        assert "ta bort den sista administratören" in sv(info.value)
    assert office.person(o.admin.id).role is Role.ADMIN and office.person(o.admin.id).active
    with pytest.raises(PermissionDenied):
        office.set_role(o.anna.id, o.anna.id, Role.ADMIN)

    # with a second admin, the first may step down
    office.set_role(o.admin.id, o.cecilia.id, Role.ADMIN)
    assert office.set_role(o.admin.id, o.admin.id, Role.USER).role is Role.USER
    with pytest.raises(PermissionDenied):
        office.set_active(o.cecilia.id, o.cecilia.id, False)
    # an admin who is already inactive does not count, and may be changed freely
    office.add_person(o.cecilia.id, "Gammal Admin", "gammal@umea.se", "Umeå", role=Role.ADMIN)
    old = office.person_by_email("gammal@umea.se")
    office.set_active(o.cecilia.id, old.id, False)
    assert office.set_role(o.cecilia.id, old.id, Role.USER).role is Role.USER
