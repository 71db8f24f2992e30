"""The look of Loket's windows in one place: the palette, the application stylesheet and
the named looks that dialogs, pages and labels put on.

Every colour is written here once and nowhere else in ``app/ui`` (a test holds it), so a
colour changes in one place. Widgets never write a stylesheet themselves: they call
:func:`set_look` with a :class:`Look`, :func:`set_badge` for a coloured capsule, or
:func:`brush` for a table cell's colour.
"""

from __future__ import annotations

import enum
from typing import NamedTuple

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QApplication, QWidget


class Tone(NamedTuple):
    """A message box's colours: text, background and border."""

    text: str
    background: str
    border: str


# --- the palette -------------------------------------------------------------------------
FOCUS = "#1a73e8"  # the application's focus ring and default button
ACCENT = "#2563eb"  # the focus ring inside dialogs and on the account page
FIELD_BORDER = "#9aa0a6"  # fields' and buttons' border, disabled text
BUTTON_FACE = "#f1f3f4"
DEFAULT_FACE = "#e8f0fe"
SELECTED = "#d2e3fc"  # a selected row in a table that has no focus
ERROR = "#b3261e"  # refused values, the problem line under a field, voided receipts
ERROR_FACE = "#fce8e6"
SUCCESS = "#1b6e2d"
CAUTION = "#9a5b00"
HINT_TEXT = "#5f6368"  # explanations under a setting
MUTED = "#6b7280"  # text that matters less (bills in the plan), the grey badge
GREYED = "#8a8a8a"  # list rows that need nothing more
GROUP_BORDER = "#d1d5db"
CHANGED_FACE = "#fef9c3"  # a field the cashier changed
WHITE = "#ffffff"
BLACK = "#000000"
GOOD = Tone("#14532d", "#dcfce7", "#86efac")
BAD = Tone("#7f1d1d", "#fee2e2", "#fca5a5")
WARN = Tone("#7c2d12", "#ffedd5", "#fdba74")
DUE = ("#1e3a8a", "#eef2ff")  # an instalment not yet paid: text, background
STRONG_RED = "#b91c1c"  # badges' backgrounds, and figures that stand out
STRONG_GREEN = "#15803d"
STRONG_BLUE = "#1d4ed8"
SLATE = "#374151"

# (text colour, background colour) of each state
INSTALMENT_COLOURS = {
    "paid": GOOD[:2],
    "due": DUE,
    "overdue": WARN[:2],
    "broken": BAD[:2],
    "refused": BAD[:2],
}
STATUS_COLOURS = {
    "sealed": (WHITE, STRONG_RED),
    "active": (WHITE, STRONG_GREEN),
    "disconnected": (WHITE, SLATE),
}
PLAN_COLOURS = {
    "active": (WHITE, STRONG_BLUE),
    "completed": (WHITE, STRONG_GREEN),
    "broken": (WHITE, STRONG_RED),
    "cancelled": (WHITE, MUTED),
    "refused": (WHITE, STRONG_RED),
}
SEARCH_STATUS_COLOURS = {"sealed": ERROR, "active": SUCCESS, "disconnected": HINT_TEXT}
"""The text colour of a connection's status in the search results."""
COMBO_GAP = 10
"""Room in pixels between a combo box's choice and its drop-down arrow."""
COMBO_ARROW = 20
"""The width in pixels of a combo box's drop-down button."""

STYLE = f"""
QLineEdit, QSpinBox, QComboBox {{
    border: 1px solid {FIELD_BORDER}; border-radius: 3px; padding: 3px 5px; background: white;
}}
QLineEdit:focus, QSpinBox:focus, QComboBox:focus {{
    border: 2px solid {FOCUS}; padding: 2px 4px;
}}
QComboBox {{ padding-right: {COMBO_GAP}px; }}
QComboBox:focus {{ padding-right: {COMBO_GAP - 1}px; }}
QComboBox::drop-down {{ width: {COMBO_ARROW}px; }}
QLineEdit[invalid="true"] {{ border: 2px solid {ERROR}; }}
QTableView:focus, QListWidget:focus {{ border: 2px solid {FOCUS}; }}
QTableView::item:selected, QListWidget::item:selected {{
    background: {SELECTED}; color: black;
}}
QTableView::item:selected:focus, QListWidget::item:selected:focus {{
    background: {FOCUS}; color: white;
}}
QPushButton {{
    border: 1px solid {FIELD_BORDER}; border-radius: 4px; padding: 5px 14px;
    background: {BUTTON_FACE};
}}
QPushButton:default {{ border: 1px solid {FOCUS}; background: {DEFAULT_FACE}; }}
QPushButton:focus {{ border: 2px solid {FOCUS}; padding: 4px 13px; }}
QPushButton:disabled {{ color: {FIELD_BORDER}; }}
QLabel[role="heading"] {{ font-size: 15pt; font-weight: 600; }}
QLabel[role="error"] {{ color: {ERROR}; }}
QLabel[role="ok"] {{ color: {SUCCESS}; font-weight: 600; }}
QLabel#varianceValue[variance="off"] {{
    color: {ERROR}; background: {ERROR_FACE}; font-weight: 700; padding: 2px 6px;
}}
QLabel#varianceValue[variance="none"] {{ color: {SUCCESS}; font-weight: 600; }}
QLineEdit#searchField {{ font-size: 13pt; padding: 6px 8px; }}
QLineEdit#searchField:focus {{ padding: 5px 7px; }}
QLabel#statusShift[state="none"], QLabel#statusShift[state="other"] {{ color: {ERROR}; }}
QLabel#statusShift[state="counted"] {{ color: {CAUTION}; }}
QStatusBar QLabel {{ padding: 0 8px; }}
QScrollBar:vertical {{ background: {BUTTON_FACE}; width: 12px; margin: 0; }}
QScrollBar:horizontal {{ background: {BUTTON_FACE}; height: 12px; margin: 0; }}
QScrollBar::handle {{ background: {FIELD_BORDER}; border-radius: 4px; margin: 2px; }}
QScrollBar::handle:hover, QScrollBar::handle:pressed {{ background: {MUTED}; }}
QScrollBar::handle:vertical {{ min-height: 24px; }}
QScrollBar::handle:horizontal {{ min-width: 24px; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: none; }}
"""
"""The application stylesheet: fields, focus rings, buttons, status words, and flat
scroll bars (the same on every system, and cheaper to draw than shaded ones: a customer's
page has two or three, the search results one)."""


