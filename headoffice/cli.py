"""``loket-headoffice``: serve the API and look after the head-office database.

Exit status: 0 done, 1 refused (the reason on stderr), 2 the command line was wrong.
Every command takes ``--database-url`` (default: ``$LOKET_HEADOFFICE_DATABASE_URL``,
else an SQLite file in the user data folder) and ``--lang``: everything said for people
is in Bahasa Indonesia, or in English with ``--lang en`` (``cli_words.py``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sqlalchemy.exc import OperationalError

from app.services.command_line import Words, add_language_option, chosen_language, parser_class
from headoffice import cli_commands as cmd
from headoffice.cli_words import WORDS
from headoffice.console.roles import ROLES
from headoffice.db import default_database_url
from headoffice.evaluation import command as evaluation_command
from headoffice.outreach import command as outreach_command
from headoffice.serve import DEFAULT_HOST, DEFAULT_PORT


def build_parser(w: Words | None = None) -> argparse.ArgumentParser:
    """The command line in the language of ``w`` (Bahasa Indonesia by default)."""
    w = w or Words(WORDS, "id")
    common = parser_class(w.lang)(add_help=False)
    common.add_argument("--database-url", metavar="URL", default=argparse.SUPPRESS,
                        help=w("opt.database_url"))
    add_language_option(common, w)
    parser = parser_class(w.lang)(prog="loket-headoffice", parents=[common],
                                  description=w("description"))
    sub = parser.add_subparsers(dest="command", metavar=w("metavar.command"), required=True)
    action = w("metavar.action")

    def add(name: str, handler: cmd.Handler, help_text: str,
            parent: argparse._SubParsersAction[argparse.ArgumentParser] = sub
            ) -> argparse.ArgumentParser:
        p = parent.add_parser(name, parents=[common], help=help_text, description=help_text)
        p.set_defaults(handler=handler)
        return p

    p = add("serve", cmd.serve, w("serve"))
    p.add_argument("--host", default=DEFAULT_HOST)
    p.add_argument("--port", type=int, default=DEFAULT_PORT)
    p.add_argument("--tls-cert", type=Path, metavar="PEM")
    p.add_argument("--tls-key", type=Path, metavar="PEM")
    p = add("init", cmd.init, w("init"))
    p.add_argument("--demo", action="store_true")
    p.add_argument("--customers", type=int, default=None, help=w("init.customers"))
    p.add_argument("--seed", type=int, default=2025)

    branch = add("branch", cmd.usage, w("branch")).add_subparsers(
        dest="action", metavar=action, required=True)
    p = add("add", cmd.branch_add, w("branch.add"), branch)
    p.add_argument("code")
    p.add_argument("name")
    add("list", cmd.branch_list, w("branch.list"), branch)

    device = add("device", cmd.usage, w("device")).add_subparsers(
        dest="action", metavar=action, required=True)
    p = add("register", cmd.device_register, w("device.register"), device)
    p.add_argument("branch")
    p.add_argument("counter")
    p = add("revoke", cmd.device_revoke, w("device.revoke"), device)
    p.add_argument("device_id")
    add("list", cmd.device_list, w("device.list"), device)

    user = add("user", cmd.usage, w("user")).add_subparsers(
        dest="action", metavar=action, required=True)
    p = add("add", cmd.user_add, w("user.add"), user)
    p.add_argument("username")
    p.add_argument("role", choices=("cashier", "supervisor", "admin"))
    p.add_argument("--full-name", default="")
    p.add_argument("--branch", default=None, help=w("user.branch"))

    staff = add("staff", cmd.usage, w("staff")).add_subparsers(
        dest="action", metavar=action, required=True)
    p = add("add", cmd.staff_add, w("staff.add"), staff)
    p.add_argument("username")
    p.add_argument("--role", required=True, choices=ROLES)
    p.add_argument("--full-name", default="")
    add("list", cmd.staff_list, w("staff.list"), staff)
    add("disable", cmd.staff_disable, w("staff.disable"), staff).add_argument("username")

    for name, handler in (("import-customers", cmd.import_customers),
                          ("import-bills", cmd.import_bills)):
        p = add(name, handler, w("import", what=w(f"import.{name.split('-')[1]}")))
        p.add_argument("file", type=Path)
    add("customer", cmd.customer, w("customer")).add_argument("connection_no")
    terms = add("terms", cmd.usage, w("terms")).add_subparsers(
        dest="action", metavar=action, required=True)
    add("publish", cmd.terms_publish, w("terms.publish"), terms).add_argument(
        "file", type=Path)

    p = add("exceptions", cmd.exceptions, w("exceptions"))
    p.add_argument("--all", action="store_true", help=w("exceptions.all"))
    p.add_argument("--resolve", type=int, metavar="ID")
    p.add_argument("--reapply", type=int, metavar="ID")
    p.add_argument("--note", default="")
    p = add("change-requests", cmd.change_request_list, w("change-requests"))
    p.add_argument("--branch")
    p.add_argument("--state", choices=("pending", "approved", "rejected", "all"),
                   default="pending")
    decide = p.add_subparsers(dest="action", metavar=action)
    p = add("approve", cmd.change_request_approve, w("approve"), decide)
    p.add_argument("id", type=int)
    p.add_argument("--by", help=w("decide.by"))
    p.add_argument("--force", action="store_true", help=w("approve.force"))
    p.add_argument("--note", default="")
    p = add("reject", cmd.change_request_reject, w("reject"), decide)
    p.add_argument("id", type=int)
    p.add_argument("--note", required=True, help=w("reject.note"))
    p.add_argument("--by", help=w("decide.by"))
    p = add("reconcile", cmd.reconcile, w("reconcile"))
    p.add_argument("--branch")
    p.add_argument("--day", help="YYYY-MM-DD")

    report = add("report", cmd.usage, w("report")).add_subparsers(
        dest="action", metavar=action, required=True)
    evaluation_command.add_arguments(add(
        "programme", evaluation_command.report_programme, w("report.programme"), report), w)

    outreach_command.add_commands(add, sub, cmd.usage, w)

    bundle = add("bundle", cmd.usage, w("bundle")).add_subparsers(
        dest="action", metavar=action, required=True)
    p = add("import", cmd.bundle_import, w("bundle.import"), bundle)
    p.add_argument("file", type=Path)
    p.add_argument("--reply", type=Path, help=w("bundle.reply"))
    epoch = add("epoch", cmd.usage, w("epoch")).add_subparsers(
        dest="action", metavar=action, required=True)
    add("new", cmd.epoch_new, w("epoch.new"), epoch).add_argument(
        "--note", default="restored from a backup")
    add("openapi", cmd.openapi, w("openapi")).add_argument(
        "--output", type=Path, default=cmd.OPENAPI_FILE)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; returns the exit status."""
    argv = sys.argv[1:] if argv is None else list(argv)
    words = Words(WORDS, chosen_language(argv))
    parser = build_parser(words)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 2
    args.database_url = getattr(args, "database_url", None) or default_database_url()
    args.words = words
    try:
        return int(args.handler(args))
    except (cmd.Refusal, evaluation_command.CommandRefused) as exc:
        print(words("refused", command=args.command, message=exc), file=sys.stderr)
    except OperationalError as exc:
        print(words("database_error", command=args.command, problem=exc.orig),
              file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
