"""Developer runner: one command for the checks and tests, one for the demo.

    python scripts/dev.py test [PYTEST ARGS...]   ruff, mypy, import contracts, then pytest
                                                  (one worker per CPU, each test file whole
                                                  in one worker; -n 0 runs them in one)
    python scripts/dev.py check                   ruff, mypy and import contracts only
    python scripts/dev.py demo [LOKET ARGS...]    start Loket on the demo branch
    python scripts/dev.py frozen                  build the frozen bundle (PyInstaller) and
                                                  smoke-test it offscreen
    python scripts/dev.py lock                    refresh requirements/dev.lock (uv)
    python scripts/dev.py ruff [RUFF ARGS...]     the venv's ruff (the pre-commit hook)

``--locked`` (before or right after the command) installs the venv from
``requirements/dev.lock`` instead; CI (``CI`` set) always does.

Standard library only, so it runs on a fresh machine (Linux or Windows) under any
Python 3. Loket needs Python 3.12 or newer: when the Python running this script is older,
it looks for one itself (``py -3.13`` / ``py -3.12`` on Windows, ``python3.13`` /
``python3.12`` elsewhere) and builds the venv with it. It creates ``.venv`` beside
``pyproject.toml`` when missing (or when it was made by a Python older than 3.12) and
installs the project with its ``dev`` extra, again only when ``pyproject.toml`` changed (a
stamp in the venv remembers). ``LOKET_VENV`` chooses another venv folder.

Locked mode installs the exact versions of ``requirements/dev.lock`` with
``--require-hashes`` (every platform's wheels are hashed there, Windows-only packages
included), then the project itself with ``--no-deps``; a venv installed otherwise (on
ranges, or from another lock) is made anew first, so it holds the lock and nothing
else. ``lock`` resolves ``pyproject.toml``'s ``dev`` extra for every platform and Python
3.12+ with uv (a dev tool, so it runs from the venv).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MIN_PYTHON = (3, 12)
CANDIDATE_MINORS = (13, 12)  # newest first
STAMP_NAME = "loket-install.stamp"
PYTEST_NO_TESTS = 5
LOCK_FILE = ROOT / "requirements" / "dev.lock"
LOCKED_OPTION = "--locked"
COMMANDS = ("test", "check", "demo", "frozen", "lock", "ruff")
# pytest-xdist: a worker per CPU; a test file runs whole in one worker, so its
# module-wide servers, browsers and databases are set up once; the tests on PostgreSQL
# all run in one worker (tests/conftest.py). A worker that crashes ends the run with the
# test it crashed in: xdist's file-at-a-time scheduling can wait forever for the worker
# it would start in its place.
PARALLEL_ARGS = ("--numprocesses=auto", "--dist=loadfile", "--max-worker-restart=0")
SERIAL_SIGNS = ("--numprocesses", "--pdb", "--trace")


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


def python_version(command: Sequence[str]) -> tuple[int, int] | None:
    """(major, minor) of the Python that ``command`` starts, or None when it does not run."""
    try:
        answer = subprocess.run([*command, "-c", "import sys; print(*sys.version_info[:2])"],
                                capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    parts = answer.stdout.split()
    if answer.returncode != 0 or len(parts) != 2 or not all(p.isdigit() for p in parts):
        return None
    return int(parts[0]), int(parts[1])


def interpreter_candidates() -> list[list[str]]:
    """Commands that may start a suitable Python, the one running this script first."""
    found: list[list[str]] = [[sys.executable]]
    if os.name == "nt" and shutil.which("py"):
        found += [["py", f"-3.{minor}"] for minor in CANDIDATE_MINORS]
    for minor in CANDIDATE_MINORS:
        program = shutil.which(f"python3.{minor}")
        if program:
            found.append([program])
    found += [[str(p)] for p in pyenv_pythons()]
    return found


def pyenv_pythons() -> list[Path]:
    """Pythons installed by pyenv, whose shims refuse a version the folder has not chosen."""
    root = os.environ.get("PYENV_ROOT") or str(Path.home() / ".pyenv")
    versions = Path(root) / "versions"
    if not versions.is_dir():
        return []
    found = []
    for minor in CANDIDATE_MINORS:
        found += sorted(versions.glob(f"3.{minor}*/bin/python3.{minor}"), reverse=True)
    return found


def find_python() -> list[str]:
    """A command starting Python 3.12 or newer; exits with a clear message when none is."""
    for command in interpreter_candidates():
        version = python_version(command)
        if version is not None and version >= MIN_PYTHON:
            return command
    wanted = f"{MIN_PYTHON[0]}.{MIN_PYTHON[1]}"
    hint = ("install it from python.org (it brings the 'py' launcher), then run this again"
            if os.name == "nt" else f"install python{wanted} (or newer), then run this again")
    raise SystemExit(f"Loket needs Python {wanted} or newer, and none was found "
                     f"(this is Python {sys.version.split()[0]}): {hint}.")


def install_fingerprint(python: Path, locked: bool) -> str:
    """What the venv was installed from: ``locked:<lock and Python>:<pyproject.toml>``, or
    ``ranges:<pyproject.toml and Python>``."""
    python_id = repr(python_version([str(python)])).encode()
    project = hashlib.sha256((ROOT / "pyproject.toml").read_bytes())
    if not locked:
        project.update(python_id)
        return f"ranges:{project.hexdigest()}"
    lock = hashlib.sha256(LOCK_FILE.read_bytes() + python_id)
    return f"locked:{lock.hexdigest()}:{project.hexdigest()}"


def make_venv(venv: Path) -> None:
    base = find_python()
    say(f"creating a virtual environment in {venv} with {' '.join(base)}")
    subprocess.run([*base, "-m", "venv", "--clear", str(venv)], check=True)


def ensure_venv(locked: bool = False) -> Path:
    """Create the venv and install the project into it when needed; return its python.

    ``locked``: the exact versions of ``requirements/dev.lock`` (hashes required), else
    the ranges of ``pyproject.toml``'s ``dev`` extra."""
    if locked and not LOCK_FILE.is_file():
        raise SystemExit(f"{LOCK_FILE.relative_to(ROOT)} is missing: "
                         "run 'python scripts/dev.py lock' first.")
    venv = venv_dir()
    python = venv_tool(venv, "python")
    stamp = venv / STAMP_NAME
    existing = python_version([str(python)]) if python.exists() else None
    installed = stamp.read_text(encoding="utf-8").strip() if stamp.exists() else ""
    anew = existing is None or existing < MIN_PYTHON
    fingerprint = install_fingerprint(python, locked)
    if not anew and locked and not installed.startswith(fingerprint.rpartition(":")[0]):
        say("making the venv anew from the lock, so it holds the lock and nothing else")
        anew = True
    if anew:
        make_venv(venv)
        installed = ""
        fingerprint = install_fingerprint(python, locked)
    if installed == fingerprint:
        say(f"dependencies up to date ({'lock' if locked else 'pyproject.toml'} unchanged)")
        return python
    install = install_locked if locked else install_ranges
    install(python)
    stamp.write_text(fingerprint + "\n", encoding="utf-8")
    return python


