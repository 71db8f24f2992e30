"""``register``, ``sync``, ``sync status`` and ``bundle export|import``: syncing with
head office without the window (a scheduled nightly sync, a script).

Each calls the same services as the counter window. ``sync`` pushes, then pulls (the
branch snapshot first on a new counter), then reconciles, with its progress on stderr;
it exits 0 only when all of that finished and head office's totals agree.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.bootstrap import BranchDatabase
from app.cli.common import Refusal, opened
from app.cli.output import Output, count
from app.services.errors import DomainError, ErrorCode
from app.services.sync import (
    HttpTransport,
    KeyringTokenStore,
    SyncProgress,
    SyncReport,
    TokenStore,
    export_bundle,
    import_reply,
    last_sync,
    open_transport,
    pending_events,
    register_device,
    registration,
    run_sync,
)
from app.services.sync.progress import RateMeter
from app.services.sync.protocol import ACKED_THROUGH_KEY, CURSOR_KEY, get_setting
from app.services.sync.snapshot import kept_bytes

PHASES = {"push": "sending events", "snapshot": "branch snapshot", "pull": "master data",
          "reconcile": "checking totals"}


def token_store() -> TokenStore:
    """The OS credential store, where the window keeps the token too."""
    return KeyringTokenStore()


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser],
             common: argparse.ArgumentParser) -> None:
    reg = commands.add_parser("register", parents=[common],
                              help="register this counter with head office (one-time code)")
    reg.add_argument("url", metavar="URL", help="head office's address, e.g. https://pusat:8443")
    reg.add_argument("code", metavar="CODE", help="the one-time code head office printed")
    reg.add_argument("--ca-file", type=Path, metavar="FILE",
                     help="the certificate authority head office's certificate is signed by")
    reg.set_defaults(handler=run_register)

    sync = commands.add_parser("sync", parents=[common],
                               help="sync with head office now: push, then pull")
    sync.add_argument("--timeout", type=float, default=60.0, metavar="SECONDS",
                      help="give up on an answer after this long (default 60)")
    sync.set_defaults(handler=run_sync_command)
    actions = sync.add_subparsers(dest="action", metavar="ACTION")
    status = actions.add_parser("status", parents=[common],
                                help="pending events, the last sync, the cursor")
    status.set_defaults(handler=run_status)

    bundle = commands.add_parser("bundle", parents=[common],
                                 help="sync bundles for a branch with no link (USB stick)")
    steps = bundle.add_subparsers(dest="action", metavar="ACTION", required=True)
    export = steps.add_parser("export", parents=[common],
                              help="write the pending events to a bundle in DIR")
    export.add_argument("folder", type=Path, metavar="DIR")
    export.set_defaults(handler=run_export)
    reply = steps.add_parser("import", parents=[common],
                             help="apply head office's reply bundle")
    reply.add_argument("file", type=Path, metavar="FILE")
    reply.set_defaults(handler=run_import)


def run_register(args: argparse.Namespace, out: Output) -> int:
    with opened(args.data_dir) as branch:
        link = HttpTransport(args.url, ca_file=args.ca_file, timeout=30)
        done = register_device(branch.writing(), link, args.url, args.code,
                               store=token_store(), ca_file=args.ca_file)
    out.result({"registered": True, "url": done.url, "branch": done.branch,
                "counter": done.counter, "device_id": done.device_id, "epoch": done.epoch},
               [f"Counter {done.counter} of branch {done.branch} is registered with "
                f"head office at {done.url}.", "Sync now with: loket-admin sync"])
    return 0


class _Progress:
    """Progress lines on stderr (a terminal sees one line rewritten in place)."""

    def __init__(self) -> None:
        self.meter = RateMeter()
        self.tty = sys.stderr.isatty()
        self.last = ""

    def __call__(self, progress: SyncProgress) -> None:
        rate = self.meter.update(progress)
        if progress.phase == "snapshot" and progress.total:
            text = (f"{PHASES['snapshot']}: {size_text(progress.done)} of "
                    f"{size_text(progress.total)} ({100 * progress.done // progress.total}%)"
                    f", {size_text(rate.bytes_per_second)}/s")
            if rate.seconds_left is not None:
                text += f", {duration_text(rate.seconds_left)} left"
        else:
            of = f" of {count(progress.total)}" if progress.total else ""
            text = (f"{PHASES.get(progress.phase, progress.phase)}: {count(progress.done)}"
                    f"{of} · {size_text(progress.bytes_sent)} sent, "
                    f"{size_text(progress.bytes_received)} received")
        if text != self.last:
            self.last = text
            print(f"\r{text}\x1b[K" if self.tty else text, end="" if self.tty else "\n",
                  file=sys.stderr, flush=True)

    def done(self) -> None:
        if self.tty and self.last:
            print(file=sys.stderr)


def run_sync_command(args: argparse.Namespace, out: Output) -> int:
    with opened(args.data_dir) as branch:
        transport = open_transport(branch.reading(), token_store(), timeout=args.timeout)
        progress = _Progress()
        try:
            report = run_sync(branch.writing, transport, progress=progress)
        finally:
            progress.done()
    data = _report_data(report)
    if report.reconciliation is not None and not report.reconciliation.ok:
        out.error("reconcile_mismatch", "the sync finished, but head office's totals differ "
                  "from this counter's (see the mismatches); tell head office", data)
        return 1
    out.result(data, _report_lines(report))
    return 0


def _report_data(report: SyncReport) -> dict[str, Any]:
    mismatches = report.reconciliation.mismatches if report.reconciliation else ()
    return {"synced": report.ok, "pushed": report.pushed, "acked": report.acked,
            "duplicates": report.duplicates, "resent": report.resent,
            "rejected": [{"id": r.id, "seq": r.seq, "type": r.type, "reason": r.reason}
                         for r in report.rejected],
            "pulled": report.pulled, "epoch_changed": report.epoch_changed,
            "mismatches": [{"business_date": m.business_date, "type": m.type,
                            "branch": [m.branch_count, m.branch_amount],
                            "head_office": [m.office_count, m.office_amount]}
                           for m in mismatches],
            "finished_at": report.finished_at, "bytes_sent": report.bytes_sent,
            "bytes_received": report.bytes_received}


def _report_lines(report: SyncReport) -> list[str]:
    lines = [f"Synced with head office at {report.finished_at:%Y-%m-%d %H:%M}: "
             f"{count(report.acked)} event(s) acknowledged, {count(report.pulled)} change(s) "
             f"pulled ({size_text(report.bytes_sent)} sent, "
             f"{size_text(report.bytes_received)} received)."]
    if report.rejected:
        lines.append(f"{count(len(report.rejected))} event(s) went to head office's "
                     "exceptions queue: see the counter's sync window.")
    if report.epoch_changed:
        lines.append("Head office was restored from a backup: master data was pulled again.")
    return lines


def run_status(args: argparse.Namespace, out: Output) -> int:
    with opened(args.data_dir) as branch:
        data = _status(branch)
    where = f"registered with {data['url']}" if data["registered"] else "NOT registered"
    last = data["last_sync"] or "never"
    out.result(data, [f"Counter: {where}",
                      f"Pending events: {count(data['pending_events'])}",
                      f"Last successful sync: {last}",
                      f"Cursor: {data['cursor'] or '(none: the next pull starts afresh)'}",
                      *([f"Snapshot download kept: {size_text(data['snapshot_kept_bytes'])}"]
                        if data["snapshot_kept_bytes"] else [])])
    return 0


def _status(branch: BranchDatabase) -> dict[str, Any]:
    found = registration(branch.reading())
    with branch.reading() as uow:
        cursor = get_setting(uow.session, CURSOR_KEY) or ""
        acked = get_setting(uow.session, ACKED_THROUGH_KEY)
    synced = last_sync(branch.reading())
    return {"registered": found is not None, "url": found.url if found else None,
            "branch": found.branch if found else None,
            "counter": found.counter if found else None,
            "pending_events": pending_events(branch.reading()),
            "last_sync": synced.isoformat() if synced else None, "cursor": cursor,
            "acked_through": int(acked) if acked and acked.isdigit() else None,
            "snapshot_kept_bytes": kept_bytes(branch.data_dir)}


def run_export(args: argparse.Namespace, out: Output) -> int:
    folder: Path = args.folder
    if not folder.is_dir():
        raise Refusal("not_a_folder", f"{folder} is not a folder")
    with opened(args.data_dir) as branch:
        found = registration(branch.reading())
        if found is None:
            raise DomainError(ErrorCode.SYNC_NOT_REGISTERED)
        with branch.reading() as uow:
            stamp = uow.now.strftime("%Y%m%d-%H%M%S")
        path = folder / f"loket-{found.branch}-{found.counter}-{stamp}.zip"
        info = export_bundle(branch.writing, token_store(), path)
    seq = (f"events {info.first_seq} to {info.last_seq}" if info.first_seq is not None
           else "no pending events")
    out.result({"path": str(info.path), "events": info.events, "first_seq": info.first_seq,
                "last_seq": info.last_seq, "counts": info.counts, "amounts": info.amounts},
               [f"Bundle written: {info.path} ({seq}).",
                "Take it to head office; import its reply with: loket-admin bundle import "
                "FILE"])
    return 0


def run_import(args: argparse.Namespace, out: Output) -> int:
    with opened(args.data_dir) as branch:
        done = import_reply(branch.writing, token_store(), args.file)
    acked = done.acks.acked if done.acks else 0
    data = {"acked": acked, "changes": done.changes, "resend_from": done.resend_from,
            "audit": done.audit}
    lines = [f"Reply imported: {count(acked)} event(s) acknowledged, "
             f"{count(done.changes)} change(s) applied."]
    if data["resend_from"]:
        lines.append(f"Head office lacks events from {data['resend_from']} on: export a new "
                     "bundle (loket-admin bundle export DIR).")
    if done.audit == "flagged":
        lines.append("Head office flagged this counter's audit chain: no payment is taken "
                     "until head office and a supervisor clear it.")
    out.result(data, lines)
    return 0


def size_text(size: float) -> str:
    """``512 B``, ``48,2 kB``, ``1,4 MB`` (decimal units; a decimal comma, as the
    counts' thousands are grouped with points)."""
    if size < 1000:
        return f"{size:.0f} B"
    if size < 1_000_000:
        return f"{size / 1000:.1f} kB".replace(".", ",")
    return f"{size / 1_000_000:.1f} MB".replace(".", ",")


def duration_text(seconds: float) -> str:
    """``45 s``, ``3 min 05 s``."""
    whole = round(seconds)
    return f"{whole} s" if whole < 60 else f"{whole // 60} min {whole % 60:02d} s"
