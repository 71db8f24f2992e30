"""Counter settings and where Loket keeps its files on this PC.

Settings are JSON: a per-machine file (``site_config_path``: ``C:\\ProgramData\\Loket``
on Windows, set by IT for every user of the PC) overlaid by the per-user file
(``user_config_path``: ``%LOCALAPPDATA%\\Loket``), both named ``settings.json``:

    {"version": 1, "branch": "KPG", "counter": "L01", "language": "id",
     "head_office_url": "https://pusat.example/loket",
     "printers": {"receipt": {"printer": "EPSON TM-T82", "paper": "80mm"}},
     "data_dir": "", "keep_daily_backups": 30}

``data_dir`` moves the branch folder (default: the per-user data folder); its backups,
archive and logs always live inside it, so that the way back after damage is found
from the database's own folder.

A file that cannot be read or is not JSON is ignored; a value of the wrong type or out
of range falls back to its default. Either way Loket starts, with a warning (returned
and logged), never a crash. Saving is atomic (a temporary file renamed into place).
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from platformdirs import site_config_path, user_config_path, user_data_path

from app.models.dbfile import BACKUP_DIRNAME
from app.services.documents.paper import Paper

APP_NAME = "Loket"
SETTINGS_NAME = "settings.json"
FORMAT_VERSION = 1
LANGUAGES = ("id", "en")
DOCUMENT_PAPERS: dict[str, tuple[str, ...]] = {
    "receipt": tuple(p.value for p in Paper),
    "agreement": ("a4",),
    "work_order": ("a4",),
    "report": ("a4",),
}
KEEP_DAYS_RANGE = (1, 3650)
_TEXT_FIELDS = ("branch", "counter", "head_office_url", "data_dir")
log = logging.getLogger("loket.settings")


@dataclass(frozen=True)
class PrinterChoice:
    printer: str = ""  # "" = the system's default printer
    paper: str = ""


def default_printers() -> dict[str, PrinterChoice]:
    return {kind: PrinterChoice("", papers[0]) for kind, papers in DOCUMENT_PAPERS.items()}


@dataclass(frozen=True)
class CounterSettings:
    branch: str = ""  # expected branch code ("" = whatever the database holds)
    counter: str = ""
    head_office_url: str = ""
    language: str = "id"
    printers: Mapping[str, PrinterChoice] = field(default_factory=default_printers)
    data_dir: str = ""  # "" = the per-user data folder
    keep_daily_backups: int = 30

    def printer_for(self, document: str) -> PrinterChoice:
        return self.printers.get(document) or default_printers()[document]


@dataclass(frozen=True)
class LoadedSettings:
    settings: CounterSettings
    warnings: tuple[str, ...]
    files: tuple[Path, ...]  # the files that were read


@dataclass(frozen=True)
class Locations:
    data_dir: Path
    archive_dir: Path
    backup_dir: Path
    log_dir: Path
    settings_file: Path
    machine_settings_file: Path


def user_settings_file() -> Path:
    return user_config_path(APP_NAME, appauthor=False) / SETTINGS_NAME


def machine_settings_file() -> Path:
    return site_config_path(APP_NAME, appauthor=False) / SETTINGS_NAME


def locations(settings: CounterSettings | None = None, *, demo: bool = False) -> Locations:
    """Where the branch data, its archive, backups and logs are on this PC (the demo
    always lives in its own folder: ``data_dir`` moves the real branch only)."""
    chosen = settings or CounterSettings()
    data = (Path(chosen.data_dir).expanduser() if chosen.data_dir and not demo
            else user_data_path(APP_NAME, appauthor=False) / ("demo" if demo else "branch"))
    return Locations(data, data / "archive", data / BACKUP_DIRNAME, data / "logs",
                     user_settings_file(), machine_settings_file())


def load_settings(user_file: Path | None = None,
                  machine_file: Path | None = None) -> LoadedSettings:
    """The per-machine settings overlaid by the user's; defaults for anything wrong."""
    merged: dict[str, Any] = {}
    printers: dict[str, Any] = {}
    warnings: list[str] = []
    read: list[Path] = []
    for path in (machine_file or machine_settings_file(), user_file or user_settings_file()):
        data = _read(path, warnings)
        if data is None:
            continue
        read.append(path)
        chosen = data.pop("printers", {})
        if isinstance(chosen, dict):
            printers.update(chosen)  # per document type: the user's choice wins
        else:
            warnings.append(f"{path}: 'printers' must be an object; it is ignored")
        merged.update(data)
    merged["printers"] = printers
    settings = _parse(merged, warnings)
    for warning in warnings:
        log.warning("settings: %s", warning)
    return LoadedSettings(settings, tuple(warnings), tuple(read))


