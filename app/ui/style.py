"""The application-wide look: a clearly visible focus ring, error and heading labels."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

FOCUS = "#1a73e8"

STYLE = f"""
QLineEdit, QSpinBox, QComboBox {{
    border: 1px solid #9aa0a6; border-radius: 3px; padding: 3px 5px; background: white;
}}
QLineEdit:focus, QSpinBox:focus, QComboBox:focus {{
    border: 2px solid {FOCUS}; padding: 2px 4px;
}}
QLineEdit[invalid="true"] {{ border: 2px solid #b3261e; }}
QTableView:focus, QListWidget:focus {{ border: 2px solid {FOCUS}; }}
QTableView::item:selected, QListWidget::item:selected {{
    background: #d2e3fc; color: black;
}}
QTableView::item:selected:focus, QListWidget::item:selected:focus {{
    background: {FOCUS}; color: white;
}}
QPushButton {{
    border: 1px solid #9aa0a6; border-radius: 4px; padding: 5px 14px; background: #f1f3f4;
}}
QPushButton:default {{ border: 1px solid {FOCUS}; background: #e8f0fe; }}
QPushButton:focus {{ border: 2px solid {FOCUS}; padding: 4px 13px; }}
QPushButton:disabled {{ color: #9aa0a6; }}
QLabel[role="heading"] {{ font-size: 15pt; font-weight: 600; }}
QLabel[role="error"] {{ color: #b3261e; }}
QLabel[role="ok"] {{ color: #1b6e2d; font-weight: 600; }}
QLabel#varianceValue[variance="off"] {{
    color: #b3261e; background: #fce8e6; font-weight: 700; padding: 2px 6px;
}}
QLabel#varianceValue[variance="none"] {{ color: #1b6e2d; font-weight: 600; }}
QLineEdit#searchField {{ font-size: 13pt; padding: 6px 8px; }}
QLineEdit#searchField:focus {{ padding: 5px 7px; }}
QLabel#statusShift[state="none"], QLabel#statusShift[state="other"] {{ color: #b3261e; }}
QLabel#statusShift[state="counted"] {{ color: #9a5b00; }}
QStatusBar QLabel {{ padding: 0 8px; }}
"""


def apply_style(app: QApplication) -> None:
    """Install the stylesheet on the whole application."""
    app.setStyleSheet(STYLE)
