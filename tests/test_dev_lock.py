"""The lock CI and the release build install from still matches ``pyproject.toml``, and
``scripts/dev.py`` installs from it on CI or when asked."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
LOCK = ROOT / "requirements" / "dev.lock"
PIN = re.compile(r"^([A-Za-z0-9._-]+)==(\S+)(?: ; (.+?))? \\$")
HASH = re.compile(r"^\s+--hash=sha256:[0-9a-f]{64}(?: \\)?$")


def locked() -> dict[str, tuple[Version, int]]:
    """Each pinned package of the lock: its version and how many files are hashed."""
    pins: dict[str, tuple[Version, int]] = {}
    current = ""
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        if pin := PIN.match(line):
            current = canonicalize_name(pin[1])
            pins[current] = (Version(pin[2]), 0)
        elif HASH.match(line):
            version, hashes = pins[current]
            pins[current] = (version, hashes + 1)
        else:
            assert not line or line.lstrip().startswith("#"), f"unexpected line: {line!r}"
    return pins


def declared() -> list[Requirement]:
    """The project's own dependencies and those of every extra, ``loket[...]`` left out."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    texts = [*project["dependencies"]]
    for extra in project["optional-dependencies"].values():
        texts += extra
    return [r for r in map(Requirement, texts) if canonicalize_name(r.name) != "loket"]


def test_every_declared_dependency_is_pinned_within_its_range_with_hashes() -> None:
    pins = locked()
    for requirement in declared():
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{name} is not in {LOCK.name}: run 'python scripts/dev.py lock'"
        version, hashes = pins[name]
        assert requirement.specifier.contains(version, prereleases=True), (
            f"{name}=={version} in {LOCK.name} is outside {requirement}: "
            "run 'python scripts/dev.py lock'")
        assert hashes >= 1, f"{name} has no hash"


def test_the_lock_holds_the_windows_only_packages_of_the_release_build() -> None:
    text = LOCK.read_text(encoding="utf-8")
    assert re.search(r"^pefile==\S+ ; sys_platform == 'win32'", text, re.MULTILINE)
    assert re.search(r"^pywin32-ctypes==\S+ ; sys_platform == 'win32'", text, re.MULTILINE)


def dev_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("loket_dev_script", ROOT / "scripts" / "dev.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("argv", "ci", "expected"), [
    (["test", "-q"], "", (["test", "-q"], False)),
    (["test", "-q"], "true", (["test", "-q"], True)),
    (["--locked", "check"], "", (["check"], True)),
    (["test", "--locked", "-q"], "", (["test", "-q"], True)),
    (["test", "-q", "--locked"], "", (["test", "-q", "--locked"], False)),  # for pytest
])
def test_dev_py_installs_from_the_lock_on_ci_or_when_asked(
        argv: list[str], ci: str, expected: tuple[list[str], bool],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", ci)
    assert dev_script().split_locked(argv) == expected


@pytest.mark.parametrize(("args", "expected"), [
    ([], ["--numprocesses=auto", "--dist=loadfile", "--max-worker-restart=0"]),
    (["-q", "tests/ui"], ["--numprocesses=auto", "--dist=loadfile", "--max-worker-restart=0",
                          "-q", "tests/ui"]),
    (["-n", "0", "-x"], ["-n", "0", "-x"]),
    (["-n3"], ["-n3"]),
    (["--numprocesses=4"], ["--numprocesses=4"]),
    (["-p", "no:xdist"], ["-p", "no:xdist"]),
    (["--pdb", "tests/ui/test_void.py"], ["--pdb", "tests/ui/test_void.py"]),
])
def test_dev_py_runs_the_tests_in_a_worker_per_cpu_unless_told_otherwise(
        args: list[str], expected: list[str]) -> None:
    assert dev_script().parallel(args) == expected


@pytest.mark.slow
def test_a_worker_that_crashes_fails_the_run_at_once_instead_of_hanging(tmp_path: Path) -> None:
    """With a worker started in the crashed one's place, xdist's file-at-a-time
    scheduling waited forever for it at the end of the run."""
    (tmp_path / "test_a_crash.py").write_text("import os\n\n\ndef test_crash():\n"
                                              "    os._exit(1)\n", encoding="utf-8")
    (tmp_path / "test_b_fine.py").write_text("def test_fine():\n    pass\n", encoding="utf-8")
    args = [*dev_script().parallel([]), "--numprocesses=1", "-p", "no:cacheprovider"]
    done = subprocess.run([sys.executable, "-m", "pytest", *args, str(tmp_path)],
                          capture_output=True, text=True, timeout=120, cwd=tmp_path,
                          check=False)
    assert done.returncode == 1, done.stdout[-3000:]
    assert "worker 'gw0' crashed while running 'test_a_crash.py::test_crash'" in done.stdout
