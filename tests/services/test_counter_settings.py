"""Saving the counter settings: admins only, checked, written whole and audited together."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from app.bootstrap import BranchDatabase
from app.models import AuditRecord, OutboxEvent
from app.models.database import make_session_factory
from app.services.audit.journal import verify_chain
from app.services.context import Actor
from app.services.counter_settings import (
    AUDIT_ACTION,
    sample_receipt_pdf,
    save_counter_settings,
)
from app.services.errors import DomainError, ErrorCode
from app.services.settings import CounterSettings, PrinterChoice, default_printers, load_settings
from app.services.unit_of_work import UnitOfWork
from tests.support.fakes import ADMIN, CASHIER, SUPERVISOR, actor_for


@pytest.fixture
def admin(branch: BranchDatabase) -> Actor:
    return actor_for(branch, ADMIN[0])


@pytest.fixture
def target(tmp_path: Path) -> Path:
    return tmp_path / "config" / "settings.json"


def changed(before: CounterSettings) -> CounterSettings:
    printers = dict(default_printers(), receipt=PrinterChoice("EPSON TM-T82", "58mm"))
    return replace(before, head_office_url="https://pusat.example/loket", printers=printers)


def audit_records(branch: BranchDatabase) -> list[tuple[str, str, str, dict[str, Any]]]:
    """(actor, counter, entity, details) of every settings change in the audit trail."""
    with branch.reading() as uow:
        return [(r.actor, r.counter_code, r.entity, json.loads(r.details)) for r in
                uow.session.scalars(select(AuditRecord).where(AuditRecord.action == AUDIT_ACTION))]


def outbox_count(branch: BranchDatabase) -> int:
    with branch.reading() as uow:
        return uow.session.scalar(select(func.count()).select_from(OutboxEvent)) or 0


def test_an_admin_saves_and_the_audit_trail_names_each_change(
        branch: BranchDatabase, admin: Actor, target: Path) -> None:
    before = CounterSettings()
    events_before = outbox_count(branch)
    saved = save_counter_settings(branch.writing(), admin, before, changed(before), target)

    assert saved.path == target
    assert saved.changed == ("head_office_url", "printers.receipt.paper",
                             "printers.receipt.printer")
    loaded = load_settings(target, target.with_name("machine.json"))
    assert loaded.warnings == ()
    assert loaded.settings.head_office_url == "https://pusat.example/loket"
    assert loaded.settings.printer_for("receipt") == PrinterChoice("EPSON TM-T82", "58mm")
    [(actor, counter, entity, details)] = audit_records(branch)
    assert (actor, counter, entity) == ("admin", "L01", "settings")
    assert details["file"] == str(target)
    assert details["changed"]["printers.receipt.paper"] == {"from": "80mm", "to": "58mm"}
    assert details["changed"]["head_office_url"] == {"from": "",
                                                     "to": "https://pusat.example/loket"}
    with branch.reading() as uow:
        assert verify_chain(uow.session).ok
    assert outbox_count(branch) == events_before  # settings are not head-office business


@pytest.mark.parametrize("username", [CASHIER[0], SUPERVISOR[0]])
def test_anyone_but_an_admin_is_refused_and_nothing_is_written(
        branch: BranchDatabase, target: Path, username: str) -> None:
    actor = actor_for(branch, username)
    with pytest.raises(DomainError) as refused:
        save_counter_settings(branch.writing(), actor, CounterSettings(),
                              changed(CounterSettings()), target)
    assert refused.value.code is ErrorCode.NOT_AUTHORISED
    assert refused.value.params["username"] == username
    assert not target.exists() and audit_records(branch) == []


@pytest.mark.parametrize(("change", "says"), [
    ({"head_office_url": "ftp://pusat.example"}, "not an http(s) address"),
    ({"keep_daily_backups": 0}, "keep_daily_backups 0"),
    ({"language": "fr"}, "language 'fr'"),
    ({"printers": dict(default_printers(), agreement=PrinterChoice("", "58mm"))},
     "printers.agreement.paper '58mm'"),
])
def test_settings_that_would_not_load_back_are_refused(
        branch: BranchDatabase, admin: Actor, target: Path, change: dict[str, object],
        says: str) -> None:
    with pytest.raises(DomainError) as refused:
        save_counter_settings(branch.writing(), admin, CounterSettings(),
                              replace(CounterSettings(), **change), target)
    assert refused.value.code is ErrorCode.SETTINGS_INVALID
    assert says in refused.value.params["problem"]
    assert not target.exists() and audit_records(branch) == []


def test_a_location_that_cannot_be_written_is_refused_without_an_audit_record(
        branch: BranchDatabase, admin: Actor, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the settings folder should be", encoding="utf-8")
    target = blocker / "settings.json"
    with pytest.raises(DomainError) as refused:
        save_counter_settings(branch.writing(), admin, CounterSettings(),
                              changed(CounterSettings()), target)
    assert refused.value.code is ErrorCode.SETTINGS_NOT_SAVED
    assert refused.value.params["path"] == str(target)
    assert audit_records(branch) == []


def test_a_failed_replace_leaves_the_old_file_whole_and_no_stray_files(
        branch: BranchDatabase, admin: Actor, tmp_path: Path) -> None:
    target = tmp_path / "config" / "settings.json"
    target.mkdir(parents=True)  # a folder where the file should be: the rename fails
    with pytest.raises(DomainError) as refused:
        save_counter_settings(branch.writing(), admin, CounterSettings(),
                              changed(CounterSettings()), target)
    assert refused.value.code is ErrorCode.SETTINGS_NOT_SAVED
    assert target.is_dir() and sorted(target.parent.iterdir()) == [target]
    assert audit_records(branch) == []


class CommitFails(UnitOfWork):
    """A unit of work whose commit fails (the disk filled up, say) after the file was written."""

    def commit(self) -> None:
        raise OSError("disk full")


def test_when_the_audit_record_cannot_be_committed_the_old_file_comes_back(
        branch: BranchDatabase, admin: Actor, target: Path) -> None:
    before = CounterSettings()
    save_counter_settings(branch.writing(), admin, before, replace(before, branch="KPG"),
                          target)
    old = target.read_bytes()
    failing = CommitFails(make_session_factory(branch.writer), branch.clock)
    with pytest.raises(OSError, match="disk full"):
        save_counter_settings(failing, admin, before, changed(before), target)
    assert target.read_bytes() == old
    assert len(audit_records(branch)) == 1  # only the first save's


def test_the_sample_receipt_is_marked_void_and_carries_this_counter(branch: BranchDatabase) -> None:
    pdf = sample_receipt_pdf(branch.reading(), "58mm")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "BATAL" in text and "UJI CETAK" in text and "L01" in text
    assert round(float(PdfReader(io.BytesIO(pdf)).pages[0].mediabox.width)) == 164  # 58 mm
