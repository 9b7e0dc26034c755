"""Finds text a person cannot read whole: labels, buttons, tabs and table headers that show less
than they hold, and widgets that lie (partly) outside their window.

Used by tests/gui/test_no_clipped_text.py and test_no_clipped_dialogs.py. Each finding is one line naming the widget, its text
and what is missing, so a failing test says where to look.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStyle,
    QStyleOptionButton,
    QStyleOptionGroupBox,
    QTabBar,
    QToolButton,
    QWidget,
)

#: Pixels a text may lack before it counts as cut (rounding of fractional advances).
SLACK = 1


def _name(widget: QWidget) -> str:
    chain = []
    w: QWidget | None = widget
    while w is not None and len(chain) < 3:
        chain.append(w.objectName() or type(w).__name__)
        w = w.parentWidget()
    return "/".join(reversed(chain))


def _plain(text: str) -> str:
    """The text as drawn: mnemonic ampersands removed, '&&' kept as one '&'."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _rich(text: str) -> bool:
    return bool(re.search(r"<[a-zA-Z/][^>]*>", text))


def _shown(widget: QWidget) -> bool:
    return widget.isVisible() and widget.width() > 0 and widget.height() > 0


def _inside_scroll_area(widget: QWidget) -> bool:
    w = widget.parentWidget()
    while w is not None:
        if isinstance(w, QScrollArea):
            return True
        w = w.parentWidget()
    return False


def _ink_cut(widget: QWidget, fm: QFontMetrics, text: str, area: QRect, align: Qt.AlignmentFlag) -> list[str]:
    """The text's ink (the dots of "Ä", the ring of "Å", the tail of "g") must lie inside the
    widget, which clips what it paints. The dots of "Ö" reach above the font's ascent (13 px
    against 11 in DejaVu Sans 9 pt): a label exactly one line high (14 px) lost their top row,
    which the line-height rule (fm.height() against the widget's height) did not see."""
    ink = fm.tightBoundingRect(text)
    if int(align) & int(Qt.AlignmentFlag.AlignVCenter):
        top = area.top() + (area.height() - fm.height() + 1) // 2  # Qt rounds half a pixel down the page
    elif int(align) & int(Qt.AlignmentFlag.AlignBottom):
        top = area.bottom() + 1 - fm.height()
    else:
        top = area.top()
    baseline = top + fm.ascent()
    over, under = -(baseline + ink.top()), baseline + ink.bottom() - (widget.height() - 1)
    if over > 0 or under > 0:
        return [
            f"{type(widget).__name__} {_name(widget)} {text!r}: its ink is cut "
            f"({max(over, 0)} px at the top, {max(under, 0)} px at the bottom; {widget.height()} px high)"
        ]
    return []


def _label(label: QLabel) -> list[str]:
    text = label.text()
    if not text or label.textFormat() == Qt.TextFormat.RichText or _rich(text):
        return []
    if label.pixmap() is not None and not label.pixmap().isNull():
        return []
    if label.buddy() is not None:
        text = _plain(text)
    fm = QFontMetrics(label.font())
    room = label.contentsRect().adjusted(label.margin(), label.margin(), -label.margin(), -label.margin())
    room.adjust(label.indent() if label.indent() > 0 else 0, 0, 0, 0)
    found = []
    if label.wordWrap():
        flags = int(label.alignment()) | int(Qt.TextFlag.TextWordWrap)
        need = fm.boundingRect(QRect(0, 0, room.width(), 100_000), flags, text)
        if need.height() > room.height() + SLACK:
            found.append(f"label {_name(label)} {text!r}: needs {need.height()} px high, has {room.height()}")
        else:  # the first line's ink, where the text's lines begin
            first = QRect(room.left(), room.top(), room.width(), room.height())
            if int(label.alignment()) & int(Qt.AlignmentFlag.AlignVCenter):
                first.setTop(room.top() + (room.height() - need.height() + 1) // 2)
            first.setHeight(fm.height())
            line = text.split("\n")[0]
            found += _ink_cut(label, fm, line, first, Qt.AlignmentFlag.AlignTop)
    else:
        lines = text.split("\n")
        width = max(fm.horizontalAdvance(line) for line in lines)
        if width > room.width() + SLACK:
            found.append(f"label {_name(label)} {text!r}: needs {width} px wide, has {room.width()}")
        if fm.height() * len(lines) > room.height() + SLACK + 2:
            found.append(
                f"label {_name(label)} {text!r}: needs {fm.height() * len(lines)} px high, has {room.height()}"
            )
        elif len(lines) == 1:
            found += _ink_cut(label, fm, text, room, label.alignment())
    return found


def _button(button: QAbstractButton) -> list[str]:
    text = _plain(button.text())
    if not text:
        return []
    if isinstance(button, QToolButton) and button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly:
        return []
    fm = QFontMetrics(button.font())
    width = fm.horizontalAdvance(text)
    if isinstance(button, (QCheckBox, QRadioButton)):
        opt = QStyleOptionButton()
        button.initStyleOption(opt)  # type: ignore[attr-defined]
        element = (
            QStyle.SubElement.SE_CheckBoxContents
            if isinstance(button, QCheckBox)
            else QStyle.SubElement.SE_RadioButtonContents
        )
        room = button.style().subElementRect(element, opt, button)
        avail = room.width()
    elif isinstance(button, QPushButton):
        opt = QStyleOptionButton()
        button.initStyleOption(opt)  # type: ignore[attr-defined]
        contents = button.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, opt, button)
        icon = button.iconSize().width() + 4 if not button.icon().isNull() else 0
        avail = contents.width() - icon
        ink = _ink_cut(button, fm, text, contents, Qt.AlignmentFlag.AlignVCenter)
    else:
        avail = button.width() - 6
        if (
            isinstance(button, QToolButton)
            and button.menu() is not None
            and button.popupMode() == QToolButton.ToolButtonPopupMode.InstantPopup
        ):  # the style draws the menu's arrow inside the button, over the text's end
            avail -= button.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, None, button)
        if (
            not button.icon().isNull()
            and button.toolButtonStyle() != Qt.ToolButtonStyle.ToolButtonTextUnderIcon
        ):  # type: ignore[attr-defined]
            avail -= button.iconSize().width() + 4
    found = []
    if width > avail + SLACK:
        found.append(f"button {_name(button)} {text!r}: needs {width} px wide, has {avail}")
    if isinstance(button, QPushButton):
        found += ink
    if fm.height() > button.height():
        found.append(f"button {_name(button)} {text!r}: needs {fm.height()} px high, has {button.height()}")
    return found


