"""Sending a notice through the office's Exchange: EWS ``CreateItem`` and Graph ``sendMail``.

Both take the very MIME message the SMTP path sends (integrations/mail/imip.py), so a calendar
sees the same invitation whichever way it came:

- EWS: ``CreateItem`` with ``MessageDisposition="SendOnly"`` and a ``t:Message`` holding only
  ``t:MimeContent`` (the MIME stream, base64), as the sender mailbox (impersonation or delegate
  rights, like the calendar sync). Exchange reads the recipients from the MIME headers.
- Graph: ``POST /users/{sender}/sendMail`` with ``Content-Type: text/plain`` and the MIME stream
  base64 as the body; Graph answers ``202 Accepted``.

A timeout after the request went out is :class:`MailUncertain` (Exchange may have sent it); a
server that cannot be reached is :class:`MailUnreachable` (nothing was sent: retried later).
"""

from __future__ import annotations

import base64
from typing import TYPE_CHECKING

from satellitkontor.integrations.exchange import errors as ex
from satellitkontor.integrations.mail.errors import (
    MailError,
    MailExchangeFailed,
    MailRefused,
    MailUncertain,
    MailUnreachable,
)
from satellitkontor.words.texts import describe

if TYPE_CHECKING:
    from satellitkontor.integrations.exchange.backend import CalendarBackend


class ExchangeTransport:
    """Mail through ``backend`` (an EwsBackend or a GraphBackend), from ``sender``'s mailbox."""

    name = "exchange"

    def __init__(self, backend: CalendarBackend, sender: str, *, owns_backend: bool = True) -> None:
        self.backend = backend
        self.sender = sender
        self.owns_backend = owns_backend

    def send(self, sender: str, recipient: str, message: bytes) -> None:
        try:
            if self.backend.name == "graph":
                _graph_send(self.backend, sender, message)
            else:
                _ews_send(self.backend, sender, message)
        except MailError:
            raise
        except ex.ExchangeTimeout as e:
            raise MailUncertain(
                host=e.params.get("url", "Exchange"), detail=e.params.get("detail", "")
            ) from e
        except ex.ExchangeUnreachable as e:
            raise MailUnreachable(
                host=e.params.get("url", "Exchange"), detail=e.params.get("detail", "")
            ) from e
        except ex.ExchangeError as e:
            raise MailExchangeFailed(detail=describe(e)) from e

    def close(self) -> None:
        if self.owns_backend:
            self.backend.close()


def _graph_send(backend: object, sender: str, message: bytes) -> None:
    from satellitkontor.integrations.exchange.graph_backend import GraphBackend
    from satellitkontor.integrations.exchange.graph_items import user_path

    assert isinstance(backend, GraphBackend)
    with backend.http.budget():
        response = backend.http.request(
            "POST",
            f"{user_path(sender)}/sendMail",
            sender,
            content=base64.b64encode(message),
            headers={"Content-Type": "text/plain"},
            accept=(404,),
        )
    if response.status_code == 404:
        raise ex.ExchangeMailboxNotFound(mailbox=sender, username=backend.settings.username)
    if response.status_code != 202:
        raise MailRefused(host="Microsoft Graph", address=sender, detail=f"{response.status_code}")


def _ews_send(backend: object, sender: str, message: bytes) -> None:
    from exchangelib import Message

    from satellitkontor.integrations.exchange.ews_backend import EwsBackend

    assert isinstance(backend, EwsBackend)
    account = backend.conn.account(sender)
    item = Message(account=account, mime_content=message)
    backend.conn.run(sender, lambda: item.send(save_copy=False))
