"""An amount field that takes what cashiers type (2400000, 2.400.000, 2,4 jt) and nothing else.

Digits are grouped by thousands as they are typed (``1100000`` shows ``1.100.000``) with
the cursor kept after the same digit; once the cashier types a separator themselves
(``2,4 jt``, ``2.4jt``) their text is left as it is until they move on.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QValidator
from PySide6.QtWidgets import QLineEdit, QWidget

from app.services.errors import DomainError, ErrorCode
from app.services.money import format_rupiah, parse_amount
from app.ui.error_text import error_text

SEPARATORS = (".", ",")


def group_digits(digits: str) -> str:
    """``1100000`` → ``1.100.000`` (leading zeros kept as typed)."""
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i:i + 3] for i in range(head, len(digits), 3)]
    return ".".join(part for part in parts if part)


def regrouped(text: str, cursor: int, before: str) -> tuple[str, int] | None:
    """``text`` grouped by thousands and where the cursor goes, or None to leave it.

    ``before`` is the text before this edit: deleting only a separator deletes the
    digit before it instead (Backspace over ``1.|100`` gives ``|100``).
    """
    if not text or any(c not in "0123456789." for c in text):
        return None
    digits = text.replace(".", "")
    left = sum(c.isdigit() for c in text[:cursor])
    if digits == before.replace(".", "") and len(text) < len(before) and left:
        digits, left = digits[:left - 1] + digits[left:], left - 1
    grouped = group_digits(digits)
    position, seen = 0, 0
    while seen < left and position < len(grouped):
        seen += grouped[position].isdigit()
        position += 1
    return grouped, position


class _Grouping(QValidator):
    """Regroups the field's digits on every edit (Qt asks before it shows the text)."""

    def __init__(self, edit: MoneyEdit) -> None:
        super().__init__(edit)
        self.edit = edit

    def validate(self, text: str, cursor: int) -> tuple[QValidator.State, str, int]:
        # The parse (not this validator) decides whether the text is an amount.
        change = None if self.edit.own_format(text) else regrouped(
            text, cursor, self.edit.shown)
        if change is None:
            return QValidator.State.Acceptable, text, cursor
        return QValidator.State.Acceptable, change[0], change[1]


class MoneyEdit(QLineEdit):
    """Parses on every edit; ``amount()`` is the integer rupiah or None when invalid.

    ``problem()`` says why the text is refused (translated); ``amountChanged`` fires
    with the new amount (None when the text is empty or invalid).
    """

    amountChanged = Signal(object)  # int rupiah, or None; Python ints may pass 2**31

    def __init__(self, parent: QWidget | None = None, *, received: bool = False) -> None:
        """``received``: the field holds money received, and says so when it is too large."""
        super().__init__(parent)
        self._received = received
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setPlaceholderText("0")
        self._amount: int | None = None
        self._problem = ""
        self._own_format = False  # the cashier typed a separator: leave their text alone
        self.shown = ""  # the text before the edit being validated
        self.setValidator(_Grouping(self))
        self.textChanged.connect(self._parse)
        self.editingFinished.connect(self._tidy)

    def amount(self) -> int | None:
        return self._amount

    def problem(self) -> str:
        return self._problem

    def set_amount(self, amount: int) -> None:
        self.setText(format_rupiah(amount).removeprefix("Rp "))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.text() in SEPARATORS:
            self._own_format = True
        super().keyPressEvent(event)

    def own_format(self, text: str) -> bool:
        """Whether ``text`` is the cashier's own format (a separator typed by them)."""
        if not any(c in text for c in SEPARATORS):
            self._own_format = False
        return self._own_format

    def _parse(self, text: str) -> None:
        self.shown = text
        if not text.strip():
            self._amount, self._problem = None, ""
        else:
            try:
                self._amount, self._problem = parse_amount(text), ""
            except DomainError as error:
                if self._received and error.code == ErrorCode.AMOUNT_TOO_LARGE:
                    error = DomainError(ErrorCode.TENDERED_TOO_LARGE,
                                        tendered=error.params["amount"],
                                        limit=error.params["limit"])
                self._amount, self._problem = None, error_text(error)
        self.setProperty("invalid", bool(self._problem))
        self.style().unpolish(self)
        self.style().polish(self)
        self.setToolTip(self._problem)
        self.amountChanged.emit(self._amount)

    def _tidy(self) -> None:
        """Show a valid amount the Indonesian way (2.400.000) once the cashier moves on."""
        self._own_format = False
        if self._amount is not None:
            self.blockSignals(True)
            self.set_amount(self._amount)
            self.shown = self.text()
            self.blockSignals(False)
