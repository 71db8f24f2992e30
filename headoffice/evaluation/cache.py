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


def fingerprint(session: Session) -> tuple[int, ...]:
    """Moves whenever anything the evaluation reads changes (four small queries)."""
    return (session.scalar(select(func.max(Change.id))) or 0,
            session.scalar(select(func.sum(Device.last_seq))) or 0,
            session.scalar(select(func.count()).select_from(Device)) or 0,
            session.scalar(select(func.count()).select_from(BranchOffice)) or 0,
            session.scalar(select(func.max(Terms.id))) or 0)


class KeptUntilChange[T]:
    """The last ``size`` results made, each under its request and the fingerprint of the
    data as it was (so a change makes the next view make it anew); thread-safe."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._lock = threading.Lock()
        self._kept: OrderedDict[Hashable, T] = OrderedDict()

    def get(self, session: Session, request: Hashable, make: Callable[[], T]) -> T:
        """The result for ``request`` over the data as it is now: kept, or made."""
        key = (str(session.get_bind().engine.url), request, fingerprint(session))
        with self._lock:
            found = self._kept.get(key)
            if found is not None:
                self._kept.move_to_end(key)
                return found
        made = make()
        with self._lock:
            self._kept[key] = made
            while len(self._kept) > self._size:
                self._kept.popitem(last=False)
        return made

    def clear(self) -> None:
        with self._lock:
            self._kept.clear()


_evaluations: KeptUntilChange[Evaluation] = KeptUntilChange(SIZE)


def cached(session: Session, request: Hashable, make: Callable[[], Evaluation]) -> Evaluation:
    """The evaluation for ``request`` over the data as it is now: kept, or made."""
    return _evaluations.get(session, request, make)


def clear() -> None:
    """Forget every kept evaluation (benchmarks measure the queries this way)."""
    _evaluations.clear()
