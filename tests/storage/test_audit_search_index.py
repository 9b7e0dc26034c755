"""The audit trail's search index on SQLite (migration 0019, storage/queries/audit_search.py): a
search through it finds exactly what comparing every entry finds, and its rebuild after a
removal leaves it whole and in step with the trail."""

from __future__ import annotations

import random
import sqlite3
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert, text

from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.services.backup import backup_office, restore_office
from satellitkontor.services.privacy import search_index
from satellitkontor.storage.database import sqlite_url
from satellitkontor.storage.models import AuditRow
from satellitkontor.storage.queries import audit as q
from satellitkontor.storage.queries import audit_search
from satellitkontor.storage.queries.privacy import checkpoint
from tests.conftest import MONDAY, MovableClock, Office, make_office
from tests.privacy_history import file_bytes, months_back, open_monday

#: Pieces of the generated entries' text: case, Swedish and other letters, LIKE's own characters.
PIECES = (
    "Lindberg", "LINDBERG", "lindberg", "Öberg", "ÖBERG", "öberg", "Åsa Åström", "Ängel", "Straße",
    "STRASSE", "İlker Işık", "ILKER", "Kelvin \u212a", "50%", "100 % klart", "a_b", "x_y_z", "ab",
    "Plats 3", "Plats 30", "Konferensrummet", "styrgrupp", "Çelik", "Ærø", "ŁÓDŹ", "TAHİR", "AB ÅİR",
)  # fmt: skip
#: What is searched for: each through the index where it can be, and by comparing every entry.
TEXTS = (
    "lindberg", "berg", "öberg", "ÖBERG".lower(), "åsa åström", "straße", "strasse", "ilker", "i̇lker",
    "işık", "kelvin k", "50%", "%", "0 %", "_", "a_b", "x_y", "ab", "plats 3", "rg", "ängel",
    "konferens", "styr", "çel", "ærø", "łódź", "avbokad", "zzzz", "lindbergi", "tahi", "tahi̇r", "ab åi",
)  # fmt: skip


def _fill(office: Office, count: int = 1500) -> None:
    """Entries with text made of PIECES (in every column the search reads), inserted directly."""
    r = random.Random(18)
    start = datetime(2024, 1, 1, tzinfo=UTC)
    people = [office.anna.id, office.bertil.id, office.reception.id, None]
    rows: list[dict[str, Any]] = []
    for i in range(count):
        words = " ".join(r.choice(PIECES) for _ in range(r.randint(1, 3)))
        rows.append(
            {
                "at": start + timedelta(minutes=r.randint(0, 500_000)),
                "actor_name": r.choice([None, r.choice(PIECES)]),
                "action": r.choice(["booking.create", "booking.cancel", "person.update"]),
                "entity": r.choice(["booking", "person", "resource"]),
                "entity_id": str(r.randint(1, 60)),
                "subject_id": r.choice(people),
                "before": r.choice([None, {"title": words}]),
                "after": {"title": words, "n": i},
            }
        )
    with office.services.db.session(write=True) as s:
        s.execute(insert(AuditRow.__table__), rows)


def _search(office: Office, words: str, **filters: Any) -> tuple[int, list[int]]:
    """The count and every match's id, page by page (keyset paging), as the audit page reads them."""
    audit, admin = office.services.audit, office.admin.id
    upto = audit.newest_id(admin)
    total = audit.count(admin, upto_id=upto, text=words, **filters)
    ids: list[int] = []
    after = None
    while True:
        page = audit.entries(admin, limit=97, upto_id=upto, text=words, after=after, **filters)
        ids += [e.id for e in page]
        if len(page) < 97:
            return total, ids
        after = page[-1]


