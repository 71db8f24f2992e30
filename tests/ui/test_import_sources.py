"""Modules imported after PySide6 leave no source text behind (run from the sources)."""

from __future__ import annotations

import linecache
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.ui.import_sources import forget_import_sources


@pytest.fixture
def module_folder(tmp_path: Path) -> Iterator[Path]:
    sys.path.insert(0, str(tmp_path))
    yield tmp_path
    sys.path.remove(str(tmp_path))


def test_a_module_imported_later_keeps_no_text_lines(module_folder: Path) -> None:
    assert forget_import_sources()  # app.ui did it already; once is enough
    source = module_folder / "loket_late_module.py"
    source.write_text("ANSWER = 42\n" + "# a long comment line\n" * 5_000, encoding="utf-8")
    module = __import__("loket_late_module")
    assert module.ANSWER == 42
    assert str(source) not in linecache.cache
    assert linecache.getline(str(source), 1) == "ANSWER = 42\n"  # read again when asked


def test_pyside_still_tells_modules_that_use_it_from_others(module_folder: Path) -> None:
    from shibokensupport import feature  # type: ignore[import-not-found]

    (module_folder / "loket_uses_qt.py").write_text(
        "from PySide6.QtCore import QObject\n", encoding="utf-8")
    (module_folder / "loket_plain.py").write_text("VALUE = 1\n", encoding="utf-8")
    __import__("loket_uses_qt")  # the import statement's way, which PySide6 watches
    __import__("loket_plain")
    assert feature.pyside_feature_dict["loket_uses_qt"] == 0  # switches apply to it
    assert feature.pyside_feature_dict["loket_plain"] == -1  # ignored, as before
