"""The command line with two conference rooms: booking names the room, occupancy shows both."""

from __future__ import annotations

from pathlib import Path

import pytest

from satellitkontor.domain.resources import ResourceKind
from satellitkontor.services.app_services import open_office
from satellitkontor.storage.database import sqlite_url
from tests.test_cli import add_people, next_open_weekday, run


@pytest.fixture
def url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.delenv("SATELLITKONTOR_DB_URL", raising=False)
    monkeypatch.delenv("SATELLITKONTOR_USER", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    url = sqlite_url(tmp_path / "rooms.sqlite3")
    add_people(url)
    services = open_office(url)
    admin = services.office.person_by_email("asa@umea.se")
    services.office.add_resource(admin.id, ResourceKind.ROOM, "Lilla rummet", capacity=4)
    services.db.dispose()
    return url


def _other_open_day_that_week(day: str) -> str:
    from datetime import date, timedelta

    from satellitkontor.domain.office_calendar import OfficeCalendar

    first = date.fromisoformat(day)
    monday = first - timedelta(days=first.weekday())
    days = (monday + timedelta(days=n) for n in range(5))
    return next(d for d in days if d > first and OfficeCalendar().is_open(d)).isoformat()


def _day() -> str:
    from satellitkontor.domain import clock as clk

    return next_open_weekday(clk.local_date(clk.system_clock())).isoformat()


def test_booking_a_room_without_its_name_is_refused_and_names_the_rooms(url: str) -> None:
    day = _day()
    code, out, err = run(
        url,
        "--as",
        "asa@umea.se",
        "book",
        "room",
        "--date",
        day,
        "--from",
        "09:00",
        "--to",
        "10:00",
        "--participants",
        "2",
    )
    assert code == 2 and out == ""
    assert err.strip() == "fel: Kontoret har flera konferensrum. Ange vilket: Konferensrummet, Lilla rummet."
    code, out, _ = run(url, "occupancy", "--date", day)
    assert "inga möten" in out and "#1" not in out  # nothing booked


def test_occupancy_lists_every_room_with_its_meetings_and_free_time(url: str) -> None:
    day = _day()
    for room, start, end in (("Konferensrummet", "09:00", "10:00"), ("Lilla rummet", "13:00", "15:30")):
        args = ["book", "room", room, "--date", day, "--from", start, "--to", end, "--participants", "3"]
        code, _, err = run(url, "--as", "asa@umea.se", *args, "--title", f"Möte i {room}")
        assert code == 0, err
    code, out, err = run(url, "--as", "asa@umea.se", "occupancy", "--date", day)
    assert code == 0, err
    big, small = out.split("Konferensrummet (högst 12)")[1].split("Lilla rummet (högst 4)")
    assert "09:00–10:00  Möte i Konferensrummet" in big and "ledigt: 08:00–09:00, 10:00–17:00" in big
    assert "13:00–15:30  Möte i Lilla rummet" in small and "ledigt: 08:00–13:00, 15:30–17:00" in small
    assert "Konferensrummen: 3,5 timmar bokade (Konferensrummet 1,0, Lilla rummet 2,5)" in out
    code, out, _ = run(url, "--lang", "en", "occupancy", "--date", day)
    assert "free: 08:00–09:00, 10:00–17:00" in out
    assert "Conference rooms: 3.5 hours booked (Konferensrummet 1.0, Lilla rummet 2.5)" in out


def test_stats_end_with_each_rooms_meetings_and_hours(url: str) -> None:
    day = _day()
    args = [
        "book",
        "room",
        "Lilla rummet",
        "--date",
        day,
        "--from",
        "09:00",
        "--to",
        "10:30",
        "--participants",
        "2",
    ]
    assert run(url, "--as", "asa@umea.se", *args)[0] == 0
    code, out, err = run(url, "stats", "--year", day[:4])
    assert code == 0, err
    rooms = out.split(f"Konferensrum {day[:4]}\n")[1].splitlines()
    assert rooms[1].split() == ["Konferensrummet", "0", "0,0"]
    assert rooms[2].split() == ["Lilla", "rummet", "1", "1,5"]
    code, out, _ = run(url, "stats", "--year", day[:4], "--format", "csv")
    municipalities_part, rooms_part = out.split("\r\n\r\n")
    assert "Lilla rummet" not in municipalities_part  # the municipalities' table keeps its columns
    # then the per-room table (issue 16): the year's row of each room
    assert f"{day[:4]};Hela året;Lilla rummet;1;1,5;" in rooms_part


def test_an_admin_sets_the_fair_rules_and_a_booker_meets_them(url: str) -> None:
    code, out, err = run(url, "--as", "asa@umea.se", "settings", "fair", "--week", "1", "--series-weeks", "4")
    assert code == 0, err
    assert out.splitlines() == [
        "Platsdagar per person och vecka: 1",
        "Platsdagar per person och månad: av",
        "Längsta återkommande bokning (veckor): 4",
        "En plats åt någon annan tidigast n dagar före: av",
    ]
    code, _, err = run(url, "--as", "orjan@vannas.se", "settings", "fair", "--week", "off")
    assert code != 0 and "behörighet" in err
    code, _, err = run(url, "--as", "asa@umea.se", "settings", "fair", "--month", "noll")
    assert code == 2 and err.startswith(
        "fel: Ogiltigt värde för högsta antal platsdagar per person och månad"
    )
    day = _day()
    assert run(url, "--as", "orjan@vannas.se", "book", "desk", "Plats 1", "--date", day)[0] == 0
    other = _other_open_day_that_week(day)
    code, out, err = run(
        url, "--as", "orjan@vannas.se", "book", "desk", "Plats 2", "--date", other, "--period", "em"
    )
    assert code == 2 and out == ""
    assert err.startswith(
        "fel: Regeln högst 1 platsdagar per person och vecka: Örjan Ödmark har redan 1 vecka "
    )
    code, out, _ = run(url, "--as", "asa@umea.se", "settings", "fair")
    assert "Platsdagar per person och vecka: 1" in out


def test_the_receptionist_books_a_desk_for_a_guest_and_a_user_cannot(url: str) -> None:
    code, _, err = run(
        url,
        "--as",
        "asa@umea.se",
        "person",
        "add",
        "--name",
        "Rut Reception",
        "--email",
        "rut@umea.se",
        "--municipality",
        "Umeå",
        "--role",
        "receptionist",
    )
    assert code == 0, err
    day = _day()
    args = [
        "book",
        "desk",
        "Plats 4",
        "--date",
        day,
        "--guest",
        "Kim Berg",
        "--guest-org",
        "Region Västerbotten",
    ]
    code, out, err = run(url, "--as", "rut@umea.se", *args, "--host", "orjan@vannas.se")
    assert code == 0, err
    assert "gäst Kim Berg, Region Västerbotten; värd Örjan Ödmark (Vännäs)" in out
    code, out, _ = run(url, "--as", "rut@umea.se", "occupancy", "--date", day)
    line = next(li for li in out.splitlines() if li.startswith("Plats 4"))
    assert "gäst Kim Berg, Region Västerbotten; värd Örjan Ödmark (Vännäs)" in line
    code, out, err = run(url, "--as", "orjan@vannas.se", *args)
    assert code != 0 and out == "" and "boka åt en gäst" in err
    code, _, err = run(url, "--as", "rut@umea.se", "book", "desk", "Plats 5", "--date", day, "--guest", "Kim")
    assert code == 2 and "gästens organisation" in err
    code, out, err = run(  # a guest's series (issue 16): every occurrence the guest's
        url, "--as", "rut@umea.se", "book", "desk", "Plats 6", "--date", day,
        "--guest", "Kim", "--guest-org", "R", "--repeat", "veckovis", "--count", "2",
    )  # fmt: skip
    assert code == 0, err
    assert out.count("gäst Kim, R") == 2, out
    code, out, _ = run(url, "stats", "--year", day[:4])
    vannas = next(li for li in out.split("Hela året")[1].splitlines() if li.startswith("Vännäs"))
    assert vannas.split()[-1] == "1" and vannas.split()[4] == "0"  # one guest booking, no person


def test_an_admin_erases_a_guest_by_name(url: str) -> None:
    day = _day()
    args = ["book", "desk", "Plats 6", "--date", day, "--guest", "Kim Berg", "--guest-org", "Region"]
    assert run(url, "--as", "asa@umea.se", *args)[0] == 0
    code, _, err = run(url, "--as", "asa@umea.se", "person", "erase-guest", "Kim Berg")
    assert code == 2 and "--yes" in err
    code, out, err = run(url, "--as", "asa@umea.se", "person", "erase-guest", "Kim Berg", "--yes")
    assert code == 0, err
    assert out.strip() == "Gästens namn är borttaget ur 1 bokningar; 1 kommande avbokades."
    code, _, err = run(url, "--as", "asa@umea.se", "person", "erase-guest", "Kim Berg", "--yes")
    assert code != 0 and "Ingen bokning har en gäst som heter «Kim Berg»." in err


def test_two_guests_of_one_name_are_told_apart_by_e_mail_or_booking_number(url: str) -> None:
    day = _day()
    guests = (("Plats 6", "Region", "kim@region.se"), ("Plats 7", "Kommuninvest", None))
    numbers = []
    for desk, org, email in guests:
        extra = ["--guest-email", email] if email else []
        code, out, err = run(
            url, "--as", "asa@umea.se", "book", "desk", desk, "--date", day,
            "--guest", "Kim Berg", "--guest-org", org, *extra,
        )  # fmt: skip
        assert code == 0, err
        numbers.append(int(out.split("#", 1)[1].split()[0]))
    code, out, err = run(url, "--as", "asa@umea.se", "person", "erase-guest", "Kim Berg", "--yes")
    assert code != 0 and out == ""
    assert (
        f"Flera gäster heter «Kim Berg»: Kim Berg, Region, kim@region.se: #{numbers[0]}; "
        f"Kim Berg, Kommuninvest: #{numbers[1]}." in err
    )
    code, out, err = run(url, "--as", "asa@umea.se", "person", "erase-guest", "kim@region.se", "--yes")
    assert code == 0 and "ur 1 bokningar" in out, err
    code, out, err = run(url, "--as", "asa@umea.se", "person", "erase-guest", f"#{numbers[1]}", "--yes")
    assert code == 0 and "ur 1 bokningar" in out, err
    code, out, _ = run(url, "--as", "asa@umea.se", "occupancy", "--date", day)
    assert "Kim Berg" not in out
    code, _, err = run(
        url, "--as", "asa@umea.se", "book", "desk", "Plats 8", "--date", day,
        "--guest", "Lo", "--guest-org", "R", "--guest-email", "lo-at-r",
    )  # fmt: skip
    assert code == 2 and "e-postadress" in err
