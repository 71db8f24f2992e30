"""``programme_evaluation``: a programme's figures for a date range, across every branch
(or one), per branch, kecamatan, kelurahan and day."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from itertools import accumulate

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.services.terms import PromotionTerms, terms_from_json
from headoffice.db import Database, utcnow
from headoffice.evaluation import cache, queries
from headoffice.evaluation.figures import (
    FIGURE_NAMES,
    AreaLine,
    DayLine,
    Evaluation,
    Figures,
)
from headoffice.models import BranchOffice, Terms
from headoffice.outreach.results import campaign

_INDEX = {name: i for i, name in enumerate(FIGURE_NAMES)}
MAX_DAYS = 3_660  # a range of ten years is surely a typing mistake


class EvaluationRefused(ValueError):
    """A request the evaluation cannot answer; ``code`` says which, the text says why."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def programmes(session: Session) -> list[PromotionTerms]:
    """The newest version of every programme head office published, newest first."""
    newest: dict[str, PromotionTerms] = {}
    for row in session.scalars(select(Terms).order_by(Terms.code, Terms.version)):
        newest[row.code] = terms_from_json(row.body)
    return sorted(newest.values(), key=lambda t: (t.valid_from, t.code), reverse=True)


def programme_evaluation(session: Session, programme: str | None = None,
                         date_from: dt.date | None = None, date_to: dt.date | None = None,
                         branch: str | None = None, today: dt.date | None = None
                         ) -> Evaluation:
    """The evaluation of ``programme`` (default: the newest) from ``date_from`` (default:
    its start) to ``date_to`` (default: its end, or ``today`` if it is still running),
    of every branch or of ``branch``, over the data as it is now."""
    request, make = _request(session, programme, date_from, date_to, branch, today)
    return _with_campaign(session, cache.evaluations().get(session, request, make))


def make_ahead(db: Database) -> None:
    """Make the evaluation a manager opens first (the newest programme, all branches,
    default range), unless it is made already — run after the home page has answered."""
    try:
        with db.reading() as session:
            programme_evaluation(session)
    except EvaluationRefused:
        pass  # no programme: the page says so


def newest_evaluation(session: Session, db: Database, later: cache.Later,
                      programme: str | None = None, date_from: dt.date | None = None,
                      date_to: dt.date | None = None, branch: str | None = None
                      ) -> cache.Kept[Evaluation]:
    """As :func:`programme_evaluation`, for a page: once head office's data has changed,
    the evaluation made before (``current`` False) while ``later`` makes it anew."""
    request, make = _request(session, programme, date_from, date_to, branch, None)
    kept = cache.evaluations().newest(session, request, make, db, later)
    return cache.Kept(_with_campaign(session, kept.value), kept.current)


def _request(session: Session, programme: str | None, date_from: dt.date | None,
             date_to: dt.date | None, branch: str | None, today: dt.date | None
             ) -> tuple[tuple[object, ...], Callable[[Session], Evaluation]]:
    """The request's key (programme, version, range, branch) and how to make it."""
    terms = _programme(session, programme)
    today = today or utcnow().date()
    start = date_from or terms.valid_from
    end = date_to or max(start, min(terms.valid_to, today))
    if end < start or (end - start).days > MAX_DAYS:
        raise EvaluationRefused("date_invalid", f"the range {start} – {end} is not valid")
    if branch is not None:
        branch = branch.strip().upper()
        if session.get(BranchOffice, branch) is None:
            raise EvaluationRefused("unknown_branch", f"head office has no branch {branch}")

    def make(s: Session) -> Evaluation:
        branches = [branch] if branch else list(
            s.scalars(select(BranchOffice.code).order_by(BranchOffice.code)))
        return _evaluate(s, terms, start, end, branch, branches)

    return (terms.code, terms.version, start, end, branch), make


def _with_campaign(session: Session, figures: Evaluation) -> Evaluation:
    # not kept: messages sent do not move the fingerprint
    return dataclasses.replace(figures, campaign=campaign(
        session, figures.programme_code, figures.date_from, figures.date_to, figures.branch))


def _evaluate(session: Session, terms: PromotionTerms, start: dt.date, end: dt.date,
              branch: str | None, branches: list[str]) -> Evaluation:
    cells = list(queries.collect(session, queries.Scope(terms.code, start, end, branch)))
    days = dict(_merge((c for c in cells if c[0][3] is not None), lambda key: key[3]))
    by_branch = dict(_merge(((k, f) for k, f in cells if k[0]), lambda key: key[0]))
    return Evaluation(
        programme_code=terms.code, programme_name=terms.name,
        programme_version=terms.version, valid_from=terms.valid_from,
        valid_to=terms.valid_to, date_from=start, date_to=end, branch=branch,
        target_customers=terms.targets.sealed_customers, target_arrears=terms.targets.arrears,
        totals=next(iter(_merge(cells, lambda _key: None)), (None, Figures()))[1],
        by_branch=_ranked(AreaLine(code, by_branch.get(code, Figures())) for code in branches),
        by_kecamatan=_ranked(AreaLine(kec, f) for kec, f in _merge(cells, lambda k: k[1])),
        by_kelurahan=_ranked(AreaLine(kel, f, kec) for (kec, kel), f in _merge(
            cells, lambda k: (k[1], k[2]))),
        by_day=_day_lines(days, start, end), made_at=utcnow())



def _programme(session: Session, code: str | None) -> PromotionTerms:
    known = programmes(session)
    if code is not None:
        known = [t for t in known if t.code.upper() == code.strip().upper()]
    if not known:
        raise EvaluationRefused("programme_not_found",
                                f"head office has no programme {code or '(any)'}")
    return known[0]


def _merge[K](rows: Iterable[queries.Row], key: Callable[[queries.Key], K]
              ) -> Iterable[tuple[K, Figures]]:
    """The rows' figures summed by ``key`` (in plain lists: thousands of rows)."""
    merged: dict[K, list[int]] = defaultdict(lambda: [0] * len(FIGURE_NAMES))
    for k, values in rows:
        target = merged[key(k)]
        for name, value in values.items():
            target[_INDEX[name]] += value
    return [(k, Figures(*values)) for k, values in merged.items()]


def _ranked(lines: Iterable[AreaLine]) -> tuple[AreaLine, ...]:
    return tuple(sorted(lines, key=lambda x: (-x.figures.collected, -x.figures.enrolled,
                                              -x.figures.population, x.kecamatan, x.name)))


def _day_lines(by_day: dict[dt.date, Figures], start: dt.date, end: dt.date
               ) -> tuple[DayLine, ...]:
    days = [start + dt.timedelta(days=n) for n in range((end - start).days + 1)]
    figures = [by_day.get(day, Figures()) for day in days]
    enrolled = accumulate(f.enrolled for f in figures)
    collected = accumulate(f.collected for f in figures)
    return tuple(map(DayLine, days, figures, enrolled, collected))
