"""Every kind of change writes exactly one audit entry (N bookings: N entries) with who, when,
what before and after, and whom it concerns; a call that changes nothing writes none.

Read back with raw SQL (tests/services/audit_helpers.py), not through the service that shows them.
"""

from __future__ import annotations

import json
from datetime import date, time
from pathlib import Path

from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.domain.feeds import FeedKind, FeedSpec, Privacy
from satellitkontor.domain.people import Role
from satellitkontor.domain.recurrence import Recurrence
from satellitkontor.domain.resources import ResourceKind
from satellitkontor.services.app_services import open_office
from satellitkontor.services.imports.results import ImportRequest
from satellitkontor.storage.database import sqlite_url
from satellitkontor.words.texts import AUDIT_ACTIONS
from tests.conftest import MONDAY, NOW, MovableClock, Office
from tests.services.audit_helpers import entries_after, last_id, one_after, same_moment
from tests.services.helpers import TUESDAY, WEDNESDAY, at

FULL, MORNING = DeskPeriod.FULL_DAY, DeskPeriod.MORNING
#: The actions of the tour below (privacy's own, e.g. person.erase, are tested with it).
TOUR = {
    "booking.create",
    "booking.import",
    "booking.cancel",
    "booking.check_in",
    "booking.no_show",
    "person.create",
    "person.register",
    "person.role",
    "person.activate",
    "person.deactivate",
    "resource.create",
    "resource.update",
    "resource.activate",
    "resource.deactivate",
    "closure.create",
    "closure.delete",
    "settings.policy",
    "rotation_year.confirm",
    "meeting.create",
    "feed.publish",
    "feed.revoke",
}


# --- bookings ---------------------------------------------------------------------------------
def test_a_desk_and_a_room_booking_write_one_create_each(office: Office) -> None:
    o = office
    mark = last_id(o)
    desk = o.services.booking.book_desk(o.anna.id, o.desk(1).id, MONDAY, FULL)
    e = one_after(o, mark)
    assert (e.action, e.entity, e.entity_id) == ("booking.create", "booking", str(desk.id))
    assert (e.actor_id, e.actor_name, e.subject_id) == (o.anna.id, "Anna Andersson", o.anna.id)
    assert same_moment(e.at, NOW)
    assert e.before is None
    assert e.after["resource"] == "Plats 1" and e.after["resource_id"] == o.desk(1).id
    assert (e.after["period"], e.after["status"]) == ("full_day", "confirmed")
    assert e.after["start"] == desk.start.isoformat() and e.after["end"] == desk.end.isoformat()

    mark = last_id(o)
    o.clock.advance(minutes=5)
    room = o.services.booking.book_room(
        o.reception.id, o.room.id, at(TUESDAY, 9), at(TUESDAY, 11), 6, "Beredning", for_person_id=o.bertil.id
    )
    e = one_after(o, mark)
    assert (e.action, e.entity_id) == ("booking.create", str(room.id))
    # the receptionist acted; the booking is Bertil's, and his name is only the subject id
    assert (e.actor_id, e.actor_name, e.subject_id) == (o.reception.id, "Rut Receptionist", o.bertil.id)
    assert (e.after["title"], e.after["participants"], e.after["resource"]) == (
        "Beredning",
        6,
        "Konferensrummet",
    )
    assert "Bertil" not in json.dumps(e.after) and "bertil" not in json.dumps(e.after)
    assert same_moment(e.at, o.clock.moment)


