"""Typed errors of the Exchange backends: what went wrong, in facts a receptionist's sentence needs.

Like the domain's errors (:mod:`satellitkontor.domain.errors`) they carry a ``code`` and ``params``
and no words; the catalogue (words/sv.py, words/en.py) has their sentences. Both backends translate
their library's failures (exchangelib exceptions, HTTP statuses of Graph) into these, so the sync
service, the CLI and the admin page only ever see one set.

``retryable`` tells the outbox whether waiting helps: a server that does not answer, is busy or
failed will probably work later; a wrong password, missing rights or EWS switched off for the
tenant need a person to act first.

Facts (params): ``url`` (the server), ``mailbox``, ``username``, ``seconds`` (a timeout, or how long
the server asked us to wait), ``detail`` (the server's own words, for the log and support).
Passwords and tokens are never put in an error.
"""

from __future__ import annotations

from typing import ClassVar

from satellitkontor.domain.errors import SatellitkontorError


class ExchangeError(SatellitkontorError):
    code = "exchange"
    retryable: ClassVar[bool] = True


class ExchangeUnreachable(ExchangeError):
    """No connection to ``url`` (wrong address, server down, network)."""

    code = "exchange.unreachable"


class ExchangeTimeout(ExchangeError):
    """The server took longer than ``seconds`` to answer, or dropped the connection mid-answer: what
    was asked may or may not have happened."""

    code = "exchange.timeout"


class ExchangeUnauthorized(ExchangeError):
    """The server refused the credentials of ``username`` (401)."""

    code = "exchange.unauthorized"
    retryable = False


class ExchangeAppSecretRefused(ExchangeUnauthorized):
    """An app signing in as itself (client credentials): its secret for client id ``username``
    was refused (wrong, or expired)."""

    code = "exchange.unauthorized.app_secret"


def unauthorized(app_only: bool, **facts: object) -> ExchangeUnauthorized:
    return ExchangeAppSecretRefused(**facts) if app_only else ExchangeUnauthorized(**facts)


class ExchangeSignInRequired(ExchangeUnauthorized):
    """Graph with a signed-in user: no token in the cache any more; someone must sign in again."""

    code = "exchange.sign_in_required"


class ExchangeNoRights(ExchangeError):
    """The account may not read or write ``mailbox`` (no delegate or impersonation rights)."""

    code = "exchange.no_rights"
    retryable = False


class ExchangeOrganisedByOffice(ExchangeError):
    """Not a failure but what was done about one: the account cannot reach the booker's mailbox
    ``mailbox``, so the meeting is organised by ``office`` with the booker invited."""

    code = "exchange.organised_by_office"


class ExchangeMailboxNotFound(ExchangeNoRights):
    """The server has no mailbox ``mailbox``."""

    code = "exchange.no_rights.not_found"


class ExchangeEwsDisabled(ExchangeError):
    """The tenant has EWS switched off (or did not allow-list the app): Graph is the way."""

    code = "exchange.ews_disabled"
    retryable = False


class ExchangeThrottled(ExchangeError):
    """The server asked us to wait ``seconds`` — longer than a background sync waits in one go."""

    code = "exchange.throttled"


class ExchangeServerError(ExchangeError):
    """The server answered with an error of its own (``detail``)."""

    code = "exchange.server_error"


class ExchangeConflict(ExchangeError):
    """The event changed in Outlook since our last push; our change was not written over it."""

    code = "exchange.conflict"
    retryable = False
