"""``satellitkontor db init``, ``db grant`` and ``db revoke`` on a real PostgreSQL (and what they
say on SQLite). Logins made here are dropped at teardown (tests/pg_logins.py)."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from satellitkontor.cli.main import main
from satellitkontor.domain.people import Role
from satellitkontor.services.app_services import open_office
from tests.pg_logins import drop_logins, login_url, unique_login


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.ExitStack() as stack:
        stack.enter_context(contextlib.redirect_stdout(out))
        stack.enter_context(contextlib.redirect_stderr(err))
        if stdin is not None:
            stack.enter_context(_stdin(stdin))
        try:
            code = main(list(args))
        except SystemExit as exc:
            code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()


@contextlib.contextmanager
def _stdin(value: str) -> Iterator[None]:
    import sys

    old, sys.stdin = sys.stdin, io.StringIO(value)
    try:
        yield
    finally:
        sys.stdin = old


def query(url: str, statement: str, **params: Any) -> list[Any]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return list(conn.execute(text(statement), params).all())
    finally:
        engine.dispose()


@pytest.fixture
def logins(pg_url: str) -> Iterator[dict[str, str]]:
    names = {key: unique_login(key) for key in ("anna", "rut", "pw")}
    yield names
    drop_logins(pg_url, list(names.values()))


@pytest.fixture
def initialised(pg_url: str) -> str:
    """A database after ``db init`` with a few people."""
    code, _, err = run("db", "init", "--url", pg_url, "--lang", "sv")
    assert code == 0, err
    services = open_office(pg_url)
    try:
        admin = services.office.add_person(None, "Åsa Admin", "asa@umea.se", "Umeå", role=Role.ADMIN)
        services.office.add_person(admin.id, "Anna Andersson", "anna@umea.se", "Umeå")
        services.office.add_person(admin.id, "Rut Receptionist", "rut@umea.se", "Umeå")
    finally:
        services.db.dispose()
    return pg_url


def members(url: str, login: str) -> list[str]:
    return [
        r[0]
        for r in query(
            url,
            "SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
            "JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = :u ORDER BY 1",
            u=login,
        )
    ]


def test_db_init_is_only_for_postgresql(sqlite_url_: str) -> None:
    code, out, err = run("db", "init", "--db", sqlite_url_)
    assert code == 2 and out == ""
    assert "bara ett delat kontor på PostgreSQL" in err and "SQLite-fil" in err
    code, _, err = run(
        "db", "grant", "anna", "--email", "a@umea.se", "--role", "user", "--db", sqlite_url_, "--lang", "en"
    )
    assert code == 2 and "only for a shared office on PostgreSQL" in err


@pytest.mark.postgresql
def test_db_init_sets_up_everything_and_twice_changes_nothing(pg_url: str) -> None:
    code, out, err = run("db", "init", "--url", pg_url)
    assert code == 0, err
    assert "Schemat är skapat" in out and "db grant" in out
    code, out, err = run("db", "init", "--url", pg_url)
    assert code == 0, err
    assert "redan det senaste" in out and "Grupproller skapade" not in out
    assert query(pg_url, "SELECT count(*) FROM pg_roles WHERE rolname LIKE 'satellitkontor\\_%'") == [(3,)]
    assert query(pg_url, "SELECT extname FROM pg_extension WHERE extname = 'btree_gist'") == [("btree_gist",)]
    assert query(pg_url, "SELECT relrowsecurity FROM pg_class WHERE relname = 'bookings'") == [(True,)]
    assert query(pg_url, "SELECT count(*) FROM resources")[0][0] > 0  # the default office, once
    privileges = query(
        pg_url,
        "SELECT has_table_privilege('satellitkontor_user', 'resources', 'SELECT'), "
        "has_table_privilege('satellitkontor_user', 'resources', 'UPDATE'), "
        "has_table_privilege('satellitkontor_user', 'bookings', 'INSERT'), "
        "has_table_privilege('satellitkontor_admin', 'resources', 'UPDATE'), "
        "pg_has_role('satellitkontor_admin', 'satellitkontor_user', 'MEMBER')",
    )
    assert privileges == [(True, False, True, True, True)]
    code, out, _ = run("db", "upgrade", "--db", pg_url)
    assert code == 0 and "Gruppernas behörigheter är uppdaterade" in out


@pytest.mark.postgresql
def test_db_grant_creates_the_login_and_a_second_grant_changes_the_role(
    initialised: str, logins: dict[str, str]
) -> None:
    url, anna = initialised, logins["anna"]
    code, out, err = run("db", "grant", anna, "--email", "Anna@Umea.se", "--role", "user", "--url", url)
    assert code == 0, err
    assert (
        f"Inloggningen {anna} är skapad" in out
        and "Anna Andersson (anna@umea.se) med rollen användare" in out
    )
    assert members(url, anna) == ["satellitkontor_user"]
    assert query(login_url(url, anna), "SELECT satellitkontor_role(), session_user") == [("user", anna)]

    code, out, err = run("db", "grant", anna, "--email", "anna@umea.se", "--role", "reception", "--url", url)
    assert code == 0, err
    assert "skapad" not in out and "Rollen är ändrad från användare till receptionist" in out
    assert members(url, anna) == ["satellitkontor_reception"]
    assert query(url, "SELECT role FROM people WHERE email = 'anna@umea.se'") == [("receptionist",)]
    assert query(url, "SELECT login FROM db_logins") == [(anna,)]
    actions = query(
        url, "SELECT action FROM audit_log WHERE action LIKE 'login.%' OR action = 'person.role' ORDER BY id"
    )
    assert [a[0] for a in actions] == ["login.grant", "person.role", "login.grant"]
    assert query(login_url(url, anna), "SELECT satellitkontor_role()") == [("receptionist",)]


@pytest.mark.postgresql
def test_db_grant_refuses_an_unknown_person_or_a_bad_login_and_changes_nothing(
    initialised: str, logins: dict[str, str]
) -> None:
    url, rut = initialised, logins["rut"]
    before = query(url, "SELECT count(*) FROM audit_log")
    code, out, err = run("db", "grant", rut, "--email", "nobody@umea.se", "--role", "reception", "--url", url)
    assert code == 2 and out == ""
    assert "Det finns ingen person «nobody@umea.se»" in err
    assert query(url, "SELECT count(*) FROM pg_roles WHERE rolname = :n", n=rut) == [(0,)]

    bad = "robert'); DROP TABLE people;--"
    code, _, err = run("db", "grant", bad, "--email", "rut@umea.se", "--role", "reception", "--url", url)
    assert code == 2 and "Ogiltigt inloggningsnamn" in err
    code, _, err = run("db", "grant", "postgres", "--email", "rut@umea.se", "--role", "admin", "--url", url)
    assert code == 2 and "superanvändare" in err
    code, _, err = run(
        "db", "grant", "satellitkontor_admin", "--email", "rut@umea.se", "--role", "admin", "--url", url
    )
    assert code == 2 and "grupproll" in err
    code, _, err = run(
        "db", "grant", rut, "--email", "rut@umea.se", "--role", "user", "--no-create", "--url", url
    )
    assert code == 2 and f"Det finns ingen databasinloggning «{rut}»" in err

    assert query(url, "SELECT count(*) FROM audit_log") == before
    assert query(url, "SELECT count(*) FROM db_logins") == [(0,)]
    assert query(url, "SELECT role FROM people WHERE email = 'rut@umea.se'") == [("user",)]


@pytest.mark.postgresql
def test_db_grant_with_a_password_and_db_revoke(initialised: str, logins: dict[str, str]) -> None:
    url, login = initialised, logins["pw"]
    code, out, err = run(
        "db", "grant", login, "--email", "rut@umea.se", "--role", "reception", "--password-prompt", "--url", url,
        stdin="hemligt lösenord\n",
    )  # fmt: skip
    assert code == 0, err
    stored = query(url, "SELECT rolpassword FROM pg_authid WHERE rolname = :n", n=login)[0][0]
    assert stored.startswith("SCRAM-SHA-256$") and "hemligt" not in stored

    code, out, err = run("db", "revoke", login, "--url", url, "--lang", "en")
    assert code == 0, err
    assert f"The login {login} (Rut Receptionist) has no role in the office any more" in out
    assert members(url, login) == [] and query(url, "SELECT count(*) FROM db_logins") == [(0,)]
    code, out, err = run("db", "revoke", login, "--drop", "--url", url)
    assert code == 0 and "borttagen" in out
    assert query(url, "SELECT count(*) FROM pg_roles WHERE rolname = :n", n=login) == [(0,)]
    code, _, err = run("db", "revoke", login, "--url", url)
    assert code == 2 and "Det finns ingen databasinloggning" in err


@pytest.mark.postgresql
def test_the_cli_acts_as_the_login_s_person_and_a_user_cannot_book_for_others(
    initialised: str, logins: dict[str, str]
) -> None:
    url, anna = initialised, logins["anna"]
    assert run("db", "grant", anna, "--email", "anna@umea.se", "--role", "user", "--url", url)[0] == 0
    as_anna = login_url(url, anna)
    day = _open_day_ahead().isoformat()
    code, out, err = run("--db", as_anna, "book", "desk", "Plats 1", "--date", day, "--period", "fm")
    assert code == 0, err
    assert "Anna Andersson" in out  # no --as: the login is who books
    before = query(url, "SELECT count(*) FROM bookings")

    code, out, err = run("--db", as_anna, "book", "desk", "Plats 2", "--date", day, "--for", "rut@umea.se")
    assert code == 2 and "boka åt någon annan" in err and "din roll: användare" in err
    code, out, err = run("--db", as_anna, "--as", "asa@umea.se", "mine")
    assert code == 2 and f"inloggad i databasen som {anna} (anna@umea.se)" in err and "asa@umea.se" in err
    assert query(url, "SELECT count(*) FROM bookings") == before


def _open_day_ahead() -> date:
    """A weekday a week or two ahead of the real date (the CLI books on the real clock) that is
    not a Swedish holiday or eve."""
    from satellitkontor.domain.office_calendar import eve_name, swedish_holidays

    day = date.today() + timedelta(days=7)
    while day.weekday() >= 5 or day in swedish_holidays(day.year) or eve_name(day):
        day += timedelta(days=1)
    return day
