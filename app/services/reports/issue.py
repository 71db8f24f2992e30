"""Making a report end to end: read it, render PDF and XLSX, archive the PDF.

Reports are archived like the other documents (``documents.archive``), dated by the
report's day (the LPP) or the last day of its range (progress). A report made again is
kept as a further print (``-salinan-N``), so what was handed over can always be found.
The workbook modules (openpyxl, about 11 MB once imported) load with the first report,
not with the counter window.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from app.services.documents import archive
from app.services.reports.lpp_data import LppDocument, lpp_document
from app.services.reports.lpp_pdf import lpp_pdf
from app.services.reports.progress_data import ProgressDocument, progress_document
from app.services.reports.progress_pdf import progress_pdf
from app.services.unit_of_work import UnitOfWork

D = TypeVar("D", LppDocument, ProgressDocument)


@dataclass(frozen=True)
class IssuedReport[D: (LppDocument, ProgressDocument)]:
    document: D
    archived: archive.ArchivedDocument
    pdf: bytes
    xlsx: bytes


def issue_lpp(uow: UnitOfWork, data_dir: Path, day: dt.date | None = None,
              counter_code: str | None = None, shift_uuid: str | None = None
              ) -> IssuedReport[LppDocument]:
    """The LPP of a counter's day (or of one shift), rendered and archived."""
    doc = lpp_document(uow, day, counter_code, shift_uuid)
    number = f"{doc.header.counter_code}-{doc.day:%Y%m%d}"
    if doc.shift_uuid:
        number += f"-shift-{doc.shift_uuid[:8]}"
    pdf = lpp_pdf(doc)
    from app.services.reports.lpp_xlsx import lpp_xlsx  # openpyxl: loaded on first report

    return IssuedReport(doc, _archive(data_dir, archive.LPP, number, doc.day, pdf), pdf,
                        lpp_xlsx(doc))


def issue_progress(uow: UnitOfWork, data_dir: Path, programme: str | None = None,
                   date_from: dt.date | None = None, date_to: dt.date | None = None
                   ) -> IssuedReport[ProgressDocument]:
    """The progress report of a programme over a date range, rendered and archived."""
    doc = progress_document(uow, programme, date_from, date_to)
    number = f"{doc.programme_code}-{doc.date_from:%Y%m%d}-{doc.date_to:%Y%m%d}"
    pdf = progress_pdf(doc)
    from app.services.reports.progress_xlsx import progress_xlsx  # openpyxl, as above

    return IssuedReport(doc, _archive(data_dir, archive.PROGRESS, number, doc.date_to, pdf),
                        pdf, progress_xlsx(doc))


def _archive(data_dir: Path, kind: str, number: str, day: dt.date,
             pdf: bytes) -> archive.ArchivedDocument:
    copy_no = archive.next_copy_no(data_dir, kind, number, day)
    return archive.save_document(data_dir, kind, number, day, copy_no, pdf)


def write_report[D: (LppDocument, ProgressDocument)](
        report: IssuedReport[D], out_dir: Path | None = None) -> tuple[Path, Path]:
    """Write the report's files; returns (PDF, XLSX) paths. Without ``out_dir`` the
    workbook is kept beside the archived PDF; with it, both are copied there."""
    archived = report.archived.path
    if out_dir is None:
        xlsx = archived.with_suffix(".xlsx")
        xlsx.write_bytes(report.xlsx)
        return archived, xlsx
    out_dir.mkdir(parents=True, exist_ok=True)
    pdf, xlsx = out_dir / archived.name, out_dir / archived.with_suffix(".xlsx").name
    pdf.write_bytes(report.pdf)
    xlsx.write_bytes(report.xlsx)
    return pdf, xlsx
