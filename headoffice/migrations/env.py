"""Alembic environment of head office: runs on the connection ``headoffice.migrate``
hands over (``loket-headoffice init`` and ``serve`` upgrade the database).

To write a new migration, compare the models with a database at the newest revision,
e.g. ``alembic.autogenerate.produce_migrations`` on a connection upgraded by
``headoffice.migrate.upgrade``; batch operations are rendered for SQLite.
"""

from __future__ import annotations

from alembic import context

from headoffice.migrate import VERSION_TABLE, target_metadata

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("head-office migrations run through loket-headoffice (init or serve)")

context.configure(
    connection=connection,
    target_metadata=target_metadata(),
    version_table=VERSION_TABLE,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
