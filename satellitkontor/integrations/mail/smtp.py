"""Sending by SMTP (RFC 5321) with STARTTLS (RFC 3207) and AUTH (RFC 4954), on smtplib.

One connection serves a whole run of the sender (opened at the first message, closed at the end),
so a thousand notices are a thousand MAIL/RCPT/DATA exchanges, not a thousand TLS handshakes.

The one case that matters for "never twice": the DATA exchange is done here by hand, so that a
failure *after* the final ``.`` was sent (the server may have queued the message; its 250 never
arrived) is told apart from every failure before it (nothing was delivered: safe to send again).
The first raises :class:`MailUncertain`; the sender marks the notice and does not resend it.
RFC 5321 4.1.1.4 and RFC 1047 describe exactly this window.
"""

from __future__ import annotations

import base64
import contextlib
import re
import smtplib
import ssl
from dataclasses import dataclass, field

from satellitkontor.integrations.mail.errors import (
    MailError,
    MailRefused,
    MailTemporary,
    MailTls,
    MailTlsNotOffered,
    MailUnauthorized,
    MailUncertain,
    MailUnreachable,
)

_LEADING_DOT = re.compile(rb"(?m)^\.")
_EOLS = re.compile(rb"\r\n|\r|\n")


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int = 587
    #: starttls (port 587), tls (implicit, port 465) or none (a relay inside the network).
    security: str = "starttls"
    username: str = ""
    password: str = field(default="", repr=False)
    timeout: float = 30.0
    #: A CA bundle to trust besides the system's (an office's own relay, the tests' server).
    ca_file: str = ""


def _login(conn: smtplib.SMTP, username: str, password: str) -> None:
    """AUTH PLAIN (RFC 4616) in UTF-8 when the server offers it: smtplib's own login encodes as
    ASCII and fails on a Swedish password ("Vårens-lösen"); otherwise smtplib's choice."""
    mechanisms = conn.esmtp_features.get("auth", "").upper().split()
    if "PLAIN" not in mechanisms:
        conn.login(username, password)
        return
    token = base64.b64encode(b"\0" + username.encode() + b"\0" + password.encode()).decode("ascii")
    code, answer = conn.docmd("AUTH", f"PLAIN {token}")
    if code not in (235, 503):  # 503: already signed in
        raise smtplib.SMTPAuthenticationError(code, answer)


class SmtpTransport:
    name = "smtp"

    def __init__(self, settings: SmtpSettings) -> None:
        self.settings = settings
        self._conn: smtplib.SMTP | None = None

    def _context(self) -> ssl.SSLContext:
        context = ssl.create_default_context()
        if self.settings.ca_file:
            context.load_verify_locations(self.settings.ca_file)
        return context

    def _connect(self) -> smtplib.SMTP:
        if self._conn is not None:
            return self._conn
        s = self.settings
        try:
            if s.security == "tls":
                conn: smtplib.SMTP = smtplib.SMTP_SSL(
                    s.host, s.port, timeout=s.timeout, context=self._context()
                )
            else:
                conn = smtplib.SMTP(s.host, s.port, timeout=s.timeout)
            conn.ehlo()
            if s.security == "starttls":
                if not conn.has_extn("starttls"):
                    conn.close()
                    raise MailTlsNotOffered(host=s.host)
                conn.starttls(context=self._context())
                conn.ehlo()
        except MailError:
            raise
        except ssl.SSLError as e:
            raise MailTls(host=s.host, detail=str(e)[:200]) from e
        except (OSError, smtplib.SMTPException) as e:
            raise MailUnreachable(host=s.host, detail=str(e)[:200] or type(e).__name__) from e
        if s.username:
            try:
                _login(conn, s.username, s.password)
            except smtplib.SMTPAuthenticationError as e:
                conn.close()
                raise MailUnauthorized(host=s.host, username=s.username) from e
            except (OSError, smtplib.SMTPException) as e:
                conn.close()
                raise MailUnreachable(host=s.host, detail=str(e)[:200]) from e
        self._conn = conn
        return conn

    def send(self, sender: str, recipient: str, message: bytes) -> None:
        """Deliver ``message`` to ``recipient``; raises a MailError subclass on failure."""
        conn = self._connect()
        host = self.settings.host
        try:
            code, answer = conn.mail(sender)
            if code != 250:
                self._refused(code, answer, recipient, reset=True)
            code, answer = conn.rcpt(recipient)
            if code not in (250, 251):
                self._refused(code, answer, recipient, reset=True)
            code, answer = conn.docmd("DATA")
            if code != 354:
                self._refused(code, answer, recipient, reset=True)
            data = _LEADING_DOT.sub(b"..", _EOLS.sub(b"\r\n", message))
            if not data.endswith(b"\r\n"):
                data += b"\r\n"
            conn.send(data + b".\r\n")
        except MailError:
            raise
        except (OSError, smtplib.SMTPException) as e:  # before the end of DATA: nothing delivered
            self._drop()
            raise MailUnreachable(host=host, detail=str(e)[:200] or type(e).__name__) from e
        try:
            code, answer = conn.getreply()
        except (OSError, smtplib.SMTPException) as e:
            self._drop()
            raise MailUncertain(host=host, detail=str(e)[:200] or type(e).__name__) from e
        if code != 250:
            self._refused(code, answer, recipient, reset=False)

    def _refused(self, code: int, answer: bytes, recipient: str, *, reset: bool) -> None:
        detail = f"{code} {answer.decode(errors='replace')[:200]}"
        if reset:
            try:
                self._conn and self._conn.rset()
            except (OSError, smtplib.SMTPException):
                self._drop()
        if code == 421 or code < 0:  # the server is closing the connection: the queue waits
            self._drop()
            raise MailUnreachable(host=self.settings.host, detail=detail)
        if 400 <= code < 500:
            raise MailTemporary(host=self.settings.host, detail=detail)
        raise MailRefused(host=self.settings.host, address=recipient, detail=detail)

    def _drop(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(OSError):
                self._conn.close()
        self._conn = None

    def close(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(TimeoutError, OSError, smtplib.SMTPException):
                self._conn.quit()
        self._drop()
