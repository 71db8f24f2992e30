"""Smoke-test the frozen bundle: the real ``loket`` program, offscreen, on a fresh folder.

    python scripts/smoke_frozen.py [--bundle dist/loket]

``loket --smoke-test DIR`` must make a demo branch in an empty temporary folder, take a
payment and archive its receipt PDF through the services the window uses, show the
log-in window and exit 0 (see ``app/ui/smoke.py``). Then ``loket-admin`` from the same
bundle must verify the audit trail and write a verified backup of that branch. Exits
non-zero, with the programs' output, on any failure.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT_S = 300
SHOWN = "smoke: log-in window shown"


def program(bundle: Path, name: str) -> Path:
    return bundle / (f"{name}.exe" if os.name == "nt" else name)


def run(command: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    started = time.monotonic()
    done = subprocess.run(command, env=env, capture_output=True, text=True,
                          timeout=TIMEOUT_S, check=False)
    print(f"==> {Path(command[0]).name} {' '.join(command[1:])}: exit {done.returncode} "
          f"in {time.monotonic() - started:.1f} s", flush=True)
    return done


def check(done: subprocess.CompletedProcess[str], *, expect: str = "") -> bool:
    if done.returncode == 0 and expect in done.stdout + done.stderr:
        return True
    print(f"--- stdout\n{done.stdout[-4000:]}\n--- stderr\n{done.stderr[-4000:]}", flush=True)
    return False


def smoke(bundle: Path) -> bool:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    with tempfile.TemporaryDirectory(prefix="loket-smoke-") as tmp:
        data_dir = Path(tmp) / "branch"
        shown = run([str(program(bundle, "loket")), "--smoke-test", str(data_dir)], env)
        log = data_dir / "logs" / "loket.log"  # a windowed program may have no stderr
        said = log.read_text(encoding="utf-8") if log.exists() else ""
        if not check(shown) or SHOWN not in said:
            print(f"--- {log}\n{said[-4000:]}", flush=True)
            return False
        print("\n".join(line for line in said.splitlines() if "smoke:" in line), flush=True)
        receipts = sorted((data_dir / "archive").rglob("kwitansi-*.pdf"))
        if not receipts or not receipts[0].read_bytes().startswith(b"%PDF"):
            print("==> FAILED: no receipt PDF in the archive", flush=True)
            return False
        admin = str(program(bundle, "loket-admin"))
        where = ["--data-dir", str(data_dir), "--lang", "en"]  # the words checked below
        return (check(run([admin, *where, "audit", "verify"], env), expect="OK:")
                and check(run([admin, *where, "backup", "now"], env), expect="verified"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "loket")
    args = parser.parse_args(argv)
    if not program(args.bundle, "loket").exists():
        print(f"==> FAILED: no frozen bundle in {args.bundle} "
              "(python scripts/build_frozen.py)", flush=True)
        return 1
    ok = smoke(args.bundle)
    print("==> frozen smoke test passed" if ok else "==> FAILED: frozen smoke test", flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
