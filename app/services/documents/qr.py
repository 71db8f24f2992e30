"""Fast QR drawing on a reportlab canvas: encode with ``segno``, draw raw PDF rectangles.

Two things make the usual route slow in pure Python: choosing the best of the eight
data masks (most of ``segno``'s time) and formatting thousands of floating-point
coordinates (most of reportlab's). Here the mask is fixed — every mask is valid and
readers decode them all; the choice only tunes looks — and the dark modules are
written as integer rectangles in module units, one per horizontal run, under a
single transformation matrix.
"""

from __future__ import annotations

from collections.abc import Sequence

import segno
from reportlab.pdfgen.canvas import Canvas

QUIET_ZONE = 4  # modules of white border the standard asks for around the symbol
_MASK = 2  # vertical stripes: cheap to draw as runs and reads well on thermal paper


def qr_matrix(data: str) -> tuple[tuple[bool, ...], ...]:
    """The QR symbol of ``data`` (error correction M, no quiet zone) as rows of modules."""
    code = segno.make_qr(data, error="m", boost_error=False, mask=_MASK)
    rows: Sequence[Sequence[int]] = code.matrix
    return tuple(tuple(bool(v) for v in row) for row in rows)


def modules_across(data: str) -> int:
    """Width of the symbol in modules, quiet zone included."""
    return len(qr_matrix(data)) + 2 * QUIET_ZONE


def draw_qr(canvas: Canvas, data: str, x: float, y: float, size: float) -> None:
    """Draw the QR code of ``data`` with its quiet zone in the square (x, y, size)
    (``x``, ``y`` = lower left corner, PDF units)."""
    draw_matrix(canvas, qr_matrix(data), x, y, size)


def draw_matrix(canvas: Canvas, matrix: Sequence[Sequence[bool]], x: float, y: float,
                size: float) -> None:
    """Draw a module matrix (quiet zone added around it) into the square (x, y, size)."""
    n = len(matrix)
    unit = size / (n + 2 * QUIET_ZONE)
    origin_x, origin_y = x + QUIET_ZONE * unit, y + QUIET_ZONE * unit
    ops = [f"q 0 g {unit:.4f} 0 0 {unit:.4f} {origin_x:.3f} {origin_y:.3f} cm"]
    for r, row in enumerate(matrix):
        top = n - 1 - r
        start = -1
        for c, dark in enumerate((*row, False)):
            if dark and start < 0:
                start = c
            elif not dark and start >= 0:
                ops.append(f"{start} {top} {c - start} 1 re")
                start = -1
    ops.append("f Q")
    canvas.addLiteral("\n".join(ops))
