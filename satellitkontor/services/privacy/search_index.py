"""Building the audit trail's search index anew after personal data was removed from entries
(SQLite only; storage/queries/audit_search.py says why a rebuild and not a merge).

Retention first puts the index aside (:func:`suspend`), so that its many short transactions do
not also rewrite FTS5; an erasure (one transaction, one person's entries) keeps it up to date.
The rebuild runs in short transactions paced like retention (services/privacy/pacing.py): a
time budget each and a pause between, so other PCs book meanwhile; searches use the old index
until the new one is swapped in, and find the same entries either way.
"""

from __future__ import annotations

from satellitkontor.services.privacy.pacing import Pacer
from satellitkontor.storage.database import Database
from satellitkontor.storage.queries import audit_search


def refresh(db: Database, *, removed: bool) -> bool:
    """Rebuild the index when ``removed`` (entries lost text) or when an earlier rebuild was cut
    short; whether it ran."""
    if not db.is_sqlite:
        return False
    with db.session() as s:  # a read: no write lock when there is nothing to do
        if not (removed or audit_search.rebuilding(s)) or not audit_search.present(s):
            return False
    # At most 3,000 entries a transaction: FTS5 merges its segments now and then inside an
    # insert, and 5,000 entries took from 21 to 95 ms by whether it did (20-year office).
    pacer = Pacer(db, first=500, least=50, most=3_000)
    _drop_old(pacer)
    with pacer.write() as s:
        audit_search.start(s)
    while True:
        size = pacer.size
        with pacer.write() as s:
            done = audit_search.fill(s, size)
        pacer.adapt(done)
        if done < size:
            break
    with pacer.write() as s:
        audit_search.swap(s)
    _drop_old(pacer)
    return True


def suspend(db: Database) -> None:
    """Before retention blanks many entries: put the index aside (searches compare every entry
    meanwhile) and let its triggers go, so that blanking an entry does not also rewrite its
    pieces in FTS5: with the triggers, retention's transactions took three times as long and
    some held the write lock for 280 ms (5-year office, issue 18). :func:`refresh` builds it
    anew afterwards and deletes the old one."""
    if not db.is_sqlite:
        return
    with db.session() as s:
        if not audit_search.has_index(s):
            return
    pacer = Pacer(db, first=50, least=50, most=5_000)
    _drop_old(pacer)  # what an earlier rebuild left
    with pacer.write() as s:
        audit_search.set_aside(s)


def _drop_old(pacer: Pacer) -> None:
    size = 50
    while True:
        with pacer.write() as s:
            done = audit_search.drop_old(s, size)
        if not done:
            return
        pacer.adapt(done)
        size = pacer.size
