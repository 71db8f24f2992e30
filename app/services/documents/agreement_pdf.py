"""The enrolment agreement (surat perjanjian angsuran) on A4: the customer, the
programme and its terms version, the amounts, the schedule, what happens when an
instalment is missed, and signature lines for the customer and the officer."""

from __future__ import annotations

import io
from collections.abc import Callable

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, SimpleDocTemplate, Spacer, Table

from app.services.documents.agreement_data import AgreementDocument
from app.services.documents.indonesian import (
    address_line,
    copy_mark,
    place_of,
    tanggal,
)
from app.services.documents.receipt_data import STAMP_DUTY
from app.services.documents.sheet_styles import (
    BOLD,
    CENTER,
    MARK,
    ORG,
    RIGHT,
    SMALL,
    SMALL_CENTER,
    TITLE,
    content_width,
    fields_table,
    grid_table,
    para,
    rich,
)
from app.services.money import format_rupiah

MARGIN = 18 * mm
WIDTH = content_width(A4[0], MARGIN)


def agreement_pdf(doc: AgreementDocument) -> bytes:
    """The agreement as PDF bytes (one or two A4 pages)."""
    out = io.BytesIO()
    template = SimpleDocTemplate(
        out, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=12 * mm,
        bottomMargin=14 * mm, title=f"Perjanjian {doc.agreement_no}",
        author=doc.header.utility_name, subject=copy_mark(doc.copy_no) or "Perjanjian angsuran")
    story = [*_heading(doc), *_parties(doc), *_amounts(doc), *_schedule(doc), *_terms(doc),
             _signatures(doc)]

    def footer(canvas: Canvas, _: object) -> None:
        canvas.setFont("Helvetica", 8)
        canvas.drawString(MARGIN, 9 * mm, f"{doc.agreement_no} · halaman {canvas.getPageNumber()}")
    template.build(story, onFirstPage=footer, onLaterPages=footer)
    return out.getvalue()


def _heading(doc: AgreementDocument) -> list[Flowable]:
    h = doc.header
    marks = [m for m in (copy_mark(doc.copy_no), "BATAL" if doc.cancelled else "") if m]
    top = Table([[[para(h.utility_name, ORG), para(h.branch_name), para(h.branch_address, SMALL)],
                  para("  ".join(marks), MARK)]], colWidths=[WIDTH * 0.7, WIDTH * 0.3])
    top.setStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                  ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                  ("LINEBELOW", (0, 0), (-1, 0), 1, "black")])
    return [top, Spacer(1, 4 * mm),
            para("SURAT PERJANJIAN ANGSURAN TUNGGAKAN REKENING AIR", TITLE),
            para(f"Program {doc.programme_name} (ketentuan {doc.programme_code} versi "
                 f"{doc.terms_version})", CENTER),
            para(f"Nomor: {doc.agreement_no}", CENTER), Spacer(1, 3 * mm)]


def _parties(doc: AgreementDocument) -> list[Flowable]:
    label, value = 30 * mm, WIDTH / 2 - 30 * mm
    customer = fields_table([
        ("Nama", doc.customer_name, "No. Sambungan", doc.connection_no),
        ("Kelurahan", doc.kelurahan, "Kecamatan", doc.kecamatan),
        ("Golongan tarif", doc.tariff_group, "No. Meter", doc.meter_no),
        ("Alamat", address_line(doc.address, doc.rt, doc.rw), "Telepon", doc.phone or "-"),
    ], (label, value, label, value))
    officer = fields_table([
        ("Nama", doc.officer_name, "Jabatan", f"Petugas {doc.header.counter_name}")],
        (label, value, label, value))
    return [
        para(f"Pada tanggal {tanggal(doc.enrolled_on)}, yang bertanda tangan di bawah ini:"),
        Spacer(1, 1.5 * mm), rich("<b>1. Pelanggan</b>"), customer,
        para("selanjutnya disebut PELANGGAN; dan"), Spacer(1, 1.5 * mm),
        rich("<b>2. Petugas</b>"), officer,
        para(f"bertindak untuk dan atas nama {doc.header.utility_name} "
             f"({doc.header.branch_name}), selanjutnya disebut PDAM."), Spacer(1, 2 * mm),
        para("Kedua pihak sepakat menyelesaikan tunggakan rekening air PELANGGAN dengan "
             "ketentuan sebagai berikut."), Spacer(1, 2 * mm)]


def _amounts(doc: AgreementDocument) -> list[Flowable]:
    rows = [
        ("Tunggakan rekening air (pokok)", format_rupiah(doc.arrears)),
        ("Denda keterlambatan", format_rupiah(doc.penalty)),
        ("Denda dihapus", f"- {format_rupiah(doc.penalty_waived)}"),
        ("Jumlah yang harus dibayar", format_rupiah(doc.amount_due)),
        (f"Uang muka dibayar (kwitansi {doc.down_payment_receipt})",
         format_rupiah(doc.down_payment)),
        (f"Sisa yang diangsur ({len(doc.schedule)} kali)", format_rupiah(doc.remainder)),
    ]
    data: list[list[Flowable | str]] = [[para(label), para(value, RIGHT)]
                                        for label, value in rows]
    return [rich("<b>Pasal 1. Tunggakan dan uang muka</b>"), Spacer(1, 1.5 * mm),
            grid_table(data, [WIDTH - 45 * mm, 45 * mm], header_rows=0), Spacer(1, 3 * mm)]


