"""Alembic environment: runs on the connection handed over by ``app.models.migrate``."""

from __future__ import annotations

import warnings

from alembic import context

from app.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only when run from the alembic command line
    from sqlalchemy import create_engine

    connection = create_engine(config.get_main_option("sqlalchemy.url") or "").connect()



def include_object(obj: object, name: str | None, type_: str, reflected: bool,
                   compare_to: object) -> bool:
    """Leave the search index (an FTS5 table made by hand in 0002) out of comparisons."""
    return not (name or "").startswith(("customer_search", "ix_customer_connection_no_lower",
                                        "ix_customer_meter_no_lower"))


context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    include_object=include_object,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction(), warnings.catch_warnings():
    # Batch migrations reflect tables; SQLAlchemy cannot reflect the expression indexes
    # of the search migration and says so. Those indexes are recreated by name, not lost.
    warnings.filterwarnings("ignore", message="Skipped unsupported reflection")
    context.run_migrations()
