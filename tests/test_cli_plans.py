"""The command line when plans change (issue 16): a closure that lists and asks, changing a
booking, cancelling a date range, the release of unclaimed bookings."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest

from satellitkontor.domain import clock as clk
from tests.test_cli import add_people, next_open_weekday, run
from tests.test_cli import url as url  # the fixture


def _book(url: str, desk: str, day: str, who: str, *extra: str) -> int:
    code, out, err = run(url, "book", "desk", desk, "--date", day, "--for", who, *extra)
    assert code == 0, err
    return int(out.split("#", 1)[1].split()[0])


def test_closure_add_lists_the_bookings_and_asks_before_cancelling(
    url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_people(url)
    day = next_open_weekday(clk.local_date(clk.system_clock())).isoformat()
    _book(url, "Plats 1", day, "orjan@vannas.se")
    _book(url, "Plats 2", day, "pia@bjurholm.se")
    admin = ("--as", "asa@umea.se")

    monkeypatch.setattr("sys.stdin", io.StringIO("n\n"))
    code, out, err = run(url, *admin, "closure", "add", "--from", day, "--reason", "Vattenläcka")
    assert code == 1
    assert "2 bokningar påverkas:" in out and "Plats 1" in out and "Örjan Ödmark" in out
    assert "ingenting har ändrats" in err
    assert run(url, *admin, "closure", "list")[1] == ""

    code, out, err = run(url, *admin, "closure", "add", "--from", day, "--reason", "Vattenläcka", "--yes")
    assert (code, err) == (0, ""), err
    assert "Stängt" in out and "2 bokningar avbokade." in out
    assert "[avbokad av kontoret (kontoret stängt: Vattenläcka)]" in out
    code, out, _ = run(url, *admin, "occupancy", "--date", day)
    assert "stängt (Vattenläcka)" in out and "ledig" not in out


def test_closure_add_over_an_empty_day_asks_nothing(url: str) -> None:
    add_people(url)
    day = next_open_weekday(clk.local_date(clk.system_clock())) + timedelta(days=7)
    code, out, err = run(
        url, "--as", "asa@umea.se", "closure", "add", "--from", day.isoformat(), "--reason", "Flytt"
    )
    assert (code, err) == (0, "")
    assert "påverkas" not in out and "Stängt" in out


def test_change_moves_a_booking_and_a_conflict_leaves_it(url: str) -> None:
    add_people(url)
    day = next_open_weekday(clk.local_date(clk.system_clock()))
    mine = _book(url, "Plats 1", day.isoformat(), "orjan@vannas.se")
    _book(url, "Plats 2", day.isoformat(), "pia@bjurholm.se")
    code, out, err = run(
        url, "--as", "orjan@vannas.se", "change", str(mine), "--desk", "Plats 3", "--period", "em"
    )
    assert (code, err) == (0, ""), err
    assert out.startswith(f"Ändrat: #{mine}  Plats 3") and "eftermiddag" in out
    code, out, err = run(url, "--as", "orjan@vannas.se", "change", str(mine), "--desk", "Plats 2")
    assert code == 2 and out == "" and err.startswith("fel: Plats 2 är redan bokad")
    code, out, _ = run(url, "--as", "asa@umea.se", "occupancy", "--date", day.isoformat())
    assert "Örjan Ödmark (Vännäs)" in next(li for li in out.splitlines() if li.startswith("Plats 3"))
    code, _, err = run(url, "--as", "orjan@vannas.se", "change", str(mine))
    assert code == 2 and "säg vad som ska ändras" in err


def test_cancel_a_date_range_with_a_reason(url: str) -> None:
    add_people(url)
    first = next_open_weekday(clk.local_date(clk.system_clock()))
    second = next_open_weekday(first)
    a = _book(url, "Plats 1", first.isoformat(), "orjan@vannas.se")
    b = _book(url, "Plats 1", second.isoformat(), "orjan@vannas.se")
    other = _book(url, "Plats 2", first.isoformat(), "pia@bjurholm.se")
    code, out, err = run(
        url,
        "--as",
        "orjan@vannas.se",
        "cancel",
        "--from",
        first.isoformat(),
        "--to",
        first.isoformat(),
        "--reason",
        "Semester",
    )
    assert (code, err) == (0, ""), err
    assert out.startswith("1 bokning avbokad.") and f"#{a}" in out and "[avbokad (Semester)]" in out
    assert f"#{b}" not in out and f"#{other}" not in out
    code, _, err = run(url, "--as", "orjan@vannas.se", "cancel", "--from", first.isoformat())
    assert code == 2 and "ange både --from och --to" in err


def test_release_says_when_the_rule_is_off_and_releases_nothing(url: str) -> None:
    add_people(url)
    code, out, err = run(url, "--as", "asa@umea.se", "release")
    assert (code, err) == (0, "") and "avstängd" in out
    code, out, err = run(url, "--as", "asa@umea.se", "release", "--force")
    assert (code, err) == (0, "") and out.startswith("0 bokningar utan incheckning frisläppta.")
    code, _, err = run(url, "--as", "orjan@vannas.se", "release", "--force")
    assert code == 2 and "frisläppa bokningar utan incheckning" in err


def test_change_a_series_from_one_occurrence_with_a_dry_run(url: str) -> None:
    add_people(url)
    first = next_open_weekday(clk.local_date(clk.system_clock()))
    code, out, err = run(
        url, "book", "desk", "Plats 1", "--date", first.isoformat(), "--for", "orjan@vannas.se",
        "--repeat", "veckovis", "--weekdays", "tis", "--count", "3",
    )  # fmt: skip
    assert code == 0, err
    ids = [int(part.split()[0]) for part in out.split("#")[1:]]
    assert len(ids) == 3, out
    second = ids[1]
    code, out, err = run(
        url, "--as", "orjan@vannas.se", "change", str(second), "--series", "--desk", "Plats 4", "--dry-run"
    )
    assert (code, err) == (0, ""), err
    code, out, err = run(
        url, "--as", "orjan@vannas.se", "change", str(second), "--series", "--desk", "Plats 4"
    )
    assert (code, err) == (0, ""), err
    code, out, _ = run(url, "--as", "orjan@vannas.se", "mine")
    lines = [li for li in out.splitlines() if "#" in li]
    assert "Plats 1" in lines[0] and all("Plats 4" in li for li in lines[1:]), out
