"""Usage statistics to files: CSV for Swedish Excel and a real Excel workbook (XLSX).

Plain Python, no Qt: the desktop app calls these off the GUI thread, and the command line or a
script may call them too; they are the only writers of these files (the command line's
``stats`` uses them as well).

- CSV: UTF-8 with a byte-order mark and semicolons, so Swedish Excel opens it with å, ä, ö and
  columns intact; in Swedish, decimals are written with a comma (``1,5``).
- XLSX (XlsxWriter): a sheet "Helår" with one row per municipality and a total, and a sheet
  "Per månad" with every month; numbers are stored as numbers.
- Per conference room (statistics/rooms.py): after the municipalities in the CSV (an empty line
  between), a sheet "Per rum" in the workbook.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from satellitkontor.integrations import csv_cells
from satellitkontor.services.results import UsageRow
from satellitkontor.services.statistics.privacy import HIDDEN_TEXT
from satellitkontor.services.statistics.rooms import RoomPeriodRow
from satellitkontor.words import DEFAULT, say
from satellitkontor.words.texts import month_name

#: The columns, in file order; their headers are ``export.stats.header.<column>`` in the catalogue.
COLUMNS: tuple[str, ...] = (
    "year",
    "month",
    "municipality",
    "desk_days",
    "room_hours",
    "bookings",
    "people",
    "employees",
    "politicians",
    "no_shows",
    "started",
    "no_show_rate",
    "guest_bookings",
)
#: The per-room table's own columns (after year and month); headers ``export.stats.rooms.header.*``.
ROOM_COLUMNS: tuple[str, ...] = ("room", "bookings", "hours", "open_hours", "occupancy")


def headers(lang: str = DEFAULT) -> list[str]:
    return [say(f"export.stats.header.{column}", lang) for column in COLUMNS]


def month_text(month: int | None, lang: str = DEFAULT) -> str:
    return say("export.stats.whole_year", lang) if month is None else month_name(month, lang)


def whole_year(rows: Sequence[UsageRow]) -> list[UsageRow]:
    """The whole-year rows (one per municipality) of :meth:`StatisticsService.usage`."""
    return [r for r in rows if r.month is None]


def total(rows: Sequence[UsageRow]) -> UsageRow:
    """The sum of ``rows`` as one row (municipality code ``""``); people are summed per row.

    Rows made for someone not an admin have their small cells withheld (statistics/privacy.py):
    a sum over them would be too low, and the total minus the shown rows would tell the hidden
    value. So a field withheld in any row is withheld in the total as well."""
    withheld = tuple(sorted({f for r in rows if r.withheld for f in r.hidden}))
    year = rows[0].year if rows else 0
    month = rows[0].month if rows and all(r.month == rows[0].month for r in rows) else None
    return UsageRow(
        year,
        month,
        "",
        sum(r.desk_days for r in rows),
        round(sum(r.room_hours for r in rows), 2),
        sum(r.bookings for r in rows),
        sum(r.people for r in rows),
        sum(r.employees for r in rows),
        sum(r.politicians for r in rows),
        sum(r.no_shows for r in rows),
        sum(r.started for r in rows),
        guest_bookings=sum(r.guest_bookings for r in rows),
        hidden=withheld,
        withheld=bool(withheld),
    )


_FIELDS = ("desk_days", "room_hours", "bookings", "people", "employees", "politicians", "no_shows", "started")


def _values(r: UsageRow, lang: str, name: str | None = None) -> list[object]:
    return [
        r.year,
        month_text(r.month, lang),
        name if name is not None else r.municipality_name,
        *(getattr(r, f) if r.shows(f) else HIDDEN_TEXT for f in _FIELDS),
        round(r.no_show_rate, 4) if r.shows("no_shows") else HIDDEN_TEXT,
        r.guest_bookings,
    ]


def hidden_note(rows: Sequence[UsageRow], lang: str = "sv") -> list[str]:
    """For the yearly report: which cells count fewer than three people (hidden from anyone but
    admins), one line per row: "mars, Vindeln: Medarbetare, Politiker"."""
    names = {f: say(f"export.stats.header.{f}", lang) for f in _FIELDS}
    return [
        f"{month_text(r.month, lang)}, {r.municipality_name}: " + ", ".join(names[f] for f in r.hidden)
        for r in rows
        if r.hidden
    ]


def _csv_cell(value: object, lang: str) -> str:
    if isinstance(value, float):
        text = f"{value:g}" if value == int(value) else repr(value)
        return text.replace(".", say("number.decimal_point", lang))
    return str(value)


def room_headers(lang: str = DEFAULT) -> list[str]:
    return [
        say("export.stats.header.year", lang),
        say("export.stats.header.month", lang),
        *(say(f"export.stats.rooms.header.{c}", lang) for c in ROOM_COLUMNS),
    ]


def _room_values(r: RoomPeriodRow, lang: str) -> list[object]:
    return [
        r.year,
        month_text(r.month, lang),
        r.room,
        r.bookings,
        r.hours,
        r.open_hours,
        round(r.occupancy, 4),
    ]


def csv_text(rows: Sequence[UsageRow], lang: str = DEFAULT, rooms: Sequence[RoomPeriodRow] = ()) -> str:
    """Every row of ``rows`` (months and whole year) as CSV text for Excel: ``;``, CRLF. With
    ``rooms`` (StatisticsService.room_breakdown), an empty line and the per-room table follow."""
    buf = io.StringIO()
    writer = csv_cells.Writer(buf)
    writer.writerow(headers(lang))
    for r in rows:
        writer.writerow([_csv_cell(v, lang) for v in _values(r, lang)])
    if rooms:
        writer.writerow([])
        writer.writerow(room_headers(lang))
        for room in rooms:
            writer.writerow([_csv_cell(v, lang) for v in _room_values(room, lang)])
    return buf.getvalue()


def write_csv(
    path: str | Path, rows: Sequence[UsageRow], lang: str = DEFAULT, rooms: Sequence[RoomPeriodRow] = ()
) -> None:
    """:func:`csv_text` in a file, UTF-8 with a byte-order mark (what Swedish Excel needs)."""
    Path(path).write_bytes(csv_text(rows, lang, rooms).encode("utf-8-sig"))


def write_xlsx(
    path: str | Path, rows: Sequence[UsageRow], lang: str = DEFAULT, rooms: Sequence[RoomPeriodRow] = ()
) -> None:
    """A workbook with the whole year per municipality (plus a total) and every month; with
    ``rooms``, a sheet "Per rum" (every room, each month and the whole year)."""
    import xlsxwriter  # type: ignore[import-untyped]  # only when exporting: keeps start-up light

    book = xlsxwriter.Workbook(str(path))
    try:
        bold = book.add_format({"bold": True})
        percent = book.add_format({"num_format": "0.0%"})
        number = book.add_format({"num_format": "0.0#"})
        bold_number = book.add_format({"bold": True, "num_format": "0.0#"})
        bold_percent = book.add_format({"bold": True, "num_format": "0.0%"})
        year_rows = whole_year(rows)
        sheets = (
            (
                say("export.stats.sheet.year", lang),
                [(r, None) for r in year_rows] + [(total(year_rows), say("export.stats.total", lang))],
            ),
            (say("export.stats.sheet.months", lang), [(r, None) for r in rows if r.month is not None]),
        )
        for title, content in sheets:
            sheet = book.add_worksheet(title)
            sheet.write_row(0, 0, headers(lang), bold)
            sheet.freeze_panes(1, 0)
            for n, (r, name) in enumerate(content, start=1):
                is_total = name is not None
                values = _values(r, lang, name)
                sheet.write_row(n, 0, values[:3], bold if is_total else None)
                sheet.write_row(n, 3, values[3:5], bold_number if is_total else number)
                sheet.write_row(n, 5, values[5:11], bold if is_total else None)
                rate = values[11]
                if isinstance(rate, str):  # hidden
                    sheet.write_string(n, 11, rate)
                else:
                    sheet.write_number(n, 11, float(rate), bold_percent if is_total else percent)  # type: ignore[arg-type]
            sheet.set_column(0, 0, 7)
            sheet.set_column(1, 2, 14)
            sheet.set_column(3, 11, 13)
        if rooms:
            sheet = book.add_worksheet(say("export.stats.sheet.rooms", lang))
            sheet.write_row(0, 0, room_headers(lang), bold)
            sheet.freeze_panes(1, 0)
            for n, room in enumerate(rooms, start=1):
                values = _room_values(room, lang)
                sheet.write_row(n, 0, values[:4])
                sheet.write_row(n, 4, values[4:6], number)
                sheet.write_number(n, 6, float(room.occupancy), percent)
            sheet.set_column(0, 0, 7)
            sheet.set_column(1, 2, 16)
            sheet.set_column(3, 6, 13)
        note = hidden_note(rows, lang)
        if note:  # the report says which cells count fewer than three people
            sheet = book.add_worksheet(say("export.stats.sheet.hidden", lang))
            sheet.write_string(0, 0, say("export.stats.hidden_head", lang), bold)
            for n, line in enumerate(note, start=1):
                sheet.write_string(n, 0, line)
            sheet.set_column(0, 0, 60)
    finally:
        book.close()
