"""Statistics that do not identify people: a cell counting fewer than three distinct people is
shown as "< 3" to anyone but an admin.

Bjurholm has few politicians: "Vindeln, March: 1 politician, 3 desk-days" tells everyone in the
cooperation who sat in the office and when. So:

* a row (municipality and month, or the whole year) with one or two people hides every figure
  it has (desk-days and bookings of one person are that person's);
* a row with more people but one or two employees or politicians hides that split (both parts,
  since people minus one gives the other);
* admins see every value; the cells are still marked (``UsageRow.hidden``), and the yearly
  report says which were hidden from others (services/statistics/export.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from satellitkontor.services.results import UsageRow

#: The fewest distinct people a shown cell may count.
MIN_PEOPLE = 3
#: What a row of one or two people hides.
ROW_FIELDS = (
    "desk_days",
    "room_hours",
    "bookings",
    "people",
    "employees",
    "politicians",
    "no_shows",
    "started",
)
SPLIT_FIELDS = ("employees", "politicians")
#: How a hidden cell reads.
HIDDEN_TEXT = f"< {MIN_PEOPLE}"


def hidden_cells(row: UsageRow) -> tuple[str, ...]:
    if 0 < row.people < MIN_PEOPLE:
        return ROW_FIELDS
    if any(0 < getattr(row, name) < MIN_PEOPLE for name in SPLIT_FIELDS):
        return SPLIT_FIELDS
    return ()


def marked(rows: Sequence[UsageRow]) -> list[UsageRow]:
    """``rows`` with the cells others may not see marked, values kept (for admins)."""
    return [replace(r, hidden=hidden_cells(r), withheld=False) for r in rows]


def withheld(rows: Sequence[UsageRow]) -> list[UsageRow]:
    """``rows`` with the values of those cells removed (for everyone else)."""
    out = []
    for r in rows:
        hidden = hidden_cells(r)
        values: dict[str, object] = {name: 0 for name in hidden}
        out.append(replace(r, **values, hidden=hidden, withheld=bool(hidden)))  # type: ignore[arg-type]
    return out
