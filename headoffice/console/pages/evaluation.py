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

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response

from headoffice.console.staff import SignedIn
from headoffice.console.web import SECURITY_HEADERS, database, render, viewer_with
from headoffice.evaluation.chart_svg import branches_svg, trend_svg
from headoffice.evaluation.columns import SCREEN_COLUMNS
from headoffice.evaluation.figures import Evaluation
from headoffice.evaluation.service import EvaluationRefused, programme_evaluation, programmes
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


def _evaluate(request: Request, f: Filters) -> tuple[Evaluation | None, str]:
    """The evaluation, or the reason it was refused (in Bahasa Indonesia)."""
    try:
        start = dt.date.fromisoformat(f.date_from) if f.date_from else None
        end = dt.date.fromisoformat(f.date_to) if f.date_to else None
    except ValueError:
        return None, "Tanggal tidak valid: tulis seperti 2025-11-17."
    try:
        with database(request).reading() as session:
            return programme_evaluation(session, f.programme or None, start, end,
                                        f.branch or None), ""
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
                    programme: str = "", date_from: FromQuery = "", date_to: ToQuery = "",
                    branch: str = "") -> Response:
    chosen = _filters(programme, date_from, date_to, branch)
    evaluation, refusal = _evaluate(request, chosen)
    with database(request).reading() as session:
        known = [(t.code, t.name) for t in programmes(session)]
        branches = [(b.code, b.name) for b in list_branches(session)]
    charts = {}
    if evaluation is not None:
        charts = {"trend": _svg(trend_svg(evaluation.by_day)),
                  "branches": _svg(branches_svg(evaluation.by_branch))}
    return render(request, who, "evaluation.html", title="Evaluasi program",
                  evaluation=evaluation, refusal=refusal, filters=chosen, programmes=known,
                  branches=branches, charts=charts, columns=SCREEN_COLUMNS,
                  summary=summary_rows(evaluation) if evaluation else [], share=share)


@router.get("/evaluation.{kind}")
def evaluation_file(request: Request, kind: str,
                    who: Annotated[SignedIn, viewer_with("evaluation.view")],
                    programme: str = "", date_from: FromQuery = "", date_to: ToQuery = "",
                    branch: str = "") -> Response:
    """The evaluation shown as a PDF (``kind`` pdf) or a workbook (xlsx) to download."""
    if kind not in ("pdf", "xlsx"):
        raise HTTPException(404)
    return _export(request, who, _filters(programme, date_from, date_to, branch), kind)


def _export(request: Request, who: SignedIn, chosen: Filters, kind: str) -> Response:
    evaluation, refusal = _evaluate(request, chosen)
    if evaluation is None:
        return render(request, who, "evaluation.html", status=400, title="Evaluasi program",
                      evaluation=None, refusal=refusal, filters=chosen, programmes=[],
                      branches=[], charts={}, columns=SCREEN_COLUMNS, summary=[], share=share)
    name = (f"evaluasi-{evaluation.programme_code.lower()}-{evaluation.date_from}-"
            f"{evaluation.date_to}{'-' + evaluation.branch.lower() if evaluation.branch else ''}")
    name = re.sub(r"[^a-z0-9.-]", "_", name)
    if kind == "pdf":  # reportlab and openpyxl are loaded on the first download only
        from headoffice.evaluation.export_pdf import evaluation_pdf
        body, media = evaluation_pdf(evaluation), "application/pdf"
    else:
        from headoffice.evaluation.export_xlsx import evaluation_xlsx
        body, media = evaluation_xlsx(evaluation), XLSX
    return Response(body, media_type=media, headers={
        **SECURITY_HEADERS, "Content-Disposition": f'attachment; filename="{name}.{kind}"'})
