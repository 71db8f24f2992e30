"""The main window: for now, which branch, counter and business date this Loket serves."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QMainWindow, QVBoxLayout, QWidget

from app.bootstrap import Branch
from app.services.branch_info import BranchOverview, branch_overview
from app.ui.i18n import format_count, format_date


class MainWindow(QMainWindow):
    """The counter window. Shows the branch overview until the counter screens arrive.

    Texts follow the translator installed on the application (``app.ui.i18n``).
    """

    def __init__(self, branch: Branch) -> None:
        super().__init__()
        self.overview = branch_overview(branch.reading())
        self.setWindowTitle(f"Loket — {self.overview.branch_name}")
        self.setCentralWidget(self._build(self.overview))
        self.resize(640, 360)

    def _build(self, overview: BranchOverview) -> QWidget:
        heading = QLabel(overview.utility_name)
        heading.setObjectName("utilityName")
        heading.setStyleSheet("font-size: 20px; font-weight: 600;")
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        rows = (
            ("branchName", self.tr("Branch"),
             f"{overview.branch_name} ({overview.branch_code})"),
            ("counterName", self.tr("Counter"),
             f"{overview.counter_name} ({overview.counter_code})"),
            ("businessDate", self.tr("Business date"), format_date(overview.business_date)),
            ("customerCount", self.tr("Customers"), format_count(overview.customers)),
        )
        for name, caption, value in rows:
            label = QLabel(value)
            label.setObjectName(name)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(f"{caption}:", label)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(heading)
        layout.addSpacing(12)
        layout.addLayout(form)
        layout.addStretch(1)
        return page

    def value_of(self, name: str) -> str:
        """The text shown in the value label ``name`` (``branchName``, ``customerCount`` …)."""
        label = self.findChild(QLabel, name)
        if label is None:
            raise KeyError(name)
        return label.text()
