"""A progress dialog for work running off the UI thread (backups, restores); the work
hands it its progress with :func:`app.ui.tasks.in_ui_thread`."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from app.ui.kit.widgets import named


class ProgressDialog(QDialog):
    """A step text and a bar for work running off the UI thread; optionally a Cancel button."""

    cancel_requested = Signal()

    def __init__(self, name: str, title: str, text: str, parent: QWidget | None = None,
                 *, cancellable: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.closing = False
        self.text = named(QLabel(text, self), f"{name}Text")
        self.text.setWordWrap(True)
        self.bar = named(QProgressBar(self), f"{name}Bar")
        self.bar.setRange(0, 0)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.bar)
        self.cancel: QPushButton | None = None
        if cancellable:
            self.cancel = named(QPushButton(self.tr("Cancel"), self), f"{name}Cancel")
            self.cancel.clicked.connect(self.reject)
            layout.addWidget(self.cancel, 0, Qt.AlignmentFlag.AlignRight)

    def set_step(self, text: str) -> None:
        self.text.setText(text)
        self.bar.setRange(0, 0)

    def set_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))

    def reject(self) -> None:
        """Esc or Cancel asks the work to stop; without a Cancel button it must finish."""
        if self.cancel is not None and self.cancel.isEnabled():
            self.cancel.setEnabled(False)
            self.text.setText(self.tr("Stopping…"))
            self.cancel_requested.emit()

    def finish(self) -> None:
        self.closing = True
        self.hide()
        self.deleteLater()

