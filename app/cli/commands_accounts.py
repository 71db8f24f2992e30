"""``search`` for customers and ``quote`` the promotion for one of them."""

from __future__ import annotations

import argparse
from typing import Any

from app.cli.common import UsageError, opened, parse_date
from app.cli.output import Output, count, in_words, rupiah, table
from app.services.command_line import Words
from app.services.quoting import Reason


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser],
             common: argparse.ArgumentParser, w: Words) -> None:
    search = commands.add_parser("search", parents=[common], help=w("search.help"))
    search.add_argument("text", metavar="TEXT", nargs="+")
    search.add_argument("--limit", type=int, default=20, metavar="N", help=w("search.limit"))
    search.set_defaults(handler=run_search)
    quote = commands.add_parser("quote", parents=[common], help=w("quote.help"))
    quote.add_argument("connection_no", metavar="CONNECTION_NO")
    quote.add_argument("--on", metavar="DATE", help=w("opt.on"))
    quote.add_argument("--instalments", type=int, metavar="N", help=w("quote.instalments"))
    quote.add_argument("--programme", metavar="CODE", help=w("quote.programme"))
    quote.set_defaults(handler=run_quote)


def run_search(args: argparse.Namespace, out: Output) -> int:
    w = out.words
    if args.limit < 1:
        raise UsageError(w("search.limit_low"))
    from app.services.search.customers import search_customers

    with opened(args.data_dir) as branch:
        result = search_customers(branch.reading(), " ".join(args.text), args.limit)
    hits = [{"id": h.id, "connection_no": h.connection_no, "name": h.name,
             "address": h.address, "kelurahan": h.kelurahan, "status": h.status,
             "arrears": h.arrears} for h in result.hits]
    total = (count(result.total) if result.total_is_exact
             else w("search.more_than", n=count(result.total)))
    lines = table(
        w("search.headers").split("|"),
        ((h.connection_no, h.name, h.address, h.kelurahan, in_words("status", h.status, w),
          rupiah(h.arrears))
         for h in result.hits), right=(5,)) if result.hits else []
    lines.append(w("search.shown", shown=len(result.hits), total=total, query=result.query))
    out.result({"query": result.query, "total": result.total,
                "total_is_exact": result.total_is_exact, "hits": hits}, lines)
    return 0


def _reason(reason: Reason, w: Words) -> str:
    """Why the customer cannot join, in words: amounts as rupiah, plan states as words
    (a reason this tool has no words for: the service's own sentence)."""
    key = f"reason.{reason.code}"
    if key not in w.catalogue:
        return reason.text
    values = {name: rupiah(value) if name in ("arrears", "minimum", "maximum")
              and isinstance(value, int) else value for name, value in reason.values.items()}
    if "state" in values:
        values["state"] = in_words("plan", str(values["state"]), w)
    if "status" in values:
        values["status"] = in_words("status", str(values["status"]), w)
    if "statuses" in values:
        values["statuses"] = "/".join(in_words("status", s, w)
                                      for s in str(values["statuses"]).split("/"))
    try:
        return w(key, **values)
    except KeyError:
        return reason.text


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
    w = out.words
    verdict = w("quote.eligible" if q.eligible else "quote.not_eligible")
    lines = [
        f"{q.connection_no}  {q.customer_name}",
        w("quote.heading", name=q.programme_name, code=q.programme_code,
          version=q.programme_version, on=q.on, verdict=verdict),
        *(f"  - {_reason(r, w)}" for r in q.reasons),
        f"{w('quote.arrears'):17}{rupiah(q.arrears)}",
        f"{w('quote.penalty'):17}{rupiah(q.penalty)} "
        f"{w('quote.waived', amount=rupiah(q.penalty_waived))}",
        f"{w('quote.due'):17}{rupiah(q.amount_due)}",
        f"{w('quote.down_payment'):17}{rupiah(q.down_payment)}",
        f"{w('quote.remainder'):17}" + w(
            "quote.instalments_line", amount=rupiah(q.remainder), n=q.instalments,
            allowed=", ".join(map(str, q.allowed_instalments))),
    ]
    if q.schedule:
        lines += table(w("quote.schedule_headers").split("|"),
                       ((s.number, s.due_date, rupiah(s.amount)) for s in q.schedule),
                       right=(0, 2))
    out.result(data, lines)
    return 0
