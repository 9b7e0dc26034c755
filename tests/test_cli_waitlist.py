"""``satellitkontor waitlist`` (issue 19): joining a full day, the line as each one sees it, an
offer when a desk frees, and taking it; clear Swedish when it is refused."""

from __future__ import annotations

from satellitkontor.domain import clock as clk
from satellitkontor.services.app_services import open_office
from tests.test_cli import add_people, next_open_weekday, run
from tests.test_cli import url as url  # the fixture

PIA, ORJAN, ASA = ("--as", "pia@bjurholm.se"), ("--as", "orjan@vannas.se"), ("--as", "asa@umea.se")


def _two_desks(url: str) -> None:
    services = open_office(url)
    try:
        admin = services.office.person_by_email("asa@umea.se")
        for desk in services.office.resources()[2:]:
            if desk.kind.value == "desk":
                services.office.update_resource(admin.id, desk.id, active=False)
    finally:
        services.close()


def test_join_see_the_line_get_the_offer_and_take_it(url: str) -> None:
    add_people(url)
    _two_desks(url)
    day = next_open_weekday(clk.local_date(clk.system_clock())).isoformat()
    code, out, err = run(url, *PIA, "waitlist", "join", "--date", day)
    assert code == 2 and "Det finns en ledig plats" in err, (out, err)
    code, out, err = run(url, *ORJAN, "book", "desk", "Plats 1", "--date", day)
    assert code == 0, err
    booking = out.split("#", 1)[1].split()[0]
    assert run(url, *ASA, "book", "desk", "Plats 2", "--date", day)[0] == 0

    code, out, err = run(url, *PIA, "waitlist", "join", "--date", day, "--period", "fm")
    assert code == 0, err
    assert out.startswith("I kön: #1 ") and "förmiddag: väntar (nr 1 i kön)" in out
    code, _, err = run(url, *PIA, "waitlist", "join", "--date", day)
    assert code == 2 and "Politiker Pia står redan i kön" in err
    code, _, err = run(url, *ORJAN, "waitlist", "list", "--date", day)
    assert code == 2 and "behörighet" in err
    code, out, _ = run(url, *ASA, "waitlist", "list", "--date", day)
    assert "Politiker Pia" in out

    assert run(url, *ORJAN, "cancel", booking)[0] == 0
    code, out, _ = run(url, *PIA, "waitlist", "list")
    assert "erbjuden: Plats 1 hålls åt dig till " in out, out
    code, out, err = run(url, *PIA, "waitlist", "accept", "1")
    assert code == 0, err
    assert out.startswith("Platsen är din:") and "Plats 1" in out
    code, _, err = run(url, *PIA, "waitlist", "decline", "1")
    assert code == 2 and "redan besvarats eller gått ut" in err
    code, out, _ = run(url, *PIA, "mine")
    assert "Plats 1" in out
