"""The Graph backend beyond the contract: signing in once (msal's token cache file), throttling with
Retry-After, JSON batching, what the connection test says, and no secret in logs or the cache."""

from __future__ import annotations

import logging
import socket
import stat
import time
from pathlib import Path

import pytest

from satellitkontor.integrations.exchange.backend import PushStatus
from satellitkontor.integrations.exchange.errors import (
    ExchangeMailboxNotFound,
    ExchangeSignInRequired,
    ExchangeThrottled,
    ExchangeUnauthorized,
    ExchangeUnreachable,
)
from satellitkontor.words.texts import describe
from tests.integrations.exchange.conftest import ANNA, PASSWORD, ROOM, SERVICE, Harness, graph_settings_for
from tests.integrations.exchange.test_backend_contract import booking


def logins(h: Harness, what: str = "token") -> int:
    return sum(1 for r in h.store.requests if r.server == "login" and r.operation == what)


# --- signing in ---------------------------------------------------------------------------------
def test_the_app_signs_in_once_and_later_runs_use_the_cache_file(graph: Harness, tmp_path: Path) -> None:
    graph.backend.push([booking(1)])
    assert logins(graph) == 1
    cache = tmp_path / "graph-token-cache.json"
    assert stat.S_IMODE(cache.stat().st_mode) == 0o600
    assert PASSWORD not in cache.read_text(encoding="utf-8")
    later_run = graph.other()  # a new process would read the same file
    later_run.push([booking(2)])
    later_run.pull(ANNA, None)
    assert logins(graph) == 1


def test_a_person_signs_in_once_then_the_sync_runs_silently(graph: Harness) -> None:
    first = graph.other(client_secret="", username=SERVICE)
    with pytest.raises(ExchangeSignInRequired) as caught:
        first.test_connection()
    assert "logga in igen på Exchange-sidan" in describe(caught.value, "sv")
    flow = first.auth.start_device_sign_in()
    assert flow["user_code"] in flow["message"] and "https://microsoft.com/devicelogin" in flow["message"]
    graph.fake.sign_in(flow["user_code"], SERVICE, PASSWORD)  # in a browser
    assert first.auth.finish_device_sign_in(flow) == SERVICE
    silent = graph.other(client_secret="", username=SERVICE)  # a later run: nobody signs in
    silent.test_connection([ANNA])
    (result,) = silent.push([booking(1)])
    assert result.status is PushStatus.CREATED
    assert logins(graph) == 1


def test_a_declined_sign_in_is_refused(graph: Harness) -> None:
    person = graph.other(client_secret="", username=SERVICE)
    flow = person.auth.start_device_sign_in()
    graph.fake.sign_in(flow["user_code"], SERVICE, "fel lösenord")
    with pytest.raises(ExchangeUnauthorized) as caught:
        person.auth.finish_device_sign_in(flow)
    assert "kontrollera användarnamn och lösenord" in describe(caught.value, "sv")


def test_a_wrong_client_secret_says_so(graph: Harness) -> None:
    wrong = graph.other(client_secret="fel-hemlighet")
    with pytest.raises(ExchangeUnauthorized) as caught:
        wrong.test_connection()
    assert describe(caught.value, "sv") == (  # the app's own secret, not a user's password
        "Microsoft 365 godtar inte appens klienthemlighet (klient-id satellitkontor-app): kontrollera "
        "hemligheten i Exchange-inställningarna, den kan ha gått ut."
    )


def test_a_revoked_token_is_replaced_once(graph: Harness) -> None:
    graph.backend.push([booking(1)])
    graph.fake.tokens.clear()  # the tenant revoked every token
    (result,) = graph.backend.push([booking(2)])
    assert result.status is PushStatus.CREATED and logins(graph) == 2


def test_a_401_mid_sync_fetches_a_new_token_once(graph: Harness) -> None:
    graph.backend.push([booking(1)])
    graph.fail("unauthorized", count=1)
    (result,) = graph.backend.push([booking(2)])
    assert result.status is PushStatus.CREATED and logins(graph) == 2
    graph.fail("unauthorized", count=None)
    (refused,) = graph.backend.push([booking(3)])
    assert isinstance(refused.error, ExchangeUnauthorized)


