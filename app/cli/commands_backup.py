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


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser],
             common: argparse.ArgumentParser) -> None:
    backup = commands.add_parser("backup", parents=[common], help="backups of the database")
    actions = backup.add_subparsers(dest="action", metavar="ACTION", required=True)
    now = actions.add_parser("now", parents=[common],
                             help="back up now (into the backups folder, or --to PATH)")
    now.add_argument("--to", type=Path, metavar="PATH",
                     help="a folder (e.g. a USB stick) or a new .sqlite3 file")
    now.set_defaults(handler=run_now)
    listing = actions.add_parser("list", parents=[common], help="the backups, newest first")
    listing.set_defaults(handler=run_list)
    verify = actions.add_parser("verify", parents=[common],
                                help="check a backup file (integrity and audit chain)")
    verify.add_argument("file", type=Path, metavar="FILE")
    verify.set_defaults(handler=run_verify)
    back = commands.add_parser(
        "restore", parents=[common],
        help="replace the branch database with a backup (Loket must be closed)")
    back.add_argument("file", type=Path, metavar="FILE")
    back.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    back.set_defaults(handler=run_restore)


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
        raise Refusal("backup_unsound", f"the backup {path} was written but does not verify "
                                        f"({report.problem}): the database itself may be "
                                        "damaged; keep the previous backups")
    out.result(data, [f"Backup written and verified: {path} ({_size(size)})"])
    return 0


def run_list(args: argparse.Namespace, out: Output) -> int:
    folder = backup_dir(args.data_dir)
    found = list_backups(folder)
    rows = [(f"{b.taken_at:%Y-%m-%d %H:%M:%S}", b.kind, _size(b.size), b.path.name)
            for b in found]
    lines = ([f"Backups in {folder}:", *table(("taken", "kind", "size", "file"), rows,
                                             right=(2,))]
             if found else [f"No backups in {folder} yet."])
    out.result({"folder": str(folder), "backups": [_info_data(b) for b in found]}, lines)
    return 0


def run_verify(args: argparse.Namespace, out: Output) -> int:
    report = verify_backup(args.file)
    data = {"file": str(args.file), "ok": report.ok, "problems": list(report.problems),
            "findings": list(report.findings), "schema": report.revision,
            "branch": report.branch_code, "audit_records": report.audit_records,
            "payments": report.payments, "restored_from": report.restored_from}
    if not report.ok:
        out.error("backup_corrupt", f"the backup {args.file} must not be restored: "
                                    f"{report.problem}", extra=data,
                  lines=[f"FAILED: {args.file}", *(f"  {p}" for p in report.problems)])
        return 1
    lines = [f"OK: {args.file}: branch {report.branch_code}, schema {report.revision}, "
             f"{count(report.audit_records)} audit record(s), {count(report.payments)} "
             "payment(s); the file is sound and the audit chain is unbroken."]
    lines += [f"  note: {finding}" for finding in report.findings]
    out.result(data, lines)
    return 0


def run_restore(args: argparse.Namespace, out: Output) -> int:
    if not args.yes:
        _confirm(args.file, args.data_dir, out)
    report = restore(args.file, args.data_dir)
    out.result(_restore_data(report), _restore_lines(report))
    return 0


def _confirm(backup: Path, data_dir: Path, out: Output) -> None:
    question = (f"Replace the branch database in {data_dir} with {backup}? The current one "
                "is kept in the backups folder. Type 'yes' to go on: ")
    if out.json_mode or not sys.stdin or not sys.stdin.isatty():
        raise UsageError("restoring replaces the branch database: add --yes to confirm")
    if input(question).strip().lower() not in {"yes", "ya", "y"}:
        raise Refusal("restore_cancelled", "nothing was restored")


def _restore_data(report: RestoreReport) -> dict[str, Any]:
    return {"restored_from": str(report.restored_from), "database": str(report.database),
            "kept_previous": str(report.kept_previous) if report.kept_previous else None,
            "raised": [{"counter": r.counter, "sequence": r.name, "year": r.year,
                        "restored": r.restored, "raised_to": r.raised_to}
                       for r in report.raised],
            "warnings": list(report.warnings)}


def _restore_lines(report: RestoreReport) -> list[str]:
    lines = [f"Restored {report.database} from {report.restored_from}."]
    if report.kept_previous is not None:
        lines.append(f"The database it replaced is kept as {report.kept_previous}.")
    for r in report.raised:
        year = f" {r.year}" if r.year else ""
        lines.append(f"  {r.counter} {r.name.replace('_', ' ')}{year}: continues after "
                     f"{r.raised_to} (the backup ended at {r.restored})")
    lines += [f"WARNING: {warning}" for warning in report.warnings]
    return lines
