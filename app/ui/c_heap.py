"""The C heap over a day at the counter: large blocks apart, free pages given back.

Qt, QtPdf, SQLite and Python's larger objects allocate through the C library. On Linux
(glibc) two habits of its allocator make a long-running window grow:

* A block of 128 KB or more is mapped on its own and unmapped when freed — until the
  first such block is freed; glibc then raises its threshold to that block's size, so
  the bands a print job rasterises (about 1.6 MB each), a sync's batches and the like
  come from the heap afterwards and leave holes between the small blocks that live on.
  :func:`keep_large_blocks_apart` fixes the threshold where it starts, so large passing
  blocks go straight back to the system when freed.
* Free pages inside the heap stay resident until ``malloc_trim`` is called:
  :func:`release_free_memory`, which the window's collection timer has run every few
  seconds on a thread of its own (:func:`release_in_background`): the C call runs
  without Python's lock, so the window goes on meanwhile.

Windows' heap maps large blocks on their own and gives free pages back by itself;
there, and where the C library is not glibc, both calls do nothing.
"""

from __future__ import annotations

import sys
import threading
from typing import Any

LARGE_BLOCK = 128 * 1024  # glibc's own starting threshold
M_MMAP_THRESHOLD = -3  # mallopt's parameter number (malloc.h)
_libc: list[Any] = []  # glibc, once looked up (None when not there)
_wake = threading.Event()
_releaser: list[threading.Thread] = []


def _glibc() -> Any:
    if not _libc:
        found = None
        if sys.platform == "linux":
            import ctypes

            try:
                found = ctypes.CDLL(None)
                found.malloc_trim.argtypes, found.malloc_trim.restype = [ctypes.c_size_t], \
                    ctypes.c_int
                found.mallopt.argtypes, found.mallopt.restype = [ctypes.c_int, ctypes.c_int], \
                    ctypes.c_int
            except (OSError, AttributeError):  # not glibc (musl has no malloc_trim)
                found = None
        _libc.append(found)
    return _libc[0]


def keep_large_blocks_apart() -> bool:
    """Map every C block of :data:`LARGE_BLOCK` or more on its own, for good (glibc);
    False where the C library has no such setting."""
    libc = _glibc()
    return libc is not None and bool(libc.mallopt(M_MMAP_THRESHOLD, LARGE_BLOCK))


def release_free_memory() -> bool:
    """Give the free pages of the C heap back to the system (glibc ``malloc_trim``);
    False where the C library offers no such call. A few milliseconds at most."""
    libc = _glibc()
    if libc is None:
        return False
    libc.malloc_trim(0)
    return True


def release_in_background() -> bool:
    """:func:`release_free_memory` on the releasing thread (started on first use; call
    from one thread, the window's); False where the C library offers no such call."""
    if _glibc() is None:
        return False
    if not _releaser:
        thread = threading.Thread(target=_releasing, name="loket-release-memory", daemon=True)
        thread.start()
        _releaser.append(thread)
    _wake.set()
    return True


def _releasing() -> None:
    while True:
        _wake.wait()
        _wake.clear()
        release_free_memory()
