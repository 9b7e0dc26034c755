"""Notices under row-level security (migration 0015): a user's login queues a notice about her own
booking in the booking's transaction but reads no one else's notices or choices; the receptionist
runs the sender; a user cannot run it or send herself someone else's queue."""

from __future__ import annotations

import pytest

from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.domain.errors import DatabaseRefused, PermissionDenied
from satellitkontor.domain.notices import NoticePrefs
from satellitkontor.services.notices.config import NoticeConfig
from tests.integrations.mail.smtp_server import SmtpServer
from tests.storage.test_row_security import TUESDAY, Shared, run_sql, shared

__all__ = ["shared"]  # the fixture, used by name

pytestmark = pytest.mark.postgresql


def _notices_on(shared: Shared, port: int) -> None:
    config = NoticeConfig(
        enabled=True, sender="kontoret@umea.se", smtp_host="127.0.0.1", smtp_port=port, smtp_security="none"
    )
    shared.asa.notices.save_config(shared.office.admin.id, config)


def test_a_user_queues_her_own_notice_but_reads_only_hers(shared: Shared) -> None:
    o = shared.office
    with SmtpServer() as smtp:
        _notices_on(shared, smtp.port)
        shared.rut.booking.book_desk(
            o.reception.id, o.desk(1).id, TUESDAY, DeskPeriod.FULL_DAY, for_person_id=o.bertil.id
        )
        mine = shared.anna.booking.book_desk(o.anna.id, o.desk(2).id, TUESDAY, DeskPeriod.FULL_DAY)
        shared.anna.booking.cancel(o.anna.id, mine.id)  # queued on her own login, in her transaction
        everything = run_sql(shared.owner.db, "SELECT person_id, kind FROM notice_outbox ORDER BY id")
        assert everything == [(o.bertil.id, "confirmed"), (o.anna.id, "confirmed"), (o.anna.id, "cancelled")]
        seen = run_sql(shared.anna.db, "SELECT person_id FROM notice_outbox")
        assert {p for (p,) in seen} == {o.anna.id}  # Bertil's notice is not hers to read
        # she may not queue a notice to someone else about a booking that is not hers
        with pytest.raises(DatabaseRefused):
            run_sql(
                shared.anna.db,
                "INSERT INTO notice_outbox (booking_uid, person_id, kind, sequence, by_other, created_at, "
                "status, attempts, next_attempt_at) VALUES ('x', :p, 'confirmed', 0, true, now(), 'pending', 0, now())",
                p=o.bertil.id,
            )
        # nor mark one sent, nor run the sender
        with pytest.raises(DatabaseRefused):
            run_sql(shared.anna.db, "UPDATE notice_outbox SET status = 'sent'")
        with pytest.raises(PermissionDenied):
            shared.anna.notices.status(o.anna.id)
        with pytest.raises(DatabaseRefused):
            shared.anna.notices.send()
        report = shared.rut.notices.send()
        # her own booking and cancel: no confirmations by default; Bertil's, booked for him: sent
        assert (report.sent, report.skipped) == (1, 2), report.errors
        assert [r.recipients for r in smtp.received] == [["bertil.oberg@vindeln.se"]]


def test_each_person_sets_her_own_choices_and_only_those(shared: Shared) -> None:
    o = shared.office
    shared.anna.notices.save_prefs(o.anna.id, NoticePrefs(reminders=True, language="en"))
    own, effective = shared.anna.notices.prefs(o.anna.id)
    assert (own.reminders, effective.language) == (True, "en")
    with pytest.raises(PermissionDenied):
        shared.anna.notices.save_prefs(o.anna.id, NoticePrefs(reminders=False), person_id=o.bertil.id)
    with pytest.raises(DatabaseRefused):
        run_sql(
            shared.anna.db,
            "INSERT INTO notice_prefs (person_id, reminders, updated_at) VALUES (:p, true, now())",
            p=o.bertil.id,
        )
    shared.bertil.notices.save_prefs(o.bertil.id, NoticePrefs(confirmations=True))
    assert run_sql(shared.anna.db, "SELECT person_id FROM notice_prefs") == [(o.anna.id,)]
    assert len(run_sql(shared.rut.db, "SELECT person_id FROM notice_prefs")) == 2  # the sender reads all
