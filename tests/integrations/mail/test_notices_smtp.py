"""Notices reach people through a real SMTP server (aiosmtpd on 127.0.0.1): each once, with an
invitation a calendar program reads (RFC 6047), in the person's language, and none lost or
doubled when the server is away for a while."""

from __future__ import annotations

from datetime import time, timedelta
from email.header import decode_header, make_header

import pytest

from satellitkontor.domain import clock as clk
from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.domain.errors import InvalidInput
from satellitkontor.domain.notices import NoticePrefs
from satellitkontor.services.booking.changes import BookingChange
from satellitkontor.services.notices.config import NoticeConfig
from satellitkontor.words.texts import describe
from tests.conftest import MONDAY, Office
from tests.integrations.mail.conftest import SENDER, notices_on
from tests.integrations.mail.ics_check import invitation, text_of
from tests.integrations.mail.smtp_server import SmtpServer

TUESDAY, WEDNESDAY = MONDAY + timedelta(days=1), MONDAY + timedelta(days=2)


def subject(received: object) -> str:
    return str(make_header(decode_header(received.message["Subject"])))  # type: ignore[attr-defined]


def test_booked_changed_and_closed_for_anna_each_arrive_once(office: Office, smtp: SmtpServer) -> None:
    o = office
    notices_on(o, smtp)
    b = o.services.booking
    booked = b.book_desk(o.reception.id, o.desk(2).id, TUESDAY, DeskPeriod.FULL_DAY, for_person_id=o.anna.id)
    b.change(o.reception.id, booked.id, BookingChange(day=WEDNESDAY, period=DeskPeriod.MORNING))
    o.services.office.add_closure(o.admin.id, WEDNESDAY, WEDNESDAY, "Vattenläcka")
    report = o.services.notices.send()
    assert (report.sent, report.skipped) == (3, 0), report.errors
    assert [r.recipients for r in smtp.received] == [["anna.andersson@umea.se"]] * 3
    assert all(r.sender == SENDER for r in smtp.received)
    request, change, cancel = (invitation(r) for r in smtp.received)
    assert [i.method for i in (request, change, cancel)] == ["REQUEST", "REQUEST", "CANCEL"]
    assert [i.part_method for i in (request, change, cancel)] == ["REQUEST", "REQUEST", "CANCEL"]
    assert {i.uid for i in (request, change, cancel)} == {booked.uid}
    assert [i.sequence for i in (request, change, cancel)] == [0, 1, 2]
    assert str(request.start.tzinfo) == "Europe/Stockholm"
    assert request.start == booked.start and request.end == booked.end
    assert (change.start.date(), change.start.hour) == (WEDNESDAY, clk.to_local(change.start).hour)
    assert change.start.tzinfo is not None and str(change.start.tzinfo) == "Europe/Stockholm"
    assert cancel.status == "CANCELLED"
    assert request.organizer == f"mailto:{SENDER}"
    assert request.attendees == ["mailto:anna.andersson@umea.se"]  # nobody else is named
    assert subject(smtp.received[0]).startswith("Bokning bekräftad: Plats 2")
    assert "Kontoret har bokat åt dig." in text_of(smtp.received[0])
    assert "Vattenläcka" in text_of(smtp.received[2])
    assert "kontoret är stängt" in text_of(smtp.received[2])
    # a second run has nothing left to send
    assert o.services.notices.send().sent == 0
    assert len(smtp.received) == 3


def test_her_own_booking_is_confirmed_only_when_she_asks_and_in_her_language(
    office: Office, smtp: SmtpServer
) -> None:
    o = office
    notices_on(o, smtp)
    b = o.services.booking
    b.book_desk(o.anna.id, o.desk(1).id, TUESDAY, DeskPeriod.MORNING)
    report = o.services.notices.send()
    assert (report.sent, report.skipped, len(smtp.received)) == (0, 1, 0)  # the default: no confirmation
    o.services.notices.save_prefs(o.anna.id, NoticePrefs(confirmations=True, language="en"))
    mine = b.book_desk(o.anna.id, o.desk(1).id, WEDNESDAY, DeskPeriod.AFTERNOON)
    assert o.services.notices.send().sent == 1
    assert subject(smtp.received[0]).startswith("Booking confirmed: Plats 1")
    assert "Your booking is made." in text_of(smtp.received[0])
    assert smtp.received[0].message["Content-Language"] == "en"
    got = invitation(smtp.received[0])
    assert (got.uid, got.method, got.start, got.end) == (mine.uid, "REQUEST", mine.start, mine.end)
    assert clk.to_local(got.start).time() >= time(12)  # the afternoon, in Stockholm's time


