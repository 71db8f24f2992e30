"""Restoring the branch database: from the counter window, and at start-up when it is damaged.

From the window (admins only, see ``BackupActions``): the backup is verified first, then
``RestoreConfirmDialog`` says what a restore means and takes the admin's password again.
``AppShell.restore_from`` logs everyone out and waits for background work, and
``RestoreRun`` closes the branch, restores off the UI thread and reopens the branch —
the untouched current database when the restore failed. The outcome box sums it up.

At start-up, ``offer_restore`` answers a damaged database for which a good backup
exists: the message offers to restore it (or quit); restored, Loket starts normally.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import BranchDatabase, open_branch
from app.models.dbfile import parse_backup_name
from app.services.backup.check import BackupReport
from app.services.backup.copies import authorise_restore
from app.services.backup.restore import RestoreReport, restore
from app.services.backup.restore_block import current_block
from app.services.clock import Clock
from app.services.context import Actor
from app.services.errors import DomainError, ErrorCode
from app.services.findings import FindingCode
from app.services.sequences import RECEIPT
from app.ui.context import UiContext
from app.ui.errors_dialog import (
    current_log_file,
    setup_logging,
    stop_logging,
    unexpected_text,
)
from app.ui.finding_text import finding_text
from app.ui.i18n import format_count, format_date
from app.ui.kit.widgets import (
    confirm_buttons,
    error_message,
    named,
    problem_label,
    wrapped,
)
from app.ui.progress_dialog import ProgressDialog
from app.ui.style import Look, set_look
from app.ui.tasks import TaskRunner

translate = QCoreApplication.translate
log = logging.getLogger("loket.backups")


def taken_at(path: Path) -> str:
    """When a backup was taken: from its name, else the file's time (``24 November 2025 17:30``)."""
    parsed = parse_backup_name(path.name)
    when = parsed[0] if parsed else dt.datetime.fromtimestamp(path.stat().st_mtime)
    return f"{format_date(when.date())} {when:%H:%M}"


