"""The details inside sync errors, in the UI language (``app.services.sync.problem_words``
holds the words and the rules; this module translates them with Qt)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from app.services.errors import ErrorCode
from app.services.sync import problem_words
from app.ui.i18n import current_language


def _tr(text: str) -> str:
    return QCoreApplication.translate(problem_words.CONTEXT, text)


def translated_params(code: ErrorCode, params: dict[str, Any]) -> dict[str, Any]:
    """``params`` of a sync error with ``problem`` put into the UI language."""
    return problem_words.translated_params(code, params, _tr, current_language() == "en")
