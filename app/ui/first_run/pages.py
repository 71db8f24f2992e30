"""The pages of the first-run wizard: the choice, branch, counter, admin, printer, summary.

Each form page checks its fields as they are typed with the set-up service's own
checks; a field says what is wrong once it has been edited, and Next stays disabled
until every field of the page is right.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from app.services.documents.receipt_pdf import Paper
from app.services.errors import DomainError
from app.services.first_run import (
    CODE_LENGTH,
    TEXT_LIMITS,
    USERNAME_LENGTH,
    check_code,
    check_counter_code,
    check_password,
    check_text,
    check_username,
)
from app.services.settings import PrinterChoice
from app.services.setup import BranchSetup
from app.ui.error_text import error_text
from app.ui.kit.widgets import MessageLine, problem_label, with_problem

START, BRANCH, COUNTER, ADMIN, PRINTER, SUMMARY, DEMO = range(7)
Check = Callable[[], object]  # raises DomainError when the field is wrong
EXAMPLE = BranchSetup()


def problem_of(check: Check) -> str:
    """The translated sentence for what ``check`` refuses, "" when it passes."""
    try:
        check()
    except DomainError as error:
        return error_text(error)
    return ""


@dataclass
class _Field:
    edit: QLineEdit
    problem: QLabel
    check: Callable[[], str]  # the problem's sentence, "" when right
    touched: bool = False


class FormPage(QWizardPage):
    """A page of line edits, each with a check and a problem line under it."""

    def __init__(self, title: str, subtitle: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(title)
        self.setSubTitle(subtitle)
        self.form = QFormLayout(self)
        self.fields: dict[str, _Field] = {}

    def add_field(self, name: str, label: str, check: Callable[[], str], *,
                  placeholder: str = "", limit: int = 0, password: bool = False,
                  capitals: bool = False) -> QLineEdit:
        edit = QLineEdit(objectName=name)
        if capitals:  # before the check, which then sees the capitals
            _upper_as_typed(edit)
        edit.setPlaceholderText(placeholder)
        if limit:
            edit.setMaxLength(limit)
        if password:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        problem = problem_label(f"{name}Problem", self)
        field = _Field(edit, problem, check)
        self.fields[name] = field
        edit.textEdited.connect(lambda _text: self._edited(field))
        self.form.addRow(QLabel(label, buddy=edit), with_problem(edit, problem))
        return edit

    def text(self, name: str) -> str:
        return self.fields[name].edit.text()

    def _edited(self, field: _Field) -> None:
        field.touched = True
        self.refresh()

    def refresh(self) -> None:
        """Show the problems of the edited fields; re-evaluate Next."""
        for field in self.fields.values():
            field.problem.setText(field.check() if field.touched else "")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return all(not field.check() for field in self.fields.values())

    def initializePage(self) -> None:
        self.refresh()  # another page's value may change this page's checks


def _upper_as_typed(edit: QLineEdit) -> None:
    """Codes are capitals: turn letters into capitals while they are typed."""
    def upper(text: str) -> None:
        if text != text.upper():
            cursor = edit.cursorPosition()
            edit.setText(text.upper())
            edit.setCursorPosition(cursor)
    edit.textEdited.connect(upper)


class StartPage(QWizardPage):
    """Set up this counter, or try Loket on the demo branch."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startPage")
        self.setTitle(self.tr("Welcome to Loket"))
        self.setSubTitle(self.tr("There is no branch database on this computer yet."))
        self.set_up = QRadioButton(self.tr("&Set up this counter"), objectName="setupChoice")
        self.demo = QRadioButton(self.tr("&Try Loket with the demo branch"),
                                 objectName="demoChoice")
        self.set_up.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.set_up)
        group.addButton(self.demo)
        layout = QVBoxLayout(self)
        for button, text in (
            (self.set_up, self.tr("For a counter at a branch office: you enter the branch, "
                                  "this counter, the first administrator and the receipt "
                                  "printer.")),
            (self.demo, self.tr("An invented Kota Kupang branch full of customers, to try "
                                "Loket out. Nothing is sent to head office.")),
        ):
            layout.addWidget(button)
            note = QLabel(text, wordWrap=True)
            note.setContentsMargins(24, 0, 0, 12)
            layout.addWidget(note)
        layout.addStretch(1)

    def nextId(self) -> int:
        return DEMO if self.demo.isChecked() else BRANCH


class BranchPage(FormPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("The branch"),
                         self.tr("The branch office this counter belongs to, as head office "
                                 "knows it."), parent)
        self.setObjectName("branchPage")
        low, high = CODE_LENGTH
        code = self.add_field("branchCode", self.tr("Branch &code:"),
                              lambda: problem_of(lambda: check_code(self.text("branchCode"))),
                              placeholder=EXAMPLE.branch_code, limit=high, capitals=True)
        code.setToolTip(self.tr("{low} to {high} letters or digits, e.g. KPG").format(
            low=low, high=high))
        for name, key, label, example in (
            ("branchName", "branch_name", self.tr("Branch &name:"), EXAMPLE.branch_name),
            ("utilityName", "utility_name", self.tr("&Water utility:"), EXAMPLE.utility_name),
        ):
            self.add_field(name, label, _text_check(self, name, key), placeholder=example,
                           limit=TEXT_LIMITS[key])
        self.add_field("branchAddress", self.tr("&Address (optional):"),
                       _text_check(self, "branchAddress", "address", required=False),
                       placeholder=EXAMPLE.address, limit=TEXT_LIMITS["address"])


