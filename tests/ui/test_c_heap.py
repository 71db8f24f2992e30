"""The C heap over a long day: passing memory goes back to the system (glibc)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.ui.c_heap import release_free_memory, release_in_background

glibc_only = pytest.mark.skipif(sys.platform != "linux",
                                reason="measures glibc's heap through /proc; Windows gives "
                                       "pages back by itself")


def test_the_calls_work_on_glibc_and_do_nothing_elsewhere() -> None:
    """On every system: on Linux the pages are given back, elsewhere the calls say they
    did nothing (and raise nothing)."""
    assert release_free_memory() is (sys.platform == "linux")
    assert release_in_background() is (sys.platform == "linux")


def _resident_mb() -> float:
    for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


@glibc_only
def test_memory_freed_by_passing_work_goes_back_to_the_system() -> None:
    # 100 MB in 64 KB blocks (under glibc's mmap threshold: they come from the heap),
    # a 16 KB block kept after each (too large for the small free blocks left by earlier
    # work, so it comes after its neighbour) so that the heap cannot shrink from its top
    blocks = [(bytearray(64 * 1024), bytearray(16 * 1024)) for _ in range(1_600)]
    kept = [small for _big, small in blocks]
    del blocks
    before = _resident_mb()
    assert release_free_memory()
    assert _resident_mb() < before - 50
    del kept


@glibc_only
def test_the_releasing_thread_gives_memory_back_while_the_caller_goes_on() -> None:
    blocks = [(bytearray(64 * 1024), bytearray(16 * 1024)) for _ in range(1_600)]
    kept = [small for _big, small in blocks]
    del blocks
    before = _resident_mb()
    assert release_in_background()  # returns at once; the thread does the work
    deadline = time.monotonic() + 10
    while _resident_mb() > before - 50 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert _resident_mb() < before - 50
    del kept


_LARGE_BLOCKS = """
import subprocess
import sys
import time
from pathlib import Path
from app.ui.c_heap import keep_large_blocks_apart

def resident_mb():
    for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024

if sys.argv[1] == "kept-apart":
    assert keep_large_blocks_apart()
passing = bytearray(4 * 2**20)
del passing  # glibc left alone would from now on take blocks this large from its heap,
# where the small blocks kept between them pin the pages
blocks = [(bytearray(1_600_000), bytearray(16 * 1024)) for _ in range(60)]  # about 96 MB
kept = [small for _big, small in blocks]
before = resident_mb()
del blocks
print(round(before - resident_mb()))
"""


def _freed_mb(*args: str) -> int:
    # a fresh process: blocks freed by earlier tests would be reused for the large ones
    done = subprocess.run([sys.executable, "-c", _LARGE_BLOCKS, *args], check=True,
                          capture_output=True, text=True, cwd=Path(__file__).parents[2])
    return int(done.stdout)


@glibc_only
def test_large_passing_blocks_go_back_as_soon_as_they_are_freed() -> None:
    assert _freed_mb("left-alone") < 20  # what the setting is for: glibc keeps them
    assert _freed_mb("kept-apart") > 80  # no malloc_trim needed
