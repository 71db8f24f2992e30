"""Previews before anything is written: a terms file (what changes against the newest
published version, or why it is refused) and a billing CSV import (a dry run: rows
added, changed, unchanged, refused with reasons), then the real thing on confirmation.

The file's bytes travel with the confirmation; it is checked against the preview's
SHA-256, so what is published or imported is exactly what was previewed.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.services.errors import DomainError
from app.services.imports.csv_files import RejectedRow
from app.services.imports.problems import ImportProblem, ProblemCode
from app.services.terms import PromotionTerms, load_terms_file
from app.services.terms_problems import TermsCode, TermsInvalid, TermsProblem
from headoffice import csv_imports, masterdata
from headoffice.db import Database
from headoffice.models import Terms

IMPORTS: dict[str, Callable[[Session, Path], csv_imports.ImportSummary]] = {
    "customers": csv_imports.import_customers, "bills": csv_imports.import_bills}
TERMS_SUFFIXES = (".toml", ".json")
MAX_MB = 20
MAX_FILE = MAX_MB * 1024 * 1024


@dataclass(frozen=True)
class TermsPreview:
    name: str
    sha256: str
    code: str = ""
    version: int = 0
    title: str = ""
    previous: int | None = None  # the newest published version of the programme
    changes: tuple[tuple[str, str, str], ...] = ()  # (field, before, after)
    already: bool = False  # exactly this version is published already
    problems: tuple[TermsProblem, ...] = ()  # why it cannot be published


@dataclass(frozen=True)
class ImportPreview:
    kind: str
    name: str
    sha256: str
    rows: int = 0
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    refused: tuple[RejectedRow, ...] = ()  # each row with every reason
    warnings: tuple[ImportProblem, ...] = ()
    problem: ImportProblem | None = None  # the file as a whole cannot be imported


class TermsRefused(ValueError):
    """The terms file cannot be published: ``problems`` says every reason, coded."""

    def __init__(self, problems: tuple[TermsProblem, ...]) -> None:
        super().__init__("; ".join(p.text for p in problems))
        self.problems = problems


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def programmes(session: Session) -> list[Terms]:
    """Every published version, by programme, newest first."""
    return list(session.scalars(select(Terms).order_by(Terms.code, Terms.version.desc())))


def preview_terms(session: Session, name: str, data: bytes) -> TermsPreview:
    digest = sha256(data)
    if len(data) > MAX_FILE:
        return TermsPreview(name, digest, problems=(
            TermsProblem.of(TermsCode.FILE_TOO_LARGE, limit=MAX_MB),))
    try:
        terms = _terms(name, data)
    except TermsRefused as exc:
        return TermsPreview(name, digest, problems=exc.problems)
    newest = session.scalar(select(Terms).where(Terms.code == terms.code)
                            .order_by(Terms.version.desc()).limit(1))
    same = session.scalar(select(Terms).where(Terms.code == terms.code,
                                              Terms.version == terms.version))
    problems: tuple[TermsProblem, ...] = ()
    if same is not None and same.checksum != terms.checksum():
        problems = (TermsProblem.of(TermsCode.VERSION_CONFLICT, programme=terms.code,
                                    version=terms.version),)
    before = json.loads(newest.body) if newest is not None else {}
    after = json.loads(terms.to_json())
    changes = tuple((k, _shown(before.get(k)), _shown(after.get(k)))
                    for k in sorted(set(before) | set(after)) if before.get(k) != after.get(k))
    return TermsPreview(name, digest, terms.code, terms.version, terms.name,
                        newest.version if newest is not None else None, changes,
                        same is not None and not problems, problems)


def publish_terms(session: Session, name: str, data: bytes,
                  previewed: str) -> masterdata.Published:
    if sha256(data) != previewed:
        raise ValueError("the file differs from the one previewed; preview it again")
    return masterdata.publish_terms(session, _terms(name, data))


def preview_import(db: Database, kind: str, name: str, data: bytes) -> ImportPreview:
    """Run the import in a transaction that is rolled back: nothing is written."""
    digest = sha256(data)
    if len(data) > MAX_FILE:
        return ImportPreview(kind, name, digest, problem=ImportProblem.of(
            ProblemCode.FILE_TOO_LARGE, limit=MAX_MB))
    try:
        with db.writing() as session:
            summary = _run(session, kind, name, data)
            session.rollback()
    except csv_imports.ImportRefused as refused:
        return ImportPreview(kind, name, digest, refused=refused.rejected)
    except csv_imports.FileProblem as exc:
        return ImportPreview(kind, name, digest, problem=exc.problem)
    return ImportPreview(kind, name, digest, summary.rows, summary.created, summary.updated,
                         summary.unchanged, warnings=summary.warnings)


def run_import(session: Session, kind: str, name: str, data: bytes,
               previewed: str) -> csv_imports.ImportSummary:
    if sha256(data) != previewed:
        raise ValueError("the file differs from the one previewed; preview it again")
    return _run(session, kind, name, data)


def _run(session: Session, kind: str, name: str, data: bytes) -> csv_imports.ImportSummary:
    if kind not in IMPORTS:
        raise csv_imports.FileProblem(name, ImportProblem.of(ProblemCode.KIND_UNKNOWN))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / (Path(name).name or f"{kind}.csv")
        path.write_bytes(data)
        return IMPORTS[kind](session, path)


def _terms(name: str, data: bytes) -> PromotionTerms:
    suffix = Path(name).suffix.lower()
    if suffix not in TERMS_SUFFIXES:
        raise TermsRefused((TermsProblem.of(TermsCode.NOT_TERMS_FILE, file=name or "–"),))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"terms{suffix}"
        path.write_bytes(data)
        try:
            return load_terms_file(path)
        except TermsInvalid as exc:
            raise TermsRefused(exc.problems) from exc
        except DomainError as exc:
            raise ValueError(exc.message) from exc


def _shown(value: Any) -> str:
    if value is None:
        return "–"
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
