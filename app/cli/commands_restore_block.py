"""``restore-block status|release``: payments wait for head office after a restore.

After ``restore`` the counter takes no payment until head office has confirmed it (the
next sync, online or by bundle). For a branch with no link for days a supervisor may
release the block with a reason; the release is audited and reported to head office.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from app.cli.common import admin_actor, opened
from app.cli.output import Output
from app.services.backup.restore_block import ReleaseRequest, current_block, release_payments


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser],
             common: argparse.ArgumentParser) -> None:
    block = commands.add_parser("restore-block", parents=[common],
                                help="payments blocked after a restore: status, release")
    actions = block.add_subparsers(dest="action", metavar="ACTION", required=True)
    status = actions.add_parser("status", parents=[common],
                                help="are payments waiting for head office after a restore?")
    status.set_defaults(handler=run_status)
    release = actions.add_parser(
        "release", parents=[common],
        help="a supervisor allows payments before head office has confirmed the restore")
    release.add_argument("--supervisor", required=True, metavar="USER")
    release.add_argument("--reason", required=True, metavar="TEXT",
                         help="why payments cannot wait for a sync (kept in the audit trail)")
    release.add_argument("--password-stdin", action="store_true",
                         help="read the supervisor's password from standard input")
    release.set_defaults(handler=run_release)


def run_status(args: argparse.Namespace, out: Output) -> int:
    with opened(args.data_dir) as branch:
        block = current_block(branch.reading())
    if block is None:
        out.result({"blocked": False}, ["Payments are allowed: no restore is waiting for "
                                        "head office."])
        return 0
    out.result({"blocked": True, "restored_from": block.restored_from,
                "restored_at": block.restored_at},
               [f"Payments are BLOCKED: the database was restored from {block.restored_from} "
                f"at {block.restored_at}.",
                "Sync with head office, or release: loket-admin restore-block release "
                "--supervisor USER --reason TEXT"])
    return 0


def run_release(args: argparse.Namespace, out: Output) -> int:
    password = (sys.stdin.readline().rstrip("\r\n") if args.password_stdin
                else getpass.getpass(f"Password of {args.supervisor}: "))
    with opened(args.data_dir) as branch:
        done = release_payments(branch.writing(), admin_actor(branch),
                                ReleaseRequest(args.supervisor, password, args.reason))
    out.result({"released": True, "restored_from": done.restored_from,
                "restored_at": done.restored_at, "supervisor": done.supervisor,
                "reason": done.reason, "released_at": done.released_at.isoformat()},
               [f"Payments released by {done.supervisor}: {done.reason}",
                "Sync with head office as soon as there is a link."])
    return 0
