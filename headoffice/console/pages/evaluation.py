"""The programme evaluation: filters (programme, date range, branch), the targets, the
daily trend and the branches compared as SVG, the tables per branch, kecamatan and
kelurahan, and the same evaluation as PDF or XLSX (``headoffice.evaluation``)."""

from __future__ import annotations

import base64
import datetime as dt
import re
import urllib.parse
from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, HTTPException, Query, Request
from fastapi.responses import Response

from headoffice.console.staff import SignedIn
from headoffice.console.web import SECURITY_HEADERS, database, render, viewer_with
from headoffice.evaluation.cache import Kept
from headoffice.evaluation.chart_svg import branches_svg, trend_svg
from headoffice.evaluation.columns import SCREEN_COLUMNS
from headoffice.evaluation.figures import Evaluation
from headoffice.evaluation.files import exported
from headoffice.evaluation.service import EvaluationRefused, newest_evaluation, programmes
from headoffice.evaluation.text import share, summary_rows
from headoffice.masterdata import list_branches

router = APIRouter()
REFUSALS = {
    "date_invalid": "Tanggal akhir sebelum tanggal awal, atau rentang lebih dari 10 tahun.",
    "unknown_branch": "Cabang itu tidak dikenal.",
    "programme_not_found": "Program itu tidak dikenal.",
}
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class Filters:
    programme: str
    date_from: str
    date_to: str
    branch: str

    def query(self) -> str:
        """The filters as a query string, for the export links."""
        return urllib.parse.urlencode({"programme": self.programme, "from": self.date_from,
                                       "to": self.date_to, "branch": self.branch})


def _filters(programme: str, date_from: str, date_to: str, branch: str) -> Filters:
    return Filters(programme.strip()[:40], date_from.strip()[:10], date_to.strip()[:10],
                   branch.strip()[:16].upper())


def _evaluate(request: Request, f: Filters, later: BackgroundTasks
              ) -> tuple[Kept[Evaluation] | None, str]:
    """The newest evaluation (after a change: the one made before, while ``later`` makes
    it anew once the page has answered), or the reason it was refused (in Indonesian)."""
    try:
        start = dt.date.fromisoformat(f.date_from) if f.date_from else None
        end = dt.date.fromisoformat(f.date_to) if f.date_to else None
    except ValueError:
        return None, "Tanggal tidak valid: tulis seperti 2025-11-17."
    db = database(request)
    try:
        with db.reading() as session:
            return newest_evaluation(session, db, later.add_task, f.programme or None, start,
                                     end, f.branch or None), ""
    except EvaluationRefused as refused:
        return None, REFUSALS[refused.code]


def _svg(source: str) -> str:
    """An SVG as a ``data:`` address for ``<img>`` (the page keeps no markup of its own
    unescaped)."""
    return "data:image/svg+xml;base64," + base64.b64encode(source.encode()).decode()


FromQuery = Annotated[str, Query(alias="from")]
ToQuery = Annotated[str, Query(alias="to")]


@router.get("/evaluation")
def evaluation_page(request: Request, who: Annotated[SignedIn, viewer_with("evaluation.view")],
                    background: BackgroundTasks, programme: str = "",
                    date_from: FromQuery = "", date_to: ToQuery = "",
                    branch: str = "") -> Response:
    chosen = _filters(programme, date_from, date_to, branch)
    kept, refusal = _evaluate(request, chosen, background)
    evaluation = kept.value if kept else None
    with database(request).reading() as session:
        known = [(t.code, t.name) for t in programmes(session)]
        branches = [(b.code, b.name) for b in list_branches(session)]
    charts = {}
    if evaluation is not None:
        charts = {"trend": _svg(trend_svg(evaluation.by_day)),
                  "branches": _svg(branches_svg(evaluation.by_branch))}
    return render(request, who, "evaluation.html", title="Evaluasi program",
                  evaluation=evaluation, current=kept is None or kept.current,
                  refusal=refusal, filters=chosen, programmes=known,
                  branches=branches, charts=charts, columns=SCREEN_COLUMNS,
                  summary=summary_rows(evaluation) if evaluation else [], share=share)


@router.get("/evaluation.{kind}")
def evaluation_file(request: Request, kind: str,
                    who: Annotated[SignedIn, viewer_with("evaluation.view")],
                    background: BackgroundTasks, programme: str = "",
                    date_from: FromQuery = "", date_to: ToQuery = "",
                    branch: str = "") -> Response:
    """The evaluation shown (the same figures as the page) as a PDF (``kind`` pdf) or a
    workbook (xlsx) to download."""
    if kind not in ("pdf", "xlsx"):
        raise HTTPException(404)
    chosen = _filters(programme, date_from, date_to, branch)
    kept, refusal = _evaluate(request, chosen, background)
    if kept is None:
        return render(request, who, "evaluation.html", status=400, title="Evaluasi program",
                      evaluation=None, current=True, refusal=refusal, filters=chosen,
                      programmes=[], branches=[], charts={}, columns=SCREEN_COLUMNS,
                      summary=[], share=share)
    evaluation = kept.value
    name = (f"evaluasi-{evaluation.programme_code.lower()}-{evaluation.date_from}-"
            f"{evaluation.date_to}{'-' + evaluation.branch.lower() if evaluation.branch else ''}")
    name = re.sub(r"[^a-z0-9.-]", "_", name)
    body = exported(evaluation, kind)
    media = "application/pdf" if kind == "pdf" else XLSX
    return Response(body, media_type=media, headers={
        **SECURITY_HEADERS, "Content-Disposition": f'attachment; filename="{name}.{kind}"'})
