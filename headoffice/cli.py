"""``loket-headoffice``: serve the API and look after the head-office database.

Exit status: 0 done, 1 refused (the reason on stderr), 2 the command line was wrong.
Every command takes ``--database-url`` (default: ``$LOKET_HEADOFFICE_DATABASE_URL``,
else an SQLite file in the user data folder).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sqlalchemy.exc import OperationalError

from app.services.settings import LANGUAGES
from headoffice import cli_commands as cmd
from headoffice.console.roles import ROLES
from headoffice.db import default_database_url
from headoffice.evaluation import command as evaluation_command
from headoffice.outreach import command as outreach_command
from headoffice.serve import DEFAULT_HOST, DEFAULT_PORT


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--database-url", metavar="URL", default=argparse.SUPPRESS,
                        help="postgresql://user@host/db or sqlite:///file "
                             "(default: $LOKET_HEADOFFICE_DATABASE_URL or a local SQLite file)")
    parser = argparse.ArgumentParser(prog="loket-headoffice", parents=[common],
                                     description="Loket head office: sync API and admin.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def add(name: str, handler: cmd.Handler, help_text: str,
            parent: argparse._SubParsersAction[argparse.ArgumentParser] = sub
            ) -> argparse.ArgumentParser:
        p = parent.add_parser(name, parents=[common], help=help_text, description=help_text)
        p.set_defaults(handler=handler)
        return p

    p = add("serve", cmd.serve, "run the sync API and the web console (uvicorn)")
    p.add_argument("--host", default=DEFAULT_HOST)
    p.add_argument("--port", type=int, default=DEFAULT_PORT)
    p.add_argument("--tls-cert", type=Path, metavar="PEM")
    p.add_argument("--tls-key", type=Path, metavar="PEM")
    p = add("init", cmd.init, "create the database (and with --demo, the demo data)")
    p.add_argument("--demo", action="store_true")
    p.add_argument("--customers", type=int, default=None, help="demo size (default 17,405)")
    p.add_argument("--seed", type=int, default=2025)

    branch = add("branch", cmd.usage, "branches").add_subparsers(dest="action", required=True)
    p = add("add", cmd.branch_add, "add a branch", branch)
    p.add_argument("code")
    p.add_argument("name")
    add("list", cmd.branch_list, "list the branches", branch)

    device = add("device", cmd.usage, "counter devices").add_subparsers(dest="action",
                                                                        required=True)
    p = add("register", cmd.device_register, "print a one-time registration code", device)
    p.add_argument("branch")
    p.add_argument("counter")
    p = add("revoke", cmd.device_revoke, "refuse a device from now on", device)
    p.add_argument("device_id")
    add("list", cmd.device_list, "list the registered devices", device)

    user = add("user", cmd.usage, "counter users").add_subparsers(dest="action", required=True)
    p = add("add", cmd.user_add, "add a user (password read from standard input)", user)
    p.add_argument("username")
    p.add_argument("role", choices=("cashier", "supervisor", "admin"))
    p.add_argument("--full-name", default="")
    p.add_argument("--branch", default=None, help="only this branch (default: every branch)")

    staff = add("staff", cmd.usage, "head-office staff of the web console").add_subparsers(
        dest="action", required=True)
    p = add("add", cmd.staff_add, "add a staff user (password read from standard input)",
            staff)
    p.add_argument("username")
    p.add_argument("--role", required=True, choices=ROLES)
    p.add_argument("--full-name", default="")
    add("list", cmd.staff_list, "list the staff users", staff)
    add("disable", cmd.staff_disable, "refuse a staff user's sign-in from now on",
        staff).add_argument("username")

    for name, handler in (("import-customers", cmd.import_customers),
                          ("import-bills", cmd.import_bills)):
        p = add(name, handler,
                f"{name.split('-')[1]} from a billing-system CSV (all or nothing)")
        p.add_argument("file", type=Path)
        p.add_argument("--lang", choices=LANGUAGES, default="id",
                       help="language of the problems found in the file: id (Bahasa "
                            "Indonesia, the default) or en (English)")
    add("customer", cmd.customer, "head office's view of one customer's money").add_argument(
        "connection_no")
    terms = add("terms", cmd.usage, "promotion terms").add_subparsers(dest="action",
                                                                      required=True)
    add("publish", cmd.terms_publish, "publish a terms file to every branch",
        terms).add_argument("file", type=Path)

    p = add("exceptions", cmd.exceptions, "list, resolve or re-apply rejected events")
    p.add_argument("--all", action="store_true", help="resolved ones too")
    p.add_argument("--resolve", type=int, metavar="ID")
    p.add_argument("--reapply", type=int, metavar="ID")
    p.add_argument("--note", default="")
    p = add("change-requests", cmd.change_request_list,
            "customer changes asked for at branches: list (pending by default), approve, reject")
    p.add_argument("--branch")
    p.add_argument("--state", choices=("pending", "approved", "rejected", "all"),
                   default="pending")
    decide = p.add_subparsers(dest="action", metavar="ACTION")
    p = add("approve", cmd.change_request_approve, "apply a request to the customer master "
            "(refused if the customer changed since the branch saw it)", decide)
    p.add_argument("id", type=int)
    p.add_argument("--by", help="who decides (default: this computer's user name)")
    p.add_argument("--force", action="store_true",
                   help="apply even though the customer changed since the request")
    p.add_argument("--note", default="")
    p = add("reject", cmd.change_request_reject, "close a request, customer unchanged", decide)
    p.add_argument("id", type=int)
    p.add_argument("--note", required=True, help="why (the branch is told)")
    p.add_argument("--by", help="who decides (default: this computer's user name)")
    p = add("reconcile", cmd.reconcile, "received vs reported, per branch and day")
    p.add_argument("--branch")
    p.add_argument("--day", help="YYYY-MM-DD")

    report = add("report", cmd.usage, "reports").add_subparsers(dest="action", required=True)
    evaluation_command.add_arguments(add(
        "programme", evaluation_command.report_programme,
        "a programme's evaluation across every branch (Indonesian text, --json, --pdf, "
        "--xlsx)", report))

    outreach_command.add_commands(add, sub, cmd.usage)

    bundle = add("bundle", cmd.usage, "sync bundles").add_subparsers(dest="action",
                                                                     required=True)
    p = add("import", cmd.bundle_import, "import a branch's bundle, write the reply", bundle)
    p.add_argument("file", type=Path)
    p.add_argument("--reply", type=Path, help="reply bundle (default: FILE-reply.zip)")
    epoch = add("epoch", cmd.usage, "epochs").add_subparsers(dest="action", required=True)
    add("new", cmd.epoch_new, "start a new epoch (after restoring a backup)",
        epoch).add_argument("--note", default="restored from a backup")
    add("openapi", cmd.openapi, "write the OpenAPI document").add_argument(
        "--output", type=Path, default=cmd.OPENAPI_FILE)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; returns the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 2
    args.database_url = getattr(args, "database_url", None) or default_database_url()
    try:
        return int(args.handler(args))
    except (cmd.Refusal, evaluation_command.CommandRefused) as exc:
        print(f"loket-headoffice {args.command}: {exc}", file=sys.stderr)
    except OperationalError as exc:
        print(f"loket-headoffice {args.command}: the database could not be used: {exc.orig}",
              file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
