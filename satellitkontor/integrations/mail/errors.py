"""Typed errors of sending mail (codes and facts; the sentences are in words/notices.py).

``retry``: whether the sender tries the notice again later (a server that is down or busy);
``stop``: whether the rest of the queue should wait too (the server is the problem, not this one
message). ``MailUncertain`` is neither: the server may have taken the message, and sending it
again could deliver it twice, so it is marked and left for a person to look at.
"""

from __future__ import annotations

from typing import ClassVar

from satellitkontor.domain.errors import SatellitkontorError


class MailError(SatellitkontorError):
    code = "mail"
    retry: ClassVar[bool] = True
    stop: ClassVar[bool] = True


class MailNotConfigured(MailError):
    code = "mail.not_configured"


class MailUnreachable(MailError):
    """No connection to ``host`` (down, wrong address, network)."""

    code = "mail.unreachable"


class MailUnauthorized(MailError):
    code = "mail.unauthorized"


class MailNoPassword(MailError):
    code = "mail.no_password"


class MailTls(MailError):
    code = "mail.tls"


class MailExchangeFailed(MailError):
    """Exchange did not send it (``detail``: the Exchange error in words). Most such errors are
    about the sender's mailbox or rights, so every notice would meet them: the queue waits."""

    code = "mail.exchange"


class MailTlsNotOffered(MailTls):
    code = "mail.tls.not_offered"


class MailTemporary(MailError):
    """A 4xx answer: the server asks us to come back later."""

    code = "mail.temporary"
    stop = False


class MailRefused(MailError):
    """A 5xx answer about this message (its recipient, its size): sending again will not help."""

    code = "mail.refused"
    retry = False
    stop = False


class MailUncertain(MailError):
    """The message was handed over but the server's answer never came."""

    code = "mail.uncertain"
    retry = False
    stop = True
