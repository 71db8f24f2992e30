"""The ``loket-headoffice`` commands: each takes the parsed arguments, returns an exit code."""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.services.command_line import Words
from app.services.imports.report_words import said
from headoffice import (
    anchors,
    auth,
    change_requests,
    csv_imports,
    exception_queue,
    ledger,
    masterdata,
)
from headoffice import reconcile as reconciliation
from headoffice.api import create_app
from headoffice.bundle import MAX_MEMBER, BundleRefused, import_bundle
from headoffice.changes import current_enrolment
from headoffice.cli_words import count, rupiah, service_refusal
from headoffice.console import audit, staff
from headoffice.console.words import CUSTOMER_STATES, PLAN_STATES, REQUEST_STATES, reason_text
from headoffice.db import Database, start_epoch
from headoffice.models import Customer, Device
from headoffice.serve import make_server

Handler = Callable[[argparse.Namespace], int]
OPENAPI_FILE = Path(__file__).with_name("openapi.json")


class Refusal(Exception):
    """The command was refused; the message says why (exit status 1)."""


@contextmanager
def opened(args: argparse.Namespace) -> Iterator[Database]:
    """The database of ``--database-url``, upgraded; a ValueError or LookupError inside
    is a :class:`Refusal` (said in the command line's language)."""
    db = Database(args.database_url)
    try:
        db.create_tables()
        yield db
    except (ValueError, LookupError) as exc:
        raise Refusal(service_refusal(exc, args.words)) from exc
    finally:
        db.dispose()


@contextmanager
def _writing(args: argparse.Namespace) -> Iterator[Session]:
    with opened(args) as db, db.writing() as session:
        yield session


def usage(_args: argparse.Namespace) -> int:
    return 2


def serve(args: argparse.Namespace) -> int:
    try:
        server = make_server(args.database_url, args.host, args.port, tls_cert=args.tls_cert,
                             tls_key=args.tls_key, make_ahead=True, in_lulls=True)
    except ValueError as exc:
        raise Refusal(service_refusal(exc, args.words)) from exc
    server.run()
    return 0


def init(args: argparse.Namespace) -> int:
    from headoffice.demo import create_demo  # the demo's generator is only needed here

    with _writing(args) as session:
        if args.demo:
            options: dict[str, Any] = {"seed": args.seed}
            if args.customers is not None:
                options["customers"] = args.customers
            done = create_demo(session, **options)
            print(args.words("init.demo_done", branches=done.branches,
                             customers=count(done.customers), bills=count(done.bills),
                             arrears=rupiah(done.arrears_total), seconds=f"{done.seconds:.1f}"))
    print(args.words("init.ready"))
    return 0


def branch_add(args: argparse.Namespace) -> int:
    with _writing(args) as session:
        masterdata.add_branch(session, args.code, args.name)
    print(args.words("branch.added", code=args.code.upper()))
    return 0


def branch_list(args: argparse.Namespace) -> int:
    with _writing(args) as session:
        for branch in masterdata.list_branches(session):
            print(f"{branch.code:6} {branch.name}")
    return 0


def device_register(args: argparse.Namespace) -> int:
    with _writing(args) as session:
        issued = auth.issue_code(session, args.branch.upper(), args.counter)
        _audit(session, "counter.register", f"{issued.branch} {issued.counter}",
               f"one-time code valid until {issued.expires_at:%Y-%m-%d %H:%M} UTC")
    print(issued.code)
    print(args.words("device.code_note", branch=issued.branch, counter=issued.counter,
                     until=f"{issued.expires_at:%Y-%m-%d %H:%M}"), file=sys.stderr)
    return 0


def device_revoke(args: argparse.Namespace) -> int:
    with _writing(args) as session:
        device = auth.revoke_device(session, args.device_id)
        _audit(session, "counter.revoke", f"{device.branch_code} {device.counter}", device.id)
        print(args.words("device.revoked", id=device.id, branch=device.branch_code,
                         counter=device.counter))
    return 0


def device_list(args: argparse.Namespace) -> int:
    with _writing(args) as session:
        for d in session.scalars(select(Device).order_by(Device.branch_code, Device.counter)):
            state = (args.words("device.state_revoked") if d.revoked else
                     args.words("device.token_until", day=f"{d.token_expires_at:%Y-%m-%d}"))
            print(f"{d.id}  {d.branch_code:6} {d.counter:6} seq {d.last_seq:<8} {state}")
    return 0


