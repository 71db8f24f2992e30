"""No English inside the Indonesian window: Qt's own dialogs, F1, sync errors; and one
digit grouping for every number in the English window."""

from __future__ import annotations

import re
import socket
from collections.abc import Iterator

import pytest
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
)
from pytestqt.qtbot import QtBot

from app.bootstrap import BranchDatabase
from app.services.context import Actor
from app.services.errors import DomainError
from app.services.sync import HttpTransport
from app.services.sync.protocol import bad_response, refusal
from app.ui.context import UiContext
from app.ui.error_text import error_text
from app.ui.main_window import MainWindow
from app.ui.shortcuts import SHORTCUTS, ShortcutsDialog
from tests.support import ui_account_helpers as h


@pytest.fixture
def indonesian(qapp: QApplication) -> Iterator[None]:
    yield from h.indonesian(qapp)


def texts(widget: object) -> list[str]:
    found = [b.text() for b in widget.findChildren(QPushButton)]  # type: ignore[attr-defined]
    found += [x.text() for x in widget.findChildren(QLabel) if x.text()]  # type: ignore[attr-defined]
    return found


def test_qt_save_and_print_dialogs_speak_indonesian(qtbot: QtBot, indonesian: None) -> None:
    save = QFileDialog(None, "Simpan daftar")
    save.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own, as on Linux
    save.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(save)
    save.show()
    assert {"&Simpan", "Batal", "&Cari di:", "&Nama berkas:", "&Jenis berkas:"} <= set(
        texts(save))
    assert not {"&Save", "Cancel", "Look in:", "File &name:"} & set(texts(save))

    printer = QPrinter()  # kept alive: the dialog only points at it
    printing = QPrintDialog(printer)
    qtbot.addWidget(printing)
    printing.show()
    assert printing.windowTitle() == "Cetak"
    shown = set(texts(printing))
    assert {"&Cetak", "Batal", "&Properti", "&Nama:", "Lokasi:", "Salinan:"} <= shown
    assert not {"&Print", "Cancel", "P&roperties", "Location:", "Copies:"} & shown
    printing.reject()

    box = QMessageBox(QMessageBox.Icon.Question, "Loket", "?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
                      | QMessageBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert {b.text() for b in box.buttons()} == {"&Ya", "&Tidak", "Batal"}
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    qtbot.addWidget(buttons)
    assert buttons.buttons()[0].text() == "Tutup"


def test_f1_speaks_indonesian_and_names_the_real_menus(
        qtbot: QtBot, indonesian: None, branch: BranchDatabase, cashier: Actor) -> None:
    window = MainWindow(UiContext(branch, actor=cashier))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.actions_by_name["help"].trigger()
    dialog = window.findChild(ShortcutsDialog)
    assert dialog is not None
    table = dialog.findChild(QTableWidget, "shortcutsTable")
    assert table is not None
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert "Atas, Bawah" in rows and "Up, Down" not in rows
    menus = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert menus == ["Loket", "Pelanggan", "Shift", "Daftar", "Laporan", "Sinkron", "Bantuan"]
    assert rows["Alt"] == f"Membuka menu ({', '.join(menus)})"
    assert "Pengaturan" not in rows["Alt"] and "Settings" not in rows["Alt"]
    for entry in SHORTCUTS:  # every key listed is the key the menus really answer to
        if entry.window_action:
            assert window.actions_by_name[entry.name].shortcut().toString() == entry.keys
    dialog.reject()


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_sync_errors_carry_no_english_inside_indonesian(indonesian: None) -> None:
    address = f"http://127.0.0.1:{closed_port()}"
    with pytest.raises(DomainError) as refused:
        HttpTransport(address, timeout=2).get("/sync/status")
    text = error_text(refused.value)
    assert f"tidak ada yang menjawab di {address}" in text and "nothing" not in text

    busy = refusal(503, {"error": "unavailable", "message": "the head-office database is "
                                                           "busy or unreachable; try again"})
    assert "database" not in error_text(busy) and "HTTP 503" in error_text(busy)
    wrong = refusal(403, {"error": "wrong_branch", "message": "this device is registered "
                                                             "for branch SBU"})
    assert "loket ini terdaftar di cabang lain" in error_text(wrong)
    assert "registered" not in error_text(wrong)
    odd = error_text(bad_response("changes[3] lacks 'kind'"))
    assert "jawaban yang tidak dipahami Loket" in odd and "lacks" not in odd
    for words, meant in (("the connection was cut", "sambungan terputus"),
                         ("no answer within 30 seconds", "tidak ada jawaban dalam 30 detik"),
                         ("'pusat' is not an http(s) address", "'pusat' bukan alamat http(s)")):
        assert meant in error_text(DomainError(refused.value.code, problem=words))


def test_the_english_window_groups_counts_like_rupiah(
        qtbot: QtBot, branch: BranchDatabase, cashier: Actor) -> None:
    window = MainWindow(UiContext(branch, actor=cashier, lang="en"))
    qtbot.addWidget(window)
    window.search.set_customer_count(17_405)
    assert "17.405" in window.value_of("searchCount")
    window.show()
    window.actions_by_name["receipts"].trigger()
    qtbot.wait(50)
    shown = [x.text() for x in window.findChildren(QLabel) if x.text()]
    assert shown and not [t for t in shown if re.search(r"\d,\d{3}\b", t)]
    window.close()