def test_a_series_writes_one_entry_per_booking_it_creates(office: Office) -> None:
    o = office
    mark = last_id(o)
    o.services.booking.book_desk(o.cecilia.id, o.desk(2).id, date(2026, 12, 1), FULL)  # takes one day
    rule = Recurrence.weekly(date(2026, 11, 24), {1}, count=4)  # four Tuesdays, 1 Dec taken
    result = o.services.booking.book_series(o.anna.id, o.desk(2).id, rule, period=MORNING)
    assert len(result.booked) == 3 and len(result.skipped) == 1
    created = entries_after(o, mark)[1:]
    assert [e.action for e in created] == ["booking.create"] * 3
    assert sorted(e.entity_id for e in created) == sorted(str(b.id) for b in result.booked)
    assert {e.after["series_id"] for e in created} == {result.series_id}
    assert {(e.actor_id, e.subject_id) for e in created} == {(o.anna.id, o.anna.id)}

    mark = last_id(o)
    o.services.booking.book_series(
        o.anna.id,
        o.desk(3).id,
        Recurrence.weekly(date(2026, 11, 25), {2}, count=2),
        period=FULL,
        dry_run=True,
    )
    assert entries_after(o, mark) == []  # a dry run writes nothing, no entry either


def test_cancel_one_and_a_series(office: Office) -> None:
    o = office
    booking = o.services.booking.book_desk(o.anna.id, o.desk(1).id, TUESDAY, FULL)
    mark = last_id(o)
    o.services.booking.cancel(o.reception.id, booking.id)
    e = one_after(o, mark)
    assert (e.action, e.entity_id) == ("booking.cancel", str(booking.id))
    assert (e.actor_id, e.subject_id) == (o.reception.id, o.anna.id)
    assert (e.before, e.after) == ({"status": "confirmed"}, {"status": "cancelled"})

    rule = Recurrence.weekly(date(2026, 11, 25), {2}, count=3)
    series = o.services.booking.book_series(o.cecilia.id, o.desk(4).id, rule, period=FULL)
    mark = last_id(o)
    cancelled = o.services.booking.cancel_series(o.cecilia.id, series.series_id or "")
    found = entries_after(o, mark)
    assert len(found) == len(cancelled) == 3
    assert {e.action for e in found} == {"booking.cancel"}
    assert sorted(e.entity_id for e in found) == sorted(str(b.id) for b in cancelled)


def test_an_import_writes_one_entry_per_booking(office: Office) -> None:
    o = office
    requests = [
        ImportRequest(
            o.desk(5).id, o.anna.id, at(TUESDAY, 8), at(TUESDAY, 12), MORNING, None, None, "k|1", "A"
        ),
        ImportRequest(o.room.id, o.bertil.id, at(TUESDAY, 13), at(TUESDAY, 14), None, "Möte", 3, "k|2", "B"),
    ]
    mark = last_id(o)
    made = o.services.booking.import_bookings(o.admin.id, requests)
    found = entries_after(o, mark)
    assert [e.action for e in found] == ["booking.import", "booking.import"]
    assert [e.entity_id for e in found] == [str(b.id) for b in made]
    assert [e.subject_id for e in found] == [o.anna.id, o.bertil.id]
    assert {e.actor_id for e in found} == {o.admin.id}
    assert [e.after["import_key"] for e in found] == ["k|1", "k|2"]


# --- the day at the office --------------------------------------------------------------------
def test_check_in_and_no_shows_one_and_the_sweep(office: Office) -> None:
    o = office
    b = o.services.booking
    anna = b.book_desk(o.anna.id, o.desk(1).id, MONDAY, FULL)
    bertil = b.book_desk(o.bertil.id, o.desk(2).id, MONDAY, FULL)
    cecilia = b.book_desk(o.cecilia.id, o.desk(3).id, MONDAY, FULL)
    admin = b.book_desk(o.admin.id, o.desk(4).id, MONDAY, FULL)
    o.clock.set_local(MONDAY, time(8, 0))

    mark = last_id(o)
    o.services.attendance.check_in(o.reception.id, anna.id)
    e = one_after(o, mark)
    assert (e.action, e.entity_id, e.actor_id, e.subject_id) == (
        "booking.check_in",
        str(anna.id),
        o.reception.id,
        o.anna.id,
    )
    assert (e.before, e.after) == ({"status": "confirmed"}, {"status": "checked_in"})
    mark = last_id(o)
    o.services.attendance.check_in(o.anna.id, anna.id)  # twice: nothing changes, nothing written
    assert entries_after(o, mark) == []

    o.clock.set_local(MONDAY, time(8, 45))
    mark = last_id(o)
    o.services.attendance.mark_no_show(o.reception.id, bertil.id)
    e = one_after(o, mark)
    assert (e.action, e.entity_id, e.subject_id) == ("booking.no_show", str(bertil.id), o.bertil.id)
    assert (e.before, e.after) == ({"status": "confirmed"}, {"status": "no_show"})

    mark = last_id(o)
    swept = o.services.attendance.mark_no_shows(o.reception.id)
    found = entries_after(o, mark)
    assert sorted(v.id for v in swept) == sorted([cecilia.id, admin.id])
    assert sorted(e.entity_id for e in found) == sorted([str(cecilia.id), str(admin.id)])
    assert {e.action for e in found} == {"booking.no_show"}
    assert {e.subject_id for e in found} == {o.cecilia.id, o.admin.id}


