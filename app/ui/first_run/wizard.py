"""The first-run wizard: set up a new counter, or try Loket with the demo branch.

``loket`` shows it when the branch folder holds no database. Setting up asks for the
branch, this counter, the first admin user and the receipt printer; Finish runs the
set-up service off the UI thread behind a progress dialog. A failure leaves no
database behind, is shown on the last page, and the wizard stays open with everything
typed. Afterwards ``branch_dir`` (and ``demo``) say which branch folder to open.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget, QWizard

from app.bootstrap import open_branch
from app.models.database import database_path
from app.services.demo.branch import DEMO_BUSINESS_DATE, DEMO_USERS, create_demo_branch
from app.services.demo.plan import FULL_CUSTOMERS
from app.services.errors import DomainError
from app.services.first_run import (
    AdminAccount,
    CounterSetup,
    SetupDone,
    checked,
    set_up_counter,
)
from app.services.settings import CounterSettings
from app.services.setup import BranchSetup
from app.ui.error_text import error_text
from app.ui.first_run.pages import (
    ADMIN,
    BRANCH,
    COUNTER,
    DEMO,
    PRINTER,
    START,
    SUMMARY,
    AdminPage,
    BranchPage,
    CounterPage,
    FinalPage,
    PrinterPage,
    StartPage,
)
from app.ui.i18n import format_count, format_date
from app.ui.kit.widgets import MessageLine
from app.ui.printing import printer_names
from app.ui.tasks import TaskRunner

SetUp = Callable[[Path, CounterSetup], SetupDone]
MakeDemo = Callable[[Path], object]
log = logging.getLogger("loket.first_run")


class FirstRunWizard(QWizard):
    """``completed`` fires once the branch is ready (then the wizard closes as accepted);
    ``failed(text)`` when Finish did not succeed (the wizard stays open)."""

    completed = Signal(object)  # SetupDone, or None for the demo branch
    failed = Signal(str)

    def __init__(self, data_dir: Path, demo_dir: Path, settings: CounterSettings | None = None,
                 *, printers: Sequence[str] | None = None, settings_file: Path | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir, self.demo_dir = data_dir, demo_dir
        self.settings = settings or CounterSettings()
        self.settings_file = settings_file
        self.set_up: SetUp = self._set_up  # replaceable (tests)
        self.make_demo: MakeDemo = create_demo_branch
        self.tasks = TaskRunner(self)
        self.running = False
        self.branch_dir: Path | None = None
        self.demo = False
        self.done_: SetupDone | None = None
        self.progress: QProgressDialog | None = None
        self.setObjectName("firstRunWizard")
        self.setWindowTitle(self.tr("Loket — first start"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self._name_buttons()
        self.start_page = StartPage()
        self.branch_page = BranchPage()
        self.counter_page = CounterPage(lambda: self.branch_page.text("branchCode"))
        self.admin_page = AdminPage()
        self.printer_page = PrinterPage(
            printer_names() if printers is None else printers,
            self.settings.printer_for("receipt"))
        self.summary_page = FinalPage("summaryPage", self.tr("Ready to set up"),
                                      self.tr("Check what Loket will set up, then press "
                                              "Finish."))
        self.demo_page = FinalPage("demoPage", self.tr("The demo branch"),
                                   self.tr("An invented branch to try Loket out."))
        for page_id, page in ((START, self.start_page), (BRANCH, self.branch_page),
                              (COUNTER, self.counter_page), (ADMIN, self.admin_page),
                              (PRINTER, self.printer_page), (SUMMARY, self.summary_page),
                              (DEMO, self.demo_page)):
            self.setPage(page_id, page)
        self.currentIdChanged.connect(self._entered)
        self.resize(700, 520)

    def _name_buttons(self) -> None:
        """Our own texts (Qt's would stay English) and names for tests."""
        for button, text, name in (
            (QWizard.WizardButton.BackButton, self.tr("< &Back"), "wizardBack"),
            (QWizard.WizardButton.NextButton, self.tr("&Next >"), "wizardNext"),
            (QWizard.WizardButton.FinishButton, self.tr("&Finish"), "wizardFinish"),
            (QWizard.WizardButton.CancelButton, self.tr("Cancel"), "wizardCancel"),
        ):
            self.setButtonText(button, text)
            self.button(button).setObjectName(name)

    # ------------------------------------------------------------------ values
    def collected(self) -> CounterSetup:
        """What was typed, as the set-up service takes it (not yet checked)."""
        b, c, a = self.branch_page, self.counter_page, self.admin_page
        branch = BranchSetup(
            branch_code=b.text("branchCode"), branch_name=b.text("branchName"),
            utility_name=b.text("utilityName"), address=b.text("branchAddress"),
            counter_code=c.text("counterCode"), counter_name=c.text("counterName"))
        admin = AdminAccount(a.text("adminUser"), a.text("adminName"), a.text("adminPassword"))
        return CounterSetup(branch, admin, self.printer_page.choice())

    def _entered(self, page_id: int) -> None:
        if page_id == SUMMARY:
            self.summary_page.message.clear_message()
            self.summary_page.summary.setText(self._summary())
        elif page_id == DEMO:
            self.demo_page.message.clear_message()
            self.demo_page.summary.setText(self._demo_summary())

    def _summary(self) -> str:
        try:
            setup = checked(self.collected())
        except DomainError as error:  # the pages let nothing wrong through; just in case
            return html.escape(error_text(error))
        b, admin = setup.branch, setup.admin
        rows = (
            (self.tr("Branch:"), f"{b.branch_code} — {b.branch_name}"),
            (self.tr("Water utility:"), b.utility_name),
            (self.tr("Address:"), b.address or "–"),
            (self.tr("Counter:"), f"{b.counter_code} — {b.counter_name}"),
            (self.tr("Administrator:"), f"{admin.username} ({admin.full_name})"),
            (self.tr("Receipt printer:"), f"{self.printer_page.printer.currentText()}, "
                                          f"{self.printer_page.paper.currentText()}"),
            (self.tr("Branch folder:"), str(self.data_dir)),
        )
        table = "".join(f"<tr><td style='padding-right:12px'>{html.escape(label)}</td>"
                        f"<td><b>{html.escape(value)}</b></td></tr>" for label, value in rows)
        then = self.tr("Finish creates the branch database; then sign in as {user}.").format(
            user=admin.username)
        return f"<table cellspacing='3'>{table}</table><p>{html.escape(then)}</p>"

    def _demo_summary(self) -> str:
        if database_path(self.demo_dir).exists():
            intro = self.tr("The demo branch is already on this computer ({folder}); Finish "
                            "opens it.").format(folder=self.demo_dir)
        else:
            intro = self.tr("Finish creates the demo branch in {folder}: {count} invented "
                            "customers of Kota Kupang on the business date {date}. This takes "
                            "a few seconds.").format(folder=self.demo_dir,
                                                     count=format_count(FULL_CUSTOMERS),
                                                     date=format_date(DEMO_BUSINESS_DATE))
        logins = "".join(f"<tr><td style='padding-right:12px'><b>{user}</b></td>"
                         f"<td style='padding-right:12px'>{password}</td>"
                         f"<td>{html.escape(self._role(role))}</td></tr>"
                         for user, password, role, _name in DEMO_USERS)
        sign_in = self.tr("Sign in as:")
        return (f"<p>{html.escape(intro)}</p><p>{html.escape(sign_in)}</p>"
                f"<table cellspacing='3'>{logins}</table>")

    def _role(self, role: str) -> str:
        return {"cashier": self.tr("cashier"), "supervisor": self.tr("supervisor"),
                "admin": self.tr("admin")}.get(role, role)

    # ------------------------------------------------------------------ finishing
    def accept(self) -> None:
        """Finish: run the set-up (or make the demo) in the background; close when done."""
        if self.branch_dir is not None:
            super().accept()
            return
        if self.running:
            return
        if self.currentId() == DEMO:
            self._start_demo()
        else:
            self._start_set_up()

    def _start_set_up(self) -> None:
        setup, data_dir = self.collected(), self.data_dir
        self._run(self.tr("Setting up this counter…"),
                  lambda _cancel: self.set_up(data_dir, setup), self._set_up_done)

    def _set_up(self, data_dir: Path, setup: CounterSetup) -> SetupDone:
        return set_up_counter(data_dir, setup, lambda folder: open_branch(folder, create=True),
                              base_settings=self.settings, settings_file=self.settings_file)

    def _start_demo(self) -> None:
        folder, make = self.demo_dir, self.make_demo

        def work(_cancel: Any) -> None:
            if not database_path(folder).exists():
                make(folder)

        self._run(self.tr("Creating the demo branch…"), work, lambda _none: self._demo_done())

    def _run(self, text: str, work: Callable[[Any], Any],
             on_done: Callable[[Any], None]) -> None:
        self.running = True
        self._message().clear_message()
        progress = QProgressDialog(text, "", 0, 0, self)
        progress.setObjectName("firstRunProgress")
        progress.setWindowTitle(self.windowTitle())
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setMinimumWidth(360)
        progress.show()
        self.progress = progress
        self.tasks.run(work, lambda result: self._finished(on_done, result), self._failed)

    def _finished(self, on_done: Callable[[Any], None], result: Any) -> None:
        self._stop_progress()
        on_done(result)

    def _set_up_done(self, done: SetupDone) -> None:
        log.info("first run: branch %s, counter %s set up in %s; settings saved to %s",
                 done.branch_code, done.counter_code, done.data_dir, done.settings_file)
        self.done_, self.branch_dir, self.demo = done, done.data_dir, False
        self.completed.emit(done)
        self.accept()

    def _demo_done(self) -> None:
        log.info("first run: demo branch in %s", self.demo_dir)
        self.branch_dir, self.demo = self.demo_dir, True
        self.completed.emit(None)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._stop_progress()
        if isinstance(error, DomainError):
            reason = error_text(error)
            log.warning("first run refused: %s", error.message)
        else:
            reason = (error.strerror if isinstance(error, OSError) and error.strerror
                      else str(error)) or type(error).__name__
            log.error("first run failed", exc_info=(type(error), error, error.__traceback__))
        if not reason.endswith((".", "!", "?")):
            reason += "."
        text = self.tr("Nothing was set up: {reason} Correct what is needed and press Finish "
                       "again.").format(reason=reason)
        self._message().show_message(text, "error")
        self.failed.emit(text)

    def _stop_progress(self) -> None:
        self.running = False
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _message(self) -> MessageLine:
        page = self.demo_page if self.currentId() == DEMO else self.summary_page
        return page.message

    # ------------------------------------------------------------------ closing
    def reject(self) -> None:
        if not self.running:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.running:
            event.ignore()
            return
        super().closeEvent(event)

    def wait(self, msecs: int = 30_000) -> bool:
        """Wait for a running set-up (tests and shutdown)."""
        return self.tasks.wait(msecs)


def settings_problem_box(broken: Sequence[Path], log_file: Path | None,
                         parent: QWidget | None = None) -> QMessageBox:
    """A non-blocking message: a settings file could not be used, the defaults are."""
    text = QCoreApplication.translate(
        "StartUp", "The settings file {files} could not be read; Loket uses the default "
                   "settings instead.").format(files=", ".join(str(p) for p in broken))
    if log_file is not None:
        text += " " + QCoreApplication.translate(
            "StartUp", "The log file says what is wrong: {path}").format(path=log_file)
    box = QMessageBox(QMessageBox.Icon.Warning, "Loket", text, QMessageBox.StandardButton.Ok,
                      parent)
    box.setObjectName("settingsProblem")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.show()
    return box
