"""More openers for the fit-to-screen walk (:mod:`tests.support.ui_fit_walk`): the sync window,
the restore release, the error message, the enrolment documents, the report viewers,
the first-run wizard's pages, Qt's own save dialog and the payment dialog's refusals.

Each opener ``(walk) -> QWidget`` opens its window as the cashier meets it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

if TYPE_CHECKING:
    from tests.support.ui_fit_walk import Walk

Opener = Callable[["Walk"], QWidget]


def sync_running(walk: Walk) -> QWidget:
    """The sync window while the branch's data comes in."""
    from app.services.sync import SyncProgress
    from app.services.sync.progress import RateMeter
    from app.ui.sync.dialogs import SyncDialog, SyncServices
    dialog = SyncDialog(walk.ctx, SyncServices(), walk.window)
    seconds = iter((100.0, 107.0))  # 6,3 MB in 7 s: about 2 minutes left
    dialog.meter = RateMeter(clock=lambda: next(seconds))
    dialog.running = True
    dialog.show()
    dialog.show_progress(SyncProgress("snapshot", 3_500_000, 120_000_000, 2_048, 3_500_000))
    dialog.show_progress(SyncProgress("snapshot", 9_800_000, 120_000_000, 2_048, 9_800_000))
    return dialog


def sync_failed_kept(walk: Walk) -> QWidget:
    """The sync window after head office went away in the middle of the snapshot."""
    from app.services.errors import DomainError, ErrorCode
    dialog = sync_running(walk)
    assert isinstance(dialog, QDialog)
    part = walk.ctx.branch.data_dir / "snapshot-walk.part"
    part.write_bytes(b"\0" * 9_800_000)
    try:
        dialog._failed(DomainError(ErrorCode.SYNC_UNREACHABLE,
                                   url="https://kantor-pusat.pdam-contoh.go.id/sync",
                                   problem="Connection reset by peer"))
    finally:
        part.unlink()
    return dialog


def counter_settings_printers(walk: Walk) -> QWidget:
    """The counter settings on a PC with long printer names, one chosen printer gone."""
    from app.services.settings import (
        DOCUMENT_PAPERS,
        CounterSettings,
        PrinterChoice,
        save_settings,
    )
    from app.ui.settings.counter_dialog import CounterSettingsDialog
    installed = ["EPSON TM-T82 Receipt (Kasir 1 Loket Depan)", "Microsoft Print to PDF",
                 "HP LaserJet Pro MFP M428fdw PCL-6 (V4)"]
    chosen = {kind: PrinterChoice(installed[number % 3], papers[-1]) for number, (kind, papers)
              in enumerate(DOCUMENT_PAPERS.items())}
    chosen["receipt"] = PrinterChoice("EPSON TM-T88VI Receipt (ruang supervisor)",
                                      DOCUMENT_PAPERS["receipt"][0])
    user_file = walk.folder / "printers.toml"
    save_settings(CounterSettings(printers=chosen,
                                  head_office_url="https://kantor-pusat.pdam-contoh.go.id"),
                  user_file)
    return CounterSettingsDialog(walk.ctx, walk.window, user_file=user_file,
                                 machine_file=walk.folder / "none.toml", installed=installed)


def backups_checked(walk: Walk) -> QWidget:
    """The backups dialog with a backup listed and just checked."""
    from app.models.database import database_path
    from app.models.dbfile import backup_dir
    from app.services.backup.copies import backup_now, list_backups
    from app.ui.backup.list_dialog import BackupsDialog
    folder = backup_dir(walk.ctx.data_dir)
    if not list_backups(folder):
        backup_now(database_path(walk.ctx.data_dir), folder)
    dialog = BackupsDialog(walk.ctx, walk.window)
    dialog.show()
    dialog.verify_selected()
    walk.wait_for(lambda: not dialog.busy)
    return dialog


def register_unreachable(walk: Walk) -> QWidget:
    """Registering the counter when head office does not answer."""
    from app.services.sync import KeyringTokenStore
    from app.ui.sync.dialogs import SyncServices
    from app.ui.sync.register_dialog import RegisterDialog
    from tests.support.sync_fakes import MemoryKeyring
    services = SyncServices(token_store=KeyringTokenStore(MemoryKeyring()))
    dialog = RegisterDialog(walk.ctx, services, walk.window)
    dialog.show()
    dialog.url.setText("https://127.0.0.1:9/loket")
    dialog.code.setText("7KQ2-M9XD-44PA")
    dialog.submit()
    walk.wait_for(lambda: not dialog.busy)
    return dialog


def restore_release(walk: Walk) -> QWidget:
    """Allowing payments after a restore (as it reads with a block), with no reason typed."""
    from app.services.backup.restore_block import PaymentBlock
    from app.ui.backup.restore_release_dialog import RestoreReleaseDialog
    dialog = RestoreReleaseDialog(walk.ctx, walk.window)
    block = PaymentBlock("loket-KPG-L01-20251120-170512.zip", "2025-11-24T08:55:00")
    dialog.block = block
    dialog.explanation.setText(dialog._explanation(block))
    dialog.confirm.setEnabled(True)
    dialog.show()
    dialog.accept()  # refused: the reason is missing
    return dialog


