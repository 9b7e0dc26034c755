"""The EWS backend beyond the contract: authentication (Basic, NTLM, OAuth2), what the connection
test says, exchangelib's requests on the wire, batching, and no password in any log."""

from __future__ import annotations

import base64
import logging
import socket
import subprocess
import sys
import time

import pytest

from satellitkontor.integrations.exchange.backend import PushStatus
from satellitkontor.integrations.exchange.errors import (
    ExchangeEwsDisabled,
    ExchangeMailboxNotFound,
    ExchangeNoRights,
    ExchangeUnauthorized,
    ExchangeUnreachable,
)
from satellitkontor.integrations.exchange.ews_backend import EwsBackend
from satellitkontor.words.texts import describe
from tests.integrations.exchange.conftest import (
    ANNA,
    BERTIL,
    PASSWORD,
    ROOM,
    SERVICE,
    USER,
    Harness,
    ews_settings,
)
from tests.integrations.exchange.fake_ews import FakeEws
from tests.integrations.exchange.fake_store import FakeExchange
from tests.integrations.exchange.test_backend_contract import booking


def _closed_port_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/EWS/Exchange.asmx"


def _backend(url: str, **overrides: object) -> EwsBackend:
    return EwsBackend(ews_settings(url, **overrides))


# --- the connection test ------------------------------------------------------------------------
def test_connection_to_a_closed_port_says_the_server_does_not_answer() -> None:
    url = _closed_port_url()
    backend = _backend(url)
    try:
        with pytest.raises(ExchangeUnreachable) as caught:
            backend.test_connection()
    finally:
        backend.close()
    assert describe(caught.value, "sv") == (
        f"Exchange-servern svarar inte ({url}): kontrollera adressen eller försök igen senare."
    )
    assert caught.value.retryable


def test_connection_with_a_wrong_password_says_so(ews: Harness) -> None:
    backend = ews.other(password="Fel-lösenord-1")
    with pytest.raises(ExchangeUnauthorized) as caught:
        backend.test_connection()
    assert describe(caught.value, "sv") == (
        "Exchange godtar inte inloggningen för svc: kontrollera användarnamn och lösenord."
    )
    assert not caught.value.retryable


def test_connection_without_rights_on_the_room_mailbox_says_which(ews: Harness) -> None:
    ews.store.denied.add(ROOM)
    with pytest.raises(ExchangeNoRights) as caught:
        ews.backend.test_connection([ROOM])
    assert describe(caught.value, "sv") == (
        "Kontot svc saknar behörighet till postlådan konferensrum@umea.se. "
        "Be Exchange-administratören ge kontot rätt till den."
    )


def test_connection_with_delegate_access_to_a_missing_mailbox(ews: Harness) -> None:
    backend = ews.other(access="delegate")
    backend.test_connection([ROOM])
    with pytest.raises(ExchangeMailboxNotFound) as caught:
        backend.test_connection(["finns-inte@umea.se"])
    assert "Exchange har ingen postlåda finns-inte@umea.se" in describe(caught.value, "sv")
    ews.store.denied.add(ROOM)
    with pytest.raises(ExchangeNoRights):
        backend.test_connection([ROOM])


def test_connection_to_a_tenant_with_ews_switched_off(ews: Harness) -> None:
    ews.fail("ews_disabled", count=None)
    with pytest.raises(ExchangeEwsDisabled) as caught:
        ews.backend.test_connection()
    sentence = describe(caught.value, "sv")
    assert sentence.startswith("EWS är avstängt för organisationen i Exchange Online")
    assert "Microsoft Graph" in sentence and "EWS will be retired" in sentence
    (result,) = ews.backend.push([booking(1)])
    assert isinstance(result.error, ExchangeEwsDisabled) and not result.error.retryable


def test_delegate_access_refused_on_one_mailbox_fails_only_its_items(ews: Harness) -> None:
    delegate = ews.other(access="delegate")
    ews.store.denied.add(BERTIL)
    results = delegate.push([booking(1, BERTIL), booking(2, ANNA), booking(3, BERTIL)])
    assert [type(r.error) for r in results] == [ExchangeNoRights, type(None), ExchangeNoRights]
    assert results[1].status is PushStatus.CREATED and ews.store.events(BERTIL) == []


def test_a_401_mid_sync_is_a_refused_sign_in_not_a_reason_to_wait(ews: Harness) -> None:
    ews.fail("unauthorized", "create", count=None)
    started = time.monotonic()
    (result,) = ews.backend.push([booking(1)])
    assert isinstance(result.error, ExchangeUnauthorized) and time.monotonic() - started < 1.0


# --- authentication -----------------------------------------------------------------------------
def test_ntlm_sign_in_over_the_real_handshake(store: FakeExchange, monkeypatch: pytest.MonkeyPatch) -> None:
    with FakeEws(store, users={USER: (PASSWORD, SERVICE)}, auth=("ntlm",)) as server:
        monkeypatch.setenv("NTLM_USER_FILE", str(server.ntlm_user_file))
        backend = _backend(server.url, auth="ntlm", username=f"UMEA\\{USER}")
        wrong = _backend(server.url, auth="ntlm", username=f"UMEA\\{USER}", password="fel")
        try:
            backend.test_connection([ANNA])
            (result,) = backend.push([booking(1)])
            assert result.status is PushStatus.CREATED
            with pytest.raises(ExchangeUnauthorized):
                wrong.test_connection()
        finally:
            backend.close()
            wrong.close()
            _collect_handshake_sockets()
    assert len(store.events(ANNA)) == 1


