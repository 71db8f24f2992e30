"""``init`` (a new branch database, or a demo branch) and ``summary``."""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from app.bootstrap import open_branch
from app.cli.common import Refusal, UsageError, opened
from app.cli.output import Output, count, rupiah
from app.models.database import database_path
from app.services.context import local_counter
from app.services.errors import DomainError
from app.services.setup import BranchSetup, initialise_branch
from app.services.summary import branch_summary

_CODE_RE = re.compile(r"^[A-Z0-9]{1,16}$")
_SETUP_OPTIONS = ("branch_code", "branch_name", "counter_code")


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser],
             common: argparse.ArgumentParser) -> None:
    init = commands.add_parser("init", parents=[common], help="create the branch database")
    init.add_argument("--demo", action="store_true",
                      help="create a demo branch full of invented customers and bills")
    init.add_argument("--customers", type=int, metavar="N", help="demo: number of customers")
    init.add_argument("--seed", type=int, metavar="S", help="demo: random seed")
    init.add_argument("--branch-code", metavar="CODE", help="e.g. KPG")
    init.add_argument("--branch-name", metavar="NAME", help="e.g. 'Kantor Pelayanan Kota Kupang'")
    init.add_argument("--counter-code", metavar="CODE", help="this counter, e.g. L01")
    init.set_defaults(handler=run_init)
    summary = commands.add_parser("summary", parents=[common],
                                  help="customers, arrears, plans and payments at a glance")
    summary.set_defaults(handler=run_summary)


def run_init(args: argparse.Namespace, out: Output) -> int:
    _check_init_options(args)
    data_dir: Path = args.data_dir
    if _initialised(data_dir):
        raise Refusal("database_exists", f"{data_dir} already holds a branch database")
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
        [f"Branch {setup.branch_code} ({setup.branch_name}), counter {setup.counter_code} "
         f"created in {data_dir}.",
         "Next: add the people who will use this counter, for example",
         f"  {hint}",
         "and give each cashier the role 'cashier'."])
    return 0


def _check_init_options(args: argparse.Namespace) -> None:
    setup_given = [n for n in _SETUP_OPTIONS if getattr(args, n) is not None]
    if args.demo and setup_given:
        raise UsageError("--demo builds its own branch; leave out --branch-code/--branch-name/"
                         "--counter-code")
    if not args.demo and (args.customers is not None or args.seed is not None):
        raise UsageError("--customers and --seed go with --demo")
    for name in ("branch_code", "counter_code"):
        value = getattr(args, name)
        if value is not None and not _CODE_RE.match(value.strip()):
            raise UsageError(f"--{name.replace('_', '-')} must be 1-16 capital letters or digits")
    if args.branch_name is not None and not args.branch_name.strip():
        raise UsageError("--branch-name must not be empty")


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

    options: dict[str, Any] = {}
    if args.customers is not None:
        if not 1 <= args.customers <= MAX_CUSTOMERS:
            raise UsageError(f"--customers must be 1 to {MAX_CUSTOMERS}")
        options["customers"] = args.customers
    if args.seed is not None:
        options["seed"] = args.seed
    try:
        demo = create_demo_branch(args.data_dir, progress=_demo_progress, **options)
    except ValueError as exc:
        raise Refusal("demo_refused", str(exc)) from exc
    out.result(
        {"data_dir": str(args.data_dir), "demo": True, "customers": demo.customers,
         "sealed": demo.sealed, "arrears_total": demo.arrears_total, "bills": demo.bills,
         "seconds": demo.seconds},
        [f"Demo branch created in {args.data_dir} in {demo.seconds:.1f} s:",
         f"  {count(demo.customers)} customers, {count(demo.sealed)} sealed, "
         f"{count(demo.bills)} bills, arrears {rupiah(demo.arrears_total)}"])
    return 0


def _demo_progress(done: int, total: int) -> None:
    """A line on stderr per chunk of customers loaded (a million take a few minutes)."""
    print(f"  {count(done)} of {count(total)} customers loaded", file=sys.stderr, flush=True)


def run_summary(args: argparse.Namespace, out: Output) -> int:
    with opened(args.data_dir) as branch:
        summary = branch_summary(branch.reading())
    data = asdict(summary)
    enrolments = ", ".join(f"{state} {n}" for state, n in summary.enrolments.items())
    lines = [
        f"Customers      {count(summary.customers)}",
        f"Sealed         {count(summary.sealed)}",
        f"Arrears        {rupiah(summary.arrears_total)} (unpaid principal of open bills)",
        f"Enrolments     {enrolments}",
        f"Collected      {rupiah(summary.collected)} (payments not voided)",
        "Programmes",
        *(f"  {p.code} v{p.version}  {p.name}  {p.valid_from} to {p.valid_to}  "
          f"{count(p.enrolments)} enrolment(s)" for p in summary.programmes),
    ]
    out.result(data, lines)
    return 0
