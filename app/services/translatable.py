"""``QT_TRANSLATE_NOOP`` without Qt, and typed: marks an English text for the translation
tool, which reads this name in the source, and returns the text unchanged.

The counter window translates marked texts later with ``QCoreApplication.translate``;
Qt-free modules (the error catalogue) mark their texts the same way.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """``text``, marked for translation in ``context``."""
    return text
