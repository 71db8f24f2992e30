"""A push's rows written in one statement per table on PostgreSQL, not one per row.

A batch applied whole (``rules.WHOLE``) adds its events, payments, plans and schedule
lines as objects and changes its customers' bills; the session's flush would send one
statement per row (pipelined, but each parsed, planned and run by the server on its
own). :func:`write_new_rows` sends each table's new rows as column arrays unnested by
the server (``INSERT … SELECT * FROM unnest(…)``) and the bills' changes as one
``UPDATE … FROM unnest(…)``, in the order the rows were added, then lets the objects go
(nothing reads them after the batch). Whatever else the batch changed is left to the
flush. On SQLite (in process, one writer) the flush is already cheap: nothing changes.

Rows nothing reads back in the batch (a plan's schedule lines and its field-work row)
are not made objects at all in such a batch: :func:`add_rows` keeps them as plain rows
(:func:`buffer_rows` starts that) and :func:`write_new_rows` writes them with the rest;
:func:`buffered` lets a change to such a row reach one not yet written.

:func:`among` is ``column IN values`` as one array parameter on PostgreSQL, so a
batch's look-ups of 500 ids are short statements the driver and the server parse once.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Collection, Sequence
from typing import Any, cast

from sqlalchemy import ColumnElement, Table, any_, bindparam, inspect, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session
from sqlalchemy.sql.type_api import TypeEngine
from sqlalchemy.types import JSON

from headoffice.evaluation.tables import PlanInstalment, PlanTrack
from headoffice.models import Bill, Enrolment, Event, Payment

INSERTED = (Event, Enrolment, Payment, PlanInstalment, PlanTrack)  # in this order
ORDINAL = "loket_row"  # each row's place, so rows are inserted (and numbered) in order
BILL_CHANGES = ("settled", "settled_by", "enrolment_uuid")  # what a push changes in a bill
ROWS = "loket_bulk_rows"  # session.info: model → rows added as plain rows, not yet written


def on_postgresql(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def among(session: Session, column: Any, values: Collection[Any]) -> ColumnElement[bool]:
    """``column IN values``; on PostgreSQL ``column = ANY(array)``."""
    if on_postgresql(session):
        array = bindparam(None, list(values), type_=ARRAY(column.type))
        return column == any_(array)  # type: ignore[no-any-return]
    return column.in_(list(values))  # type: ignore[no-any-return]


def buffer_rows(session: Session) -> None:
    """From here on in this transaction (a batch applied whole), :func:`add_rows` keeps
    rows for :func:`write_new_rows` on PostgreSQL instead of adding objects."""
    if on_postgresql(session):
        session.info[ROWS] = {}


def add_rows(session: Session, model: type[Any], rows: Sequence[dict[str, Any]]) -> None:
    """New rows of ``model`` (every column's value, the same keys in each): kept as rows
    when :func:`buffer_rows` was called, else added to the session as objects."""
    kept: dict[type[Any], list[dict[str, Any]]] | None = session.info.get(ROWS)
    if kept is None:
        session.add_all([model(**row) for row in rows])
    else:
        kept.setdefault(model, []).extend(rows)


def buffered(session: Session, model: type[Any]) -> list[dict[str, Any]]:
    """The rows of ``model`` kept by :func:`add_rows` and not yet written (change them
    in place to change what is written)."""
    kept: dict[type[Any], list[dict[str, Any]]] = session.info.get(ROWS, {})
    return kept.get(model, [])


def write_new_rows(session: Session) -> None:
    """On PostgreSQL: write the session's new events, plans, payments and schedule lines
    (objects and rows kept by :func:`add_rows`) and its bills' changes, a statement per
    table; the objects leave the session."""
    if not on_postgresql(session):
        return
    new = sorted((o for o in session.new if type(o) in INSERTED),
                 key=lambda o: inspect(o).insert_order)
    bills = [b for b in session.dirty if isinstance(b, Bill) and _bill_only_settled(b)]
    kept: dict[type[Any], list[dict[str, Any]]] = session.info.pop(ROWS, {})
    with session.no_autoflush:  # these rows are written here, not by the flush
        for kind in INSERTED:
            objects = [o for o in new if type(o) is kind]
            if objects:
                _insert_objects(session, kind, objects)
            if kept.get(kind):
                insert_rows(session, kind, kept[kind])
        if bills:
            _update_bills(session, bills)
    for obj in [*new, *bills]:
        session.expunge(obj)


def insert_rows(session: Session, model: type[Any], rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows`` (column key → value; the keys of the first row) in one statement,
    in their order: one JSON parameter the server turns into rows (PostgreSQL)."""
    table = _table(model)
    columns = [table.columns[key] for key in rows[0]]
    names = ", ".join(f'"{c.name}"' for c in columns)
    typed = ", ".join(f'"{c.name}" {_sql_type(session, c.type)}' for c in columns)
    session.execute(text(
        f'INSERT INTO "{table.name}" ({names}) SELECT {names} FROM json_to_recordset('
        f"CAST(:rows AS JSON)) AS v({typed}, {ORDINAL} BIGINT) ORDER BY v.{ORDINAL}"),
        {"rows": _as_json([{ORDINAL: n, **{c.name: row[c.key] for c in columns}}
                           for n, row in enumerate(rows)])})


def _insert_objects(session: Session, model: type[Any], objects: Sequence[Any]) -> None:
    columns = [c for c in _table(model).columns if not _left_to_server(c, objects)]
    insert_rows(session, model, [{c.key: _value(o, c) for c in columns} for o in objects])


def _left_to_server(column: Any, objects: Sequence[Any]) -> bool:
    """An autoincrement key no object carries: the database numbers the rows."""
    return bool(column.primary_key and column.autoincrement is not False
                and column.type.python_type is int
                and all(o.__dict__.get(column.key) is None for o in objects))


def _value(obj: Any, column: Any) -> Any:
    """The object's value, else the model's default (as the flush would insert)."""
    if column.key in obj.__dict__ or column.default is None:
        return obj.__dict__.get(column.key)
    if not column.default.is_scalar:
        raise TypeError(f"{column} has a default the bulk insert cannot compute")
    return column.default.arg


def _table(model: type[Any]) -> Table:
    return cast(Table, model.__table__)


def _as_json(rows: list[dict[str, Any]]) -> str:
    return json.dumps(rows, default=_iso, ensure_ascii=False)


def _iso(value: object) -> str:
    if isinstance(value, dt.date):  # dates and times (naive UTC) as PostgreSQL reads them
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not written in bulk")


def _sql_type(session: Session, kind: TypeEngine[Any]) -> str:
    return "JSON" if isinstance(kind, JSON) else str(
        kind.compile(dialect=session.get_bind().dialect))


def delete_keys(session: Session, model: type[Any], keys: Sequence[tuple[str, str]]) -> None:
    """Delete the rows of ``model`` whose (kind, key) is one of ``keys`` (PostgreSQL)."""
    session.execute(text(
        f'DELETE FROM "{_table(model).name}" AS t USING json_to_recordset(CAST(:keys AS JSON)) '
        "AS k(kind TEXT, key TEXT) WHERE t.kind = k.kind AND t.key = k.key"),
        {"keys": _as_json([{"kind": kind, "key": key} for kind, key in keys])})


def _bill_only_settled(bill: Bill) -> bool:
    """A bill changed only in what a push changes (anything else: the flush writes it)."""
    state = inspect(bill)
    changed = set(state.mapper.column_attrs.keys()) - state.unmodified
    return bool(changed) and changed <= set(BILL_CHANGES) and not state.pending


def _update_bills(session: Session, bills: Sequence[Bill]) -> None:
    session.execute(text(
        "UPDATE bill SET settled = v.settled, settled_by = v.settled_by, "
        "enrolment_uuid = v.enrolment_uuid FROM json_to_recordset(CAST(:bills AS JSON)) "
        "AS v(id BIGINT, settled BOOLEAN, settled_by TEXT, enrolment_uuid TEXT) "
        "WHERE bill.id = v.id"),
        {"bills": _as_json([{"id": b.id, "settled": b.settled, "settled_by": b.settled_by,
                             "enrolment_uuid": b.enrolment_uuid} for b in bills])})
