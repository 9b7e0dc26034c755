"""Notices through the office's Exchange (issue 19), against the local fake EWS and Graph servers:
EWS ``CreateItem`` with ``MessageDisposition="SendOnly"`` and Graph ``sendMail`` in MIME form,
each notice once, the same iMIP invitation as by SMTP."""

from __future__ import annotations

from datetime import timedelta
from email import message_from_bytes

from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.integrations.mail.exchange_send import ExchangeTransport
from satellitkontor.services.booking.changes import BookingChange
from satellitkontor.services.notices.config import NoticeConfig
from tests.conftest import MONDAY, Office
from tests.integrations.exchange.conftest import SERVICE, Harness
from tests.integrations.mail.ics_check import invitation
from tests.integrations.mail.smtp_server import Received

TUESDAY, WEDNESDAY = MONDAY + timedelta(days=1), MONDAY + timedelta(days=2)


def _sent(harness: Harness) -> list[Received]:
    return [
        Received(m.mailbox, [str(message_from_bytes(m.mime)["To"])], m.mime) for m in harness.store.sent_mail
    ]


def test_notices_go_out_through_exchange_once_each(sqlite_office: Office, harness: Harness) -> None:
    o = sqlite_office
    o.services.notices.save_config(o.admin.id, NoticeConfig(enabled=True, sender=SERVICE, via="exchange"))
    b = o.services.booking
    booked = b.book_desk(o.reception.id, o.desk(2).id, TUESDAY, DeskPeriod.FULL_DAY, for_person_id=o.anna.id)
    b.change(o.reception.id, booked.id, BookingChange(day=WEDNESDAY))
    b.cancel(o.reception.id, booked.id, "Dubbelbokad")
    transport = ExchangeTransport(harness.backend, SERVICE, owns_backend=False)
    report = o.services.notices.send(transport)
    assert (report.sent, report.errors) == (3, [])
    sent = _sent(harness)
    assert [m.server for m in harness.store.sent_mail] == [harness.kind] * 3
    assert {m.mailbox for m in harness.store.sent_mail} == {SERVICE}
    assert [r.recipients for r in sent] == [["Anna Andersson <anna.andersson@umea.se>"]] * 3
    got = [invitation(r) for r in sent]
    assert [(i.method, i.sequence, i.uid) for i in got] == [
        ("REQUEST", 0, booked.uid),
        ("REQUEST", 1, booked.uid),
        ("CANCEL", 2, booked.uid),
    ]
    assert str(got[1].start.tzinfo) == "Europe/Stockholm" and got[1].start.date() == WEDNESDAY
    again = o.services.notices.send(ExchangeTransport(harness.backend, SERVICE, owns_backend=False))
    assert again.sent == 0 and len(harness.store.sent_mail) == 3


def test_a_sender_mailbox_exchange_refuses_gives_the_notice_up_in_words(
    sqlite_office: Office, harness: Harness
) -> None:
    o = sqlite_office
    o.services.notices.save_config(
        o.admin.id, NoticeConfig(enabled=True, sender="finns-inte@umea.se", via="exchange")
    )
    o.services.booking.book_desk(
        o.reception.id, o.desk(2).id, TUESDAY, DeskPeriod.FULL_DAY, for_person_id=o.anna.id
    )
    report = o.services.notices.send(
        ExchangeTransport(harness.backend, "finns-inte@umea.se", owns_backend=False)
    )
    assert report.sent == 0 and harness.store.sent_mail == []
    assert report.errors == [
        "Exchange skickade inte meddelandet: Exchange har ingen postlåda finns-inte@umea.se: kontrollera "
        "e-postadressen. Meddelandena ligger kvar och skickas när det är åtgärdat."
    ]
    assert o.services.notices.status().counts == {"pending": 1}  # waits for the admin to put it right