def test_nothing_is_queued_while_notices_are_off(office: Office, smtp: SmtpServer) -> None:
    o = office
    o.services.booking.book_desk(
        o.reception.id, o.desk(2).id, TUESDAY, DeskPeriod.FULL_DAY, for_person_id=o.anna.id
    )
    assert o.services.notices.send().sent == 0
    assert o.services.notices.status().counts == {}
    assert smtp.received == []


def test_the_server_away_for_a_while_loses_and_doubles_nothing(office: Office, smtp: SmtpServer) -> None:
    o = office
    notices_on(o, smtp)
    b = o.services.booking
    for n, person in enumerate((o.anna, o.bertil, o.cecilia), start=1):
        b.book_desk(o.reception.id, o.desk(n).id, TUESDAY, DeskPeriod.FULL_DAY, for_person_id=person.id)
    smtp.stop()
    report = o.services.notices.send()
    assert (report.sent, report.failed, report.stopped) == (0, 1, True)
    status = o.services.notices.status(o.reception.id)
    assert status.waiting == 3 and status.last_error is not None
    assert "svarar inte" in status.last_error and "skickas när den svarar igen" in status.last_error
    assert status.next_attempt_at == o.clock()  # two untouched notices are due now
    o.clock.advance(minutes=5)
    assert o.services.notices.send().sent == 0  # still away
    smtp.start()
    o.clock.advance(minutes=5)
    assert o.services.notices.send().sent == 3
    o.clock.advance(hours=2)
    assert o.services.notices.send().sent == 0
    assert sorted(r.recipients[0] for r in smtp.received) == [
        "anna.andersson@umea.se",
        "bertil.oberg@vindeln.se",
        "cecilia.ek@ornskoldsvik.se",
    ]
    assert o.services.notices.status().counts == {"sent": 3}


def test_an_answer_lost_after_the_server_took_it_is_not_sent_again(office: Office, smtp: SmtpServer) -> None:
    o = office
    notices_on(o, smtp)
    o.services.booking.book_desk(
        o.reception.id, o.desk(2).id, TUESDAY, DeskPeriod.FULL_DAY, for_person_id=o.anna.id
    )
    smtp.handler.lose_answers = True
    report = o.services.notices.send()
    assert (report.sent, report.uncertain) == (0, 1)
    smtp.handler.lose_answers = False
    o.clock.advance(hours=3)
    assert o.services.notices.send().sent == 0
    assert len(smtp.received) == 1  # taken once, never twice
    status = o.services.notices.status()
    assert status.counts == {"uncertain": 1} and status.trouble
    assert status.last_error is not None and "oklart om meddelandet kom fram" in status.last_error


def test_a_refused_address_is_given_up_and_the_rest_go_out(office: Office, smtp: SmtpServer) -> None:
    o = office
    notices_on(o, smtp)
    smtp.handler.refuse.add("anna.andersson@umea.se")
    b = o.services.booking
    b.book_desk(o.reception.id, o.desk(1).id, TUESDAY, DeskPeriod.FULL_DAY, for_person_id=o.anna.id)
    b.book_desk(o.reception.id, o.desk(2).id, TUESDAY, DeskPeriod.FULL_DAY, for_person_id=o.bertil.id)
    report = o.services.notices.send()
    assert (report.sent, report.failed) == (1, 1)
    assert [r.recipients for r in smtp.received] == [["bertil.oberg@vindeln.se"]]
    assert o.services.notices.status().counts == {"given_up": 1, "sent": 1}


def test_a_reminder_the_working_day_before_for_those_who_want_one(office: Office, smtp: SmtpServer) -> None:
    o = office
    notices_on(o, smtp)
    b = o.services.booking
    b.book_desk(o.anna.id, o.desk(1).id, TUESDAY, DeskPeriod.FULL_DAY)
    b.book_desk(o.bertil.id, o.desk(2).id, TUESDAY, DeskPeriod.FULL_DAY)
    o.services.notices.save_prefs(o.anna.id, NoticePrefs(reminders=True))
    report = o.services.notices.send()
    assert report.reminders == 1 and report.sent == 1
    assert subject(smtp.received[0]).startswith("Påminnelse: Plats 1")
    assert o.services.notices.send().reminders == 0  # once per booking
    assert len(smtp.received) == 1


def test_a_malformed_sender_address_is_refused_at_entry(office: Office, smtp: SmtpServer) -> None:
    o = office
    notices_on(o, smtp)
    for bad in ("kontoret@", "kontoret umea.se", "kontoret@umea", "a@b@umea.se", "<kontoret@umea.se>"):
        with pytest.raises(InvalidInput) as refused:
            o.services.notices.save_config(o.admin.id, NoticeConfig(enabled=True, sender=bad))
        words = describe(refused.value, "sv")
        assert "e-postadress" in words and "t.ex. anna.andersson@umea.se" in words, words
    assert o.services.notices.config().sender == SENDER  # nothing changed