def _password(args: argparse.Namespace) -> str:
    """Asked twice on a terminal; else the first line of standard input."""
    if sys.stdin.isatty():
        password = getpass.getpass(args.words("password"))
        if getpass.getpass(args.words("password.again")) != password:
            raise Refusal(args.words("password.differ"))
        return password
    return sys.stdin.readline().rstrip("\r\n")


def user_add(args: argparse.Namespace) -> int:
    password = _password(args)
    with _writing(args) as session:
        user = masterdata.add_user(session, args.username, args.full_name, args.role, password,
                                   args.branch)
        print(args.words("user.added", username=user.username, role=user.role,
                         where=user.branch_code or args.words("user.every_branch")))
    return 0


def staff_add(args: argparse.Namespace) -> int:
    password = _password(args)
    with _writing(args) as session:
        done = staff.add_staff(session, args.username, args.role, password, args.full_name,
                               by=f"cli:{_operator()}")
    print(args.words("staff.added", username=done.username, role=done.role))
    return 0


def staff_list(args: argparse.Namespace) -> int:
    with _writing(args) as session:
        rows = staff.list_staff(session)
    w = args.words
    for r in rows:
        state = w("staff.state_disabled") if not r.active else (
            w("staff.state_locked", until=f"{r.locked_until:%Y-%m-%d %H:%M}")
            if r.locked_until else w("staff.state_active"))
        print(f"{r.username:20} {r.role:17} {state:10} {r.full_name}")
    print(w("staff.count", n=len(rows)), file=sys.stderr)
    return 0


def staff_disable(args: argparse.Namespace) -> int:
    with _writing(args) as session:
        done = staff.disable_staff(session, args.username, by=f"cli:{_operator()}")
    print(args.words("staff.disabled", username=done.username))
    return 0


def import_customers(args: argparse.Namespace) -> int:
    return _import(args, csv_imports.import_customers)


def import_bills(args: argparse.Namespace) -> int:
    return _import(args, csv_imports.import_bills)


def _import(args: argparse.Namespace,
            run: Callable[[Session, Path], csv_imports.ImportSummary]) -> int:
    lang = args.words.lang
    try:
        with _writing(args) as session:
            done = run(session, args.file)
            _audit(session, f"import.{done.kind}", done.file,
                   f"{done.rows} rows: {done.created} new, {done.updated} changed, "
                   f"{done.unchanged} unchanged; sha256 {done.sha256[:16]}…")
    except Refusal as exc:
        cause = exc.__cause__
        if isinstance(cause, csv_imports.ImportRefused):
            for row in cause.rejected:
                print(f"  {said(lang, 'row', line=row.line)} ({row.key}): "
                      f"{'; '.join(p.in_language(lang) for p in row.reasons)}",
                      file=sys.stderr)
            raise Refusal(said(lang, "refused", file=cause.file, rows=cause.rows,
                               rejected=len(cause.rejected))) from cause
        if isinstance(cause, csv_imports.FileProblem):
            raise Refusal(f"{cause.file}: {cause.problem.in_language(lang)}") from cause
        raise
    for warning in done.warnings:
        print(said(lang, "warning", text=warning.in_language(lang)), file=sys.stderr)
    print(said(lang, "done", kind=said(lang, done.kind), file=done.file,
               rows=done.rows, created=done.created, updated=done.updated,
               unchanged=done.unchanged, sha=f"{done.sha256[:12]}…"))
    return 0


def customer(args: argparse.Namespace) -> int:
    w = args.words
    with _writing(args) as session:
        found = session.scalar(select(Customer).where(
            Customer.connection_no == args.connection_no))
        if found is None:
            raise Refusal(w("customer.none", connection_no=args.connection_no))
        money = ledger.customer_balance(session, found.connection_no)
        plan = current_enrolment(session, found.connection_no)
        print(w("customer.line", connection_no=found.connection_no, name=found.name,
                status=_word(CUSTOMER_STATES, found.status, w), since=found.status_date,
                version=found.version))
        print(w("customer.bills", bills=count(money["open_bills"]),
                principal=rupiah(money["open_principal"]),
                penalty=rupiah(money["open_penalty"])))
        print(w("customer.paid", paid=rupiah(money["paid"]), credit=rupiah(money["credit"])))
        if plan is not None:
            print(w("customer.plan", uuid=plan.uuid, programme=plan.programme,
                    state=_word(PLAN_STATES, plan.state, w), branch=plan.branch_code,
                    day=plan.business_date))
    return 0


