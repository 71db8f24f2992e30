"""``search`` for customers and ``quote`` the promotion for one of them."""

from __future__ import annotations

import argparse
from typing import Any

from app.cli.common import UsageError, opened, parse_date
from app.cli.output import Output, count, rupiah, table


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser],
             common: argparse.ArgumentParser) -> None:
    search = commands.add_parser("search", parents=[common],
                                 help="find customers by connection number, name, address")
    search.add_argument("text", metavar="TEXT", nargs="+")
    search.add_argument("--limit", type=int, default=20, metavar="N",
                        help="show at most N customers (default 20)")
    search.set_defaults(handler=run_search)
    quote = commands.add_parser("quote", parents=[common],
                                help="what the promotion offers one customer")
    quote.add_argument("connection_no", metavar="CONNECTION_NO")
    quote.add_argument("--on", metavar="DATE", help="as on this day (default: business date)")
    quote.add_argument("--instalments", type=int, metavar="N",
                       help="number of instalments (default: the most allowed)")
    quote.add_argument("--programme", metavar="CODE", help="programme code, e.g. BUKA-SEGEL")
    quote.set_defaults(handler=run_quote)


def run_search(args: argparse.Namespace, out: Output) -> int:
    if args.limit < 1:
        raise UsageError("--limit must be 1 or more")
    from app.services.search.customers import search_customers

    with opened(args.data_dir) as branch:
        result = search_customers(branch.reading(), " ".join(args.text), args.limit)
    hits = [{"id": h.id, "connection_no": h.connection_no, "name": h.name,
             "address": h.address, "kelurahan": h.kelurahan, "status": h.status,
             "arrears": h.arrears} for h in result.hits]
    total = count(result.total) if result.total_is_exact else f"more than {count(result.total)}"
    lines = table(
        ("Connection", "Name", "Address", "Kelurahan", "Status", "Arrears"),
        ((h.connection_no, h.name, h.address, h.kelurahan, h.status, rupiah(h.arrears))
         for h in result.hits), right=(5,)) if result.hits else []
    lines.append(f"{len(result.hits)} shown of {total} found for '{result.query}'")
    out.result({"query": result.query, "total": result.total,
                "total_is_exact": result.total_is_exact, "hits": hits}, lines)
    return 0


def run_quote(args: argparse.Namespace, out: Output) -> int:
    from app.services.ledger.accounts import quote

    on = parse_date(args.on)
    with opened(args.data_dir) as branch:
        q = quote(branch.reading(), args.connection_no, on, args.instalments, args.programme)
    data: dict[str, Any] = {
        "connection_no": q.connection_no, "customer_name": q.customer_name,
        "programme": {"code": q.programme_code, "version": q.programme_version,
                      "name": q.programme_name},
        "on": q.on.isoformat(), "eligible": q.eligible,
        "reasons": [r.text for r in q.reasons], "arrears": q.arrears, "penalty": q.penalty,
        "penalty_waived": q.penalty_waived, "amount_due": q.amount_due,
        "down_payment": q.down_payment, "remainder": q.remainder,
        "allowed_instalments": list(q.allowed_instalments), "instalments": q.instalments,
        "schedule": [{"number": s.number, "due_date": s.due_date.isoformat(),
                      "amount": s.amount} for s in q.schedule],
    }
    verdict = "ELIGIBLE" if q.eligible else "NOT ELIGIBLE"
    lines = [
        f"{q.connection_no}  {q.customer_name}",
        f"{q.programme_name} ({q.programme_code} v{q.programme_version}) on {q.on}: {verdict}",
        *(f"  - {r.text}" for r in q.reasons),
        f"Arrears          {rupiah(q.arrears)}",
        f"Penalty          {rupiah(q.penalty)} (waived {rupiah(q.penalty_waived)})",
        f"Amount due       {rupiah(q.amount_due)}",
        f"Down payment     {rupiah(q.down_payment)}",
        f"Remainder        {rupiah(q.remainder)} in {q.instalments} instalment(s) "
        f"(allowed: {', '.join(map(str, q.allowed_instalments))})",
    ]
    if q.schedule:
        lines += table(("No.", "Due", "Amount"),
                       ((s.number, s.due_date, rupiah(s.amount)) for s in q.schedule),
                       right=(0, 2))
    out.result(data, lines)
    return 0
