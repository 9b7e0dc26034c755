"""Notices beyond the plain mail: a waitlist offer (the kind the waitlist will call), the demo
office sending nothing, erasure and retention taking notices with them, and two PCs running the
sender at once delivering each notice once (PostgreSQL's row locks)."""

from __future__ import annotations

import threading
from datetime import timedelta
from pathlib import Path

import pytest

from satellitkontor.domain import clock as clk
from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.domain.notices import NoticePrefs
from satellitkontor.services.app_services import AppServices, open_office
from satellitkontor.services.demo import DemoService
from satellitkontor.services.notices.queue import queue_offer
from satellitkontor.storage.database import sqlite_url
from satellitkontor.storage.models import NoticeOutboxRow, NoticePrefsRow, ResourceRow
from tests.conftest import MONDAY, MovableClock, Office
from tests.integrations.mail.conftest import notices_on
from tests.integrations.mail.ics_check import invitation, text_of
from tests.integrations.mail.smtp_server import SmtpServer

TUESDAY = MONDAY + timedelta(days=1)


def _count(office: Office, model: type) -> int:
    from sqlalchemy import func, select

    with office.services.db.session() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_a_waitlist_offer_says_until_when_and_is_tentative(sqlite_office: Office, smtp: SmtpServer) -> None:
    o = sqlite_office
    notices_on(o, smtp)
    start, end = clk.local_day_bounds(TUESDAY)
    until = o.clock() + timedelta(hours=2)
    with o.services.db.session(write=True) as s:
        desk = s.get(ResourceRow, o.desk(4).id)
        assert desk is not None
        assert queue_offer(
            s, person_id=o.bertil.id, uid="offer-1@satellitkontor", resource=desk,
            start=start + timedelta(hours=8), end=start + timedelta(hours=17), offer_until=until,
            now=o.clock(), desk_period="full_day",
        )  # fmt: skip
    assert o.services.notices.send().sent == 1
    got = invitation(smtp.received[0])
    assert (got.method, got.status, got.uid) == ("REQUEST", "TENTATIVE", "offer-1@satellitkontor")
    local_until = clk.to_local(until).strftime("%H:%M")
    assert "Den är din om du tar den senast" in text_of(smtp.received[0])
    assert local_until in text_of(smtp.received[0])
    # Bertil turned waitlist messages off: the next offer is not sent
    o.services.notices.save_prefs(o.bertil.id, NoticePrefs(waitlist=False))
    with o.services.db.session(write=True) as s:
        desk = s.get(ResourceRow, o.desk(4).id)
        assert desk is not None
        queue_offer(s, person_id=o.bertil.id, uid="offer-2@satellitkontor", resource=desk, start=start, end=end,
                    offer_until=until, now=o.clock())  # fmt: skip
    assert o.services.notices.send().skipped == 1 and len(smtp.received) == 1


def test_the_demo_office_sends_nothing_unless_asked(tmp_path: Path, clock: MovableClock) -> None:
    from sqlalchemy import func, select

    services = open_office(sqlite_url(tmp_path / "demo.sqlite3"), clock=clock)
    try:
        DemoService(services.db, services.clock).create(weeks_back=1, weeks_ahead=1)
        assert services.notices.config().enabled is False
        with services.db.session() as s:
            assert s.scalar(select(func.count()).select_from(NoticeOutboxRow)) == 0
        assert services.notices.send().sent == 0
    finally:
        services.close()


def test_erasure_takes_the_persons_notices_and_choices(sqlite_office: Office, smtp: SmtpServer) -> None:
    o = sqlite_office
    notices_on(o, smtp)
    o.services.notices.save_prefs(o.anna.id, NoticePrefs(reminders=True))
    o.services.booking.book_desk(
        o.reception.id, o.desk(1).id, TUESDAY, DeskPeriod.FULL_DAY, for_person_id=o.anna.id
    )
    o.services.booking.book_desk(
        o.reception.id, o.desk(2).id, TUESDAY, DeskPeriod.FULL_DAY, for_person_id=o.bertil.id
    )
    assert _count(o, NoticeOutboxRow) == 2
    o.services.personal_data.erase(o.admin.id, o.anna.id)
    with o.services.db.session() as s:
        from sqlalchemy import select

        left = s.scalars(select(NoticeOutboxRow.person_id)).all()
        assert o.anna.id not in left and o.bertil.id in left
        assert s.get(NoticePrefsRow, o.anna.id) is None


