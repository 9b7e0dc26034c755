"""Tampered backups (issue 20, item 7): changed bytes are found by the backup's checksum; a
backup edited by someone who computed the checksum again is refused by the domain's rules.
Every refusal is one sentence with exit 2, and the target is left as it was."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from satellitkontor.domain.policy import DEFAULT_POLICY
from satellitkontor.storage import backup_seal
from satellitkontor.storage.database import sqlite_url
from tests.test_cli_backup import demo_file, env, office, run  # noqa: F401  (fixtures)


def backed_up(office: str, env: Path) -> Path:  # noqa: F811
    file = env / "kontoret.backup"
    code, _out, err = run(office, "backup", str(file))
    assert (code, err) == (0, "")
    return file


def reseal(file: Path) -> None:
    """What a forger does after editing: compute the checksum again."""
    backup_seal.seal(file)


def refused(file: Path, env: Path) -> str:  # noqa: F811
    target = env / "mål.sqlite3"
    code, out, err = run(sqlite_url(target), "restore", str(file))
    assert (code, out) == (2, ""), (code, out, err)
    assert len(err.strip().splitlines()) == 1 and "oväntat" not in err, err
    assert not target.exists()
    return err.strip()


def test_bytes_changed_in_a_name_are_found_by_the_checksum(office: str, env: Path) -> None:  # noqa: F811
    file = backed_up(office, env)
    data = bytearray(file.read_bytes())
    where = data.find(b"Andersson")
    assert where > 0
    data[where : where + 9] = b"Anderzzon"  # SQLite still reads the page: only the sum can tell
    file.write_bytes(bytes(data))
    assert "kontrollsumman stämmer inte" in refused(file, env)


def test_a_policy_with_a_negative_horizon_is_refused(office: str, env: Path) -> None:  # noqa: F811
    file = backed_up(office, env)
    conn = sqlite3.connect(file)
    with conn:
        value = DEFAULT_POLICY.to_dict() | {"horizon_days": -5}
        conn.execute("DELETE FROM settings WHERE key = 'booking_policy'")
        conn.execute(
            "INSERT INTO settings (key, value, updated_at) VALUES ('booking_policy', ?, '2026-12-01 09:00:00.000000')",
            (json.dumps(value),),
        )
    conn.close()
    reseal(file)
    sentence = refused(file, env)
    assert "booking_policy" in sentence and "horizon_days" in sentence, sentence


def test_a_booking_in_the_year_9999_is_refused(office: str, env: Path) -> None:  # noqa: F811
    file = backed_up(office, env)
    conn = sqlite3.connect(file)
    with conn:
        conn.execute(
            "UPDATE bookings SET start_at = '9999-12-31 10:00:00.000000', "
            "end_at = '9999-12-31 11:00:00.000000' WHERE id = (SELECT MIN(id) FROM bookings)"
        )
    conn.close()
    reseal(file)
    assert "bookings." in refused(file, env)


def test_an_untouched_backup_still_restores(office: str, env: Path) -> None:  # noqa: F811
    file = backed_up(office, env)
    code, _out, err = run(sqlite_url(env / "ny.sqlite3"), "restore", str(file))
    assert (code, err) == (0, "")
