"""A smaller ICU data library for the Linux bundle: the data of Bahasa Indonesia and English.

PySide6's Linux wheels link Qt Core against ICU, whose data library
``libicudata.so.<N>`` (32 MB) holds the common data of every language: collation, the
names of languages, regions, currencies, units and time zones, calendars, spelled-out
numbers, transliterators, legacy character-set converters and the word dictionaries of
Chinese, Japanese, Thai, Lao, Khmer and Burmese. Loket speaks Bahasa Indonesia and
English only; its text is UTF-8 (ICU's UTF and Latin-1 converters are code, not data) and
Qt segments text itself. :func:`smaller_library` keeps the root, Indonesian and English
data of every kind, the supplemental data and the Unicode tables, and leaves out the other
languages, the converter tables, transliterators and word dictionaries: a few megabytes.

The library is one symbol, ``icudt<N>_dat``, holding an ICU common-data package
(``CmnD``): a header, a sorted table of contents (name and offset of each item) and the
items. The package is rewritten with the kept items in the same order and built into a
shared library of the same name with the C compiler; without one the bundle keeps ICU's
own library. Windows builds of PySide6 carry no ICU, so nothing changes there.
"""

from __future__ import annotations

import itertools
import re
import shutil
import struct
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

LIBRARY = re.compile(r"^libicudata\.so\.(\d+)$")
LANGUAGES = re.compile(r"^(root|pool|res_index|en|en_\w+|id|id_\w+|in|in_\w+)$")
LOCALE = re.compile(r"^[a-z]{2,3}(_\w+)?$")  # a language's file; other names are shared data
DROPPED_KINDS = (".cnv", ".dict")  # converter tables, word dictionaries
DROPPED_TREES = ("translit",)  # transliterators
ALIGN = 16
PACKAGE = "ICU common-data package"
LIBRARY_WORD = "ELF library"


@dataclass(frozen=True)
class Package:
    """An ICU common-data package: its header and its items, name → bytes, in order."""

    header: bytes
    items: dict[str, bytes]

    @classmethod
    def read(cls, data: bytes) -> Package:
        """The package in ``data``; ``ValueError`` when it is cut short or foreign."""
        if len(data) < 16:
            raise ValueError(f"truncated {PACKAGE}: {len(data)} bytes, not even its header")
        if data[2:4] != b"\xda\x27" or data[12:16] != b"CmnD":
            raise ValueError("not an ICU common-data package")
        if data[8] != 0:
            raise ValueError(f"a big-endian {PACKAGE}: only little-endian data is read")
        toc, = _unpack("<H", data, 0, PACKAGE)
        count, = _unpack("<I", data, toc, PACKAGE)
        _span(data, toc + 4, 8 * count, PACKAGE)  # the whole table is there
        entries = [_unpack("<II", data, toc + 4 + 8 * i, PACKAGE) for i in range(count)]
        names = [_ascii(data, toc + name, PACKAGE) for name, _ in entries]
        starts = [toc + offset for _, offset in entries] + [len(data)]
        if any(a > b for a, b in itertools.pairwise(starts)):
            raise ValueError(f"truncated {PACKAGE}: an item begins past the next or the end")
        return cls(data[:toc], {name: data[starts[i]:starts[i + 1]]
                                for i, name in enumerate(names)})

    def kept(self, keep: Callable[[str], bool]) -> Package:
        return Package(self.header, {n: item for n, item in self.items.items() if keep(n)})

    def bytes(self) -> bytes:
        """The package written anew: names after the table, each item 16-byte aligned."""
        names = list(self.items)
        table = 4 + 8 * len(names)
        strings = bytearray()
        name_offsets = []
        for name in names:
            name_offsets.append(table + len(strings))
            strings += name.encode("ascii") + b"\0"
        offset = _aligned(table + len(strings))
        body = bytearray()
        item_offsets = []
        for name in names:
            body += bytes(_aligned(offset + len(body)) - offset - len(body))
            item_offsets.append(offset + len(body))
            body += self.items[name]
        toc = bytearray(struct.pack("<I", len(names)))
        for entry in zip(name_offsets, item_offsets, strict=True):
            toc += struct.pack("<II", *entry)
        toc += strings
        toc += bytes(offset - len(toc))
        return self.header + bytes(toc) + bytes(body)


def _aligned(offset: int) -> int:
    return (offset + ALIGN - 1) // ALIGN * ALIGN


def wanted(name: str) -> bool:
    """Whether Loket's bundle keeps this item (``icudt73l/coll/id.res``, …)."""
    path = name.split("/", 1)[1] if "/" in name else name
    tree, _, file = path.rpartition("/")
    stem, _, kind = file.rpartition(".")
    if f".{kind}" in DROPPED_KINDS or tree in DROPPED_TREES:
        return False
    return not LOCALE.match(stem) or bool(LANGUAGES.match(stem))


