"""Counter settings: broken files fall back to defaults with a warning, never a crash;
per-machine and per-user files overlay; saving is atomic. And the log files."""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from app.services.logs import configure_logging, stop_logging
from app.services.resources import resource_path
from app.services.settings import (
    CounterSettings,
    PrinterChoice,
    default_printers,
    load_settings,
    locations,
    machine_settings,
    save_settings,
)
from app.services.setup import DEFAULT_TERMS_FILE


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    """(the user's settings file, the machine's), neither written yet."""
    return tmp_path / "user" / "settings.json", tmp_path / "machine" / "settings.json"


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_no_settings_files_means_defaults_and_no_warning(files: tuple[Path, Path]) -> None:
    loaded = load_settings(*files)
    assert loaded.settings == CounterSettings()
    assert loaded.warnings == () and loaded.files == ()
    assert loaded.settings.printer_for("receipt") == PrinterChoice("", "80mm")


@pytest.mark.parametrize(("content", "says"), [
    ('{"branch": "KPG",', "is not valid JSON (line 1"),
    ("", "is not valid JSON"),
    ('["branch", "KPG"]', "does not hold a JSON object"),
    (b"\xff\xfe\x00garbage", "cannot be read"),
])
def test_a_broken_settings_file_gives_defaults_and_a_logged_warning(
        files: tuple[Path, Path], caplog: pytest.LogCaptureFixture, content: str | bytes,
        says: str) -> None:
    user, machine = files
    write(user, content)
    with caplog.at_level(logging.WARNING, logger="loket.settings"):
        loaded = load_settings(user, machine)
    assert loaded.settings == CounterSettings()
    assert len(loaded.warnings) == 1
    assert str(user) in loaded.warnings[0] and says in loaded.warnings[0]
    assert "defaults are used" in loaded.warnings[0]
    assert loaded.warnings[0] in caplog.text


def test_an_unreadable_settings_file_gives_defaults(files: tuple[Path, Path]) -> None:
    user, machine = files
    user.mkdir(parents=True)  # a folder where the file should be: reading it fails
    loaded = load_settings(user, machine)
    assert loaded.settings == CounterSettings()
    assert "cannot be read" in loaded.warnings[0]


def test_values_of_the_wrong_type_fall_back_one_by_one(files: tuple[Path, Path]) -> None:
    user, machine = files
    write(user, json.dumps({
        "branch": "KPG", "counter": 2, "language": "fr", "keep_daily_backups": "30",
        "head_office_url": "pusat.example", "colour": "blue",
        "printers": {"receipt": {"printer": "EPSON TM-T82", "paper": "A3"},
                     "agreement": "HP LaserJet", "invoice": {"paper": "a4"},
                     "work_order": {"printer": 7}},
    }))
    loaded = load_settings(user, machine)
    settings = loaded.settings
    assert settings.branch == "KPG"  # the good values are kept
    assert (settings.counter, settings.language, settings.keep_daily_backups) == ("", "id", 30)
    assert settings.head_office_url == ""
    assert settings.printer_for("receipt") == PrinterChoice("EPSON TM-T82", "80mm")
    assert settings.printer_for("agreement") == default_printers()["agreement"]
    assert settings.printer_for("work_order") == PrinterChoice("", "a4")
    text = "\n".join(loaded.warnings)
    for says in ("'counter' must be text", "'language' must be one of id, en",
                 "'keep_daily_backups' must be a whole number", "not an http(s) address",
                 "unknown setting 'colour'", "printers.receipt.paper must be one of",
                 "printers.agreement must be an object", "unknown document type 'invoice'",
                 "printers.work_order.printer must be text"):
        assert says in text
    assert len(loaded.warnings) == 9


def test_wrong_number_types_are_refused(files: tuple[Path, Path]) -> None:
    user, machine = files
    for wrong in (True, 0, 99999, 1.5, None):
        write(user, json.dumps({"keep_daily_backups": wrong}))
        loaded = load_settings(user, machine)
        assert loaded.settings.keep_daily_backups == 30, wrong
        assert len(loaded.warnings) == 1


def test_the_users_file_overlays_the_machines(files: tuple[Path, Path]) -> None:
    user, machine = files
    write(machine, json.dumps({
        "branch": "KPG", "head_office_url": "https://pusat.example/loket",
        "printers": {"receipt": {"printer": "EPSON", "paper": "58mm"},
                     "agreement": {"printer": "HP"}}}))
    write(user, json.dumps({"language": "en", "counter": "L02",
                            "printers": {"receipt": {"printer": "EPSON", "paper": "a5"}}}))
    loaded = load_settings(user, machine)
    assert loaded.warnings == () and loaded.files == (machine, user)
    settings = loaded.settings
    assert (settings.branch, settings.counter, settings.language) == ("KPG", "L02", "en")
    assert settings.head_office_url == "https://pusat.example/loket"
    assert settings.printer_for("receipt") == PrinterChoice("EPSON", "a5")
    assert settings.printer_for("agreement") == PrinterChoice("HP", "a4")


def test_a_broken_machine_file_still_lets_the_users_file_count(
        files: tuple[Path, Path]) -> None:
    user, machine = files
    write(machine, "{oops")
    write(user, '{"language": "en"}')
    loaded = load_settings(user, machine)
    assert loaded.settings.language == "en"
    assert len(loaded.warnings) == 1 and str(machine) in loaded.warnings[0]


