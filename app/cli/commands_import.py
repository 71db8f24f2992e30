"""``import-customers`` and ``import-bills``: head-office CSV files, all or nothing."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from pathlib import Path
from typing import Any

from app.cli.common import admin_actor, opened
from app.cli.output import Output, count
from app.services.command_line import Words
from app.services.imports.csv_files import FileRefused
from app.services.imports.master_data import (
    ImportRejected,
    ImportReport,
    import_bills,
    import_customers,
)
from app.services.imports.report_words import said

_IMPORTERS = {"import-customers": import_customers, "import-bills": import_bills}


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser],
             common: argparse.ArgumentParser, w: Words) -> None:
    for name, what in (("import-customers", w("import.customers")),
                       ("import-bills", w("import.bills"))):
        command = commands.add_parser(name, parents=[common], help=w("import.help", what=what),
                                      description=w("import.description", what=what))
        command.add_argument("file", type=Path, metavar="FILE.csv")
        command.add_argument("--skip-invalid", action="store_true",
                             help=w("import.skip_invalid"))
        command.set_defaults(handler=run_import)


def run_import(args: argparse.Namespace, out: Output) -> int:
    importer = _IMPORTERS[args.command]
    lang = out.lang
    with opened(args.data_dir) as branch:
        actor = admin_actor(branch)
        try:
            report = importer(branch.writing(), actor, args.file,
                              skip_invalid=args.skip_invalid)
        except ImportRejected as exc:
            refused = said(lang, "refused", file=exc.report.file,
                           rejected=count(len(exc.report.rejected)),
                           rows=count(exc.report.rows)) + said(lang, "skip_invalid")
            out.error(exc.code.value, refused,
                      extra={"report": report_data(exc.report, lang)},
                      lines=report_lines(exc.report, lang))
            return 1
        except FileRefused as exc:
            out.error(exc.code.value, f"{exc.file}: {exc.problem.in_language(lang)}",
                      extra={"problem": exc.problem.data(lang)})
            return 1
    out.result(report_data(report, lang), report_lines(report, lang))
    return 0


def report_data(report: ImportReport, lang: str) -> dict[str, Any]:
    """The report as JSON; each reason and warning as its sentence in ``lang``, and again
    as its code, column, value and parameters (``problems``, ``warning_problems``)."""
    data = asdict(report)
    data["rejected"] = [{"line": r.line, "key": r.key,
                         "reasons": [p.in_language(lang) for p in r.reasons],
                         "problems": [p.data(lang) for p in r.reasons]}
                        for r in report.rejected]
    data["warnings"] = [w.in_language(lang) for w in report.warnings]
    data["warning_problems"] = [w.data(lang) for w in report.warnings]
    return data


def report_lines(report: ImportReport, lang: str) -> list[str]:
    lines = [said(lang, "summary", file=report.file, rows=count(report.rows),
                  verb=said(lang, "imported" if report.written else "checked"),
                  created=count(report.created), updated=count(report.updated),
                  unchanged=count(report.unchanged), rejected=count(len(report.rejected)))]
    lines += [said(lang, "warning", text=w.in_language(lang)) for w in report.warnings]
    if report.rejected:
        lines.append(said(lang, "rejected_rows"))
        lines += ["  " + said(lang, "row", line=r.line) + (f" ({r.key})" if r.key else "")
                  + ": " + "; ".join(p.in_language(lang) for p in r.reasons)
                  for r in report.rejected]
    return lines
