"""Erasing an external guest on their request (issue 16): by e-mail address or a booking number;
a name two guests share is refused with a list of both, and nothing changes."""

from __future__ import annotations

from datetime import time

import pytest
from sqlalchemy import select

from satellitkontor.domain.bookings import BookingStatus, DeskPeriod, Guest
from satellitkontor.domain.errors import (
    GuestAmbiguous,
    GuestBookingNotFound,
    GuestEmailNotFound,
    InvalidInput,
)
from satellitkontor.storage.models import AuditRow, BookingRow
from satellitkontor.words.texts import describe
from tests.conftest import MONDAY, Office
from tests.services.helpers import TUESDAY, WEDNESDAY

FULL = DeskPeriod.FULL_DAY
KIM_REGION = Guest.of("Kim Berg", "Region Västerbotten", " Kim.Berg@Region.se ")
KIM_INVEST = Guest.of("Kim  Berg", "Kommuninvest")


def _guests(o: Office) -> dict[int, tuple[str | None, str | None, str | None, BookingStatus]]:
    with o.services.db.session() as s:
        return {
            r.id: (r.guest_name, r.guest_org, r.guest_email, r.status)
            for r in s.scalars(select(BookingRow).where(BookingRow.guest_org.is_not(None)))
        }


def _book(o: Office) -> tuple[int, int, int]:
    b = o.services.booking
    region = b.book_desk(
        o.reception.id, o.desk(1).id, TUESDAY, FULL, for_person_id=o.anna.id, guest=KIM_REGION
    )
    again = b.book_desk(
        o.reception.id, o.desk(1).id, WEDNESDAY, FULL, for_person_id=o.anna.id, guest=KIM_REGION
    )
    invest = b.book_desk(
        o.reception.id, o.desk(2).id, TUESDAY, FULL, for_person_id=o.bertil.id, guest=KIM_INVEST
    )
    return region.id, again.id, invest.id


def test_the_guests_e_mail_is_kept_and_checked() -> None:
    assert KIM_REGION.email == "kim.berg@region.se"
    assert Guest.of("Kim", "R", "  ").email is None
    with pytest.raises(InvalidInput):
        Guest.of("Kim", "R", "kim.berg")


def test_a_shared_name_is_refused_with_both_guests_listed(office: Office) -> None:
    o = office
    region, again, invest = _book(o)
    before = _guests(o)
    with pytest.raises(GuestAmbiguous) as info:
        o.services.personal_data.erase_guest(o.admin.id, "kim berg")
    assert describe(info.value, "sv") == (
        "Flera gäster heter «kim berg»: "
        f"Kim Berg, Region Västerbotten, kim.berg@region.se: #{region}, #{again}; "
        f"Kim Berg, Kommuninvest: #{invest}. "
        "Ange gästens e-postadress eller numret på en av gästens bokningar."
    )
    assert _guests(o) == before  # nothing changed
    with o.services.db.session() as s:
        assert s.scalars(select(AuditRow).where(AuditRow.action == "guest.erase")).all() == []


def test_by_e_mail_only_that_guest_is_erased(office: Office) -> None:
    o = office
    region, again, invest = _book(o)
    o.clock.set_local(MONDAY, time(18))
    assert o.services.personal_data.erase_guest(o.admin.id, "KIM.BERG@region.se") == (2, 2)
    after = _guests(o)
    assert after[region] == (None, "Region Västerbotten", None, BookingStatus.CANCELLED)
    assert after[again] == (None, "Region Västerbotten", None, BookingStatus.CANCELLED)
    assert after[invest] == ("Kim Berg", "Kommuninvest", None, BookingStatus.CONFIRMED)
    with pytest.raises(GuestEmailNotFound) as info:
        o.services.personal_data.erase_guest(o.admin.id, "kim.berg@region.se")  # already erased
    assert describe(info.value, "sv") == "Ingen bokning har en gäst med e-postadressen «kim.berg@region.se»."
    # now the name is one guest's: it is enough
    assert o.services.personal_data.erase_guest(o.admin.id, "Kim Berg") == (1, 1)


def test_by_a_booking_number_that_guests_bookings_are_erased(office: Office) -> None:
    o = office
    region, again, invest = _book(o)
    assert o.services.personal_data.erase_guest(o.admin.id, f"#{invest}") == (1, 1)
    after = _guests(o)
    assert after[invest][0] is None and after[region][0] == after[again][0] == "Kim Berg"
    assert o.services.personal_data.erase_guest(o.admin.id, str(again)) == (2, 2)  # both of Region's
    own = o.services.booking.book_desk(o.anna.id, o.desk(4).id, TUESDAY, FULL)
    for ref in (str(own.id), "99999", f"#{invest}"):  # not a guest's, none, already erased
        with pytest.raises(GuestBookingNotFound) as info:
            o.services.personal_data.erase_guest(o.admin.id, ref)
        assert "är inte en extern gästs bokning" in describe(info.value, "sv")


def test_erasing_the_host_removes_the_guests_address_too(office: Office) -> None:
    o = office
    region, again, invest = _book(o)  # Anna hosts Kim of Region (with an address), Bertil the other
    o.services.personal_data.erase(o.admin.id, o.anna.id)
    after = _guests(o)
    assert after[region][:3] == after[again][:3] == (None, "Region Västerbotten", None)
    assert after[invest][:3] == ("Kim Berg", "Kommuninvest", None)
