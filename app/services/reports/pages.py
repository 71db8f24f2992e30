"""Page furniture of the reports: "halaman 1 dari 2" footers and a running head.

The total page count is known only once the story is laid out, so the canvas keeps
each page's state and draws the furniture when the document is saved.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas


def numbered_canvas(footer: str, running_head: str, margin: float) -> type[Canvas]:
    """A canvas class for ``SimpleDocTemplate.build(canvasmaker=...)``: every page gets
    ``footer`` and "halaman N dari M"; pages after the first get ``running_head``."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._saved: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._saved.append(dict(self.__dict__))
            self._startPage()  # type: ignore[attr-defined]

        def save(self) -> None:
            total = len(self._saved)
            for state in self._saved:
                self.__dict__.update(state)
                self._furniture(total)
                super().showPage()
            super().save()

        def _furniture(self, total: int) -> None:
            width, height = getattr(self, "_pagesize")  # noqa: B009 (not in the stubs)
            page = self.getPageNumber()
            self.saveState()
            self.setFont("Helvetica", 7.5)
            self.drawString(margin, 8 * mm, footer)
            self.drawRightString(width - margin, 8 * mm, f"halaman {page} dari {total}")
            if page > 1 and running_head:
                top = height - 9 * mm
                self.drawString(margin, top, running_head)
                self.setLineWidth(0.4)
                self.line(margin, top - 2, width - margin, top - 2)
            self.restoreState()

    return NumberedCanvas
