"""``loket --smoke-test DIR`` (what CI runs on the frozen bundle), here from the sources."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from app.ui.smoke import SHOWN, run_smoke_test


def test_smoke_test_pays_prints_shows_the_log_in_window_and_wants_a_fresh_folder(
        qapp: QApplication, tmp_path: Path) -> None:
    data_dir = tmp_path / "smoke"
    assert run_smoke_test(qapp, data_dir) == 0
    receipts = list((data_dir / "archive").rglob("kwitansi-*.pdf"))
    assert len(receipts) == 1 and receipts[0].read_bytes().startswith(b"%PDF")
    log = data_dir / "logs" / "loket.log"
    assert SHOWN in log.read_text(encoding="utf-8")
    assert "receipt KPG-L01-2025-000001" in log.read_text(encoding="utf-8")

    assert run_smoke_test(qapp, data_dir) == 1  # not a fresh folder: refused, not reused
    assert "smoke: FAILED" in log.read_text(encoding="utf-8")
