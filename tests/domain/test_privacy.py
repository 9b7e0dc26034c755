"""The privacy rules without a database: the settings, who sees names, the retention cut-off."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from satellitkontor.domain.bookings import BookingStatus, BookingView, DeskPeriod
from satellitkontor.domain.errors import InvalidInput
from satellitkontor.domain.people import Role
from satellitkontor.domain.privacy import (
    DEFAULT_PRIVACY,
    PrivacySettings,
    for_viewer,
    names_visible,
    retention_cutoff,
)
from satellitkontor.domain.resources import ResourceKind


def _booking(person_id: int) -> BookingView:
    start = datetime(2026, 11, 24, 7, tzinfo=UTC)
    return BookingView(
        1, "u", 2, "Konferensrummet", ResourceKind.ROOM, person_id, "Anna Andersson", "anna@umea.se",
        "umea", person_id, start, start.replace(hour=8), date(2026, 11, 24), DeskPeriod.FULL_DAY,
        "Lönesamtal", 2, BookingStatus.CONFIRMED, None, 0,
    )  # fmt: skip


def test_the_defaults_hide_names_and_keep_thirteen_months() -> None:
    assert (
        PrivacySettings(names_to_users=False, retention_months=13, retention_on_start=False)
        == DEFAULT_PRIVACY
    )
    assert PrivacySettings.from_dict(None) == DEFAULT_PRIVACY
    assert (
        PrivacySettings.from_dict({"retention_months": 24, "from_a_newer_version": 1}).retention_months == 24
    )
    assert PrivacySettings.from_dict(DEFAULT_PRIVACY.to_dict()) == DEFAULT_PRIVACY


@pytest.mark.parametrize("months", [0, 11, 121, True, "13"])
def test_a_retention_outside_12_to_120_months_is_refused(months: object) -> None:
    with pytest.raises(InvalidInput):
        PrivacySettings(retention_months=months)  # type: ignore[arg-type]


def test_staff_always_see_names_users_only_when_the_office_allows() -> None:
    shown = PrivacySettings(names_to_users=True)
    assert names_visible(Role.RECEPTIONIST, DEFAULT_PRIVACY) and names_visible(Role.ADMIN, DEFAULT_PRIVACY)
    assert not names_visible(Role.USER, DEFAULT_PRIVACY) and not names_visible(None, DEFAULT_PRIVACY)
    assert names_visible(Role.USER, shown) and names_visible(None, shown)


def test_for_viewer_keeps_the_municipality_and_hides_who_and_what() -> None:
    hidden = for_viewer(_booking(7), 8, False)
    assert (hidden.person_id, hidden.person_name, hidden.person_email, hidden.title) == (
        None,
        None,
        None,
        None,
    )
    assert (hidden.municipality_code, hidden.participants, hidden.start) == ("umea", 2, _booking(7).start)
    assert for_viewer(_booking(7), 7, False) == _booking(7)  # one's own
    assert for_viewer(_booking(7), 8, True) == _booking(7)


@pytest.mark.parametrize(
    ("today", "months", "cutoff"),
    [
        (date(2026, 11, 23), 13, date(2025, 10, 1)),
        (date(2026, 11, 1), 13, date(2025, 10, 1)),
        (date(2026, 11, 30), 13, date(2025, 10, 1)),
        (date(2026, 1, 15), 13, date(2024, 12, 1)),
        (date(2026, 12, 31), 12, date(2025, 12, 1)),
        (date(2026, 3, 3), 120, date(2016, 3, 1)),
    ],
)
def test_the_cut_off_is_the_first_of_a_month(today: date, months: int, cutoff: date) -> None:
    assert retention_cutoff(today, months) == cutoff
