"""The sync progress dialog: phase, items, bytes, rate and time left, with Cancel; the
sync runs off the UI thread. A cut download of the branch snapshot says how much of it
is kept and that pressing Sync continues from there.

``SyncServices`` says where the head-office link and the device token come from: the
OS credential store and HTTPS in production, fakes in tests. ``SyncDialog.start()``
runs :func:`app.services.sync.run_sync` through ``ctx.tasks``; the cashier can keep
working meanwhile. The service allows one sync per device at a time: a second one is
refused and the dialog shows the service's sentence.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import BranchDatabase
from app.services.errors import DomainError, ErrorCode
from app.services.sync import (
    HttpTransport,
    KeyringTokenStore,
    SyncProgress,
    SyncReport,
    TokenStore,
    Transport,
    open_transport,
    run_sync,
)
from app.services.sync.progress import RateMeter
from app.services.sync.snapshot import kept_bytes
from app.ui.context import UiContext
from app.ui.error_text import error_text
from app.ui.errors_dialog import show_unexpected
from app.ui.i18n import format_count
from app.ui.kit.widgets import MessageLine, named
from app.ui.style import Look, set_look
from app.ui.tasks import in_ui_thread

RegisterLink = Callable[[str, Path | None], Transport]
SyncLink = Callable[[BranchDatabase, TokenStore], Transport]
# Codes meaning head office could not be reached at all (the status bar says "offline");
# any other failure is "failed" (head office may have answered, but there was no sync).
OFFLINE_CODES = {ErrorCode.SYNC_UNREACHABLE}
ONLINE, OFFLINE, FAILED = "online", "offline", "failed"


def _http_register_link(url: str, ca_file: Path | None) -> Transport:
    return HttpTransport(url, ca_file=ca_file)


def _http_sync_link(branch: BranchDatabase, store: TokenStore) -> Transport:
    return open_transport(branch.reading(), store)


@dataclass
class SyncServices:
    """Where the token is kept and how the link to head office is opened."""

    token_store: TokenStore = field(default_factory=KeyringTokenStore)
    register_link: RegisterLink = _http_register_link
    sync_link: SyncLink = _http_sync_link


def format_bytes(count: int) -> str:
    """``1536`` → ``1,5 KB`` style (locale digits; a no-break space, so a wrapped line
    never ends between the figure and its unit)."""
    if count < 1024:
        return f"{format_count(count)}\u00a0B"
    if count < 1024 * 1024:
        return f"{count / 1024:.1f}\u00a0KB".replace(".", ",")
    return f"{count / (1024 * 1024):.1f}\u00a0MB".replace(".", ",")


class SyncDialog(QDialog):
    """One sync with head office; ``synced`` is emitted with (report or None, state): the
    state is ``ONLINE`` after a sync, ``OFFLINE`` when head office could not be reached
    and ``FAILED`` when the sync failed otherwise (not registered, refused …)."""

    synced = Signal(object, str)

    def __init__(self, ctx: UiContext, services: SyncServices,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.services = ctx, services
        self.running = False
        self.report: SyncReport | None = None
        self.error: BaseException | None = None
        self._stop = threading.Event()
        self.setObjectName("syncDialog")
        self.setWindowTitle(self.tr("Sync with head office"))
        set_look(self, Look.DIALOG)
        self.phase = named(QLabel(self.tr("Starting…")), "syncPhase")
        self.items = named(QLabel("–"), "syncItems")
        self.traffic = named(QLabel("–"), "syncBytes")
        self.rate = named(QLabel("–"), "syncRate")
        self.meter = RateMeter()
        self._snapshot_total = 0
        self.bar = named(QProgressBar(), "syncProgress")
        self.bar.setRange(0, 0)
        self.message = MessageLine(self)
        self.message.setObjectName("syncMessage")
        form = QFormLayout()
        form.addRow(self.tr("Step:"), self.phase)
        form.addRow(self.tr("Items:"), self.items)
        form.addRow(self.tr("Sent / received:"), self.traffic)
        form.addRow(self.tr("Speed:"), self.rate)
        self.button = named(QPushButton(self.tr("Cancel")), "syncCancel")
        self.button.clicked.connect(self.cancel_or_close)
        buttons = QDialogButtonBox()
        buttons.addButton(self.button, QDialogButtonBox.ButtonRole.RejectRole)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.bar)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self.setWindowModality(Qt.WindowModality.NonModal)

    # ------------------------------------------------------------------ running
    def start(self) -> None:
        """Open the link and run the sync in the background."""
        self.running = True
        self.ctx.tasks.run(self._work, self._done, self._failed)

    def _work(self, _cancel: Any) -> SyncReport:
        transport = self.services.sync_link(self.ctx.branch, self.services.token_store)
        return run_sync(self.ctx.branch.writing, transport,
                        progress=self._tell, cancel=self._stop.is_set)

    def _tell(self, progress: SyncProgress) -> None:
        in_ui_thread(self.show_progress, progress)  # not shown once the dialog is gone

    def show_progress(self, progress: SyncProgress) -> None:
        """Show one progress report (called on the UI thread)."""
        texts = {"push": self.tr("Sending this counter's changes"),
                 "snapshot": self.tr("Receiving the branch's data (first sync)"),
                 "pull": self.tr("Receiving changes from head office"),
                 "reconcile": self.tr("Comparing totals with head office")}
        self.phase.setText(texts.get(progress.phase, progress.phase))
        snapshot = progress.phase == "snapshot"
        if snapshot:
            self._snapshot_total = progress.total
        if progress.total:
            show = format_bytes if snapshot else format_count
            self.items.setText(self.tr("{done} of {total}").format(
                done=show(progress.done), total=show(progress.total)))
            self.bar.setRange(0, progress.total)
            self.bar.setValue(min(progress.done, progress.total))
        else:
            self.items.setText(format_count(progress.done))
            self.bar.setRange(0, 0)
        self.traffic.setText(f"{format_bytes(progress.bytes_sent)} / "
                             f"{format_bytes(progress.bytes_received)}")
        rate = self.meter.update(progress)
        speed = self.tr("{rate}/s").format(rate=format_bytes(round(rate.bytes_per_second)))
        if rate.seconds_left is not None:
            speed = self.tr("{speed} · {left} left").format(
                speed=speed, left=self.duration(rate.seconds_left))
        self.rate.setText(speed)

    def duration(self, seconds: float) -> str:
        """``45 s``, ``3 min 05 s``."""
        whole = round(seconds)
        if whole < 60:
            return self.tr("{seconds} s").format(seconds=whole)
        return self.tr("{minutes} min {seconds} s").format(minutes=whole // 60,
                                                           seconds=f"{whole % 60:02d}")

    def _done(self, report: SyncReport) -> None:
        self.running, self.report = False, report
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        self.traffic.setText(f"{format_bytes(report.bytes_sent)} / "
                             f"{format_bytes(report.bytes_received)}")
        self.phase.setText(self.tr("Finished") if not report.cancelled else self.tr("Cancelled"))
        self.message.show_message(*self._summary(report))
        self._finish()
        self.synced.emit(report, ONLINE)

    def _summary(self, report: SyncReport) -> tuple[str, str]:
        if report.cancelled:
            return (self.tr("Sync cancelled. {acked} changes were sent; the rest waits for "
                            "the next sync.").format(acked=format_count(report.acked)),
                    "warning")
        text = self.tr("Sync finished: {acked} changes sent, {pulled} received.").format(
            acked=format_count(report.acked), pulled=format_count(report.pulled))
        if report.rejected:
            text += " " + self.tr("{count} changes were refused by head office; a supervisor "
                                  "should look at them (Sync → Rejected events).").format(
                count=format_count(len(report.rejected)))
        if report.reconciliation is not None and not report.reconciliation.ok:
            return (text + " " + self.tr("THE TOTALS DO NOT MATCH HEAD OFFICE. Call your "
                                         "supervisor."), "error")
        return text, "warning" if report.rejected else "info"

    def _failed(self, error: BaseException) -> None:
        self.running, self.error = False, error
        self.phase.setText(self.tr("Not finished"))
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        if isinstance(error, DomainError):
            self.message.show_message(error_text(error) + self._kept_text(), "error")
            state = OFFLINE if error.code in OFFLINE_CODES else FAILED
        else:
            self.message.show_message(self.tr("The sync stopped unexpectedly; nothing was "
                                              "lost. Try again later."), "error")
            show_unexpected(self, error)
            state = FAILED
        self._finish()
        self.synced.emit(None, state)

    def _kept_text(self) -> str:
        """After a cut download of the branch snapshot: how much is kept."""
        kept = kept_bytes(self.ctx.branch.data_dir)
        if not kept:
            return ""
        total = self._snapshot_total or kept
        return " " + self.tr("{kept} of {total} of the branch's data is kept; press Sync "
                             "to continue from there.").format(
            kept=format_bytes(kept), total=format_bytes(total))

    def _finish(self) -> None:
        self.rate.setText("–")  # nothing moves any more
        self.adjustSize()  # room for the wrapped message
        self.button.setText(self.tr("Close"))
        self.button.setEnabled(True)
        self.button.setFocus(Qt.FocusReason.OtherFocusReason)

    # ------------------------------------------------------------------ buttons
    def cancel_or_close(self) -> None:
        """While running: ask the sync to stop after the current batch; else close."""
        if self.running:
            self._stop.set()
            self.phase.setText(self.tr("Stopping after the current batch…"))
            self.button.setEnabled(False)
            return
        self.accept()

    def reject(self) -> None:
        """Esc: cancel a running sync (it stops between batches), else close."""
        if self.running:
            self.cancel_or_close()
            return
        super().reject()