def test_retention_removes_old_notices_offers_too(sqlite_office: Office, smtp: SmtpServer) -> None:
    o = sqlite_office
    notices_on(o, smtp)
    o.services.booking.book_desk(
        o.reception.id, o.desk(1).id, TUESDAY, DeskPeriod.FULL_DAY, for_person_id=o.anna.id
    )
    start, _ = clk.local_day_bounds(TUESDAY)
    with o.services.db.session(write=True) as s:  # an offer: a notice about no booking
        desk = s.get(ResourceRow, o.desk(2).id)
        assert desk is not None
        queue_offer(s, person_id=o.bertil.id, uid="offer-9@satellitkontor", resource=desk, start=start,
                    end=start + timedelta(hours=9), offer_until=o.clock() + timedelta(hours=2), now=o.clock())  # fmt: skip
    assert o.services.notices.send().sent == 2
    o.services.privacy.set_retention(o.admin.id, months=12)
    o.clock.advance(days=7 * 62)  # a Monday 62 weeks on
    later = clk.local_date(o.clock()) + timedelta(days=1)
    o.services.booking.book_desk(
        o.reception.id, o.desk(3).id, later, DeskPeriod.FULL_DAY, for_person_id=o.bertil.id
    )
    o.services.privacy.retention(o.admin.id, apply=True)
    with o.services.db.session() as s:
        from sqlalchemy import select

        left = s.execute(select(NoticeOutboxRow.person_id, NoticeOutboxRow.booking_uid)).all()
    assert [p for p, _ in left] == [o.bertil.id] and "offer-9@satellitkontor" not in [u for _, u in left]


@pytest.mark.postgresql
def test_two_pcs_sending_at_once_deliver_each_notice_once(pg_url: str, clock: MovableClock) -> None:
    from tests.conftest import make_office

    o = make_office(pg_url, clock)
    with SmtpServer() as smtp:
        notices_on(o, smtp)
        days = [TUESDAY + timedelta(days=n) for n in (0, 1, 2, 3, 6)]  # Tuesday to the next Monday
        for n, person in enumerate((o.anna, o.bertil, o.cecilia), start=1):
            for day in days:
                o.services.booking.book_desk(
                    o.reception.id, o.desk(n).id, day, DeskPeriod.FULL_DAY, for_person_id=person.id
                )
        queued = o.services.notices.status().waiting
        assert queued == 15
        pcs = [AppServices(o.services.db.__class__(o.services.db.url), o.clock) for _ in range(2)]
        reports: list[int] = []
        go = threading.Barrier(2)

        def send(services: AppServices) -> None:
            go.wait()
            reports.append(services.notices.send().sent)

        threads = [threading.Thread(target=send, args=(pc,)) for pc in pcs]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        for pc in pcs:
            pc.db.dispose()
        o.services.close()
        ids = [r.message["Message-ID"] for r in smtp.received]
        assert sum(reports) == queued == len(smtp.received) == len(set(ids))


def test_my_data_holds_the_messages_and_choices(
    sqlite_office: Office, smtp: SmtpServer, tmp_path: Path
) -> None:
    import json

    o = sqlite_office
    notices_on(o, smtp)
    o.services.notices.save_prefs(o.anna.id, NoticePrefs(reminders=True, language="en"))
    booked = o.services.booking.book_desk(
        o.reception.id, o.desk(1).id, TUESDAY, DeskPeriod.FULL_DAY, for_person_id=o.anna.id
    )
    o.services.notices.send()
    result = o.services.personal_data.export(o.anna.id, o.anna.id, tmp_path)
    data = json.loads((result.folder / "personuppgifter.json").read_text(encoding="utf-8"))
    assert [(n["kind"], n["booking_uid"], n["status"]) for n in data["notices"]] == [
        ("confirmed", booked.uid, "sent"),
        ("reminder", booked.uid, "sent"),  # Tuesday's booking, reminded on Monday
    ]
    assert data["profile"]["notice_choices"] == "reminders=True, language=en"
    assert (result.folder / "meddelanden.csv").exists()
