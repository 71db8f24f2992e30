"""Loket head office: receives branch events, serves master data, reconciles the money.

An HTTP API (FastAPI) over SQLAlchemy — PostgreSQL in production, SQLite for a demo —
and the ``loket-headoffice`` command. It may use the Qt-free core (``app.models``,
``app.services``) but never the counter window. The protocol: ``docs/sync-protocol.md``.
"""

PROTOCOL_VERSION = 1
SUPPORTED_PROTOCOLS = (1,)
