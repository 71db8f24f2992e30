"""The daily receipts report (LPP) as a workbook: every receipt on one sheet, the totals
and the cash drawer on another. Amounts are numbers (rupiah format), times are dates."""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from app.services.documents.indonesian import tanggal, tanggal_jam
from app.services.reports.lpp_data import LineStatus, LppDocument, LppLine, ShiftCash
from app.services.reports.lpp_pdf import lpp_scope
from app.services.reports.sheets import (
    COUNT,
    DATE,
    DATETIME,
    RUPIAH,
    book_bytes,
    new_book,
    table,
    title_rows,
)
from app.services.reports.wording import SHIFT_STATES, angka, kind_label, method_label

STATUS = {LineStatus.VALID: "SAH", LineStatus.VOIDED: "BATAL",
          LineStatus.VOIDED_LATER: "SAH (dibatalkan kemudian)", LineStatus.REFUND: "REFUND"}
RECEIPT_HEADERS = ("No", "Waktu", "Tgl. kwitansi", "No. Kwitansi", "No. Sambungan", "Nama",
                   "Jenis", "Metode", "Referensi", "Kasir", "Status", "Alasan batal",
                   "Jumlah", "Dihitung")
RECEIPT_FORMATS = (COUNT, DATETIME, DATE, None, None, None, None, None, None, None, None, None,
                   RUPIAH, RUPIAH)
RECEIPT_WIDTHS = (5, 17, 12, 22, 13, 24, 11, 13, 14, 14, 14, 28, 14, 14)


def lpp_xlsx(doc: LppDocument) -> bytes:
    """The LPP as XLSX bytes: sheets "Kwitansi" and "Total"."""
    book = new_book()
    heading = [f"Laporan Penerimaan Pembayaran — {lpp_scope(doc)}",
               f"{doc.header.utility_name}, {doc.header.branch_name}",
               f"Dicetak {tanggal_jam(doc.printed_at)}"]
    receipts = book.create_sheet("Kwitansi")
    top = title_rows(receipts, heading)
    rows = [_receipt_row(str(i), x) for i, x in enumerate(doc.receipts, start=1)]
    rows += [_receipt_row(f"R{i}", x) for i, x in enumerate(doc.refunds, start=1)]
    total = ["", "", "", "Jumlah bersih", *[""] * 9, doc.total]
    table(receipts, top, RECEIPT_HEADERS, rows, RECEIPT_FORMATS, RECEIPT_WIDTHS, total)
    totals = book.create_sheet("Total")
    row = title_rows(totals, heading)
    row = _totals(totals, row, doc)
    for shift in doc.shifts:
        row = _shift(totals, row, shift)
    return book_bytes(book)


def _receipt_row(number: str, x: LppLine) -> list[object]:
    return [int(number) if number.isdigit() else number, x.at, x.paid_on, x.receipt_no,
            x.connection_no, x.customer_name, kind_label(x.kind), method_label(x.method),
            x.reference, x.cashier, STATUS[x.status], x.void_reason, x.amount, x.counted]


def _totals(sheet: Worksheet, row: int, doc: LppDocument) -> int:
    formats = (None, COUNT, RUPIAH, COUNT, RUPIAH, RUPIAH)
    widths = (30, 12, 16, 12, 16, 16)
    for title, lines, label in (("Metode", doc.by_method, method_label),
                                ("Jenis", doc.by_kind, kind_label)):
        rows = [(label(t.key), t.receipts, t.received, t.refunds, t.refunded, t.net)
                for t in lines]
        total = ("Total", sum(t.receipts for t in lines), sum(t.received for t in lines),
                 sum(t.refunds for t in lines), sum(t.refunded for t in lines),
                 sum(t.net for t in lines))
        row = table(sheet, row, (title, "Kwitansi", "Diterima", "Refund (lembar)", "Refund",
                                 "Bersih"), rows, formats, widths, total)
    voided = doc.voided
    sheet.cell(row=row, column=1, value="Kwitansi BATAL (tidak dihitung)")
    sheet.cell(row=row, column=2, value=len(voided)).number_format = COUNT
    sheet.cell(row=row, column=3, value=sum(x.amount for x in voided)).number_format = RUPIAH
    return row + 2


def _shift(sheet: Worksheet, row: int, shift: ShiftCash) -> int:
    not_counted = "belum dihitung"
    rows: list[tuple[str, object]] = [
        ("Status", SHIFT_STATES.get(shift.state, shift.state)),
        ("Dibuka", shift.opened_at),
        ("Modal awal", shift.opening_float),
        ("Penerimaan tunai", shift.cash_taken),
        ("Refund tunai", -shift.cash_refunded),
        ("Kas seharusnya", shift.expected),
        ("Kas dihitung", shift.counted if shift.counted is not None else not_counted),
        ("Selisih", shift.variance if shift.variance is not None else not_counted),
        *[(f"Pecahan {angka(d)} × {angka(n)}", d * n) for d, n in shift.notes if n],
        *([("Uang logam", shift.coins)] if shift.counted is not None else []),
        ("Supervisor", shift.supervisor or "belum disetujui"),
        ("Ditutup", shift.closed_at or ""),
        ("Catatan", shift.note),
    ]
    title = f"Shift {shift.cashier} ({tanggal(shift.opened_at.date())})"
    return table(sheet, row, (title, "Jumlah"), rows, (None, RUPIAH), (30, 18))
