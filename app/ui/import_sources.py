"""Not keeping the source text PySide6 reads of every module imported after it.

For its ``__feature__`` switches PySide6 looks at each module imported after itself —
does its source mention PySide6? — through ``inspect.getsource``, which keeps every
source file read in :mod:`linecache` for good: run from the sources, the counter
window's modules and their libraries (SQLAlchemy, reportlab, …) held about 25 MB of
text lines that nothing reads again. :func:`forget_import_sources` lets PySide6 look
as before and forgets the text it read; a traceback reads the lines again when it needs
them. The frozen bundle carries no sources, so there PySide6 reads nothing.
"""

from __future__ import annotations

import linecache
from collections.abc import Callable
from types import ModuleType
from typing import Any

_installed: list[bool] = []


def forget_import_sources() -> bool:
    """From now on drop what PySide6 reads at each import from :mod:`linecache`, and
    forget what it read so far; False when this PySide6 does not look at sources."""
    if _installed:
        return _installed[0]
    import PySide6.QtCore  # noqa: F401  (sets up PySide6's import hook)

    try:
        from shibokensupport import feature  # type: ignore[import-not-found]
    except ImportError:
        feature = None
    looks: Callable[[ModuleType], Any] | None = getattr(feature, "_mod_uses_pyside", None)
    if looks is None:
        _installed.append(False)
        return False

    def looks_and_forgets(module: ModuleType) -> Any:
        kept = len(linecache.cache)
        try:
            return looks(module)
        finally:
            for name in list(linecache.cache)[kept:]:  # what this look added
                linecache.cache.pop(name, None)

    feature._mod_uses_pyside = looks_and_forgets
    linecache.clearcache()
    _installed.append(True)
    return True
