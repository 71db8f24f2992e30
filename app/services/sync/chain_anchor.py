"""The counter's audit-chain head, sent with every push for head office to anchor.

Each push carries the newest audit record (id and hash), the hash this database now
holds for the record head office anchored last (as its last answer said, setting
``audit_anchor``), and the result of checking the chain here. Head office answers
``anchored`` (it keeps the new head), ``stale`` (an answer was lost: the push names the
anchor it gives, at once) or ``flagged``: the chain no longer extends what was anchored
(rewritten, cut or damaged). A flag blocks payments (``restore_block``) until
head office clears it and a supervisor releases it (docs/sync-protocol.md, "Books
anchored at head office").
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import AuditRecord
from app.services.audit.journal import verify_chain
from app.services.backup.restore_block import CHAIN_FLAG_KEY, chain_flag
from app.services.sync.protocol import get_setting, put_setting

ANCHOR_KEY = "audit_anchor"


def chain_problem(session: Session) -> str:
    """What checking the chain here finds ("" when it verifies); once per push."""
    report = verify_chain(session)
    return "" if report.ok else f"audit record {report.first_bad_id} {report.problem}"[:300]


def chain_head(session: Session, problem: str) -> dict[str, Any]:
    """The ``audit`` part of a push body."""
    last = session.scalars(select(AuditRecord).order_by(AuditRecord.id.desc()).limit(1)).first()
    anchor_id = _anchor_id(session)
    held = session.get(AuditRecord, anchor_id) if anchor_id else None
    return {"head_id": last.id if last else 0, "head_hash": last.hash if last else "",
            "anchor_id": anchor_id, "anchor_hash": held.hash if held else "",
            "problem": problem}


def take_answer(session: Session, now: dt.datetime, body: Any) -> str:
    """Keep head office's answer on the chain (in the caller's transaction); its status
    ("" from a head office that does not anchor)."""
    audit = body.get("audit") if isinstance(body, dict) else None
    status = audit.get("status") if isinstance(audit, dict) else None
    if not isinstance(audit, dict) or status not in ("anchored", "flagged", "stale"):
        return ""
    if isinstance(audit.get("anchor_id"), int):
        put_setting(session, ANCHOR_KEY, str(audit["anchor_id"]))
    flag = chain_flag(session)
    if status == "flagged" and (flag is None or flag.get("office_cleared") is True):
        put_setting(session, CHAIN_FLAG_KEY, json.dumps({
            "detected_at": now.isoformat(), "message": str(audit.get("message", ""))[:400],
            "office_cleared": False}))
    elif status == "anchored" and flag is not None and not flag.get("office_cleared"):
        put_setting(session, CHAIN_FLAG_KEY, json.dumps(dict(flag, office_cleared=True)))
    return str(status)


def _anchor_id(session: Session) -> int:
    text = get_setting(session, ANCHOR_KEY) or "0"
    return int(text) if text.isdigit() else 0
