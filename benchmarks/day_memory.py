"""Where the counter's resident memory goes: one breakdown, taken at the end of a day.

* the process's mappings (Linux ``/proc/self/smaps``) summed by what they map: the
  heap and anonymous memory, each shared library (Qt, Python, SQLite, …), the
  database file when SQLite maps it, fonts;
* SQLite's own heap (``sqlite3_status64``) and, for every open connection, its page
  cache in use and allowed (``sqlite3_db_status``, ``PRAGMA cache_size``/``mmap_size``);
* Python: the modules imported, the memory blocks the allocator holds, and the object
  types the collector tracks most of (top N);
* Qt: the objects under the application and its windows by class (top N).

The SQLite figures reach the C library through ``ctypes`` from the Python module's own
connection object (the ``sqlite3 *`` right after the object header, as CPython lays it
out); each pointer is checked against the file name SQLite gives back before it is used.
"""

from __future__ import annotations

import ctypes
import gc
import re
import sqlite3
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

SQLITE_STATUS_MEMORY_USED = 0
SQLITE_DBSTATUS_CACHE_USED = 1
_HEADER = ctypes.sizeof(ctypes.c_ssize_t) + ctypes.sizeof(ctypes.c_void_p)


def _library() -> ctypes.CDLL | None:
    try:
        import _sqlite3

        library = ctypes.CDLL(_sqlite3.__file__)
        library.sqlite3_db_filename.restype = ctypes.c_char_p
        library.sqlite3_db_filename.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
        library.sqlite3_db_status.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.POINTER(
            ctypes.c_int), ctypes.POINTER(ctypes.c_int), ctypes.c_int]
        return library
    except (ImportError, OSError, AttributeError):
        return None


def _mapping_kind(path: str) -> str:
    """What a mapping's path says it is, in a few groups."""
    if not path or path.startswith("[anon") or path == "[heap]":
        return "heap and anonymous"
    if path.startswith("["):
        return path
    name = Path(path.split(" (deleted)")[0]).name
    if name.endswith((".sqlite3", ".sqlite3-shm", "-wal")):
        return "database file (mapped)"
    if name.endswith((".ttf", ".otf", ".ttc", ".pfb")):
        return "fonts"
    match = re.match(r"(lib[A-Za-z_]+?)(6|\d)?[\.-]", name)
    if "libicu" in name:
        return "ICU"
    if match and name.startswith("libQt"):
        return match.group(1) + "6"
    if ".cpython-" in name or name.endswith(".abi3.so"):
        return "Python extension modules"
    if name.startswith("libpython") or name.startswith("python"):
        return "Python interpreter"
    return match.group(1) if match else name


def mappings(top: int = 12) -> dict[str, Any]:
    """Resident MB by kind of mapping (Linux; empty elsewhere) and the totals."""
    smaps = Path("/proc/self/smaps")
    if not smaps.exists():
        return {}
    by_kind: Counter[str] = Counter()
    anonymous = 0
    path = ""
    for line in smaps.read_text(encoding="utf-8", errors="replace").splitlines():
        first = line.split(maxsplit=1)[0]
        if "-" in first and not first.endswith(":"):  # a mapping's header line
            parts = line.split(maxsplit=5)
            path = parts[5] if len(parts) > 5 else ""
        elif first == "Rss:":
            by_kind[_mapping_kind(path)] += int(line.split()[1])
        elif first == "Anonymous:":
            anonymous += int(line.split()[1])
    total = sum(by_kind.values())
    return {"rss_mb": round(total / 1024, 1), "anonymous_mb": round(anonymous / 1024, 1),
            "by_mapping_mb": {kind: round(kib / 1024, 1)
                              for kind, kib in by_kind.most_common(top)}}


def sqlite_memory() -> dict[str, Any]:
    """SQLite's heap and each open connection's page cache (the connections the
    collector can see: SQLAlchemy's pools keep theirs in Python objects)."""
    library = _library()
    if library is None:
        return {}
    current, peak = ctypes.c_int64(), ctypes.c_int64()
    library.sqlite3_status64(SQLITE_STATUS_MEMORY_USED, ctypes.byref(current),
                             ctypes.byref(peak), 0)
    connections = []
    for obj in gc.get_objects():
        if not isinstance(obj, sqlite3.Connection):
            continue
        try:
            database = obj.execute("PRAGMA database_list").fetchone()[2]
            cache_size = obj.execute("PRAGMA cache_size").fetchone()[0]
            mmap_size = obj.execute("PRAGMA mmap_size").fetchone()[0]
        except sqlite3.Error:  # closed, or busy in another thread
            continue
        handle = ctypes.c_void_p.from_address(id(obj) + _HEADER).value
        used = None
        if handle and (library.sqlite3_db_filename(handle, b"main") or b"").decode() == database:
            value, high = ctypes.c_int(), ctypes.c_int()
            library.sqlite3_db_status(handle, SQLITE_DBSTATUS_CACHE_USED, ctypes.byref(value),
                                      ctypes.byref(high), 0)
            used = round(value.value / 2**20, 1)
        connections.append({"file": Path(database).name if database else ":memory:",
                            "cache_used_mb": used, "cache_size": cache_size,
                            "mmap_size_mb": round(mmap_size / 2**20)})
    return {"heap_mb": round(current.value / 2**20, 1),
            "heap_peak_mb": round(peak.value / 2**20, 1), "connections": connections}


class _MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in (
        "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks",
        "fordblks", "keepcost")]


def malloc_memory() -> dict[str, float]:
    """The C allocator's heap (glibc's ``mallinfo2``, every arena): what it holds from
    the system, what is in use and what is free but not given back; empty elsewhere."""
    try:
        libc = ctypes.CDLL(None)
        function = libc.mallinfo2
    except (OSError, AttributeError):
        return {}
    function.restype = _MallInfo2
    info = function()
    return {"heap_mb": round((info.arena + info.hblkhd) / 2**20, 1),
            "in_use_mb": round((info.uordblks + info.hblkhd) / 2**20, 1),
            "free_mb": round(info.fordblks / 2**20, 1)}


def sqlite_heap_mb() -> float | None:
    """SQLite's own heap in MB (its page caches are most of it), or None."""
    library = _library()
    if library is None:
        return None
    current, peak = ctypes.c_int64(), ctypes.c_int64()
    library.sqlite3_status64(SQLITE_STATUS_MEMORY_USED, ctypes.byref(current),
                             ctypes.byref(peak), 0)
    return round(current.value / 2**20, 1)


def python_memory(top: int = 10) -> dict[str, Any]:
    """Modules imported, allocator blocks, and the object types most numerous."""
    types = Counter(type(obj).__name__ for obj in gc.get_objects())
    return {"modules": len(sys.modules), "allocated_blocks": sys.getallocatedblocks(),
            "top_types": dict(types.most_common(top))}


def qt_classes(app: QApplication, top: int = 10) -> dict[str, int]:
    """The Qt objects under the application and its top-level windows, by class."""
    classes: Counter[str] = Counter()
    for root in [app, *QApplication.topLevelWidgets()]:
        for obj in [root, *root.findChildren(QObject)]:
            classes[obj.metaObject().className()] += 1
    return dict(classes.most_common(top))


def breakdown(app: QApplication) -> dict[str, Any]:
    """Everything above, JSON-ready."""
    return {"mappings": mappings(), "malloc": malloc_memory(), "sqlite": sqlite_memory(),
            "python": python_memory(),
            "qt_classes": qt_classes(app)}
