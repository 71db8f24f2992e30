"""The supervisor's view of sync: events head office refused, and the last reconciliation.

A reconciliation mismatch, or a database found behind head office (restored from an
older backup), is shown loudly in red: nothing is ever fixed silently.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.money import format_rupiah
from app.services.sync import (
    ReconcileResult,
    RejectedEvent,
    reconciliation_status,
    rejected_list,
    restored_from_backup,
)
from app.ui.context import UiContext
from app.ui.i18n import format_count, format_date
from app.ui.kit.widgets import DIALOG_STYLE

LOUD = ("QLabel { color: #ffffff; background: #b3261e; font-weight: 700;"
        " border-radius: 4px; padding: 8px 12px; }")
CALM = ("QLabel { color: #14532d; background: #dcfce7; border: 1px solid #86efac;"
        " border-radius: 4px; padding: 8px 12px; }")
QUIET = "QLabel { color: #374151; padding: 8px 12px; }"


def _when(text: str | None) -> str:
    if not text:
        return "–"
    moment = dt.datetime.fromisoformat(text)
    return f"{format_date(moment.date())} {moment:%H:%M}"


def _table(name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), objectName=name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(text))


class SyncReviewDialog(QDialog):
    """Rejected events with their reasons, and the last reconciliation's result."""

    def __init__(self, ctx: UiContext, last: ReconcileResult | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.last = ctx, last
        self.setObjectName("syncReviewDialog")
        self.setWindowTitle(self.tr("Rejected events and reconciliation"))
        self.setStyleSheet(DIALOG_STYLE)
        self.restored = QLabel(objectName="syncRestored")
        self.restored.setWordWrap(True)
        self.restored.setStyleSheet(LOUD)
        self.reconciliation = QLabel(objectName="reconciliationStatus")
        self.reconciliation.setWordWrap(True)
        self.mismatches = _table("mismatchTable", [
            self.tr("Day"), self.tr("Type"), self.tr("Branch"), self.tr("Head office")])
        self.mismatches.setMaximumHeight(160)
        self.rejected_title = QLabel(objectName="rejectedTitle")
        self.rejected = _table("rejectedTable", [
            self.tr("No."), self.tr("Type"), self.tr("Reason"), self.tr("Event id")])
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.restored)
        layout.addWidget(self.reconciliation)
        layout.addWidget(self.mismatches)
        layout.addWidget(self.rejected_title)
        layout.addWidget(self.rejected, 1)
        layout.addWidget(buttons)
        self.resize(820, 520)
        self.refresh()
        self.rejected.setFocus(Qt.FocusReason.OtherFocusReason)

    def refresh(self) -> None:
        """Read the rejected events and the last reconciliation again."""
        branch = self.ctx.branch
        self._show_restored(restored_from_backup(branch.reading()))
        self._show_reconciliation(reconciliation_status(branch.reading()))
        events = rejected_list(branch.reading())
        self._show_rejected(events)

    def _show_restored(self, notice: dict[str, Any] | None) -> None:
        self.restored.setVisible(notice is not None)
        if notice is not None:
            self.restored.setText(self.tr(
                "THIS DATABASE IS BEHIND HEAD OFFICE: it was restored from an older backup. "
                "Take no payments and call head office."))

    def _show_reconciliation(self, status: dict[str, Any] | None) -> None:
        label = self.reconciliation
        lines = self.last.mismatches if self.last is not None else ()
        if status is None:
            label.setText(self.tr("No reconciliation yet: it runs after every sync."))
            label.setStyleSheet(QUIET)
            label.setProperty("state", "none")
        elif int(status.get("mismatches", 0)):
            label.setText(self.tr(
                "MISMATCH: {count} totals differ from head office (checked {at}, up to "
                "event {seq}). Nothing was corrected; call head office.").format(
                count=format_count(int(status["mismatches"])), at=_when(status.get("at")),
                seq=status.get("through_seq", "–")))
            label.setStyleSheet(LOUD)
            label.setProperty("state", "mismatch")
        else:
            label.setText(self.tr("Totals match head office (checked {at}, up to event "
                                  "{seq}).").format(at=_when(status.get("at")),
                                                    seq=status.get("through_seq", "–")))
            label.setStyleSheet(CALM)
            label.setProperty("state", "ok")
        _fill(self.mismatches, [[
            format_date(m.business_date), m.type,
            f"{format_count(m.branch_count)} · {format_rupiah(m.branch_amount)}",
            f"{format_count(m.office_count)} · {format_rupiah(m.office_amount)}"]
            for m in lines])
        self.mismatches.setVisible(bool(lines))

    def _show_rejected(self, events: list[RejectedEvent]) -> None:
        if events:
            self.rejected_title.setText(self.tr(
                "{count} events were refused by head office and wait in its exceptions "
                "queue:").format(count=format_count(len(events))))
        else:
            self.rejected_title.setText(self.tr("No event was refused by head office."))
        _fill(self.rejected, [[str(e.seq), e.type, e.reason, e.id] for e in events])

    def rejected_rows(self) -> list[tuple[str, str, str]]:
        """(number, type, reason) of each row shown (for tests and screenshots)."""
        table = self.rejected
        return [(table.item(r, 0).text(), table.item(r, 1).text(), table.item(r, 2).text())
                for r in range(table.rowCount())]
