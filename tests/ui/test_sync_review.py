"""The sync review window is a dialog like the others: Esc closes it and says so."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.ui.context import UiContext
from app.ui.sync.views import SyncReviewDialog


def test_escape_closes_the_review_through_its_rejected_signal(
        qtbot: QtBot, ctx: UiContext) -> None:
    review = SyncReviewDialog(ctx)
    qtbot.addWidget(review)
    review.show()
    assert review.rejected_rows() == []
    assert review.rejected_table.rowCount() == 0
    with qtbot.waitSignal(review.rejected, timeout=5000):  # the dialog's own signal
        qtbot.keyClick(review, Qt.Key.Key_Escape)
    assert not review.isVisible()
