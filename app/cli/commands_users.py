"""``users add`` / ``users list`` / ``users passwd``: the people who may log in here."""

from __future__ import annotations

import argparse
import getpass
import sys

from app.cli.common import Refusal, admin_actor, opened
from app.cli.output import Output, table
from app.models import Role
from app.services.command_line import Words
from app.services.users import add_user, change_password, list_users


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser],
             common: argparse.ArgumentParser, w: Words) -> None:
    users = commands.add_parser("users", parents=[common], help=w("users.help"))
    actions = users.add_subparsers(dest="action", metavar=w("metavar.action"), required=True)
    add = actions.add_parser("add", parents=[common], help=w("users.add"))
    add.add_argument("username", metavar="USERNAME")
    add.add_argument("--role", required=True, choices=[r.value for r in Role])
    add.add_argument("--name", required=True, metavar="FULL_NAME")
    _password_option(add, w)
    add.set_defaults(handler=run_add)
    listing = actions.add_parser("list", parents=[common], help=w("users.list"))
    listing.set_defaults(handler=run_list)
    passwd = actions.add_parser("passwd", parents=[common], help=w("users.passwd"))
    passwd.add_argument("username", metavar="USERNAME")
    _password_option(passwd, w)
    passwd.set_defaults(handler=run_passwd)


def _password_option(parser: argparse.ArgumentParser, w: Words) -> None:
    parser.add_argument("--password-stdin", action="store_true",
                        help=w("users.password_stdin"))


def read_password(from_stdin: bool, w: Words) -> str:
    """The new password: one line of stdin, or typed twice without echo."""
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(w("users.new_password"))
    if getpass.getpass(w("users.repeat")) != first:
        raise Refusal("password_mismatch", w("users.mismatch"))
    return first


def run_add(args: argparse.Namespace, out: Output) -> int:
    with opened(args.data_dir) as branch:
        actor = admin_actor(branch)
        password = read_password(args.password_stdin, out.words)
        user = add_user(branch.writing(), actor, args.username, args.name, args.role, password)
    out.result({"username": user.username, "full_name": user.full_name, "role": user.role},
               [out.words("users.added", username=user.username, name=user.full_name,
                          role=user.role)])
    return 0


def run_list(args: argparse.Namespace, out: Output) -> int:
    with opened(args.data_dir) as branch:
        users = list_users(branch.reading())
    data = [{"username": u.username, "full_name": u.full_name, "role": u.role,
             "active": u.active, "locked_until": u.locked_until} for u in users]
    w = out.words
    lines = table(w("users.headers").split("|"), (
        (u.username, u.full_name, u.role, _state(u.active, u.locked_until, w)) for u in users))
    out.result({"users": data}, lines if users else [w("users.none")])
    return 0


def _state(active: bool, locked_until: object, w: Words) -> str:
    if not active:
        return w("users.inactive")
    return w("users.locked", until=locked_until) if locked_until else w("users.active")


def run_passwd(args: argparse.Namespace, out: Output) -> int:
    with opened(args.data_dir) as branch:
        actor = admin_actor(branch)
        password = read_password(args.password_stdin, out.words)
        change_password(branch.writing(), actor, args.username, password)
    out.result({"username": args.username.strip().lower(), "changed": True},
               [out.words("users.changed", username=args.username)])
    return 0
