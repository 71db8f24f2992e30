"""Entry point of ``loket-admin``: parse the command line, dispatch, turn refusals into exits.

Exit status: 0 done, 1 refused (the reason on stderr; with ``--json`` an ``error`` object
on stdout), 2 the command line was wrong.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from pathlib import Path

from sqlalchemy.exc import OperationalError

from app.cli import (
    commands_accounts,
    commands_audit,
    commands_backup,
    commands_branch,
    commands_import,
    commands_receipt,
    commands_report,
    commands_restore_block,
    commands_sync,
    commands_terms,
    commands_users,
)
from app.cli.common import Refusal, UsageError, default_data_dir
from app.cli.output import Output
from app.services.errors import DomainError

_MODULES = (commands_branch, commands_accounts, commands_import, commands_users,
            commands_terms, commands_audit, commands_receipt, commands_report, commands_backup,
            commands_restore_block, commands_sync)


def common_options() -> argparse.ArgumentParser:
    """``--data-dir`` and ``--json``, accepted before and after the command."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", type=Path, metavar="DIR",
                        default=argparse.SUPPRESS,
                        help=f"branch data folder (default: {default_data_dir()})")
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                        help="print machine-readable JSON")
    return common


def build_parser() -> argparse.ArgumentParser:
    common = common_options()
    parser = argparse.ArgumentParser(
        prog="loket-admin", parents=[common],
        description="Set up and look after a Loket branch database.")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in _MODULES:
        module.register(commands, common)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; returns the exit status."""
    _tolerate_unencodable_output()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 2
    args.data_dir = getattr(args, "data_dir", None) or default_data_dir()
    out = Output(getattr(args, "json", False))
    try:
        return int(args.handler(args, out))
    except UsageError as exc:
        print(f"loket-admin {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except DomainError as exc:
        out.error(exc.code.value, exc.message)
    except Refusal as exc:
        out.error(exc.code, exc.message)
    except OperationalError as exc:
        out.error("database_error", f"the database could not be used: {exc.orig}")
    except BrokenPipeError:
        _silence_stdout()
    except KeyboardInterrupt:
        print("loket-admin: interrupted", file=sys.stderr)
        return 130
    return 1


def _silence_stdout() -> None:
    """The reader of our output went away (``| head``): drop the rest quietly."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _tolerate_unencodable_output() -> None:
    """A console that cannot show a character prints '?' instead of failing."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="replace")


if __name__ == "__main__":
    sys.exit(main())
