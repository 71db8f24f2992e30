"""``loket-headoffice report programme``: the evaluation as text, JSON, PDF or XLSX."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

from headoffice.db import Database
from headoffice.evaluation.service import EvaluationRefused, programme_evaluation
from headoffice.evaluation.text import evaluation_data, evaluation_text


class CommandRefused(Exception):
    """The report was refused; the message says why (exit status 1)."""


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--programme", metavar="CODE", help="default: the newest programme")
    p.add_argument("--from", dest="date_from", type=_date, metavar="YYYY-MM-DD",
                   help="default: the programme's first day")
    p.add_argument("--to", dest="date_to", type=_date, metavar="YYYY-MM-DD",
                   help="default: its last day, or today while it runs")
    p.add_argument("--branch", help="one branch only")
    p.add_argument("--json", action="store_true", help="the figures as JSON")
    p.add_argument("--pdf", type=Path, metavar="FILE", help="also write the PDF")
    p.add_argument("--xlsx", type=Path, metavar="FILE", help="also write the workbook")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from exc


def report_programme(args: argparse.Namespace) -> int:
    db = Database(args.database_url)
    try:
        db.create_tables()
        with db.reading() as session:
            evaluation = programme_evaluation(session, args.programme, args.date_from,
                                              args.date_to, args.branch)
    except EvaluationRefused as exc:
        raise CommandRefused(str(exc)) from exc
    finally:
        db.dispose()
    if args.pdf:
        from headoffice.evaluation.export_pdf import evaluation_pdf

        args.pdf.write_bytes(evaluation_pdf(evaluation))
    if args.xlsx:
        from headoffice.evaluation.export_xlsx import evaluation_xlsx

        args.xlsx.write_bytes(evaluation_xlsx(evaluation))
    if args.json:
        print(json.dumps(evaluation_data(evaluation), indent=2, ensure_ascii=False))
    else:
        print(evaluation_text(evaluation), end="")
    return 0
