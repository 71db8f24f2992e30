"""No attribute of a counter-window widget hides a member of its Qt class.

An attribute named like a Qt signal or method (a table called ``rejected`` on a dialog,
a scroll area called ``scroll`` on a page) silently replaces it: ``dialog.rejected``
would no longer be the dialog's signal."""

from __future__ import annotations

from PySide6.QtCore import QObject, SignalInstance
from pytestqt.qtbot import QtBot

from app.bootstrap import BranchDatabase
from app.services.context import Actor
from app.ui.context import UiContext
from app.ui.main_window import MainWindow
from app.ui.sync.views import SyncReviewDialog


def hidden_members(thing: QObject) -> list[str]:
    """``Class.attribute`` for each instance attribute that hides a Qt class member
    (PySide keeps a signal once used in the instance too: that is the signal itself)."""
    qt_classes = [c for c in type(thing).__mro__ if c.__module__.startswith("PySide6")]
    return [f"{type(thing).__name__}.{name}" for name, value in vars(thing).items()
            if any(name in vars(c) for c in qt_classes)
            and not isinstance(value, SignalInstance)]  # Qt keeps a used signal there


def test_no_widget_hides_a_qt_signal_or_method(
        qtbot: QtBot, branch: BranchDatabase, cashier: Actor) -> None:
    ctx = UiContext(branch, actor=cashier, lang="en")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    review = SyncReviewDialog(ctx, parent=window)
    things = [window, review, *window.findChildren(QObject)]
    assert len(things) > 100  # the window, its pages, their widgets and models
    assert sorted({n for t in things for n in hidden_members(t)}) == []


def test_the_check_sees_a_hidden_member(qtbot: QtBot, branch: BranchDatabase,
                                        cashier: Actor) -> None:
    review = SyncReviewDialog(UiContext(branch, actor=cashier, lang="en"))
    qtbot.addWidget(review)
    review.rejected = review.rejected_table  # type: ignore[assignment,misc]
    assert hidden_members(review) == ["SyncReviewDialog.rejected"]
