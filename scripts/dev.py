"""Developer runner: one command for the checks and tests, one for the demo.

    python scripts/dev.py test [PYTEST ARGS...]   ruff, mypy, import contracts, then pytest
    python scripts/dev.py check                   ruff, mypy and import contracts only
    python scripts/dev.py demo [LOKET ARGS...]    start Loket on the demo branch
    python scripts/dev.py frozen                  build the frozen bundle (PyInstaller) and
                                                  smoke-test it offscreen

Standard library only, so it runs on a fresh machine (Linux or Windows). It creates
``.venv`` beside ``pyproject.toml`` when missing and installs the project with its
``dev`` extra, again only when ``pyproject.toml`` changed (a stamp in the venv
remembers). ``LOKET_VENV`` chooses another venv folder.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MIN_PYTHON = (3, 11)
STAMP_NAME = "loket-install.stamp"
PYTEST_NO_TESTS = 5


def say(message: str) -> None:
    print(f"==> {message}", flush=True)


def venv_dir() -> Path:
    return Path(os.environ.get("LOKET_VENV") or ROOT / ".venv").resolve()


def venv_tool(venv: Path, name: str) -> Path:
    """A program in the venv: ``Scripts\\name.exe`` on Windows, ``bin/name`` elsewhere."""
    if os.name == "nt":
        return venv / "Scripts" / f"{name}.exe"
    return venv / "bin" / name


def run(title: str, command: Sequence[str | Path], env: dict[str, str] | None = None) -> int:
    """Say what runs (``title: command``), run it in the project folder, return its exit code."""
    shown = " ".join(Path(c).stem if i == 0 else str(c) for i, c in enumerate(command))
    say(f"{title}: {shown}")
    return subprocess.run([str(c) for c in command], cwd=ROOT, env=env, check=False).returncode


def install_fingerprint() -> str:
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes())
    digest.update(sys.version.encode())
    return digest.hexdigest()


def ensure_venv() -> Path:
    """Create the venv and install the project into it when needed; return its python."""
    venv = venv_dir()
    python = venv_tool(venv, "python")
    if not python.exists():
        say(f"creating a virtual environment in {venv}")
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    stamp = venv / STAMP_NAME
    fingerprint = install_fingerprint()
    if stamp.exists() and stamp.read_text(encoding="utf-8").strip() == fingerprint:
        say("dependencies up to date (pyproject.toml unchanged)")
        return python
    code = run("installing Loket and its dev tools",
               [python, "-m", "pip", "install", "--quiet", "-e", ".[dev]"])
    if code != 0:
        raise SystemExit(f"pip install failed (exit {code})")
    stamp.write_text(fingerprint + "\n", encoding="utf-8")
    return python


def check(python: Path) -> int:
    """Static checks: lint, types, layer contracts. Returns the first failing exit code."""
    venv = python.parent.parent
    steps: list[tuple[str, list[str | Path]]] = [
        ("ruff (lint)", [python, "-m", "ruff", "check", "."]),
        ("mypy (strict types: app/models, app/services)", [python, "-m", "mypy"]),
        ("import-linter (layers, no Qt outside app/ui)", [venv_tool(venv, "lint-imports")]),
    ]
    for title, command in steps:
        code = run(title, command)
        if code != 0:
            say(f"FAILED: {title} (exit {code})")
            return code
    return 0


def pytest_counts(report: Path) -> tuple[int, int, int]:
    """(passed, failed, skipped) from a JUnit XML report; errors count as failed."""
    total = failed = skipped = 0
    for suite in ET.parse(report).getroot().iter("testsuite"):
        total += int(suite.get("tests", 0))
        failed += int(suite.get("failures", 0)) + int(suite.get("errors", 0))
        skipped += int(suite.get("skipped", 0))
    return total - failed - skipped, failed, skipped


def test(python: Path, pytest_args: Sequence[str]) -> int:
    code = check(python)
    if code != 0:
        return code
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="loket-pytest-") as tmp:
        report = Path(tmp) / "junit.xml"
        started = time.monotonic()
        code = run("tests", [python, "-m", "pytest", f"--junitxml={report}", *pytest_args], env)
        seconds = time.monotonic() - started
        counts = pytest_counts(report) if report.exists() else (0, 0, 0)
    if code == PYTEST_NO_TESTS or sum(counts) == 0:
        say("FAILED: pytest ran no tests")
        return code or 1
    passed, failed, skipped = counts
    verdict = "all checks and tests passed" if code == 0 else f"FAILED: tests (exit {code})"
    say(f"{verdict}; pytest took {seconds:.0f} s")
    print(f"pytest: {passed} passed, {failed} failed, {skipped} skipped", flush=True)
    return code


def demo(python: Path, loket_args: Sequence[str]) -> int:
    return run("starting Loket on the demo branch (created on first start)",
               [python, "-m", "app.main", "--demo", *loket_args])


def frozen(python: Path) -> int:
    """Build ``dist/loket`` from ``installer/loket.spec``, then smoke-test the bundle."""
    code = run("frozen bundle (PyInstaller)", [python, "scripts/build_frozen.py"])
    if code != 0:
        say(f"FAILED: frozen build (exit {code})")
        return code
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    code = run("frozen smoke test", [python, "scripts/smoke_frozen.py"], env)
    say("frozen bundle built and smoke-tested" if code == 0
        else f"FAILED: frozen smoke test (exit {code})")
    return code


def main(argv: Sequence[str]) -> int:
    if sys.version_info < MIN_PYTHON:
        print(f"Loket needs Python {MIN_PYTHON[0]}.{MIN_PYTHON[1]} or newer", file=sys.stderr)
        return 2
    if not argv or argv[0] not in {"test", "check", "demo", "frozen"}:
        print(__doc__, file=sys.stderr)
        return 2
    command, rest = argv[0], argv[1:]
    python = ensure_venv()
    if command == "test":
        return test(python, rest)  # its last line is the pytest summary
    if command == "demo":
        return demo(python, rest)
    if command == "frozen":
        return frozen(python)
    code = check(python)
    say("all checks passed" if code == 0 else f"FAILED (exit {code})")
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
