"""Verifying a backup file before it is trusted: SQLite's own check, then the audit trail.

The file is opened read-only. It is refused (``ok`` false, ``problems`` say why) when it
is not a SQLite database, ``PRAGMA integrity_check`` finds damage, it is not a Loket
branch database or one made by a newer Loket, or its audit chain or payment records
were tampered with. Gaps in the receipt or outbox numbers are listed as ``findings``
without refusing it: a branch restored once has such gaps on purpose (see
``app.services.backup.restore``).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from app.models import Branch, Setting
from app.models.dbfile import SQLITE_MAGIC, connect_existing, integrity_problems
from app.models.migrate import head_revision, known_revision
from app.services.audit.integrity import check_integrity
from app.services.audit.journal import ChainReport, verify_chain
from app.services.errors import DomainError, ErrorCode
from app.services.findings import Finding, FindingCode

RESTORED_FROM_KEY = "restored_from"
RESTORED_AT_KEY = "restored_at"
_REFUSING_CHECKS = frozenset({"audit_chain", "payment_audit"})


@dataclass(frozen=True)
class BackupReport:
    path: Path
    refusals: tuple[Finding, ...]  # why it must not be restored; empty when it may
    notes: tuple[Finding, ...] = ()  # worth knowing, no reason to refuse it
    revision: str | None = None
    branch_code: str | None = None
    audit_records: int = 0
    payments: int = 0
    restored_from: str | None = None  # this copy was taken after an earlier restore

    @property
    def ok(self) -> bool:
        return not self.refusals

    @property
    def problems(self) -> tuple[str, ...]:
        """The refusals in English."""
        return tuple(f.text for f in self.refusals)

    @property
    def findings(self) -> tuple[str, ...]:
        """The notes in English."""
        return tuple(f.text for f in self.notes)

    @property
    def refusal(self) -> Finding | None:
        return self.refusals[0] if self.refusals else None

    @property
    def problem(self) -> str:
        return self.problems[0] if self.problems else ""


def verify_backup(path: Path) -> BackupReport:
    """Check ``path`` as a branch database backup (read-only; nothing is changed)."""
    if not path.is_file():
        raise DomainError(ErrorCode.BACKUP_NOT_FOUND, file=str(path))
    if not _has_sqlite_header(path):
        return _refused(path, Finding.of(FindingCode.NOT_SQLITE))
    try:
        connection = connect_existing(path, read_only=True)
        try:
            damage = integrity_problems(connection)
            revision = _revision(connection) if not damage else None
        finally:
            connection.close()
    except sqlite3.Error as error:
        return _refused(path, Finding.of(FindingCode.NOT_A_DATABASE, error=str(error)))
    if damage:
        return BackupReport(path, tuple(Finding.of(FindingCode.FILE_DAMAGED, detail=d)
                                        for d in damage[:5]))
    if revision is None:
        return _refused(path, Finding.of(FindingCode.NOT_LOKET))
    if not known_revision(revision):
        return _refused(path, Finding.of(FindingCode.NEWER_SCHEMA, revision=revision),
                        revision=revision)
    return _check_records(path, revision)


def _refused(path: Path, why: Finding, revision: str | None = None) -> BackupReport:
    return BackupReport(path, (why,), revision=revision)


def chain_refusal(chain: ChainReport) -> Finding:
    """``audit chain: audit record N: …`` for a broken chain."""
    return Finding.of(FindingCode.CHECK_FAILED, check=Finding.of(FindingCode.CHECK_AUDIT_CHAIN),
                      subject=Finding.of(FindingCode.AUDIT_RECORD, id=chain.first_bad_id or 0),
                      detail=chain.finding or Finding.of(FindingCode.RECORD_CHANGED))


def _has_sqlite_header(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC


def _revision(connection: sqlite3.Connection) -> str | None:
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError:
        return None
    return str(row[0]) if row else None


def _check_records(path: Path, revision: str) -> BackupReport:
    """The audit trail (and, at the current schema, payments and number sequences)."""
    engine = create_engine("sqlite+pysqlite://", poolclass=NullPool,
                           creator=lambda: connect_existing(path, read_only=True))
    try:
        with Session(engine) as session:
            branch = session.scalar(select(Branch.code).limit(1))
            restored = session.get(Setting, RESTORED_FROM_KEY)
            base = BackupReport(path, (), revision=revision, branch_code=branch,
                                restored_from=restored.value if restored else None)
            return _audit(session, base, current_schema=revision == head_revision())
    except SQLAlchemyError as error:
        return _refused(path, Finding.of(
            FindingCode.RECORDS_UNREADABLE,
            error=f"{error.__class__.__name__}: {getattr(error, 'orig', error)}"),
            revision=revision)
    finally:
        engine.dispose()


def _audit(session: Session, base: BackupReport, *, current_schema: bool) -> BackupReport:
    if not current_schema:  # older schema: the chain now, the rest after the upgrade
        chain = verify_chain(session)
        problems: tuple[Finding, ...] = () if chain.ok else (chain_refusal(chain),)
        return BackupReport(base.path, problems, (), base.revision, base.branch_code,
                            chain.records, 0, base.restored_from)
    report = check_integrity(session)
    problems = tuple(p.checked() for p in report.problems if p.check in _REFUSING_CHECKS)
    findings = tuple(p.checked() for p in report.problems if p.check not in _REFUSING_CHECKS)
    return BackupReport(base.path, problems, findings, base.revision, base.branch_code,
                        report.chain.records, report.payments, base.restored_from)