# --- people, places, closures and rules ---------------------------------------------------------
def test_people_added_registered_role_and_activity(office: Office) -> None:
    o = office
    svc = o.services.office
    mark = last_id(o)
    dora = svc.add_person(o.admin.id, "Dora Dahl", "dora@vannas.se", "Vännäs")
    e = one_after(o, mark)
    assert (e.action, e.entity, e.entity_id, e.subject_id) == (
        "person.create",
        "person",
        str(dora.id),
        dora.id,
    )
    assert e.actor_id == o.admin.id
    assert e.after == {
        "name": "Dora Dahl",
        "email": "dora@vannas.se",
        "municipality": "vannas",
        "kind": "employee",
        "role": "user",
        "active": True,
    }

    mark = last_id(o)
    erik = svc.register("Erik Eld", "erik@bjurholm.se", "Bjurholm")
    e = one_after(o, mark)
    assert (e.action, e.actor_id, e.actor_name, e.subject_id) == (
        "person.register",
        erik.id,
        "Erik Eld",
        erik.id,
    )
    mark = last_id(o)
    svc.register("Erik Eld", "erik@bjurholm.se", "Bjurholm")  # already there: no change
    assert entries_after(o, mark) == []

    mark = last_id(o)
    svc.set_role(o.admin.id, dora.id, Role.RECEPTIONIST)
    e = one_after(o, mark)
    assert (e.action, e.subject_id, e.actor_id) == ("person.role", dora.id, o.admin.id)
    assert (e.before, e.after) == ({"role": "user"}, {"role": "receptionist"})
    mark = last_id(o)
    svc.set_role(o.admin.id, dora.id, Role.RECEPTIONIST)
    assert entries_after(o, mark) == []

    mark = last_id(o)
    svc.set_active(o.admin.id, dora.id, False)
    svc.set_active(o.admin.id, dora.id, True)
    off, on = entries_after(o, mark)
    assert (off.action, off.before, off.after) == ("person.deactivate", {"active": True}, {"active": False})
    assert (on.action, on.before, on.after) == ("person.activate", {"active": False}, {"active": True})