class CounterPage(FormPage):
    def __init__(self, branch_code: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("This counter"),
                         self.tr("Each counter of the branch has its own code; receipt "
                                 "numbers carry it."), parent)
        self.setObjectName("counterPage")
        self.add_field(
            "counterCode", self.tr("Counter c&ode:"),
            lambda: problem_of(lambda: check_counter_code(self.text("counterCode"),
                                                          branch_code())),
            placeholder=EXAMPLE.counter_code, limit=CODE_LENGTH[1], capitals=True)
        self.add_field("counterName", self.tr("Counter na&me:"),
                       _text_check(self, "counterName", "counter_name"),
                       placeholder=EXAMPLE.counter_name, limit=TEXT_LIMITS["counter_name"])


class AdminPage(FormPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("The first administrator"),
                         self.tr("This user signs in first, adds the cashiers and supervisors "
                                 "and changes the counter's settings."), parent)
        self.setObjectName("adminPage")
        self.add_field("adminUser", self.tr("&User name:"),
                       lambda: problem_of(lambda: check_username(self.text("adminUser"))),
                       placeholder="admin", limit=USERNAME_LENGTH[1])
        self.add_field("adminName", self.tr("&Full name:"),
                       _text_check(self, "adminName", "full_name"),
                       placeholder="Admin Cabang", limit=TEXT_LIMITS["full_name"])
        self.add_field("adminPassword", self.tr("&Password:"), lambda: problem_of(
            lambda: check_password(self.text("adminPassword"), self.text("adminUser"))),
            password=True)
        self.add_field("adminPassword2", self.tr("&Repeat the password:"),
                       self._repeat_problem, password=True)

    def _repeat_problem(self) -> str:
        if self.text("adminPassword2") != self.text("adminPassword"):
            return self.tr("The two passwords differ.")
        return ""


def _text_check(page: FormPage, name: str, key: str, *,
                required: bool = True) -> Callable[[], str]:
    return lambda: problem_of(lambda: check_text(key, page.text(name), required=required))


class PrinterPage(QWizardPage):
    """The receipt printer (or the system's default) and its paper."""

    def __init__(self, printers: Sequence[str], chosen: PrinterChoice,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printerPage")
        self.setTitle(self.tr("The receipt printer"))
        self.setSubTitle(self.tr("Receipts go straight to the printer chosen here. With the "
                                 "system default printer, each receipt is shown first, ready "
                                 "to print."))
        self.printer = QComboBox(objectName="receiptPrinter")
        self.printer.addItem(self.tr("System default printer"), "")
        for name in printers:
            self.printer.addItem(name, name)
        if chosen.printer and self.printer.findData(chosen.printer) < 0:
            self.printer.addItem(self.tr("{printer} (not installed)").format(
                printer=chosen.printer), chosen.printer)
        self.printer.setCurrentIndex(max(0, self.printer.findData(chosen.printer)))
        self.paper = QComboBox(objectName="receiptPaper")
        for paper, text in ((Paper.ROLL_80, self.tr("80 mm thermal roll")),
                            (Paper.ROLL_58, self.tr("58 mm thermal roll")),
                            (Paper.A5, self.tr("A5 sheet")),
                            (Paper.HALF_LETTER, self.tr("Half-letter sheet"))):
            self.paper.addItem(text, paper.value)
        self.paper.setCurrentIndex(max(0, self.paper.findData(chosen.paper)))
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("&Printer:"), buddy=self.printer), self.printer)
        form.addRow(QLabel(self.tr("P&aper:"), buddy=self.paper), self.paper)
        if not printers:
            form.addRow(QLabel(self.tr("No printer is installed on this computer yet. Once "
                                       "it is, an admin chooses it in Loket → Counter "
                                       "settings."),
                               wordWrap=True, objectName="noPrinterNote"))

    def choice(self) -> PrinterChoice:
        return PrinterChoice(str(self.printer.currentData()), str(self.paper.currentData()))


class FinalPage(QWizardPage):
    """The last page of a path: what Finish will do, and why it failed if it did."""

    def __init__(self, name: str, title: str, subtitle: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setTitle(title)
        self.setSubTitle(subtitle)
        self.summary = QLabel(objectName=f"{name}Text", wordWrap=True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.message = MessageLine(self)
        self.message.setObjectName(f"{name}Message")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        layout.addWidget(self.message)

    def nextId(self) -> int:
        return -1
