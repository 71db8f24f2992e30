"""The evaluation's PDF and workbook, kept per evaluation made: a second download of
the same figures (another manager, the same meeting) is not drawn again.

reportlab and openpyxl are loaded on the first download, not when head office starts.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable

from headoffice.evaluation.figures import Evaluation

KINDS = ("pdf", "xlsx")
SIZE = 8  # files kept
_lock = threading.Lock()
_files: OrderedDict[Hashable, bytes] = OrderedDict()


def exported(e: Evaluation, kind: str) -> bytes:
    """The evaluation ``e`` as a PDF (``kind`` "pdf") or a workbook ("xlsx")."""
    if kind not in KINDS:
        raise ValueError(f"no export of kind {kind!r}")
    key = (kind, e.programme_code, e.programme_version, e.date_from, e.date_to, e.branch,
           e.made_at, e.campaign)
    with _lock:
        found = _files.get(key)
        if found is not None:
            _files.move_to_end(key)
            return found
    if kind == "pdf":
        from headoffice.evaluation.export_pdf import evaluation_pdf
        made = evaluation_pdf(e)
    else:
        from headoffice.evaluation.export_xlsx import evaluation_xlsx
        made = evaluation_xlsx(e)
    with _lock:
        _files[key] = made
        while len(_files) > SIZE:
            _files.popitem(last=False)
    return made


def clear() -> None:
    """Forget the files kept (benchmarks measure the drawing this way)."""
    with _lock:
        _files.clear()
