"""Making the messages of an audience and handing them over: to the HTTP gateway, or in
a CSV for a broadcast tool.

Each message is a row of ``outreach_message`` keyed by its reason and day (kind,
customer, subject, day). A run first *claims* its messages in one writing transaction —
a new row, or a failed one (or one left ``sending`` by a run that died) to retry, marked
with the run's token — so two runs at once never both send one message; then, for each,
it renews its claim (and checks the customer did not opt out meanwhile), calls the
gateway, and records the answer (``outreach_attempt``) and the message's state, each in
a short transaction of its own. A message already sent (or exported) that day is
skipped. The gateway is never called inside a transaction.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from headoffice.db import Database, utcnow
from headoffice.outreach import templates
from headoffice.outreach.audience import Audience, Draft
from headoffice.outreach.gateway import Sender
from headoffice.outreach.phones import whatsapp_link
from headoffice.outreach.tables import OutreachAttempt, OutreachMessage, OutreachOptOut

STALE_AFTER = dt.timedelta(minutes=15)  # a claim older than this was left by a dead run
DONE = ("sent", "exported")
CHUNK = 1_000  # connection numbers per query
CSV_COLUMNS = ("nomor_sambungan", "nama", "telepon", "jenis", "pesan", "tautan_whatsapp")


@dataclass(frozen=True)
class Planned:
    """A message as a run would make it; ``status``: ``new``, ``retry`` (it failed
    before) or ``done`` (already sent or exported today: skipped)."""

    draft: Draft
    text: str
    template_version: int
    status: str


@dataclass(frozen=True)
class RunResult:
    kind: str
    on: dt.date
    sent: int
    failed: int
    retried: int  # of those sent or failed, how many had failed before
    skipped: int  # already sent or exported today, or being sent by another run
    invalid: int
    opted_out: int


def preview(session: Session, audience: Audience) -> list[Planned]:
    """What a run would make of ``audience`` now (nothing is written)."""
    template = templates.current(session, audience.kind)
    rows = _rows_by_reason(session, audience)
    planned = []
    for draft in audience.ready:
        today, earlier = rows.get(_reason(draft), (None, None))
        status = ("done" if today is not None and today.state in DONE
                  else "retry" if (today or earlier) is not None else "new")
        planned.append(Planned(draft, templates.render(template.body, draft.values),
                               template.version, status))
    return planned


def _reason(draft: Draft) -> tuple[str, str, str]:
    return draft.kind, draft.connection_no, draft.subject


def _rows_by_reason(session: Session, audience: Audience
                    ) -> dict[tuple[str, str, str], tuple[OutreachMessage | None,
                                                         OutreachMessage | None]]:
    """Per reason: its message of the day, and an earlier one still to retry."""
    numbers = sorted({d.connection_no for d in audience.ready})
    found: dict[tuple[str, str, str], tuple[OutreachMessage | None,
                                            OutreachMessage | None]] = {}
    rows = [row for start in range(0, len(numbers), CHUNK)
            for row in session.scalars(select(OutreachMessage).where(
                OutreachMessage.kind == audience.kind,
                OutreachMessage.connection_no.in_(numbers[start:start + CHUNK])))]
    for row in sorted(rows, key=lambda r: r.day):
        key = (row.kind, row.connection_no, row.subject)
        today, earlier = found.get(key, (None, None))
        if row.day == audience.on:
            today = row
        elif row.state in ("failed", "sending"):
            earlier = row
        found[key] = (today, earlier)
    return found


@dataclass(frozen=True)
class Claimed:
    message_id: int
    connection_no: str
    phone: str
    text: str
    uuid: str
    tried_before: bool


@dataclass(frozen=True)
class Claim:
    """The messages one run took to send (``token`` marks them as this run's)."""

    token: str
    kind: str
    on: dt.date
    messages: tuple[Claimed, ...]
    skipped: int
    invalid: int
    opted_out: int


def send(db: Database, audience: Audience, sender: Sender, by: str) -> RunResult:
    """Send ``audience``'s messages through ``sender``; failed ones are left to retry."""
    return deliver(db, claim(db, audience, by), sender)


def deliver(db: Database, taken: Claim, sender: Sender) -> RunResult:
    """Call the gateway for each claimed message still this run's and record its answer.

    Just before each call the message is checked (still claimed by this run, customer
    not opted out since) and its claim renewed, so a long run is never taken over by
    another one for a message it is about to send."""
    sent = failed = retried = 0
    for message in taken.messages:
        if not _still_ours(db, message, taken.token):
            continue
        answer = sender.send(message.phone, message.text, message.uuid)
        with db.writing() as session:
            row = session.get(OutreachMessage, message.message_id)
            assert row is not None
            now = utcnow()
            session.add(OutreachAttempt(message_id=row.id, at=now, outcome=answer.outcome,
                                        http_status=answer.http_status,
                                        answer=answer.answer[:400]))
            row.attempts += 1
            row.state = "sent" if answer.delivered else "failed"
            row.updated_at = now
            row.sent_at = now if answer.delivered else None
        sent += answer.delivered
        failed += not answer.delivered
        retried += message.tried_before
    return RunResult(taken.kind, taken.on, sent, failed, retried, taken.skipped,
                     taken.invalid, taken.opted_out)


def _still_ours(db: Database, message: Claimed, token: str) -> bool:
    with db.writing() as session:
        row = session.get(OutreachMessage, message.message_id)
        if row is None or row.state != "sending" or row.claim != token:
            return False
        row.updated_at = utcnow()
        if session.get(OutreachOptOut, message.connection_no) is not None:
            row.state = "stopped"  # opted out after the run began: never sent
            return False
        return True


def claim(db: Database, audience: Audience, by: str, channel: str = "gateway") -> Claim:
    """Take the messages to send now, in one transaction: new ones, and failed ones (or
    ones a dead run left ``sending``) to retry; a message already sent or exported
    today, or being sent by another run, is skipped."""
    taken: list[OutreachMessage] = []
    skipped = 0
    token = uuid.uuid4().hex
    with db.writing() as session:
        template = templates.current(session, audience.kind)
        stopped = set(session.scalars(select(OutreachOptOut.connection_no)))
        rows = _rows_by_reason(session, audience)
        now = utcnow()
        for draft in audience.ready:
            if draft.connection_no in stopped:
                continue
            today, earlier = rows.get(_reason(draft), (None, None))
            row = today or earlier
            if row is not None and (row.state in DONE or (
                    row.state == "sending" and now - row.updated_at < STALE_AFTER)):
                skipped += 1
                continue
            text = templates.render(template.body, draft.values)
            if row is None:
                row = OutreachMessage(uuid=str(uuid.uuid4()), kind=draft.kind,
                                      connection_no=draft.connection_no, subject=draft.subject,
                                      day=audience.on, created_at=now, created_by=by[:40],
                                      attempts=0)
                session.add(row)
            row.phone, row.body, row.figures = draft.phone.number, text, draft.figures
            row.template_version, row.channel = template.version, channel
            row.state, row.updated_at, row.claim = "sending", now, token
            taken.append(row)
        session.flush()  # once: the new rows get their ids
        claimed = [Claimed(row.id, row.connection_no, row.phone, row.body, row.uuid,
                           row.attempts > 0) for row in taken]
    return Claim(token, audience.kind, audience.on, tuple(claimed), skipped,
                 len(audience.invalid), audience.opted_out)


def export_csv(db: Database, audience: Audience, path: Path, by: str) -> int:
    """Write ``audience``'s messages (with WhatsApp click-to-chat links) to ``path`` and
    record them as handed over; returns how many. Messages already sent through the
    gateway today are left out; the file is written whole or not at all."""
    if not path.parent.is_dir():
        raise ValueError(f"the folder {path.parent} does not exist")
    taken = claim(db, audience, by, "csv")
    with db.writing() as session:
        session.execute(update(OutreachMessage).where(
            OutreachMessage.claim == taken.token, OutreachMessage.state == "sending")
            .values(state="exported", updated_at=utcnow()))
        exported = list(session.scalars(select(OutreachMessage).where(
            OutreachMessage.kind == audience.kind, OutreachMessage.day == audience.on,
            OutreachMessage.state == "exported")))
        stopped = set(session.scalars(select(OutreachOptOut.connection_no)))
    names = {d.connection_no: d.name for d in audience.ready}
    exported = [row for row in exported if row.connection_no in names]
    buffer = io.StringIO()
    out = csv.writer(buffer)
    out.writerow(CSV_COLUMNS)
    count = 0
    for row in sorted(exported, key=lambda r: r.connection_no):
        if row.connection_no in stopped:
            continue
        out.writerow([row.connection_no, _cell(names.get(row.connection_no, "")), row.phone,
                      row.kind, _cell(row.body), whatsapp_link(row.phone, row.body)])
        count += 1
    _write_whole(path, buffer.getvalue())
    return count


def _cell(text: str) -> str:
    """A cell a spreadsheet will not run as a formula."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@") else text


def _write_whole(path: Path, text: str) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8-sig", newline="") as file:
            file.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
