"""The demo generated in chunks of a transaction each: the same branch as in one."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.bootstrap import BranchDatabase, open_branch
from app.models.database import database_path
from app.services.demo.branch import generate_demo
from app.services.search.customers import compact_search_index, search_customers
from app.services.setup import BranchSetup, initialise_branch

CUSTOMERS = 400
TABLES = ("customer", "bill", "customer_search_text", "customer_search_arrears")
FULL_TEXT = ("customer_search_fts", "customer_search_words")
QUERIES = ("bes", "ndun", "oeleta", "jl. ", "1", "manafe sik")


@pytest.fixture
def empty_branch(tmp_path: Path) -> Iterator[BranchDatabase]:
    branch = open_branch(tmp_path / "branch", create=True)
    initialise_branch(branch.writing(), BranchSetup())
    yield branch
    branch.close()


def contents(data_dir: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the demo's tables, and the schema's indexes and triggers."""
    db = sqlite3.connect(database_path(data_dir))
    try:
        found = {table: db.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()
                 for table in TABLES}
        found["schema"] = sorted(db.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_schema "
            "WHERE type IN ('index', 'trigger')").fetchall())
        found["generated"] = db.execute("SELECT action, details FROM audit_record "
                                        "WHERE action = 'demo.generate'").fetchall()
        return found
    finally:
        db.close()


def full_text_consistent(data_dir: Path) -> bool:
    """FTS5's own check of each full-text index against the text table it indexes."""
    db = sqlite3.connect(database_path(data_dir))
    try:
        for table in FULL_TEXT:
            db.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 1)")
        return True
    except sqlite3.DatabaseError:
        return False
    finally:
        db.close()


def searches(branch: BranchDatabase) -> list[tuple[int, tuple[int, ...]]]:
    return [(result.total, tuple(hit.id for hit in result.hits))
            for result in (search_customers(branch.reading(), q) for q in QUERIES)]


def make(data_dir: Path, chunk: int) -> tuple[dict[str, list[tuple[object, ...]]], list[
        tuple[int, tuple[int, ...]]]]:
    branch = open_branch(data_dir, create=True)
    try:
        initialise_branch(branch.writing(), BranchSetup())
        generate_demo(branch, customers=CUSTOMERS, seed=11, chunk=chunk)
        found = searches(branch)
    finally:
        branch.close()
    assert full_text_consistent(data_dir)
    return contents(data_dir), found


def test_chunks_give_the_same_branch_as_one_transaction(tmp_path: Path) -> None:
    whole, whole_searches = make(tmp_path / "whole", chunk=CUSTOMERS)
    chunked, chunked_searches = make(tmp_path / "chunked", chunk=150)
    assert len(whole["customer"]) == CUSTOMERS and len(whole["bill"]) > 4 * CUSTOMERS
    assert len(whole["customer_search_text"]) == CUSTOMERS
    assert len(whole["generated"]) == 1
    for table in (*TABLES, "schema", "generated"):
        assert chunked[table] == whole[table], table
    assert chunked_searches == whole_searches
    assert all(total > 0 for total, _ in whole_searches[:3])


def test_the_search_tables_built_at_the_end_are_what_the_triggers_keep(
        empty_branch: BranchDatabase) -> None:
    generate_demo(empty_branch, customers=CUSTOMERS, seed=3, chunk=100)
    built = contents(empty_branch.data_dir)
    with empty_branch.writing() as uow:  # every customer and bill passes its triggers again
        db = uow.session.connection()
        db.exec_driver_sql("UPDATE customer SET name_lower = name_lower")
        db.exec_driver_sql("UPDATE bill SET settled = settled")
        uow.commit()
    compact_search_index(empty_branch.writing())
    kept = contents(empty_branch.data_dir)
    for table in ("customer_search_text", "customer_search_arrears", "schema"):
        assert kept[table] == built[table], table
    assert full_text_consistent(empty_branch.data_dir)


def test_progress_is_told_after_every_chunk(empty_branch: BranchDatabase) -> None:
    told: list[tuple[int, int]] = []
    generate_demo(empty_branch, customers=250, chunk=100,
                  progress=lambda done, total: told.append((done, total)))
    assert told == [(100, 250), (200, 250), (250, 250)]


def test_a_failure_midway_leaves_the_branch_as_it_was(empty_branch: BranchDatabase) -> None:
    before = contents(empty_branch.data_dir)

    def stop_after_the_second_chunk(done: int, _total: int) -> None:
        if done >= 200:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        generate_demo(empty_branch, customers=CUSTOMERS, chunk=100,
                      progress=stop_after_the_second_chunk)
    assert contents(empty_branch.data_dir) == before
    summary = generate_demo(empty_branch, customers=CUSTOMERS, chunk=100)
    assert summary.customers == CUSTOMERS
    assert searches(empty_branch)[0][0] > 0
