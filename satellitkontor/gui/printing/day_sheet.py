"""The day sheet: the receptionist's day on one clean A4 page, printed or saved as PDF.

Built from an already-loaded :class:`DayOccupancy` (no database work here): the title, the day,
every desk with its morning and afternoon, the room's meetings (with several rooms, each room
under its own heading with its free time), the day's totals and when the
sheet was printed. The tables use the day view's own models, so paper and screen say the same.
The document is plain HTML in a :class:`QTextDocument`; :func:`save_pdf` writes it with a
high-resolution A4 :class:`QPrinter`, :class:`DaySheetPrintDialog` prints it on paper.
"""

from __future__ import annotations

import os
from datetime import datetime
from html import escape
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QMarginsF, QSizeF, Qt
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

from satellitkontor.domain import clock as clk
from satellitkontor.gui.models import rooms_free_model as rooms_free
from satellitkontor.gui.models.day_desks_model import DayDesksModel
from satellitkontor.gui.models.day_room_model import DayRoomModel
from satellitkontor.services.results import DayOccupancy
from satellitkontor.words.texts import closed_name, fmt_date, fmt_time

_STYLE = """
body { font-family: 'DejaVu Sans', 'Segoe UI', Arial, sans-serif; font-size: 10pt; color: #000; }
p.office { font-size: 9pt; color: #333; margin: 0; }
h1 { font-size: 17pt; margin-top: 2pt; margin-bottom: 0; }
h2 { font-size: 12pt; font-weight: normal; margin-top: 2pt; margin-bottom: 6pt; }
h3 { font-size: 11pt; margin-top: 14pt; margin-bottom: 4pt; }
table { border-color: #8a8a8a; border-style: solid; }
th { background-color: #e9edf1; text-align: left; font-weight: bold; padding: 5pt; }
td { padding: 5pt; vertical-align: top; }
td.tick { text-align: center; }
p.totals { font-weight: bold; margin-top: 10pt; }
p.sign { margin-top: 26pt; }
p.printed { font-size: 8pt; color: #444; margin-top: 14pt; }
"""
#: The check-in column's empty box, ticked by hand on paper.
_BOX = "\u2610"


def hours_text(hours: float, lang: str) -> str:
    """3.5 -> '3,5' in Swedish, '3.5' in English; whole hours without decimals."""
    text = f"{hours:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "sv" else text


def totals_text(day: DayOccupancy, lang: str) -> str:
    """'Platser: 5 bokade, 3 lediga · Konferensrum: 3,5 timmar bokade'; on a closed day only
    'Kontoret är stängt: Renovering' (never "lediga" on a day nobody can book)."""
    if day.closed is not None:
        return QCoreApplication.translate("DaySheet", "Kontoret är stängt: {reason}").format(
            reason=day.closed.name
        )
    taken, free, hours = day.desks_taken, day.desks_free, day.room_hours
    taken_text = (
        QCoreApplication.translate("DaySheet", "{n} bokad")
        if taken == 1
        else QCoreApplication.translate("DaySheet", "{n} bokade")
    ).format(n=taken)
    free_text = (
        QCoreApplication.translate("DaySheet", "{n} ledig")
        if free == 1
        else QCoreApplication.translate("DaySheet", "{n} lediga")
    ).format(n=free)
    room_text = (
        QCoreApplication.translate("DaySheet", "{hours} timme bokad")
        if hours == 1
        else QCoreApplication.translate("DaySheet", "{hours} timmar bokade")
    ).format(hours=hours_text(hours, lang))
    if len(day.rooms) > 1:  # each room's own hours after the sum
        each = ", ".join(f"{r.resource.name} {hours_text(day.hours_of(r), lang)}" for r in day.rooms)
        room_text = f"{room_text} ({each})"
    return QCoreApplication.translate("DaySheet", "Platser: {taken}, {free} · Konferensrum: {room}").format(
        taken=taken_text, free=free_text, room=room_text
    )


def _rooms_html(day: DayOccupancy, lang: str, extra: tuple[str, ...] = ()) -> list[str]:
    """One heading and table per room when the office has several, else the one room's meetings."""
    empty = QCoreApplication.translate("DaySheet", "Inga möten bokade.")
    if len(day.rooms) < 2:
        rooms = DayRoomModel(lang)
        rooms.set_rooms(day.rooms)
        return [
            f"<h3>{escape(QCoreApplication.translate('DaySheet', 'Konferensrum'))}</h3>",
            _table(rooms, empty, extra),
        ]
    parts = []
    for room in day.rooms:
        model = DayRoomModel(lang)
        model.set_rooms([room])
        free = QCoreApplication.translate("DaySheet", "Ledigt: {free}").format(
            free=rooms_free.free_text(room.resource, day)
        )
        parts += [
            f"<h3>{escape(room.resource.name)}</h3>",
            _table(model, empty, extra),
            f"<p>{escape(free)}</p>",
        ]
    return parts