def test_resources_closures_and_the_rules(office: Office) -> None:
    o = office
    svc = o.services.office
    mark = last_id(o)
    desk = svc.add_resource(o.admin.id, ResourceKind.DESK, "Plats 9", equipment=("Skärm",))
    e = one_after(o, mark)
    assert (e.action, e.entity, e.entity_id, e.subject_id) == (
        "resource.create",
        "resource",
        str(desk.id),
        None,
    )
    assert (e.after["name"], e.after["kind"], e.after["equipment"]) == ("Plats 9", "desk", ["Skärm"])

    mark = last_id(o)
    svc.update_resource(o.admin.id, desk.id, name="Plats 9A", x=0.5)
    e = one_after(o, mark)
    assert (e.action, e.before, e.after) == (
        "resource.update",
        {"name": "Plats 9", "x": 0.0},
        {"name": "Plats 9A", "x": 0.5},
    )
    mark = last_id(o)
    svc.update_resource(o.admin.id, desk.id, active=False)
    e = one_after(o, mark)
    assert (e.action, e.before, e.after) == ("resource.deactivate", {"active": True}, {"active": False})
    mark = last_id(o)
    svc.update_resource(o.admin.id, desk.id, name="Plats 9A")  # the same name: nothing changes
    assert entries_after(o, mark) == []

    mark = last_id(o)
    closure = svc.add_closure(o.admin.id, date(2026, 12, 28), date(2026, 12, 30), "Mellandagar")
    svc.remove_closure(o.admin.id, closure.id)
    added, removed = entries_after(o, mark)
    facts = {"start_date": "2026-12-28", "end_date": "2026-12-30", "reason": "Mellandagar"}
    assert (added.action, added.entity_id, added.before, added.after) == (
        "closure.create",
        str(closure.id),
        None,
        facts,
    )
    assert (removed.action, removed.entity_id, removed.before, removed.after) == (
        "closure.delete",
        str(closure.id),
        facts,
        None,
    )

    mark = last_id(o)
    svc.update_policy(o.admin.id, horizon_days=60, one_desk_per_person=False)
    e = one_after(o, mark)
    assert (e.action, e.entity, e.entity_id) == ("settings.policy", "settings", "booking_policy")
    assert e.before == {"horizon_days": 90, "one_desk_per_person": True}
    assert e.after == {"horizon_days": 60, "one_desk_per_person": False}
    mark = last_id(o)
    svc.update_policy(o.admin.id, horizon_days=60)
    assert entries_after(o, mark) == []


def test_rotation_years_and_meetings(office: Office) -> None:
    o = office
    mark = last_id(o)
    o.services.rotation.confirm_year(o.admin.id, 2028)  # projected: Robertsfors, vice chair Umeå
    e = one_after(o, mark)
    assert (e.action, e.entity, e.entity_id) == ("rotation_year.confirm", "rotation_year", "2028")
    assert (e.before, e.after) == ({"confirmed": False}, {"confirmed": True})
    mark = last_id(o)
    o.services.rotation.confirm_year(o.admin.id, 2028)
    assert entries_after(o, mark) == []
    o.services.rotation.confirm_year(o.admin.id, 2028, host="Umeå", vice_chair="Vindeln", note="Rådet 12/11")
    e = one_after(o, mark)
    assert e.before == {"host": "robertsfors", "vice_chair": "umea", "note": None}
    assert e.after == {"host": "umea", "vice_chair": "vindeln", "note": "Rådet 12/11"}

    mark = last_id(o)
    meeting = o.services.rotation.add_meeting(
        o.admin.id, "council", "Umeåregionrådet", at(WEDNESDAY, 9), at(WEDNESDAY, 12), "Renmarkstorget 5D"
    )
    e = one_after(o, mark)
    assert (e.action, e.entity, e.entity_id, e.actor_id) == (
        "meeting.create",
        "meeting",
        str(meeting.id),
        o.admin.id,
    )
    assert (e.after["title"], e.after["kind"], e.after["location"]) == (
        "Umeåregionrådet",
        "council",
        "Renmarkstorget 5D",
    )


def test_feeds_published_and_revoked_name_the_hint_never_the_token(office: Office) -> None:
    o = office
    pub = o.services.feed_publishing
    mark = last_id(o)
    feed = pub.publish(o.admin.id, FeedSpec(FeedKind.PERSON, str(o.anna.id)), Privacy.INTERNAL, "Annas")
    e = one_after(o, mark)
    assert (e.action, e.entity, e.entity_id, e.subject_id) == (
        "feed.publish",
        "feed",
        str(feed.view.id),
        o.anna.id,
    )
    assert e.after == {
        "kind": "person",
        "target": str(o.anna.id),
        "privacy": "internal",
        "label": "Annas",
        "hint": feed.token[:6],
    }
    assert feed.token not in json.dumps(e.after)

    mark = last_id(o)
    pub.revoke(o.admin.id, feed.view.id)
    pub.revoke(o.admin.id, feed.view.id)  # already revoked: nothing changes
    e = one_after(o, mark)
    assert (e.action, e.subject_id) == ("feed.revoke", o.anna.id)
    assert (e.before["revoked"], e.after["revoked"]) == (False, True)
    mark = last_id(o)
    office_feed = pub.publish(o.admin.id, FeedSpec(FeedKind.OFFICE, None), Privacy.PUBLIC)
    e = one_after(o, mark)
    assert (e.subject_id, e.after["hint"]) == (None, office_feed.token[:6])
    assert office_feed.token not in json.dumps(e.after)


