"""Calendar feeds: every kind parses in icalendar and in validating vobject, bookings keep their
UIDs, cancellations show and then leave, series are one RRULE event, public feeds name nobody,
and the version changes exactly when the bytes do."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from satellitkontor.domain import clock as clk
from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.domain.errors import (
    ActorRequired,
    FeedTargetNotAllowed,
    FeedTargetRequired,
    PermissionDenied,
    ResourceNotFound,
    UnknownMunicipality,
)
from satellitkontor.domain.feeds import FeedKind, FeedSpec, Privacy
from satellitkontor.domain.people import Person, PersonKind
from satellitkontor.domain.recurrence import Recurrence
from satellitkontor.services.feeds.service import CANCELLED_VISIBLE_DAYS, FeedService
from tests.conftest import NOW, Office
from tests.integrations.feed_helpers import check_lines, events, expand, feed, unfold, vobject_events
from tests.services.helpers import TUESDAY, WEDNESDAY, at, sv

THURSDAY = date(2026, 11, 26)
TRICKY_NAME = "Åsa Öberg, jr; test"
ROOM_TITLE = "Budget, plan; uppföljning \\ del 1"
MEETING_NOTE = "Internt: förslag till beslut"
ALL_KINDS = (FeedKind.OFFICE, FeedKind.RESOURCE, FeedKind.MUNICIPALITY, FeedKind.PERSON, FeedKind.ROTATION)


class Scene:
    """A week of bookings of every sort, made through the services."""

    def __init__(self, office: Office) -> None:
        s = office.services
        b = s.booking
        self.office = office
        self.asa: Person = s.office.add_person(
            office.admin.id, TRICKY_NAME, "asa.oberg@vannas.se", "Vännäs", PersonKind.POLITICIAN
        )
        self.morning = b.book_desk(office.anna.id, office.desk(3).id, TUESDAY, DeskPeriod.MORNING)
        self.full_day = b.book_desk(office.bertil.id, office.desk(2).id, TUESDAY, DeskPeriod.FULL_DAY)
        self.room = b.book_room(
            office.anna.id, office.room.id, at(TUESDAY, 13), at(TUESDAY, 14, 30), 4, "Möte om älvstråket"
        )
        self.asa_desk = b.book_desk(self.asa.id, office.desk(5).id, WEDNESDAY, DeskPeriod.FULL_DAY)
        self.asa_room = b.book_room(
            self.asa.id, office.room.id, at(WEDNESDAY, 10), at(WEDNESDAY, 11), 3, ROOM_TITLE
        )
        made = b.book_room(office.anna.id, office.room.id, at(THURSDAY, 9), at(THURSDAY, 10), 2, "Inställt")
        office.clock.advance(minutes=5)
        self.cancelled = b.cancel(office.anna.id, made.id)
        rule = Recurrence.weekly(date(2026, 12, 1), {1, 3}, until=date(2026, 12, 31))  # Tue and Thu
        self.series = b.book_series(office.cecilia.id, office.desk(4).id, rule, period=DeskPeriod.AFTERNOON)
        self.meeting = s.rotation.add_meeting(
            office.admin.id,
            "council",
            "Umeåregionrådet",
            clk.local(date(2026, 12, 10), time(10)),
            clk.local(date(2026, 12, 10), time(12)),
            "Renmarkstorget 5D, Umeå",
            MEETING_NOTE,
        )

    def target(self, kind: FeedKind) -> object:
        return {
            FeedKind.RESOURCE: self.office.room.id,
            FeedKind.MUNICIPALITY: "vannas",
            FeedKind.PERSON: self.asa.id,
        }.get(kind)


@pytest.fixture
def scene(sqlite_office: Office) -> Scene:
    return Scene(sqlite_office)


# --- every kind, both parsers ---------------------------------------------------------------------
@pytest.mark.parametrize("privacy", list(Privacy))
@pytest.mark.parametrize("kind", ALL_KINDS)
def test_every_feed_parses_in_icalendar_and_in_validating_vobject(
    office: Office, kind: FeedKind, privacy: Privacy
) -> None:
    scene = Scene(office)  # on SQLite and on PostgreSQL (streamed from a server-side cursor there)
    data = feed(office.services, kind, scene.target(kind), privacy=privacy)

    check_lines(data)
    by_icalendar, by_vobject = events(data), vobject_events(data)
    assert set(by_icalendar) == set(by_vobject) and by_icalendar
    assert b"METHOD" not in data
    expected = {
        FeedKind.OFFICE: {scene.morning.uid, scene.full_day.uid, scene.room.uid, scene.cancelled.uid},
        FeedKind.RESOURCE: {scene.room.uid, scene.asa_room.uid, scene.cancelled.uid},
        FeedKind.MUNICIPALITY: {scene.asa_desk.uid, scene.asa_room.uid},
        FeedKind.PERSON: {scene.asa_desk.uid, scene.asa_room.uid},
        FeedKind.ROTATION: {
            scene.meeting.uid,
            "host-year-2026@satellitkontor",
            "host-year-2027@satellitkontor",
        },
    }[kind]
    assert expected <= set(by_icalendar)
    if kind is FeedKind.MUNICIPALITY:  # only Vännäs: nothing of Umeå's or Örnsköldsvik's
        assert set(by_icalendar) == expected
    for uid, event in by_icalendar.items():
        assert event.decoded("DTSTAMP").tzinfo is not None
        vstart = by_vobject[uid].dtstart.value
        istart = event.decoded("DTSTART")
        assert vstart == istart  # the VTIMEZONE (used by vobject) says what zoneinfo says


def test_texts_in_english(scene: Scene) -> None:
    data = unfold(feed(scene.office.services, FeedKind.OFFICE, lang="en"))
    assert "SUMMARY:Plats 3 – Booked (Umeå)" in data
    assert "SUMMARY:Konferensrummet – Busy (Umeå)" in data
    assert "SUMMARY:Cancelled: Konferensrummet – Busy (Umeå)" in data
    assert "X-WR-CALNAME:Satellitkontoret – the whole office" in data


# --- one booking's event --------------------------------------------------------------------------
def test_a_booking_keeps_its_uid_and_its_sequence_grows_when_cancelled(scene: Scene) -> None:
    services, office = scene.office.services, scene.office
    before = events(feed(services, FeedKind.OFFICE))[scene.morning.uid]
    assert int(before["SEQUENCE"]) == 0 and str(before["STATUS"]) == "CONFIRMED"
    assert before.decoded("DTSTAMP") == before.decoded("LAST-MODIFIED") == before.decoded("CREATED")
    assert before.decoded("CREATED") == NOW
    assert str(before["SUMMARY"]) == "Plats 3 – Bokad (Umeå)"
    assert str(before["LOCATION"]) == "Umeåregionens satellitkontor, Plats 3"
    assert before.decoded("DTSTART") == datetime(2026, 11, 24, 8, tzinfo=clk.OFFICE_TZ)
    assert before["DTSTART"].params["TZID"] == "Europe/Stockholm"
    assert before.decoded("DTEND") == datetime(2026, 11, 24, 12, tzinfo=clk.OFFICE_TZ)

    office.clock.advance(hours=1)
    services.booking.cancel(office.anna.id, scene.morning.id)
    after = events(feed(services, FeedKind.OFFICE))[scene.morning.uid]

    assert int(after["SEQUENCE"]) == 1 and str(after["STATUS"]) == "CANCELLED"
    assert after.decoded("DTSTAMP") == after.decoded("LAST-MODIFIED") == office.clock()
    assert after.decoded("CREATED") == NOW
    assert str(after["SUMMARY"]) == "Avbokad: Plats 3 – Bokad (Umeå)"
    assert str(after["TRANSP"]) == "TRANSPARENT"


def test_a_full_day_is_an_all_day_item_with_date_values(scene: Scene) -> None:
    event = events(feed(scene.office.services, FeedKind.OFFICE))[scene.full_day.uid]
    assert event.decoded("DTSTART") == TUESDAY and event.decoded("DTEND") == TUESDAY + timedelta(days=1)
    assert event["DTSTART"].params["VALUE"] == "DATE"
    assert not isinstance(event.decoded("DTSTART"), datetime)


def test_a_cancelled_booking_stays_30_days_after_the_cancellation_then_leaves(scene: Scene) -> None:
    services, clock = scene.office.services, scene.office.clock
    cancelled_on = clk.local_date(clock())
    span = {"first": date(2026, 11, 1), "last": date(2026, 12, 31)}

    clock.set_local(cancelled_on + timedelta(days=CANCELLED_VISIBLE_DAYS), time(23, 59))
    last_day = events(feed(services, FeedKind.OFFICE, **span))
    assert str(last_day[scene.cancelled.uid]["STATUS"]) == "CANCELLED"

    clock.set_local(cancelled_on + timedelta(days=CANCELLED_VISIBLE_DAYS + 1), time(0, 1))
    gone = events(feed(services, FeedKind.OFFICE, **span))
    assert scene.cancelled.uid not in gone
    assert scene.room.uid in gone  # the rest of the day is still there


def test_no_shows_and_check_ins_stay_confirmed(scene: Scene) -> None:
    office = scene.office
    office.clock.set_local(TUESDAY, time(8, 5))
    office.services.attendance.check_in(office.anna.id, scene.morning.id)
    office.clock.set_local(TUESDAY, time(11))
    office.services.attendance.mark_no_show(office.reception.id, scene.full_day.id)
    found = events(feed(office.services, FeedKind.OFFICE))
    assert str(found[scene.morning.uid]["STATUS"]) == "CONFIRMED"
    assert str(found[scene.full_day.uid]["STATUS"]) == "CONFIRMED"
    assert int(found[scene.full_day.uid]["SEQUENCE"]) == 1


def test_the_range_limits_the_feed(scene: Scene) -> None:
    only_wednesday = events(feed(scene.office.services, FeedKind.OFFICE, first=WEDNESDAY, last=WEDNESDAY))
    assert set(only_wednesday) == {scene.asa_desk.uid, scene.asa_room.uid}


# --- series ---------------------------------------------------------------------------------------
def _booked_starts(office: Office, series_id: str) -> list[datetime]:
    with office.services.db.session() as s:
        rows = s.execute(
            text("SELECT id FROM bookings WHERE series_id = :s AND status != 'cancelled'"), {"s": series_id}
        )
        ids = [r[0] for r in rows]
    return sorted(office.services.occupancy.booking(i).start for i in ids)  # type: ignore[union-attr]


def test_a_series_is_one_event_whose_rrule_and_exdate_give_exactly_the_booked_days(scene: Scene) -> None:
    office = scene.office
    series_id = scene.series.series_id
    assert series_id is not None
    uid = f"series-{series_id}@satellitkontor"
    found = events(feed(office.services, FeedKind.OFFICE))
    assert not {b.uid for b in scene.series.booked} & set(found)  # not one by one
    event = found[uid]
    assert [d.astimezone(UTC) for d in expand(event)] == _booked_starts(office, series_id)
    assert "UNTIL=" in event["RRULE"].to_ical().decode()
    assert {d.dt.date() for g in [event["EXDATE"]] for d in g.dts} == {date(2026, 12, 24)}  # julafton
    assert int(event["SEQUENCE"]) == 0

    # cancelling an occurrence: an EXDATE more and a higher SEQUENCE, still one event
    office.clock.advance(hours=2)
    office.services.booking.cancel(office.cecilia.id, scene.series.booked[2].id)  # Tue 8 Dec
    event = events(feed(office.services, FeedKind.OFFICE))[uid]
    assert [d.astimezone(UTC) for d in expand(event)] == _booked_starts(office, series_id)
    assert date(2026, 12, 8) not in {d.date() for d in expand(event)}
    assert int(event["SEQUENCE"]) == 1
    assert event.decoded("DTSTAMP") == office.clock()
    # vobject expands the same days
    vevent = vobject_events(feed(office.services, FeedKind.OFFICE))[uid]
    assert [d.astimezone(UTC) for d in vevent.getrruleset()] == _booked_starts(office, series_id)


def test_a_range_that_cuts_a_series_shows_the_days_inside_it(scene: Scene) -> None:
    office = scene.office
    series_id = scene.series.series_id
    first_in_range = date(2026, 12, 10)
    office.clock.advance(hours=1)
    office.services.booking.cancel(office.cecilia.id, scene.series.booked[0].id)  # 1 Dec, outside
    found = events(feed(office.services, FeedKind.OFFICE, first=first_in_range, last=date(2026, 12, 22)))
    event = found[f"series-{series_id}@satellitkontor"]
    days = [d.date() for d in expand(event)]
    assert days == [date(2026, 12, d) for d in (10, 15, 17, 22)]
    assert event.decoded("DTSTART").date() == first_in_range
    assert int(event["SEQUENCE"]) == 1  # a change outside the range still raises it


def test_a_full_day_series_uses_date_values(sqlite_office: Office) -> None:
    rule = Recurrence.daily(date(2026, 11, 30), count=5)
    result = sqlite_office.services.booking.book_series(
        sqlite_office.anna.id, sqlite_office.desk(6).id, rule, period=DeskPeriod.FULL_DAY
    )
    event = events(feed(sqlite_office.services, FeedKind.OFFICE))[f"series-{result.series_id}@satellitkontor"]
    assert event.decoded("DTSTART") == date(2026, 11, 30)
    assert "UNTIL=20261204" in event["RRULE"].to_ical().decode()
    assert (
        expand(event)
        == [b.day for b in result.booked]
        == [date(2026, 11, 30) + timedelta(days=i) for i in range(5)]
    )


def test_a_series_whose_occurrences_differ_is_written_booking_by_booking(scene: Scene) -> None:
    office = scene.office
    moved = scene.series.booked[1]  # as if one occurrence had been moved an hour
    with office.services.db.session(write=True) as s:
        s.execute(
            text("UPDATE bookings SET start_at = :start WHERE id = :id"),
            {"start": (moved.start + timedelta(hours=1)).replace(tzinfo=None), "id": moved.id},
        )
    found = events(feed(office.services, FeedKind.OFFICE))
    assert f"series-{scene.series.series_id}@satellitkontor" not in found
    assert {b.uid for b in scene.series.booked} <= set(found)
    assert all("RRULE" not in found[b.uid] for b in scene.series.booked)


# --- privacy --------------------------------------------------------------------------------------
def _secrets(scene: Scene) -> list[str]:
    people = scene.office.services.office.people()
    words = [p.name for p in people] + [p.email for p in people]
    words += [TRICKY_NAME, "Åsa Öberg", "Möte om älvstråket", "Budget", "Inställt", MEETING_NOTE]
    return words


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_a_public_feed_names_nobody_and_shows_no_title_or_email(scene: Scene, kind: FeedKind) -> None:
    data = feed(scene.office.services, kind, scene.target(kind), privacy=Privacy.PUBLIC)
    unfolded = unfold(data)
    for secret in _secrets(scene):
        assert secret not in unfolded, secret
        assert secret.encode() not in data, secret
        assert secret.casefold() not in unfolded.casefold(), secret
    assert "@umea.se" not in unfolded and "@vannas.se" not in unfolded


def test_a_public_person_feed_has_no_name_in_its_title(scene: Scene) -> None:
    data = unfold(feed(scene.office.services, FeedKind.PERSON, scene.asa.id))
    assert "X-WR-CALNAME:Satellitkontoret – en persons bokningar" in data
    assert "SUMMARY:Plats 5 – Bokad (Vännäs)" in data


def test_an_internal_feed_names_people_and_titles_and_they_survive_the_round_trip(scene: Scene) -> None:
    data = feed(scene.office.services, FeedKind.PERSON, scene.asa.id, privacy=Privacy.INTERNAL)
    found, vfound = events(data), vobject_events(data)
    desk = f"Plats 5 – {TRICKY_NAME} (Vännäs)"
    room = f"Konferensrummet – {ROOM_TITLE} – {TRICKY_NAME} (Vännäs)"
    assert str(found[scene.asa_desk.uid]["SUMMARY"]) == vfound[scene.asa_desk.uid].summary.value == desk
    assert str(found[scene.asa_room.uid]["SUMMARY"]) == vfound[scene.asa_room.uid].summary.value == room
    assert str(found[scene.asa_room.uid]["DESCRIPTION"]) == "Deltagare: 3"
    assert "\\;" in unfold(data) and "\\," in unfold(data)
    assert str(found[scene.asa_room.uid]["TRANSP"]) == "OPAQUE"  # their own meeting is busy time
    assert str(found[scene.asa_desk.uid]["TRANSP"]) == "TRANSPARENT"
    assert f"X-WR-CALNAME:Satellitkontoret – {TRICKY_NAME}" in unfold(data).replace("\\,", ",").replace(
        "\\;", ";"
    )
    assert b"@" not in data.replace(b"@satellitkontor", b"")  # no e-mail address even here


def test_rotation_feed_has_host_years_the_handover_and_meetings(scene: Scene) -> None:
    services = scene.office.services
    span = {"first": date(2026, 11, 1), "last": date(2027, 12, 31)}
    found = events(feed(services, FeedKind.ROTATION, **span))
    year = found["host-year-2027@satellitkontor"]
    assert str(year["SUMMARY"]) == "Värdkommun 2027: Nordmaling"
    assert year.decoded("DTSTART") == date(2027, 1, 1) and year.decoded("DTEND") == date(2028, 1, 1)
    assert "Robertsfors" in str(year["DESCRIPTION"])
    handover = found["handover-2026@satellitkontor"]
    assert str(handover["SUMMARY"]) == "Överlämning värdkommun: Bjurholm → Nordmaling"
    assert handover.decoded("DTSTART") == date(2026, 12, 1)
    meeting = found[scene.meeting.uid]
    assert str(meeting["SUMMARY"]) == "Umeåregionrådet" and "DESCRIPTION" not in meeting
    assert meeting.decoded("DTSTART") == datetime(2026, 12, 10, 10, tzinfo=clk.OFFICE_TZ)
    internal = events(feed(services, FeedKind.ROTATION, privacy=Privacy.INTERNAL, **span))
    assert str(internal[scene.meeting.uid]["DESCRIPTION"]) == MEETING_NOTE

    # a handover meeting entered by an admin replaces the December placeholder
    services.rotation.add_meeting(
        scene.office.admin.id,
        "handover",
        "Överlämning",
        at(date(2026, 12, 15), 13),
        at(date(2026, 12, 15), 15),
    )
    assert "handover-2026@satellitkontor" not in events(feed(services, FeedKind.ROTATION, **span))
    # a confirmed year: new text, a higher SEQUENCE, its confirmation as DTSTAMP
    scene.office.clock.advance(days=1)
    services.rotation.confirm_year(scene.office.admin.id, 2028)
    y2028 = events(feed(services, FeedKind.ROTATION, first=date(2028, 1, 1), last=date(2028, 2, 1)))
    y2028_event = y2028["host-year-2028@satellitkontor"]
    assert str(y2028_event["SUMMARY"]) == "Värdkommun 2028: Robertsfors"
    assert int(y2028_event["SEQUENCE"]) > 0 and y2028_event.decoded("DTSTAMP") == scene.office.clock()


# --- the version ----------------------------------------------------------------------------------
def _state(services: FeedService, spec: FeedSpec, privacy: Privacy) -> tuple[str, bytes]:
    data = b"".join(services.stream(spec, privacy=privacy))
    return services.version(spec, privacy=privacy).etag, data


def test_the_version_changes_exactly_when_the_bytes_change(office: Office) -> None:
    scene = Scene(office)
    feeds, booking, clock = office.services.feeds, office.services.booking, office.clock
    specs = [
        (FeedSpec(FeedKind.OFFICE), Privacy.PUBLIC),
        (FeedSpec(FeedKind.OFFICE), Privacy.INTERNAL),
        (FeedSpec(FeedKind.RESOURCE, str(office.desk(3).id)), Privacy.PUBLIC),
        (FeedSpec(FeedKind.PERSON, str(office.anna.id)), Privacy.INTERNAL),
        (FeedSpec(FeedKind.ROTATION), Privacy.PUBLIC),
    ]
    seen: dict[tuple[FeedSpec, Privacy], tuple[str, bytes]] = {k: _state(feeds, *k) for k in specs}

    def step(changes: set[tuple[FeedSpec, Privacy]]) -> None:
        for key in specs:
            now = _state(feeds, *key)
            before = seen[key]
            assert (now[0] != before[0]) == (now[1] != before[1]), f"version and bytes disagree for {key}"
            assert (now[1] != before[1]) == (key in changes), f"unexpected change of {key}"
            seen[key] = now

    step(set())  # nothing changed: the same version
    clock.advance(minutes=10)
    made = booking.book_desk(office.anna.id, office.desk(3).id, THURSDAY, DeskPeriod.MORNING)
    step({specs[0], specs[1], specs[2], specs[3]})
    clock.advance(minutes=10)
    booking.cancel(office.anna.id, made.id)
    step({specs[0], specs[1], specs[2], specs[3]})
    clock.advance(minutes=10)
    office.services.office.update_resource(office.admin.id, office.desk(3).id, name="Plats 3 vid fönstret")
    step({specs[0], specs[1], specs[2], specs[3]})
    clock.advance(minutes=10)
    with office.services.db.session(write=True) as s:  # a person's new name (no service for it yet)
        s.execute(
            text("UPDATE people SET name = 'Anna Ek-Andersson', updated_at = :now WHERE id = :id"),
            {"now": clock().replace(tzinfo=None), "id": office.anna.id},
        )
    step({specs[1], specs[3]})  # the public feeds do not name her
    clock.advance(minutes=10)
    occurrence = scene.series.booked[-1]  # the series' last day, 29 December
    booking.cancel(office.cecilia.id, occurrence.id)
    step({specs[0], specs[1]})
    clock.advance(minutes=10)
    office.services.rotation.add_meeting(
        office.admin.id, "other", "Arbetsgrupp", at(date(2026, 12, 3), 9), at(date(2026, 12, 3), 10)
    )
    step({specs[4]})
    clock.advance(days=1)  # a new day moves the range
    for key in specs:
        now = _state(feeds, *key)
        assert now[0] != seen[key][0]


def test_last_modified_is_the_newest_change_and_at_least_today(scene: Scene) -> None:
    services, clock = scene.office.services, scene.office.clock
    spec = FeedSpec(FeedKind.OFFICE)
    version = services.feeds.version(spec, privacy=Privacy.PUBLIC)
    assert version.last_modified == clock().replace(microsecond=0)
    assert version.http_etag == f'"{version.etag}"'
    clock.advance(days=3)
    later = services.feeds.version(spec, privacy=Privacy.PUBLIC)
    assert later.last_modified == clk.local(clk.local_date(clock()), time(0))


# --- the service around the feed ------------------------------------------------------------------
def test_stream_is_in_chunks_and_write_counts_events(sqlite_office: Office) -> None:
    from satellitkontor.services.feeds.service import CHUNK

    office = sqlite_office
    calendar = office.services.occupancy.calendar()
    people = (office.anna, office.bertil, office.cecilia, office.reception)
    for day in calendar.open_days(TUESDAY, TUESDAY + timedelta(days=80)):
        for n, person in enumerate(people, start=1):
            for period in (DeskPeriod.MORNING, DeskPeriod.AFTERNOON):
                office.services.booking.book_desk(person.id, office.desk(n).id, day, period)
    spec = FeedSpec(FeedKind.OFFICE)
    chunks = list(office.services.feeds.stream(spec, privacy=Privacy.INTERNAL))
    assert len(chunks) >= 3  # handed on as it is written, not as one piece
    assert all(len(c) < CHUNK * 3 for c in chunks)  # a chunk: about 64 Ki characters of UTF-8
    out = io.BytesIO()
    count = office.services.feeds.write(spec, out, privacy=Privacy.INTERNAL)
    assert out.getvalue() == b"".join(chunks)
    assert count == len(events(out.getvalue())) > 400


def test_write_to_a_path_replaces_the_file_whole(
    scene: Scene, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from satellitkontor.integrations.ical.feed_writer import FeedWriter

    services = scene.office.services
    folder = tmp_path / "flöden"
    folder.mkdir()
    path = folder / "kontoret.ics"
    count = services.feeds.write(FeedSpec(FeedKind.OFFICE), path, privacy=Privacy.PUBLIC)
    first = path.read_bytes()
    assert count == len(events(first)) and (path.stat().st_mode & 0o777) == 0o644

    def broken(self: FeedWriter) -> str:
        raise OSError("disk full")

    monkeypatch.setattr(FeedWriter, "end", broken)
    with pytest.raises(OSError):
        services.feeds.write(FeedSpec(FeedKind.OFFICE), path, privacy=Privacy.INTERNAL)
    assert path.read_bytes() == first  # the old feed is still whole
    assert [p.name for p in folder.iterdir()] == ["kontoret.ics"]  # no temporary file left


def test_an_unknown_target_fails_before_any_byte(sqlite_office: Office) -> None:
    feeds = sqlite_office.services.feeds
    with pytest.raises(ResourceNotFound):
        feeds.stream(FeedSpec(FeedKind.RESOURCE, "999"), privacy=Privacy.PUBLIC)
    with pytest.raises(UnknownMunicipality):
        feeds.version(FeedSpec(FeedKind.MUNICIPALITY, "stockholm"), privacy=Privacy.PUBLIC)
    with pytest.raises(ResourceNotFound) as info:
        feeds.resolve(FeedKind.RESOURCE, "Plats 99")
    assert "Plats 99" in sv(info.value)
    with pytest.raises(UnknownMunicipality) as bad:
        feeds.resolve(FeedKind.MUNICIPALITY, "Luleå")
    assert "Luleå" in sv(bad.value)
    with pytest.raises(FeedTargetRequired):
        feeds.resolve(FeedKind.PERSON, " ")
    with pytest.raises(FeedTargetNotAllowed):
        feeds.resolve(FeedKind.OFFICE, "Plats 1")


def test_resolve_reads_names_codes_and_emails(sqlite_office: Office) -> None:
    feeds = sqlite_office.services.feeds
    assert feeds.resolve(FeedKind.RESOURCE, "plats  3") == FeedSpec(
        FeedKind.RESOURCE, str(sqlite_office.desk(3).id)
    )
    assert feeds.resolve(FeedKind.MUNICIPALITY, "Örnsköldsvik") == FeedSpec(
        FeedKind.MUNICIPALITY, "ornskoldsvik"
    )
    assert feeds.resolve(FeedKind.PERSON, "Anna.Andersson@umea.se") == FeedSpec(
        FeedKind.PERSON, str(sqlite_office.anna.id)
    )
    assert feeds.resolve(FeedKind.ROTATION, None) == FeedSpec(FeedKind.ROTATION)


def test_who_may_export_an_internal_feed(sqlite_office: Office) -> None:
    feeds, o = sqlite_office.services.feeds, sqlite_office
    office, own = FeedSpec(FeedKind.OFFICE), FeedSpec(FeedKind.PERSON, str(o.anna.id))
    feeds.check_access(None, office, Privacy.PUBLIC)
    feeds.check_access(None, office, "public")  # type: ignore[arg-type]  # as a stored token has it
    feeds.check_access(o.reception.id, office, Privacy.INTERNAL)
    feeds.check_access(o.admin.id, office, Privacy.INTERNAL)
    feeds.check_access(o.anna.id, own, Privacy.INTERNAL)
    with pytest.raises(ActorRequired):
        feeds.check_access(None, office, Privacy.INTERNAL)
    with pytest.raises(PermissionDenied) as info:
        feeds.check_access(o.anna.id, office, Privacy.INTERNAL)
    assert "internt kalenderflöde" in sv(info.value)
    with pytest.raises(PermissionDenied):
        feeds.check_access(o.bertil.id, own, Privacy.INTERNAL)


def test_choices_list_every_feed_with_labels_and_file_names(sqlite_office: Office) -> None:
    feeds = sqlite_office.services.feeds
    choices = feeds.choices()
    names = [c.file_name for c in choices]
    assert names[0] == "kontoret.ics" and names[-1] == "vardkommun.ics"
    assert "plats-3.ics" in names and "konferensrummet.ics" in names and "kommun-vannas.ics" in names
    assert len(names) == len(set(names)) == 1 + 9 + 7 + 1
    labels = {c.file_name: c.label for c in choices}
    assert (
        labels["plats-3.ics"] == "Plats 3 (kontorsplats)" and labels["kommun-vannas.ics"] == "Vännäs (kommun)"
    )
    assert (
        feeds.title(FeedSpec(FeedKind.RESOURCE, str(sqlite_office.desk(3).id)))
        == "Satellitkontoret – Plats 3"
    )
    english = {c.file_name: c.label for c in feeds.choices("en", include_people=True)}
    assert english["kontoret.ics"] == "The whole office"
    assert english[f"person-{sqlite_office.anna.id}.ics"] == "Anna Andersson (person)"
