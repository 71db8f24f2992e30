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
from app.services.command_line import Words
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

PHASES = ("push", "snapshot", "pull", "reconcile")  # said as ``phase.<name>``


def token_store() -> TokenStore:
    """The OS credential store, where the window keeps the token too."""
    return KeyringTokenStore()


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser],
             common: argparse.ArgumentParser, w: Words) -> None:
    reg = commands.add_parser("register", parents=[common], help=w("register.help"))
    reg.add_argument("url", metavar="URL", help=w("register.url"))
    reg.add_argument("code", metavar="CODE", help=w("register.code"))
    reg.add_argument("--ca-file", type=Path, metavar="FILE", help=w("register.ca"))
    reg.set_defaults(handler=run_register)

    sync = commands.add_parser("sync", parents=[common], help=w("sync.help"))
    sync.add_argument("--timeout", type=float, default=60.0, metavar="SECONDS",
                      help=w("sync.timeout"))
    sync.set_defaults(handler=run_sync_command)
    actions = sync.add_subparsers(dest="action", metavar=w("metavar.action"))
    status = actions.add_parser("status", parents=[common], help=w("sync.status"))
    status.set_defaults(handler=run_status)

    bundle = commands.add_parser("bundle", parents=[common], help=w("bundle.help"))
    steps = bundle.add_subparsers(dest="action", metavar=w("metavar.action"), required=True)
    export = steps.add_parser("export", parents=[common], help=w("bundle.export"))
    export.add_argument("folder", type=Path, metavar="DIR")
    export.set_defaults(handler=run_export)
    reply = steps.add_parser("import", parents=[common], help=w("bundle.import"))
    reply.add_argument("file", type=Path, metavar="FILE")
    reply.set_defaults(handler=run_import)


def run_register(args: argparse.Namespace, out: Output) -> int:
    with opened(args.data_dir) as branch:
        link = HttpTransport(args.url, ca_file=args.ca_file, timeout=30)
        done = register_device(branch.writing(), link, args.url, args.code,
                               store=token_store(), ca_file=args.ca_file)
    out.result({"registered": True, "url": done.url, "branch": done.branch,
                "counter": done.counter, "device_id": done.device_id, "epoch": done.epoch},
               [out.words("register.done", counter=done.counter, branch=done.branch,
                          url=done.url), out.words("register.next")])
    return 0


class _Progress:
    """Progress lines on stderr (a terminal sees one line rewritten in place)."""

    def __init__(self, words: Words) -> None:
        self.words = words
        self.meter = RateMeter()
        self.tty = sys.stderr.isatty()
        self.last = ""

    def __call__(self, progress: SyncProgress) -> None:
        w = self.words
        rate = self.meter.update(progress)
        phase = w(f"phase.{progress.phase}") if progress.phase in PHASES else progress.phase
        if progress.phase == "snapshot" and progress.total:
            text = w("progress.snapshot", phase=phase, done=size_text(progress.done),
                     total=size_text(progress.total),
                     percent=100 * progress.done // progress.total,
                     rate=size_text(rate.bytes_per_second))
            if rate.seconds_left is not None:
                text += w("progress.left", time=duration_text(rate.seconds_left))
        else:
            of = w("progress.of", total=count(progress.total)) if progress.total else ""
            text = w("progress.line", phase=phase, done=count(progress.done), of=of,
                     sent=size_text(progress.bytes_sent),
                     received=size_text(progress.bytes_received))
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
        progress = _Progress(out.words)
        try:
            report = run_sync(branch.writing, transport, progress=progress)
        finally:
            progress.done()
    data = _report_data(report)
    if report.reconciliation is not None and not report.reconciliation.ok:
        out.error("reconcile_mismatch", out.words("sync.mismatch"), data)
        return 1
    out.result(data, _report_lines(report, out.words))
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


def _report_lines(report: SyncReport, w: Words) -> list[str]:
    lines = [w("sync.done", at=f"{report.finished_at:%Y-%m-%d %H:%M}",
               acked=count(report.acked), pulled=count(report.pulled),
               sent=size_text(report.bytes_sent), received=size_text(report.bytes_received))]
    if report.rejected:
        lines.append(w("sync.rejected", n=count(len(report.rejected))))
    if report.epoch_changed:
        lines.append(w("sync.epoch"))
    return lines


def run_status(args: argparse.Namespace, out: Output) -> int:
    with opened(args.data_dir) as branch:
        data = _status(branch)
    w = out.words
    where = (w("status.registered", url=data["url"]) if data["registered"]
             else w("status.not_registered"))
    out.result(data, [w("status.counter", where=where),
                      w("status.pending", n=count(data["pending_events"])),
                      w("status.last", last=data["last_sync"] or w("status.never")),
                      w("status.cursor", cursor=data["cursor"] or w("status.no_cursor")),
                      *([w("status.snapshot", size=size_text(data["snapshot_kept_bytes"]))]
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
        raise Refusal("not_a_folder", out.words("export.not_folder", path=folder))
    with opened(args.data_dir) as branch:
        found = registration(branch.reading())
        if found is None:
            raise DomainError(ErrorCode.SYNC_NOT_REGISTERED)
        with branch.reading() as uow:
            stamp = uow.now.strftime("%Y%m%d-%H%M%S")
        path = folder / f"loket-{found.branch}-{found.counter}-{stamp}.zip"
        info = export_bundle(branch.writing, token_store(), path)
    w = out.words
    seq = (w("export.events", first=info.first_seq, last=info.last_seq)
           if info.first_seq is not None else w("export.none"))
    out.result({"path": str(info.path), "events": info.events, "first_seq": info.first_seq,
                "last_seq": info.last_seq, "counts": info.counts, "amounts": info.amounts},
               [w("export.written", path=info.path, seq=seq), w("export.next")])
    return 0


def run_import(args: argparse.Namespace, out: Output) -> int:
    with opened(args.data_dir) as branch:
        done = import_reply(branch.writing, token_store(), args.file)
    acked = done.acks.acked if done.acks else 0
    data = {"acked": acked, "changes": done.changes, "resend_from": done.resend_from,
            "audit": done.audit}
    w = out.words
    lines = [w("reply.done", acked=count(acked), changes=count(done.changes))]
    if data["resend_from"]:
        lines.append(w("reply.resend", seq=data["resend_from"]))
    if done.audit == "flagged":
        lines.append(w("reply.flagged"))
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
