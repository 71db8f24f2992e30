"""``receipt verify PAYLOAD``: is a scanned receipt QR code genuine and in the books?"""

from __future__ import annotations

import argparse

from app.cli.common import opened
from app.cli.output import Output, rupiah
from app.services.command_line import Words
from app.services.finding_words import finding_text


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser],
             common: argparse.ArgumentParser, w: Words) -> None:
    receipt = commands.add_parser("receipt", parents=[common], help=w("receipt.help"))
    actions = receipt.add_subparsers(dest="action", metavar=w("metavar.action"), required=True)
    verify = actions.add_parser("verify", parents=[common], help=w("receipt.verify"))
    verify.add_argument("payload", metavar="PAYLOAD", help=w("receipt.payload"))
    verify.set_defaults(handler=run_verify)


def run_verify(args: argparse.Namespace, out: Output) -> int:
    from app.services.documents.keys import default_key_store
    from app.services.documents.verify import verify_receipt

    with opened(args.data_dir) as branch:
        result = verify_receipt(branch.reading(), default_key_store(args.data_dir), args.payload)
    genuine = result.valid and result.matches_database and not result.problem
    w = out.words
    verdict = w("receipt.genuine" if genuine else "receipt.not_verified")
    problem = finding_text(result.finding, w.lang) if result.finding else ""
    lines = [f"{verdict}: {result.receipt_no or '?'} {rupiah(result.amount)}",
             f"  {problem or w('receipt.matches')}"]
    out.result({"valid": result.valid, "receipt_no": result.receipt_no,
                "amount": result.amount, "matches_database": result.matches_database,
                "problem": result.problem,
                "code": result.finding.code.value if result.finding else None,
                "genuine": genuine}, lines)
    return 0 if genuine else 1
