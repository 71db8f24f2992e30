"""Sync with head office (Qt-free): push the outbox, pull master data, reconcile.

The contract is ``docs/sync-protocol.md``. Entry points: :func:`run_sync` (one sync,
one at a time per device), :func:`register_device` / :func:`open_transport`, the
bundle functions for a branch with no link, and the status-bar queries.
"""

from app.services.sync.acks import RejectedEvent
from app.services.sync.bundle import BundleInfo, ReplyImport, export_bundle, import_reply
from app.services.sync.progress import ProgressFn, SyncProgress
from app.services.sync.pull import PullResult, pull_changes
from app.services.sync.push import PushResult, check_not_behind, push_outbox
from app.services.sync.reconcile import ReconcileLine, ReconcileResult, reconcile
from app.services.sync.registration import (
    Registration,
    open_transport,
    register_device,
    registration,
)
from app.services.sync.session import SyncReport, run_sync
from app.services.sync.status import (
    last_sync,
    pending_events,
    reconciliation_status,
    rejected_list,
    restored_from_backup,
)
from app.services.sync.token_store import KeyringTokenStore, TokenStore
from app.services.sync.transport import HttpTransport, Traffic, Transport

__all__ = [
    "BundleInfo",
    "HttpTransport",
    "KeyringTokenStore",
    "ProgressFn",
    "PullResult",
    "PushResult",
    "ReconcileLine",
    "ReconcileResult",
    "Registration",
    "RejectedEvent",
    "ReplyImport",
    "SyncProgress",
    "SyncReport",
    "TokenStore",
    "Traffic",
    "Transport",
    "check_not_behind",
    "export_bundle",
    "import_reply",
    "last_sync",
    "open_transport",
    "pending_events",
    "pull_changes",
    "push_outbox",
    "reconcile",
    "reconciliation_status",
    "register_device",
    "registration",
    "rejected_list",
    "restored_from_backup",
    "run_sync",
]
