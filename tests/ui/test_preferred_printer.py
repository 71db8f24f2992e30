"""The counter settings' printer for each document type preselects the print dialog of an
archived document (agreement, work order, report); receipts print silently (test_printing)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.bootstrap import BranchDatabase
from app.services.counter_settings import sample_receipt_pdf
from app.services.settings import (
    CounterSettings,
    PrinterChoice,
    default_printers,
    save_settings,
    user_settings_file,
)
from app.ui.pdf_view import PdfViewDialog
from app.ui.printing import preferred_printer, printer_names

CUPS_PRINTER = "PDF"  # .ci/run installs it


@pytest.fixture
def chosen_printers() -> Iterator[None]:
    """The counter's settings: a printer for receipts, agreements and reports; none for
    work orders. Removed afterwards (other tests print with the defaults)."""
    printers = {**default_printers(),
                "receipt": PrinterChoice("EPSON TM-T82", "80mm"),
                "agreement": PrinterChoice("HP LaserJet", "a4"),
                "report": PrinterChoice(CUPS_PRINTER, "a4")}
    path = save_settings(CounterSettings(printers=printers))
    try:
        yield
    finally:
        path.unlink()
    assert not user_settings_file().exists()


def test_each_archived_document_finds_the_printer_chosen_for_its_type(
        chosen_printers: None, tmp_path: Path) -> None:
    expected = {"kwitansi-KPG-L01-2025-000001.pdf": "EPSON TM-T82",
                "perjanjian-PJ-KPG-2025-00001.pdf": "HP LaserJet",
                "spk-SPK-KPG-L01-2025-00001-salinan-1.pdf": "",
                "lpp-KPG-L01-20251124.pdf": CUPS_PRINTER,
                "perkembangan-BUKA-SEGEL-20251117-20251125.pdf": CUPS_PRINTER,
                "something-else.pdf": ""}
    assert {name: preferred_printer(tmp_path / name) for name in expected} == expected


def test_the_print_dialog_starts_at_the_chosen_printer_only_when_installed(
        chosen_printers: None, qtbot: QtBot, branch: BranchDatabase, tmp_path: Path) -> None:
    agreement = tmp_path / "perjanjian-PJ-KPG-2025-00001.pdf"
    agreement.write_bytes(sample_receipt_pdf(branch.reading(), "a5"))
    viewer = PdfViewDialog(agreement, "Perjanjian")
    qtbot.addWidget(viewer)
    assert viewer.prepared_printer(installed=[]).printerName() != "HP LaserJet"
    report = tmp_path / "lpp-KPG-L01-20251124.pdf"
    report.write_bytes(agreement.read_bytes())
    viewer = PdfViewDialog(report, "LPP")
    qtbot.addWidget(viewer)
    if CUPS_PRINTER in printer_names():  # CI: a real installed printer
        assert viewer.prepared_printer().printerName() == CUPS_PRINTER
    else:
        assert viewer.prepared_printer().printerName() != CUPS_PRINTER
