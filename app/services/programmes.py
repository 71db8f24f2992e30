"""Loading promotion terms into the branch database and finding the ones in force."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import PromotionTermsRecord
from app.services.audit.journal import record_change
from app.services.context import Actor
from app.services.errors import DomainError, ErrorCode
from app.services.terms import PromotionTerms, terms_from_json
from app.services.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class ProgrammeInfo:
    id: int
    code: str
    version: int
    name: str
    valid_from: dt.date
    valid_to: dt.date
    loaded_at: dt.datetime


@dataclass(frozen=True)
class LoadResult:
    programme: ProgrammeInfo
    created: bool


def _info(row: PromotionTermsRecord) -> ProgrammeInfo:
    return ProgrammeInfo(row.id, row.code, row.version, row.name, row.valid_from, row.valid_to,
                         row.loaded_at)


def load_terms(uow: UnitOfWork, actor: Actor, terms: PromotionTerms) -> LoadResult:
    """Store a terms version. The same file again changes nothing; a different body under
    an existing code and version is refused (publish a new version instead)."""
    with uow:
        existing = uow.session.scalar(select(PromotionTermsRecord).where(
            PromotionTermsRecord.code == terms.code,
            PromotionTermsRecord.version == terms.version))
        if existing is not None:
            if existing.checksum != terms.checksum():
                raise DomainError(ErrorCode.TERMS_VERSION_CONFLICT, code=terms.code,
                                  version=terms.version)
            return LoadResult(_info(existing), created=False)
        row = PromotionTermsRecord(
            code=terms.code, version=terms.version, name=terms.name,
            valid_from=terms.valid_from, valid_to=terms.valid_to, body=terms.to_json(),
            checksum=terms.checksum(), loaded_at=uow.now)
        uow.session.add(row)
        uow.session.flush()
        record_change(uow.session, actor, uow.now, action="terms.load", entity="terms",
                      entity_id=f"{terms.code}/{terms.version}",
                      details={"code": terms.code, "version": terms.version,
                               "checksum": row.checksum})
        uow.commit()
        return LoadResult(_info(row), created=True)


def list_programmes(uow: UnitOfWork) -> list[ProgrammeInfo]:
    with uow:
        rows = uow.session.scalars(select(PromotionTermsRecord).order_by(
            PromotionTermsRecord.valid_from, PromotionTermsRecord.code,
            PromotionTermsRecord.version))
        return [_info(r) for r in rows]


def latest_versions(session: Session) -> list[tuple[PromotionTermsRecord, PromotionTerms]]:
    """The newest version of every programme code, with its parsed terms."""
    newest: dict[str, PromotionTermsRecord] = {}
    for row in session.scalars(select(PromotionTermsRecord)):
        if row.code not in newest or row.version > newest[row.code].version:
            newest[row.code] = row
    return [(row, terms_from_json(row.body)) for row in newest.values()]


def find_programme(
    session: Session, code: str | None, on: dt.date
) -> tuple[PromotionTermsRecord, PromotionTerms]:
    """The programme ``code`` (newest version), or — without a code — the one open on ``on``.

    Without a code and no programme open that day, the most recent programme is
    returned, so that a quote can say *why* it is closed.
    """
    programmes = latest_versions(session)
    if code is not None:
        for row, terms in programmes:
            if row.code == code:
                return row, terms
        raise DomainError(ErrorCode.PROGRAMME_NOT_FOUND, code=code)
    if not programmes:
        raise DomainError(ErrorCode.PROGRAMME_NOT_FOUND, code="(any)")
    open_now = [p for p in programmes if p[1].is_open_on(on)]
    pool = open_now or programmes
    return max(pool, key=lambda p: (p[1].valid_from, p[0].code))


def terms_by_id(session: Session, terms_id: int) -> PromotionTerms:
    row = session.get(PromotionTermsRecord, terms_id)
    assert row is not None
    return terms_from_json(row.body)