def _group_title(box: QGroupBox) -> list[str]:
    text = _plain(box.title())
    if not text:
        return []
    opt = QStyleOptionGroupBox()
    box.initStyleOption(opt)  # type: ignore[attr-defined]
    rect = box.style().subControlRect(
        QStyle.ComplexControl.CC_GroupBox, opt, QStyle.SubControl.SC_GroupBoxLabel, box
    )
    return _ink_cut(box, QFontMetrics(box.font()), text, rect, Qt.AlignmentFlag.AlignVCenter)


def _tabs(bar: QTabBar) -> list[str]:
    found = []
    fm = QFontMetrics(bar.font())
    for i in range(bar.count()):
        text = _plain(bar.tabText(i))
        rect = bar.tabRect(i)
        if not text or not rect.isValid():
            continue
        if not bar.rect().contains(rect) and not bar.usesScrollButtons():
            found.append(f"tab {_name(bar)} {text!r}: outside the tab bar")
        icon = bar.iconSize().width() + 4 if not bar.tabIcon(i).isNull() else 0
        need = fm.horizontalAdvance(text) + icon
        if need > rect.width() - 8:
            found.append(f"tab {_name(bar)} {text!r}: needs {need} px wide, has {rect.width() - 8}")
        # Styles draw an unselected tab a few pixels lower (Fusion: 2 px) and clip it to its rect:
        # with less than 4 px above and below, the dots of "Ä" and the tails of "g" were cut.
        if fm.height() + 8 > rect.height():
            found.append(f"tab {_name(bar)} {text!r}: needs {fm.height() + 8} px high, has {rect.height()}")
        if rect.right() > bar.width() + SLACK:
            found.append(f"tab {_name(bar)} {text!r}: runs past the bar ({rect.right()} > {bar.width()})")
    return found


def _header(header: QHeaderView) -> list[str]:
    model = header.model()
    if model is None:
        return []
    found = []
    fm = QFontMetrics(header.font())
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        text = model.headerData(section, header.orientation(), Qt.ItemDataRole.DisplayRole)
        if not text:
            continue
        text = str(text)
        size = header.sectionSize(section)
        if header.orientation() == Qt.Orientation.Horizontal:
            need = max(fm.horizontalAdvance(line) for line in text.split("\n")) + 8
            if need > size + SLACK:
                found.append(f"header {_name(header)} {text!r}: needs {need} px wide, has {size}")
        else:
            need = fm.height() * (text.count("\n") + 1)
            if need > size + SLACK:
                found.append(f"header {_name(header)} {text!r}: needs {need} px high, has {size}")
    return found


def _outside(widget: QWidget, window: QWidget) -> list[str]:
    if widget is window or _inside_scroll_area(widget):
        return []
    top_left = widget.mapTo(window, QPoint(0, 0))
    rect = QRect(top_left, widget.size())
    if not window.rect().contains(rect):
        return [
            f"widget {_name(widget)} at {rect.getRect()} lies outside its window {window.size().toTuple()}"
        ]
    return []


