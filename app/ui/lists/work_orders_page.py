"""Seal work orders."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.ui.context import UiContext


class WorkOrdersPage(QWidget):
    """Seal work orders; ``refresh()`` reloads it in the background."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        QVBoxLayout(self)

    def refresh(self) -> None:
        """Reload the list."""
