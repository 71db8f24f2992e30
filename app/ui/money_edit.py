"""An amount field that takes what cashiers type (2400000, 2.400.000, 2,4 jt) and nothing else."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from app.services.errors import DomainError, ErrorCode
from app.services.money import format_rupiah, parse_amount
from app.ui.error_text import error_text


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
        self.textChanged.connect(self._parse)
        self.editingFinished.connect(self._tidy)

    def amount(self) -> int | None:
        return self._amount

    def problem(self) -> str:
        return self._problem

    def set_amount(self, amount: int) -> None:
        self.setText(format_rupiah(amount).removeprefix("Rp "))

    def _parse(self, text: str) -> None:
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
        if self._amount is not None:
            self.blockSignals(True)
            self.set_amount(self._amount)
            self.blockSignals(False)
