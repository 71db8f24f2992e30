"""Files shipped with Loket (promotion terms, translations, icons) under ``resources/``.

From the source tree they sit beside the ``app`` package; in a frozen bundle
(PyInstaller) they are unpacked under ``sys._MEIPASS``.
"""

from __future__ import annotations

import sys
from pathlib import Path

SOURCE_ROOT = Path(__file__).resolve().parents[2]


def bundle_root() -> Path:
    """The folder holding ``resources/``: the frozen bundle's, else the source tree's."""
    frozen = getattr(sys, "_MEIPASS", None)
    return Path(frozen) if frozen else SOURCE_ROOT


def resource_path(*parts: str) -> Path:
    """``resources/<parts…>`` wherever Loket runs from."""
    return bundle_root().joinpath("resources", *parts)


def is_frozen() -> bool:
    """Whether Loket runs from a frozen bundle rather than from its sources."""
    return bool(getattr(sys, "frozen", False))