def _collect_handshake_sockets() -> None:
    """requests_ntlm's handshake leaves the first 401 answer's socket file open (with
    urllib3-future) until the garbage collector closes it; collect it here, quietly, rather than
    have a ResourceWarning land in whichever test runs next."""
    import gc
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        gc.collect()


def test_oauth2_with_an_access_token(store: FakeExchange, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OAUTHLIB_INSECURE_TRANSPORT", "1")  # the fake speaks http, oauthlib wants https
    with FakeEws(store, users={USER: ("", SERVICE)}, auth=("oauth2",), tokens={"token-123": USER}) as server:
        backend = _backend(server.url, auth="oauth2", client_id="app", access_token="token-123", password="")
        expired = _backend(server.url, auth="oauth2", client_id="app", access_token="gammal", password="")
        try:
            (result,) = backend.push([booking(1)])
            assert result.status is PushStatus.CREATED
            with pytest.raises(ExchangeUnauthorized):
                expired.test_connection()
        finally:
            backend.close()
            expired.close()


# --- on the wire --------------------------------------------------------------------------------
def test_our_events_carry_the_booking_id_in_our_own_property_set(ews: Harness, ews_server: FakeEws) -> None:
    from satellitkontor.integrations.exchange.ews_items import PROPERTY_SET_ID

    ews.backend.push([booking(42)])
    (event,) = ews.store.events(ANNA)
    assert event.extended == {"SatellitkontorBookingId": "42", "SatellitkontorSequence": "0"}
    assert event.uid == "booking-42@satellitkontor.umearegionen.se"
    definition = ews_server.defs["SatellitkontorBookingId"]  # as exchangelib sent it
    assert definition == {
        "PropertySetId": PROPERTY_SET_ID,
        "PropertyName": "SatellitkontorBookingId",
        "PropertyType": "String",
    }


def test_250_new_bookings_go_in_three_create_requests(ews: Harness) -> None:
    items = [booking(n) for n in range(250)]
    results = ews.backend.push(items)
    assert all(r.status is PushStatus.CREATED for r in results)
    assert ews.requests("create") == 3 and ews.requests() == 3
    assert len(ews.store.events(ANNA)) == 250


def test_a_sync_state_the_server_no_longer_knows_starts_over(ews: Harness) -> None:
    ews.store.create(ROOM, "Möte", booking(1).start, booking(1).end, organizer=ANNA)
    bogus = base64.b64encode(b"someone-else@umea.se|1").decode()
    result = ews.backend.pull(ROOM, bogus)
    assert [e.subject for e in result.events] == ["Möte"]
    assert ews.backend.pull(ROOM, result.new_cursor).events == ()


# --- secrets ------------------------------------------------------------------------------------
def test_the_password_never_appears_in_logs_errors_or_settings(
    ews: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    ews.backend.test_connection([ANNA])
    ews.backend.push([booking(1)])
    ews.fail("drop", "create")
    ews.backend.push([booking(2)])
    wrong = ews.other(password=PASSWORD + "x")
    with pytest.raises(ExchangeUnauthorized) as caught:
        wrong.test_connection()
    basic = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
    everything = caplog.text + repr(ews_settings("http://x")) + str(caught.value) + repr(caught.value)
    assert caplog.records, "the test must see some log records"
    assert PASSWORD not in everything and basic not in everything


def test_starting_the_app_does_not_import_the_exchange_libraries() -> None:
    code = (
        "import sys\n"
        "import satellitkontor.integrations.exchange.settings, satellitkontor.integrations.exchange.backend\n"
        "import satellitkontor.integrations.exchange.errors, satellitkontor.integrations.exchange.push_plan\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('exchangelib', 'msal', 'httpx', 'requests')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_an_html_500_is_said_without_the_raw_answer(ews: Harness) -> None:
    from satellitkontor.integrations.exchange.errors import ExchangeServerError
    from satellitkontor.words.texts import describe

    ews.backend.pull(ROOM, None)
    ews.store.fail("html_500", count=None)
    with pytest.raises(ExchangeServerError) as caught:
        ews.backend.pull(ROOM, None)
    text = describe(caught.value, "sv")
    assert text == (
        "Exchange-servern svarade med ett fel (HTTP 500: 500 - Internal server error.). "
        "Synkroniseringen försöker igen senare."
    )


def test_exchangelibs_own_warnings_stay_off_the_terminal(
    ews: Harness, capsys: pytest.CaptureFixture[str]
) -> None:
    import logging

    ews.backend.pull(ROOM, None)  # the backend is made: exchangelib's loggers are set up
    logging.getLogger("exchangelib.util").warning("Server requested back off until ...")
    assert capsys.readouterr().err == ""
