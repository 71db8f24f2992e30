"""The overdue collection list and today's receipts, and their CSV / XLSX exports."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from openpyxl import load_workbook

from app.bootstrap import BranchDatabase
from app.services.clock import FixedClock
from app.services.context import Actor
from app.services.exports import write_csv, write_xlsx
from app.services.ledger.enrolment import EnrolRequest, enrol_and_pay
from app.services.ledger.payments import Tender
from app.services.ledger.voids import VoidRequest, void_payment
from app.services.worklists import overdue_instalments, receipts_for_day
from tests.support.fakes import SUPERVISOR, add_customer, monthly_bills


def enrol_two(branch: BranchDatabase, cashier: Actor) -> list[str]:
    numbers = []
    for no, name in (("10000001", "Yakob Ndun"), ("10000002", "Maria Bessie")):
        add_customer(branch, no, name=name, bills=monthly_bills("2024-01", 10, 60_000))
        numbers.append(enrol_and_pay(branch.writing(), cashier, EnrolRequest(
            no, 3, Tender(300_000, 300_000))).receipt_no)
    return numbers


def test_overdue_list_names_who_to_call(branch: BranchDatabase, cashier: Actor,
                                        clock: FixedClock) -> None:
    enrol_two(branch, cashier)
    assert overdue_instalments(branch.reading()) == []
    lines = overdue_instalments(branch.reading(), dt.date(2026, 1, 5))
    assert [(x.name, x.instalment, x.outstanding, x.days_overdue) for x in lines] == [
        ("Maria Bessie", 1, 100_000, 16), ("Yakob Ndun", 1, 100_000, 16)]
    assert lines[0].phone.startswith("08")


def test_todays_receipts_mark_voids(branch: BranchDatabase, cashier: Actor, tmp_path: Path) -> None:
    first, second = enrol_two(branch, cashier)
    void_payment(branch.writing(), cashier, VoidRequest(second, "salah nama", *SUPERVISOR))
    lines = receipts_for_day(branch.reading(), cashier.counter_id)
    assert [(x.receipt_no, x.voided, x.void_reason) for x in lines] == [
        (first, False, ""), (second, True, "salah nama")]
    assert write_csv(lines, tmp_path / "r.csv") == 2
    with (tmp_path / "r.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[1]["receipt_no"] == second and rows[1]["voided"] == "ya"
    assert write_xlsx(lines, tmp_path / "r.xlsx", title="Penerimaan") == 2
    sheet = load_workbook(tmp_path / "r.xlsx").active
    assert sheet is not None and sheet.title == "Penerimaan"
    assert sheet.cell(row=2, column=8).value == 300_000  # amounts stay numbers