def symbol_data(library: bytes) -> tuple[str, bytes]:
    """The name and bytes of the one exported data symbol of a little-endian ELF64 shared
    library; ``ValueError`` when it is cut short or foreign."""
    if library[:5] != b"\x7fELF\x02":
        raise ValueError("not a 64-bit ELF library")
    if library[5:6] != b"\x01":  # EI_DATA: 1 little-endian, 2 big-endian
        raise ValueError(f"truncated {LIBRARY_WORD}" if len(library) < 6 else
                         f"a big-endian {LIBRARY_WORD}: only little-endian ones are read"
                         if library[5] == 2 else f"an {LIBRARY_WORD} of no known byte order")
    shoff, = _unpack("<Q", library, 0x28, LIBRARY_WORD)
    shentsize, shnum = _unpack("<HH", library, 0x3A, LIBRARY_WORD)
    _span(library, shoff, shentsize * shnum, LIBRARY_WORD)  # every section header is there
    sections = [_unpack("<IIQQQQIIQQ", library, shoff + i * shentsize, LIBRARY_WORD)
                for i in range(shnum)]
    for _name, kind, _flags, _addr, offset, size, link, _info, _align, entsize in sections:
        if kind != 11:  # SHT_DYNSYM
            continue
        if link >= shnum or entsize == 0:
            raise ValueError(f"a foreign {LIBRARY_WORD}: its symbol table is not understood")
        strings = sections[link][4]
        for at in range(offset + entsize, offset + size, entsize):
            name_at, info, _other, index, value, length = _unpack(
                "<IBBHQQ", library, at, LIBRARY_WORD)
            if index == 0 or info & 0xF != 1:  # undefined, or not an object
                continue
            if index >= shnum:
                raise ValueError(f"a foreign {LIBRARY_WORD}: a symbol in no known section")
            symbol = _ascii(library, strings + name_at, LIBRARY_WORD)
            _n, _k, _f, section_addr, section_offset, *_ = sections[index]
            start = section_offset + value - section_addr
            return symbol, _span(library, start, length, LIBRARY_WORD)
    raise ValueError("no data symbol in the library")


def _unpack(layout: str, data: bytes, at: int, what: str) -> tuple[int, ...]:
    """``struct.unpack_from``, with a clear error when ``data`` ends too soon."""
    return struct.unpack(layout, _span(data, at, struct.calcsize(layout), what))


def _span(data: bytes, at: int, length: int, what: str) -> bytes:
    """``length`` bytes of ``data`` from ``at``; ``ValueError`` when they are not all there."""
    if at < 0 or length < 0 or at + length > len(data):
        raise ValueError(f"truncated {what}: bytes {at}–{at + length} of {len(data)} needed")
    return data[at:at + length]


def _ascii(data: bytes, at: int, what: str) -> str:
    """The NUL-ended ASCII name at ``at``."""
    end = data.find(b"\0", at) if 0 <= at < len(data) else -1
    if end < 0:
        raise ValueError(f"truncated {what}: a name at byte {at} does not end")
    try:
        return data[at:end].decode("ascii")
    except UnicodeDecodeError:
        raise ValueError(f"a foreign {what}: a name at byte {at} is not ASCII") from None


ASSEMBLY = """\
    .section .rodata
    .globl {symbol}
    .type {symbol}, @object
    .balign 16
{symbol}:
    .incbin "{data}"
    .size {symbol}, . - {symbol}
    .section .note.GNU-stack,"",@progbits
"""


def smaller_library(source: Path, target: Path) -> bool:
    """Write ``target``: ``source`` (an ICU data library) with Loket's data only. False,
    and nothing written, when there is no C compiler to build it with; ``ValueError``
    naming ``source`` when it is cut short or foreign (big-endian, say)."""
    compiler = shutil.which("cc") or shutil.which("gcc")
    if compiler is None:
        return False
    try:
        symbol, data = symbol_data(source.read_bytes())
        package = Package.read(data)
    except ValueError as error:
        raise ValueError(f"{source}: {error}") from error
    with tempfile.TemporaryDirectory(prefix="loket-icu-") as folder:
        work = Path(folder)
        (work / "data.bin").write_bytes(package.kept(wanted).bytes())
        (work / "data.S").write_text(ASSEMBLY.format(symbol=symbol, data=work / "data.bin"),
                                     encoding="utf-8")
        target.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([compiler, "-shared", "-nostdlib", "-s", f"-Wl,-soname,{source.name}",
                        "-o", str(target), str(work / "data.S")], check=True)
    return True
