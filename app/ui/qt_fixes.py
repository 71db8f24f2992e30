"""Work-arounds for defects of the Qt binding, applied once per process.

PySide6 6.12.0: every ``SignalInstance.emit()`` called from Python gives back ``True``
without owning a reference to it, so each emit drains one reference from ``True``.
After enough emits (keystrokes in an amount field, finished background tasks) the
interpreter aborts with "Fatal Python error: bool_dealloc" — at the latest when it
exits. :func:`apply` detects the defect with a probe and, only if it is present, wraps
``emit`` so that the missing reference is added back. An extra reference to ``True``
costs nothing, so the wrapper stays harmless if the defect is ever fixed underneath.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance

PROBE_EMITS = 16
_state = {"applied": False}


class _Probe(QObject):
    ping = Signal()


def emit_loses_a_reference() -> bool:
    """Whether ``emit()`` drains references from ``True`` in this binding."""
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(PROBE_EMITS):
        probe.ping.emit()
    return before - sys.getrefcount(True) >= PROBE_EMITS // 2


def apply() -> bool:
    """Install the ``emit`` wrapper if the defect is present; True when it is in place."""
    if _state["applied"]:
        return True
    if not emit_loses_a_reference():
        return False
    original = SignalInstance.emit
    add_reference = ctypes.pythonapi.Py_IncRef
    add_reference.argtypes = [ctypes.py_object]
    add_reference.restype = None

    def emit(self: SignalInstance, *args: Any) -> Any:
        result = original(self, *args)
        if isinstance(result, bool):
            add_reference(result)
        return result

    SignalInstance.emit = emit  # type: ignore[method-assign]
    _state["applied"] = True
    return True
