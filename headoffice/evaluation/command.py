"""``loket-headoffice report programme``: the evaluation as text (in the command line's
language), JSON, PDF or XLSX."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

from app.services.command_line import Words
from headoffice.cli_words import service_refusal
from headoffice.db import Database
from headoffice.evaluation.service import EvaluationRefused, programme_evaluation
from headoffice.evaluation.text import evaluation_data, evaluation_text


class CommandRefused(Exception):
    """The report was refused; the message says why (exit status 1)."""


def add_arguments(p: argparse.ArgumentParser, w: Words) -> None:
    date = _date(w)
    p.add_argument("--programme", metavar="CODE", help=w("evaluation.programme"))
    p.add_argument("--from", dest="date_from", type=date, metavar="YYYY-MM-DD",
                   help=w("evaluation.from"))
    p.add_argument("--to", dest="date_to", type=date, metavar="YYYY-MM-DD",
                   help=w("evaluation.to"))
    p.add_argument("--branch", help=w("evaluation.branch"))
    p.add_argument("--json", action="store_true", help=w("evaluation.json"))
    p.add_argument("--pdf", type=Path, metavar="FILE", help=w("evaluation.pdf"))
    p.add_argument("--xlsx", type=Path, metavar="FILE", help=w("evaluation.xlsx"))


def _date(w: Words) -> Callable[[str], dt.date]:
    """An option's ``YYYY-MM-DD``; anything else is refused in ``w``'s words."""
    def date(text: str) -> dt.date:
        try:
            return dt.date.fromisoformat(text)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(w("evaluation.not_a_date", text=text)) from exc
    return date


def report_programme(args: argparse.Namespace) -> int:
    db = Database(args.database_url)
    try:
        db.create_tables()
        with db.reading() as session:
            evaluation = programme_evaluation(session, args.programme, args.date_from,
                                              args.date_to, args.branch)
    except EvaluationRefused as exc:
        raise CommandRefused(service_refusal(exc, args.words)) from exc
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
        print(evaluation_text(evaluation, args.words.lang), end="")
    return 0