def unexpected_error(walk: Walk) -> QWidget:
    from app.ui.errors_dialog import show_unexpected
    log = Path("C:/Users/kasir/AppData/Local/Loket/Loket/logs/loket.log")
    box = show_unexpected(walk.window, RuntimeError("walk"), log_file=log)
    assert isinstance(box, QMessageBox)
    return box


def enrolment_documents(walk: Walk) -> QWidget:
    from app.ui.account.enrolment_documents import (
        AGREEMENT,
        WORK_ORDER,
        EnrolmentDocument,
        EnrolmentDocumentsDialog,
    )
    documents = [EnrolmentDocument(AGREEMENT, "KW-2025-11-000123"),
                 EnrolmentDocument(WORK_ORDER, "SPK-2025-11-000045")]
    return EnrolmentDocumentsDialog(documents, "Dortea Novita Tafuli", walk.window)


def report(which: str) -> Opener:
    """The report viewer for ``which`` (a Reports menu action) once it is built."""
    def open_report(walk: Walk) -> QWidget:
        from app.ui.pdf_view import PdfViewDialog
        before = set(walk.window.findChildren(PdfViewDialog))
        getattr(walk.window.reports, which)()
        walk.wait_for(lambda: any(v.isVisible() for v in
                                  set(walk.window.findChildren(PdfViewDialog)) - before))
        return next(v for v in set(walk.window.findChildren(PdfViewDialog)) - before
                    if v.isVisible())
    return open_report


FIRST_RUN_VALUES = {"branchCode": "KPG", "branchName": "Kantor Pelayanan Kota Kupang",
                    "utilityName": "Perumda Air Minum Kota Kupang",
                    "branchAddress": "Jl. Jenderal Sudirman No. 45, Kelurahan Kuanino, Kota "
                                     "Kupang", "counterCode": "L01",
                    "counterName": "Loket 1 (depan)", "adminUser": "admin",
                    "adminName": "Maria Goreti Manafe", "adminPassword": "rahasia-123",
                    "adminPassword2": "rahasia-123"}


def first_run_page(page_id: int, *, filled: bool) -> Opener:
    """The first-run wizard at one page (with printers installed): every field filled in,
    or every field left empty with its problem shown."""
    def open_page(walk: Walk) -> QWidget:
        from app.ui.first_run.pages import FormPage
        from app.ui.first_run.wizard import FirstRunWizard
        from tests.support.ui_fit_walk import on_window_screen
        wizard = FirstRunWizard(walk.folder / "new", walk.folder / "demo-new",
                                printers=["EPSON TM-T82", "Microsoft Print to PDF"])
        for page in (wizard.branch_page, wizard.counter_page, wizard.admin_page):
            for name, field in page.fields.items():
                field.edit.setText(FIRST_RUN_VALUES.get(name, "") if filled else "")
                field.touched = True
        wizard.setStartId(page_id)
        wizard.restart()
        page = wizard.currentPage()
        if isinstance(page, FormPage):
            page.refresh()
        return on_window_screen(wizard, walk.window)
    return open_page


def save_dialog(walk: Walk) -> QWidget:
    """Qt's own save dialog (the one Loket uses where the platform has none)."""
    dialog = QFileDialog(walk.window, "Export", str(walk.folder), "CSV (*.csv)")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    return dialog


def tendered(typed: str) -> Opener:
    """F8 with ``typed`` as the money received, confirmed: its refusal under the field
    (too large: two lines; too little: the shortfall)."""
    def refused(walk: Walk) -> QWidget:
        from app.ui.account.payment_dialog import PaymentDialog
        dialog = walk.account_dialog(walk.window.account.pay)
        assert isinstance(dialog, PaymentDialog)
        dialog.tendered.setText(typed)
        dialog.accept()
        walk.wait_for(lambda: not dialog.busy and bool(dialog.tendered_problem.text()))
        return dialog
    return refused


def openers() -> dict[str, Opener]:
    from app.ui.first_run.pages import ADMIN, BRANCH, COUNTER, PRINTER, SUMMARY
    return {
        "sync, running": sync_running,
        "sync, failed with data kept": sync_failed_kept,
        "counter settings, printers chosen": counter_settings_printers,
        "backups, one checked": backups_checked,
        "register counter, head office unreachable": register_unreachable,
        "restore release": restore_release,
        "unexpected error": unexpected_error,
        "enrolment documents": enrolment_documents,
        "LPP report": report("daily_receipts"),
        "progress report": report("programme_progress"),
        "first run: branch, all missing": first_run_page(BRANCH, filled=False),
        "first run: counter, all missing": first_run_page(COUNTER, filled=False),
        "first run: administrator, all missing": first_run_page(ADMIN, filled=False),
        "first run: printer": first_run_page(PRINTER, filled=True),
        "first run: summary": first_run_page(SUMMARY, filled=True),
        "save dialog (Qt's own)": save_dialog,
        "instalment (F8), money received too large": tendered("99.999.999.999"),
        "instalment (F8), too little money": tendered("1.000"),
    }
