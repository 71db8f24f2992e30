"""``backup now|list|verify`` and ``restore``: copies of the branch database and the way back."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.cli.common import Refusal, UsageError
from app.cli.output import Output, count, table
from app.models.database import database_path
from app.models.dbfile import backup_dir
from app.services.backup.copies import (
    BackupInfo,
    backup_now,
    backup_to,
    list_backups,
    verify_backup,
)
from app.services.backup.restore import RestoreReport, restore
from app.services.command_line import Words
from app.services.finding_words import finding_text
from app.services.findings import Finding


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser],
             common: argparse.ArgumentParser, w: Words) -> None:
    backup = commands.add_parser("backup", parents=[common], help=w("backup.help"))
    actions = backup.add_subparsers(dest="action", metavar=w("metavar.action"), required=True)
    now = actions.add_parser("now", parents=[common], help=w("backup.now"))
    now.add_argument("--to", type=Path, metavar="PATH", help=w("backup.to"))
    now.set_defaults(handler=run_now)
    listing = actions.add_parser("list", parents=[common], help=w("backup.list"))
    listing.set_defaults(handler=run_list)
    verify = actions.add_parser("verify", parents=[common], help=w("backup.verify"))
    verify.add_argument("file", type=Path, metavar="FILE")
    verify.set_defaults(handler=run_verify)
    back = commands.add_parser("restore", parents=[common], help=w("restore.help"))
    back.add_argument("file", type=Path, metavar="FILE")
    back.add_argument("--yes", action="store_true", help=w("restore.yes"))
    back.set_defaults(handler=run_restore)


def _said(finding: Finding, out: Output) -> str:
    return finding_text(finding, out.lang)


def _size(size: int) -> str:
    return f"{size / 1_048_576:.1f} MB"


def _info_data(info: BackupInfo) -> dict[str, Any]:
    return {"file": str(info.path), "taken_at": info.taken_at.isoformat(), "kind": info.kind,
            "label": info.label, "bytes": info.size}


def run_now(args: argparse.Namespace, out: Output) -> int:
    db_file = database_path(args.data_dir)
    if args.to is None:
        made: BackupInfo | Path = backup_now(db_file, backup_dir(args.data_dir))
    else:
        made = backup_to(db_file, args.to)
    path = made.path if isinstance(made, BackupInfo) else made
    report = verify_backup(path)
    size = path.stat().st_size
    data = {"file": str(path), "bytes": size, "verified": report.ok,
            "problems": list(report.problems)}
    if not report.ok:
        raise Refusal("backup_unsound", out.words("backup.unsound", path=path, problem=_said(
            report.refusals[0], out)))
    out.result(data, [out.words("backup.written", path=path, size=_size(size))])
    return 0


def run_list(args: argparse.Namespace, out: Output) -> int:
    folder = backup_dir(args.data_dir)
    found = list_backups(folder)
    rows = [(f"{b.taken_at:%Y-%m-%d %H:%M:%S}", b.kind, _size(b.size), b.path.name)
            for b in found]
    w = out.words
    lines = ([w("backup.in", folder=folder), *table(w("backup.headers").split("|"), rows,
                                                    right=(2,))]
             if found else [w("backup.none", folder=folder)])
    out.result({"folder": str(folder), "backups": [_info_data(b) for b in found]}, lines)
    return 0


def run_verify(args: argparse.Namespace, out: Output) -> int:
    report = verify_backup(args.file)
    data = {"file": str(args.file), "ok": report.ok, "problems": list(report.problems),
            "problem_codes": [f.code.value for f in report.refusals],
            "findings": list(report.findings),
            "finding_codes": [f.code.value for f in report.notes], "schema": report.revision,
            "branch": report.branch_code, "audit_records": report.audit_records,
            "payments": report.payments, "restored_from": report.restored_from}
    w = out.words
    if not report.ok:
        problems = [_said(f, out) for f in report.refusals]
        out.error("backup_corrupt", w("backup.must_not", file=args.file, problem=problems[0]),
                  extra=data,
                  lines=[w("backup.failed", file=args.file), *(f"  {p}" for p in problems)])
        return 1
    lines = [w("backup.ok", file=args.file, branch=report.branch_code, schema=report.revision,
               records=count(report.audit_records), payments=count(report.payments))]
    lines += [w("backup.note", text=_said(f, out)) for f in report.notes]
    out.result(data, lines)
    return 0


def run_restore(args: argparse.Namespace, out: Output) -> int:
    if not args.yes:
        _confirm(args.file, args.data_dir, out)
    report = restore(args.file, args.data_dir)
    out.result(_restore_data(report), _restore_lines(report, out.words))
    return 0


def _confirm(backup: Path, data_dir: Path, out: Output) -> None:
    question = out.words("restore.question", data_dir=data_dir, backup=backup)
    if out.json_mode or not sys.stdin or not sys.stdin.isatty():
        raise UsageError(out.words("restore.needs_yes"))
    if input(question).strip().lower() not in {"yes", "ya", "y"}:
        raise Refusal("restore_cancelled", out.words("restore.cancelled"))


def _restore_data(report: RestoreReport) -> dict[str, Any]:
    return {"restored_from": str(report.restored_from), "database": str(report.database),
            "kept_previous": str(report.kept_previous) if report.kept_previous else None,
            "raised": [{"counter": r.counter, "sequence": r.name, "year": r.year,
                        "restored": r.restored, "raised_to": r.raised_to}
                       for r in report.raised],
            "warnings": list(report.warnings),
            "warning_codes": [f.code.value for f in report.notices]}


def _restore_lines(report: RestoreReport, w: Words) -> list[str]:
    lines = [w("restore.done", database=report.database, source=report.restored_from)]
    if report.kept_previous is not None:
        lines.append(w("restore.kept", path=report.kept_previous))
    for r in report.raised:
        year = f" {r.year}" if r.year else ""
        lines.append(w("restore.raised", counter=r.counter, name=r.name.replace("_", " "),
                       year=year, raised=r.raised_to, restored=r.restored))
    lines += [w("restore.warning", text=finding_text(f, w.lang)) for f in report.notices]
    return lines