def test_sign_in_service_unreachable(tmp_path: Path) -> None:
    from satellitkontor.integrations.exchange.graph_backend import GraphBackend

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    settings = graph_settings_for(tmp_path, authority_host=f"https://127.0.0.1:{port}")
    backend = GraphBackend(settings)
    try:
        with pytest.raises(ExchangeUnreachable) as caught:
            backend.test_connection()
    finally:
        backend.close()
    assert describe(caught.value, "sv") == (
        f"Exchange-servern svarar inte (https://127.0.0.1:{port}): kontrollera adressen eller försök igen senare."
    )


def test_connection_names_a_mailbox_that_does_not_exist(graph: Harness) -> None:
    with pytest.raises(ExchangeMailboxNotFound) as caught:
        graph.backend.test_connection([ROOM, "finns-inte@umea.se"])
    assert caught.value.params["mailbox"] == "finns-inte@umea.se"


# --- batching and throttling --------------------------------------------------------------------
def test_45_bookings_go_in_three_batches_of_at_most_20(graph: Harness) -> None:
    results = graph.backend.push([booking(n) for n in range(45)])
    assert all(r.status is PushStatus.CREATED for r in results)
    batches = [r.items for r in graph.store.requests if r.operation == "$batch"]
    assert batches == [20, 20, 5] and graph.requests() == 3


def test_only_the_throttled_parts_of_a_batch_are_sent_again(graph: Harness) -> None:
    graph.fail("busy", "create", count=2, back_off=0.3)
    started = time.monotonic()
    results = graph.backend.push([booking(n) for n in range(5)])
    assert 0.3 <= time.monotonic() - started < 1.2
    assert all(r.status is PushStatus.CREATED for r in results)
    assert [r.items for r in graph.store.requests if r.operation == "$batch"] == [5, 2]
    assert len(graph.store.events(ANNA)) == 5


def test_throttling_gives_up_after_the_allowed_retries(graph: Harness) -> None:
    graph.fail("busy", "create", count=None, back_off=0.05)
    (result,) = graph.backend.push([booking(1)])
    assert isinstance(result.error, ExchangeThrottled)
    assert graph.requests() == 4  # the first try and max_retries=3 more


def test_a_503_with_retry_after_is_waited_out(graph: Harness) -> None:
    graph.fail("unavailable", "pull", back_off=0.4)
    started = time.monotonic()
    graph.backend.pull(ROOM, None)
    assert time.monotonic() - started >= 0.4


def test_a_repeated_post_of_the_same_version_is_dropped_by_graph(graph: Harness) -> None:
    graph.fail("drop_after", "create")
    graph.fail("drop", count=1)  # the look-up fails too: the result is unknown
    (first,) = graph.backend.push([booking(1)])
    assert first.status is PushStatus.FAILED
    (again,) = graph.backend.push([booking(1)])  # even without maybe_exists: transactionId
    assert again.status is PushStatus.CREATED and len(graph.store.events(ANNA)) == 1


def test_a_delta_link_graph_forgot_starts_over(graph: Harness) -> None:
    graph.store.create(ROOM, "Möte", booking(1).start, booking(1).end, organizer=ANNA)
    forgotten = "https://graph.microsoft.com/v1.0/users/konferensrum%40umea.se/calendarView/delta?$deltatoken=Z2FtbWFs"
    result = graph.backend.pull(ROOM, forgotten)
    assert [e.subject for e in result.events] == ["Möte"] and "$deltatoken=" in result.new_cursor


def test_the_extended_property_is_the_same_one_ews_uses(graph: Harness) -> None:
    from satellitkontor.integrations.exchange.ews_items import PROPERTY_SET_ID

    graph.backend.push([booking(1)])
    sent = graph.fake.routes.property_ids["SatellitkontorBookingId"]
    assert sent == f"String {{{PROPERTY_SET_ID}}} Name SatellitkontorBookingId"


# --- secrets ------------------------------------------------------------------------------------
def test_no_secret_in_logs_errors_or_settings(
    graph: Harness, caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    caplog.set_level(logging.DEBUG)
    graph.backend.push([booking(1)])
    wrong = graph.other(client_secret=PASSWORD + "x", token_cache=tmp_path / "another-cache.json")
    with pytest.raises(ExchangeUnauthorized) as caught:
        wrong.test_connection()
    person = graph.other(client_secret="", username=SERVICE)
    flow = person.auth.start_device_sign_in()
    graph.fake.sign_in(flow["user_code"], SERVICE, PASSWORD)
    person.auth.finish_device_sign_in(flow)
    assert caplog.records
    everything = caplog.text + repr(graph_settings_for(tmp_path)) + repr(caught.value) + str(caught.value)
    assert PASSWORD not in everything
