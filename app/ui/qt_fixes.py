"""Work-arounds for defects of the Qt binding, installed once when ``app.ui`` is imported.

PySide6 6.12.0: every ``SignalInstance.emit()`` called from Python hands back ``True``
without owning a reference to it, so each emit drains one reference from ``True``.
After enough emits (keystrokes in an amount field, finished background tasks) the
interpreter aborts with "Fatal Python error: bool_dealloc" — at the latest when it
exits. :func:`install_emit_fix` measures the loss with a probe and, only if there is
one, wraps ``emit`` so that the missing references are added back. An extra
reference to ``True`` costs nothing, so the wrapper stays harmless if the defect is
fixed underneath.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance

PROBE_EMITS = 64
_state = {"installed": False}


class _Probe(QObject):
    ping = Signal()


def true_references_lost_per_emit(emits: int = PROBE_EMITS) -> int:
    """How many references to ``True`` one ``emit()`` from Python loses (0 when sound)."""
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(emits):
        probe.ping.emit()
    lost = max(0, before - sys.getrefcount(True))
    _add_references(lost)  # the probe's own emits must not drain True either
    return round(lost / emits)


def _add_references(count: int) -> None:
    add_reference = ctypes.pythonapi.Py_IncRef
    add_reference.argtypes = [ctypes.py_object]
    add_reference.restype = None
    for _ in range(count):
        add_reference(True)


def install_emit_fix() -> bool:
    """Wrap ``SignalInstance.emit`` if emitting loses references; True when installed."""
    if _state["installed"]:
        return True
    lost = true_references_lost_per_emit()
    if lost == 0:
        return False
    original = SignalInstance.emit
    add_reference = ctypes.pythonapi.Py_IncRef
    add_reference.argtypes = [ctypes.py_object]
    add_reference.restype = None

    def emit(self: SignalInstance, *args: Any) -> Any:
        result = original(self, *args)
        if result is True:
            for _ in range(lost):
                add_reference(result)
        return result

    SignalInstance.emit = emit  # type: ignore[method-assign]
    _state["installed"] = True
    return True