def install_ranges(python: Path) -> None:
    pip_install(python, "installing Loket and its dev tools", ["-e", ".[dev]"])


def install_locked(python: Path) -> None:
    """The lock's exact versions, every file checked against its hash; then Loket alone
    (built with the lock's setuptools, so nothing unpinned comes in)."""
    lock = LOCK_FILE.relative_to(ROOT).as_posix()
    pip_install(python, "installing the locked dev tools",
                ["--require-hashes", "-r", lock])
    pip_install(python, "installing Loket itself",
                ["--no-deps", "--no-build-isolation", "-e", "."])


def pip_install(python: Path, title: str, args: Sequence[str]) -> None:
    code = run(title, [python, "-m", "pip", "install", "--quiet", *args])
    if code != 0:
        raise SystemExit(f"pip install failed (exit {code})")


def lock(python: Path) -> int:
    """Resolve the ``dev`` extra for every platform into ``requirements/dev.lock``."""
    LOCK_FILE.parent.mkdir(exist_ok=True)
    code = run("locking the dev environment (every platform, Python 3.12+)", [
        venv_tool(python.parent.parent, "uv"), "pip", "compile", "pyproject.toml",
        "--extra", "dev", "--universal", "--generate-hashes", "--python-version", "3.12",
        "--quiet", "--custom-compile-command", "python scripts/dev.py lock",
        "-o", LOCK_FILE.relative_to(ROOT).as_posix()])
    say(f"wrote {LOCK_FILE.relative_to(ROOT).as_posix()}" if code == 0
        else f"FAILED: lock (exit {code})")
    return code


def check(python: Path) -> int:
    """Static checks: lint, types, layer contracts. Returns the first failing exit code."""
    venv = python.parent.parent
    steps: list[tuple[str, list[str | Path]]] = [
        ("ruff (lint)", [python, "-m", "ruff", "check", "."]),
        ("mypy (strict: all of app and headoffice)",
         [python, "-m", "mypy"]),
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


def parallel(pytest_args: Sequence[str]) -> list[str]:
    """pytest's arguments with :data:`PARALLEL_ARGS` first, unless the arguments already
    choose the workers (``-n 0`` runs in one process) or debug (``--pdb``, ``--trace``)."""
    joined = " ".join(pytest_args).replace("-p ", "-p")
    chosen = "-pno:xdist" in joined or any(
        arg.startswith("-n") or arg.split("=")[0] in SERIAL_SIGNS for arg in pytest_args)
    return list(pytest_args) if chosen else [*PARALLEL_ARGS, *pytest_args]


def test(python: Path, pytest_args: Sequence[str]) -> int:
    code = check(python)
    if code != 0:
        return code
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="loket-pytest-") as tmp:
        report = Path(tmp) / "junit.xml"
        started = time.monotonic()
        code = run("tests", [python, "-m", "pytest", f"--junitxml={report}",
                             *parallel(pytest_args)], env)
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


def split_locked(argv: Sequence[str]) -> tuple[list[str], bool]:
    """The arguments without ``--locked`` (given before or right after the command), and
    whether to install from the lock: asked for, or on CI."""
    args = list(argv)
    locked = bool(os.environ.get("CI"))
    for position in (0, 1):
        if len(args) > position and args[position] == LOCKED_OPTION:
            del args[position]
            locked = True
            break
    return args, locked


def main(argv: Sequence[str]) -> int:
    args, locked = split_locked(argv)
    if not args or args[0] not in COMMANDS:
        print(__doc__, file=sys.stderr)
        return 2
    command, rest = args[0], args[1:]
    python = ensure_venv(locked=locked and command != "lock")
    if command == "test":
        return test(python, rest)  # its last line is the pytest summary
    if command == "demo":
        return demo(python, rest)
    if command == "frozen":
        return frozen(python)
    if command == "lock":
        return lock(python)
    if command == "ruff":
        return subprocess.run([python, "-m", "ruff", *rest], cwd=ROOT, check=False).returncode
    code = check(python)
    say("all checks passed" if code == 0 else f"FAILED (exit {code})")
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
