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
from app.services.command_line import Words


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser],
             common: argparse.ArgumentParser, w: Words) -> None:
    block = commands.add_parser("restore-block", parents=[common], help=w("block.help"))
    actions = block.add_subparsers(dest="action", metavar=w("metavar.action"), required=True)
    status = actions.add_parser("status", parents=[common], help=w("block.status"))
    status.set_defaults(handler=run_status)
    release = actions.add_parser("release", parents=[common], help=w("block.release"))
    release.add_argument("--supervisor", required=True, metavar="USER")
    release.add_argument("--reason", required=True, metavar="TEXT", help=w("block.reason"))
    release.add_argument("--password-stdin", action="store_true",
                         help=w("block.password_stdin"))
    release.set_defaults(handler=run_release)


def run_status(args: argparse.Namespace, out: Output) -> int:
    with opened(args.data_dir) as branch:
        block = current_block(branch.reading())
    if block is None:
        out.result({"blocked": False}, [out.words("block.allowed")])
        return 0
    out.result({"blocked": True, "restored_from": block.restored_from,
                "restored_at": block.restored_at},
               [out.words("block.blocked", source=block.restored_from, at=block.restored_at),
                out.words("block.hint")])
    return 0


def run_release(args: argparse.Namespace, out: Output) -> int:
    password = (sys.stdin.readline().rstrip("\r\n") if args.password_stdin
                else getpass.getpass(out.words("block.password", user=args.supervisor)))
    with opened(args.data_dir) as branch:
        done = release_payments(branch.writing(), admin_actor(branch),
                                ReleaseRequest(args.supervisor, password, args.reason))
    out.result({"released": True, "restored_from": done.restored_from,
                "restored_at": done.restored_at, "supervisor": done.supervisor,
                "reason": done.reason, "released_at": done.released_at.isoformat()},
               [out.words("block.released", user=done.supervisor, reason=done.reason),
                out.words("block.sync_soon")])
    return 0