def _word(words: dict[str, str], code: str, w: Words) -> str:
    """A state's code in Bahasa Indonesia as the console says it; in English the code."""
    return words.get(code, code) if w.lang == "id" else code


def terms_publish(args: argparse.Namespace) -> int:
    with _writing(args) as session:
        done = masterdata.publish_terms_file(session, args.file)
        _audit(session, "terms.publish", f"{done.code} v{done.version}",
               f"{done.name}; sha256 {done.checksum[:16]}…"
               + ("" if done.created else " (already published)"))
    w = args.words
    verb = w("terms.published" if done.created else "terms.unchanged")
    print(w("terms.done", code=done.code, version=done.version, name=done.name, verb=verb))
    return 0


def exceptions(args: argparse.Namespace) -> int:
    w = args.words
    with _writing(args) as session:
        if args.resolve is not None:
            info = exception_queue.resolve(session, args.resolve, args.note)
            _audit(session, "exception.resolve", f"#{info.id} {info.branch}", info.note)
            print(w("exception.resolved", id=info.id, note=info.note))
        elif args.reapply is not None:
            info = exception_queue.reapply(session, args.reapply, args.note)
            _audit(session, "exception.reapply", f"#{info.id} {info.branch}", info.note)
            print(w("exception.reapplied", id=info.id, event=info.event_id))
        else:
            rows = exception_queue.list_exceptions(session, include_resolved=args.all)
            for e in rows:
                state = (w("exception.state_resolved", day=f"{e.resolved_at:%Y-%m-%d}",
                           note=e.note) if e.resolved_at else w("exception.state_open"))
                reason = reason_text(e.reason) if w.lang == "id" else e.reason
                print(f"#{e.id} [{state}] {e.branch} {e.event_type or '-'} seq {e.seq or '-'} "
                      f"{rupiah(e.amount)} {reason}: {e.detail}")
            print(w("exception.count", n=len(rows)), file=sys.stderr)
    return 0


def change_request_list(args: argparse.Namespace) -> int:
    w = args.words
    state = None if args.state == "all" else args.state
    with _writing(args) as session:
        rows = change_requests.list_requests(session, args.branch, state)
    for r in rows:
        now = (w("request.now", version=r.current_version) if r.current_version is not None
               else w("request.not_held"))
        said_state = _word(REQUEST_STATES, r.state, w)
        print(w("request.line", id=r.id, state=said_state, branch=r.branch,
                at=f"{r.requested_at:%Y-%m-%d %H:%M}", cashier=r.cashier,
                connection_no=r.connection_no, seen=r.seen_version, now=now))
        for field, value in r.fields.items():  # pending: what approving would change
            now_value = f"{r.current.get(field, '')!r} → " if r.state == "pending" else ""
            print(f"    {field}: {now_value}{value!r}")
        print(w("request.reason", reason=r.reason))
        if r.decided_at is not None:
            print(w("request.decided", state=said_state, by=r.decided_by,
                    day=f"{r.decided_at:%Y-%m-%d}", note=r.note or "-"))
    print(w("request.count", n=len(rows)), file=sys.stderr)
    return 0


def change_request_approve(args: argparse.Namespace) -> int:
    with _writing(args) as session:
        info = change_requests.approve(session, args.id, args.by or _operator(),
                                       force=args.force, note=args.note)
        _audit(session, "change_request.approve", f"#{info.id} {info.connection_no}",
               f"{', '.join(info.fields)}; {info.note or '-'}", info.decided_by)
    print(args.words("request.approved", id=info.id, connection_no=info.connection_no,
                     version=info.current_version))
    return 0


def change_request_reject(args: argparse.Namespace) -> int:
    with _writing(args) as session:
        info = change_requests.reject(session, args.id, args.by or _operator(), args.note)
        _audit(session, "change_request.reject", f"#{info.id} {info.connection_no}",
               info.note, info.decided_by)
    print(args.words("request.rejected", id=info.id, note=info.note, branch=info.branch))
    return 0


