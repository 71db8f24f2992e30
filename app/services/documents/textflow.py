"""A small top-down layout for slips: measure every line first, then draw.

Text is wrapped with reportlab's font metrics so that nothing runs past the column;
a single word wider than the column is broken, and one-line amounts shrink to fit.
The flow knows its height before drawing, so a thermal roll can be cut to fit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

REGULAR, BOLD, ITALIC = "Helvetica", "Helvetica-Bold", "Helvetica-Oblique"


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy word wrap to ``width`` at plain spaces (a no-break space holds); words wider
    than the column are broken."""
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        line = ""
        for word in filter(None, paragraph.split(" ")):
            for piece in _pieces(word, font, size, width):
                candidate = f"{line} {piece}" if line else piece
                if line and stringWidth(candidate, font, size) > width:
                    lines.append(line)
                    line = piece
                else:
                    line = candidate
        lines.append(line)
    return lines


def fit_size(text: str, font: str, size: float, width: float, smallest: float = 5.0) -> float:
    """The largest size ≤ ``size`` (steps of 0.5) at which ``text`` fits in ``width``."""
    while size > smallest and stringWidth(text, font, size) > width:
        size -= 0.5
    return size


def fit_text(text: str, font: str, size: float, width: float,
             smallest: float = 5.0) -> tuple[str, float]:
    """``text`` shrunk to fit ``width`` on one line, cut short with "…" if even the
    smallest size is too wide."""
    size = fit_size(text, font, size, width, smallest)
    if stringWidth(text, font, size) <= width:
        return text, size
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…", size


def _pieces(word: str, font: str, size: float, width: float) -> list[str]:
    if stringWidth(word, font, size) <= width:
        return [word]
    pieces, piece = [], ""
    for char in word:
        if piece and stringWidth(piece + char, font, size) > width:
            pieces.append(piece)
            piece = char
        else:
            piece += char
    return [*pieces, piece]


@dataclass(frozen=True)
class Placed:
    """One string drawn at (x, baseline) measured from the flow's top left corner."""

    x: float
    y: float
    text: str
    font: str
    size: float

    @property
    def width(self) -> float:
        return stringWidth(self.text, self.font, self.size)


Painter = Callable[[Canvas, float, float], None]  # (canvas, left, top of the flow)


@dataclass
class Flow:
    """A column ``width`` wide; ``size`` is the body text size."""

    width: float
    size: float
    label_width: float = 0.0
    height: float = 0.0
    texts: list[Placed] = field(default_factory=list)
    painters: list[Painter] = field(default_factory=list)

    @property
    def leading(self) -> float:
        return self.size * 1.25

    def space(self, points: float) -> None:
        self.height += points

    def text(self, text: str, *, font: str = REGULAR, size: float | None = None,
             align: str = "left", indent: float = 0.0) -> None:
        """A wrapped paragraph, left / centre / right aligned, ``indent`` in from both sides."""
        size = size or self.size
        avail = self.width - 2 * indent
        for line in wrap(text, font, size, avail):
            self.height += size * 1.25
            free = avail - stringWidth(line, font, size)
            x = indent + {"left": 0.0, "center": free / 2, "right": free}[align]
            self.texts.append(Placed(x, self.height - size * 0.3, line, font, size))

    def row(self, label: str, value: str, *, font: str = REGULAR) -> None:
        """``label`` in the label column, ``: value`` wrapped beside it."""
        label_lines = wrap(label, REGULAR, self.size, self.label_width - 2)
        colon = stringWidth(": ", REGULAR, self.size)
        value_x = self.label_width + colon
        value_lines = wrap(value, font, self.size, self.width - value_x)
        top = self.height
        for i, line in enumerate(label_lines):
            self.texts.append(Placed(0, top + (i + 0.75) * self.leading, line, REGULAR,
                                     self.size))
        self.texts.append(Placed(self.label_width, top + 0.75 * self.leading, ":", REGULAR,
                                 self.size))
        for i, line in enumerate(value_lines):
            self.texts.append(Placed(value_x, top + (i + 0.75) * self.leading, line, font,
                                     self.size))
        self.height += max(len(label_lines), len(value_lines)) * self.leading

    def pair(self, label: str, value: str, *, font: str = BOLD, size: float | None = None
             ) -> None:
        """``label`` on the left and ``value`` right-aligned on one line (shrunk to fit)."""
        size = fit_size(f"{label}  {value}", font, size or self.size, self.width)
        self.height += size * 1.3
        baseline = self.height - size * 0.3
        self.texts.append(Placed(0, baseline, label, font, size))
        value_width = stringWidth(value, font, size)
        self.texts.append(Placed(self.width - value_width, baseline, value, font, size))

    def rule(self, *, dashed: bool = True, gap: float = 3.0) -> None:
        y = self.height + gap
        self.height = y + gap
        width = self.width

        def paint(canvas: Canvas, left: float, top: float) -> None:
            canvas.setLineWidth(0.5)
            canvas.setDash(2, 2) if dashed else canvas.setDash()
            canvas.line(left, top - y, left + width, top - y)
            canvas.setDash()
        self.painters.append(paint)

    def boxed(self, lines: list[tuple[str, str, float]], *, padding: float = 3.0) -> None:
        """Lines of (text, font, size) centred in a frame the width of the column."""
        start = self.height
        self.height += padding
        for text, font, size in lines:
            self.text(text, font=font, size=size, align="center", indent=padding)
        self.height += padding
        end, width = self.height, self.width

        def paint(canvas: Canvas, left: float, top: float) -> None:
            canvas.setLineWidth(1.2)
            canvas.rect(left, top - end, width, end - start, stroke=1, fill=0)
        self.painters.append(paint)

    def block(self, height: float, painter: Callable[[Canvas, float, float], None]) -> None:
        """Reserve ``height`` points; ``painter(canvas, left, top_of_block)`` draws there."""
        y = self.height
        self.height += height

        def paint(canvas: Canvas, left: float, top: float) -> None:
            painter(canvas, left, top - y)
        self.painters.append(paint)

    def put(self, x: float, y: float, text: str, size: float | None = None,
            font: str = REGULAR) -> None:
        """A string at (x, baseline y) from the flow's top left; it must fit by itself."""
        self.texts.append(Placed(x, y, text, font, size or self.size))

    def draw(self, canvas: Canvas, left: float, top: float) -> None:
        """Paint the flow with its top left corner at (left, top) in PDF coordinates."""
        for painter in self.painters:
            painter(canvas, left, top)
        current: tuple[str, float] | None = None
        for placed in self.texts:
            if current != (placed.font, placed.size):
                current = (placed.font, placed.size)
                canvas.setFont(placed.font, placed.size)
            canvas.drawString(left + placed.x, top - placed.y, placed.text)
