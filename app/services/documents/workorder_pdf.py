"""The seal work order (SPK, surat perintah kerja) for field staff, on A4: what to do,
for whom and where, and the fields the officer fills in on site."""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, SimpleDocTemplate, Spacer, Table
from sqlalchemy import select

from app.models import Customer, WorkOrder
from app.services.context import local_counter
from app.services.documents.header import DocumentHeader, header_for_counter
from app.services.documents.indonesian import (
    WORK_ORDER_KINDS,
    address_line,
    copy_mark,
    tanggal,
    tanggal_jam,
    work_order_reason,
)
from app.services.documents.sheet_styles import (
    BODY,
    BOLD,
    CENTER,
    MARK,
    ORG,
    RIGHT,
    SMALL,
    TITLE,
    content_width,
    grid_table,
    para,
)
from app.services.errors import DomainError, ErrorCode
from app.services.ledger.workorders import WorkOrderInfo, work_order_info
from app.services.unit_of_work import UnitOfWork

MARGIN = 18 * mm
WIDTH = content_width(A4[0], MARGIN)
LABEL = 48 * mm


@dataclass(frozen=True)
class WorkOrderDocument:
    header: DocumentHeader
    order: WorkOrderInfo
    rt: str
    rw: str
    kecamatan: str
    meter_reading: int | None
    cancel_reason: str
    copy_no: int


def work_order_document(uow: UnitOfWork, number: str, copy_no: int = 0) -> WorkOrderDocument:
    """The SPK of work order ``number``; ``copy_no`` > 0 marks a reprint."""
    with uow:
        s = uow.session
        order = s.scalar(select(WorkOrder).where(WorkOrder.number == number.strip()))
        if order is None:
            raise DomainError(ErrorCode.WORK_ORDER_NOT_FOUND, number=number)
        customer = s.get(Customer, order.customer_id)
        assert customer is not None
        counter, _ = local_counter(s)
        return WorkOrderDocument(header_for_counter(s, counter.id),
                                 work_order_info(order, customer), customer.rt, customer.rw,
                                 customer.kecamatan, order.meter_reading, order.cancel_reason,
                                 copy_no)


def work_order_pdf(doc: WorkOrderDocument) -> bytes:
    """The SPK as a one-page A4 PDF."""
    out = io.BytesIO()
    o = doc.order
    template = SimpleDocTemplate(
        out, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=14 * mm,
        bottomMargin=14 * mm, title=f"SPK {o.number}", author=doc.header.utility_name,
        subject=copy_mark(doc.copy_no) or "Surat perintah kerja")
    template.build([*_heading(doc), *_job(doc), *_fill_in(doc)])
    return out.getvalue()


def _marks(doc: WorkOrderDocument) -> str:
    state = {"cancelled": "BATAL", "done": "SELESAI"}.get(doc.order.state, "")
    return "  ".join(m for m in (copy_mark(doc.copy_no), state) if m)


def _heading(doc: WorkOrderDocument) -> list[Flowable]:
    h, o = doc.header, doc.order
    top = Table([[[para(h.utility_name, ORG), para(h.branch_name), para(h.branch_address, SMALL)],
                  para(_marks(doc), MARK)]], colWidths=[WIDTH * 0.65, WIDTH * 0.35])
    top.setStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                  ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                  ("LINEBELOW", (0, 0), (-1, 0), 1, "black")])
    job = WORK_ORDER_KINDS.get(o.kind, o.kind).upper()
    items: list[Flowable] = [
        top, Spacer(1, 5 * mm), para("SURAT PERINTAH KERJA (SPK)", TITLE),
        para(f"{job} METER AIR", TITLE), para(f"Nomor: {o.number}", CENTER),
        para(f"Diterbitkan: {tanggal_jam(o.issued_at)}", CENTER), Spacer(1, 5 * mm)]
    if o.state == "cancelled" and doc.cancel_reason:
        items += [para(f"SPK ini dibatalkan: {work_order_reason(doc.cancel_reason)}", BOLD),
                  Spacer(1, 3 * mm)]
    return items


def _job(doc: WorkOrderDocument) -> list[Flowable]:
    o = doc.order
    rows = [
        ("Pekerjaan", WORK_ORDER_KINDS.get(o.kind, o.kind)),
        ("No. Sambungan", o.connection_no),
        ("Nama pelanggan", o.customer_name),
        ("Alamat", address_line(o.address, doc.rt, doc.rw)),
        ("Kelurahan / Kecamatan", f"{o.kelurahan} / {doc.kecamatan}"),
        ("No. Meter", o.meter_no),
        ("Telepon", o.phone or "-"),
        ("Alasan", work_order_reason(o.reason)),
    ]
    data: list[list[Flowable | str]] = [[para(label), para(value, BOLD if i < 3 else BODY)]
                                        for i, (label, value) in enumerate(rows)]
    return [para("Kepada petugas lapangan: harap melaksanakan pekerjaan berikut."),
            Spacer(1, 2 * mm), grid_table(data, [LABEL, WIDTH - LABEL], header_rows=0),
            Spacer(1, 7 * mm)]


def _fill_in(doc: WorkOrderDocument) -> list[Flowable]:
    o = doc.order
    reading = f"{doc.meter_reading} m³" if doc.meter_reading is not None else ""
    rows = [
        ("Tanggal dikerjakan", tanggal(o.done_on) if o.done_on else ""),
        ("Angka meter (stand)", reading),
        ("Keadaan meter / catatan", ""),
        ("Nama petugas", o.field_officer),
        ("Tanda tangan petugas", ""),
        ("Tanda tangan pelanggan / saksi", ""),
    ]
    data: list[list[Flowable | str]] = [[para("Diisi oleh petugas lapangan", BOLD), ""]]
    data += [[para(label), para(value)] for label, value in rows]
    if not reading:
        data[2][1] = para("m³", RIGHT)
    heights: list[float | None] = [None, 11 * mm, 11 * mm, 20 * mm, 11 * mm, 18 * mm, 18 * mm]
    table = grid_table(data, [LABEL, WIDTH - LABEL], heights=heights)
    table.setStyle([("SPAN", (0, 0), (-1, 0)), ("VALIGN", (0, 1), (-1, -1), "TOP")])
    return [table, Spacer(1, 4 * mm),
            para("Setelah pekerjaan selesai, serahkan SPK ini ke loket untuk dicatat.", SMALL)]
