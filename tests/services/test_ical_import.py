"""Importing .ics files as bookings: the plan (a dry run that writes nothing), apply (all or
nothing), duplicates, the rules an import keeps, and what a user sees in the day view after."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from satellitkontor.domain import clock as clk
from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.domain.errors import (
    AlreadyImported,
    DuplicateInFile,
    EventCancelledInFile,
    EventSpansDays,
    ImportConflict,
    InvalidInput,
    OfficeClosed,
    OverlapInFile,
    PermissionDenied,
    PersonNotFound,
    ResourceInactive,
    ResourceNotFound,
    ResourceTaken,
    UnknownImportPerson,
    UnknownImportResource,
)
from satellitkontor.domain.office_calendar import DEFAULT_WEEK, OpeningHours
from satellitkontor.integrations.ical.ics_model import ParsedCalendar
from satellitkontor.services.imports.results import ImportPlan, ImportRequest
from satellitkontor.words.texts import describe
from tests.conftest import Office
from tests.services.helpers import TUESDAY, WEDNESDAY, at

ICS = Path(__file__).parent.parent / "integrations" / "ics"
THURSDAY = date(2026, 11, 26)


def read(office: Office, source: str | bytes) -> ParsedCalendar:
    imports = office.services.ical_import
    return imports.read(ICS / source if isinstance(source, str) else source)


def plan_of(
    office: Office, source: str | bytes, rules: tuple[str, ...] = (), default: str | None = None
) -> ImportPlan:
    imports = office.services.ical_import
    parsed = read(office, source)
    mapping = imports.suggest_mapping(parsed, rules, default_person=default)
    return imports.plan(office.admin.id, parsed, mapping)


def booking_rows(office: Office) -> list[tuple[Any, ...]]:
    with office.services.db.session() as s:
        return [tuple(r) for r in s.execute(text("SELECT * FROM bookings ORDER BY id"))]


def local_span(start: datetime | date, end: datetime | date) -> str:
    assert isinstance(start, datetime) and isinstance(end, datetime)
    return f"{clk.to_local(start):%Y-%m-%d %H:%M}–{clk.to_local(end):%H:%M}"


def calendar_file(*events: str) -> bytes:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//SV\r\n" + "".join(events) + "END:VCALENDAR\r\n"
    ).encode()


def vevent(
    uid: str, start: str, end: str, summary: str, location: str, organizer: str, extra: str = ""
) -> str:
    return (
        f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTART;TZID=Europe/Stockholm:{start}\r\n"
        f"DTEND;TZID=Europe/Stockholm:{end}\r\nSUMMARY:{summary}\r\nLOCATION:{location}\r\n"
        f"ORGANIZER:mailto:{organizer}\r\n{extra}END:VEVENT\r\n"
    )


# --- the plan ---------------------------------------------------------------------------------
def test_the_plan_of_an_outlook_export_lists_everything_and_writes_nothing(sqlite_office: Office) -> None:
    office = sqlite_office
    office.services.booking.book_desk(office.bertil.id, office.desk(1).id, TUESDAY, DeskPeriod.FULL_DAY)
    before = booking_rows(office)

    plan = plan_of(office, "outlook_export.ics")

    assert booking_rows(office) == before
    created = {i.summary: i for i in plan.to_create}
    assert set(created) == {
        "Styrgrupp digitalisering, Umeåregionen",
        "Arbetsgrupp översiktsplan",
        "Jobbar på satellitkontoret",
        "Skrivtid på satellitkontoret",
    }
    meeting = created["Styrgrupp digitalisering, Umeåregionen"]
    assert (meeting.resource_name, meeting.person_name) == ("Konferensrummet", "Anna Andersson")
    assert local_span(meeting.start, meeting.end) == "2026-11-24 10:00–11:30"
    assert meeting.participants == 4  # Anna, Bertil, Cecilia and Kalle; the room is not a participant
    assert meeting.request is not None and meeting.request.title == meeting.summary
    history = created["Arbetsgrupp översiktsplan"]  # in the past: allowed for an import
    assert (history.day, history.person_name) == (date(2026, 10, 15), "Bertil Öberg")
    all_day = created["Jobbar på satellitkontoret"]
    assert (all_day.resource_name, all_day.person_name, all_day.desk_period) == (
        "Plats 3",
        "Cecilia Ek",
        DeskPeriod.FULL_DAY,
    )
    morning = created["Skrivtid på satellitkontoret"]  # 08:30–12:00 in Outlook
    assert morning.desk_period is DeskPeriod.MORNING
    assert local_span(morning.start, morning.end) == "2026-11-26 08:00–12:00"

    rejected = {i.summary: i.reason for i in plan.rejected}
    assert isinstance(rejected["Planeringsdag (lördag)"], OfficeClosed)
    assert describe(rejected["Planeringsdag (lördag)"]) == "Kontoret är stängt lör 28 nov 2026: Lördag."
    assert isinstance(rejected["Tandläkare"], UnknownImportResource)
    assert "«Folktandvården Ålidhem»" in describe(rejected["Tandläkare"])
    assert plan.duplicates == ()
    assert [str(r) for r in plan.rules] == [
        "Konferensrummet=Konferensrummet",
        "Plats 3=Plats 3",
        "Plats 5=Plats 5",
    ]


def test_only_admins_may_import(sqlite_office: Office) -> None:
    office = sqlite_office
    imports = office.services.ical_import
    parsed = read(office, "outlook_export.ics")
    mapping = imports.suggest_mapping(parsed)
    for who in (office.reception, office.anna):
        with pytest.raises(PermissionDenied) as denied:
            imports.plan(who.id, parsed, mapping)
        assert "importera bokningar från en kalenderfil" in describe(denied.value)
    request = plan_of(office, "outlook_export.ics").to_create[0].request
    assert request is not None
    with pytest.raises(PermissionDenied):
        office.services.booking.import_bookings(office.reception.id, [request])
    assert booking_rows(office) == []


# --- apply ------------------------------------------------------------------------------------
def test_apply_creates_exactly_the_planned_bookings(office: Office) -> None:
    plan = plan_of(office, "outlook_export.ics")

    result = office.services.ical_import.apply(office.admin.id, plan)

    assert len(result.created) == len(plan.to_create) == 4
    assert (result.duplicates, result.rejected) == (0, 2)
    occupancy = office.services.occupancy
    room = next(
        r
        for r in occupancy.day(TUESDAY, viewer_id=office.admin.id).resources
        if r.resource.id == office.room.id
    )
    (meeting,) = room.bookings
    assert (meeting.person_name, meeting.title, meeting.participants) == (
        "Anna Andersson",
        "Styrgrupp digitalisering, Umeåregionen",
        4,
    )
    assert local_span(meeting.start, meeting.end) == "2026-11-24 10:00–11:30"
    plats3 = next(
        r
        for r in occupancy.day(WEDNESDAY, viewer_id=office.admin.id).resources
        if r.resource.name == "Plats 3"
    )
    assert plats3.state == "full" and plats3.bookings[0].person_name == "Cecilia Ek"
    plats5 = next(
        r
        for r in occupancy.day(THURSDAY, viewer_id=office.admin.id).resources
        if r.resource.name == "Plats 5"
    )
    assert plats5.state == "morning"
    history = next(
        r
        for r in occupancy.day(date(2026, 10, 15), viewer_id=office.admin.id).resources
        if r.resource.id == office.room.id
    )
    assert [b.person_name for b in history.bookings] == ["Bertil Öberg"]
    # nothing on the rejected days
    saturday = occupancy.day(date(2026, 11, 28))
    assert all(not r.bookings for r in saturday.resources)
    # the import key is stored with each booking
    with office.services.db.session() as s:
        keys = set(s.scalars(text("SELECT import_key FROM bookings")))
    assert keys == {i.import_key for i in plan.to_create}


def test_importing_the_same_file_twice_creates_nothing_the_second_time(sqlite_office: Office) -> None:
    office = sqlite_office
    first = plan_of(office, "outlook_export.ics")
    office.services.ical_import.apply(office.admin.id, first)
    rows = booking_rows(office)

    again = plan_of(office, "outlook_export.ics")

    assert again.to_create == ()
    assert {i.summary for i in again.duplicates} == {i.summary for i in first.to_create}
    assert all(isinstance(i.reason, AlreadyImported) for i in again.duplicates)
    assert describe(again.duplicates[0].reason).startswith("Redan importerad tidigare (bokning ")  # type: ignore[arg-type]
    assert len(again.rejected) == 2
    result = office.services.ical_import.apply(office.admin.id, again)
    assert result.created == () and booking_rows(office) == rows


def test_an_event_overlapping_an_existing_booking_is_rejected_with_its_reason(sqlite_office: Office) -> None:
    office = sqlite_office
    office.services.booking.book_room(
        office.bertil.id, office.room.id, at(TUESDAY, 11), at(TUESDAY, 12), 3, "Vindelns möte"
    )

    plan = plan_of(office, "outlook_export.ics")

    (item,) = [i for i in plan.rejected if i.summary.startswith("Styrgrupp")]
    assert isinstance(item.reason, ResourceTaken)
    assert describe(item.reason) == (
        "Konferensrummet är redan bokat tis 24 nov 2026 11:00–12:00 (av någon från Vindeln). "
        "Välj en annan tid eller plats."
    )
    assert len(plan.to_create) == 3


def test_events_of_one_file_that_overlap_each_other(sqlite_office: Office) -> None:
    office = sqlite_office
    data = calendar_file(
        vevent(
            "a", "20261124T100000", "20261124T110000", "Först", "Konferensrummet", "anna.andersson@umea.se"
        ),
        vevent(
            "b", "20261124T103000", "20261124T113000", "Sedan", "Konferensrummet", "bertil.oberg@vindeln.se"
        ),
        vevent(
            "c", "20261124T080000", "20261124T170000", "Skrivtid", "Plats 1", "cecilia.ek@ornskoldsvik.se"
        ),
        vevent(
            "d",
            "20261124T130000",
            "20261124T170000",
            "Skrivtid igen",
            "Plats 2",
            "cecilia.ek@ornskoldsvik.se",
        ),
    )

    plan = plan_of(office, data)

    assert [i.summary for i in plan.to_create] == ["Först", "Skrivtid"]
    reasons = {i.summary: i.reason for i in plan.rejected}
    assert isinstance(reasons["Sedan"], OverlapInFile)
    assert describe(reasons["Sedan"]) == (
        "Krockar med «Först» i samma fil (Konferensrummet, tis 24 nov 2026 10:00–11:00)."
    )
    # one person, two desks at once
    assert isinstance(reasons["Skrivtid igen"], OverlapInFile)
    assert "«Skrivtid» i samma fil (Plats 1" in describe(reasons["Skrivtid igen"])


def test_closed_days_are_rejected_but_the_past_is_not(sqlite_office: Office) -> None:
    office = sqlite_office
    office.services.office.add_closure(office.admin.id, THURSDAY, THURSDAY, "Personaldag")
    data = calendar_file(
        vevent(
            "jul",
            "20261224T100000",
            "20261224T110000",
            "Julmöte",
            "Konferensrummet",
            "anna.andersson@umea.se",
        ),
        vevent(
            "gammal",
            "20240312T100000",
            "20240312T110000",
            "Förr",
            "Konferensrummet",
            "anna.andersson@umea.se",
        ),
    )

    outlook = plan_of(office, "outlook_export.ics")
    other = plan_of(office, data)

    closure = next(i.reason for i in outlook.rejected if i.summary == "Skrivtid på satellitkontoret")
    assert isinstance(closure, OfficeClosed) and describe(closure).endswith(": Personaldag.")
    (christmas,) = other.rejected
    assert describe(christmas.reason) == "Kontoret är stängt tors 24 dec 2026: Julafton."  # type: ignore[arg-type]
    assert [i.day for i in other.to_create] == [date(2024, 3, 12)]


def test_a_conflict_between_plan_and_apply_rolls_back_everything(office: Office) -> None:
    plan = plan_of(office, "outlook_export.ics")
    assert len(plan.to_create) == 4
    # meanwhile, at the reception desk: Bertil takes Plats 5 on Thursday morning
    office.services.booking.book_desk(
        office.reception.id, office.desk(5).id, THURSDAY, DeskPeriod.MORNING, for_person_id=office.bertil.id
    )
    rows = booking_rows(office)

    with pytest.raises(ImportConflict) as stopped:
        office.services.ical_import.apply(office.admin.id, plan)

    assert booking_rows(office) == rows  # none of the four, not even those before the conflict
    assert describe(stopped.value) == (
        "Importen avbröts och ingenting sparades: «Skrivtid på satellitkontoret» tors 26 nov 2026 "
        "08:00–12:00 gick inte att boka. Plats 5 är redan bokad tors 26 nov 2026 08:00–12:00 "
        "(av någon från Vindeln). Välj en annan tid eller plats."
    )
    # with the slot taken, a new plan rejects that event and the rest goes in
    result = office.services.ical_import.apply(office.admin.id, plan_of(office, "outlook_export.ics"))
    assert len(result.created) == 3


def test_a_closure_added_between_plan_and_apply_stops_the_import(sqlite_office: Office) -> None:
    office = sqlite_office
    plan = plan_of(office, "outlook_export.ics")
    office.services.office.add_closure(office.admin.id, WEDNESDAY, WEDNESDAY, "Vattenläcka")

    with pytest.raises(ImportConflict) as stopped:
        office.services.ical_import.apply(office.admin.id, plan)

    assert "Vattenläcka" in describe(stopped.value) and booking_rows(office) == []


def test_a_key_taken_meanwhile_stops_the_import(sqlite_office: Office) -> None:
    office = sqlite_office
    plan = plan_of(office, "outlook_export.ics")
    office.services.ical_import.apply(office.admin.id, plan)
    rows = booking_rows(office)
    with pytest.raises(ImportConflict) as stopped:
        office.services.ical_import.apply(office.admin.id, plan)  # the same plan, applied twice
    assert isinstance(stopped.value.params["cause"], AlreadyImported | ResourceTaken)
    assert booking_rows(office) == rows


# --- names, encodings, time zones ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("windows1252.ics", "Möte om älvstråket – Åsa, Örjan och Ärla"),
        ("utf16_bom.ics", "Samråd i Vännäs och Örnsköldsvik – ”ärenden” €"),
    ],
)
def test_names_with_a_a_and_o_survive(sqlite_office: Office, name: str, title: str) -> None:
    office = sqlite_office
    plan = plan_of(office, name)
    office.services.ical_import.apply(office.admin.id, plan)

    room = next(
        r
        for r in office.services.occupancy.day(TUESDAY, viewer_id=office.admin.id).resources
        if r.resource.id == office.room.id
    )
    (booking,) = room.bookings
    assert (booking.title, booking.person_name) == (title, "Bertil Öberg")
    assert booking.participants == 2  # Bertil and Åsa
    assert [n.params["reason"] for n in plan.notices] == (["cp1252"] if "1252" in name else [])


def test_daylight_saving_days_map_to_the_right_local_times(sqlite_office: Office) -> None:
    office = sqlite_office
    closed = plan_of(office, "dst_days.ics")  # both are Sundays: closed by default
    assert closed.to_create == () and all(isinstance(i.reason, OfficeClosed) for i in closed.rejected)
    sundays = (*DEFAULT_WEEK[:6], OpeningHours(time(8), time(17)))
    office.services.office.update_policy(office.admin.id, week=sundays)

    office.services.ical_import.apply(office.admin.id, plan_of(office, "dst_days.ics"))

    spring = office.services.occupancy.day(date(2026, 3, 29))
    (meeting,) = next(r for r in spring.resources if r.resource.id == office.room.id).bookings
    assert local_span(meeting.start, meeting.end) == "2026-03-29 10:00–11:30"
    assert meeting.start == datetime(2026, 3, 29, 8, 0, tzinfo=UTC)  # summer time: UTC+2
    autumn = office.services.occupancy.day(date(2026, 10, 25))
    (utc_meeting,) = next(r for r in autumn.resources if r.resource.id == office.room.id).bookings
    assert local_span(utc_meeting.start, utc_meeting.end) == "2026-10-25 10:00–11:30"
    assert utc_meeting.start == datetime(2026, 10, 25, 9, 0, tzinfo=UTC)  # winter time: UTC+1
    desk = next(r for r in autumn.resources if r.resource.name == "Plats 2")
    assert desk.state == "morning"
    assert desk.bookings[0].start == datetime(2026, 10, 25, 7, 0, tzinfo=UTC)


def test_a_recurring_series_with_an_exception_becomes_its_occurrences(sqlite_office: Office) -> None:
    office = sqlite_office
    plan = plan_of(office, "recurring_series.ics")
    office.services.ical_import.apply(office.admin.id, plan)

    def room_on(day: date) -> list[str]:
        resources = office.services.occupancy.day(day).resources
        return [
            local_span(b.start, b.end)
            for r in resources
            if r.resource.id == office.room.id
            for b in r.bookings
        ]

    assert len(plan.to_create) == 8 and plan.rejected == ()
    assert room_on(date(2026, 10, 13)) == ["2026-10-13 09:00–10:00"]
    assert room_on(date(2026, 10, 20)) == []  # EXDATE
    assert room_on(date(2026, 10, 27)) == ["2026-10-27 09:00–10:00"]  # after the change to winter time
    assert room_on(TUESDAY) == []  # moved ...
    assert room_on(WEDNESDAY) == ["2026-11-25 14:00–15:00"]  # ... to Wednesday afternoon
    # the organizer is not in the office: the first attendee who is; Bertil declined
    assert {i.person_name for i in plan.to_create} == {"Anna Andersson"}
    assert {i.participants for i in plan.to_create} == {3}


# --- Microsoft Bookings and rules ---------------------------------------------------------------
def test_a_bookings_export_goes_to_free_desks_and_the_room(sqlite_office: Office) -> None:
    office = sqlite_office
    plan = plan_of(
        office, "bookings_export.ics", rules=("Konferensrum@umea.onmicrosoft.com=Konferensrummet",)
    )

    made = [(i.day, i.resource_name, i.person_name, i.desk_period) for i in plan.to_create]
    assert made == [
        (TUESDAY, "Plats 1", "Anna Andersson", DeskPeriod.FULL_DAY),
        (TUESDAY, "Plats 2", "Bertil Öberg", DeskPeriod.FULL_DAY),
        (WEDNESDAY, "Plats 1", "Cecilia Ek", DeskPeriod.MORNING),
        (WEDNESDAY, "Konferensrummet", "Cecilia Ek", None),
        (date(2026, 12, 4), "Plats 1", "Anna Andersson", DeskPeriod.FULL_DAY),
    ]
    room = plan.to_create[3]
    assert room.participants == 1  # the room's mailbox is mapped to the room, not counted
    reasons = {type(i.reason) for i in plan.rejected}
    assert reasons == {UnknownImportPerson, EventCancelledInFile}
    unknown = next(i.reason for i in plan.rejected if isinstance(i.reason, UnknownImportPerson))
    assert "extern.konsult@example.com" in describe(unknown)
    (duplicate,) = plan.duplicates
    assert isinstance(duplicate.reason, DuplicateInFile)
    assert describe(duplicate.reason) == "Samma händelse finns redan tidigare i filen (rad 34)."
    assert [str(r) for r in plan.rules] == [
        "konferensrum@umea.onmicrosoft.com=Konferensrummet",
        "kontorsplats=kontorsplats",
    ]


def test_a_default_person_takes_the_events_of_strangers(sqlite_office: Office) -> None:
    office = sqlite_office
    plan = plan_of(office, "bookings_export.ics", default="RUT@umea.se")
    stranger = next(i for i in plan.to_create if i.summary == "Kontorsplats eftermiddag")
    # the afternoon of Plats 1 is free: Cecilia has its morning
    assert (stranger.person_name, stranger.resource_name, stranger.desk_period) == (
        "Rut Receptionist",
        "Plats 1",
        DeskPeriod.AFTERNOON,
    )
    with pytest.raises(PersonNotFound):
        plan_of(office, "bookings_export.ics", default="nobody@umea.se")


def test_user_rules_and_their_mistakes(sqlite_office: Office) -> None:
    office = sqlite_office
    plan = plan_of(office, "outlook_export.ics", rules=("skrivtid=kontorsplats", "Tandläkare=Plats 8"))
    by_summary = {i.summary: i for i in (*plan.to_create, *plan.rejected)}
    assert by_summary["Skrivtid på satellitkontoret"].resource_name == "Plats 1"  # the user's rule first
    assert by_summary["Tandläkare"].request is None  # 07:30–08:00: before the office opens
    with pytest.raises(ResourceNotFound):
        plan_of(office, "outlook_export.ics", rules=("Tandläkare=Plats 99",))
    with pytest.raises(InvalidInput) as bad:
        plan_of(office, "outlook_export.ics", rules=("Konferensrummet",))
    assert "TEXT=PLATS" in describe(bad.value)


def test_a_deactivated_desk_and_too_many_participants(sqlite_office: Office) -> None:
    office = sqlite_office
    office.services.office.update_resource(office.admin.id, office.desk(5).id, active=False)
    attendees = "".join(f"ATTENDEE;CN=Gäst {n}:mailto:gast{n}@umea.se\r\n" for n in range(20))
    data = calendar_file(
        vevent(
            "stor",
            "20261124T130000",
            "20261124T150000",
            "Stormöte",
            "Konferensrummet",
            "anna.andersson@umea.se",
            attendees,
        ),
        vevent(
            "natt",
            "20261124T150000",
            "20261125T100000",
            "Över natten",
            "Konferensrummet",
            "anna.andersson@umea.se",
        ),
    )

    outlook = plan_of(office, "outlook_export.ics")
    other = plan_of(office, data)

    inactive = next(i.reason for i in outlook.rejected if i.summary == "Skrivtid på satellitkontoret")
    assert isinstance(inactive, ResourceInactive)
    (big,) = other.to_create
    assert big.participants == 12 and big.note is not None
    assert describe(big.note) == "21 inbjudna; sparas som 12 deltagare, rummets största antal."
    overnight = {i.reason.code for i in other.rejected if i.reason is not None}
    assert overnight == {EventSpansDays.code}


def test_import_bookings_checks_the_request_itself(sqlite_office: Office) -> None:
    """The write path does not trust the plan: a request outside opening hours is refused."""
    office = sqlite_office
    request = ImportRequest(
        office.room.id,
        office.anna.id,
        at(TUESDAY, 18),
        at(TUESDAY, 19),
        None,
        "Kväll",
        2,
        "k|1",
        "Kvällsmöte",
    )
    with pytest.raises(ImportConflict) as stopped:
        office.services.booking.import_bookings(office.admin.id, [request])
    assert "öppet 08:00–17:00" in describe(stopped.value)
