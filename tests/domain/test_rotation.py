from __future__ import annotations

import pytest

from satellitkontor.domain.errors import InvalidInput
from satellitkontor.domain.municipalities import (
    ALL,
    BJURHOLM,
    NORDMALING,
    ORNSKOLDSVIK,
    ROBERTSFORS,
    UMEA,
    VANNAS,
    VINDELN,
    Municipality,
)
from satellitkontor.domain.rotation import (
    FIRST_YEAR,
    PLAN_LAST_YEAR,
    Handover,
    HostYear,
    RotationOverride,
    RotationStatus,
    handover,
    host_year,
    host_years,
)

DECIDED = RotationStatus.DECIDED
PROJECTED = RotationStatus.PROJECTED


@pytest.mark.parametrize(
    ("year", "host", "vice", "status"),
    [
        (2023, VINDELN, UMEA, DECIDED),  # "Ordförande 2023"
        (2024, VANNAS, ORNSKOLDSVIK, DECIDED),
        (2025, ORNSKOLDSVIK, BJURHOLM, DECIDED),
        (2026, BJURHOLM, NORDMALING, DECIDED),
        (2027, NORDMALING, ROBERTSFORS, DECIDED),
        (2028, ROBERTSFORS, UMEA, PROJECTED),
        (2029, UMEA, VINDELN, PROJECTED),
        (2030, VINDELN, VANNAS, PROJECTED),
        (2031, VANNAS, ORNSKOLDSVIK, PROJECTED),  # the cycle starts again
        (2032, ORNSKOLDSVIK, BJURHOLM, PROJECTED),
        (2038, VANNAS, ORNSKOLDSVIK, PROJECTED),
    ],
)
def test_plan_table_and_cycle(
    year: int, host: Municipality, vice: Municipality, status: RotationStatus
) -> None:
    assert host_year(year) == HostYear(year, host, vice, status)


def test_plan_years() -> None:
    assert (FIRST_YEAR, PLAN_LAST_YEAR) == (2023, 2027)
    assert [y.status for y in host_years(2023, 2028)] == [DECIDED] * 5 + [PROJECTED]
    assert not host_year(2027).is_projected
    assert host_year(2028).is_projected


def test_each_municipality_hosts_once_per_seven_years() -> None:
    for start in (2024, 2028, 2050):
        hosts = [y.host for y in host_years(start, start + 6)]
        assert sorted(hosts, key=ALL.index) == list(ALL)


@pytest.mark.parametrize("year", range(2024, 2041))
def test_vice_chair_is_next_years_host(year: int) -> None:
    # Holds from 2024 on; 2023's vice chair (Umeå) is not 2024's host (Vännäs).
    assert host_year(year).kc_vice_chair == host_year(year + 1).host


def test_2023_is_outside_the_cycle() -> None:
    assert host_year(2023).kc_vice_chair == UMEA
    assert host_year(2024).host == VANNAS
    assert host_year(2030) == HostYear(2030, VINDELN, VANNAS, PROJECTED)


def test_override_confirms_a_projected_year() -> None:
    same = {2028: RotationOverride(2028, ROBERTSFORS, UMEA)}
    assert host_year(2028, same) == HostYear(2028, ROBERTSFORS, UMEA, RotationStatus.CONFIRMED)
    assert not host_year(2028, same).is_projected
    assert host_year(2029, same).status is PROJECTED  # only that year


def test_override_may_change_a_year() -> None:
    swap = {2028: RotationOverride(2028, UMEA, ROBERTSFORS)}
    assert host_year(2028, swap) == HostYear(2028, UMEA, ROBERTSFORS, RotationStatus.CONFIRMED)


def test_override_for_another_year_is_rejected() -> None:
    with pytest.raises(InvalidInput):
        host_year(2028, {2028: RotationOverride(2029, UMEA, VINDELN)})


def test_override_host_and_vice_chair_differ() -> None:
    with pytest.raises(InvalidInput):
        RotationOverride(2028, UMEA, UMEA)


@pytest.mark.parametrize("year", [2022, 1999, 2201])
def test_years_out_of_range(year: int) -> None:
    with pytest.raises(InvalidInput) as info:
        host_year(year)
    assert info.value.params == {"field": "year", "value": year}


def test_host_years_range() -> None:
    years = host_years(2026, 2029)
    assert [y.year for y in years] == [2026, 2027, 2028, 2029]
    assert [y.host for y in years] == [BJURHOLM, NORDMALING, ROBERTSFORS, UMEA]
    assert host_years(2030, 2029) == []
    with pytest.raises(InvalidInput):
        host_years(2022, 2025)


def test_handover_between_decided_years() -> None:
    assert handover(2026) == Handover(2026, BJURHOLM, NORDMALING, projected=False)
    assert handover(2023) == Handover(2023, VINDELN, VANNAS, projected=False)


def test_handover_into_projected_year() -> None:
    assert handover(2027) == Handover(2027, NORDMALING, ROBERTSFORS, projected=True)
    assert handover(2030) == Handover(2030, VINDELN, VANNAS, projected=True)


def test_handover_not_projected_once_confirmed() -> None:
    overrides = {2028: RotationOverride(2028, ROBERTSFORS, UMEA)}
    assert handover(2027, overrides) == Handover(2027, NORDMALING, ROBERTSFORS, projected=False)
    assert handover(2028, overrides).projected  # 2029 still projected


def test_handover_out_of_range() -> None:
    with pytest.raises(InvalidInput):
        handover(2022)
    with pytest.raises(InvalidInput):
        handover(2200)
