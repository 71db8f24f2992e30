"""``audit verify`` (tamper and gap checks) and ``plans check`` (broken instalment plans)."""

from __future__ import annotations

import argparse

from app.cli.common import admin_actor, opened, parse_date
from app.cli.output import Output, count
from app.services.audit.integrity import check_integrity


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser],
             common: argparse.ArgumentParser) -> None:
    audit = commands.add_parser("audit", parents=[common], help="the audit trail")
    audit_actions = audit.add_subparsers(dest="action", metavar="ACTION", required=True)
    verify = audit_actions.add_parser(
        "verify", parents=[common],
        help="check the audit chain, payment records and number sequences")
    verify.set_defaults(handler=run_verify)
    plans = commands.add_parser("plans", parents=[common], help="instalment plans")
    plan_actions = plans.add_subparsers(dest="action", metavar="ACTION", required=True)
    check = plan_actions.add_parser(
        "check", parents=[common],
        help="break plans overdue beyond their grace days and order re-sealing")
    check.add_argument("--on", metavar="DATE", help="as on this day (default: business date)")
    check.set_defaults(handler=run_plans_check)


def run_verify(args: argparse.Namespace, out: Output) -> int:
    with opened(args.data_dir) as branch, branch.reading() as uow:
        report = check_integrity(uow.session)
    data = {
        "ok": report.ok, "audit_records": report.chain.records, "payments": report.payments,
        "outbox_events": report.outbox_events, "first_bad_id": report.chain.first_bad_id,
        "problems": [{"check": p.check, "subject": p.subject, "text": p.text}
                     for p in report.problems],
    }
    checked = (f"{count(report.chain.records)} audit record(s), {count(report.payments)} "
               f"payment(s), {count(report.outbox_events)} outbox event(s) checked")
    if report.ok:
        out.result(data, [f"OK: {checked}; nothing was edited, deleted or skipped."])
        return 0
    message = f"audit verification failed: {report.problems[0]}"
    out.error("audit_failed", message, extra=data,
              lines=[f"FAILED: {checked}.", *(f"  {p}" for p in report.problems)])
    return 1


def run_plans_check(args: argparse.Namespace, out: Output) -> int:
    from app.services.ledger.plans import check_broken_plans

    on = parse_date(args.on)
    with opened(args.data_dir) as branch:
        day = on or branch.clock.now().date()
        result = check_broken_plans(branch.writing(), admin_actor(branch), day)
    lines = [f"Plans checked on {day}: {len(result.broken)} broken, "
             f"{len(result.reseal_orders)} re-seal order(s) issued."]
    lines += [f"  broken: {conn}" for conn in result.broken]
    lines += [f"  re-seal order: {order}" for order in result.reseal_orders]
    out.result({"on": day.isoformat(), "broken": list(result.broken),
                "reseal_orders": list(result.reseal_orders)}, lines)
    return 0
