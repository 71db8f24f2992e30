"""The daily receipts report (LPP) on A4 portrait: every receipt (voids marked BATAL
with their reason, refunds of older receipts), totals by method and by kind, the cash
drawer of each shift against its count, and signature lines.

The receipt table runs over as many pages as it needs, its header row repeated on each;
every page is numbered "halaman N dari M".
"""

from __future__ import annotations

import io

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, SimpleDocTemplate, Spacer, Table

from app.services.documents.indonesian import place_of, tanggal, tanggal_jam
from app.services.documents.sheet_styles import (
    BOLD,
    CENTER,
    MARK,
    ORG,
    RIGHT,
    SMALL,
    TITLE,
    content_width,
    esc,
    grid_table,
    para,
    rich,
)
from app.services.money import format_rupiah
from app.services.reports.lpp_data import LineStatus, LppDocument, LppLine, ShiftCash
from app.services.reports.pages import numbered_canvas
from app.services.reports.wording import (
    SHIFT_STATES,
    angka,
    hari_tanggal,
    jam,
    kind_label,
    method_label,
)

MARGIN = 15 * mm
WIDTH = content_width(A4[0], MARGIN)
CELL = ParagraphStyle("lpp_cell", parent=SMALL, fontSize=8, leading=9.6)
CELL_BOLD = ParagraphStyle("lpp_cell_bold", parent=CELL, fontName="Helvetica-Bold")
CELL_RIGHT = ParagraphStyle("lpp_cell_right", parent=CELL, alignment=2)
CELL_RIGHT_BOLD = ParagraphStyle("lpp_cell_right_bold", parent=CELL_RIGHT,
                                 fontName="Helvetica-Bold")
CELL_CENTER = ParagraphStyle("lpp_cell_center", parent=CELL, alignment=1)
SECTION = ParagraphStyle("lpp_section", parent=BOLD, fontSize=10, leading=13, spaceBefore=4,
                         spaceAfter=3)
VOID_SHADE = colors.HexColor("#f2f2f2")
COLUMNS = (("No", 7), ("Jam", 9.5), ("No. Kwitansi", 32), ("Pelanggan", 0), ("Jenis", 17.5),
           ("Metode / Ref.", 21), ("Kasir", 20), ("Jumlah", 24))
PADDED = [("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3)]
SUBHEAD_SHADE = colors.HexColor("#f7f7f7")


def lpp_scope(doc: LppDocument) -> str:
    """``"Loket 1 (L01) 24 November 2025"`` (+ ``", shift <cashier>"`` for one shift)."""
    h = doc.header
    text = f"{h.counter_name} ({h.counter_code}) {tanggal(doc.day)}"
    if doc.shift_uuid and doc.shifts:
        text += f", shift {doc.shifts[0].cashier}"
    return text


def lpp_pdf(doc: LppDocument) -> bytes:
    """The LPP as PDF bytes (A4 portrait, as many pages as the receipts need)."""
    out = io.BytesIO()
    title = f"LPP {lpp_scope(doc)}"
    template = SimpleDocTemplate(
        out, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=13 * mm,
        bottomMargin=14 * mm, title=title, author=doc.header.utility_name,
        subject="Laporan penerimaan pembayaran")
    story = [*_heading(doc), *_receipts(doc), *_recap(doc), *_cash(doc), _signatures(doc)]
    footer = f"{title} · dicetak {tanggal_jam(doc.printed_at)}"
    template.build(story, canvasmaker=numbered_canvas(
        footer, f"{doc.header.utility_name} · Laporan Penerimaan Pembayaran · {lpp_scope(doc)}",
        MARGIN))
    return out.getvalue()


def _heading(doc: LppDocument) -> list[Flowable]:
    h = doc.header
    provisional = any(s.state != "closed" for s in doc.shifts)
    top = Table([[[para(h.utility_name, ORG), para(h.branch_name), para(h.branch_address, SMALL)],
                  para("SEMENTARA" if provisional else "", MARK)]],
                colWidths=[WIDTH * 0.7, WIDTH * 0.3])
    top.setStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                  ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                  ("LINEBELOW", (0, 0), (-1, 0), 1, "black")])
    scope = f"{h.counter_name} ({h.counter_code}) · {hari_tanggal(doc.day)}"
    if doc.shift_uuid and doc.shifts:
        shift = doc.shifts[0]
        scope += f" · shift {shift.cashier}, dibuka {jam(shift.opened_at)}"
    items: list[Flowable] = [
        top, Spacer(1, 4 * mm), para("LAPORAN PENERIMAAN PEMBAYARAN (LPP)", TITLE),
        para(scope, CENTER), Spacer(1, 1 * mm)]
    if provisional:
        items.append(para("Laporan sementara: ada shift yang belum ditutup.", SMALL))
    items.append(Spacer(1, 3 * mm))
    return items


