"""The waitlist tells people by e-mail (issue 19), through a real SMTP server on 127.0.0.1: an
offer arrives once as a tentative invitation with the held booking's UID and the time it is held
until; declined, the next in line, who asked to be booked straight away, gets a confirmation of
the booking made for her."""

from __future__ import annotations

from satellitkontor.domain import clock as clk
from satellitkontor.domain.bookings import DeskPeriod
from tests.conftest import Office
from tests.integrations.mail.conftest import notices_on
from tests.integrations.mail.ics_check import invitation, text_of
from tests.integrations.mail.smtp_server import SmtpServer
from tests.services.helpers import TUESDAY
from tests.services.test_waitlist import two_desks_full


def test_an_offer_and_a_place_booked_straight_away_are_mailed_once(
    sqlite_office: Office, smtp: SmtpServer
) -> None:
    o, wl = sqlite_office, sqlite_office.services.waitlist
    admins, _ = two_desks_full(o)
    notices_on(o, smtp)
    anna = wl.join(o.anna.id, TUESDAY, DeskPeriod.FULL_DAY)
    wl.join(o.bertil.id, TUESDAY, DeskPeriod.FULL_DAY, auto_book=True)
    o.services.booking.cancel(o.admin.id, admins.id)
    o.services.notices.send()
    offers = [r for r in smtp.received if o.anna.email in r.recipients]
    assert len(offers) == 1
    (offer,) = wl.mine(o.anna.id)
    held = o.services.occupancy.booking(offer.offered_booking_id or 0)
    assert held is not None and offer.offer_until is not None
    got = invitation(offers[0])
    assert (got.method, got.status, got.uid) == ("REQUEST", "TENTATIVE", held.uid)
    assert clk.to_local(offer.offer_until).strftime("%H:%M") in text_of(offers[0])

    wl.decline(o.anna.id, anna.id)
    o.services.notices.send()
    bertils = [r for r in smtp.received if o.bertil.email in r.recipients]
    assert len(bertils) == 1
    (entry,) = wl.mine(o.bertil.id)
    booked = o.services.occupancy.booking(entry.offered_booking_id or 0)
    assert booked is not None
    got = invitation(bertils[0])
    assert (got.method, got.status, got.uid) == ("REQUEST", "CONFIRMED", booked.uid)
    o.services.notices.send()  # nothing twice
    assert len([r for r in smtp.received if o.bertil.email in r.recipients]) == 1
