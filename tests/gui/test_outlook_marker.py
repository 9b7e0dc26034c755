""" "Inte i Outlook än" in Mina bokningar: with Exchange sync on and the server unreachable, the
booker sees that a new booking is not in their Outlook calendar yet, and why; without sync,
nothing is said about Outlook."""

from __future__ import annotations

import socket
from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.models.my_bookings_model import STATUS
from satellitkontor.services.exchange.config import ExchangeConfig, make_backend
from tests.conftest import MONDAY, Office
from tests.gui.test_my_bookings import column, open_view

MARK = " – inte i Outlook än"


def _closed_port_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/EWS/Exchange.asmx"


def _enable_sync(office: Office) -> ExchangeConfig:
    config = ExchangeConfig(
        enabled=True,
        url=_closed_port_url(),
        account="satellit@umea.se",
        username="satellit@umea.se",
        auth="basic",
        mailboxes=((office.room.name, "konferensrummet@umea.se"),),
        timeout=2.0,
        max_wait=2.0,
    )
    return office.services.exchange.save_config(office.admin.id, config)


def test_a_booking_not_yet_pushed_says_it_is_not_in_outlook_and_why(
    qtbot: QtBot, gui_office: Office, make_ctx: Callable[..., AppContext]
) -> None:
    config = _enable_sync(gui_office)
    svc = gui_office.services
    booked = svc.booking.book_desk(gui_office.anna.id, gui_office.desk(1).id, MONDAY, DeskPeriod.FULL_DAY)
    report = svc.exchange.push_pending(make_backend(config, "hemligt"))
    assert report.failed == 1  # the server does not answer: the booking stays in the outbox

    view = open_view(qtbot, make_ctx(gui_office.anna))

    assert column(view, STATUS) == ["bokad" + MARK]
    row = view.model.row_of(booked.id)
    tip = view.model.index(row, STATUS).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Ändringen är inte skriven till Outlook än.")
    assert "svarar inte" in tip  # the reason the push failed, in the receptionist's words


def test_without_exchange_sync_nothing_is_said_about_outlook(
    qtbot: QtBot, gui_office: Office, make_ctx: Callable[..., AppContext]
) -> None:
    gui_office.services.booking.book_desk(
        gui_office.anna.id, gui_office.desk(1).id, MONDAY, DeskPeriod.FULL_DAY
    )

    view = open_view(qtbot, make_ctx(gui_office.anna))

    assert column(view, STATUS) == ["bokad"]
    assert view.model.index(0, STATUS).data(Qt.ItemDataRole.ToolTipRole) is None