def _table(model: QAbstractItemModel, empty: str, extra: tuple[str, ...] = ()) -> str:
    """The model as a full-width table with padded cells; ``extra`` columns are left empty to be
    filled in by hand (the check-in column shows an empty box)."""
    if model.rowCount() == 0:
        return f"<p>{escape(empty)}</p>"
    cols = range(model.columnCount())
    head = "".join(f"<th>{escape(str(model.headerData(c, Qt.Orientation.Horizontal)))}</th>" for c in cols)
    widths = ("14%", "20%")  # the check-in box, then room to sign
    head += "".join(f"<th width='{w}'>{escape(name)}</th>" for name, w in zip(extra, widths, strict=False))
    rows = []
    for r in range(model.rowCount()):
        cells = "".join(f"<td>{escape(str(model.index(r, c).data() or ''))}</td>" for c in cols)
        if extra:
            cells += f"<td class='tick'>{_BOX}</td>" + "<td>&nbsp;</td>" * (len(extra) - 1)
        rows.append(f"<tr>{cells}</tr>")
    return (
        '<table width="100%" border="1" cellspacing="0" cellpadding="7" style="border-collapse: collapse;">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def day_sheet_html(day: DayOccupancy, lang: str, printed_at: datetime) -> str:
    desks = DayDesksModel(lang)
    desks.set_desks(day.desks)
    title = QCoreApplication.translate("DaySheet", "Satellitkontoret – dagsöversikt")
    when = fmt_date(day.day, lang)
    if day.closed is not None:
        when = QCoreApplication.translate("DaySheet", "{day} – stängt: {reason}").format(
            day=when, reason=closed_name(day.closed, lang)
        )
    elif day.hours is not None:
        when = QCoreApplication.translate("DaySheet", "{day}, öppet {opens}–{closes}").format(
            day=when, opens=fmt_time(day.hours.opens), closes=fmt_time(day.hours.closes)
        )
    printed = QCoreApplication.translate("DaySheet", "Utskriven {day} kl. {time}").format(
        day=fmt_date(clk.local_date(printed_at), lang), time=fmt_time(printed_at)
    )
    office = QCoreApplication.translate(
        "DaySheet", "Umeåregionens satellitkontor · Renmarkstorget 5D, 3 tr, Umeå"
    )
    ticks = (
        QCoreApplication.translate("DaySheet", "Incheckad"),
        QCoreApplication.translate("DaySheet", "Signatur"),
    )
    sign = QCoreApplication.translate(
        "DaySheet", "Kontrollerad av: ______________________________   Signatur: ______________________"
    )
    parts = [
        f"<html><head><meta charset='utf-8'><style>{_STYLE}</style></head><body>",
        f"<p class='office'>{escape(office)}</p>",
        f"<h1>{escape(title)}</h1>",
        f"<h2>{escape(when)}</h2>",
        f"<h3>{escape(QCoreApplication.translate('DaySheet', 'Kontorsplatser'))}</h3>",
        _table(desks, QCoreApplication.translate("DaySheet", "Inga kontorsplatser."), ticks),
        *_rooms_html(day, lang, ticks[:1]),
        f"<p class='totals'>{escape(totals_text(day, lang))}</p>",
        f"<p class='sign'>{escape(sign)}</p>",
        f"<p class='printed'>{escape(printed)}</p>",
        "</body></html>",
    ]
    return "".join(parts)


def day_sheet_document(day: DayOccupancy, lang: str, printed_at: datetime) -> QTextDocument:
    document = QTextDocument()
    font = QFont()
    font.setPointSizeF(10)
    document.setDefaultFont(font)
    document.setDocumentMargin(0)
    document.setHtml(day_sheet_html(day, lang, printed_at))
    document.setMetaInformation(
        QTextDocument.MetaInformation.DocumentTitle,
        QCoreApplication.translate("DaySheet", "Satellitkontoret – dagsöversikt"),
    )
    return document


def a4_printer(path: str | None = None) -> QPrinter:
    """A high-resolution A4 printer; with ``path``, one that writes a PDF file there."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setPageMargins(QMarginsF(18, 15, 18, 15), QPageLayout.Unit.Millimeter)
    if path is not None:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(path)
    printer.setDocName(QCoreApplication.translate("DaySheet", "Satellitkontoret – dagsöversikt"))
    return printer


def print_on(document: QTextDocument, printer: QPrinter) -> None:
    """Print laid out on the printer's page, so the tables take the full width of the paper
    (laid out at screen resolution they took about 65 % of an A4)."""
    page = printer.pageLayout().paintRect(QPageLayout.Unit.Point)
    dpi = 96  # the document's own layout resolution (Qt's default logical DPI)
    document.setPageSize(QSizeF(page.width() * dpi / 72, page.height() * dpi / 72))
    document.print_(printer)


def save_pdf(document: QTextDocument, path: str) -> bool:
    """Write ``document`` as an A4 PDF at ``path``; False when nothing could be written."""
    target = Path(path)
    if not target.parent.is_dir() or not os.access(target.parent, os.W_OK):
        return False
    if target.exists():
        target.unlink()
    print_on(document, a4_printer(str(target)))
    return target.exists() and target.stat().st_size > 0


class DaySheetPrintDialog(QPrintDialog):
    """The system's print dialog for a day sheet, opened without blocking; prints when accepted."""

    def __init__(self, document: QTextDocument, parent: QWidget | None = None) -> None:
        printer = a4_printer()
        super().__init__(printer, parent)
        self._printer = printer
        self.document = document
        self.document.setParent(self)
        self.setObjectName("daySheetPrintDialog")
        self.setWindowTitle(QCoreApplication.translate("DaySheet", "Skriv ut dagsöversikt"))
        self.accepted.connect(self._print)

    def _print(self) -> None:
        print_on(self.document, self._printer)
