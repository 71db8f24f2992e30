"""Entry point of ``loket-admin``: parse the command line, dispatch, turn refusals into exits.

Exit status: 0 done, 1 refused (the reason on stderr; with ``--json`` an ``error`` object
on stdout), 2 the command line was wrong. Everything it says for people is in Bahasa
Indonesia, or in English with ``--lang en`` (``app/cli/words.py``); JSON keeps its keys
and codes in both.
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
from app.cli.words import WORDS
from app.services.command_line import Words, add_language_option, chosen_language, parser_class
from app.services.error_words import error_text
from app.services.errors import DomainError

_MODULES = (commands_branch, commands_accounts, commands_import, commands_users,
            commands_terms, commands_audit, commands_receipt, commands_report, commands_backup,
            commands_restore_block, commands_sync)


def common_options(words: Words) -> argparse.ArgumentParser:
    """``--data-dir``, ``--json`` and ``--lang``, accepted before and after the command."""
    common = parser_class(words.lang)(add_help=False)
    common.add_argument("--data-dir", type=Path, metavar="DIR",
                        default=argparse.SUPPRESS,
                        help=words("opt.data_dir", path=default_data_dir()))
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                        help=words("opt.json"))
    add_language_option(common, words)
    return common


def build_parser(words: Words | None = None) -> argparse.ArgumentParser:
    """The command line in the language of ``words`` (Bahasa Indonesia by default)."""
    words = words or Words(WORDS, "id")
    common = common_options(words)
    parser = parser_class(words.lang)(prog="loket-admin", parents=[common],
                                      description=words("description"))
    commands = parser.add_subparsers(dest="command", metavar=words("metavar.command"),
                                     required=True)
    for module in _MODULES:
        module.register(commands, common, words)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; returns the exit status."""
    _tolerate_unencodable_output()
    argv = sys.argv[1:] if argv is None else list(argv)
    words = Words(WORDS, chosen_language(argv))
    parser = build_parser(words)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 2
    args.data_dir = getattr(args, "data_dir", None) or default_data_dir()
    out = Output(getattr(args, "json", False), words)
    try:
        return int(args.handler(args, out))
    except UsageError as exc:
        print(words("usage_error", command=args.command, problem=exc), file=sys.stderr)
        return 2
    except DomainError as exc:
        out.error(exc.code.value, error_text(exc, words.lang))
    except Refusal as exc:
        out.error(exc.code, exc.message)
    except OperationalError as exc:
        out.error("database_error", words("database_error", problem=exc.orig))
    except BrokenPipeError:
        _silence_stdout()
    except KeyboardInterrupt:
        print(words("interrupted"), file=sys.stderr)
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
