"""Opening a shift with a float, and the blind shift close with the supervisor's sign-off.

The close is blind: the cashier counts the notes by denomination and the coins as one
sum without seeing what the drawer should hold. Only once the count is recorded does
the dialog show expected, counted and the variance (selisih); a supervisor then signs
off with user name and password in the same dialog and the shift is locked.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QIntValidator, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.errors import DomainError
from app.services.money import format_rupiah
from app.services.shifts import (
    NOTE_DENOMINATIONS,
    CashCount,
    ShiftInfo,
    count_cash,
    current_shift,
    open_shift,
    sign_off,
)
from app.ui.context import UiContext
from app.ui.error_text import error_text
from app.ui.kit.money_edit import MoneyEdit
from app.ui.kit.widgets import caption, named, wrapped
from app.ui.screen_fit import grow_to_fit

MAX_NOTES = 100_000
FIELD_WIDTH = 130
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _message_label(name: str) -> QLabel:
    label = named(QLabel(), name)
    label.setWordWrap(True)
    label.setProperty("role", "error")
    return label


class OpenShiftDialog(QDialog):
    """The opening float; ``opened(ShiftInfo)`` fires once the shift is open.

    With ``offer`` it is the question asked after log-in, and the cashier may go on
    without a shift (search and view only).
    """

    opened = Signal(object)  # ShiftInfo

    def __init__(self, ctx: UiContext, parent: QWidget | None = None,
                 offer: bool = False) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.shift: ShiftInfo | None = None
        self.setObjectName("openShiftDialog")
        self.setWindowTitle(self.tr("Open shift"))
        layout = QVBoxLayout(self)
        if offer:
            layout.addWidget(wrapped(QLabel(self.tr(
                "No shift is open on this counter. Open one to take payments, or continue "
                "without a shift to search and view only."))))
        self.float_edit = MoneyEdit()
        self.float_edit.setObjectName("openingFloat")
        form = QFormLayout()
        form.addRow(caption(self.tr("Opening &float (cash in the drawer):"), self.float_edit),
                    self.float_edit)
        layout.addLayout(form)
        self.message = _message_label("openShiftMessage")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox()
        ok = buttons.addButton(self.tr("Open shift"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setObjectName("openShiftButton")
        ok.setDefault(True)
        skip = buttons.addButton(self.tr("Continue without a shift") if offer
                                 else self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        skip.setObjectName("skipShiftButton")
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
        self.float_edit.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        grow_to_fit(self, shrink=True)  # its lines at its width: no empty band above buttons

    def submit(self) -> None:
        amount = self.float_edit.amount()
        if amount is None:
            self.message.setText(self.float_edit.problem()
                                 or self.tr("Type the opening float (0 if the drawer is empty)."))
            self.float_edit.setFocus()
            return
        try:
            self.shift = open_shift(self.ctx.branch.writing(), self.ctx.signed_in(), amount)
        except DomainError as error:
            self.message.setText(error_text(error))
            return
        self.opened.emit(self.shift)
        self.accept()


class NoteCountField(QLineEdit):
    """How many notes of one value: digits only, empty means none."""

    def __init__(self, denomination: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"notes_{denomination}")
        self.setValidator(QIntValidator(0, MAX_NOTES, self))
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setPlaceholderText("0")
        self.setMaximumWidth(FIELD_WIDTH)

    def value(self) -> int:
        text = self.text().strip()
        return int(text) if text.isdigit() else 0


class _EnterMovesOn(QObject):
    """Enter in a count field moves to the next field; in the last one it records the
    count (one Enter, as the button says)."""

    def __init__(self, parent: CloseShiftDialog) -> None:
        super().__init__(parent)
        self.dialog = parent

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(watched, QWidget):
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if watched is self.dialog.coins:
                    self.dialog.record_count()
                else:
                    watched.focusNextChild()
                return True
        return super().eventFilter(watched, event)


class _Page(QWidget):
    """A page of the close-shift dialog that takes room only while it is shown (a stacked
    widget is otherwise as large as its largest page: the short sign-off would sit above
    an empty band)."""

    def _shown(self) -> bool:
        stack = self.parentWidget()
        return not isinstance(stack, QStackedWidget) or stack.currentWidget() is self

    def sizeHint(self) -> QSize:
        return super().sizeHint() if self._shown() else QSize(0, 0)

    def minimumSizeHint(self) -> QSize:
        return super().minimumSizeHint() if self._shown() else QSize(0, 0)

    def heightForWidth(self, width: int) -> int:
        return super().heightForWidth(width) if self._shown() else 0


class CloseShiftDialog(QDialog):
    """Count (blind) → result with variance → supervisor sign-off → locked.

    ``closed(ShiftInfo)`` fires after the sign-off; ``counted(ShiftInfo)`` after the count.
    """

    counted = Signal(object)
    closed = Signal(object)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("closeShiftDialog")
        self.setWindowTitle(self.tr("Close shift"))
        self.info: ShiftInfo | None = current_shift(ctx.branch.reading(), ctx.signed_in())
        self._enter_moves_on = _EnterMovesOn(self)
        self.pages = named(QStackedWidget(), "closeShiftPages")
        self.pages.addWidget(self._count_page())
        self.pages.addWidget(self._result_page())
        self.pages.currentChanged.connect(self._fit_page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.setMinimumWidth(460)
        if self.info is not None and self.info.state == "counted":
            self._show_result(self.info)
        else:
            self.note_fields[0].setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_page()

    def _fit_page(self, _index: int = 0) -> None:
        """As tall as the page shown at the dialog's width: its buttons right under it."""
        self.pages.updateGeometry()
        if self.isVisible():
            grow_to_fit(self, shrink=True)

    # -------------------------------------------------------------- counting
    def _count_page(self) -> QWidget:
        page = named(_Page(), "countPage")
        layout = QVBoxLayout(page)
        heading = QLabel(self.tr("Count the cash in the drawer"))
        heading.setProperty("role", "heading")
        layout.addWidget(heading)
        layout.addWidget(wrapped(QLabel(self.tr(
            "Type how many notes of each value you have and the coins as one sum. What the "
            "drawer should hold is shown after the count is recorded."))))
        grid = QGridLayout()
        self.note_fields: list[NoteCountField] = []
        self._line_totals: list[QLabel] = []
        for row, denomination in enumerate(NOTE_DENOMINATIONS):
            field = NoteCountField(denomination)
            field.textChanged.connect(self._update_total)
            field.installEventFilter(self._enter_moves_on)
            total = QLabel(format_rupiah(0))
            total.setAlignment(_RIGHT)
            grid.addWidget(caption(self.tr("{note} notes:").format(
                note=format_rupiah(denomination)), field), row, 0)
            grid.addWidget(field, row, 1)
            grid.addWidget(total, row, 2)
            self.note_fields.append(field)
            self._line_totals.append(total)
        self.coins = MoneyEdit()
        self.coins.setObjectName("coinsTotal")
        self.coins.setMaximumWidth(FIELD_WIDTH)
        self.coins.amountChanged.connect(self._update_total)
        self.coins.installEventFilter(self._enter_moves_on)
        coins_row = len(NOTE_DENOMINATIONS)
        grid.addWidget(caption(self.tr("Coins (total):"), self.coins), coins_row, 0)
        grid.addWidget(self.coins, coins_row, 1)
        self.counted_label = named(QLabel(), "countedTotal")
        self.counted_label.setAlignment(_RIGHT)
        grid.addWidget(QLabel(self.tr("Counted:")), coins_row + 1, 0)
        grid.addWidget(self.counted_label, coins_row + 1, 2)
        grid.setColumnStretch(2, 1)
        layout.addLayout(grid)
        self.count_message = _message_label("countMessage")
        layout.addWidget(self.count_message)
        layout.addStretch(1)
        buttons = QDialogButtonBox()
        record = buttons.addButton(self.tr("&Record count"),
                                   QDialogButtonBox.ButtonRole.AcceptRole)
        record.setObjectName("recordCountButton")
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.record_count)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._update_total()
        return page

    def cash_count(self) -> CashCount | None:
        """What was typed, or None while the coins field holds no valid amount."""
        coins = 0 if not self.coins.text().strip() else self.coins.amount()
        if coins is None:
            return None
        notes = {d: f.value() for d, f in zip(NOTE_DENOMINATIONS, self.note_fields,
                                               strict=True) if f.value()}
        return CashCount(notes=notes, coins=coins)

    def _update_total(self, *_: object) -> None:
        for denomination, field, label in zip(NOTE_DENOMINATIONS, self.note_fields,
                                              self._line_totals, strict=True):
            label.setText(format_rupiah(denomination * field.value()))
        count = self.cash_count()
        self.counted_label.setText(format_rupiah(count.total) if count else "—")

    def record_count(self) -> None:
        """Record the count (final); then show the variance."""
        count = self.cash_count()
        if count is None:
            self.count_message.setText(self.coins.problem())
            self.coins.setFocus()
            return
        try:
            info = count_cash(self.ctx.branch.writing(), self.ctx.signed_in(), count)
        except DomainError as error:
            self.count_message.setText(error_text(error))
            return
        self.counted.emit(info)
        self._show_result(info)

    # ------------------------------------------------------- result, sign-off
    def _result_page(self) -> QWidget:
        page = named(_Page(), "resultPage")
        layout = QVBoxLayout(page)
        heading = named(QLabel(self.tr("Cash count recorded")), "resultHeading")
        heading.setProperty("role", "heading")
        layout.addWidget(heading)
        self.expected_value = named(QLabel(), "expectedValue")
        self.counted_value = named(QLabel(), "countedValue")
        self.variance_value = named(QLabel(), "varianceValue")
        self.variance_value.setSizePolicy(QSizePolicy.Policy.Maximum,
                                          QSizePolicy.Policy.Preferred)
        figures = QFormLayout()
        figures.addRow(self.tr("Expected in the drawer:"), self.expected_value)
        figures.addRow(self.tr("Counted:"), self.counted_value)
        figures.addRow(self.tr("Variance (selisih):"), self.variance_value)
        layout.addLayout(figures)
        self.sign_off_box = named(QWidget(), "signOffBox")
        form = QFormLayout(self.sign_off_box)
        form.setContentsMargins(0, 12, 0, 0)
        form.addRow(wrapped(QLabel(self.tr("A supervisor checks the count and signs off:"))))
        self.supervisor = named(QLineEdit(), "supervisorUser")
        self.supervisor_password = named(QLineEdit(), "supervisorPassword")
        self.supervisor_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.note = named(QLineEdit(), "signOffNote")
        self.note.setMaxLength(240)
        form.addRow(caption(self.tr("Supervisor:"), self.supervisor), self.supervisor)
        form.addRow(caption(self.tr("Password:"), self.supervisor_password),
                    self.supervisor_password)
        form.addRow(caption(self.tr("Note (optional):"), self.note), self.note)
        layout.addWidget(self.sign_off_box)
        self.result_message = _message_label("signOffMessage")
        layout.addWidget(self.result_message)
        layout.addStretch(1)
        buttons = QDialogButtonBox()
        self.sign_off_button = buttons.addButton(self.tr("&Sign off and lock"),
                                                 QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_off_button.setObjectName("signOffButton")
        self.close_button = named(QPushButton(self.tr("Close")), "closeButton")
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit_sign_off)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        return page

    def _show_result(self, info: ShiftInfo) -> None:
        self.info = info
        counted, expected = info.counted_cash or 0, info.expected_cash or 0
        variance = counted - expected
        self.expected_value.setText(format_rupiah(expected))
        self.counted_value.setText(format_rupiah(counted))
        if variance < 0:
            text = self.tr("{amount} short").format(amount=format_rupiah(-variance))
        elif variance > 0:
            text = self.tr("{amount} over").format(amount=format_rupiah(variance))
        else:
            text = self.tr("none — the drawer matches")
        self.variance_value.setText(text)
        self.variance_value.setProperty("variance", "none" if variance == 0 else "off")
        self.variance_value.style().unpolish(self.variance_value)
        self.variance_value.style().polish(self.variance_value)
        self.pages.setCurrentIndex(1)
        self.sign_off_button.setDefault(True)
        self.supervisor.setFocus()

    def submit_sign_off(self) -> None:
        """The supervisor's credentials; wrong ones are refused with the reason."""
        if self.info is not None and self.info.state == "closed":
            self.accept()
            return
        try:
            info = sign_off(self.ctx.branch.writing(), self.ctx.signed_in(),
                            self.supervisor.text(), self.supervisor_password.text(),
                            self.note.text())
        except DomainError as error:
            self.supervisor_password.clear()
            self.result_message.setText(error_text(error))
            self.supervisor_password.setFocus()
            return
        self.info = info
        self.sign_off_box.setEnabled(False)
        self.supervisor_password.clear()
        self.result_message.setProperty("role", "ok")
        self.result_message.style().unpolish(self.result_message)
        self.result_message.style().polish(self.result_message)
        self.result_message.setText(self.tr("Shift closed and locked at {time}.").format(
            time=(info.closed_at.strftime("%H:%M") if info.closed_at else "")))
        self.sign_off_button.setText(self.tr("Done"))
        self.close_button.hide()  # one way out: Done (Enter or Esc)
        self.sign_off_button.setFocus()
        self.closed.emit(info)
