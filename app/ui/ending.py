"""The end of a run: background work ends before the branch database closes.

Reads still running after :data:`TASK_WAIT_MS` are abandoned; a write under way (a
payment, a sync step: each one transaction) is finished first, and if that takes more
than a moment a note says so while the window is already gone.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel

from app.bootstrap import BranchDatabase
from app.ui.tasks import TaskRunner

TASK_WAIT_MS = 5000  # what a task still reads after this is abandoned
NOTE_AFTER_S = 0.5  # a write that ends sooner is not spoken of
TURN_S = 0.05  # the note is painted again this often while the write is waited for


class FinishingNote(QLabel):
    """Says that Loket is finishing the work under way before it closes."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("finishingNote")
        self.setWindowTitle("Loket")
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint)
        self.setText(self.tr("Loket is finishing the work under way (a payment or a sync "
                             "step) before it closes …"))
        self.setWordWrap(True)
        self.setMargin(24)
        self.setMinimumWidth(420)
        self.adjustSize()
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            self.move(screen.availableGeometry().center() - self.rect().center())


def finish_and_close(branch: BranchDatabase, tasks: TaskRunner, *,
                     task_wait_ms: int = TASK_WAIT_MS) -> None:
    """Give the running tasks ``task_wait_ms`` to end, finish the writes still under way
    (with :class:`FinishingNote` shown after a moment), then close ``branch``."""
    tasks.stop()  # the screens are closed: what a task reports now is told to no one
    tasks.wait(task_wait_ms)
    if not branch.writes_ended(NOTE_AFTER_S):
        note = FinishingNote()
        note.show()
        try:
            while not branch.writes_ended(TURN_S):
                QCoreApplication.processEvents(
                    QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        finally:
            note.close()
            note.deleteLater()
    branch.close()
