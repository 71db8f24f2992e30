"""Work-around for a defect of the Qt for Python release Loket ships with (PySide6 6.12.0).

That release treats ``None`` and ``True`` as immortal, as they are from Python 3.12 on:
every Qt method without a result (``setText``, ``clear``, ``QTimer.start`` …) returns
``None`` without taking a reference to it, and every ``Signal.emit()`` does the same
with ``True``. On Python 3.11 each such call drains one reference, and after a few
thousand of them — minutes of a cashier's work — the interpreter aborts with "Fatal
Python error: none_dealloc" (or "bool_dealloc").

:func:`install_qt_fixes` does on 3.11 what 3.12 does: it gives ``None``, ``True`` and
``False`` a reference count so large that no day, year or decade of counter work can
drain it. These objects are never freed by a running interpreter anyway, so the extra
count changes nothing else. From Python 3.12 on it does nothing.
"""

from __future__ import annotations

import ctypes
import sys

IMMORTAL_CUSHION = 1 << 40  # about 10^12 calls before the count could reach zero
SINGLETONS = (None, True, False)
_state = {"installed": False}


def singletons_are_immortal() -> bool:
    """True when the interpreter itself keeps None/True/False alive (Python 3.12+)."""
    return sys.version_info >= (3, 12)


def install_qt_fixes() -> bool:
    """Make None/True/False immortal on Python 3.11; returns True if counts were raised."""
    if _state["installed"] or singletons_are_immortal():
        return False
    for obj in SINGLETONS:
        # CPython keeps ob_refcnt (a Py_ssize_t) at the start of every object.
        ctypes.c_ssize_t.from_address(id(obj)).value += IMMORTAL_CUSHION
    _state["installed"] = True
    return True