def _message(tone: Tone, padding: str = "6px 10px", extra: str = "") -> str:
    return (f"QLabel {{ color: {tone.text}; background: {tone.background}; "
            f"border: 1px solid {tone.border}; border-radius: 4px; padding: {padding};"
            f"{extra} }}")


class Look(enum.Enum):
    """A named look a widget puts on with :func:`set_look`; its value is the stylesheet."""

    # whole windows: their own fields and buttons, over the application stylesheet
    DIALOG = f"""
QLineEdit:focus, QComboBox:focus, QSpinBox:focus, QTableView:focus, QPushButton:focus {{
    border: 2px solid {ACCENT}; border-radius: 3px; }}
QLineEdit[invalid="true"] {{ border: 2px solid {ERROR}; border-radius: 3px; }}
"""
    ACCOUNT_PAGE = f"""
QGroupBox {{ font-weight: 600; border: 1px solid {GROUP_BORDER}; border-radius: 6px;
            margin-top: 10px; padding-top: 6px; }}
QGroupBox::title {{ subcontrol-origin: margin; left: 8px; padding: 0 4px; }}
QLabel[role="value"] {{ font-weight: 600; }}
QLabel[role="total"] {{ font-weight: 700; font-size: 14px; }}
QTableView:focus, QPushButton:focus {{ border: 2px solid {ACCENT}; }}
QPushButton {{ padding: 6px 12px; }}
"""
    # additions to DIALOG for one window
    CHANGED_FIELDS = f'QLineEdit[changed="true"] {{ background: {CHANGED_FACE}; }}'
    SHORT_CHANGE = f'\nQLabel#payChange[short="true"] {{ color: {ERROR}; }}\n'
    # labels
    TITLE = "QLabel { font-size: 20px; font-weight: 700; }"
    LARGE_HEADING = "QLabel { font-size: 16px; font-weight: 600; }"
    HEADING = "QLabel { font-size: 15px; font-weight: 600; }"
    SUMMARY = "QLabel { font-size: 13px; font-weight: 600; }"
    STRONG = "QLabel { font-weight: 600; }"
    HINT = f"QLabel {{ color: {HINT_TEXT}; }}"
    PROBLEM = f"QLabel {{ color: {ERROR}; }}"
    WAIVED = f"QLabel {{ font-weight: 600; color: {STRONG_GREEN}; }}"
    AMOUNT_DUE = f"QLabel {{ font-weight: 700; font-size: 16px; color: {STRONG_BLUE}; }}"
    # message boxes
    MESSAGE_INFO = _message(GOOD)
    MESSAGE_ERROR = _message(BAD)
    MESSAGE_WARNING = _message(WARN)
    REFUSAL_REASONS = _message(BAD, "8px 12px", " font-size: 14px;")
    REFUSAL_NOTE = (f"QLabel {{ color: {BAD.text}; background: {BAD.background}; "
                    "border-radius: 4px; padding: 6px; }")
    # banners of the sync review
    LOUD = (f"QLabel {{ color: {WHITE}; background: {ERROR}; font-weight: 700;"
            " border-radius: 4px; padding: 8px 12px; }")
    CALM = _message(GOOD, "8px 12px")
    QUIET = f"QLabel {{ color: {SLATE}; padding: 8px 12px; }}"


MESSAGE_LOOKS = {"info": Look.MESSAGE_INFO, "error": Look.MESSAGE_ERROR,
                 "warning": Look.MESSAGE_WARNING}
"""The look of a message line of each kind."""

_BADGE = ("QLabel {{ color: {fg}; background: {bg}; border-radius: 4px;"
          " padding: 3px 10px; font-weight: 700; letter-spacing: 1px; }}")


def set_look(widget: QWidget, *looks: Look) -> None:
    """Dress ``widget`` (and what it holds) in ``looks``, one after the other (only when
    they change: each new style sheet re-styles the widget and all it holds)."""
    sheet = "".join(look.value for look in looks)
    if sheet != widget.styleSheet():
        widget.setStyleSheet(sheet)


def set_badge(label: QWidget, colours: tuple[str, str] | None) -> None:
    """A capsule in (text, background) ``colours``; white on grey when None."""
    fg, bg = colours or (WHITE, MUTED)
    sheet = _BADGE.format(fg=fg, bg=bg)
    if sheet != label.styleSheet():  # re-styling costs about 10 ms: only on a change
        label.setStyleSheet(sheet)


def brush(colour: str) -> QBrush:
    """A table cell's text or background in ``colour`` (one of this module's names)."""
    return QBrush(QColor(colour))


def ready_brushes() -> None:
    """Make the process's first brush now: the first one made from Python has PySide
    build Qt's gradient enumerations (some 200 names), 10–20 ms that would otherwise
    fall on the first customer's search results (the status column's colour)."""
    brush(BLACK)


def apply_style(app: QApplication) -> None:
    """Install the stylesheet on the whole application."""
    app.setStyleSheet(STYLE)