def _read(path: Path, warnings: list[str]) -> dict[str, Any] | None:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        warnings.append(f"{path} cannot be read ({reason}); the defaults are used")
        return None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        warnings.append(f"{path} is not valid JSON (line {error.lineno}, column "
                        f"{error.colno}: {error.msg}); the defaults are used")
        return None
    if not isinstance(data, dict):
        warnings.append(f"{path} does not hold a JSON object; the defaults are used")
        return None
    return data


def _parse(data: dict[str, Any], warnings: list[str]) -> CounterSettings:
    defaults = CounterSettings()
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key in _TEXT_FIELDS:
            _text(key, value, values, warnings)
        elif key == "language":
            _choice(key, value, LANGUAGES, values, warnings)
        elif key == "keep_daily_backups":
            _days(value, values, warnings)
        elif key == "printers":
            values["printers"] = _printers(value, warnings)
        elif key != "version":
            warnings.append(f"unknown setting '{key}' ignored")
    url = values.get("head_office_url", "")
    if url and not url.startswith(("https://", "http://")):
        warnings.append(f"head_office_url '{url}' is not an http(s) address; none is used")
        values["head_office_url"] = ""
    return replace(defaults, **values)


def _text(key: str, value: object, values: dict[str, Any], warnings: list[str]) -> None:
    if isinstance(value, str):
        values[key] = value.strip()
    else:
        warnings.append(f"'{key}' must be text, not {json.dumps(value)}; the default is used")


def _choice(key: str, value: object, allowed: tuple[str, ...], values: dict[str, Any],
            warnings: list[str]) -> None:
    if value in allowed:
        values[key] = value
    else:
        warnings.append(f"'{key}' must be one of {', '.join(allowed)}, not "
                        f"{json.dumps(value)}; the default is used")


def _days(value: object, values: dict[str, Any], warnings: list[str]) -> None:
    low, high = KEEP_DAYS_RANGE
    if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
        values["keep_daily_backups"] = value
    else:
        warnings.append(f"'keep_daily_backups' must be a whole number of days from {low} to "
                        f"{high}, not {json.dumps(value)}; the default is used")


def _printers(value: dict[str, Any], warnings: list[str]) -> dict[str, PrinterChoice]:
    printers = default_printers()
    for document, choice in value.items():
        if document not in DOCUMENT_PAPERS:
            warnings.append(f"printers: unknown document type '{document}' ignored")
        elif not isinstance(choice, dict):
            warnings.append(f"printers.{document} must be an object; the default is used")
        else:
            printers[document] = _printer(document, choice, warnings)
    return printers


def _printer(document: str, choice: dict[str, Any], warnings: list[str]) -> PrinterChoice:
    default = default_printers()[document]
    printer, paper = choice.get("printer", ""), choice.get("paper", default.paper)
    if not isinstance(printer, str):
        warnings.append(f"printers.{document}.printer must be text; the default printer "
                        "is used")
        printer = ""
    if paper not in DOCUMENT_PAPERS[document]:
        warnings.append(f"printers.{document}.paper must be one of "
                        f"{', '.join(DOCUMENT_PAPERS[document])}, not {json.dumps(paper)}; "
                        f"{default.paper} is used")
        paper = default.paper
    return PrinterChoice(printer.strip(), paper)


def settings_to_dict(settings: CounterSettings) -> dict[str, Any]:
    return {
        "version": FORMAT_VERSION,
        **{key: getattr(settings, key) for key in _TEXT_FIELDS},
        "language": settings.language,
        "keep_daily_backups": settings.keep_daily_backups,
        "printers": {kind: {"printer": p.printer, "paper": p.paper}
                     for kind, p in sorted(settings.printers.items())},
    }


def machine_settings(machine_file: Path | None = None) -> CounterSettings:
    """The settings this PC's own file gives (IT's file for every user), over the defaults."""
    absent = Path(tempfile.gettempdir()) / f"{APP_NAME}-no-user-settings" / SETTINGS_NAME
    return load_settings(user_file=absent, machine_file=machine_file).settings


def settings_over(settings: CounterSettings, base: CounterSettings) -> dict[str, Any]:
    """The settings as saved in a file laid over ``base``: only what differs from it, so
    that what is not chosen here still follows ``base`` (the PC's file, the defaults)."""
    full, under = settings_to_dict(settings), settings_to_dict(base)
    data = {key: value for key, value in full.items()
            if key not in ("version", "printers") and value != under.get(key)}
    printers = {kind: choice for kind, choice in full["printers"].items()
                if choice != under["printers"].get(kind)}
    return {"version": FORMAT_VERSION, **data, **({"printers": printers} if printers else {})}


def save_settings(settings: CounterSettings, path: Path | None = None, *,
                  base: CounterSettings | None = None) -> Path:
    """Write the settings atomically (the old file stays whole if writing fails).

    With ``base`` (usually :func:`machine_settings`), only the values that differ from it
    are written, so the user's file does not pin what the PC's file decides."""
    target = path or user_settings_file()
    target.parent.mkdir(parents=True, exist_ok=True)
    data = settings_to_dict(settings) if base is None else settings_over(settings, base)
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target