def problems(window: QWidget) -> list[str]:
    """Every text shown cut, and every widget outside ``window``, among its visible children."""
    found: list[str] = []
    for widget in [window, *window.findChildren(QWidget)]:
        if not _shown(widget) or widget.window() is not window:
            continue
        if isinstance(widget, QLabel):
            found += _label(widget)
        elif isinstance(widget, QAbstractButton):
            found += _button(widget)
        elif isinstance(widget, QTabBar):
            found += _tabs(widget)
        elif isinstance(widget, QHeaderView):
            found += _header(widget)
        elif isinstance(widget, QGroupBox):
            found += _group_title(widget)
        found += _outside(widget, window)
    return found


def cells(window: QWidget, rows: int = 30) -> list[str]:
    """Table cells whose one-line text is cut (elided) in visible tables without word wrap."""
    from PySide6.QtWidgets import QTableView

    found = []
    for table in window.findChildren(QTableView):
        if not _shown(table) or table.model() is None:
            continue
        model = table.model()
        fm = QFontMetrics(table.font())
        viewport = table.viewport().height()
        rows_height = sum(table.rowHeight(r) for r in range(model.rowCount()) if not table.isRowHidden(r))
        if (
            table.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
            and rows_height > viewport + SLACK
        ):
            found.append(
                f"table {_name(table)}: rows need {rows_height} px high, has {viewport} and no scroll bar"
            )
        if table.wordWrap():
            found += _wrapped_cells(table, rows)
            continue
        for row in range(min(rows, model.rowCount())):
            for col in range(model.columnCount()):
                if table.isColumnHidden(col):
                    continue
                value = model.data(model.index(row, col), Qt.ItemDataRole.DisplayRole)
                if not value or "\n" in str(value):
                    continue
                need = fm.horizontalAdvance(str(value)) + 8
                if need > table.columnWidth(col) + SLACK and not _may_cut(table, col, row):
                    head = model.headerData(col, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
                    found.append(
                        f"cell {_name(table)} [{head}] {str(value)!r}: needs {need} px wide, has {table.columnWidth(col)}"
                    )
    return found


def _wrapped_cells(table: QWidget, rows: int) -> list[str]:
    """In a table that wraps its cells, a wrapped text must fit its row's height."""
    model = table.model()  # type: ignore[attr-defined]
    fm = QFontMetrics(table.font())
    found = []
    for row in range(min(rows, model.rowCount())):
        for col in range(model.columnCount()):
            if table.isColumnHidden(col):  # type: ignore[attr-defined]
                continue
            value = model.data(model.index(row, col), Qt.ItemDataRole.DisplayRole)
            if not value:
                continue
            width = table.columnWidth(col) - 8  # type: ignore[attr-defined]
            need = fm.boundingRect(
                QRect(0, 0, max(width, 1), 100_000), int(Qt.TextFlag.TextWordWrap), str(value)
            )
            has = table.rowHeight(row)  # type: ignore[attr-defined]
            if need.height() > has + SLACK or need.width() > width + SLACK:
                head = model.headerData(col, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
                found.append(
                    f"cell {_name(table)} [{head}] {str(value)!r}: needs {need.width()}x{need.height()} px, "
                    f"has {width}x{has}"
                )
    return found


def _may_cut(table: QWidget, col: int, row: int) -> bool:
    """A free-text column that takes the room left over may cut its text if the full text is
    its tooltip; every other column shows its cells whole."""
    header = table.horizontalHeader()  # type: ignore[attr-defined]
    model = table.model()  # type: ignore[attr-defined]
    last = max(c for c in range(model.columnCount()) if not header.isSectionHidden(c))
    stretch = header.sectionResizeMode(col) == QHeaderView.ResizeMode.Stretch or (
        header.stretchLastSection() and col == last
    )
    value = str(model.data(model.index(row, col), Qt.ItemDataRole.DisplayRole))
    tip = model.data(model.index(row, col), Qt.ItemDataRole.ToolTipRole)
    return stretch and tip is not None and all(part.strip() in str(tip) for part in value.split(","))


def title(dialog: QWidget) -> list[str]:
    """A dialog's title must fit its title bar (about 120 px go to the buttons and the icon)."""
    fm = QFontMetrics(dialog.font())
    need = fm.horizontalAdvance(dialog.windowTitle()) + 120
    if need > dialog.width():
        return [f"title {dialog.windowTitle()!r}: needs {need} px wide, dialog has {dialog.width()}"]
    return []


def squashed(window: QWidget) -> list[str]:
    """Fields and buttons a layout pressed below the height they need (a date field at half height
    shows the tops of its digits only)."""
    from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLineEdit

    found = []
    for widget in window.findChildren(QWidget):
        if not _shown(widget) or not isinstance(
            widget, (QAbstractSpinBox, QComboBox, QLineEdit, QAbstractButton)
        ):
            continue
        if isinstance(widget.parentWidget(), (QAbstractSpinBox, QComboBox)):
            continue  # the line edit inside a spin box: its box is measured
        need = widget.minimumSizeHint().height()
        if widget.height() + SLACK < need:
            found.append(f"field {_name(widget)}: {widget.height()} px high, needs {need}")
    return found
