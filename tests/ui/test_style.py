"""One theme: colours and stylesheets live in app/ui/style.py and nowhere else."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.ui import style
from app.ui.kit.widgets import MessageLine, StatusBadge

UI = Path(__file__).resolve().parents[2] / "app" / "ui"
HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b")
FORBIDDEN = (("a hex colour", HEX_COLOUR), ("setStyleSheet", re.compile(r"setStyleSheet\(")),
             ("QColor(", re.compile(r"\bQColor\(")))


def offences(text: str) -> list[str]:
    """What in ``text`` belongs in style.py: hex colours, stylesheets, colours made here."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        for what, pattern in FORBIDDEN:
            if pattern.search(line):
                found.append(f"{number}: {what}: {line.strip()}")
    return found


def test_colours_and_stylesheets_live_in_style_py_only() -> None:
    modules = [p for p in sorted(UI.rglob("*.py")) if p != UI / "style.py"]
    assert len(modules) > 40  # the walk sees the UI modules, wherever they live
    found = {str(p.relative_to(UI)): offences(p.read_text(encoding="utf-8")) for p in modules}
    assert {name: lines for name, lines in found.items() if lines} == {}


def test_the_check_sees_what_it_forbids() -> None:
    assert offences('label.setStyleSheet("QLabel { color: red; }")')
    assert offences('WARN = "#7c2d12"')
    assert offences('CALM = "#fff"')
    assert offences("brush = QBrush(QColor(100, 0, 0))")
    assert not offences('button.setObjectName("payConfirm")  # see issue #12')


def test_the_palette_is_one_place_for_each_colour() -> None:
    """A colour changed in the palette changes every look that uses it."""
    assert style.ERROR in style.STYLE and style.ERROR in style.Look.DIALOG.value
    assert style.ERROR in style.Look.LOUD.value and style.ERROR in style.Look.PROBLEM.value
    assert style.WARN.background in style.Look.MESSAGE_WARNING.value
    assert style.INSTALMENT_COLOURS["overdue"] == style.WARN[:2]
    written = HEX_COLOUR.findall(Path(style.__file__).read_text(encoding="utf-8"))
    assert len(written) == len(set(written))  # each hex colour is written once


def test_message_lines_and_badges_wear_the_named_looks(qtbot: QtBot) -> None:
    line = MessageLine()
    qtbot.addWidget(line)
    line.show_message("Struk dicetak ulang.", "warning")
    assert line.styleSheet() == style.Look.MESSAGE_WARNING.value
    line.show_message("Gagal.", "error")
    assert line.styleSheet() == style.Look.MESSAGE_ERROR.value
    badge = StatusBadge()
    qtbot.addWidget(badge)
    badge.show_state("SEGEL", style.STATUS_COLOURS["sealed"])
    assert style.STRONG_RED in badge.styleSheet() and not badge.isHidden()
    badge.show_state("?", None)
    assert style.MUTED in badge.styleSheet()


def test_a_look_is_a_valid_stylesheet_that_colours_the_label(qtbot: QtBot) -> None:
    label = QLabel("RUGI")
    qtbot.addWidget(label)
    style.set_look(label, style.Look.LOUD)
    label.ensurePolished()
    assert label.palette().color(label.foregroundRole()).name() == style.WHITE
