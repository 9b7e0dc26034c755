"""The host-municipality (värdkommun) rotation.

Since 2023 one municipality is host for a calendar year; beside it sits the vice chair of the
municipal CEOs' group (KC-gruppen). The business plan 2023-2027 gives 2023 (Vindeln, vice chair
Umeå) in its "Ordförande 2023" section and a table of seven rows from 2024. The table is a cycle:
each row's vice chair is the next row's host, and after Vindeln/Vännäs it starts again with
Vännäs/Örnsköldsvik. 2023 is not part of that cycle (its vice chair is Umeå, not Vännäs), so it
is kept apart.

Years up to ``PLAN_LAST_YEAR`` are decided by the plan. Later years are projected from the cycle
until an admin confirms them with a :class:`RotationOverride`; an override may also change a
year (a swap between municipalities), and it wins over both the plan and the projection.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from satellitkontor.domain.errors import InvalidInput
from satellitkontor.domain.municipalities import (
    BJURHOLM,
    NORDMALING,
    ORNSKOLDSVIK,
    ROBERTSFORS,
    UMEA,
    VANNAS,
    VINDELN,
    Municipality,
)

FIRST_YEAR = 2023
PLAN_LAST_YEAR = 2027
#: Beyond this a year is a typing error, not a plan.
LAST_YEAR = 2200

_FIRST: tuple[Municipality, Municipality] = (VINDELN, UMEA)

#: The plan's table (host, vice chair of the KC group), starting 2024 and repeating.
CYCLE: tuple[tuple[Municipality, Municipality], ...] = (
    (VANNAS, ORNSKOLDSVIK),
    (ORNSKOLDSVIK, BJURHOLM),
    (BJURHOLM, NORDMALING),
    (NORDMALING, ROBERTSFORS),
    (ROBERTSFORS, UMEA),
    (UMEA, VINDELN),
    (VINDELN, VANNAS),
)
_CYCLE_START = FIRST_YEAR + 1


class RotationStatus(StrEnum):
    DECIDED = "decided"  # fixed by the business plan
    PROJECTED = "projected"  # follows the cycle, not yet confirmed
    CONFIRMED = "confirmed"  # confirmed (or changed) by an admin


def _check_year(year: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise InvalidInput(field="year", value=year)


@dataclass(frozen=True, slots=True)
class RotationOverride:
    """What an admin confirmed for one year; may equal the projection or differ from it."""

    year: int
    host: Municipality
    kc_vice_chair: Municipality

    def __post_init__(self) -> None:
        _check_year(self.year)
        if self.host == self.kc_vice_chair:
            raise InvalidInput(field="kc_vice_chair", value=self.kc_vice_chair.code)


@dataclass(frozen=True, slots=True)
class HostYear:
    year: int
    host: Municipality
    kc_vice_chair: Municipality
    status: RotationStatus

    @property
    def is_projected(self) -> bool:
        return self.status is RotationStatus.PROJECTED


def host_year(year: int, overrides: Mapping[int, RotationOverride] | None = None) -> HostYear:
    """Host and KC vice chair of ``year``; an admin's override wins and is ``CONFIRMED``."""
    _check_year(year)
    override = overrides.get(year) if overrides else None
    if override is not None:
        if override.year != year:
            raise InvalidInput(field="overrides", value=year)
        return HostYear(year, override.host, override.kc_vice_chair, RotationStatus.CONFIRMED)
    if year == FIRST_YEAR:
        host, vice = _FIRST
    else:
        host, vice = CYCLE[(year - _CYCLE_START) % len(CYCLE)]
    status = RotationStatus.DECIDED if year <= PLAN_LAST_YEAR else RotationStatus.PROJECTED
    return HostYear(year, host, vice, status)


def host_years(
    first: int, last: int, overrides: Mapping[int, RotationOverride] | None = None
) -> list[HostYear]:
    """Every year from ``first`` to ``last``, both included (empty if ``last < first``)."""
    _check_year(first)
    _check_year(last)
    return [host_year(y, overrides) for y in range(first, last + 1)]


@dataclass(frozen=True, slots=True)
class Handover:
    """The handover meeting in December of ``year``, from this year's host to next year's."""

    year: int
    outgoing: Municipality
    incoming: Municipality
    projected: bool


def handover(year: int, overrides: Mapping[int, RotationOverride] | None = None) -> Handover:
    """The December handover of ``year``; projected if either host is still projected."""
    if year >= LAST_YEAR:  # the incoming year would be out of range
        raise InvalidInput(field="year", value=year)
    outgoing = host_year(year, overrides)
    incoming = host_year(year + 1, overrides)
    return Handover(
        year=year,
        outgoing=outgoing.host,
        incoming=incoming.host,
        projected=outgoing.is_projected or incoming.is_projected,
    )
