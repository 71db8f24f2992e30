"""Messages carry the counter's own figures: a demo counter and head office holding the
same demo, synced over HTTP. An invitation says what the counter quotes that day; a
reminder and an overdue notice follow the plan the counter made and the payments it
took; the programme evaluation counts who was invited or reminded and then came."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select

from app.models import Customer as BranchCustomer
from app.models import Enrolment as BranchEnrolment
from app.models import Instalment
from app.services.clock import FixedClock
from app.services.demo.branch import generate_demo
from app.services.ledger.accounts import quote
from headoffice.demo import create_demo
from headoffice.evaluation.service import programme_evaluation
from headoffice.evaluation.text import evaluation_data, evaluation_text
from headoffice.outreach import audience, sending
from headoffice.outreach.gateway import configured_gateway
from headoffice.outreach.words import rupiah, tanggal
from tests.headoffice.conftest import HeadOffice
from tests.headoffice.evaluation_world import enrol, pay
from tests.headoffice.fake_gateway import FakeGateway, fake_gateway
from tests.headoffice.outreach_helpers import use_gateway
from tests.support.fakes import DEMO_DAY
from tests.support.office_server import RunningOffice
from tests.support.sync_conflict_helpers import Counter, branch_template, copy_branch, register

CUSTOMERS = 60
ON = DEMO_DAY.date()


@dataclass
class Scene:
    ho: HeadOffice
    counter: Counter
    clock: FixedClock
    gateway: FakeGateway

    def invite(self, on: dt.date) -> audience.Audience:
        return self.run(lambda s: audience.invitations(s, on))

    def remind(self, on: dt.date) -> audience.Audience:
        return self.run(lambda s: audience.reminders(s, on, 3))

    def run(self, find: object) -> audience.Audience:
        with self.ho.db.reading() as session:
            found: audience.Audience = find(session)  # type: ignore[operator]
            sender = configured_gateway(session)
        sending.send(self.ho.db, found, sender, "hublang")
        return found


@pytest.fixture
def scene(ho: HeadOffice, tmp_path: Path) -> Iterator[Scene]:
    with ho.db.writing() as session:
        create_demo(session, customers=CUSTOMERS)
    clock = FixedClock(DEMO_DAY)
    branch, cashier = copy_branch(branch_template(tmp_path / "t", "KPG"), tmp_path / "KPG",
                                  clock)
    generate_demo(branch, customers=CUSTOMERS)
    counter = register(RunningOffice(ho.url, ho.db), branch, cashier)
    counter.sync()
    try:
        with fake_gateway() as gateway:
            use_gateway(ho.db, gateway.url)
            yield Scene(ho, counter, clock, gateway)
    finally:
        branch.close()


def _eligible_at_counter(scene: Scene, on: dt.date) -> set[str]:
    branch = scene.counter.branch
    with branch.reading() as uow:
        numbers = list(uow.session.scalars(select(BranchCustomer.connection_no)))
    return {n for n in numbers if quote(branch.reading(), n, on=on).eligible}


def test_an_invitation_says_what_the_counter_quotes_that_day(scene: Scene) -> None:
    with scene.ho.db.reading() as session:
        found = audience.invitations(session, ON)
        planned = {p.draft.connection_no: p.text for p in sending.preview(session, found)}
    drafts = [*found.ready, *found.invalid]
    assert len(found.ready) >= 5 and found.invalid  # the demo has landlines and no-phones
    assert {d.connection_no for d in drafts} == _eligible_at_counter(scene, ON)
    for draft in drafts:
        counters = quote(scene.counter.branch.reading(), draft.connection_no, on=ON)
        f = draft.figures
        assert (f["arrears"], f["penalty_waived"], f["down_payment"], f["amount_due"],
                tuple(f["instalments"])) == (
            counters.arrears, counters.penalty_waived, counters.down_payment,
            counters.amount_due, counters.allowed_instalments), draft.connection_no
        assert f["last_day"] == "2025-12-31"
        if draft.connection_no in planned:
            text = planned[draft.connection_no]
            assert f"tunggakan air Anda {rupiah(counters.arrears)}" in text
            assert f"denda {rupiah(counters.penalty_waived)} dihapus" in text
            assert f"uang muka {rupiah(counters.down_payment)}" in text
            assert f"sampai {max(counters.allowed_instalments)} kali" in text or \
                max(counters.allowed_instalments) == 1
            assert "sampai 31 Desember 2025" in text
    assert len(scene.invite(ON).ready) == len(scene.gateway.received)


def _three_instalments(drafts: tuple[audience.Draft, ...]) -> list[str]:
    """Invited customers who may pay the rest in 3 instalments."""
    return [d.connection_no for d in drafts if 3 in d.figures["instalments"]]


def _plan_line(scene: Scene, number: str, which: int) -> tuple[int, dt.date]:
    with scene.counter.branch.reading() as uow:
        line = uow.session.scalars(
            select(Instalment).join(BranchEnrolment,
                                    BranchEnrolment.id == Instalment.enrolment_id)
            .join(BranchCustomer, BranchCustomer.id == BranchEnrolment.customer_id)
            .where(BranchCustomer.connection_no == number, Instalment.number == which)).one()
        return line.amount, line.due_date


def test_reminders_and_overdue_notices_follow_the_counters_plan(scene: Scene) -> None:
    with scene.ho.db.reading() as session:
        first, second = _three_instalments(audience.invitations(session, ON).ready)[:2]
    enrol(scene.counter, first, 3)
    enrol(scene.counter, second, 3)
    scene.counter.sync()
    amount, due = _plan_line(scene, first, 1)
    assert due == dt.date(2025, 12, 20)
    with scene.ho.db.reading() as session:
        assert audience.reminders(session, dt.date(2025, 12, 16), 3).ready == ()
        soon = audience.reminders(session, dt.date(2025, 12, 18), 3)
        planned = {p.draft.connection_no: p.text for p in sending.preview(session, soon)}
    mine = next(d for d in soon.ready if d.connection_no == first)
    assert (mine.figures["instalment"], mine.figures["amount"], mine.figures["due_date"]) == (
        1, amount, "2025-12-20")
    assert (f"cicilan ke-1 sebesar {rupiah(amount)} jatuh tempo {tanggal(due)}"
            in planned[first])
    assert ("Bila belum dibayar 30 hari setelah jatuh tempo, rencana cicilan batal, denda "
            "yang dihapus ditagih kembali dan meter disegel kembali." in planned[first])
    scene.clock.at = dt.datetime(2025, 12, 19, 9, 0)
    pay(scene.counter, first, amount)
    scene.counter.sync()
    with scene.ho.db.reading() as session:
        left = audience.reminders(session, dt.date(2025, 12, 18), 3)
        late = audience.overdue(session, dt.date(2025, 12, 22))
        broken_by_now = audience.overdue(session, dt.date(2026, 1, 20))
    assert [d.connection_no for d in left.ready] == [second]
    assert [(d.connection_no, d.figures["instalment"], d.figures["last_day"])
            for d in late.ready] == [(second, 1, "2026-01-19")]
    assert broken_by_now.ready == ()  # past the grace days the plan breaks: no notice


def test_the_evaluation_counts_who_was_invited_or_reminded_and_then_came(
        scene: Scene) -> None:
    invited = scene.invite(ON).ready
    prompt, other, late = _three_instalments(invited)[:3]
    scene.clock.advance(days=1)  # 25 November: within 7 days of the invitation
    enrol(scene.counter, prompt, 3)
    enrol(scene.counter, other, 3)
    scene.clock.at = dt.datetime(2025, 12, 5, 9, 0)  # 11 days after it: too late to count
    enrol(scene.counter, late, 3)
    scene.counter.sync()
    reminded = scene.remind(dt.date(2025, 12, 18)).ready  # instalment 1, due 20 December
    assert {d.connection_no for d in reminded} == {prompt, other}
    scene.clock.at = dt.datetime(2025, 12, 20, 9, 0)
    pay(scene.counter, prompt, _plan_line(scene, prompt, 1)[0])
    scene.counter.sync()
    with scene.ho.db.reading() as session:
        result = programme_evaluation(session, "BUKA-SEGEL", today=dt.date(2025, 12, 31))
        kpg = programme_evaluation(session, "BUKA-SEGEL", branch="KPG",
                                   today=dt.date(2025, 12, 31))
    c = result.campaign
    assert (c.invited, c.invited_enrolled, c.reminded, c.reminded_paid) == (
        len(invited), 2, 2, 1)
    assert kpg.campaign.reminded == 2  # the plans are KPG's
    report = evaluation_text(result)
    assert "Diundang (undangan terkirim)" in report
    assert "Diingatkan lalu membayar cicilan dalam 7 hari" in report
    assert evaluation_data(result)["campaign"]["invited_enrolled"] == 2
