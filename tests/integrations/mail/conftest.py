"""Fixtures: a real SMTP server on 127.0.0.1 and an office whose notices go to it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

from satellitkontor.services.notices.config import NoticeConfig
from tests.conftest import Office
from tests.integrations.mail.smtp_server import SmtpServer

SENDER = "satellitkontoret@umea.se"


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    with SmtpServer() as server:
        yield server


def notices_on(office: Office, server: SmtpServer, **changes: object) -> NoticeConfig:
    """Notices on, by plain SMTP to ``server`` (a relay inside the network: no TLS, no login)."""
    config = NoticeConfig(
        enabled=True,
        sender=SENDER,
        smtp_host="127.0.0.1",
        smtp_port=server.port,
        smtp_security="none",
        retry_base_seconds=60,
    )
    return office.services.notices.save_config(office.admin.id, replace(config, **changes))  # type: ignore[arg-type]
