"""The details inside sync errors, in a language (Qt-free).

The sync services describe what went wrong with the link in English words (``problem``:
"nothing answers at https://…", "the connection was cut" …) and pass head office's
refusal code. :func:`translated_params` turns the details a user can meet into another
language with the ``translate`` it is given (the window's Qt translation, or
:data:`INDONESIAN` for the admin command line, the same words: a test keeps them equal);
a technical detail without a translation (a malformed answer's inner workings) is
replaced by a general phrase and kept in the log, so no English sentence ends up inside
an Indonesian message.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any

from app.services.errors import ErrorCode
from app.services.translatable import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)
CONTEXT = "SyncProblems"
SYNC_CODES = {ErrorCode.SYNC_UNREACHABLE, ErrorCode.SYNC_BAD_RESPONSE, ErrorCode.SYNC_REFUSED}
Translate = Callable[[str], str]

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


# The same in Bahasa Indonesia, for the admin command line (the window's words).
INDONESIAN: dict[str, str] = {
    "nothing answers at {address}": "tidak ada yang menjawab di {address}",
    "no answer within {seconds} seconds": "tidak ada jawaban dalam {seconds} detik",
    "the connection was cut": "sambungan terputus",
    "the link is too slow: {size} bytes in {seconds} seconds":
        "sambungan terlalu lambat: {size} byte dalam {seconds} detik",
    "secure connection failed ({reason})": "sambungan aman gagal ({reason})",
    "the CA file {file} cannot be used": "berkas sertifikat {file} tidak dapat dipakai",
    "'{address}' is not an http(s) address": "'{address}' bukan alamat http(s)",
    "head office failed: {detail}": "server pusat sedang bermasalah: {detail}",
    "the answer was cut off": "jawaban terpotong",
    "the compressed answer is damaged": "jawaban yang dimampatkan rusak",
    "the compressed answer is cut off": "jawaban yang dimampatkan terpotong",
    "the answer is too large": "jawaban terlalu besar",
    "the answer is not complete JSON": "jawaban tidak lengkap",
    "the request is too large": "kiriman terlalu besar",
    "this counter belongs to another branch": "loket ini terdaftar di cabang lain",
    "the request does not follow the sync protocol": "kiriman tidak sesuai protokol sinkron",
    "head office does not know this request": "server pusat tidak mengenal permintaan ini",
    "head office's data was reset": "data server pusat telah diatur ulang",
    "an answer Loket does not understand": "jawaban yang tidak dipahami Loket",
    "code {code}, HTTP {status}": "kode {code}, HTTP {status}",
}


def problem_text(problem: str, translate: Translate, english: bool) -> str | None:
    """The service's English ``problem`` in the words of ``translate``; None if it is not
    known. ``english``: the language is English (a detail is then kept as it is)."""
    for pattern, template in _PROBLEMS:
        match = re.fullmatch(pattern, problem.strip(), flags=re.DOTALL)
        if match is not None:
            fields = {k: v for k, v in match.groupdict().items() if v is not None}
            if "detail" in fields:
                detail = fields["detail"]
                fields["detail"] = problem_text(detail, translate, english) or (
                    detail if english else _http_status(detail) or translate(_UNKNOWN))
            return translate(template).format(**fields)
    return None


def _http_status(text: str) -> str | None:
    """``HTTP 503`` out of head office's words, if they name one."""
    match = re.search(r"HTTP \d{3}", text)
    return match.group(0) if match else None


def translated_params(code: ErrorCode, params: dict[str, Any], translate: Translate,
                      english: bool) -> dict[str, Any]:
    """``params`` of a sync error with ``problem`` put into the words of ``translate``."""
    if code not in SYNC_CODES or not isinstance(params.get("problem"), str):
        return params
    problem: str = params["problem"]
    text = problem_text(problem, translate, english)
    if text is None and english:
        return params  # the service's and head office's own words are English already
    if text is None and code is ErrorCode.SYNC_REFUSED and params.get("error"):
        refusal = _REFUSALS.get(str(params["error"]))
        text = translate(refusal) if refusal else translate(_REFUSED).format(
            code=params["error"], status=params.get("status", "?"))
    if text is None:
        log.info("sync problem shown in general words: %s", problem)
        status = _http_status(problem)
        text = f"{translate(_UNKNOWN)} ({status})" if status else translate(_UNKNOWN)
    return {**params, "problem": text}


def indonesian(text: str) -> str:
    """``text`` (one of the English templates above) in Bahasa Indonesia."""
    return INDONESIAN.get(text, text)
