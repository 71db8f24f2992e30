"""The account's tables paint each cell from the model's ready texts and colours in one
call, and look exactly as with Qt's own delegate."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QStyledItemDelegate, QTableView

from app.services.ledger.account_views import InstalmentLine, PaymentLine
from app.ui.account.cells import LineCells
from app.ui.account.models import InstalmentsModel, LineTableModel, PaymentsModel
from app.ui.kit.widgets import make_table

DAY = dt.date(2025, 11, 24)


def painted(model: LineTableModel, cells: QStyledItemDelegate | None) -> bytes:
    table: QTableView = make_table(model, "table")
    if cells is not None:
        table.setItemDelegate(cells)
    table.resize(900, 220)
    table.selectRow(1)  # a selected row too
    image = table.grab().toImage()
    table.deleteLater()
    return bytes(image.constBits())


def test_cells_look_as_with_qts_delegate(qapp: QApplication) -> None:
    payments = PaymentsModel()
    payments.set_rows((
        PaymentLine("KPG-L01-2025-000002", "instalment", 400_000, "cash", "",
                    dt.datetime(2025, 12, 18, 10, 5), "kasir1", False, ""),
        PaymentLine("KPG-L01-2025-000001", "down_payment", 1_200_000, "transfer", "BRI 123",
                    dt.datetime(2025, 11, 24, 9, 12), "kasir1", True, "wrong customer"),
    ))
    instalments = InstalmentsModel()
    instalments.set_rows(tuple(
        InstalmentLine(n, DAY + dt.timedelta(days=30 * n), 400_000, paid, state)
        for n, paid, state in ((1, 400_000, "paid"), (2, 0, "overdue"), (3, 0, "due"),
                               (4, 0, "broken"))))
    for model in (payments, instalments):
        assert painted(model, LineCells()) == painted(model, None)


def test_a_cell_is_answered_in_one_call_with_its_colours(qapp: QApplication) -> None:
    instalments = InstalmentsModel()
    instalments.set_rows((InstalmentLine(1, DAY, 400_000, 0, "overdue"),))
    text, align, styles = instalments.cell(0, 2)
    assert text == "Rp 400.000"
    assert align == Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    assert set(styles) == {int(Qt.ItemDataRole.ForegroundRole),
                           int(Qt.ItemDataRole.BackgroundRole)}
