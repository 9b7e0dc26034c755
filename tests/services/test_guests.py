"""Guests: the receptionist or an admin books a desk or a room for an external guest with a host
who answers for them; statistics count the guest under the host's municipality, marked as guest;
retention and erasure cover guests."""

from __future__ import annotations

from datetime import date, time

import pytest
from sqlalchemy import select

from satellitkontor.domain.bookings import BookingStatus, DeskPeriod, Guest
from satellitkontor.domain.errors import GuestNotFound, InvalidInput, PermissionDenied, PersonAlreadyHasDesk
from satellitkontor.storage.models import AuditRow, BookingRow, ExchangeOutboxRow
from satellitkontor.words.texts import describe
from tests.conftest import MONDAY, Office
from tests.services.exchange_helpers import enable_sync
from tests.services.helpers import TUESDAY, WEDNESDAY, assert_rejected, at, count_bookings

FULL = DeskPeriod.FULL_DAY
KIM = Guest.of("  Kim   Berg ", "Region Västerbotten")


def test_a_guest_is_checked_before_anything_is_saved() -> None:
    assert Guest("Kim Berg", "Region Västerbotten") == KIM
    for name, org, field in (
        ("", "Region", "guest_name"),
        ("Kim", " ", "guest_org"),
        ("K" * 201, "R", "guest_name"),
    ):
        with pytest.raises(InvalidInput) as info:
            Guest.of(name, org)
        assert info.value.params["field"] == field


def test_the_receptionist_books_a_desk_for_a_guest_with_a_host(office: Office) -> None:
    o = office
    enable_sync(o)
    view = o.services.booking.book_desk(
        o.reception.id, o.desk(2).id, TUESDAY, FULL, for_person_id=o.bertil.id, guest=KIM
    )
    assert (view.guest_name, view.guest_org, view.person_id, view.municipality_code) == (
        "Kim Berg",
        "Region Västerbotten",
        o.bertil.id,
        "vindeln",
    )
    assert view.is_guest and view.created_by_id == o.reception.id
    # the host keeps their own desk beside the guest's, and a second guest of theirs has one too
    o.services.booking.book_desk(o.bertil.id, o.desk(3).id, TUESDAY, FULL)
    o.services.booking.book_desk(
        o.reception.id,
        o.desk(4).id,
        TUESDAY,
        FULL,
        for_person_id=o.bertil.id,
        guest=Guest.of("Lo", "Kommuninvest"),
    )
    with pytest.raises(PersonAlreadyHasDesk):  # the host's own second desk is still refused
        o.services.booking.book_desk(o.bertil.id, o.desk(5).id, TUESDAY, FULL)
    day = o.services.occupancy.day(TUESDAY, viewer_id=o.reception.id)
    desk = next(r for r in day.desks if r.resource.id == o.desk(2).id)
    assert [(b.guest_name, b.person_name) for b in desk.bookings] == [("Kim Berg", "Bertil Öberg")]
    # one transaction with its audit entry (the guest marked, no name) and its Exchange row
    with o.services.db.session() as s:
        entry = s.scalars(
            select(AuditRow).where(AuditRow.entity == "booking", AuditRow.entity_id == str(view.id))
        ).one()
        assert entry.after["guest"] is True and entry.after["guest_org"] == "Region Västerbotten"
        assert "Kim" not in str(entry.after)
        assert s.scalars(select(ExchangeOutboxRow).where(ExchangeOutboxRow.booking_id == view.id)).one()


def test_an_admin_books_the_room_for_a_guest_hosted_by_herself(office: Office) -> None:
    o = office
    view = o.services.booking.book_room(
        o.admin.id, o.room.id, at(TUESDAY, 9), at(TUESDAY, 11), 3, "Studiebesök", guest=KIM
    )
    assert (view.person_id, view.guest_name, view.title) == (o.admin.id, "Kim Berg", "Studiebesök")


def test_a_user_cannot_book_a_guest(office: Office) -> None:
    o = office
    err = assert_rejected(
        o,
        lambda: o.services.booking.book_desk(o.anna.id, o.desk(1).id, TUESDAY, FULL, guest=KIM),
        PermissionDenied,
        "boka åt en gäst",
    )
    assert err.params["action"] == "book_guest"
    assert count_bookings(o) == 0


def test_statistics_count_a_guest_under_the_hosts_municipality_marked_as_guest(office: Office) -> None:
    o = office
    b = o.services.booking
    b.book_desk(o.reception.id, o.desk(1).id, TUESDAY, FULL, for_person_id=o.bertil.id, guest=KIM)
    b.book_desk(
        o.reception.id, o.desk(2).id, WEDNESDAY, DeskPeriod.MORNING, for_person_id=o.bertil.id, guest=KIM
    )
    b.book_desk(o.bertil.id, o.desk(3).id, WEDNESDAY, FULL)
    cancelled = b.book_desk(o.reception.id, o.desk(4).id, TUESDAY, FULL, for_person_id=o.anna.id, guest=KIM)
    b.cancel(o.reception.id, cancelled.id)
    rows = {(r.month, r.municipality_code): r for r in o.services.statistics.usage(2026)}
    vindeln = rows[(None, "vindeln")]
    assert (vindeln.desk_days, vindeln.bookings, vindeln.guest_bookings) == (2.5, 3, 2)
    assert (vindeln.people, vindeln.politicians) == (1, 1)  # Bertil, for his own desk only
    umea = rows[(None, "umea")]
    assert (umea.bookings, umea.guest_bookings, umea.people) == (0, 0, 0)  # the cancelled one counts not


