"""Overdue instalments (collection calls)."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.ui.context import UiContext


class OverduePage(QWidget):
    """Overdue instalments (collection calls); ``refresh()`` reloads it in the background."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        QVBoxLayout(self)

    def refresh(self) -> None:
        """Reload the list."""