class RestoreConfirmDialog(QDialog):
    """What a restore means, and the admin's password typed again; ``approved`` once right."""

    def __init__(self, ctx: UiContext, report: BackupReport,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.report = ctx, report
        self.approved: Actor | None = None
        actor = ctx.signed_in()
        self.setObjectName("restoreConfirm")
        self.setWindowTitle(self.tr("Restore from backup"))
        set_look(self, Look.DIALOG)
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        heading = named(QLabel(self.tr("Restore the branch database from this backup?"), self),
                        "restoreHeading")
        heading.setProperty("role", "heading")
        layout.addWidget(heading)
        facts = self.tr("{file}\ntaken {time} · {payments} payments · {records} audit records; "
                        "the file is sound and its audit trail unbroken.").format(
            file=report.path, time=taken_at(report.path),
            payments=format_count(report.payments), records=format_count(report.audit_records))
        layout.addWidget(wrapped(named(QLabel(facts, self), "restoreFacts")))
        warning = named(QLabel(self.warning_text(), self), "restoreWarning")
        warning.setWordWrap(True)
        set_look(warning, Look.MESSAGE_WARNING)
        layout.addWidget(warning)
        caption = QLabel(self.tr("To confirm, type your password ({username}):").format(
            username=actor.username), self)
        self.password = named(QLineEdit(self), "restorePassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        caption.setBuddy(self.password)
        self.problem = problem_label("restorePasswordProblem", self)
        layout.addWidget(caption)
        layout.addWidget(self.password)
        layout.addWidget(self.problem)
        buttons, self.confirm, _cancel = confirm_buttons(
            self, "restore", self.tr("Restore and log everyone out"), self.tr("Cancel (Esc)"))
        layout.addWidget(buttons)
        self.password.textChanged.connect(lambda _text: self.problem.clear())
        self.password.setFocus()

    def warning_text(self) -> str:
        return "\n".join((
            self.tr("• The database goes back to the time of this backup. Payments, "
                    "enrolments and voids made after it are not in it."),
            self.tr("• The outbox and the receipt numbers continue from the restored point; "
                    "no receipt number is ever issued twice."),
            self.tr("• Sync this counter with head office before taking any payment."),
            self.tr("• Everyone is logged out. The current database is kept in the backups "
                    "folder.")))

    def accept(self) -> None:
        """Check the password (an admin's, counted like a log-in) before closing."""
        if not self.password.text():
            self.problem.setText(self.tr("Type your password."))
            self.adjustSize()
            return
        try:
            self.approved = authorise_restore(self.ctx.branch.writing(),
                                              self.ctx.signed_in().username,
                                              self.password.text())
        except DomainError as error:
            self.password.clear()
            self.problem.setText(error_message(error) or error.message)
            self.adjustSize()  # room for the problem line
            self.password.setFocus()
            return
        log.info("restore from %s confirmed by %s", self.report.path, self.approved.username)
        super().accept()


@dataclass(frozen=True)
class RestoreOutcome:
    backup: Path
    report: RestoreReport | None  # None: not restored
    failure: BaseException | None  # why not
    branch: BranchDatabase | None  # reopened (restored, or the untouched current one); None: cannot
    payments_blocked: bool = False  # until head office has confirmed the restored counter


class RestoreRun(QObject):
    """Restores ``backup`` into the closed branch folder off the UI thread and reopens it;
    ``finished(RestoreOutcome)``. ``prepare`` (run once the progress is on screen) lets the
    caller wait for its background work and close the branch first."""

    finished = Signal(object)

    def __init__(self, tasks: TaskRunner, data_dir: Path, backup: Path,
                 clock: Clock | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tasks, self.data_dir, self.backup, self.clock = tasks, data_dir, backup, clock
        self.progress: ProgressDialog | None = None
        self.outcome: RestoreOutcome | None = None

    def start(self, prepare: Callable[[], None] | None = None) -> ProgressDialog:
        self.progress = ProgressDialog(
            "restoreProgress", self.tr("Restore from backup"),
            self.tr("Restoring the branch database from {file}. Loket is closed meanwhile; "
                    "this may take a few minutes.").format(file=self.backup.name))
        self.progress.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.progress.show()
        QTimer.singleShot(0, self, lambda: self._begin(prepare))
        return self.progress

    def _begin(self, prepare: Callable[[], None] | None) -> None:
        if prepare is not None:
            prepare()
        self.tasks.run(self._work, self._finish, self._reopen_failed)

    def _work(self, _cancel: Any) -> RestoreOutcome:
        report, failure = None, None
        try:
            report = restore(self.backup, self.data_dir, clock=self.clock)
        except Exception as error:  # reopen the untouched current database, then say why
            if not isinstance(error, DomainError):
                log.error("restore failed", exc_info=error)
            failure = error
        branch = open_branch(self.data_dir, clock=self.clock)
        blocked = report is not None and current_block(branch.reading()) is not None
        return RestoreOutcome(self.backup, report, failure, branch, blocked)

    def _reopen_failed(self, error: BaseException) -> None:
        if not isinstance(error, DomainError):
            log.error("the branch database cannot be opened after a restore", exc_info=error)
        self._finish(RestoreOutcome(self.backup, None, error, None))

    def _finish(self, outcome: RestoreOutcome) -> None:
        if self.progress is not None:
            self.progress.finish()
            self.progress = None
        self.outcome = outcome
        self.finished.emit(outcome)


def report_text(report: RestoreReport, payments_blocked: bool = False) -> str:
    """The restore's report in the UI language: numbers raised, where the old database is."""
    lines = [translate(
        "RestoreFlow", "The branch database was restored from {file}. Payments made after "
        "that backup are not in it.").format(file=report.restored_from.name)]
    if report.kept_previous is not None:
        lines.append(translate("RestoreFlow", "The database it replaced is kept as {file}.")
                     .format(file=report.kept_previous))
    for raised in report.raised:
        template = translate(
            "RestoreFlow", "Receipt numbers of counter {counter} ({year}) continue after "
            "{number}; the backup ended at {restored}.") if raised.name == RECEIPT else \
            translate("RestoreFlow", "Work-order numbers of counter {counter} ({year}) "
                      "continue after {number}; the backup ended at {restored}.")
        lines.append(template.format(counter=raised.counter, year=raised.year,
                                     number=raised.raised_to, restored=raised.restored))
    if any(f.code is FindingCode.RESTORE_PREVIOUS_UNREAD for f in report.notices):
        lines.append(translate(
            "RestoreFlow", "The replaced database could not be read, so the numbers continue "
            "from the backup: take no payment before head office has confirmed this "
            "counter's last receipt number."))
    sync = translate("RestoreFlow",
                     "Sync this counter with head office before taking any payment.")
    if payments_blocked:
        sync += " " + translate(
            "RestoreFlow", "Until then Loket refuses payments; with no link to head office, "
            "a supervisor can allow them in the Sync menu.")
    lines.append(sync)
    return "\n\n".join(lines)


def outcome_box(outcome: RestoreOutcome, parent: QWidget | None = None) -> QMessageBox:
    """The message after a restore: its report, or why it did not happen."""
    if outcome.report is not None:
        text = report_text(outcome.report, outcome.payments_blocked)
        box = QMessageBox(QMessageBox.Icon.Information, "Loket", text,
                          QMessageBox.StandardButton.Ok, parent)
        box.setObjectName("restoreDone")
        if outcome.report.verification.notes:
            box.setDetailedText("\n".join(finding_text(f)
                                          for f in outcome.report.verification.notes))
        return box
    why = (error_message(outcome.failure) if outcome.failure is not None else None) \
        or unexpected_text(current_log_file())
    if outcome.branch is not None:
        text = translate("RestoreFlow", "The restore did not happen: {why}\n\nThe current "
                                        "database is unchanged and open again.").format(why=why)
    else:
        text = translate("RestoreFlow", "The restore did not happen, and the branch database "
                                        "cannot be opened: {why}").format(why=why)
    box = QMessageBox(QMessageBox.Icon.Warning, "Loket", text, QMessageBox.StandardButton.Ok,
                      parent)
    box.setObjectName("restoreFailed")
    return box


# ---------------------------------------------------------------- start-up
def restorable(error: DomainError) -> bool:
    """A damaged database with a good backup to go back to."""
    return error.code is ErrorCode.DATABASE_CORRUPT and bool(error.params.get("backup"))


def offer_restore(error: DomainError, data_dir: Path) -> BranchDatabase | None:
    """Offer the newest good backup for a damaged database; restore it and open the
    branch. None when the user quits or the restore fails (after saying why)."""
    backup = Path(str(error.params["backup"]))
    if not _ask(error, backup):
        return None
    setup_logging(data_dir)  # the restore is logged with the branch's log
    run = RestoreRun(TaskRunner(), data_dir, backup)
    loop = QEventLoop()
    run.finished.connect(lambda _outcome: loop.quit())
    run.start()
    loop.exec()
    outcome = run.outcome
    assert outcome is not None
    outcome_box(outcome).exec()
    if outcome.report is None:
        if outcome.branch is not None:
            outcome.branch.close()
        stop_logging()
        return None
    return outcome.branch


def _ask(error: DomainError, backup: Path) -> bool:
    text = translate(
        "RestoreFlow", "The branch database {path} is damaged ({problem}).\n\nThe newest "
        "backup that passes the check is {file}, taken {time}. Restoring it brings the "
        "database back to that time: payments made after it are not in it, and no receipt "
        "number is ever issued twice. Sync with head office before taking any payment."
        "\n\nThe damaged database is kept in the backups folder.").format(
        path=error.params.get("path", ""), problem=error.params.get("problem", ""),
        file=backup.name, time=taken_at(backup))
    box = QMessageBox(QMessageBox.Icon.Critical, "Loket", text)
    box.setObjectName("databaseDamaged")
    restore_button = box.addButton(translate("RestoreFlow", "Restore the last good backup"),
                                   QMessageBox.ButtonRole.AcceptRole)
    restore_button.setObjectName("restoreLastBackup")
    quit_button = box.addButton(translate("RestoreFlow", "Quit"),
                                QMessageBox.ButtonRole.RejectRole)
    quit_button.setObjectName("quitButton")
    box.setDefaultButton(restore_button)
    box.exec()
    return box.clickedButton() is restore_button