def test_save_then_load_gives_the_same_settings(files: tuple[Path, Path]) -> None:
    user, machine = files
    chosen = CounterSettings(
        branch="KPG", counter="L01", head_office_url="https://pusat.example", language="en",
        printers={**default_printers(), "receipt": PrinterChoice("EPSON TM-T82", "58mm")},
        data_dir="D:\\Loket", keep_daily_backups=45)
    save_settings(chosen, user)
    save_settings(chosen, user)  # over an existing file
    loaded = load_settings(user, machine)
    assert loaded.settings == chosen and loaded.warnings == ()
    assert [p.name for p in user.parent.iterdir()] == ["settings.json"]  # no temporary left


def test_a_users_save_keeps_following_what_the_pcs_file_decides(
        files: tuple[Path, Path]) -> None:
    user, machine = files
    write(machine, json.dumps({"head_office_url": "https://pusat.example",
                               "printers": {"receipt": {"printer": "EPSON", "paper": "80mm"}}}))
    merged = load_settings(user, machine).settings
    save_settings(replace(merged, language="en"), user, base=machine_settings(machine))
    assert json.loads(user.read_text(encoding="utf-8")) == {"version": 1, "language": "en"}
    write(machine, json.dumps({"head_office_url": "https://baru.example",
                               "printers": {"receipt": {"printer": "EPSON", "paper": "58mm"}}}))
    later = load_settings(user, machine).settings
    assert (later.language, later.head_office_url) == ("en", "https://baru.example")
    assert later.printer_for("receipt") == PrinterChoice("EPSON", "58mm")


def test_a_failed_save_leaves_the_old_file_whole(files: tuple[Path, Path],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    user, machine = files
    save_settings(CounterSettings(branch="KPG"), user)

    def fail(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        save_settings(CounterSettings(branch="XYZ"), user)
    monkeypatch.undo()
    assert load_settings(user, machine).settings.branch == "KPG"
    assert [p.name for p in user.parent.iterdir()] == ["settings.json"]


def test_locations_follow_the_settings(tmp_path: Path) -> None:
    default = locations()
    assert default.data_dir.name == "branch" and default.data_dir.parent.name == "Loket"
    assert default.backup_dir == default.data_dir / "backups"
    assert default.archive_dir == default.data_dir / "archive"
    assert default.log_dir == default.data_dir / "logs"
    assert locations(demo=True).data_dir.name == "demo"
    assert default.settings_file.name == default.machine_settings_file.name == "settings.json"
    moved = locations(CounterSettings(data_dir=str(tmp_path / "d")))
    assert moved.data_dir == tmp_path / "d" and moved.backup_dir == tmp_path / "d" / "backups"
    assert moved.archive_dir == tmp_path / "d" / "archive"
    moved_demo = locations(CounterSettings(data_dir=str(tmp_path / "d")), demo=True)
    assert moved_demo.data_dir == locations(demo=True).data_dir  # the demo never moves in


def test_resources_are_found_from_the_source_tree(monkeypatch: pytest.MonkeyPatch,
                                                  tmp_path: Path) -> None:
    assert DEFAULT_TERMS_FILE.is_file()
    assert resource_path("i18n", "loket_id.qm").is_file()
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resource_path("terms", "x.toml") == tmp_path / "resources" / "terms" / "x.toml"


@pytest.fixture
def log_dir(tmp_path: Path) -> Iterator[Path]:
    yield tmp_path / "logs"
    stop_logging()


def test_log_file_has_time_level_and_module_and_rotates(log_dir: Path) -> None:
    path = configure_logging(log_dir, max_bytes=2_000, backups=3)
    logger = logging.getLogger("loket.backups")
    logger.info("backup written: %s", "x.sqlite3")
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.endswith("INFO     loket.backups: backup written: x.sqlite3")
    assert first[:4].isdigit()  # starts with the date and time
    for n in range(200):
        logger.warning("line %d %s", n, "x" * 50)
    stop_logging()
    assert sorted(p.name for p in log_dir.iterdir()) == [
        "loket.log", "loket.log.1", "loket.log.2", "loket.log.3"]
    assert all(p.stat().st_size <= 2_100 for p in log_dir.iterdir())


def test_configuring_again_replaces_the_handler(log_dir: Path, tmp_path: Path) -> None:
    configure_logging(log_dir)
    second = configure_logging(tmp_path / "other")
    logging.getLogger("loket").warning("only here")
    stop_logging()
    assert "only here" in second.read_text(encoding="utf-8")
    assert not (log_dir / "loket.log").exists()


def test_qt_messages_go_to_the_log(log_dir: Path) -> None:
    from PySide6.QtCore import qInstallMessageHandler, qWarning

    from app.ui.qt_logging import install_qt_message_handler

    path = configure_logging(log_dir)
    previous = install_qt_message_handler()
    try:
        qWarning("QFont::setPointSize: Point size <= 0 (-1)")
    finally:
        qInstallMessageHandler(previous)
        stop_logging()
    assert "WARNING  loket.qt: [default] QFont::setPointSize" in path.read_text(encoding="utf-8")
