"""Who issues a document: the utility, the branch and the counter, read from the database."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.models import Branch, Counter


@dataclass(frozen=True)
class DocumentHeader:
    utility_name: str
    branch_code: str
    branch_name: str
    branch_address: str
    counter_code: str
    counter_name: str


def header_for_counter(session: Session, counter_id: int) -> DocumentHeader:
    """The header of a document made at ``counter_id``."""
    counter = session.get(Counter, counter_id)
    assert counter is not None
    branch = session.get(Branch, counter.branch_id)
    assert branch is not None
    return DocumentHeader(branch.utility_name, branch.code, branch.name, branch.address,
                          counter.code, counter.name)
