"""A date field that takes dates the way cashiers type them: ``05/01/2026``, ``5/1/2026``,
``05012026``, ``5-1-2026`` or ``5.1.2026``; Tab moves on to the next field.

Plain ``QDateEdit`` jumps to the next part of the date as soon as the day is complete,
so a ``/`` typed right after ``05`` would skip the month; here that ``/`` is swallowed,
and Tab leaves the field instead of walking through day, month and year.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateEdit, QWidget

SEPARATORS = "/-."


class DateField(QDateEdit):
    """``dd/MM/yyyy`` with a calendar pop-up; ``value()`` is a ``datetime.date``."""

    def __init__(self, day: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("dd/MM/yyyy")
        self.set_value(day)
        self._advanced = False

    def value(self) -> dt.date:
        day = self.date()
        return dt.date(day.year(), day.month(), day.day())

    def set_value(self, day: dt.date) -> None:
        self.setDate(QDate(day.year, day.month, day.day))

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab leaves the field (``/`` and the arrow keys move between day, month, year)."""
        return QWidget.focusNextPrevChild(self, next)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if text and text in SEPARATORS:
            # After a complete day or month Qt has already moved on: swallow the separator.
            index = self.currentSectionIndex()
            if not self._advanced and index + 1 < self.sectionCount():
                self.setSelectedSection(self.sectionAt(index + 1))
            self._advanced = False
            event.accept()
            return
        before = self.currentSectionIndex()
        super().keyPressEvent(event)
        self._advanced = text.isdigit() and self.currentSectionIndex() != before
