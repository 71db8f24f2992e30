"""Signals emitted from Python must not eat references to ``True`` (PySide6 6.12.0 defect)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

import app.ui  # noqa: F401  (installs the fix)
from app.ui.qt_fixes import true_references_lost_per_emit


class Sender(QObject):
    changed = Signal(object)
    pinged = Signal()


def test_emitting_leaves_true_alone() -> None:
    sender = Sender()
    received: list[object] = []
    sender.changed.connect(received.append)
    before = sys.getrefcount(True)
    for i in range(5000):
        sender.changed.emit(i)
        sender.pinged.emit()
    assert abs(sys.getrefcount(True) - before) <= 2  # not one per emit (10,000 emits)
    assert len(received) == 5000


def test_the_probe_sees_no_leak_once_fixed() -> None:
    assert true_references_lost_per_emit() == 0
