"""After a down payment: the agreement and the unseal work order, printed in one step.

The customer signs the agreement at the counter and the field team takes the work
order, so both are printed right after the enrolment. A document whose type has a
printer in the counter settings is printed there at once, without asking; the others
are offered in one dialog: Enter prints them all on the printer shown (the system's
default), "Show" opens them to look at first, Esc leaves them in the archive (the
account's document list prints them later). Printing runs off the UI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.settings import load_settings
from app.ui.kit.widgets import named
from app.ui.printing import (
    JOB_FAILED,
    PrintResult,
    load_print_plugin,
    print_pdf,
    printer_names,
)
from app.ui.screen_fit import grow_later
from app.ui.style import Look, set_look
from app.ui.tasks import TaskRunner

log = logging.getLogger(__name__)
PrintFn = Callable[[Path, str, str], PrintResult]
AGREEMENT, WORK_ORDER = "agreement", "work_order"


@dataclass(frozen=True)
class EnrolmentDocument:
    kind: str  # AGREEMENT or WORK_ORDER (the counter settings' document type)
    number: str  # the receipt number of the agreement, the work order's number


@dataclass(frozen=True)
class DocumentPrinted:
    document: EnrolmentDocument
    result: PrintResult


def configured_printer(kind: str) -> str:
    """The printer the counter settings chose for documents of ``kind`` ("" = none)."""
    return load_settings().settings.printer_for(kind).printer


def print_documents(documents: Sequence[tuple[EnrolmentDocument, Path]], printer: str,
                    print_fn: PrintFn = print_pdf) -> list[DocumentPrinted]:
    """Print each document on ``printer`` (worker thread); one result per document."""
    return [DocumentPrinted(d, print_fn(path, printer, path.stem)) for d, path in documents]


class EnrolmentDocumentsDialog(QDialog):
    """Which documents to print and where; ``print_requested`` (documents, printer) on
    Enter, ``show_requested`` (documents) for "Show"."""

    print_requested = Signal(object, str)
    show_requested = Signal(object)

    def __init__(self, documents: Sequence[EnrolmentDocument], customer: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("enrolmentDocuments")
        self.setWindowTitle(self.tr("Agreement and work order"))
        set_look(self, Look.DIALOG)
        self.documents = list(documents)
        about = QLabel(self.tr("{customer} signs the agreement; the field team takes the work "
                               "order. Print them now?").format(customer=customer))
        about.setWordWrap(True)
        about.setObjectName("documentsAbout")
        self.checks: dict[str, QCheckBox] = {}
        for document in self.documents:
            box = named(QCheckBox(_title(document)), f"print_{document.kind}")
            box.setChecked(True)
            self.checks[document.kind] = box
        self.printer = named(QComboBox(), "documentsPrinter")
        names = printer_names()
        self.printer.addItems(names)
        default = QPrinterInfo.defaultPrinterName()
        if default in names:
            self.printer.setCurrentText(default)
        form = QFormLayout()
        form.addRow(self.tr("P&rinter:"), self.printer)
        self.print_button = named(QPushButton(self.tr("&Print (Enter)")), "documentsPrint")
        self.print_button.setDefault(True)
        self.print_button.setEnabled(bool(names))
        self.show_button = named(QPushButton(self.tr("&Show")), "documentsShow")
        self.later_button = named(QPushButton(self.tr("Later (Esc)")), "documentsLater")
        buttons = QDialogButtonBox()
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.show_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.later_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.print_button.clicked.connect(self._print)
        self.show_button.clicked.connect(self._show)
        self.later_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        for box in self.checks.values():
            layout.addWidget(box)
        if not names:
            missing = QLabel(self.tr("No printer is installed on this computer: use Show to "
                                     "save or print them another way."))
            missing.setWordWrap(True)
            missing.setProperty("role", "error")
            layout.addWidget(missing)
        layout.addLayout(form)
        form.setRowVisible(0, bool(names))  # no printer: nothing to choose (said above)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self.about = about
        (self.print_button if names else self.show_button).setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        """Once on its screen: tall enough for the wrapped lines at the width it got."""
        super().showEvent(event)
        grow_later(self.about)

    def chosen(self) -> list[EnrolmentDocument]:
        return [d for d in self.documents if self.checks[d.kind].isChecked()]

    def _print(self) -> None:
        chosen = self.chosen()
        if chosen and self.printer.currentText():
            self.print_requested.emit(chosen, self.printer.currentText())
        self.accept()

    def _show(self) -> None:
        self.show_requested.emit(self.chosen())
        self.accept()


class DocumentsAfterEnrolment(QObject):
    """Prints or offers the agreement and work order of one enrolment (see the module).

    The offer may come before the PDFs are made (the cashier goes on while they are):
    what is to be printed waits for :meth:`ready`. ``say(text, ok)`` tells the cashier
    how printing went; ``show(path, title)`` opens a document to look at.
    ``printers(kind)`` and ``print_fn`` are the counter settings and the real printing,
    replaceable in tests.
    """

    done = Signal(object)  # the list of DocumentPrinted, once every job was handed over

    def __init__(self, tasks: TaskRunner, parent: QWidget, say: Callable[[str, bool], None],
                 show: Callable[[Path, str], object]) -> None:
        super().__init__(parent)
        self.tasks, self.parent_widget, self.say, self.show = tasks, parent, say, show
        self.printers: Callable[[str], str] = configured_printer
        self.print_fn: PrintFn = print_pdf
        self.dialog: EnrolmentDocumentsDialog | None = None
        self.paths: dict[str, Path] = {}  # the made PDFs by kind
        self.waiting: list[tuple[list[EnrolmentDocument], str]] = []  # jobs before ready()
        self.printing = 0  # print jobs handed to the background, not yet answered
        self._results: list[DocumentPrinted] = []  # their answers so far

    def reset(self) -> None:
        """A new payment: forget the last one's PDFs and any job still waiting for them."""
        self.paths, self.waiting = {}, []

    def ready(self, paths: dict[str, Path | None]) -> None:
        """The PDFs are made: print what was waiting for them."""
        self.paths = {kind: path for kind, path in paths.items() if path is not None}
        waiting, self.waiting = self.waiting, []
        for documents, printer in waiting:
            self.print(documents, printer)

    def handle(self, documents: Sequence[EnrolmentDocument], customer: str) -> None:
        """Print at once what has a printer set; offer the rest in one dialog."""
        by_printer: dict[str, list[EnrolmentDocument]] = {}
        offered = []
        for document in documents:
            printer = self.printers(document.kind)
            if printer:
                by_printer.setdefault(printer, []).append(document)
            else:
                offered.append(document)
        for printer, chosen in by_printer.items():
            self.print(chosen, printer)
        if offered:
            self._offer(offered, customer)

    def _offer(self, documents: list[EnrolmentDocument], customer: str) -> None:
        dialog = EnrolmentDocumentsDialog(documents, customer, self.parent_widget)
        dialog.print_requested.connect(self.print)
        dialog.show_requested.connect(self._show_all)
        dialog.finished.connect(lambda _r: self._closed(dialog))
        self.dialog = dialog
        dialog.open()

    def _closed(self, dialog: EnrolmentDocumentsDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _show_all(self, documents: list[EnrolmentDocument]) -> None:
        for document in documents:
            path = self.paths.get(document.kind)
            if path is not None:
                self.show(path, _title(document))

    def print(self, documents: list[EnrolmentDocument], printer: str) -> None:
        """Print ``documents`` on ``printer`` in the background (once their PDFs are made),
        then say how it went."""
        if any(d.kind not in self.paths for d in documents):
            self.waiting.append((documents, printer))
            return
        jobs = [(d, self.paths[d.kind]) for d in documents]
        load_print_plugin()
        print_fn = self.print_fn
        self.printing += 1
        self.tasks.run(lambda _cancel: print_documents(jobs, printer, print_fn),
                       self._printed, lambda error: self._printed_badly(documents, error))

    def _printed(self, results: list[DocumentPrinted]) -> None:
        """Say how each document went; ``done`` once no job is left (each printer's jobs
        are answered apart)."""
        self.printing -= 1
        for printed in results:
            title = _title(printed.document)
            if printed.result.ok:
                self.say(f"{title}: {printed.result.message()}", True)
            else:
                self.say(self.tr("{document} was not printed: {reason} Print it from the "
                                 "account's document list when the printer is ready.").format(
                    document=title, reason=printed.result.message()), False)
        self._results.extend(results)
        if self.printing == 0 and not self.waiting:
            answered, self._results = self._results, []
            self.done.emit(answered)

    def _printed_badly(self, documents: list[EnrolmentDocument], error: BaseException) -> None:
        log.exception("printing the enrolment documents failed", exc_info=error)
        self._printed([DocumentPrinted(d, PrintResult("", JOB_FAILED, str(error)))
                       for d in documents])


def _title(document: EnrolmentDocument) -> str:
    if document.kind == AGREEMENT:
        text = QCoreApplication.translate("EnrolmentDocumentsDialog", "Agreement {number}")
    else:
        text = QCoreApplication.translate("EnrolmentDocumentsDialog", "Work order {number}")
    return text.format(number=document.number)
