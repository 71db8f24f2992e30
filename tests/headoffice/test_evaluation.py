"""The programme evaluation at head office equals what each branch's own progress report
says for the same data (two demo branches syncing over HTTP), and adds the figures only
head office can give: the whole programme, the schedules' state, the population."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from app.bootstrap import BranchDatabase
from app.models import Enrolment, EnrolmentState, Instalment, PromotionTermsRecord
from app.services.reports.progress_data import Figures as BranchFigures
from app.services.reports.progress_data import progress_document
from app.services.setup import DEFAULT_TERMS_FILE
from headoffice.db import Database
from headoffice.evaluation.figures import Evaluation, Figures
from headoffice.evaluation.service import EvaluationRefused, programme_evaluation
from headoffice.masterdata import add_branch, publish_terms_file
from tests.headoffice.evaluation_world import BROKEN_CHECK, World, evaluation_world
from tests.support.office_server import postgres_schema

SHARED = ("enrolled", "down_payments", "instalments", "arrears_in_plans", "penalty_waived",
          "seals_opened", "broken", "cancelled")
RANGES = ((None, None), (dt.date(2025, 11, 25), dt.date(2025, 11, 30)),
          (dt.date(2025, 11, 17), dt.date(2026, 1, 31)))


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def world(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
          ) -> Iterator[World]:
    """The demo world over SQLite, and over PostgreSQL when it is configured."""
    folder = tmp_path_factory.mktemp("evaluation")
    if request.param == "sqlite":
        with evaluation_world(folder) as built:
            yield built
        return
    with postgres_schema() as url, evaluation_world(folder, url) as built:
        yield built


def evaluate(world: World, **kwargs: object) -> Evaluation:
    with world.office.db.reading() as session:
        return programme_evaluation(session, today=world.clock.now().date(), **kwargs)  # type: ignore[arg-type]


def shared(figures: Figures | BranchFigures) -> dict[str, int]:
    return {name: getattr(figures, name) for name in SHARED}


@pytest.mark.parametrize(("start", "end"), RANGES)
def test_each_branch_has_the_figures_of_its_own_progress_report(
        world: World, start: dt.date | None, end: dt.date | None) -> None:
    total = evaluate(world, date_from=start, date_to=end)
    assert total.totals.collected > 0
    for code in ("KPG", "OEB"):
        own = progress_document(world.branch(code).reading(), None, start, end)
        office = evaluate(world, date_from=start, date_to=end, branch=code)
        assert (office.date_from, office.date_to) == (own.date_from, own.date_to)
        assert shared(office.totals) == shared(own.totals), code
        line = next(x for x in total.by_branch if x.name == code)
        assert shared(line.figures) == shared(own.totals), code
        kelurahan = {x.kelurahan: shared(x.figures) for x in own.by_kelurahan}
        assert {x.name: shared(x.figures) for x in office.by_kelurahan
                if x.figures.enrolled or x.figures.collected or x.figures.cancelled
                or x.figures.broken or x.figures.seals_opened} == kelurahan, code
        assert [(d.day, shared(d.figures), d.cumulative_enrolled, d.cumulative_collected)
                for d in office.by_day] == \
            [(d.day, shared(d.figures), d.cumulative_enrolled, d.cumulative_collected)
             for d in own.by_day], code
    assert total.totals.collected == sum(x.figures.collected for x in total.by_branch)


def test_the_world_has_every_kind_of_event(world: World) -> None:
    """The comparison above means something only if each figure happened at all."""
    figures = evaluate(world, date_to=dt.date(2026, 1, 31)).totals
    assert all(getattr(figures, name) > 0 for name in SHARED), figures
    own = progress_document(world.branch("OEB").reading(), None, None, dt.date(2026, 1, 31))
    assert own.totals.refused == 1  # and it is not among head office's enrolled


def branch_schedule(branch: BranchDatabase, end: dt.date) -> tuple[int, int, int, int, int]:
    """From the branch's own instalment rows: due, paid, overdue (count, rupiah) and
    still owed, of its plans not cancelled or refused."""
    due = paid = overdue = overdue_amount = owed = 0
    with branch.reading() as uow:
        rows = uow.session.execute(select(Instalment).join(
            Enrolment, Enrolment.id == Instalment.enrolment_id).where(
            Enrolment.state.not_in((EnrolmentState.CANCELLED, EnrolmentState.REFUSED))))
        for (line,) in rows:
            left = line.amount - line.paid_amount
            owed += left
            if line.due_date <= end:
                due += 1
                paid += left == 0
            if line.due_date < end and left:
                overdue, overdue_amount = overdue + 1, overdue_amount + left
    return due, paid, overdue, overdue_amount, owed


def test_instalments_due_paid_overdue_and_outstanding_match_the_branch_schedules(
        world: World) -> None:
    end = BROKEN_CHECK
    for code in ("KPG", "OEB"):
        f = evaluate(world, date_to=end, branch=code).totals
        assert (f.instalments_due, f.instalments_paid, f.instalments_overdue,
                f.overdue_amount, f.outstanding) == branch_schedule(world.branch(code), end)
    f = evaluate(world, date_to=end).totals
    assert f.instalments_due > f.instalments_paid > 0 and f.instalments_overdue > 0


def test_seals_ordered_opened_and_days_to_open(world: World) -> None:
    f = evaluate(world, date_to=dt.date(2025, 12, 31)).totals
    # every enrolled customer was sealed; C opened the day after enrolling, A three days
    assert f.seals_ordered == f.enrolled
    assert (f.seals_opened, f.days_to_open) == (2, 1 + 3)
    assert f.mean_days_to_open == 2.0


def test_targets_come_from_the_terms_and_the_population_from_the_bills(world: World) -> None:
    evaluation = evaluate(world)
    with world.branch("KPG").reading() as uow:
        terms = uow.session.scalars(select(PromotionTermsRecord)).one()
        assert terms.code == evaluation.programme_code
    assert (evaluation.target_customers, evaluation.target_arrears) == (7_000, 4_700_000_000)
    assert evaluation.arrears_share == evaluation.totals.collected / 4_700_000_000
    population = evaluation.totals.population
    assert population >= evaluation.totals.enrolled > 0
    assert evaluation.totals.population_arrears >= evaluation.totals.arrears_in_plans
    assert sum(x.figures.population for x in evaluation.by_kecamatan) == population
    assert all(x.figures.population == 0 for x in evaluation.by_branch)


def test_bad_requests_are_refused_in_words(world: World) -> None:
    with pytest.raises(EvaluationRefused, match="no programme NOPE"):
        evaluate(world, programme="NOPE")
    with pytest.raises(EvaluationRefused, match="no branch XYZ"):
        evaluate(world, branch="xyz")
    with pytest.raises(EvaluationRefused, match="not valid"):
        evaluate(world, date_from=dt.date(2025, 12, 2), date_to=dt.date(2025, 12, 1))


def test_an_empty_head_office_evaluates_to_zero(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{(tmp_path / 'ho.sqlite3').as_posix()}")
    db.create_tables()
    with db.writing() as session:
        add_branch(session, "KPG", "Kupang")
        publish_terms_file(session, DEFAULT_TERMS_FILE)
    with db.reading() as session:
        evaluation = programme_evaluation(session, today=dt.date(2025, 12, 1))
    db.dispose()
    assert evaluation.totals == Figures() and evaluation.customers_share == 0
    assert len(evaluation.by_day) == 15 and evaluation.running
