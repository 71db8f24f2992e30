"""The Sync menu's actions: sync now, register, bundles for a branch with no link, review.

``SyncActions`` belongs to the main window; it opens the dialogs, runs bundle export
and import in the background (a refused bundle is explained in plain words) and tells
the status bar after every sync whether head office answered.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from app.services.sync import (
    BundleInfo,
    ReconcileResult,
    ReplyImport,
    SyncReport,
    export_bundle,
    import_reply,
)
from app.ui.backup.restore_release_dialog import RestoreReleaseDialog
from app.ui.context import UiContext
from app.ui.errors_dialog import show_unexpected
from app.ui.i18n import format_count
from app.ui.kit.widgets import error_message
from app.ui.sync.dialogs import SyncDialog, SyncServices
from app.ui.sync.register_dialog import RegisterDialog
from app.ui.sync.views import SyncReviewDialog

BUNDLE_FILTER = "Loket bundle (*.zip)"


class SyncActions(QObject):
    """What the Sync menu does; ``changed`` after a sync (the sync state, see
    :class:`SyncDialog`) or an import (None: what was known stays)."""

    changed = Signal(object)

    def __init__(self, ctx: UiContext, services: SyncServices, window: QWidget) -> None:
        super().__init__(window)
        self.ctx, self.services, self.window = ctx, services, window
        self.last_reconciliation: ReconcileResult | None = None
        self.message: QMessageBox | None = None
        self.dialog: SyncDialog | None = None  # the one sync window, while it is open

    def sync_now(self) -> SyncDialog:
        """F12: a progress dialog running one sync in the background. There is only ever
        one: while a sync runs F12 brings its window to the front; a finished one (its
        result or error read) is closed and a fresh sync starts in its place."""
        open_one = self.dialog
        if open_one is not None and open_one.running:
            open_one.raise_()
            open_one.activateWindow()
            return open_one
        if open_one is not None:
            open_one.close()
        dialog = SyncDialog(self.ctx, self.services, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.synced.connect(self._synced)
        dialog.finished.connect(lambda _r: self._sync_closed(dialog))
        self.dialog = dialog
        dialog.show()
        dialog.start()
        return dialog

    def _sync_closed(self, dialog: SyncDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _synced(self, report: SyncReport | None, state: str) -> None:
        if report is not None and report.reconciliation is not None:
            self.last_reconciliation = report.reconciliation
        self.changed.emit(state)

    def register(self) -> RegisterDialog:
        dialog = RegisterDialog(self.ctx, self.services, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.registered.connect(lambda _r: self._tell(
            self.tr("This counter is now registered with head office."), "registeredMessage"))
        dialog.open()
        return dialog

    def allow_payments(self) -> RestoreReleaseDialog:
        """A supervisor allows payments after a restore, before head office confirms it."""
        dialog = RestoreReleaseDialog(self.ctx, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.released.connect(lambda _r: self._tell(
            self.tr("Payments are allowed again. Sync with head office as soon as there is "
                    "a link."), "paymentsAllowedMessage"))
        dialog.open()
        return dialog

    def review(self) -> SyncReviewDialog:
        dialog = SyncReviewDialog(self.ctx, self.last_reconciliation, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # ------------------------------------------------------------------ bundles
    def export_bundle(self) -> bool:
        """Ask where to write the bundle (a .zip), then write it in the background."""
        name, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export sync bundle"),
                                              str(Path.home() / "loket-bundle.zip"),
                                              BUNDLE_FILTER)
        if not name:
            return False
        path = Path(name) if name.lower().endswith(".zip") else Path(f"{name}.zip")
        services, branch = self.services, self.ctx.branch

        def work(_cancel: Any) -> BundleInfo:
            return export_bundle(branch.writing, services.token_store, path)

        self.ctx.tasks.run(work, self._exported, self._failed)
        return True

    def _exported(self, info: BundleInfo) -> None:
        if info.first_seq is None:
            text = self.tr("Bundle written to {path}. No change was waiting; it only asks "
                           "head office for news.").format(path=info.path)
        else:
            text = self.tr("Bundle written to {path}: {count} changes (numbers {first} to "
                           "{last}). Take it to head office and bring back the reply.").format(
                path=info.path, count=format_count(info.events), first=info.first_seq,
                last=info.last_seq)
        self._tell(text, "bundleExported")

    def import_reply(self) -> bool:
        """Ask for head office's reply bundle, then check and apply it in the background."""
        name, _ = QFileDialog.getOpenFileName(self.window, self.tr("Import reply bundle"),
                                              str(Path.home()), BUNDLE_FILTER)
        if not name:
            return False
        path, services, branch = Path(name), self.services, self.ctx.branch

        def work(_cancel: Any) -> ReplyImport:
            return import_reply(branch.writing, services.token_store, path)

        self.ctx.tasks.run(work, self._imported, self._failed)
        return True

    def _imported(self, reply: ReplyImport) -> None:
        acked = reply.acks.acked if reply.acks is not None else 0
        text = self.tr("Reply imported: {acked} changes confirmed by head office, {changes} "
                       "updates received.").format(acked=format_count(acked),
                                                   changes=format_count(reply.changes))
        if reply.acks is not None and reply.acks.rejected:
            text += " " + self.tr("{count} changes were refused; see Sync → Rejected "
                                  "events.").format(count=format_count(len(reply.acks.rejected)))
        if reply.resend_from is not None:
            text += " " + self.tr("Head office is missing earlier changes: export a new "
                                  "bundle and take it there.")
        self.changed.emit(None)
        self._tell(text, "bundleImported")

    def _failed(self, error: BaseException) -> None:
        text = error_message(error)
        if text is None:
            show_unexpected(self.window, error)
            return
        self._tell(text, "syncRefused", QMessageBox.Icon.Warning)

    def _tell(self, text: str, name: str,
              icon: QMessageBox.Icon = QMessageBox.Icon.Information) -> QMessageBox:
        box = QMessageBox(icon, "Loket", text, QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName(name)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _r: self._closed(box))
        self.message = box
        box.open()
        return box

    def _closed(self, box: QDialog) -> None:
        if self.message is box:
            self.message = None