def _receipts(doc: LppDocument) -> list[Flowable]:
    widths = [w * mm for _, w in COLUMNS]
    widths[3] = WIDTH - sum(widths)
    data: list[list[Flowable | str]] = [[para(name, CELL_BOLD) for name, _ in COLUMNS]]
    shaded: list[int] = []
    for number, line in enumerate(doc.receipts, start=1):
        if line.status == LineStatus.VOIDED:
            shaded.append(len(data))
        data.append(_row(str(number), line))
    refunds = doc.refunds
    spans: list[int] = []
    if refunds:
        spans.append(len(data))
        data.append([para("Refund: kwitansi hari / shift sebelumnya yang dibatalkan di sini",
                          CELL_BOLD), *[""] * (len(COLUMNS) - 1)])
        data += [_row(f"R{i}", line) for i, line in enumerate(refunds, start=1)]
    if len(data) == 1:
        spans.append(len(data))
        data.append([para("Tidak ada kwitansi.", CELL), *[""] * (len(COLUMNS) - 1)])
    total_row = len(data)
    data.append([para("Jumlah bersih (kwitansi sah − refund)", CELL_BOLD),
                 *[""] * (len(COLUMNS) - 2), para(format_rupiah(doc.total), CELL_RIGHT_BOLD)])
    table = grid_table(data, widths)
    table.setStyle([*PADDED, ("VALIGN", (0, 1), (-1, -1), "TOP"),
                    ("SPAN", (0, total_row), (-2, total_row)),
                    *[("SPAN", (0, r), (-1, r)) for r in spans],
                    *[("BACKGROUND", (0, r), (-1, r), VOID_SHADE) for r in shaded]])
    return [para("1. Rincian kwitansi", SECTION), table, Spacer(1, 2 * mm), *_void_note(doc)]


def _row(number: str, line: LppLine) -> list[Flowable | str]:
    customer = f"{esc(line.connection_no)} {esc(line.customer_name)}"
    amount = format_rupiah(line.amount)
    if line.status == LineStatus.VOIDED:
        customer += f"<br/><b>BATAL: {esc(line.void_reason)}</b>"
        amount = f"<strike>{amount}</strike>"
    elif line.status == LineStatus.VOIDED_LATER and line.voided_at is not None:
        customer += (f"<br/><i>dibatalkan {esc(tanggal_jam(line.voided_at))} (refund "
                     f"menyusul): {esc(line.void_reason)}</i>")
    elif line.status == LineStatus.REFUND:
        customer += (f"<br/><b>REFUND</b> kwitansi {esc(tanggal(line.paid_on))}: "
                     f"{esc(line.void_reason)}")
        amount = f"-{amount}"
    method = esc(method_label(line.method))
    if line.reference:
        method += f"<br/>{esc(line.reference)}"
    return [para(number, CELL_CENTER), para(jam(line.at), CELL), para(line.receipt_no, CELL),
            rich(customer, CELL), para(kind_label(line.kind), CELL), rich(method, CELL),
            para(line.cashier, CELL), rich(amount, CELL_RIGHT)]


def _void_note(doc: LppDocument) -> list[Flowable]:
    voided = doc.voided
    if not voided:
        return []
    amount = format_rupiah(sum(x.amount for x in voided))
    return [para(f"Kwitansi BATAL: {angka(len(voided))} lembar ({amount}), tidak dihitung "
                 "dalam jumlah.", SMALL)]


def _recap(doc: LppDocument) -> list[Flowable]:
    header: list[Flowable | str] = [
        para(x, CELL_BOLD) for x in ("Rincian", "Lembar", "Diterima", "Refund", "Bersih")]
    data: list[list[Flowable | str]] = [header]
    subheads = []
    for title, totals, label in (("Menurut metode pembayaran", doc.by_method, method_label),
                                 ("Menurut jenis pembayaran", doc.by_kind, kind_label)):
        subheads.append(len(data))
        data.append([para(title, CELL_BOLD), "", "", "", ""])
        data += [_total_row(label(t.key), t.receipts, t.received, t.refunded, t.net)
                 for t in totals]
    m = doc.by_method
    data.append(_total_row("Total", sum(t.receipts for t in m), sum(t.received for t in m),
                           sum(t.refunded for t in m), sum(t.net for t in m), bold=True))
    amount = 34 * mm
    table = grid_table(data, [WIDTH - 3 * amount - 18 * mm, 18 * mm, amount, amount, amount])
    table.setStyle([*PADDED, *[("SPAN", (0, r), (-1, r)) for r in subheads],
                    *[("BACKGROUND", (0, r), (-1, r), SUBHEAD_SHADE) for r in subheads]])
    return [KeepTogether([para("2. Rekapitulasi", SECTION), table]), Spacer(1, 2 * mm)]


def _total_row(label: str, receipts: int, received: int, refunded: int, net: int,
               bold: bool = False) -> list[Flowable | str]:
    right = CELL_RIGHT_BOLD if bold else CELL_RIGHT
    refund = f"-{format_rupiah(refunded)}" if refunded else format_rupiah(0)
    return [para(label, CELL_BOLD if bold else CELL), para(angka(receipts), right),
            para(format_rupiah(received), right), para(refund, right),
            para(format_rupiah(net), right)]


