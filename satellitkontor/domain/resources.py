"""Bookable things: desks (kontorsplatser) and the conference room (konferensrum)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ResourceKind(StrEnum):
    DESK = "desk"
    ROOM = "room"


@dataclass(frozen=True, slots=True)
class Resource:
    id: int
    kind: ResourceKind
    name: str
    equipment: tuple[str, ...]
    capacity: int
    active: bool
    #: Position on the floor plan, in plan units (the default plan uses centimetres).
    x: float
    y: float
    sort_order: int = 0
