"""The receipt (kwitansi) as PDF on four papers: 80 mm and 58 mm thermal rolls (cut to
the length of the content), A5 and half-letter sheets (portrait).

Marks: a reprint says **SALINAN ke-N**; a voided payment's slip says **BATAL** with
the reason; an amount over Rp 5,000,000 carries the stamp-duty note.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.lib.pagesizes import A5
from reportlab.lib.units import inch, mm
from reportlab.pdfgen.canvas import Canvas

from app.services.documents.indonesian import (
    METHODS,
    address_line,
    compress_periods,
    copy_mark,
    instalments_text,
    place_of,
    tanggal,
    tanggal_jam,
)
from app.services.documents.paper import Paper as Paper  # still importable from here
from app.services.documents.qr import draw_matrix, qr_matrix
from app.services.documents.receipt_data import STAMP_DUTY, ReceiptDocument
from app.services.documents.terbilang import terbilang
from app.services.documents.textflow import BOLD, ITALIC, REGULAR, Flow, fit_text
from app.services.money import format_rupiah


@dataclass(frozen=True)
class PaperSpec:
    width: float
    height: float | None  # None: a roll, cut to the content
    margin: float
    size: float  # body text size
    qr: float  # side of the QR square, quiet zone included
    label_share: float  # share of the column taken by labels

    @property
    def is_roll(self) -> bool:
        return self.height is None


SPECS = {
    Paper.ROLL_80: PaperSpec(80 * mm, None, 4 * mm, 8.0, 30 * mm, 0.42),
    Paper.ROLL_58: PaperSpec(58 * mm, None, 4 * mm, 7.0, 26 * mm, 0.40),
    Paper.A5: PaperSpec(A5[0], A5[1], 12 * mm, 10.0, 32 * mm, 0.34),
    Paper.HALF_LETTER: PaperSpec(5.5 * inch, 8.5 * inch, 0.5 * inch, 10.0, 32 * mm, 0.34),
}
SMALLEST_BODY = 6.0


def receipt_pdf(doc: ReceiptDocument, paper: Paper, qr_payload: str) -> bytes:
    """The receipt as PDF bytes; ``qr_payload`` is the signed code (``receipt_qr``)."""
    spec = SPECS[paper]
    matrix = qr_matrix(qr_payload)
    size = spec.size
    flow = _layout(doc, spec, matrix, size)
    if spec.height is not None:
        while flow.height > spec.height - 2 * spec.margin and size > SMALLEST_BODY:
            size -= 0.5
            flow = _layout(doc, spec, matrix, size)
    height = spec.height or flow.height + 2 * spec.margin
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(spec.width, height), pageCompression=0)
    canvas.setTitle(f"Kwitansi {doc.receipt_no}")
    canvas.setAuthor(doc.header.utility_name)
    canvas.setSubject(copy_mark(doc.copy_no) or "Kwitansi pembayaran")
    flow.draw(canvas, spec.margin, height - spec.margin)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def layout_for(doc: ReceiptDocument, paper: Paper, qr_payload: str) -> Flow:
    """The measured layout (for checks: every string and its place in the column)."""
    spec = SPECS[paper]
    return _layout(doc, spec, qr_matrix(qr_payload), spec.size)


def _layout(doc: ReceiptDocument, spec: PaperSpec, matrix: tuple[tuple[bool, ...], ...],
            size: float) -> Flow:
    width = spec.width - 2 * spec.margin
    flow = Flow(width=width, size=size, label_width=width * spec.label_share)
    _heading(flow, doc)
    _who(flow, doc)
    _what(flow, doc)
    _amount(flow, doc)
    _plan(flow, doc)
    if spec.is_roll:
        _roll_footer(flow, doc, matrix, spec.qr)
    else:
        _sheet_footer(flow, doc, matrix, spec.qr)
    return flow


def _heading(flow: Flow, doc: ReceiptDocument) -> None:
    s, h = flow.size, doc.header
    flow.text(h.utility_name, font=BOLD, size=s + 1.5, align="center")
    flow.text(h.branch_name, align="center")
    if h.branch_address:
        flow.text(h.branch_address, size=s - 1, align="center")
    flow.rule(dashed=False)
    flow.text("KWITANSI PEMBAYARAN", font=BOLD, size=s + 2, align="center")
    if doc.copy_no:
        flow.space(2)
        flow.boxed([(copy_mark(doc.copy_no), BOLD, s + 2)])
    if doc.voided:
        flow.space(2)
        flow.boxed([("BATAL", BOLD, s * 2.2), (f"Alasan: {doc.void_reason}", REGULAR, s)])
    flow.rule()


def _who(flow: Flow, doc: ReceiptDocument) -> None:
    h = doc.header
    flow.row("Nomor Kwitansi", doc.receipt_no, font=BOLD)
    flow.row("Tanggal", tanggal_jam(doc.paid_at))
    flow.row("Loket", f"{h.counter_code} – {h.counter_name}")
    flow.row("Kasir", doc.cashier_name)
    flow.rule()
    flow.row("No. Sambungan", doc.connection_no, font=BOLD)
    flow.row("Nama", doc.customer_name)
    flow.row("Alamat", address_line(doc.address, doc.rt, doc.rw))
    flow.row("Kelurahan", doc.kelurahan)
    flow.row("Gol. Tarif", doc.tariff_group)
    flow.rule()


def _what(flow: Flow, doc: ReceiptDocument) -> None:
    flow.row("Program", doc.programme_name)
    if doc.is_down_payment:
        purpose = "Uang Muka"
    else:
        purpose = instalments_text(doc.instalment_numbers, doc.instalment_count,
                                   doc.last_instalment_partial)
    flow.row("Pembayaran", purpose, font=BOLD)
    if doc.periods:
        flow.row("Rekening", f"{compress_periods(doc.periods)} ({len(doc.periods)}\u00a0bulan)")
    if doc.penalty_waived:
        flow.row("Denda dihapus", format_rupiah(doc.penalty_waived))
    flow.rule()


def _amount(flow: Flow, doc: ReceiptDocument) -> None:
    flow.pair("JUMLAH", format_rupiah(doc.amount), size=flow.size + 3)
    flow.space(2)
    flow.row("Terbilang", terbilang(doc.amount), font=ITALIC)
    flow.row("Cara bayar", METHODS.get(doc.method, doc.method))
    if doc.reference:
        flow.row("Referensi", doc.reference)
    if doc.method == "cash":
        flow.row("Diterima", format_rupiah(doc.tendered))
        flow.row("Kembali", format_rupiah(doc.change))
    flow.rule()


def _plan(flow: Flow, doc: ReceiptDocument) -> None:
    balance = format_rupiah(doc.plan_balance)
    flow.row("Sisa", balance if doc.plan_balance else f"{balance} (lunas)", font=BOLD)
    if doc.next_due is not None:
        flow.row("Jatuh tempo berikutnya", tanggal(doc.next_due))
    if doc.stamp_duty_due:
        flow.space(2)
        flow.text(f"Bea meterai {format_rupiah(STAMP_DUTY)} (jumlah di atas Rp 5.000.000)",
                  font=BOLD)


def _roll_footer(flow: Flow, doc: ReceiptDocument, matrix: tuple[tuple[bool, ...], ...],
                 side: float) -> None:
    flow.space(2)
    left = (flow.width - side) / 2
    flow.block(side, lambda c, x, top: draw_matrix(c, matrix, x + left, top - side, side))
    flow.text("Pindai untuk memeriksa keaslian kwitansi", size=flow.size - 1.5, align="center")
    flow.space(3)
    flow.text("Simpan kwitansi ini sebagai bukti pembayaran yang sah. Terima kasih.",
              size=flow.size - 1, align="center")


def _sheet_footer(flow: Flow, doc: ReceiptDocument, matrix: tuple[tuple[bool, ...], ...],
                  side: float) -> None:
    """QR on the left; the stamp-duty box and the cashier's signature on the right."""
    s = flow.size
    flow.space(6)
    top = flow.height
    flow.block(side, lambda c, x, y: draw_matrix(c, matrix, x, y - side, side))
    sign_w = flow.width * 0.45
    sign_x = flow.width - sign_w
    place = place_of(doc.header.branch_address)
    when = f"{place}, {tanggal(doc.paid_at.date())}" if place else tanggal(doc.paid_at.date())
    for i, text in enumerate((when, "Kasir,")):
        flow.put(sign_x, top + (i + 1) * s * 1.3, *fit_text(text, REGULAR, s, sign_w))
    name, name_size = fit_text(doc.cashier_name, BOLD, s, sign_w)
    flow.put(sign_x, top + side - 4, name, name_size, BOLD)
    if doc.stamp_duty_due:
        _stamp_box(flow, top, sign_x, side, s)
    flow.space(4)
    flow.text("Pindai kode QR untuk memeriksa keaslian kwitansi. Simpan kwitansi ini sebagai "
              "bukti pembayaran yang sah.", size=s - 2)


def _stamp_box(flow: Flow, top: float, sign_x: float, side: float, s: float) -> None:
    """A dashed square where the Rp 10,000 stamp is put, left of the signature."""
    box = side * 0.62
    x = sign_x - box - 8
    y = top + side * 0.25
    flow.put(x + 4, y + s, "Meterai", s - 2)
    flow.put(x + 4, y + 2 * s, format_rupiah(STAMP_DUTY), s - 2)

    def paint(canvas: Canvas, left: float, page_top: float) -> None:
        canvas.setLineWidth(0.5)
        canvas.setDash(2, 2)
        canvas.rect(left + x, page_top - y - box, box, box, stroke=1, fill=0)
        canvas.setDash()
    flow.painters.append(paint)