def _cash(doc: LppDocument) -> list[Flowable]:
    title = para("3. Kas tunai: seharusnya dan hasil hitung", SECTION)
    if not doc.shifts:
        return [title, para("Tidak ada shift kasir pada hari ini.", SMALL), Spacer(1, 3 * mm)]
    items: list[Flowable] = []
    for i, shift in enumerate(doc.shifts):
        block = _shift_block(shift)
        items += [KeepTogether([title, *block] if i == 0 else block), Spacer(1, 3 * mm)]
    return items


def _shift_block(shift: ShiftCash) -> list[Flowable]:
    not_counted = "belum dihitung"
    variance = shift.variance
    rows = [
        ("Modal awal (kas di laci saat dibuka)", format_rupiah(shift.opening_float)),
        ("Penerimaan tunai", format_rupiah(shift.cash_taken)),
        ("Refund tunai", f"-{format_rupiah(shift.cash_refunded)}" if shift.cash_refunded
         else format_rupiah(0)),
        ("Kas seharusnya", format_rupiah(shift.expected)),
        ("Kas dihitung", format_rupiah(shift.counted) if shift.counted is not None
         else not_counted),
        ("Selisih (dihitung − seharusnya)", _signed(variance) if variance is not None
         else not_counted),
    ]
    left_w = WIDTH * 0.58
    data: list[list[Flowable | str]] = [
        [para(label, BOLD if i in (3, 5) else CELL), para(value, RIGHT if i in (3, 5)
                                                           else CELL_RIGHT)]
        for i, (label, value) in enumerate(rows)]
    summary = grid_table(data, [left_w - 40 * mm, 40 * mm], header_rows=0)
    side = Table([[summary, _notes_table(shift, WIDTH - left_w - 4 * mm)]],
                 colWidths=[left_w + 4 * mm, WIDTH - left_w - 4 * mm])
    side.setStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                   ("VALIGN", (0, 0), (-1, -1), "TOP")])
    who = (f"Shift {esc(shift.cashier)} · dibuka {esc(tanggal_jam(shift.opened_at))} · "
           f"{esc(_state_line(shift))}")
    signed = f"Disetujui oleh supervisor {shift.supervisor}" if shift.supervisor else \
        "Belum disetujui supervisor."
    if shift.supervisor and shift.closed_at:
        signed += f" pada {tanggal_jam(shift.closed_at)}"
    notes = [para(signed + (f" Catatan: {shift.note}" if shift.note else ""), SMALL)]
    return [rich(f"<b>{who}</b>", CELL), Spacer(1, 1 * mm), side, Spacer(1, 1 * mm), *notes]


def _state_line(shift: ShiftCash) -> str:
    """``ditutup 24 November 2025 16.10``: the state with the moment it was reached."""
    state = SHIFT_STATES.get(shift.state, shift.state)
    moment = {"closed": shift.closed_at, "counted": shift.counted_at}.get(shift.state)
    if moment is None:
        return state
    word, _, rest = state.partition(",")
    return f"{word} {tanggal_jam(moment)}{',' + rest if rest else ''}"


def _notes_table(shift: ShiftCash, width: float) -> Flowable:
    if shift.counted is None:
        return para("Rincian pecahan: kas belum dihitung.", CELL)
    data: list[list[Flowable | str]] = [
        [para(x, CELL_BOLD) for x in ("Pecahan", "Lembar", "Jumlah")]]
    data += [[para(format_rupiah(d), CELL), para(angka(n), CELL_RIGHT),
              para(format_rupiah(d * n), CELL_RIGHT)] for d, n in shift.notes if n]
    data.append([para("Uang logam", CELL), para("", CELL),
                 para(format_rupiah(shift.coins), CELL_RIGHT)])
    data.append([para("Jumlah dihitung", CELL_BOLD), para("", CELL),
                 para(format_rupiah(shift.counted), CELL_RIGHT_BOLD)])
    return grid_table(data, [width * 0.38, width * 0.22, width * 0.40])


def _signed(amount: int) -> str:
    return f"+{format_rupiah(amount)}" if amount > 0 else format_rupiah(amount)


def _signatures(doc: LppDocument) -> Flowable:
    place = place_of(doc.header.branch_address)
    when = f"{place}, {tanggal(doc.day)}" if place else tanggal(doc.day)
    third = WIDTH / 3
    blank = "(" + "." * 45 + ")"
    cashiers = ", ".join(doc.cashiers)
    supervisors = ", ".join(doc.supervisors)
    data: list[list[Flowable | str]] = [
        [para(""), para(""), para(when, CENTER)],
        [para("Dibuat oleh,", CENTER), para("Diperiksa oleh,", CENTER),
         para("Mengetahui,", CENTER)],
        [para("Kasir", CENTER), para("Supervisor", CENTER), para("Kepala Unit", CENTER)],
        ["", "", ""],
        [para(f"( {cashiers} )" if cashiers else blank, CENTER),
         para(f"( {supervisors} )" if supervisors else blank, CENTER), para(blank, CENTER)],
    ]
    table = Table(data, colWidths=[third] * 3, rowHeights=[None, None, None, 16 * mm, None])
    table.setStyle([("TOPPADDING", (0, 0), (-1, -1), 1),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1)])
    return KeepTogether([Spacer(1, 4 * mm), table])
