"""The details inside sync errors, in the UI language.

The sync services describe what went wrong with the link in English words (``problem``:
"nothing answers at https://…", "the connection was cut" …) and pass head office's
refusal code. :func:`translated_params` turns the details the cashier can meet into the
UI language; a technical detail without a translation (a malformed answer's inner
workings) is replaced by a general phrase and kept in the log, so no English sentence
ends up inside an Indonesian message.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.services.errors import ErrorCode
from app.ui.i18n import current_language

log = logging.getLogger(__name__)
_CONTEXT = "SyncProblems"
SYNC_CODES = {ErrorCode.SYNC_UNREACHABLE, ErrorCode.SYNC_BAD_RESPONSE, ErrorCode.SYNC_REFUSED}

# (pattern of the service's English detail, its translatable template)
_PROBLEMS: tuple[tuple[str, str], ...] = (
    (r"nothing answers at (?P<address>\S+)",
     QT_TRANSLATE_NOOP("SyncProblems", "nothing answers at {address}")),
    (r"no answer within (?P<seconds>[\d.]+) seconds",
     QT_TRANSLATE_NOOP("SyncProblems", "no answer within {seconds} seconds")),
    (r"the connection was cut", QT_TRANSLATE_NOOP("SyncProblems", "the connection was cut")),
    (r"the link is too slow: (?P<size>[\d,.]+) bytes in (?P<seconds>\d+) seconds",
     QT_TRANSLATE_NOOP("SyncProblems", "the link is too slow: {size} bytes in {seconds} "
                                       "seconds")),
    (r"secure connection failed \((?P<reason>.*)\)",
     QT_TRANSLATE_NOOP("SyncProblems", "secure connection failed ({reason})")),
    (r"the CA file (?P<file>.+) cannot be used",
     QT_TRANSLATE_NOOP("SyncProblems", "the CA file {file} cannot be used")),
    (r"'(?P<address>.*)' is not an http\(s\) address",
     QT_TRANSLATE_NOOP("SyncProblems", "'{address}' is not an http(s) address")),
    (r"head office failed: (?P<detail>.*)",
     QT_TRANSLATE_NOOP("SyncProblems", "head office failed: {detail}")),
    (r"the answer was cut off", QT_TRANSLATE_NOOP("SyncProblems", "the answer was cut off")),
    (r"the compressed answer is damaged",
     QT_TRANSLATE_NOOP("SyncProblems", "the compressed answer is damaged")),
    (r"the compressed answer is cut off",
     QT_TRANSLATE_NOOP("SyncProblems", "the compressed answer is cut off")),
    (r"the answer is too large", QT_TRANSLATE_NOOP("SyncProblems", "the answer is too large")),
    (r"the answer is not complete JSON",
     QT_TRANSLATE_NOOP("SyncProblems", "the answer is not complete JSON")),
    (r"the request is too large",
     QT_TRANSLATE_NOOP("SyncProblems", "the request is too large")),
)
# Head office's refusal codes (``error`` of a refusal) in words.
_REFUSALS: dict[str, str] = {
    "wrong_branch": QT_TRANSLATE_NOOP("SyncProblems", "this counter belongs to another branch"),
    "bad_body": QT_TRANSLATE_NOOP("SyncProblems", "the request does not follow the sync "
                                                  "protocol"),
    "body_too_large": QT_TRANSLATE_NOOP("SyncProblems", "the request is too large"),
    "not_found": QT_TRANSLATE_NOOP("SyncProblems", "head office does not know this request"),
    "epoch_changed": QT_TRANSLATE_NOOP("SyncProblems", "head office's data was reset"),
}
_UNKNOWN = QT_TRANSLATE_NOOP("SyncProblems", "an answer Loket does not understand")
_REFUSED = QT_TRANSLATE_NOOP("SyncProblems", "code {code}, HTTP {status}")


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def problem_text(problem: str) -> str | None:
    """The service's English ``problem`` in the UI language; None if it is not known."""
    for pattern, template in _PROBLEMS:
        match = re.fullmatch(pattern, problem.strip(), flags=re.DOTALL)
        if match is not None:
            fields = {k: v for k, v in match.groupdict().items() if v is not None}
            if "detail" in fields:
                detail = fields["detail"]
                fields["detail"] = problem_text(detail) or (
                    detail if current_language() == "en"
                    else _http_status(detail) or _tr(_UNKNOWN))
            return _tr(template).format(**fields)
    return None


def _http_status(text: str) -> str | None:
    """``HTTP 503`` out of head office's words, if they name one."""
    match = re.search(r"HTTP \d{3}", text)
    return match.group(0) if match else None


def translated_params(code: ErrorCode, params: dict[str, Any]) -> dict[str, Any]:
    """``params`` of a sync error with ``problem`` put into the UI language."""
    if code not in SYNC_CODES or not isinstance(params.get("problem"), str):
        return params
    problem: str = params["problem"]
    text = problem_text(problem)
    if text is None and current_language() == "en":
        return params  # the service's and head office's own words are English already
    if text is None and code is ErrorCode.SYNC_REFUSED and params.get("error"):
        refusal = _REFUSALS.get(str(params["error"]))
        text = _tr(refusal) if refusal else _tr(_REFUSED).format(
            code=params["error"], status=params.get("status", "?"))
    if text is None:
        log.info("sync problem shown in general words: %s", problem)
        status = _http_status(problem)
        text = f"{_tr(_UNKNOWN)} ({status})" if status else _tr(_UNKNOWN)
    return {**params, "problem": text}
