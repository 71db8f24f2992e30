"""``terms load`` / ``terms list``: promotion programmes and their versioned terms."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.common import admin_actor, opened
from app.cli.output import Output, table
from app.services.command_line import Words
from app.services.programmes import list_programmes, load_terms
from app.services.terms import load_terms_file


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser],
             common: argparse.ArgumentParser, w: Words) -> None:
    terms = commands.add_parser("terms", parents=[common], help=w("terms.help"))
    actions = terms.add_subparsers(dest="action", metavar=w("metavar.action"), required=True)
    load = actions.add_parser("load", parents=[common], help=w("terms.load"))
    load.add_argument("file", type=Path, metavar="FILE")
    load.set_defaults(handler=run_load)
    listing = actions.add_parser("list", parents=[common], help=w("terms.list"))
    listing.set_defaults(handler=run_list)


def run_load(args: argparse.Namespace, out: Output) -> int:
    terms = load_terms_file(args.file)
    with opened(args.data_dir) as branch:
        result = load_terms(branch.writing(), admin_actor(branch), terms)
    p = result.programme
    w = out.words
    state = w("terms.loaded" if result.created else "terms.unchanged")
    out.result({"code": p.code, "version": p.version, "name": p.name,
                "valid_from": p.valid_from, "valid_to": p.valid_to, "created": result.created},
               [w("terms.done", code=p.code, version=p.version, name=p.name,
                  start=p.valid_from, end=p.valid_to, state=state)])
    return 0


def run_list(args: argparse.Namespace, out: Output) -> int:
    with opened(args.data_dir) as branch:
        programmes = list_programmes(branch.reading())
    data = [{"code": p.code, "version": p.version, "name": p.name, "valid_from": p.valid_from,
             "valid_to": p.valid_to, "loaded_at": p.loaded_at} for p in programmes]
    lines = table(out.words("terms.headers").split("|"), (
        (p.code, p.version, p.name, p.valid_from, p.valid_to, p.loaded_at)
        for p in programmes), right=(1,))
    out.result({"programmes": data}, lines if programmes else [out.words("terms.none")])
    return 0
