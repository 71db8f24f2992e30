"""What the counter window's status bar and supervisor view show about sync (Qt-free)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from app.services.sync.acks import RejectedEvent, rejected_events
from app.services.sync.protocol import (
    LAST_SYNC_KEY,
    get_setting,
    local_device,
    parse_time,
    pending_count,
)
from app.services.sync.reconcile import last_reconciliation
from app.services.sync.restored import restored_notice
from app.services.unit_of_work import UnitOfWork


def pending_events(uow: UnitOfWork) -> int:
    """Events of this counter head office has not acknowledged yet."""
    with uow:
        return pending_count(uow.session, local_device(uow.session).device_id)


def last_sync(uow: UnitOfWork) -> dt.datetime | None:
    """When the last sync finished, or ``None`` if none ever did."""
    with uow:
        return parse_time(get_setting(uow.session, LAST_SYNC_KEY))


def rejected_list(uow: UnitOfWork) -> list[RejectedEvent]:
    """Events head office put in its exceptions queue, with the reasons, oldest first."""
    with uow:
        return rejected_events(uow.session, local_device(uow.session).device_id)


def reconciliation_status(uow: UnitOfWork) -> dict[str, Any] | None:
    """The last reconciliation's outcome (``at``, ``through_seq``, ``mismatches``)."""
    with uow:
        return last_reconciliation(uow.session)


def restored_from_backup(uow: UnitOfWork) -> dict[str, Any] | None:
    """Set when a sync found this database behind head office (restored from an older
    backup): the counter must take no payment, its receipt numbers would repeat."""
    with uow:
        return restored_notice(uow.session)
