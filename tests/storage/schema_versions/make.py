"""Makes the office of every past schema version: ``python -m tests.storage.schema_versions.make``.

Each ``<revision>.db`` is what a database of that release held: the migrations up to the
revision run on a new SQLite file, and representative rows are written with plain SQL that is
valid for *that* schema (never through the models, which are always the newest schema): people
of every role, kind and municipality (one inactive), desks and the room, desk and room bookings
with a desk series and a room series, checked-in, no-show and cancelled bookings (a cancelled one
under a confirmed one), a closure, settings, a confirmed rotation year and meetings; and from the
revision that brought them, feed tokens and an import key (0002), audit entries, one anonymised
(0003), people-count adjustments (0004), Exchange outbox, links and sync state (0005), database
logins (0006). tests/storage/test_upgrades.py upgrades copies of these files to the newest schema
on SQLite and PostgreSQL and checks that every row is still there.

When a release adds a migration, add the revision that was head before it to ``REVISIONS`` (with
rows for any new table in ``rows_of``), run this module and commit the new file;
``test_every_past_revision_has_a_file`` fails until then. Times are naive UTC text as the app
writes them on SQLite; the week is that of Monday 23 November 2026, the tests' "now".
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import sys
from pathlib import Path
from typing import Any

from satellitkontor.storage import schema
from satellitkontor.storage.database import Database, sqlite_url

HERE = Path(__file__).resolve().parent
#: Every revision an older release had as its head, oldest first: one file each.
REVISIONS = (
    "0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009", "0012", "0013", "0014", "0015",
    "0016", "0017", "0018",
)  # fmt: skip

CREATED = "2026-11-02 09:15:00.000000"


def path_of(revision: str) -> Path:
    return HERE / f"{revision}.db"


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _at(day: str, hhmm: str) -> str:
    """A UTC instant as SQLite text (November: Umeå is UTC+1, so 08:00 there is 07:00 here)."""
    return f"{day} {hhmm}:00.000000"


POLICY = {
    "check_in_early_minutes": 60,
    "extra": {},
    "horizon_days": 90,
    "max_participants": 12,
    "midday": "12:00",
    "no_show_grace_minutes": 30,
    "one_desk_per_person": True,
    "room_max_minutes": 540,
    "room_min_minutes": 30,
    "room_slot_minutes": 15,
    "room_start_grace_minutes": 15,
    "week": [["08:00", "17:00"]] * 5 + [None, None],
}

PEOPLE = [
    # id, name, email, municipality, kind, role, active
    (1, "Åsa Administratör", "asa.admin@umea.se", "umea", "employee", "admin", 1),
    (2, "Rut Receptionist", "rut.reception@umea.se", "umea", "employee", "receptionist", 1),
    (3, "Anna Andersson", "anna.andersson@vindeln.se", "vindeln", "employee", "user", 1),
    (4, "Bertil Öberg", "bertil.oberg@ornskoldsvik.se", "ornskoldsvik", "politician", "user", 1),
    (5, "Cecilia Ek", "cecilia.ek@bjurholm.se", "bjurholm", "employee", "user", 1),
    (6, "David Nordin", "david.nordin@nordmaling.se", "nordmaling", "politician", "user", 1),
    (7, "Eva Lund", "eva.lund@robertsfors.se", "robertsfors", "employee", "user", 1),
    (8, "Fredrik Sjö", "fredrik.sjo@vannas.se", "vannas", "employee", "user", 0),
]
KIND = {p[0]: p[4] for p in PEOPLE}
HOME = {p[0]: p[3] for p in PEOPLE}

DESK_EQUIPMENT = ["Två skärmar", "Dockningsstation", "Tangentbord och mus", "Headset"]
RESOURCES = [
    # id, kind, name, equipment, capacity, active, x, y, sort_order
    (1, "desk", "Plats 1", DESK_EQUIPMENT, 1, 1, 150.0, 150.0, 1),
    (2, "desk", "Plats 2", DESK_EQUIPMENT, 1, 1, 350.0, 150.0, 2),
    (3, "desk", "Plats 3", DESK_EQUIPMENT[:2], 1, 1, 550.0, 150.0, 3),
    (4, "desk", "Plats 4 (ståbord)", [], 1, 0, 750.0, 150.0, 4),
    (5, "room", "Konferensrummet", ["Projektor", "Videokonferens", "Whiteboard"], 12, 1, 450.5, 420.25, 5),
]

DESK_SERIES = "6a1e2c3d-0000-4000-8000-000000000001"
ROOM_SERIES = "6a1e2c3d-0000-4000-8000-000000000002"
SERIES = [
    # id, resource, person, rrule, first_day, desk_period, start, end, title, participants, created_by
    (DESK_SERIES, 2, 3, "FREQ=WEEKLY;BYDAY=WE;COUNT=2", "2026-11-18", "full_day", None, None, None, None, 3),
    (ROOM_SERIES, 5, 4, "FREQ=WEEKLY;BYDAY=TU;COUNT=2", "2026-11-17", None, "13:00", "15:00", "Arbetsgrupp kompetensförsörjning", 6, 2),
]  # fmt: skip

FULL, MORNING, AFTERNOON = ("07:00", "16:00"), ("07:00", "11:00"), ("11:00", "16:00")
BOOKINGS = [
    # id, resource, person, created_by, day, (start, end) UTC, desk_period, title, participants,
    # status, series, checked_in_at, cancelled_at
    (1, 1, 3, 3, "2026-11-16", FULL, "full_day", None, None, "checked_in", None, "07:12", None),
    (2, 2, 5, 5, "2026-11-16", MORNING, "morning", None, None, "no_show", None, None, None),
    (3, 2, 6, 6, "2026-11-16", AFTERNOON, "afternoon", None, None, "checked_in", None, "11:02", None),
    (4, 2, 3, 3, "2026-11-18", FULL, "full_day", None, None, "checked_in", DESK_SERIES, "06:58", None),
    (5, 2, 3, 3, "2026-11-25", FULL, "full_day", None, None, "confirmed", DESK_SERIES, None, None),
    (6, 5, 4, 2, "2026-11-17", ("12:00", "14:00"), None, "Arbetsgrupp kompetensförsörjning", 6, "checked_in", ROOM_SERIES, "11:55", None),
    (7, 5, 4, 2, "2026-11-24", ("12:00", "14:00"), None, "Arbetsgrupp kompetensförsörjning", 6, "confirmed", ROOM_SERIES, None, None),
    (8, 5, 1, 1, "2026-11-24", ("08:00", "09:30"), None, "KC-gruppen", 8, "cancelled", None, None, "2026-11-20 10:00:00.000000"),
    (9, 5, 7, 7, "2026-11-24", ("08:00", "09:00"), None, "Upphandlingssamverkan", 4, "confirmed", None, None, None),
    (10, 1, 4, 2, "2026-11-24", MORNING, "morning", None, None, "confirmed", None, None, None),
]  # fmt: skip


def _bookings() -> list[dict[str, Any]]:
    rows = []
    for bid, res, person, by, day, (
        start,
        end,
    ), period, title, n, status, series, checked, cancelled in BOOKINGS:
        changed = cancelled or (_at(day, checked) if checked else CREATED)
        rows.append(
            {
                "id": bid,
                "uid": f"00000000-0000-4000-8000-{bid:012d}@satellitkontor",
                "resource_id": res,
                "resource_kind": "room" if res == 5 else "desk",
                "person_id": person,
                "created_by_id": by,
                "municipality_code": HOME[person],
                "person_kind": KIND[person],
                "start_at": _at(day, start),
                "end_at": _at(day, end),
                "desk_period": period,
                "title": title,
                "participants": n,
                "status": status,
                "series_id": series,
                "sequence": 1 if cancelled else 0,
                "created_at": CREATED,
                "updated_at": changed,
                "checked_in_at": _at(day, checked) if checked else None,
                "cancelled_at": cancelled,
            }
        )
    return rows


def rows_of(revision: str) -> dict[str, list[dict[str, Any]]]:
    """Every row to write into a database at ``revision``, table by table, parents first."""
    tables: dict[str, list[dict[str, Any]]] = {
        "people": [
            dict(
                id=i, name=n, email=e, municipality_code=m, kind=k, role=r, active=a,
                created_at=CREATED, updated_at=CREATED,
            )
            for i, n, e, m, k, r, a in PEOPLE
        ],
        "resources": [
            dict(
                id=i, kind=k, name=n, equipment=_json(eq), capacity=c, active=a, x=x, y=y, sort_order=o,
                created_at=CREATED, updated_at=CREATED,
            )
            for i, k, n, eq, c, a, x, y, o in RESOURCES
        ],
        "booking_series": [
            dict(
                id=i, resource_id=r, person_id=p, rrule=rr, first_day=d, desk_period=dp, start_time=s,
                end_time=e, title=t, participants=n, created_by_id=by, created_at=CREATED,
            )
            for i, r, p, rr, d, dp, s, e, t, n, by in SERIES
        ],
        "bookings": _bookings(),
        "closures": [
            dict(id=1, start_date="2026-12-07", end_date="2026-12-08", reason="Byte av nätverk",
                 created_by_id=1, created_at=CREATED),
        ],
        "settings": [
            dict(key="booking_policy", value=_json(POLICY), updated_at=CREATED),
            dict(key="privacy", value=_json({"names_to_users": True, "retention_months": 13,
                                             "retention_on_start": False}), updated_at=CREATED),
        ],
        "rotation_years": [
            dict(year=2027, host_code="nordmaling", vice_chair_code="robertsfors",
                 note="Beslutat av Umeåregionrådet 2026-09-17", confirmed_by_id=1, confirmed_at=CREATED),
        ],
        "rotation_meetings": [
            dict(id=1, kind="council", title="Umeåregionrådet", start_at=_at("2026-11-26", "08:00"),
                 end_at=_at("2026-11-26", "11:00"), location="Renmarkstorget 5D, 3 tr", note=None,
                 uid="rotation-0001@satellitkontor", sequence=0, created_by_id=1, created_at=CREATED,
                 updated_at=CREATED),
            dict(id=2, kind="handover", title="Överlämning av värdskapet: Bjurholm → Nordmaling",
                 start_at=_at("2026-12-10", "12:00"), end_at=_at("2026-12-10", "14:00"),
                 location="Satellitkontoret, konferensrummet", note="Med KC-gruppen",
                 uid="rotation-0002@satellitkontor", sequence=2, created_by_id=1, created_at=CREATED,
                 updated_at="2026-11-10 08:00:00.000000"),
        ],
    }  # fmt: skip
    if revision >= "0002":
        tables["bookings"][8]["import_key"] = "040000008200E00074C5B7101A82E008@outlook|20261124T080000Z"
        tables["feed_tokens"] = [
            dict(id=1, token_hash=hashlib.sha256(b"plats-1-token").hexdigest(), hint="pl1TOKEN",
                 kind="resource", target="1", privacy="public", label="Plats 1", created_by_id=1,
                 created_at=CREATED, revoked_at=None, revoked_by_id=None),
            dict(id=2, token_hash=hashlib.sha256(b"office-token").hexdigest(), hint="offTOKEN",
                 kind="office", target=None, privacy="internal", label="Hela kontoret", created_by_id=1,
                 created_at=CREATED, revoked_at="2026-11-12 14:00:00.000000", revoked_by_id=1),
        ]  # fmt: skip
    if revision >= "0003":
        tables["audit_log"] = [
            dict(id=1, at=CREATED, actor_id=1, actor_name="Åsa Administratör", action="resource.create",
                 entity="resource", entity_id="1", subject_id=None, before=None,
                 after=_json({"kind": "desk", "name": "Plats 1"}), anonymized_at=None),
            dict(id=2, at="2026-11-20 10:00:00.000000", actor_id=1, actor_name="Åsa Administratör",
                 action="booking.cancel", entity="booking", entity_id="8", subject_id=1,
                 before=_json({"status": "confirmed"}), after=_json({"status": "cancelled"}),
                 anonymized_at=None),
            dict(id=3, at="2026-11-20 10:05:00.000000", actor_id=2, actor_name="Rut Receptionist",
                 action="booking.create", entity="booking", entity_id="10", subject_id=4, before=None,
                 after=_json({"resource": "Plats 1", "period": "morning"}), anonymized_at=None),
            dict(id=4, at="2025-01-15 09:00:00.000000", actor_id=None, actor_name=None,
                 action="person.role", entity="person", entity_id="8", subject_id=None,
                 before=None, after=None, anonymized_at="2026-02-01 00:00:00.000000"),
        ]  # fmt: skip
    if revision >= "0004":
        tables["people_count_adjustments"] = [
            dict(year=2025, month=0, municipality_code="umea", people=3, employees=2, politicians=1),
            dict(year=2025, month=3, municipality_code="vindeln", people=1, employees=1, politicians=0),
        ]
    if revision >= "0005":
        tables["exchange_outbox"] = [
            dict(id=1, booking_id=10, operation="upsert", created_at="2026-11-20 10:05:00.000000",
                 attempts=1, next_attempt_at="2026-11-20 10:05:00.000000", last_error_code=None,
                 last_error_text=None, done_at="2026-11-20 10:05:03.250000"),
            dict(id=2, booking_id=8, operation="cancel", created_at="2026-11-20 10:00:00.000000",
                 attempts=3, next_attempt_at="2026-11-20 10:30:00.000000", last_error_code="ews.unreachable",
                 last_error_text="Exchange-servern svarar inte.", done_at=None),
        ]  # fmt: skip
        tables["exchange_links"] = [
            dict(booking_id=10, mailbox="bertil.oberg@ornskoldsvik.se", remote_id="AAMkAGI2TG93AAA=",
                 change_key="CQAAABYAAAA", ical_uid="00000000-0000-4000-8000-000000000010@satellitkontor",
                 room_copy_id=None, synced_sequence=0, room_response="none", origin="app",
                 synced_at="2026-11-20 10:05:03.250000"),
            dict(booking_id=9, mailbox="konferensrum@umea.onmicrosoft.com", remote_id="AAMkAGI2TG94BBB=",
                 change_key="CQAAABYBBBB", ical_uid="040000008200E00074C5B7101A82E008", room_copy_id="AAMkRoom=",
                 synced_sequence=0, room_response="accepted", origin="outlook",
                 synced_at="2026-11-21 06:00:00.000000"),
        ]  # fmt: skip
        tables["exchange_sync_state"] = [
            dict(key="pull:konferensrum@umea.onmicrosoft.com", cursor="H4sIAAAAAAAEAGNgYGBg",
                 last_success_at="2026-11-21 06:00:00.000000", last_attempt_at="2026-11-21 06:00:00.000000",
                 last_error_code=None, last_error_text=None),
            dict(key="push", cursor=None, last_success_at="2026-11-20 10:05:03.250000",
                 last_attempt_at="2026-11-20 10:30:00.000000", last_error_code="ews.unreachable",
                 last_error_text="Exchange-servern svarar inte."),
        ]  # fmt: skip
    if revision >= "0006":
        tables["db_logins"] = [
            dict(login="asa_admin", person_id=1, granted_at="2026-11-03 08:00:00.000000"),
            dict(login="anna.andersson", person_id=3, granted_at="2026-11-03 08:01:00.000000"),
        ]
    if revision >= "0015":  # notices by e-mail (0015): one sent, one waiting; Anna's choices
        tables["notice_outbox"] = [
            dict(id=1, booking_id=10, booking_uid="00000000-0000-4000-8000-000000000010@satellitkontor",
                 person_id=4, kind="confirmed", sequence=0, by_other=1, reason=None,
                 payload=_json({"place": "Plats 1", "place_kind": "desk", "start": "2026-11-24T07:00:00+00:00",
                                "end": "2026-11-24T11:00:00+00:00", "desk_period": "morning"}),
                 offer_until=None, created_at="2026-11-20 10:05:00.000000", status="sent", attempts=1,
                 next_attempt_at="2026-11-20 10:05:00.000000", sent_at="2026-11-20 10:05:02.000000",
                 message_id="<n1@satellitkontor>", last_error_code=None, last_error_text=None),
            dict(id=2, booking_id=8, booking_uid="00000000-0000-4000-8000-000000000008@satellitkontor",
                 person_id=1, kind="cancelled", sequence=1, by_other=0, reason="Sjuk", payload=_json({}),
                 offer_until=None, created_at="2026-11-20 10:00:00.000000", status="pending", attempts=2,
                 next_attempt_at="2026-11-20 10:30:00.000000", sent_at=None, message_id=None,
                 last_error_code="smtp.unreachable", last_error_text="E-postservern svarar inte."),
        ]  # fmt: skip
        tables["notice_prefs"] = [
            dict(person_id=3, language="sv", confirmations=1, by_others=1, reminders=0, waitlist=1,
                 updated_at=CREATED),
        ]  # fmt: skip
    if revision >= "0016":  # the waitlist (0016): one waiting for a desk, one offered, one for the room
        tables["waitlist_entries"] = [
            dict(id=1, person_id=3, day="2026-11-24", desk_period="full_day", resource_id=None, start_at=None,
                 end_at=None, participants=None, auto_book=0, state="waiting",
                 created_at="2026-11-20 09:00:00.000000", decided_at=None, offered_booking_id=None,
                 offer_until=None),
            dict(id=2, person_id=4, day="2026-11-24", desk_period="morning", resource_id=None, start_at=None,
                 end_at=None, participants=None, auto_book=0, state="offered",
                 created_at="2026-11-19 15:00:00.000000", decided_at="2026-11-20 10:05:00.000000",
                 offered_booking_id=10, offer_until="2026-11-20 12:05:00.000000"),
            dict(id=3, person_id=1, day="2026-11-24", desk_period=None, resource_id=5,
                 start_at=_at("2026-11-24", "09:00"), end_at=_at("2026-11-24", "10:00"), participants=4,
                 auto_book=1, state="expired", created_at="2026-11-18 08:00:00.000000",
                 decided_at="2026-11-24 09:00:00.000000", offered_booking_id=None, offer_until=None),
        ]  # fmt: skip
    return tables


def make(revision: str, path: Path) -> Path:
    """A new file at ``revision`` holding the rows of ``rows_of(revision)``."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    db = Database(sqlite_url(path))
    try:
        schema.upgrade(db, backup=False, target=revision)
    finally:
        db.dispose()
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        with conn:
            for table, rows in rows_of(revision).items():
                for row in rows:
                    names = ", ".join(f'"{c}"' for c in row)
                    marks = ", ".join("?" for _ in row)
                    conn.execute(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', list(row.values()))
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        # small and self-contained: no WAL beside it, 1 KiB pages
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA page_size = 1024")
        conn.execute("VACUUM")
    finally:
        conn.close()
    return path


def main(argv: list[str]) -> int:
    for revision in argv or REVISIONS:
        path = make(revision, path_of(revision))
        print(
            f"{path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path}: {path.stat().st_size // 1024} KiB"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
