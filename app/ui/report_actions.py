"""The Reports menu: today's receipts report (LPP) and the programme progress report.

Each report is built in the background, archived as PDF (its XLSX beside it), and shown
in the PDF view, whose Print button opens the print dialog.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from app.services.errors import DomainError
from app.services.reports.issue import issue_lpp, issue_progress, write_report
from app.ui.context import UiContext
from app.ui.error_text import error_text
from app.ui.errors_dialog import show_unexpected
from app.ui.pdf_view import PdfViewDialog


class ReportActions(QObject):
    """Builds a report off the UI thread and shows it; ``shown(path)`` once on screen."""

    shown = Signal(object)

    def __init__(self, ctx: UiContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx, self.window = ctx, parent

    def daily_receipts(self) -> None:
        """This counter's LPP for the business date."""
        branch, data_dir = self.ctx.branch, self.ctx.data_dir
        counter = self.ctx.actor.counter_code if self.ctx.actor else None
        self.ctx.tasks.run(
            lambda _c: write_report(issue_lpp(branch.reading(), data_dir,
                                              counter_code=counter))[0],
            lambda path: self._show(path, self.tr("Daily receipts report (LPP)")),
            self._failed)

    def programme_progress(self) -> None:
        """The newest programme's progress against its targets, to date."""
        branch, data_dir = self.ctx.branch, self.ctx.data_dir
        self.ctx.tasks.run(
            lambda _c: write_report(issue_progress(branch.reading(), data_dir))[0],
            lambda path: self._show(path, self.tr("Programme progress report")),
            self._failed)

    def _show(self, path: Path, title: str) -> None:
        saved = self.tr("Saved as {name} in {folder} (and the XLSX beside it)").format(
            name=path.name, folder=path.parent)  # apart, so the line wraps between them
        viewer = PdfViewDialog(path, title, saved, self.window)
        viewer.finished.connect(lambda _result: viewer.deleteLater())
        viewer.open()
        self.shown.emit(path)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, DomainError):
            QMessageBox.warning(self.window, self.tr("Report"), error_text(error))
        else:
            show_unexpected(self.window, error)
