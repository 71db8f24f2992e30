"""The list of backups in the branch's backup folder (time, kind, size), with Verify for
the selected one and, for admins, Restore."""

from __future__ import annotations

import math

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from app.models.dbfile import backup_dir
from app.services.backup.copies import (
    RESTORE_ROLE,
    BackupInfo,
    BackupReport,
    list_backups,
    verify_backup,
)
from app.ui.context import UiContext
from app.ui.errors_dialog import show_unexpected
from app.ui.finding_text import refusal_text
from app.ui.i18n import current_language, format_count
from app.ui.kit.widgets import MessageLine, error_message, make_table, named, wrapped
from app.ui.lists.table_models import Column, Format, RecordTableModel
from app.ui.style import Look, set_look


def format_size(count: int) -> str:
    """``850 KB``, ``12,4 MB`` (``12.4 MB`` in English)."""
    if count < 1_048_576:
        return f"{format_count(max(1, math.ceil(count / 1024)))} KB"
    text = f"{count / 1_048_576:.1f}"
    return f"{text.replace('.', ',') if current_language() == 'id' else text} MB"


def kind_text(kind: str) -> str:
    texts = {"daily": QCoreApplication.translate("BackupKinds", "daily"),
             "manual": QCoreApplication.translate("BackupKinds", "by hand"),
             "pre-migration": QCoreApplication.translate("BackupKinds", "before an update"),
             "before-restore": QCoreApplication.translate("BackupKinds", "before a restore")}
    return texts.get(kind, kind)


class BackupsDialog(QDialog):
    """The backups in the branch's backups folder, newest first, with Verify (and, for an
    admin, Restore); ``restore_requested(path)``."""

    restore_requested = Signal(object)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.busy = ctx, False
        self.folder = backup_dir(ctx.data_dir)
        self.setObjectName("backupsDialog")
        self.setWindowTitle(self.tr("Backups"))
        set_look(self, Look.DIALOG)
        self.setMinimumSize(760, 420)
        self.model: RecordTableModel[BackupInfo] = RecordTableModel([
            Column(self.tr("Taken"), lambda b: b.taken_at, Format.DATETIME),
            Column(self.tr("Kind"), lambda b: b.kind, text=lambda b: kind_text(b.kind)),
            Column(self.tr("Size"), lambda b: b.size, text=lambda b: format_size(b.size),
                   align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            Column(self.tr("File"), lambda b: b.path.name)], self)
        self.table = make_table(self.model, "backupsTable", self)
        self.message = MessageLine(self)
        self.message.setObjectName("backupsMessage")
        self.verify_button = named(QPushButton(self.tr("&Verify"), self), "backupsVerify")
        self.restore_button = named(QPushButton(self.tr("&Restore…"), self), "backupsRestore")
        close = named(QPushButton(self.tr("Close (Esc)"), self), "backupsClose")
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.verify_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(close, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        self.verify_button.clicked.connect(self.verify_selected)
        self.restore_button.clicked.connect(self._restore_selected)
        actor = ctx.actor
        self.restore_button.setVisible(actor is not None and actor.role == RESTORE_ROLE)
        layout = QVBoxLayout(self)
        folder = QLabel(self.tr("Backups in {folder}").format(folder=self.folder), self)
        layout.addWidget(wrapped(named(folder, "backupsFolder")))
        layout.addWidget(self.table)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_records(list_backups(self.folder))
        empty = self.model.rowCount() == 0
        if empty:
            self.message.show_message(self.tr("There are no backups yet. Loket makes one "
                                              "every day at its first start."), "info")
        else:
            self.table.selectRow(0)
        self.verify_button.setEnabled(not empty)
        self.restore_button.setEnabled(not empty)
        self.table.setFocus()

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def verify_selected(self) -> None:
        """Check the selected backup off the UI thread and say what was found."""
        info = self.selected()
        if info is None or self.busy:
            return
        self.busy = True
        self.verify_button.setEnabled(False)
        self.message.show_message(self.tr("Checking {file}…").format(file=info.path.name))
        self.ctx.tasks.run(lambda _cancel: verify_backup(info.path), self._verified,
                           self._failed)

    def _verified(self, report: BackupReport) -> None:
        if not shiboken6.isValid(self.message):  # closed meanwhile
            return
        self._idle()
        name = report.path.name
        if report.ok:
            text = self.tr("{file} passes the check: the file is sound and its audit trail "
                           "of {records} records is unbroken ({payments} payments).").format(
                file=name, records=format_count(report.audit_records),
                payments=format_count(report.payments))
            self.message.show_message(text, "info")
        else:
            self.message.show_message(self.tr("{file} does NOT pass the check: {problem}. Do "
                                              "not restore it.").format(
                file=name, problem=refusal_text(report)), "error")

    def _failed(self, error: BaseException) -> None:
        if not shiboken6.isValid(self.message):
            return
        self._idle()
        text = error_message(error)
        if text is None:
            show_unexpected(self, error)
            return
        self.message.show_message(text, "error")

    def _idle(self) -> None:
        self.busy = False
        self.verify_button.setEnabled(True)

    def _restore_selected(self) -> None:
        info = self.selected()
        if info is not None:
            self.accept()
            self.restore_requested.emit(info.path)
