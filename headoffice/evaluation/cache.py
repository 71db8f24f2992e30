"""The evaluations made lately, kept until head office's data changes.

An evaluation aggregates every plan and, for the population at the start, the bills of
every sealed customer: too much to redo for each page view. It is kept under its request
and a fingerprint of the data it reads, which every change moves: the newest change-log
id (customers, bills, plans, terms), the devices' event sequences (every event received,
applied or not) and the branches. Only the first view after a change pays for the
queries.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from headoffice.evaluation.figures import Evaluation
from headoffice.models import BranchOffice, Change, Device, Terms

SIZE = 32
_lock = threading.Lock()
_kept: OrderedDict[Hashable, Evaluation] = OrderedDict()


def fingerprint(session: Session) -> tuple[int, ...]:
    """Moves whenever anything the evaluation reads changes (four small queries)."""
    return (session.scalar(select(func.max(Change.id))) or 0,
            session.scalar(select(func.sum(Device.last_seq))) or 0,
            session.scalar(select(func.count()).select_from(Device)) or 0,
            session.scalar(select(func.count()).select_from(BranchOffice)) or 0,
            session.scalar(select(func.max(Terms.id))) or 0)


def cached(session: Session, request: Hashable, make: Callable[[], Evaluation]) -> Evaluation:
    """The evaluation for ``request`` over the data as it is now: kept, or made."""
    bind = session.get_bind()
    key = (str(bind.engine.url), request, fingerprint(session))
    with _lock:
        found = _kept.get(key)
        if found is not None:
            _kept.move_to_end(key)
            return found
    made = make()
    with _lock:
        _kept[key] = made
        while len(_kept) > SIZE:
            _kept.popitem(last=False)
    return made


def clear() -> None:
    """Forget every kept evaluation (benchmarks measure the queries this way)."""
    with _lock:
        _kept.clear()
