"""The programme evaluation page (placeholder until the evaluation is built)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Request
from fastapi.responses import Response

from headoffice.console.staff import SignedIn
from headoffice.console.web import render, viewer_with

router = APIRouter()


@router.get("/evaluation")
def evaluation(request: Request,
               who: Annotated[SignedIn, viewer_with("evaluation.view")]) -> Response:
    return render(request, who, "evaluation.html", title="Evaluasi program")