def _scanning(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the search compare every entry, as it did before the indexes (no index, and no
    window of newest entries before it)."""
    prepare = q._prepare
    monkeypatch.setattr(q, "_prepare", lambda s: q._Where(prepare(s).dialect, False))
    monkeypatch.setattr(q, "DENSE_WINDOW", 10**9)


@pytest.mark.parametrize("window", [40, q.DENSE_WINDOW])
def test_the_index_finds_exactly_what_comparing_every_entry_finds(
    office: Office, monkeypatch: pytest.MonkeyPatch, window: int
) -> None:
    """On SQLite and PostgreSQL. With a window of newest entries smaller than the trail, pages come partly from the window
    and partly from the indexes; with one larger, a page comes from the window and the count
    from the indexes."""
    _fill(office)
    monkeypatch.setattr(q, "DENSE_WINDOW", window)
    filters: list[dict[str, Any]] = [
        {},
        {"since": datetime(2024, 6, 1, tzinfo=UTC)},
        {"action": "booking.cancel"},
    ]
    indexed = {(t, i): _search(office, t, **f) for t in TEXTS for i, f in enumerate(filters)}
    with monkeypatch.context() as m:
        _scanning(m)
        scanned = {(t, i): _search(office, t, **f) for t in TEXTS for i, f in enumerate(filters)}
    assert indexed == scanned
    assert all(count == len(ids) for count, ids in indexed.values())
    assert indexed[("lindberg", 0)][0] > 100 and indexed[("zzzz", 0)] == (0, [])
    # most texts went through the index (the test would prove little otherwise)
    assert sum(q.fts_query(t) is not None for t in TEXTS) >= 20


def test_the_index_is_used_only_where_it_finds_every_match() -> None:
    assert q.fts_query("lindberg") == '"ber" AND "dbe" AND "erg" AND "ind" AND "lin" AND "ndb"'
    assert q.fts_query('a"bc') == '"""bc" AND "a""b"'
    assert q.fts_query("ab") is None  # shorter than a piece
    assert q.fts_query("abi") is None  # "ABİ" is "abi̇" to Python; without the "i", too short
    assert q.fts_query("abci") == '"abc"'
    assert q.fts_query("ꭰꭱꭲ") is None  # past Latin Extended-A


def test_fts5_folds_every_letter_the_index_is_used_for_as_python_does() -> None:
    """Every character whose lower case (Python's, which the search uses) has a letter up to
    FTS_SAFE_MAX is folded to the same by the SQLite in use, so that the index finds every entry
    that matches: the one exception, "İ", is what fts_query leaves out."""
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='trigram', detail='none')")
    differ = []
    for code in range(0x80, 0x110000):
        ch = chr(code)
        lower = ch.lower()
        if lower == ch or 0xD800 <= code < 0xE000 or not any(c <= q.FTS_SAFE_MAX for c in lower):
            continue
        conn.execute("DELETE FROM t")
        conn.execute("INSERT INTO t (x) VALUES (?)", (f"a{ch}b",))
        wanted = f"a{lower}b"[:3]
        found = conn.execute("SELECT count(*) FROM t WHERE t MATCH ?", ('"' + wanted + '"',)).fetchone()[0]
        if not found:
            differ.append(ch)
    conn.close()
    assert differ == ["\u0130"]


def _integrity(office: Office) -> None:
    with office.services.db.session(write=True) as s:
        s.execute(
            text(
                f"INSERT INTO {audit_search.TABLE}({audit_search.TABLE}, rank) VALUES ('integrity-check', 1)"
            )
        )


def _tables(office: Office) -> set[str]:
    with office.services.db.session() as s:
        return {
            n
            for (n,) in s.execute(
                text("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'audit_search%'")
            )
        }


