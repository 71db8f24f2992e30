"""Head-office schema migrations: an empty database reaches the models' schema, a database
of the first version (made by ``create_all``) is stamped and upgraded, a newer one is
refused — on SQLite and, with ``LOKET_TEST_POSTGRES_URL``, PostgreSQL."""

from __future__ import annotations

import fnmatch
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Column, Integer, MetaData, String, Table, inspect, text

from headoffice.cli import main
from headoffice.db import Database
from headoffice.migrate import (
    BASELINE,
    MIGRATIONS_DIR,
    VERSION_TABLE,
    SchemaRefused,
    alembic_config,
    baseline_tables,
    current_revision,
    head_revision,
    target_metadata,
)
from headoffice.models import BranchOffice
from tests.support.office_server import postgres_schema

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(params=["sqlite", "postgresql"])
def fresh_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database of its own for each test (PostgreSQL: a new schema)."""
    if request.param == "sqlite":
        yield f"sqlite:///{(tmp_path / 'headoffice.sqlite3').as_posix()}"
        return
    with postgres_schema() as url:
        yield url


def differences(db: Database) -> list[object]:
    """What Alembic finds between the database and the models (nothing, when in step)."""
    with db.writer.connect() as connection:
        context = MigrationContext.configure(connection, opts={
            "compare_type": True, "version_table": VERSION_TABLE})
        return list(compare_metadata(context, target_metadata()))


def revision(db: Database) -> str | None:
    with db.writer.connect() as connection:
        return current_revision(connection)


def tables(db: Database) -> set[str]:
    with db.writer.connect() as connection:
        return set(inspect(connection).get_table_names())


def first_version_database(url: str) -> Database:
    """What the first version made: its tables (revision ``0001`` is exactly them), and
    no version table."""
    db = Database(url)
    with db.writer.begin() as connection:
        command.upgrade(alembic_config(connection), BASELINE)
        connection.execute(text(f"DROP TABLE {VERSION_TABLE}"))
    assert set(tables(db)) == set(baseline_tables())
    with db.writing() as session:
        session.add(BranchOffice(code="KPG", name="Kantor Pelayanan Kota Kupang"))
    return db


def test_an_empty_database_is_upgraded_to_exactly_the_models(fresh_url: str) -> None:
    db = Database(fresh_url)
    try:
        epoch = db.create_tables()
        assert revision(db) == head_revision()
        assert differences(db) == []
        assert "alembic_version" not in tables(db)  # the branch's table name stays free
        assert db.create_tables() == epoch  # again: nothing to do, the same epoch
    finally:
        db.dispose()


def test_a_first_version_database_is_stamped_and_upgraded_keeping_its_data(
        fresh_url: str) -> None:
    db = first_version_database(fresh_url)
    try:
        assert VERSION_TABLE not in tables(db)
        db.create_tables()
        assert revision(db) == head_revision() != BASELINE
        assert differences(db) == []
        with db.reading() as session:
            assert session.get(BranchOffice, "KPG") is not None
    finally:
        db.dispose()


def test_a_database_without_a_version_that_differs_is_refused_untouched(
        fresh_url: str) -> None:
    db = first_version_database(fresh_url)
    try:
        with db.writer.begin() as connection:
            connection.execute(text("DROP TABLE reconcile_report"))
        with pytest.raises(SchemaRefused) as refused:
            db.create_tables()
        assert "table reconcile_report is missing" in str(refused.value)
        assert VERSION_TABLE not in tables(db) and "registration_failure" not in tables(db)
    finally:
        db.dispose()


def test_a_newer_schema_is_refused_by_serve_and_init(
        fresh_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    db = Database(fresh_url)
    try:
        db.create_tables()
        with db.writer.begin() as connection:
            connection.execute(text(f"UPDATE {VERSION_TABLE} SET version_num = '9999'"))
        assert main(["serve", "--database-url", fresh_url, "--port", "1"]) == 1
        error = capsys.readouterr().err
        assert error.startswith("loket-headoffice serve: the head-office database has schema "
                                "revision 9999")
        assert "newer version" in error and "nothing was changed" in error
        assert main(["init", "--database-url", fresh_url]) == 1
        assert "revision 9999" in capsys.readouterr().err
        assert revision(db) == "9999"
    finally:
        db.dispose()


def test_init_upgrades_beside_another_applications_tables(
        fresh_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    """A branch's ``alembic_version`` (or any other table) in the same database is left
    alone: head office keeps its version in a table of its own."""
    db = Database(fresh_url)
    try:
        other = MetaData()
        version = Table("alembic_version", other, Column("version_num", String(32)))
        Table("unrelated", other, Column("id", Integer, primary_key=True))
        other.create_all(db.writer)
        with db.writer.begin() as connection:
            connection.execute(version.insert().values(version_num="0006"))
        assert main(["init", "--database-url", fresh_url]) == 0, capsys.readouterr().err
        assert revision(db) == head_revision()
        assert sorted((d[0], d[1].name) for d in differences(db)) == [  # type: ignore[index]
            ("remove_table", "alembic_version"), ("remove_table", "unrelated")]
        with db.writer.connect() as connection:
            assert connection.execute(text("SELECT version_num FROM alembic_version")
                                      ).scalar_one() == "0006"
    finally:
        db.dispose()


def test_the_migration_scripts_are_package_data() -> None:
    """An installed head office carries its migrations (the branch bundle carries none)."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["headoffice"]
    scripts = [p.relative_to(MIGRATIONS_DIR.parent).as_posix()
               for p in MIGRATIONS_DIR.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    assert {"migrations/env.py", "migrations/script.py.mako",
            "migrations/versions/0001_initial.py"} <= set(scripts)
    for script in scripts:
        assert any(fnmatch.fnmatch(script, pattern) for pattern in patterns), script