def test_retention_removes_a_guests_name_and_keeps_the_count(office: Office) -> None:
    o = office
    saved = o.clock.moment
    o.clock.set_local(date(2024, 3, 4), time(7, 30))
    old = o.services.booking.book_desk(
        o.admin.id, o.desk(1).id, date(2024, 3, 5), FULL, for_person_id=o.cecilia.id, guest=KIM
    )
    o.clock.moment = saved
    before = o.services.statistics.usage(2024)
    o.services.privacy.retention(o.admin.id, apply=True)
    with o.services.db.session() as s:
        row = s.get(BookingRow, old.id)
        assert row is not None
        assert (row.guest_name, row.guest_org, row.person_id) == (None, "Region Västerbotten", None)
    assert o.services.statistics.usage(2024) == before
    whole = next(r for r in before if r.month is None and r.municipality_code == "ornskoldsvik")
    assert whole.guest_bookings == 1


def test_erasing_a_host_cancels_their_guests_coming_bookings_and_removes_the_names(office: Office) -> None:
    o = office
    enable_sync(o)
    b = o.services.booking
    coming = b.book_desk(o.reception.id, o.desk(1).id, WEDNESDAY, FULL, for_person_id=o.cecilia.id, guest=KIM)
    today = b.book_desk(o.reception.id, o.desk(2).id, MONDAY, FULL, for_person_id=o.cecilia.id, guest=KIM)
    o.clock.set_local(MONDAY, time(18))  # Monday's visit is over
    report = o.services.personal_data.erase(o.admin.id, o.cecilia.id)
    assert (report.cancelled, report.bookings) == (1, 2)
    with o.services.db.session() as s:
        rows = {r.id: r for r in s.scalars(select(BookingRow))}
        assert rows[coming.id].status is BookingStatus.CANCELLED
        assert rows[today.id].status is BookingStatus.CONFIRMED
        assert {(r.guest_name, r.person_id) for r in rows.values()} == {(None, None)}
        assert {r.guest_org for r in rows.values()} == {"Region Västerbotten"}
        outbox = s.scalars(
            select(ExchangeOutboxRow.operation).where(ExchangeOutboxRow.booking_id == coming.id)
        )
        assert "cancel" in list(outbox)


def test_a_guest_asks_to_be_erased(office: Office) -> None:
    o = office
    enable_sync(o)
    b = o.services.booking
    coming = b.book_desk(o.reception.id, o.desk(1).id, WEDNESDAY, FULL, for_person_id=o.anna.id, guest=KIM)
    past = b.book_desk(o.reception.id, o.desk(2).id, MONDAY, FULL, for_person_id=o.anna.id, guest=KIM)
    other = b.book_desk(
        o.reception.id, o.desk(3).id, WEDNESDAY, FULL, for_person_id=o.anna.id, guest=Guest.of("Lo", "R")
    )
    o.clock.set_local(MONDAY, time(18))
    with pytest.raises(PermissionDenied):
        o.services.personal_data.erase_guest(o.reception.id, "Kim Berg")
    assert o.services.personal_data.erase_guest(o.admin.id, " kim  berg") == (2, 1)
    with o.services.db.session() as s:
        rows = {r.id: r for r in s.scalars(select(BookingRow))}
        assert (rows[coming.id].guest_name, rows[coming.id].status) == (None, BookingStatus.CANCELLED)
        assert (rows[past.id].guest_name, rows[past.id].guest_org) == (None, "Region Västerbotten")
        assert rows[other.id].guest_name == "Lo"
        entry = s.scalars(select(AuditRow).where(AuditRow.action == "guest.erase")).one()
        assert entry.after == {"bookings_anonymised": 2, "bookings_cancelled": 1}
    err = assert_rejected(
        o, lambda: o.services.personal_data.erase_guest(o.admin.id, "Kim Berg"), GuestNotFound
    )
    assert describe(err, "sv") == "Ingen bokning har en gäst som heter «Kim Berg»."


def test_an_internal_feed_names_the_guest_and_host_and_a_public_one_neither(office: Office) -> None:
    from satellitkontor.domain.feeds import FeedKind, Privacy
    from tests.integrations.feed_helpers import events, feed

    o = office
    view = o.services.booking.book_desk(
        o.reception.id, o.desk(2).id, TUESDAY, FULL, for_person_id=o.bertil.id, guest=KIM
    )
    internal = events(feed(o.services, FeedKind.OFFICE, privacy=Privacy.INTERNAL))
    assert str(internal[view.uid]["SUMMARY"]) == (
        "Plats 2 – Gäst Kim Berg (Region Västerbotten), värd Bertil Öberg (Vindeln)"
    )
    public = events(feed(o.services, FeedKind.OFFICE, privacy=Privacy.PUBLIC))
    assert str(public[view.uid]["SUMMARY"]) == "Plats 2 – Bokad (Vindeln)"
