"""A date field that takes dates the way cashiers type them: ``31122025``, ``31/12/2025``,
``5/1/2026``, ``5-1-2026``, ``5.1.2026`` or ``311225``.

It is a line edit, not a ``QDateEdit``: entering it with Tab or Shift+Tab selects the
whole date, so the digits typed replace it from the day on (a ``QDateEdit`` entered
backwards lands in the year and turns ``31122025`` into the year 3112). The date is
read when the cashier presses Enter or leaves the field; a date that cannot be meant
(no such day, or outside the field's range) is refused with a sentence saying what to
type; what was typed stays, selected, to be typed over, and ``value()`` keeps the last
good date.
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QRegularExpression, Signal
from PySide6.QtGui import QFocusEvent, QRegularExpressionValidator
from PySide6.QtWidgets import QLineEdit, QWidget

from app.ui.i18n import format_date

FIRST_DAY = dt.date(2000, 1, 1)
YEARS_AHEAD = 5
_SEPARATED = re.compile(r"^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{2}|\d{4})$")
_DIGITS = re.compile(r"^(\d{2})(\d{2})(\d{2}|\d{4})$")


def parse_day(text: str) -> dt.date | None:
    """``31122025`` / ``31/12/2025`` / ``5-1-26`` → a date (two-digit years are 20xx);
    ``None`` when the text is no calendar day."""
    text = text.strip()
    match = _SEPARATED.match(text) or _DIGITS.match(text)
    if match is None:
        return None
    day, month, year = (int(part) for part in match.groups())
    if len(match.group(3)) == 2:
        year += 2000
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


class DateField(QLineEdit):
    """``dd/MM/yyyy``; ``value()`` is a ``datetime.date``.

    ``dateChanged`` (a ``datetime.date``) when a new date is accepted; ``refused`` (the
    sentence to show) when what was typed is no date the field takes.
    """

    dateChanged = Signal(object)
    refused = Signal(str)

    def __init__(self, day: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._value = day
        self.first, self.last = FIRST_DAY, day.replace(year=day.year + YEARS_AHEAD)
        self.problem = ""
        self.setValidator(QRegularExpressionValidator(
            QRegularExpression(r"[0-9/.\- ]{0,10}"), self))
        self.setPlaceholderText("dd/mm/yyyy")
        self.setMaxLength(10)
        self.set_value(day)
        self.editingFinished.connect(self.commit)

    def value(self) -> dt.date:
        return self._value

    def set_value(self, day: dt.date) -> None:
        """Show ``day``; emits ``dateChanged`` when it differs from the date shown before."""
        changed = day != self._value
        self._value = day
        self.setText(f"{day:%d/%m/%Y}")
        self._clear_problem()
        if changed:
            self.dateChanged.emit(day)

    def set_range(self, first: dt.date, last: dt.date) -> None:
        """The dates the field accepts (inclusive)."""
        self.first, self.last = first, last

    def commit(self) -> bool:
        """Read what was typed: accept it, or refuse it (``value()`` stays as it was)."""
        day = parse_day(self.text())
        if day is not None and self.first <= day <= self.last:
            self.set_value(day)
            return True
        self.problem = self.tr(
            "\"{typed}\" is not a date this field takes: type day, month and year, for "
            "example {example}, between {first} and {last}.").format(
            typed=self.text().strip(), example=f"{self._value:%d%m%Y}",
            first=format_date(self.first), last=format_date(self.last))
        self.setProperty("state", "error")
        self.setToolTip(self.problem)
        self.selectAll()
        self.refused.emit(self.problem)
        return False

    def _clear_problem(self) -> None:
        if self.problem:
            self.problem = ""
            self.setProperty("state", None)
            self.setToolTip("")

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Any way in (Tab, Shift+Tab, a click or a shortcut) selects the whole date."""
        super().focusInEvent(event)
        self.selectAll()
