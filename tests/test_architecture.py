"""The layers hold: Qt stays in app.ui, services and models never import the layers above."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QT_FREE = ("app.models", "app.services", "app.cli", "app.bootstrap")

# Imports every module of the Qt-free packages, then names any Qt module that came along.
_PROBE = f"""
import importlib, pkgutil, sys
for name in {QT_FREE!r}:
    module = importlib.import_module(name)
    for info in pkgutil.walk_packages(getattr(module, "__path__", []), name + "."):
        if ".migrations" not in info.name:
            importlib.import_module(info.name)
print(sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6")))
"""


def test_import_contracts_are_kept() -> None:
    """The import-linter contracts in pyproject.toml (layers, no Qt outside app.ui)."""
    tool = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert tool is not None, "lint-imports is not installed next to this Python"
    result = subprocess.run([tool, "--no-cache"], cwd=ROOT, capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_importing_everything_below_the_ui_loads_no_qt() -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONWARNINGS"}
    result = subprocess.run([sys.executable, "-c", _PROBE], cwd=ROOT, capture_output=True,
                            text=True, check=False, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
