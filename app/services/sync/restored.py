"""A branch database restored from an older backup: detected, remembered, refused.

Head office holding more of this counter's events than the counter has means the
database went back in time; its receipt numbers would be issued a second time. The
sync stops with ``SYNC_BRANCH_RESTORED`` and the fact is kept in ``setting``
(``sync_branch_restored``): the counter refuses payments (``restore_block``) until head
office has sorted it out and the next push it accepts clears it, or a supervisor
allows them.

That accepted push (online, or a bundle's reply) is also head office confirming the
counter's position after ``loket-admin restore``: :func:`forget` ends the payment block
of ``app/services/backup/restore_block.py``.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy.orm import Session

from app.services.backup.restore_block import FOUND_BEHIND_KEY, confirm_by_sync
from app.services.errors import DomainError, ErrorCode
from app.services.sync.protocol import (
    ACKED_THROUGH_KEY,
    UowFactory,
    drop_setting,
    get_setting,
    put_setting,
)

RESTORED_KEY = FOUND_BEHIND_KEY


class BranchRestored(DomainError):
    """``SYNC_BRANCH_RESTORED`` with the two sequence numbers."""

    def __init__(self, office_seq: int, local_seq: int) -> None:
        super().__init__(ErrorCode.SYNC_BRANCH_RESTORED, office_seq=office_seq,
                         local_seq=local_seq)
        self.office_seq, self.local_seq = office_seq, local_seq


def check_sequence(local_max_seq: int, office_acked_through: int) -> None:
    """Head office holding events this database never wrote: restored from a backup."""
    if office_acked_through > local_max_seq:
        raise BranchRestored(office_acked_through, local_max_seq)


def remember(uow_factory: UowFactory, error: BranchRestored) -> None:
    """Keep the finding in the database (its own transaction)."""
    with uow_factory() as uow:
        put_setting(uow.session, RESTORED_KEY, json.dumps({
            "office_seq": error.office_seq, "local_seq": error.local_seq,
            "detected_at": uow.now.isoformat()}))
        uow.commit()


def forget(session: Session, now: dt.datetime) -> None:
    """Head office accepted a push: this database is not behind, and a restore from a
    backup is confirmed (payments may be taken again)."""
    confirm_by_sync(session, now, get_setting(session, ACKED_THROUGH_KEY))
    drop_setting(session, RESTORED_KEY)


def restored_notice(session: Session) -> dict[str, Any] | None:
    """``office_seq``, ``local_seq``, ``detected_at`` if this database was found behind."""
    text = get_setting(session, RESTORED_KEY)
    return json.loads(text) if text else None
