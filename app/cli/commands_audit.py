"""``audit verify`` (tamper and gap checks) and ``plans check`` (broken instalment plans)."""

from __future__ import annotations

import argparse

from app.cli.common import admin_actor, opened, parse_date
from app.cli.output import Output, count
from app.services.audit.integrity import check_integrity
from app.services.command_line import Words
from app.services.finding_words import words_of


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser],
             common: argparse.ArgumentParser, w: Words) -> None:
    audit = commands.add_parser("audit", parents=[common], help=w("audit.help"))
    audit_actions = audit.add_subparsers(dest="action", metavar=w("metavar.action"),
                                         required=True)
    verify = audit_actions.add_parser("verify", parents=[common], help=w("audit.verify"))
    verify.set_defaults(handler=run_verify)
    plans = commands.add_parser("plans", parents=[common], help=w("plans.help"))
    plan_actions = plans.add_subparsers(dest="action", metavar=w("metavar.action"),
                                        required=True)
    check = plan_actions.add_parser("check", parents=[common], help=w("plans.check"))
    check.add_argument("--on", metavar="DATE", help=w("opt.on"))
    check.set_defaults(handler=run_plans_check)


def run_verify(args: argparse.Namespace, out: Output) -> int:
    with opened(args.data_dir) as branch, branch.reading() as uow:
        report = check_integrity(uow.session)
    data = {
        "ok": report.ok, "audit_records": report.chain.records, "payments": report.payments,
        "outbox_events": report.outbox_events, "first_bad_id": report.chain.first_bad_id,
        "problems": [{"check": p.check, "subject": p.subject, "text": p.text,
                      "code": p.detail.code.value} for p in report.problems],
    }
    w = out.words
    said = [p.said(words_of(w.lang)) for p in report.problems]
    checked = w("audit.checked", records=count(report.chain.records),
                payments=count(report.payments), events=count(report.outbox_events))
    if report.ok:
        out.result(data, [w("audit.ok", checked=checked)])
        return 0
    message = w("audit.failed_message", problem=said[0])
    out.error("audit_failed", message, extra=data,
              lines=[w("audit.failed", checked=checked), *(f"  {p}" for p in said)])
    return 1


def run_plans_check(args: argparse.Namespace, out: Output) -> int:
    from app.services.ledger.plans import check_broken_plans

    on = parse_date(args.on)
    with opened(args.data_dir) as branch:
        day = on or branch.clock.now().date()
        result = check_broken_plans(branch.writing(), admin_actor(branch), day)
    w = out.words
    lines = [w("plans.checked", day=day, broken=len(result.broken),
               orders=len(result.reseal_orders))]
    lines += [w("plans.broken", connection=conn) for conn in result.broken]
    lines += [w("plans.order", order=order) for order in result.reseal_orders]
    out.result({"on": day.isoformat(), "broken": list(result.broken),
                "reseal_orders": list(result.reseal_orders)}, lines)
    return 0
