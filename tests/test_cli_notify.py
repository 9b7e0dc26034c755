"""``satellitkontor notify``: an admin sets up mail (a malformed sender is refused at once, in
Swedish), the receptionist's scheduled task sends, anyone sets her own choices."""

from __future__ import annotations

from pathlib import Path

from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.domain.people import Role
from satellitkontor.services.app_services import open_office
from tests.integrations.mail.ics_check import invitation
from tests.integrations.mail.smtp_server import SmtpServer
from tests.test_cli import next_open_weekday, run


def test_set_up_send_show_and_choose(tmp_path: Path) -> None:
    from datetime import date

    url = f"sqlite+pysqlite:///{tmp_path / 'kontor.sqlite3'}"
    services = open_office(url)
    office = services.office
    admin = office.add_person(None, "Åsa Admin", "asa@umea.se", "Umeå", role=Role.ADMIN)
    rut = office.add_person(admin.id, "Rut Reception", "rut@umea.se", "Umeå", role=Role.RECEPTIONIST)
    anna = office.add_person(admin.id, "Anna Andersson", "anna@umea.se", "Umeå")
    desk = next(r for r in office.resources() if r.name == "Plats 1")
    with SmtpServer() as smtp:
        code, out, err = run(url, "notify", "--enable", "--sender", "kontoret@umea", "--as", "asa@umea.se")
        assert code == 2 and "e-postadress" in err and "anna.andersson@umea.se" in err, (out, err)
        assert services.notices.config().enabled is False  # nothing changed
        code, out, err = run(
            url, "notify", "--enable", "--sender", "kontoret@umea.se", "--smtp", f"127.0.0.1:{smtp.port}",
            "--security", "none", "--as", "asa@umea.se",
        )  # fmt: skip
        assert code == 0, err
        assert "sparades" in out
        code, out, err = run(url, "notify", "--send", "--as", "anna@umea.se")
        assert code == 2 and "behörighet" in err  # a user does not run the sender
        day = next_open_weekday(date.today())
        booked = services.booking.book_desk(rut.id, desk.id, day, DeskPeriod.FULL_DAY, for_person_id=anna.id)
        code, out, err = run(url, "notify", "--send", "--as", "rut@umea.se")
        assert code == 0, err
        assert "Skickade 1 meddelanden" in out
        assert [invitation(r).uid for r in smtp.received] == [booked.uid]
        code, out, err = run(url, "notify", "--status", "--as", "rut@umea.se")
        assert "Meddelanden per e-post: på (via smtp, från kontoret@umea.se)" in out
        assert "Skickade: 1" in out and "Väntar: 0" in out
        code, out, err = run(url, "notify", "--prefs", "påminnelser=på", "språk=en", "--as", "anna@umea.se")
        assert code == 0, err
        assert "påminnelser på" in out and "språk en" in out
        code, out, err = run(url, "notify", "--prefs", "glass=ja", "--as", "anna@umea.se")
        assert code == 2 and "Okänt val: glass=ja" in out
    services.close()
