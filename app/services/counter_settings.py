"""Saving the counter settings: an admin's action, checked and written to the audit trail.

``save_counter_settings`` refuses anyone but an admin, refuses settings that would not
load back as saved, and writes the settings file and a ``settings.changed`` audit record
(the changed keys, each with its old and new value) together: the record is committed
only after the file was replaced (atomically), and a failed commit puts the old file back.
Settings are not head-office business: no outbox event is queued.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.models import Role
from app.services.audit.journal import record_change
from app.services.context import Actor, local_counter
from app.services.documents.header import header_for_counter
from app.services.documents.receipt_data import ReceiptDocument
from app.services.documents.receipt_pdf import Paper, receipt_pdf
from app.services.errors import DomainError, ErrorCode
from app.services.settings import (
    DOCUMENT_PAPERS,
    KEEP_DAYS_RANGE,
    LANGUAGES,
    CounterSettings,
    machine_settings,
    save_settings,
    settings_to_dict,
    user_settings_file,
)
from app.services.unit_of_work import UnitOfWork

AUDIT_ACTION = "settings.changed"
TEST_PRINT_MARK = "UJI CETAK"  # a test print is marked void: it is never a receipt
log = logging.getLogger("loket.settings")


@dataclass(frozen=True)
class SettingsSaved:
    path: Path
    settings: CounterSettings
    changed: tuple[str, ...]  # dotted keys, e.g. "printers.receipt.paper"


def require_admin(actor: Actor) -> None:
    """Only an admin changes the counter settings."""
    if actor.role != Role.ADMIN.value:
        raise DomainError(ErrorCode.NOT_AUTHORISED, username=actor.username,
                          action="change the counter settings")


def flat_settings(settings: CounterSettings) -> dict[str, Any]:
    """The settings as dotted keys: ``{"language": "id", "printers.receipt.paper": "80mm"}``."""
    flat: dict[str, Any] = {}
    for key, value in settings_to_dict(settings).items():
        if key == "printers":
            for kind, choice in value.items():
                for part, text in choice.items():
                    flat[f"printers.{kind}.{part}"] = text
        elif key != "version":
            flat[key] = value
    return flat


def changes(before: CounterSettings, after: CounterSettings) -> dict[str, dict[str, Any]]:
    """What differs, key by key: ``{"language": {"from": "id", "to": "en"}}``."""
    old, new = flat_settings(before), flat_settings(after)
    return {key: {"from": old.get(key), "to": new.get(key)}
            for key in sorted(old.keys() | new.keys()) if old.get(key) != new.get(key)}


def settings_problems(settings: CounterSettings) -> list[str]:
    """Why ``settings`` would not load back as saved (empty when they would)."""
    problems = []
    url = settings.head_office_url
    if url and not url.startswith(("https://", "http://")):
        problems.append(f"head_office_url '{url}' is not an http(s) address")
    if settings.language not in LANGUAGES:
        problems.append(f"language '{settings.language}' is not one of {', '.join(LANGUAGES)}")
    low, high = KEEP_DAYS_RANGE
    if not low <= settings.keep_daily_backups <= high:
        problems.append(f"keep_daily_backups {settings.keep_daily_backups} is not {low} to {high}")
    for kind, choice in settings.printers.items():
        papers = DOCUMENT_PAPERS.get(kind)
        if papers is None:
            problems.append(f"printers: unknown document type '{kind}'")
        elif choice.paper not in papers:
            problems.append(f"printers.{kind}.paper '{choice.paper}' is not one of "
                            f"{', '.join(papers)}")
    for key in ("branch", "counter", "head_office_url", "data_dir"):
        value = getattr(settings, key)
        if value != value.strip():
            problems.append(f"{key} '{value}' has spaces around it")
    return problems


def save_counter_settings(uow: UnitOfWork, actor: Actor, before: CounterSettings,
                          after: CounterSettings, path: Path | None = None) -> SettingsSaved:
    """Write ``after`` to ``path`` (the user's settings file) and audit what changed."""
    require_admin(actor)
    problems = settings_problems(after)
    if problems:
        raise DomainError(ErrorCode.SETTINGS_INVALID, problem="; ".join(problems))
    target = path or user_settings_file()
    changed = changes(before, after)
    previous = _old_content(target)
    with uow:
        record_change(uow.session, actor, uow.now, action=AUDIT_ACTION, entity="settings",
                      entity_id=target.name, details={"file": str(target), "changed": changed})
        _write(after, target)
        try:
            uow.commit()
        except BaseException:
            _put_back(target, previous)
            raise
    return SettingsSaved(target, after, tuple(changed))


def _write(settings: CounterSettings, target: Path) -> None:
    try:
        save_settings(settings, target, base=machine_settings())
    except OSError as error:
        raise _not_saved(target, error) from error


def _not_saved(target: Path, error: OSError) -> DomainError:
    return DomainError(ErrorCode.SETTINGS_NOT_SAVED, path=str(target),
                       problem=error.strerror or str(error))


def _old_content(target: Path) -> bytes | None:
    try:
        return target.read_bytes()
    except OSError:
        return None


def _put_back(target: Path, previous: bytes | None) -> None:
    """The audit record could not be committed: the file goes back to what it was."""
    try:
        if previous is None:
            target.unlink(missing_ok=True)
        else:
            scratch = target.with_name(f".{target.name}.restore")
            scratch.write_bytes(previous)
            scratch.replace(target)
    except OSError:
        log.exception("could not put %s back after a failed save", target)


def sample_receipt_pdf(uow: UnitOfWork, paper: str) -> bytes:
    """A receipt for a printer test: this counter's header, no customer, marked BATAL."""
    with uow:
        counter, _branch = local_counter(uow.session)
        header = header_for_counter(uow.session, counter.id)
        now = uow.now
    doc = ReceiptDocument(
        header=header, receipt_no=TEST_PRINT_MARK, paid_at=now, cashier_name="-",
        connection_no="-", customer_name=TEST_PRINT_MARK, address="-", rt="", rw="",
        kelurahan="-", tariff_group="-", kind="instalment", programme_name="-",
        instalment_count=1, instalment_numbers=(1,), last_instalment_partial=False, periods=(),
        penalty_waived=0, amount=0, method="cash", reference="", tendered=0, change=0,
        plan_balance=0, next_due=None, voided=True,
        void_reason="uji cetak printer, bukan kwitansi", copy_no=0)
    return receipt_pdf(doc, Paper(paper), TEST_PRINT_MARK)
