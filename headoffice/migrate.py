"""Head-office schema migrations (Alembic), applied when the server or a command starts.

The scripts are in ``headoffice/migrations``; their version table is
``headoffice_alembic_version``, so a head-office schema never collides with a branch's.
:func:`upgrade` brings a database to the newest revision in one transaction, holding the
writers' lock (so two processes starting together never both migrate):

- an empty database gets every migration;
- a database made by the first version (tables made with ``create_all``, no version
  table) is stamped as ``0001`` when its tables and columns are those of ``0001``, then
  upgraded; one that differs is refused, naming the differences;
- a database of a *newer* schema (a revision these scripts do not have) is refused:
  this version of ``loket-headoffice`` must not run on it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, MetaData, create_engine, inspect

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
VERSION_TABLE = "headoffice_alembic_version"
BASELINE = "0001"  # the schema the first version made with create_all


class SchemaRefused(ValueError):
    """This version of head office cannot use the database's schema (nothing was changed)."""


def target_metadata() -> MetaData:
    """Every head-office table, as the models declare them."""
    from headoffice import rate_limit  # noqa: F401  (its table belongs to the schema)
    from headoffice.console import tables  # noqa: F401  (staff, sessions, audit trail)
    from headoffice.evaluation import tables as _plans  # noqa: F401  (the plans' records)
    from headoffice.models import Base

    return Base.metadata


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@functools.cache
def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = _scripts().get_current_head()
    if head is None:
        raise RuntimeError("the head-office migrations must have one head")
    return head


def known_revision(revision: str) -> bool:
    """Whether these scripts have ``revision`` (a newer version's would not)."""
    return revision in {script.revision for script in _scripts().walk_revisions()}


def current_revision(connection: Connection) -> str | None:
    """The revision stored in the database (None: no version table or no row)."""
    context = MigrationContext.configure(connection, opts={"version_table": VERSION_TABLE})
    return context.get_current_revision()


def upgrade(engine: Engine, lock: Callable[[Connection], None]) -> str:
    """Bring the schema to the newest revision (see the module doc); returns it.

    ``lock`` is called first inside the migration's transaction (the writers' lock).
    """
    head = head_revision()
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        # Batch migrations rebuild SQLite tables: foreign keys off while they run (a
        # pragma that only takes effect outside a transaction), checked afterwards.
        _foreign_keys(connection, sqlite, on=False)
        try:
            with connection.begin():
                lock(connection)
                _upgrade_locked(connection, head)
                if sqlite:
                    problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if problems:
                        raise RuntimeError(f"a migration broke foreign keys: {problems[:5]}")
        finally:
            _foreign_keys(connection, sqlite, on=True)
    return head


def _foreign_keys(connection: Connection, sqlite: bool, *, on: bool) -> None:
    if sqlite:
        raw = connection.connection.driver_connection
        assert raw is not None
        raw.execute(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")


def _upgrade_locked(connection: Connection, head: str) -> None:
    current = current_revision(connection)
    if current == head:
        return
    if current is not None and not known_revision(current):
        raise SchemaRefused(
            f"the head-office database has schema revision {current}, which this version of "
            f"loket-headoffice does not know (its newest is {head}): a newer version made "
            "or upgraded it. Run that newer version; nothing was changed")
    config = alembic_config(connection)
    if current is None and _holds_tables(connection):
        _check_baseline(connection)
        command.stamp(config, BASELINE)
    command.upgrade(config, "head")


def _holds_tables(connection: Connection) -> bool:
    """Whether the database already has head-office tables (other tables do not count)."""
    return bool(set(inspect(connection).get_table_names()) & set(baseline_tables()))


def _check_baseline(connection: Connection) -> None:
    """A database without a version table must be exactly what ``0001`` makes."""
    inspector = inspect(connection)
    present = set(inspector.get_table_names())
    problems = []
    for table, columns in sorted(baseline_tables().items()):
        if table not in present:
            problems.append(f"table {table} is missing")
            continue
        found = frozenset(c["name"] for c in inspector.get_columns(table))
        if found != columns:
            missing, extra = sorted(columns - found), sorted(found - columns)
            problems.append(f"table {table} differs (missing columns: {missing or '-'}, "
                            f"unknown columns: {extra or '-'})")
    if problems:
        raise SchemaRefused(
            "the head-office database has no schema version and its tables are not those "
            f"of the first version, so it cannot be upgraded safely: {'; '.join(problems)}. "
            "Nothing was changed")


@functools.cache
def baseline_tables() -> dict[str, frozenset[str]]:
    """Table → column names, as revision ``0001`` makes them (built in memory once)."""
    engine = create_engine("sqlite://")
    try:
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), BASELINE)
            inspector = inspect(connection)
            return {table: frozenset(c["name"] for c in inspector.get_columns(table))
                    for table in inspector.get_table_names() if table != VERSION_TABLE}
    finally:
        engine.dispose()