def _schedule(doc: AgreementDocument) -> list[Flowable]:
    title = rich("<b>Pasal 2. Jadwal angsuran</b>")
    if not doc.schedule:
        return [title, para("Tunggakan telah lunas dengan uang muka; tidak ada angsuran."),
                Spacer(1, 4 * mm)]
    data: list[list[Flowable | str]] = [
        [para("Cicilan ke", BOLD), para("Jatuh tempo", BOLD), para("Jumlah", BOLD)]]
    data += [[para(str(line.number), CENTER), para(tanggal(line.due_date)),
              para(format_rupiah(line.amount), RIGHT)] for line in doc.schedule]
    return [title, Spacer(1, 1.5 * mm),
            grid_table(data, [25 * mm, WIDTH - 70 * mm, 45 * mm]), Spacer(1, 3 * mm)]


def _terms(doc: AgreementDocument) -> list[Flowable]:
    rules = doc.broken_plan
    paying = []
    if doc.unseal_order:
        paying.append(f"Dengan dibayarnya uang muka, PDAM membuka segel meter air PELANGGAN "
                      f"melalui Surat Perintah Kerja nomor {doc.unseal_order}.")
    paying.append("PELANGGAN membayar setiap cicilan paling lambat pada tanggal jatuh tempo "
                  "di atas di loket PDAM. Cicilan boleh dibayar lebih awal atau sekaligus; "
                  "setiap pembayaran diberi kwitansi.")
    effects = []
    if rules.reinstate_penalty and doc.penalty_waived:
        effects.append(f"denda yang telah dihapus ({format_rupiah(doc.penalty_waived)}) "
                       "dikenakan kembali atas rekening yang belum lunas;")
    if rules.issue_reseal_order:
        effects.append("meter air PELANGGAN disegel kembali;")
    effects.append("pembayaran yang telah diterima tetap sah dan diperhitungkan untuk "
                   "rekening yang tertunggak;")
    effects.append(f"PELANGGAN tidak dapat mengikuti Program {doc.programme_name} lagi.")
    items: list[Flowable] = [rich("<b>Pasal 3. Pembayaran cicilan</b>"), Spacer(1, 1 * mm)]
    items += _numbered(paying, lambda i: f"{i}.")
    items += [Spacer(1, 2 * mm), rich("<b>Pasal 4. Apabila cicilan tidak dibayar</b>"),
              Spacer(1, 1 * mm),
              para(f"Apabila suatu cicilan belum dibayar lunas {rules.grace_days} hari setelah "
                   "tanggal jatuh temponya, perjanjian ini dinyatakan gagal, dan:"),
              Spacer(1, 1 * mm)]
    items += _numbered(effects, lambda i: f"{'abcdefgh'[i - 1]}.")
    items.append(Spacer(1, 1 * mm))
    return items


def _numbered(texts: list[str], label: Callable[[int], str]) -> list[Flowable]:
    rows: list[list[Flowable | str]] = [[para(label(i)), para(text)]
                                        for i, text in enumerate(texts, start=1)]
    table = Table(rows, colWidths=[7 * mm, WIDTH - 7 * mm], hAlign="LEFT")
    table.setStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)])
    return [table]


def _signatures(doc: AgreementDocument) -> Flowable:
    place = place_of(doc.header.branch_address)
    when = f"{place}, {tanggal(doc.enrolled_on)}" if place else tanggal(doc.enrolled_on)
    half = WIDTH / 2
    stamp = Table([[para("Meterai", SMALL_CENTER)],
                   [para(format_rupiah(STAMP_DUTY), SMALL_CENTER)]],
                  colWidths=[26 * mm], rowHeights=[7.5 * mm, 7.5 * mm])
    stamp.setStyle([("BOX", (0, 0), (-1, -1), 0.5, "black", None, (2, 2)),
                    ("VALIGN", (0, 0), (-1, 0), "BOTTOM"), ("VALIGN", (0, 1), (-1, 1), "TOP")])
    data: list[list[Flowable | str]] = [
        [para(""), para(when, RIGHT)],
        [para("PELANGGAN", CENTER), para("PETUGAS PDAM", CENTER)],
        [stamp, para("")],
        [para(f"( {doc.customer_name} )", CENTER), para(f"( {doc.officer_name} )", CENTER)],
    ]
    table = Table(data, colWidths=[half, half], rowHeights=[None, None, 17 * mm, None])
    table.setStyle([("ALIGN", (0, 2), (0, 2), "CENTER"), ("VALIGN", (0, 2), (-1, 2), "MIDDLE"),
                    ("TOPPADDING", (0, 0), (-1, -1), 2)])
    return KeepTogether([table])