def test_a_rebuild_keeps_the_index_whole_and_in_step_with_entries_changed_meanwhile(
    sqlite_office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Entries written and entries blanked while the new index is being filled are in it."""
    o = sqlite_office
    _fill(o, 800)
    db = o.services.db
    with db.session(write=True) as s:
        audit_search.start(s)
        assert audit_search.fill(s, 300) == 300
    _fill(o, 50)  # written during the rebuild: above every copied id
    with db.session(write=True) as s:  # an entry already copied loses its text meanwhile
        first = s.execute(text("SELECT min(id) FROM audit_log WHERE actor_name IS NOT NULL")).scalar_one()
        s.execute(
            text(
                "UPDATE audit_log SET actor_name = NULL, anonymized_at = '2026-01-01 00:00:00.000000' WHERE id = :i"
            ),
            {"i": first},
        )
    assert search_index.refresh(db, removed=False)  # goes on with the rebuild begun
    assert _tables(o) == {"audit_search", "audit_search_data", "audit_search_idx", "audit_search_config"}
    _integrity(o)
    indexed = {t: _search(o, t) for t in TEXTS}
    with monkeypatch.context() as m:
        _scanning(m)
        assert {t: _search(o, t) for t in TEXTS} == indexed
    _fill(o, 10)  # the triggers write to the new index
    _integrity(o)
    assert not search_index.refresh(db, removed=False)  # nothing to do


def test_a_name_retention_removed_is_neither_in_the_file_nor_in_its_index(sqlite_office: Office) -> None:
    """The name's capital "Ŧ" is in the rows, its folded "ŧ" only in the index's three-letter
    pieces ("ŧor", "a ŧ", …): before retention both are in the file, after it neither, in the file
    or its log (the old pieces stay in FTS5's older segments unless the index is built anew)."""
    o = sqlite_office
    saved = o.clock.moment
    day = open_monday(*months_back(MONDAY, 20))
    o.clock.set_local(day, time(7, 30))
    tora = o.services.office.add_person(o.admin.id, "Ŧora Ŧhörnqvist", "tora.t@bjurholm.se", "Bjurholm")
    o.services.booking.book_desk(tora.id, o.desk(1).id, day, DeskPeriod.FULL_DAY)
    o.clock.moment = saved
    _fill(o, 300)
    assert o.services.audit.count(o.admin.id, text="ŧhörn") > 0
    checkpoint(o.services.db)
    data = file_bytes(o)
    assert "Ŧ".encode() in data and "ŧ".encode() in data

    report = o.services.privacy.retention(o.admin.id, apply=True)

    assert report.audit_entries > 0 and report.log_cleared
    data = file_bytes(o)
    assert "Ŧ".encode() not in data and "ŧ".encode() not in data
    assert o.services.audit.count(o.admin.id, text="ŧhörn") == 0
    assert _tables(o) == {"audit_search", "audit_search_data", "audit_search_idx", "audit_search_config"}
    _integrity(o)


def test_a_restore_leaves_the_index_in_step_with_the_restored_trail(
    office: Office, clock: MovableClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A backup (of an office on either database) read into a SQLite office that had entries of
    its own: the index holds the restored entries and nothing of the replaced ones."""
    _fill(office, 400)
    backup_office(office.services.db.url.render_as_string(False), tmp_path / "b.sqlite3")
    with sqlite3.connect(tmp_path / "b.sqlite3") as conn:  # the backup's own index, filled at once
        table = audit_search.TABLE
        conn.execute(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)")
        triggers = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        assert f"{table}_insert" in triggers
    conn.close()
    target = make_office(sqlite_url(tmp_path / "target.sqlite3"), clock)
    _fill(target, 300)  # other entries, with other texts at the same ids
    with target.services.db.session(write=True) as s:
        s.execute(
            text("UPDATE audit_log SET actor_name = 'Qwertyson' WHERE id % 7 = 0 AND actor_name IS NULL")
        )
    url = target.services.db.url.render_as_string(False)
    target.services.db.dispose()
    restore_office(tmp_path / "b.sqlite3", url, replace=True)
    _integrity(target)
    assert target.services.audit.count(target.admin.id, text="qwertyson") == 0
    indexed = {t: _search(target, t) for t in TEXTS}
    with monkeypatch.context() as m:
        _scanning(m)
        assert {t: _search(target, t) for t in TEXTS} == indexed
    target.services.db.dispose()


@pytest.mark.postgresql
def test_postgresql_finds_the_entrys_own_text_through_its_index_in_a_small_office(
    pg_url: str, clock: MovableClock
) -> None:
    """With a few thousand entries PostgreSQL's planner prefers reading every entry to the
    trigram index (it cannot know what lower() of four joined columns costs), and a statement
    psycopg has prepared may get one plan for any text, which cannot use the index at all. Each
    statement of a search that reads the entry's own text is looked at as it runs, twelve
    searches in a row (past psycopg's five and PostgreSQL's five): each takes the index. The
    planner's settings are as before once the search is done."""
    from sqlalchemy import event

    office = make_office(pg_url, clock)
    _fill(office, 3000)
    with office.services.db.session(write=True) as s:
        s.execute(text("ANALYZE audit_log"))
    plans: list[str] = []

    def explain(conn: Any, cursor: Any, statement: str, params: Any, context: Any, many: bool) -> None:
        if "coalesce(actor_name" in statement and not statement.startswith("EXPLAIN"):
            with cursor.connection.cursor() as other:  # the same transaction, its own results
                other.execute("EXPLAIN " + statement, params)
                plans.append("\n".join(row[0] for row in other.fetchall()))

    engine = office.services.db.engine
    event.listen(engine, "after_cursor_execute", explain)
    try:
        for _ in range(12):
            assert _search(office, "lindberg")[0] > 100
    finally:
        event.remove(engine, "after_cursor_execute", explain)
    assert len(plans) >= 12  # the counts (the pages come from the window of newest entries)
    for plan in plans:
        assert "ix_audit_log_search" in plan, plan
    with office.services.db.session() as s:
        assert q.count(s, q.AuditFilter(text="lindberg")) > 100
        settings = s.execute(
            text(
                "SELECT current_setting('enable_seqscan'), current_setting('jit'), "
                "current_setting('plan_cache_mode')"
            )
        ).one()
    assert settings[0] == "on" and settings[2] == "auto"
    office.services.close()
