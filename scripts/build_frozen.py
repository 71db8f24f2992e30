"""Build the frozen Loket bundle with PyInstaller from ``installer/loket.spec``.

    python scripts/build_frozen.py [--dist DIR] [--work DIR] [--clean]

Run with the project's Python (``.venv``, where ``pip install -e .[dev]`` put
PyInstaller). The bundle lands in ``dist/loket`` (``loket`` and ``loket-admin`` with
their ``_internal`` folder); its unpacked size is printed at the end (target ≤ 150 MB).
The same spec builds the Windows bundle that ``installer/loket.iss`` packs.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "installer" / "loket.spec"
TARGET_MB = 150


def bundle_size(folder: Path) -> tuple[int, int]:
    """(bytes, files) of a folder, symbolic links not followed nor counted."""
    total = files = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
            files += 1
    return total, files


def build(dist: Path, work: Path, clean: bool) -> Path:
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
               "--distpath", str(dist), "--workpath", str(work), str(SPEC)]
    if clean:
        command.insert(3, "--clean")
    print(f"==> building the frozen bundle: {' '.join(command[1:])}", flush=True)
    subprocess.run(command, cwd=ROOT, check=True)
    return dist / "loket"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "frozen")
    parser.add_argument("--clean", action="store_true", help="forget PyInstaller's cache")
    args = parser.parse_args(argv)
    started = time.monotonic()
    try:
        bundle = build(args.dist.resolve(), args.work.resolve(), args.clean)
    except subprocess.CalledProcessError as error:
        print(f"==> FAILED: PyInstaller exited with {error.returncode}", flush=True)
        return 1
    size, files = bundle_size(bundle)
    megabytes = size / 1_000_000
    verdict = "within" if megabytes <= TARGET_MB else "OVER"
    print(f"==> bundle {os.path.relpath(bundle, ROOT)}: {files} files, {megabytes:.1f} MB "
          f"unpacked ({verdict} the {TARGET_MB} MB target); built in "
          f"{time.monotonic() - started:.0f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
