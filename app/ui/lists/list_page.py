"""What the work-list pages share: the record table, loading in the background, exports."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QLabel,
    QTableView,
    QWidget,
)

from app.services import exports
from app.services.errors import DomainError
from app.ui.context import UiContext
from app.ui.error_text import error_text
from app.ui.errors_dialog import show_unexpected
from app.ui.i18n import format_count
from app.ui.tasks import Cancel


class RecordTable(QTableView):
    """A read-only, row-selecting table; Enter or a double click activates the row."""

    rowActivated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)  # Tab leaves the table for the buttons
        self.setAlternatingRowColors(True)
        self.setSortingEnabled(True)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        self.doubleClicked.connect(lambda index: self.rowActivated.emit(index.row()))

    def current_row(self) -> int | None:
        """The selected row, or None."""
        index = self.currentIndex()
        rows = self.selectionModel().selectedRows() if self.selectionModel() else []
        if rows:
            return rows[0].row()
        return index.row() if index.isValid() else None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            row = self.current_row()
            if row is not None:
                self.rowActivated.emit(row)
                event.accept()
                return
        super().keyPressEvent(event)

    def fit_columns(self, stretch: int, widest: int = 360, padding: int = 12) -> None:
        """Size columns to their contents (at most ``widest`` pixels); ``stretch`` takes
        the room left over."""
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        self.resizeColumnsToContents()
        for column in range(header.count()):
            header.resizeSection(column, min(header.sectionSize(column) + padding, widest))
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)

    def activate_current(self) -> None:
        """Act on the current row as Enter in the table would (Enter in a filter box)."""
        row = self.current_row()
        if row is not None:
            self.rowActivated.emit(row)

    def select_first(self) -> None:
        """Make the first row current (so Enter works right after Tab into the table)."""
        model = self.model()
        if model is not None and model.rowCount() and not self.currentIndex().isValid():
            self.selectRow(0)


class ListPage(QWidget):
    """A work-list page: ``loaded`` fires when fresh data is shown, ``exported`` with
    the file name after an export; ``message`` is the page's status line."""

    loaded = Signal()
    exported = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._loading: Cancel | None = None

    # --- loading -------------------------------------------------------------------
    def load(self, fetch: Callable[[], Any], show: Callable[[Any], None]) -> None:
        """Run ``fetch`` in the background and ``show`` its result; a newer load wins."""
        self.cancel_loading()
        self.say(self.tr("Loading…"))

        def shown(result: Any) -> None:
            self._loading = None
            self.say("")
            show(result)
            self.loaded.emit()

        def not_shown(error: BaseException) -> None:
            self._loading = None
            self.failed(error)

        self._loading = self.ctx.tasks.run(lambda _cancel: fetch(), shown, not_shown)

    def cancel_loading(self) -> None:
        """Drop the result of a load still running."""
        if self._loading is not None:
            self._loading.cancel()
            self._loading = None

    @property
    def busy(self) -> bool:
        return self._loading is not None

    def say(self, text: str, problem: bool = False) -> None:
        """Show ``text`` in the status line (in the error colour for a problem)."""
        self.message.setText(text)
        self.message.setProperty("role", "error" if problem else "")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)

    def failed(self, error: BaseException) -> None:
        """Show a refusal in words; log anything unexpected and say so politely."""
        if isinstance(error, DomainError):
            self.say(error_text(error), problem=True)
            return
        self.say(self.tr("The list could not be shown."), problem=True)
        show_unexpected(self, error)  # logs the details and names the log file

    # --- exports -------------------------------------------------------------------
    def export(self, kind: str, records: Sequence[Any], headers: Sequence[str], title: str,
               stem: str) -> None:
        """Ask where to save ``records`` (``kind`` "csv" or "xlsx") and write them in the
        background with ``headers``; the status line reports how many rows were written."""
        suggested = Path(QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or Path.home()) / f"{stem}.{kind}"
        pattern = (self.tr("CSV files (*.csv)") if kind == "csv"
                   else self.tr("Excel workbooks (*.xlsx)"))
        chosen, _ = QFileDialog.getSaveFileName(self, title, str(suggested), pattern)
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != f".{kind}":
            path = path.with_name(f"{path.name}.{kind}")
        rows, heads = list(records), list(headers)

        def write(_cancel: Cancel) -> int:
            if kind == "csv":
                return exports.write_csv(rows, path, heads)
            return exports.write_xlsx(rows, path, heads, title=title)

        def written(count: int) -> None:
            self.say(self.tr("{count} rows written to {file}").format(
                count=format_count(count), file=path))
            self.exported.emit(str(path))

        self.say(self.tr("Writing {file}…").format(file=path))
        self.ctx.tasks.run(write, written, self._export_failed)

    def _export_failed(self, error: BaseException) -> None:
        if isinstance(error, OSError):
            self.say(self.tr("Could not write the file: {reason}").format(
                reason=error.strerror or error), problem=True)
            return
        self.failed(error)
