"""The form of a range of days with a reason: Från, Till och med (never before Från) and a reason
line, as the closure and cancel-range dialogs ask for it.

The dialogs keep their own words (each passes its tr() texts), so their translations stay theirs.

API: DateRangeForm(today, prefix=..., from_texts=..., to_texts=..., reason_texts=..., placeholder=...)
    .layout: QFormLayout; .from_edit, .to_edit: QDateEdit; .reason_edit: QLineEdit
    object names: <prefix>From, <prefix>To, <prefix>Reason
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QFormLayout, QLineEdit

from satellitkontor.gui.dialogs.form_dialog import add_rows
from satellitkontor.gui.widgets.date_fields import date_edit, keep_in_order

#: (the caption with its mnemonic, the name a screen reader says)
Texts = tuple[str, str]


class DateRangeForm:
    def __init__(
        self,
        today: dt.date,
        *,
        prefix: str,
        from_texts: Texts,
        to_texts: Texts,
        reason_texts: Texts,
        placeholder: str,
    ) -> None:
        self.from_edit = date_edit(f"{prefix}From", from_texts[1], today)
        self.to_edit = date_edit(f"{prefix}To", to_texts[1], today)
        keep_in_order(self.from_edit, self.to_edit)
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName(f"{prefix}Reason")
        self.reason_edit.setAccessibleName(reason_texts[1])
        self.reason_edit.setPlaceholderText(placeholder)
        self.reason_edit.setMaxLength(200)
        self.layout = QFormLayout()
        add_rows(
            self.layout,
            (
                (from_texts[0], self.from_edit),
                (to_texts[0], self.to_edit),
                (reason_texts[0], self.reason_edit),
            ),
        )
