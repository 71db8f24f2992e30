"""Master data head office owns: branches, promotion terms and counter users.

Every change a branch needs goes into the change log in the same transaction.
Refusals are ``ValueError`` with a sentence for the operator.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.services.errors import DomainError
from app.services.terms import PromotionTerms, load_terms_file
from app.services.users import hash_password
from headoffice.changes import record, terms_data, user_data
from headoffice.db import utcnow
from headoffice.models import BranchOffice, Terms, User
from headoffice.refusals import RefusalCode, Refused

_CODE_RE = re.compile(r"^[A-Z0-9]{2,16}$")
ROLES = ("cashier", "supervisor", "admin")


@dataclass(frozen=True)
class Published:
    code: str
    version: int
    name: str
    checksum: str
    created: bool


def add_branch(session: Session, code: str, name: str, utc_offset_minutes: int = 480) -> None:
    code = code.strip().upper()
    if not _CODE_RE.match(code):
        raise Refused(RefusalCode.BRANCH_CODE_INVALID, code=code)
    if not name.strip():
        raise Refused(RefusalCode.BRANCH_NAME_MISSING)
    if session.get(BranchOffice, code) is not None:
        raise Refused(RefusalCode.BRANCH_EXISTS, code=code)
    session.add(BranchOffice(code=code, name=name.strip()[:120],
                             utc_offset_minutes=utc_offset_minutes))
    session.flush()


def list_branches(session: Session) -> list[BranchOffice]:
    return list(session.scalars(select(BranchOffice).order_by(BranchOffice.code)))


def publish_terms_file(session: Session, path: Path) -> Published:
    """Publish a terms file (TOML or JSON, checked like the branch does) to every branch."""
    try:
        terms = load_terms_file(path)
    except DomainError as exc:
        raise ValueError(exc.message) from exc
    return publish_terms(session, terms)


def publish_terms(session: Session, terms: PromotionTerms) -> Published:
    """The same version again changes nothing; another body under it is refused."""
    existing = session.scalar(select(Terms).where(Terms.code == terms.code,
                                                  Terms.version == terms.version))
    if existing is not None:
        if existing.checksum != terms.checksum():
            raise Refused(RefusalCode.TERMS_VERSION_CONFLICT, programme=terms.code,
                          version=terms.version)
        return Published(terms.code, terms.version, terms.name, existing.checksum, False)
    row = Terms(code=terms.code, version=terms.version, name=terms.name, body=terms.to_json(),
                checksum=terms.checksum(), published_at=utcnow())
    session.add(row)
    session.flush()
    record(session, "terms", f"{row.code}/{row.version}", terms_data(row))
    return Published(row.code, row.version, row.name, row.checksum, True)


def add_user(session: Session, username: str, full_name: str, role: str, password: str,
             branch: str | None = None) -> User:
    """A counter user for every branch (or one); branches receive it with the next pull."""
    name = username.strip().lower()
    if not re.match(r"^[a-z0-9._-]{2,40}$", name):
        raise Refused(RefusalCode.USERNAME_INVALID, username=username)
    if role not in ROLES:
        raise Refused(RefusalCode.ROLE_INVALID, roles=", ".join(ROLES))
    if branch is not None and session.get(BranchOffice, branch) is None:
        raise Refused(RefusalCode.NO_BRANCH, code=branch)
    if session.get(User, name) is not None:
        raise Refused(RefusalCode.USER_EXISTS, username=name)
    try:
        hashed = hash_password(password)
    except DomainError as exc:
        raise ValueError(exc.message) from exc
    user = User(username=name, full_name=full_name.strip() or name, role=role,
                branch_code=branch, password_hash=hashed)
    session.add(user)
    session.flush()
    record(session, "user", user.username, user_data(user), branch=branch)
    return user
