"""The fake servers answer only what was asked for, as Exchange does (EWS ItemShape) and Graph
does ($select), and the EWS backend reads an occurrence fetched by its id as an occurrence of its
series."""

from __future__ import annotations

from datetime import timedelta

from exchangelib import CalendarItem

from tests.integrations.exchange.conftest import BERTIL, ROOM, Harness
from tests.integrations.exchange.test_backend_contract import booking


def test_getitem_returns_only_the_properties_asked_for(ews: Harness) -> None:
    event = ews.store.create(ROOM, "Styrgrupp", booking(1).start, booking(1).end, organizer=BERTIL)
    account = ews.backend.conn.account(ROOM)
    [item] = list(account.fetch(ids=[(event.id, None)], only_fields=("subject",)))
    assert isinstance(item, CalendarItem)
    assert item.subject == "Styrgrupp"
    assert (item.start, item.organizer, item.uid, item.location) == (None, None, None, None)


def test_a_calendar_view_gives_the_organisers_name_only() -> None:
    """FindItem's documented limits, on the fake's own answer: no body, no recipient lists, and
    the organiser's Name without its EmailAddress."""
    from lxml import etree

    from tests.integrations.exchange.fake_ews_shape import Shape
    from tests.integrations.exchange.fake_ews_xml import calendar_item, el, find, sub
    from tests.integrations.exchange.fake_store import FakeExchange

    store = FakeExchange()
    store.add_mailbox(ROOM, "Konferensrummet", kind="room")
    event = store.create(ROOM, "Styrgrupp", booking(1).start, booking(1).end, organizer=BERTIL)
    request = el("m:FindItem")
    shape = sub(request, "m:ItemShape")
    sub(shape, "t:BaseShape", "IdOnly")
    extra = sub(shape, "t:AdditionalProperties")
    for uri in ("calendar:Organizer", "item:Body", "calendar:Resources", "calendar:Start"):
        sub(extra, "t:FieldURI", FieldURI=uri)
    item = Shape.of(request, find_item=True).prune(calendar_item(event, {}))
    names = [etree.QName(c).localname for c in item]
    assert names == ["ItemId", "Start", "Organizer"]
    assert find(item, "t:Organizer/t:Mailbox/t:EmailAddress") is None
    assert find(item, "t:Organizer/t:Mailbox/t:Name") is not None


def test_status_of_an_occurrence_names_its_series(ews: Harness) -> None:
    start, end = booking(1).start, booking(1).end
    master = ews.store.create_series(ROOM, "Veckomöte", start, end, count=3, organizer=BERTIL)
    second = master.occurrences()[1]
    ews.store.modify_occurrence(
        ROOM,
        master.id,
        second.original_start,
        start + timedelta(weeks=1, hours=2),
        end + timedelta(weeks=1, hours=2),
    )
    third = master.occurrences()[2]
    moved, plain = ews.backend.status(ROOM, [second.id, third.id])
    assert moved.series_id == plain.series_id == master.id
    assert (moved.start, plain.start) == (start + timedelta(weeks=1, hours=2), start + timedelta(weeks=2))
    assert moved.ical_uid == master.uid and moved.organizer == BERTIL
    [single] = ews.backend.status(ROOM, [ews.store.create(ROOM, "Enstaka", start, end, organizer=BERTIL).id])
    assert single.series_id is None


def test_graph_answers_a_select_with_those_properties_id_and_etag(graph: Harness) -> None:
    import httpx

    from tests.integrations.exchange.fake_graph import GRAPH

    event = graph.store.create(ROOM, "Styrgrupp", booking(1).start, booking(1).end, organizer=BERTIL)
    graph.backend.test_connection()  # signs in
    [token] = graph.fake.tokens
    with httpx.Client(transport=graph.fake.transport()) as client:
        url = f"{GRAPH}/users/{ROOM}/events/{event.id}"
        auth = {"Authorization": f"Bearer {token}"}
        picked = client.get(url, params={"$select": "subject"}, headers=auth).json()
        whole = client.get(url, headers=auth).json()
    assert set(picked) == {"id", "@odata.etag", "subject"} and picked["subject"] == "Styrgrupp"
    assert {"start", "organizer", "attendees"} <= set(whole)
