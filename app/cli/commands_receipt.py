"""``receipt verify PAYLOAD``: is a scanned receipt QR code genuine and in the books?"""

from __future__ import annotations

import argparse
from dataclasses import asdict

from app.cli.common import opened
from app.cli.output import Output, rupiah
from app.services.command_line import Words


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
    lines = [f"{verdict}: {result.receipt_no or '?'} {rupiah(result.amount)}",
             f"  {result.problem or w('receipt.matches')}"]
    out.result(dict(asdict(result), genuine=genuine), lines)
    return 0 if genuine else 1
