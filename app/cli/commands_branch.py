"""``init`` (a new branch database, or a demo branch) and ``summary``."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from app.bootstrap import open_branch
from app.cli.common import Refusal, UsageError, opened
from app.cli.output import Output, count, in_words, rupiah
from app.models.database import database_path
from app.services.command_line import Words
from app.services.context import local_counter
from app.services.errors import DomainError
from app.services.setup import BranchSetup, initialise_branch
from app.services.summary import branch_summary

_CODE_RE = re.compile(r"^[A-Z0-9]{1,16}$")
_SETUP_OPTIONS = ("branch_code", "branch_name", "counter_code")


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser],
             common: argparse.ArgumentParser, w: Words) -> None:
    init = commands.add_parser("init", parents=[common], help=w("init.help"))
    init.add_argument("--demo", action="store_true", help=w("init.demo"))
    init.add_argument("--customers", type=int, metavar="N", help=w("init.customers"))
    init.add_argument("--seed", type=int, metavar="S", help=w("init.seed"))
    init.add_argument("--branch-code", metavar="CODE", help=w("init.branch_code"))
    init.add_argument("--branch-name", metavar="NAME", help=w("init.branch_name"))
    init.add_argument("--counter-code", metavar="CODE", help=w("init.counter_code"))
    init.set_defaults(handler=run_init)
    summary = commands.add_parser("summary", parents=[common], help=w("summary.help"))
    summary.set_defaults(handler=run_summary)


def run_init(args: argparse.Namespace, out: Output) -> int:
    w = out.words
    _check_init_options(args, w)
    data_dir: Path = args.data_dir
    if _initialised(data_dir):
        raise Refusal("database_exists", w("init.exists", path=data_dir))
    if args.demo:
        return _init_demo(args, out)
    setup = BranchSetup(**{
        name: value.strip() for name in _SETUP_OPTIONS
        if (value := getattr(args, name)) is not None})
    branch = open_branch(data_dir, create=True)
    try:
        initialise_branch(branch.writing(), setup)
    finally:
        branch.close()
    hint = f"loket-admin --data-dir \"{data_dir}\" users add USERNAME --role admin --name \"...\""
    out.result(
        {"data_dir": str(data_dir), "branch_code": setup.branch_code,
         "counter_code": setup.counter_code, "demo": False},
        [w("init.done", branch=setup.branch_code, name=setup.branch_name,
           counter=setup.counter_code, path=data_dir),
         w("init.next"), f"  {hint}", w("init.roles")])
    return 0


def _check_init_options(args: argparse.Namespace, w: Words) -> None:
    setup_given = [n for n in _SETUP_OPTIONS if getattr(args, n) is not None]
    if args.demo and setup_given:
        raise UsageError(w("init.demo_with_setup"))
    if not args.demo and (args.customers is not None or args.seed is not None):
        raise UsageError(w("init.demo_only"))
    for name in ("branch_code", "counter_code"):
        value = getattr(args, name)
        if value is not None and not _CODE_RE.match(value.strip()):
            raise UsageError(w("init.code_format", option=f"--{name.replace('_', '-')}"))
    if args.branch_name is not None and not args.branch_name.strip():
        raise UsageError(w("init.name_empty"))


def _initialised(data_dir: Path) -> bool:
    if not database_path(data_dir).exists():
        return False
    with opened(data_dir) as branch, branch.reading() as uow:
        try:
            local_counter(uow.session)
        except DomainError:
            return False
    return True


def _init_demo(args: argparse.Namespace, out: Output) -> int:
    from app.services.demo.branch import MAX_CUSTOMERS, create_demo_branch

    w = out.words
    options: dict[str, Any] = {}
    if args.customers is not None:
        if not 1 <= args.customers <= MAX_CUSTOMERS:
            raise UsageError(w("init.customers_range", limit=MAX_CUSTOMERS))
        options["customers"] = args.customers
    if args.seed is not None:
        options["seed"] = args.seed
    try:
        demo = create_demo_branch(args.data_dir, progress=_demo_progress(w), **options)
    except ValueError as exc:
        raise Refusal("demo_refused", str(exc)) from exc
    out.result(
        {"data_dir": str(args.data_dir), "demo": True, "customers": demo.customers,
         "sealed": demo.sealed, "arrears_total": demo.arrears_total, "bills": demo.bills,
         "seconds": demo.seconds},
        [w("init.demo_done", path=args.data_dir, seconds=f"{demo.seconds:.1f}"),
         w("init.demo_counts", customers=count(demo.customers), sealed=count(demo.sealed),
           bills=count(demo.bills), arrears=rupiah(demo.arrears_total))])
    return 0


def _demo_progress(w: Words) -> Callable[[int, int], None]:
    """A line on stderr per chunk of customers loaded (a million take a few minutes)."""
    def progress(done: int, total: int) -> None:
        print(w("init.progress", done=count(done), total=count(total)), file=sys.stderr,
              flush=True)
    return progress


def run_summary(args: argparse.Namespace, out: Output) -> int:
    with opened(args.data_dir) as branch:
        summary = branch_summary(branch.reading())
    data = asdict(summary)
    w = out.words
    enrolments = ", ".join(f"{in_words('plan', state, w)} {n}"
                           for state, n in summary.enrolments.items())
    lines = [
        f"{w('summary.customers'):15}{count(summary.customers)}",
        f"{w('summary.sealed'):15}{count(summary.sealed)}",
        f"{w('summary.arrears'):15}{rupiah(summary.arrears_total)} {w('summary.arrears_note')}",
        f"{w('summary.enrolments'):15}{enrolments}",
        f"{w('summary.collected'):15}{rupiah(summary.collected)} {w('summary.collected_note')}",
        w("summary.programmes"),
        *(w("summary.programme", code=p.code, version=p.version, name=p.name,
            start=p.valid_from, end=p.valid_to, n=count(p.enrolments))
          for p in summary.programmes),
    ]
    out.result(data, lines)
    return 0
