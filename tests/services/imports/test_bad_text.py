"""A CSV cell holding NUL or another control character is refused with its line and
column named, and nothing of the file is imported (finding 5: a NUL in a name was stored
and that customer could then not be found by name)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.bootstrap import BranchDatabase
from app.services.context import Actor
from app.services.imports.master_data import ImportRejected, import_bills, import_customers
from app.services.search.customers import search_customers
from tests.services.imports.test_imports import (
    BILL_HEADER,
    CUSTOMER_HEADER,
    bill_line,
    customer_line,
    snapshot,
)
from tests.services.imports.test_imports import write_csv as write_lines
from tests.support.fakes import add_customer, monthly_bills


@pytest.mark.parametrize(("cell", "said"), [
    ("Yohanes\x00Bria", "name holds the character NUL (U+0000) at position 8"),
    ("Yohanes\x1bBria", "name holds the character escape (U+001B) at position 8"),
    ("Yohanes \u202eairB",
     "name holds the character RIGHT-TO-LEFT OVERRIDE (U+202E) at position 9"),
    ("Yohanes\x7fBria", "name holds the character U+007F at position 8"),
])
def test_a_control_character_in_a_customer_cell_refuses_the_file(
        branch: BranchDatabase, system: Actor, tmp_path: Path, cell: str, said: str) -> None:
    before = snapshot(branch)
    path = write_lines(tmp_path / "customers.csv", CUSTOMER_HEADER, [
        customer_line("60000001"), customer_line("60000002", name=cell)])
    with pytest.raises(ImportRejected) as refused:
        import_customers(branch.writing(), system, path)
    reasons = {r.line: "; ".join(p.text for p in r.reasons)
               for r in refused.value.report.rejected}
    assert list(reasons) == [3] and said in reasons[3], reasons
    assert snapshot(branch) == before

    fixed = write_lines(tmp_path / "customers.csv", CUSTOMER_HEADER, [
        customer_line("60000001"), customer_line("60000002", name="Yohanes Bria")])
    import_customers(branch.writing(), system, fixed)
    assert len(search_customers(branch.reading(), "yohanes bria").hits) == 2


def test_a_control_character_in_a_bill_cell_refuses_the_file(
        branch: BranchDatabase, system: Actor, tmp_path: Path) -> None:
    add_customer(branch, "2001", bills=monthly_bills("2024-01", 2, 50_000))
    before = snapshot(branch)
    path = write_lines(tmp_path / "bills.csv", BILL_HEADER, [
        bill_line("2001", "2025-01"), bill_line("2001", "2025-02\x00")])
    with pytest.raises(ImportRejected) as refused:
        import_bills(branch.writing(), system, path)
    assert [r.line for r in refused.value.report.rejected] == [3]
    assert snapshot(branch) == before
