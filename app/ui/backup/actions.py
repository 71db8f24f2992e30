"""The Loket menu's backup entries: back up to a folder (a USB stick), the list of backups,
and restore from a backup.

Supervisors and admins back up and see the list; only an admin restores (the entries
are hidden from the others, and the services refuse them too). Copies and checks run
off the UI thread behind a progress dialog. A restore is verified and confirmed here;
``restore_confirmed(path)`` then asks the session (``AppShell``) to log everyone out
and restore (``app.ui.backup.restore_flow``). The folder and file choosers are attributes, so
that tests can choose without a native dialog.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFileDialog,
    QMenu,
    QMessageBox,
    QWidget,
)

from app.models.database import database_path
from app.models.dbfile import backup_dir
from app.services.backup.copies import (
    BACKUP_ROLES,
    RESTORE_ROLE,
    BackupInfo,
    BackupReport,
    authorise_backup,
    backup_to,
    verify_backup,
)
from app.services.errors import DomainError
from app.ui.backup.list_dialog import BackupsDialog, format_size
from app.ui.backup.restore_flow import RestoreConfirmDialog
from app.ui.context import UiContext
from app.ui.errors_dialog import show_unexpected
from app.ui.finding_text import refusal_text
from app.ui.kit.widgets import error_message
from app.ui.progress_dialog import ProgressDialog
from app.ui.tasks import in_ui_thread

MakeAction = Callable[[str, str, Callable[[], object]], QAction]
FolderChooser = Callable[[QWidget], Path | None]
FileChooser = Callable[[QWidget, Path], Path | None]
BACKUP_FILTER = "Loket backup (*.sqlite3)"


class BackupCancelled(Exception):
    """Raised inside the copy when the admin cancels it (the unfinished file is removed)."""


def _choose_folder(parent: QWidget) -> Path | None:
    name = QFileDialog.getExistingDirectory(
        parent, QCoreApplication.translate("BackupActions", "Back up to which folder?"),
        str(Path.home()))
    return Path(name) if name else None


def _choose_file(parent: QWidget, start: Path) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("BackupActions", "Restore which backup?"),
        str(start), BACKUP_FILTER)
    return Path(name) if name else None


class BackupActions(QObject):
    """What the backup entries of the Loket menu do."""

    restore_confirmed = Signal(object)  # Path: verified and confirmed by an admin

    def __init__(self, ctx: UiContext, window: QWidget, menu: QMenu,
                 make_action: MakeAction) -> None:
        super().__init__(window)
        self.ctx, self.window = ctx, window
        self.setObjectName("backupActions")
        self.choose_folder: FolderChooser = _choose_folder
        self.choose_file: FileChooser = _choose_file
        self.message: QMessageBox | None = None
        role = ctx.actor.role if ctx.actor is not None else ""
        menu.addSeparator()
        for name, text, slot, allowed in (
                ("backup_to", self.tr("&Back up to…"), self.back_up_to, role in BACKUP_ROLES),
                ("backups", self.tr("Bac&kups…"), self.show_backups, role in BACKUP_ROLES),
                ("restore", self.tr("&Restore from backup…"), self.restore_from_file,
                 role == RESTORE_ROLE)):
            action = make_action(name, text, slot)
            action.setVisible(allowed)
            action.setEnabled(allowed)
            menu.addAction(action)
        menu.addSeparator()

    # ------------------------------------------------------------------ back up
    def back_up_to(self) -> ProgressDialog | None:
        """Choose a folder, copy the database into it, then check the copy."""
        try:
            authorise_backup(self.ctx.signed_in())
        except DomainError as error:
            self._tell(error_message(error) or "", "backupRefused", QMessageBox.Icon.Warning)
            return None
        folder = self.choose_folder(self.window)
        if folder is None:
            return None
        progress = ProgressDialog("backupProgress", self.tr("Back up"),
                                  self.tr("Copying the database to {folder}…").format(
                                      folder=folder), self.window, cancellable=True)
        stop = threading.Event()
        progress.cancel_requested.connect(stop.set)
        db_file, checking = database_path(self.ctx.data_dir), self.tr("Checking the copy…")

        def copied(done: int, total: int) -> None:
            if stop.is_set():
                raise BackupCancelled
            in_ui_thread(progress.set_progress, done, total)

        def work(_cancel: Any) -> tuple[Path, BackupReport]:
            made = backup_to(db_file, folder, progress=copied, make_folder=False)
            path = made.path if isinstance(made, BackupInfo) else made
            in_ui_thread(progress.set_step, checking)
            return path, verify_backup(path)

        self.ctx.tasks.run(work, lambda result: self._backed_up(progress, *result),
                           lambda error: self._backup_failed(progress, error))
        progress.open()
        return progress

    def _backed_up(self, progress: ProgressDialog, path: Path, report: BackupReport) -> None:
        if not shiboken6.isValid(progress):  # the window was closed meanwhile
            return
        progress.finish()
        size = format_size(path.stat().st_size)
        if report.ok:
            self._tell(self.tr("Backup written to {file} ({size}) and checked: the copy is "
                               "sound and its audit trail is unbroken. Keep the USB stick away "
                               "from this PC.").format(file=path, size=size), "backupDone")
        else:
            self._tell(self.tr("The backup was written to {file} ({size}) but does not pass "
                               "the check ({problem}). The database itself may be damaged: "
                               "keep the earlier backups and call head office.").format(
                file=path, size=size, problem=refusal_text(report)),
                "backupUnsound", QMessageBox.Icon.Warning)

    def _backup_failed(self, progress: ProgressDialog, error: BaseException) -> None:
        if not shiboken6.isValid(progress):
            return
        progress.finish()
        if isinstance(error, BackupCancelled):
            self._tell(self.tr("The backup was cancelled; nothing was written."),
                       "backupCancelled")
        elif isinstance(error, DomainError):
            self._tell(error_message(error) or "", "backupFailed", QMessageBox.Icon.Warning)
        else:
            show_unexpected(self.window, error)

    # ------------------------------------------------------------------ list
    def show_backups(self) -> BackupsDialog:
        dialog = BackupsDialog(self.ctx, self.window)
        dialog.restore_requested.connect(self.restore_file)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # ------------------------------------------------------------------ restore
    def restore_from_file(self) -> ProgressDialog | None:
        """Choose a backup file (the backups folder first), then ``restore_file``."""
        path = self.choose_file(self.window, backup_dir(self.ctx.data_dir))
        return None if path is None else self.restore_file(path)

    def restore_file(self, path: Path) -> ProgressDialog | None:
        """Verify ``path``; refuse it with the reason, or ask the admin to confirm."""
        if self.ctx.signed_in().role != RESTORE_ROLE:
            self._tell(self.tr("Only an admin can restore a backup."), "restoreRefused",
                       QMessageBox.Icon.Warning)
            return None
        progress = ProgressDialog("verifyProgress", self.tr("Restore from backup"),
                                  self.tr("Checking the backup {file}…").format(file=path.name),
                                  self.window)
        self.ctx.tasks.run(lambda _cancel: verify_backup(path),
                           lambda report: self._verified(progress, report),
                           lambda error: self._not_verified(progress, error))
        progress.open()
        return progress

    def _verified(self, progress: ProgressDialog, report: BackupReport) -> None:
        if not shiboken6.isValid(progress):
            return
        progress.finish()
        if not report.ok:
            self._tell(self.tr("This backup cannot be restored: {problem}. Nothing was "
                               "changed.").format(problem=refusal_text(report)),
                       "restoreRefused",
                       QMessageBox.Icon.Warning)
            return
        dialog = RestoreConfirmDialog(self.ctx, report, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.restore_confirmed.emit(report.path))
        dialog.open()

    def _not_verified(self, progress: ProgressDialog, error: BaseException) -> None:
        if not shiboken6.isValid(progress):
            return
        progress.finish()
        if isinstance(error, DomainError):
            self._tell(error_message(error) or "", "restoreRefused", QMessageBox.Icon.Warning)
        else:
            show_unexpected(self.window, error)

    def _tell(self, text: str, name: str,
              icon: QMessageBox.Icon = QMessageBox.Icon.Information) -> QMessageBox:
        box = QMessageBox(icon, "Loket", text, QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName(name)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.message = box
        box.open()
        return box