def _audit(session: Session, action: str, target: str, detail: str,
           by: str | None = None) -> None:
    """The head-office audit trail's entry for a decision taken on the command line."""
    audit.record(session, f"cli:{by or _operator()}", action, target, detail)


def _operator() -> str:
    """Who decides, when not named: the user signed in to this computer."""
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return "head office"


def reconcile(args: argparse.Namespace) -> int:
    day = dt.date.fromisoformat(args.day) if args.day else None
    with _writing(args) as session:
        lines = reconciliation.branch_days(session, args.branch, day)
        payments = reconciliation.payment_days(session, args.branch, day)
        flagged = {device: detail for device, detail in anchors.flagged_devices(session).items()
                   if not args.branch or _branch_of(session, device) == args.branch}
    w = args.words
    print(_heading(w("reconcile.days"), (7, 11, 18, 10, 20, 21)))
    for r in lines:  # with a report, "received" is up to the reported sequence number
        told = f"{r.reported[0]:>5} {rupiah(r.reported[1]):>16}" if r.reported else "-"
        got = r.in_reported_range if r.reported else r.received
        status, verdict = _coded(w, "status", r.status), _coded(w, "verdict", r.verdict)
        print(f"{r.branch:6} {r.business_date} {r.type:17} {status:9} {got[0]:>5} "
              f"{rupiah(got[1]):>16} {told:>22}  {verdict}")
    print("\n" + _heading(w("reconcile.payments"), (7, 11, 10, 20, 20)))
    for p in payments:
        print(f"{p.branch:6} {p.business_date} {p.payments:>8}  {rupiah(p.received):>18}  "
              f"{rupiah(p.voided):>18}  {rupiah(p.credit):>16}")
    for detail in flagged.values():
        print("\n" + w("reconcile.flagged", detail=detail))
    if flagged:
        print(w("reconcile.flagged_note"), file=sys.stderr)
    if any(r.verdict == "MISMATCH" for r in lines):
        print(w("reconcile.mismatch"), file=sys.stderr)
        return 1
    return 1 if flagged else 0


def _coded(w: Words, kind: str, code: str) -> str:
    """A code of ``kind`` in words; a code without words as it is."""
    key = f"{kind}.{code}"
    return w(key) if key in w.catalogue else code


def _heading(titles: str, widths: tuple[int, ...]) -> str:
    """``a|b|c`` as a table heading, each title but the last padded to its column."""
    names = titles.split("|")
    return "".join(name.ljust(width) for name, width in zip(names, widths, strict=False)) \
        + names[-1]


def _branch_of(session: Session, device_id: str) -> str:
    device = session.get(Device, device_id)
    return device.branch_code if device is not None else ""


def bundle_import(args: argparse.Namespace) -> int:
    path: Path = args.file
    if not path.is_file() or path.stat().st_size > MAX_MEMBER:
        raise Refusal(args.words("bundle.not_a_bundle", path=path))
    reply_path = args.reply or path.with_name(f"{path.stem}-reply.zip")
    with opened(args) as db:
        try:
            reply = import_bundle(db, path.read_bytes())
        except BundleRefused as exc:
            raise Refusal(service_refusal(exc, args.words)) from exc
    reply_path.write_bytes(reply.data)
    print(args.words("bundle.done", name=path.name, applied=reply.applied,
                     rejected=reply.rejected, duplicates=reply.duplicates,
                     acked=reply.acked_through, changes=reply.changes, reply=reply_path))
    print(_chain_line(reply.audit, args.words))
    return 0


def _chain_line(checked: anchors.AnchorResult | None, w: Words) -> str:
    """What ``bundle import`` says of the counter's audit-chain head."""
    if checked is None:
        return w("chain.none")
    if checked.status in ("anchored", "stale"):
        return w(f"chain.{checked.status}", anchor=checked.anchor_id)
    return w("chain.flagged", message=checked.message)


def epoch_new(args: argparse.Namespace) -> int:
    with _writing(args) as session:
        epoch = start_epoch(session, args.note)
    print(args.words("epoch.started", epoch=epoch))
    return 0


def openapi(args: argparse.Namespace) -> int:
    args.output.write_text(openapi_text(), encoding="utf-8")
    print(args.words("openapi.written", path=args.output))
    return 0


def openapi_text() -> str:
    """The API's OpenAPI document as checked in (stable key order)."""
    schema = create_app("sqlite://", prepare=False).openapi()
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
