"""Schema migrations (Alembic), applied automatically when a branch database is opened.

Before a file that holds a schema is upgraded, a consistent copy of it is kept as
``<its folder>/backups/loket-YYYYMMDD-HHMMSS-pre-migration-<revision>.sqlite3``.
Whether an upgrade is due is found without loading Alembic (a few hundred milliseconds
of every start-up): the stored revision is read with SQL and the newest one from the
migration scripts' ``revision`` / ``down_revision`` lines.
"""

from __future__ import annotations

import ast
import datetime as dt
import functools
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine

from app.models.dbfile import backup_dir, free_backup_path, local_now, online_copy

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


@functools.cache
def _revisions() -> dict[str, tuple[str, ...]]:
    """Every migration script's revision and the revisions it follows."""
    found: dict[str, tuple[str, ...]] = {}
    for path in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        values = _assignments(path, ("revision", "down_revision"))
        if isinstance(values.get("revision"), str):
            down = values.get("down_revision")
            found[values["revision"]] = ((down,) if isinstance(down, str)
                                         else tuple(down or ()))
    return found


def _assignments(path: Path, names: tuple[str, ...]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            target, value = node.target, node.value
        else:
            continue
        if isinstance(target, ast.Name) and target.id in names:
            values[target.id] = ast.literal_eval(value)
    return values


@functools.cache
def head_revision() -> str:
    """The newest revision: the one no other script follows."""
    revisions = _revisions()
    followed = {parent for parents in revisions.values() for parent in parents}
    heads = [revision for revision in revisions if revision not in followed]
    if len(heads) != 1:
        raise RuntimeError(f"the migrations must have one head, not {heads}")
    return heads[0]


def current_revision(engine: Engine) -> str | None:
    """The revision stored in the database (None for a database without a schema)."""
    with engine.connect() as connection:
        table = connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).first()
        row = (connection.exec_driver_sql("SELECT version_num FROM alembic_version").first()
               if table is not None else None)
    return None if row is None else str(row[0])


def needs_upgrade(engine: Engine) -> bool:
    return current_revision(engine) != head_revision()


def known_revision(revision: str) -> bool:
    """Whether this version of Loket has migration ``revision`` (a newer one would not)."""
    return revision in _revisions()


def database_file(engine: Engine) -> Path | None:
    """The file behind an SQLite engine (None in memory)."""
    name = engine.url.database
    return Path(name) if name and name != ":memory:" and not name.startswith("file:") else None


def backup_before_migration(engine: Engine, now: dt.datetime | None = None) -> Path | None:
    """Copy the database aside before its schema changes; returns the copy (None if the
    file is new or empty: there is nothing to lose)."""
    db_file = database_file(engine)
    revision = current_revision(engine)
    if db_file is None or revision is None or not db_file.is_file() \
            or db_file.stat().st_size == 0:
        return None
    folder = backup_dir(db_file.parent)
    at = now or local_now()
    return online_copy(db_file, free_backup_path(folder, at, f"pre-migration-{revision}"))


def upgrade(engine: Engine, revision: str = "head", *, backup: bool = True) -> None:
    """Bring the schema up to ``revision`` (the newest by default) in one transaction,
    after keeping a copy of the file (unless ``backup`` is false: it is a copy already)."""
    if revision == "head" and not needs_upgrade(engine):
        return
    if backup and current_revision(engine) != revision:
        backup_before_migration(engine)
    from alembic import command

    config = alembic_config()
    with engine.connect() as connection:
        # Batch migrations rebuild tables; SQLite wants foreign keys off while they run
        # (a pragma that only takes effect outside a transaction) and checked after.
        raw = connection.connection.driver_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                command.upgrade(config, revision)
                problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise RuntimeError(f"migration broke foreign keys: {problems[:5]}")
        finally:
            raw.execute("PRAGMA foreign_keys=ON")
