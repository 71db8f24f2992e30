"""Domain errors in the cashier's words: the catalogue's sentence for the error's code
(``app.services.errors.TEXTS``), translated into the UI language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.services.errors import TEXTS, DomainError, render
from app.services.findings import Finding
from app.services.terms_problems import TermsInvalid
from app.ui.finding_text import finding_text
from app.ui.i18n import current_language
from app.ui.sync.problem_text import translated_params

_CONTEXT = "Errors"


def error_text(error: DomainError) -> str:
    """The cashier's sentence for ``error``, in the UI language."""
    source = TEXTS.get(error.code)
    if source is None:
        return error.message
    template = QCoreApplication.translate(_CONTEXT, source)
    params = translated_params(error.code, {
        name: finding_text(value) if isinstance(value, Finding) else value
        for name, value in error.params.items()})
    if isinstance(error, TermsInvalid):
        params["problem"] = "; ".join(p.in_language(current_language())
                                      for p in error.problems)
    return render(template, error.code, params) or error.message
