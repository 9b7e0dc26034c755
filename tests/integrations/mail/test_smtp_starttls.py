"""SMTP with STARTTLS and a login (RFC 3207, RFC 4954), as an office relay or Microsoft 365's
smtp.office365.com want it: the password comes from the environment, never from the settings."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.services.notices.config import PASSWORD_ENV
from tests.conftest import MONDAY, Office
from tests.integrations.mail.conftest import notices_on
from tests.integrations.mail.ics_check import invitation
from tests.integrations.mail.smtp_server import PASSWORD, USER, SmtpServer

TUESDAY = MONDAY + timedelta(days=1)


@pytest.fixture
def tls_smtp(tmp_path: Path) -> Iterator[SmtpServer]:
    with SmtpServer(tls_folder=tmp_path) as server:
        yield server


def _book_for_anna(o: Office) -> str:
    view = o.services.booking.book_desk(
        o.reception.id, o.desk(2).id, TUESDAY, DeskPeriod.FULL_DAY, for_person_id=o.anna.id
    )
    return view.uid


def test_starttls_and_login_deliver_and_the_password_is_not_in_the_settings(
    sqlite_office: Office, tls_smtp: SmtpServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    o = sqlite_office
    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)
    config = notices_on(
        o, tls_smtp, smtp_security="starttls", smtp_username=USER, smtp_ca_file=str(tls_smtp.cert_file)
    )
    uid = _book_for_anna(o)
    report = o.services.notices.send()
    assert report.sent == 1, report.errors
    assert invitation(tls_smtp.received[0]).uid == uid
    assert PASSWORD not in repr(config.to_dict())
    with o.services.db.session() as s:
        from satellitkontor.storage.models import SettingRow

        stored = s.get(SettingRow, "notices")
        assert stored is not None and PASSWORD not in repr(stored.value)


def test_a_wrong_password_is_said_plainly_and_the_notice_waits(
    sqlite_office: Office, tls_smtp: SmtpServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    o = sqlite_office
    monkeypatch.setenv(PASSWORD_ENV, "fel-lösenord")
    notices_on(
        o, tls_smtp, smtp_security="starttls", smtp_username=USER, smtp_ca_file=str(tls_smtp.cert_file)
    )
    _book_for_anna(o)
    report = o.services.notices.send()
    said = (
        f"E-postservern 127.0.0.1 godtar inte inloggningen för {USER}: kontrollera användarnamn och lösenord."
    )
    assert (report.sent, report.stopped, report.errors) == (0, True, [said])
    assert tls_smtp.received == []
    status = o.services.notices.status()
    assert (status.waiting, status.last_error) == (1, said)
    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)
    o.clock.advance(minutes=2)  # after the back-off
    assert o.services.notices.send().sent == 1


def test_a_server_without_a_trusted_certificate_is_refused(
    sqlite_office: Office, tls_smtp: SmtpServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    o = sqlite_office
    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)
    notices_on(o, tls_smtp, smtp_security="starttls", smtp_username=USER)  # its certificate is not trusted
    _book_for_anna(o)
    report = o.services.notices.send()
    assert report.sent == 0 and report.errors[0].startswith(
        "E-postservern 127.0.0.1 kunde inte nås krypterat"
    )
    assert tls_smtp.received == []
