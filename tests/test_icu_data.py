"""The Linux bundle's smaller ICU data (``installer/icu_data.py``): the package is written
anew with the items it keeps, whole and aligned; it keeps the root, Indonesian and English
data and the shared tables; and Qt sorts, changes case and names time zones with it as it
does with ICU's whole data."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import PySide6
import pytest

ROOT = Path(__file__).resolve().parents[1]
QT_LIB = Path(PySide6.__file__).parent / "Qt" / "lib"
ICU_LIBRARIES = sorted(QT_LIB.glob("libicudata.so.*"))


def icu_data() -> ModuleType:
    spec = importlib.util.spec_from_file_location("loket_icu_data",
                                                  ROOT / "installer" / "icu_data.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


ICU = icu_data()
HEADER = struct.pack("<HBBHHBBBB4s4s4s", 32, 0xDA, 0x27, 20, 0, 0, 0, 2, 0, b"CmnD",
                     bytes((1, 0, 0, 0)), bytes(4)).ljust(32, b"\0")


def test_a_package_keeps_its_items_whole_in_order_and_aligned() -> None:
    items = {"icudt73l/coll/en.res": b"E" * 48, "icudt73l/coll/zh.res": b"Z" * 4000,
             "icudt73l/id.res": b"I" * 32, "icudt73l/zh.res": b"z" * 16}
    package = ICU.Package(HEADER, items)
    again = ICU.Package.read(package.bytes())
    assert again == package
    kept = ICU.Package.read(package.kept(lambda name: "zh" not in name).bytes())
    assert kept.items == {"icudt73l/coll/en.res": b"E" * 48, "icudt73l/id.res": b"I" * 32}
    written = kept.bytes()
    count, = struct.unpack_from("<I", written, 32)
    offsets = [struct.unpack_from("<II", written, 36 + 8 * i)[1] for i in range(count)]
    assert all((32 + offset) % 16 == 0 for offset in offsets)
    with pytest.raises(ValueError, match="not an ICU common-data package"):
        ICU.Package.read(b"\0" * 64)


@pytest.mark.parametrize(("name", "kept"), [
    ("icudt73l/root.res", True), ("icudt73l/id.res", True), ("icudt73l/en_GB.res", True),
    ("icudt73l/in.res", True), ("icudt73l/pool.res", True), ("icudt73l/res_index.res", True),
    ("icudt73l/supplementalData.res", True), ("icudt73l/zoneinfo64.res", True),
    ("icudt73l/coll/ucadata.icu", True), ("icudt73l/coll/id.res", True),
    ("icudt73l/zone/id.res", True), ("icudt73l/nfkc.nrm", True), ("icudt73l/brkitr/line.brk", True),
    ("icudt73l/zh.res", False), ("icudt73l/coll/zh.res", False), ("icudt73l/zone/ar_EG.res", False),
    ("icudt73l/ibm-5348_P100-1997.cnv", False), ("icudt73l/brkitr/cjdict.dict", False),
    ("icudt73l/translit/root.res", False),
])
def test_the_bundle_keeps_indonesian_english_and_shared_data(name: str, kept: bool) -> None:
    assert ICU.wanted(name) is kept


PROBE = """
import json
from PySide6.QtCore import QCollator, QDate, QDateTime, QLocale, QTime, QTimeZone
said = {}
when = QDateTime(QDate(2025, 11, 24), QTime(9, 0))
for name in ("id_ID", "en_US"):
    locale = QLocale(name)
    collator = QCollator(locale)
    words = ["Zebra", "apel", "Ápel", "bessie", "Éva", "ä", "Bessie"]
    said[name] = [sorted(words, key=collator.sortKey), locale.toUpper("istanbul"),
                  QTimeZone(b"Asia/Makassar").displayName(
                      when, QTimeZone.NameType.LongName, locale)]
with open("/proc/self/maps", encoding="utf-8") as maps:
    said["icu"] = sorted({line.split()[-1] for line in maps if "libicudata" in line})
print(json.dumps(said))
"""


@pytest.mark.skipif(not ICU_LIBRARIES or shutil.which("cc") is None,
                    reason="PySide6 carries ICU only on Linux, and building it needs cc")
def test_qt_says_the_same_with_the_smaller_data(tmp_path: Path) -> None:
    source = ICU_LIBRARIES[0]
    smaller = tmp_path / source.name
    assert ICU.smaller_library(source, smaller)
    assert smaller.stat().st_size < source.stat().st_size / 5

    def probe(preload: Path | None) -> dict[str, list[object]]:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        if preload is not None:
            env["LD_PRELOAD"] = str(preload)
        done = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True,
                              text=True, check=True, timeout=120)
        return json.loads(done.stdout)

    whole, trimmed = probe(None), probe(smaller)
    assert (whole.pop("icu"), trimmed.pop("icu")) == ([str(source)], [str(smaller)])
    assert trimmed == whole
    assert whole["id_ID"][2] == "Waktu Indonesia Tengah"


def elf_header(byte_order: int = 1, sections_at: int = 0x40, sections: int = 3) -> bytes:
    """The 64 bytes of an ELF64 header naming ``sections`` section headers at ``sections_at``."""
    ident = b"\x7fELF\x02" + bytes((byte_order, 1)) + bytes(9)
    order = "<" if byte_order == 1 else ">"
    rest = struct.pack(f"{order}HHIQQQIHHHHHH", 3, 62, 1, 0, 0, sections_at, 0, 64, 0, 0, 64,
                       sections, 0)
    return ident + rest


@pytest.mark.parametrize(("data", "says"), [
    (HEADER[:20], "truncated"),  # cut inside the header
    (HEADER + struct.pack("<I", 5) + bytes(8), "truncated"),  # five items named, one there
    (HEADER + struct.pack("<III", 1, 12, 64), "truncated"),  # an item past the end
    (HEADER + struct.pack("<III", 1, 12, 13) + b"abc", "truncated"),  # a name without its end
    (HEADER[:8] + b"\x01" + HEADER[9:] + struct.pack(">I", 0), "big-endian"),
], ids=["header cut", "table cut", "item past the end", "name cut", "big-endian"])
def test_a_truncated_or_foreign_package_is_refused_clearly(data: bytes, says: str) -> None:
    with pytest.raises(ValueError, match=says):
        ICU.Package.read(data)


@pytest.mark.parametrize(("library", "says"), [
    (b"\x7fELF\x02\x01", "truncated"),
    (elf_header(), "truncated"),  # its section headers are not there
    (elf_header(sections_at=0x1000, sections=1) + bytes(64), "truncated"),
    (elf_header(byte_order=2), "big-endian"),
    (b"\x7fELF\x01\x01\x01" + bytes(57), "not a 64-bit ELF library"),
], ids=["header cut", "no section headers", "section headers past the end", "big-endian",
        "32-bit"])
def test_a_truncated_or_foreign_library_is_refused_clearly(library: bytes, says: str) -> None:
    with pytest.raises(ValueError, match=says):
        ICU.symbol_data(library)


def test_a_library_cut_short_names_itself(tmp_path: Path) -> None:
    source = tmp_path / "libicudata.so.73"
    source.write_bytes(elf_header())
    if shutil.which("cc") is None and shutil.which("gcc") is None:
        pytest.skip("without a C compiler the library is not read at all")
    with pytest.raises(ValueError, match=r"libicudata\.so\.73.*truncated"):
        ICU.smaller_library(source, tmp_path / "out" / source.name)
