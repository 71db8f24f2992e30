"""``report lpp`` / ``report progress``: the daily receipts report and the programme
progress report, as PDF (archived) and XLSX."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.common import Refusal, UsageError, opened, parse_date
from app.cli.output import Output, count, rupiah
from app.services.command_line import Words


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser],
             common: argparse.ArgumentParser, w: Words) -> None:
    report = commands.add_parser("report", parents=[common], help=w("report.help"))
    actions = report.add_subparsers(dest="action", metavar=w("metavar.action"), required=True)
    lpp = actions.add_parser("lpp", parents=[common], help=w("report.lpp"))
    lpp.add_argument("--day", metavar="DATE", help=w("report.day"))
    lpp.add_argument("--counter", metavar="CODE", help=w("report.counter"))
    lpp.add_argument("--shift", metavar="UUID", help=w("report.shift"))
    lpp.add_argument("--out", type=Path, metavar="DIR", help=w("report.out"))
    lpp.set_defaults(handler=run_lpp)
    progress = actions.add_parser("progress", parents=[common], help=w("report.progress"))
    progress.add_argument("--programme", metavar="CODE", help=w("report.programme"))
    progress.add_argument("--from", dest="date_from", metavar="DATE", help=w("report.from"))
    progress.add_argument("--to", dest="date_to", metavar="DATE", help=w("report.to"))
    progress.add_argument("--out", type=Path, metavar="DIR", help=w("report.out"))
    progress.set_defaults(handler=run_progress)


def run_lpp(args: argparse.Namespace, out: Output) -> int:
    from app.services.reports.issue import issue_lpp, write_report
    from app.services.reports.lpp_data import ScopeNotFound

    day = parse_date(args.day)
    with opened(args.data_dir) as branch:
        try:
            report = issue_lpp(branch.reading(), branch.data_dir, day, args.counter,
                               args.shift)
        except ScopeNotFound as exc:
            raise Refusal("report_scope_not_found", str(exc)) from exc
    doc = report.document
    pdf, xlsx = write_report(report, args.out)
    summary = {"day": doc.day, "counter": doc.header.counter_code, "shift": doc.shift_uuid,
               "receipts": len(doc.receipts), "voided": len(doc.voided),
               "refunds": len(doc.refunds), "total": doc.total}
    lines = [out.words("report.lpp_line", counter=doc.header.counter_code, day=doc.day,
                       receipts=count(len(doc.receipts)), voided=len(doc.voided),
                       refunds=len(doc.refunds), total=rupiah(doc.total))]
    _print(out, summary, lines, report.archived.path, pdf, xlsx)
    return 0


def run_progress(args: argparse.Namespace, out: Output) -> int:
    from app.services.reports.issue import issue_progress, write_report
    start, end = parse_date(args.date_from), parse_date(args.date_to)
    w = out.words
    if start and end and end < start:
        raise UsageError(w("report.to_before_from"))
    with opened(args.data_dir) as branch:
        report = issue_progress(branch.reading(), branch.data_dir, args.programme, start, end)
    doc = report.document
    pdf, xlsx = write_report(report, args.out)
    t = doc.totals
    summary = {"programme": doc.programme_code, "from": doc.date_from, "to": doc.date_to,
               "enrolled": t.enrolled, "collected": t.collected,
               "refused": t.refused, "refused_credit": t.refused_credit,
               "customers_share": doc.customers_share, "arrears_share": doc.arrears_share}
    lines = [w("report.progress_line", name=doc.programme_name, start=doc.date_from,
               end=doc.date_to, enrolled=count(t.enrolled), collected=rupiah(t.collected))]
    if t.refused:
        lines.append(w("report.refused", n=count(t.refused), credit=rupiah(t.refused_credit)))
    _print(out, summary, lines, report.archived.path, pdf, xlsx)
    return 0


def _print(out: Output, summary: dict[str, Any], lines: list[str], archived: Path, pdf: Path,
           xlsx: Path) -> None:
    lines += [f"PDF       {pdf}", f"XLSX      {xlsx}"]
    if archived != pdf:
        lines.append(f"{out.words('report.archived'):10}{archived}")
    out.result({**summary, "pdf": str(pdf), "xlsx": str(xlsx), "archived": str(archived)},
               lines)
