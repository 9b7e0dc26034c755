"""The rotation calendar as the app shows it: host per year, projections, meetings."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from satellitkontor.domain import clock as clk
from satellitkontor.domain.errors import InvalidInput, PermissionDenied
from satellitkontor.domain.municipalities import BJURHOLM, NORDMALING, ROBERTSFORS, UMEA, VANNAS, VINDELN
from satellitkontor.domain.rotation import RotationStatus
from tests.conftest import Office
from tests.services.helpers import sv


def local(year: int, month: int, day: int, hh: int, mm: int = 0) -> datetime:
    return clk.local(date(year, month, day), time(hh, mm))


def test_2026_is_bjurholm_with_nordmaling_and_nordmaling_hosts_2027(sqlite_office: Office) -> None:
    view = sqlite_office.services.rotation.year(2026)

    assert (view.host_year.host, view.host_year.kc_vice_chair) == (BJURHOLM, NORDMALING)
    assert view.host_year.status is RotationStatus.DECIDED
    assert view.next_year is not None and view.next_year.host == NORDMALING
    assert view.handover is not None
    assert (view.handover.outgoing, view.handover.incoming, view.handover.projected) == (
        BJURHOLM,
        NORDMALING,
        False,
    )
    assert view.meetings == () and view.handover_meeting is None


def test_a_later_year_is_projected_until_an_admin_confirms_it(sqlite_office: Office) -> None:
    o = sqlite_office
    rotation = o.services.rotation
    before = rotation.year(2028).host_year
    assert (before.host, before.kc_vice_chair, before.status) == (ROBERTSFORS, UMEA, RotationStatus.PROJECTED)
    assert rotation.year(2027).handover.projected is True  # 2027 -> 2028 still projected

    with pytest.raises(PermissionDenied) as refused:
        rotation.confirm_year(o.reception.id, 2028)
    assert "inte behörighet att bekräfta värdkommun" in sv(refused.value)
    assert rotation.year(2028).host_year.status is RotationStatus.PROJECTED

    confirmed = rotation.confirm_year(o.admin.id, 2028, note="Beslut i Umeåregionrådet")
    assert (confirmed.host, confirmed.kc_vice_chair, confirmed.status) == (
        ROBERTSFORS,
        UMEA,
        RotationStatus.CONFIRMED,
    )
    assert rotation.year(2028).host_year.status is RotationStatus.CONFIRMED
    assert rotation.year(2027).handover.projected is False
    assert [y.status for y in rotation.years(2027, 2029)] == [
        RotationStatus.DECIDED,
        RotationStatus.CONFIRMED,
        RotationStatus.PROJECTED,
    ]


def test_an_admin_may_confirm_a_year_with_another_host(sqlite_office: Office) -> None:
    rotation = sqlite_office.services.rotation
    changed = rotation.confirm_year(sqlite_office.admin.id, 2029, host="Vännäs", vice_chair="vindeln")
    assert (changed.host, changed.kc_vice_chair, changed.status) == (
        VANNAS,
        VINDELN,
        RotationStatus.CONFIRMED,
    )
    assert rotation.year(2028).handover.incoming == VANNAS
    with pytest.raises(InvalidInput):
        rotation.confirm_year(sqlite_office.admin.id, 2030, host="Umeå", vice_chair="Umeå")


def test_meetings_belong_to_their_year(sqlite_office: Office) -> None:
    o = sqlite_office
    rotation = o.services.rotation
    council = rotation.add_meeting(
        o.admin.id,
        "council",
        "  Umeåregionrådet   december ",
        local(2026, 12, 10, 9),
        local(2026, 12, 10, 12),
        location="Renmarkstorget 5D, 3 tr",
    )
    handover = rotation.add_meeting(
        o.admin.id,
        "handover",
        "Överlämning Bjurholm–Nordmaling",
        local(2026, 12, 15, 13),
        local(2026, 12, 15, 15),
    )
    rotation.add_meeting(
        o.admin.id, "council", "Umeåregionrådet", local(2027, 2, 11, 9), local(2027, 2, 11, 12)
    )

    view = rotation.year(2026)
    assert [(m.kind, m.title) for m in view.meetings] == [
        ("council", "Umeåregionrådet december"),
        ("handover", "Överlämning Bjurholm–Nordmaling"),
    ]
    assert view.meetings[0].id == council.id and view.meetings[0].location == "Renmarkstorget 5D, 3 tr"
    assert view.handover_meeting is not None and view.handover_meeting.id == handover.id
    assert council.uid.endswith("@satellitkontor") and council.sequence == 0
    assert [m.title for m in rotation.year(2027).meetings] == ["Umeåregionrådet"]


def test_meetings_are_refused_to_non_admins_and_checked(sqlite_office: Office) -> None:
    o = sqlite_office
    rotation = o.services.rotation
    with pytest.raises(PermissionDenied) as refused:
        rotation.add_meeting(o.anna.id, "council", "Möte", local(2026, 12, 10, 9), local(2026, 12, 10, 12))
    assert "lägga till ett möte" in sv(refused.value)
    with pytest.raises(InvalidInput) as kind:
        rotation.add_meeting(o.admin.id, "party", "Fest", local(2026, 12, 10, 9), local(2026, 12, 10, 12))
    assert "typ av möte" in sv(kind.value)
    with pytest.raises(InvalidInput):
        rotation.add_meeting(o.admin.id, "council", "Möte", local(2026, 12, 10, 12), local(2026, 12, 10, 9))
    assert rotation.year(2026).meetings == ()
