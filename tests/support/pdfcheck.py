"""Reading generated PDFs back in tests: text, page sizes, where each string ends."""

from __future__ import annotations

import io
from dataclasses import dataclass

from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth


@dataclass(frozen=True)
class Run:
    """One string as drawn: its left edge and right edge in points."""

    text: str
    font: str
    left: float
    right: float


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    text: str
    runs: tuple[Run, ...]


def read_pdf(pdf: bytes) -> list[Page]:
    pages = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        runs: list[Run] = []

        def visit(text: str, cm: list[float], tm: list[float], font: object, size: float,
                  runs: list[Run] = runs) -> None:
            text = text.strip()
            if not text or not isinstance(font, dict):
                return
            a, _, _, _, e, f = tm
            ca, _, cc, _, ce, _ = cm
            left = e * ca + f * cc + ce
            scale = a * ca
            name = str(font["/BaseFont"]).lstrip("/")
            runs.append(Run(text, name, left, left + stringWidth(text, name, size * scale)))

        text = page.extract_text(visitor_text=visit)
        pages.append(Page(float(page.mediabox.width), float(page.mediabox.height), text,
                          tuple(runs)))
    return pages


def text_of(pdf: bytes) -> str:
    """All text, with line breaks and runs of spaces folded to single spaces."""
    return " ".join(" ".join(page.text.split()) for page in read_pdf(pdf))