def test_a_new_office_records_its_default_places_and_first_admin_by_nobody(tmp_path: Path) -> None:
    services = open_office(sqlite_url(tmp_path / "new.sqlite3"), clock=MovableClock(NOW))
    try:
        places = entries_after(services, 0)
        assert len(places) == len(services.office.resources()) == 9
        assert {(e.action, e.actor_id, e.actor_name) for e in places} == {("resource.create", None, None)}
        admin = services.office.add_person(None, "Åsa", "asa@umea.se", "Umeå", role=Role.ADMIN)
        first = one_after(services, places[-1].id)
        assert (first.action, first.actor_id, first.subject_id) == ("person.create", None, admin.id)
    finally:
        services.close()


def test_every_kind_of_change_writes_its_action_and_it_has_words(sqlite_office: Office) -> None:
    """A tour of every kind of change in bookings, attendance, the office, the rotation and the
    feeds: each writes its action, and words/texts.py has words for every one."""
    o = sqlite_office
    b, svc, att = o.services.booking, o.services.office, o.services.attendance
    one = b.book_desk(o.anna.id, o.desk(1).id, MONDAY, FULL)
    two = b.book_desk(o.bertil.id, o.desk(2).id, MONDAY, FULL)
    three = b.book_desk(o.cecilia.id, o.desk(3).id, TUESDAY, FULL)
    b.import_bookings(
        o.admin.id,
        [ImportRequest(o.room.id, o.anna.id, at(TUESDAY, 13), at(TUESDAY, 14), None, None, 2, "k", "K")],
    )
    b.cancel(o.cecilia.id, three.id)
    o.clock.set_local(MONDAY, time(9, 0))
    att.check_in(o.anna.id, one.id)
    att.mark_no_show(o.reception.id, two.id)
    person = svc.add_person(o.admin.id, "Dora Dahl", "dora@vannas.se", "Vännäs")
    svc.register("Erik Eld", "erik@bjurholm.se", "Bjurholm")
    svc.set_role(o.admin.id, person.id, Role.RECEPTIONIST)
    svc.set_active(o.admin.id, person.id, False)
    svc.set_active(o.admin.id, person.id, True)
    desk = svc.add_resource(o.admin.id, ResourceKind.DESK, "Plats 9")
    svc.update_resource(o.admin.id, desk.id, name="Plats 10")
    svc.update_resource(o.admin.id, desk.id, active=False)
    svc.update_resource(o.admin.id, desk.id, active=True)
    closure = svc.add_closure(o.admin.id, date(2026, 12, 28), date(2026, 12, 28), "Städning")
    svc.remove_closure(o.admin.id, closure.id)
    svc.update_policy(o.admin.id, horizon_days=30)
    o.services.rotation.confirm_year(o.admin.id, 2029)
    o.services.rotation.add_meeting(
        o.admin.id, "handover", "Överlämning", at(WEDNESDAY, 9), at(WEDNESDAY, 10)
    )
    feed = o.services.feed_publishing.publish(o.admin.id, FeedSpec(FeedKind.OFFICE, None), Privacy.PUBLIC)
    o.services.feed_publishing.revoke(o.admin.id, feed.view.id)
    written = {e.action for e in entries_after(o, 0)}
    assert written == TOUR
    assert written <= set(AUDIT_ACTIONS)  # every one has its words
