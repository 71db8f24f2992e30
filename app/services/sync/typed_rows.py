"""Checking pulled customers and bills field by field as they come (JSON values).

The general path turns each change into CSV cells and runs the import's cell checks —
exact, with a reason for every refused cell, but slow for a whole branch (a snapshot of
200,000 bills). These checks accept only values the import checks accept too, and give
the same values; anything they do not accept (a number sent as text, a field too long,
a repeated key) returns ``None`` and the caller takes the general path, which gives the
precise refusal.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Callable, Sequence
from typing import Any

from app.models import CustomerStatus
from app.services.imports.csv_files import MAX_MONEY, MAX_READING, MAX_USAGE
from app.services.imports.plan import ValidRow

Changes = Sequence[Any]  # apply.Change: change_id, kind, key, data
_TEXT = {"name": 120, "address": 200, "kelurahan": 60, "kecamatan": 60, "tariff_group": 8,
         "meter_no": 24}
_OPTIONAL = {"phone": 24}
_DIGITS = {"connection_no": (20, True), "rt": (4, False), "rw": (4, False)}
_STATUSES = {s.value: s for s in CustomerStatus}
_WHOLE = {"reading_start": MAX_READING, "reading_end": MAX_READING, "usage_m3": MAX_USAGE,
          "water_charge": MAX_MONEY, "fees": MAX_MONEY, "penalty": MAX_MONEY}


class _Unfit(Exception):
    """A value these checks do not take; the general path decides."""


def _text(value: Any, limit: int, required: bool) -> str:
    if value is None and not required:
        return ""
    if not isinstance(value, str):
        raise _Unfit
    text: str = value.strip()
    if (required and not text) or len(text) > limit:
        raise _Unfit
    return text


def _digits(value: Any, limit: int, required: bool) -> str:
    text = _text(value, limit, required)
    if text and not (text.isascii() and text.isdigit()):
        raise _Unfit
    return text


def _date(value: Any) -> dt.date:
    if not isinstance(value, str) or len(value) != 10 or not value.isascii() \
            or value[4] != "-" or value[7] != "-":
        raise _Unfit
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise _Unfit from None


def _whole(value: Any, top: int) -> int:
    if type(value) is not int or not 0 <= value <= top:
        raise _Unfit
    return value


_MONTHS = frozenset(f"{m:02d}" for m in range(1, 13))


def _period(value: Any) -> str:
    if not isinstance(value, str):
        raise _Unfit
    year, dash, month = value.partition("-")
    if not (len(value) == 7 and dash == "-" and year.isascii() and year.isdigit()
            and 1900 <= int(year) <= 2100 and month in _MONTHS):
        raise _Unfit
    return value


def _customer(data: dict[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {f: _digits(data.get(f), *rule) for f, rule in _DIGITS.items()}
    values.update({f: _text(data.get(f), limit, True) for f, limit in _TEXT.items()})
    values.update({f: _text(data.get(f), limit, False) for f, limit in _OPTIONAL.items()})
    values["name_lower"] = values["name"].lower()
    status = data.get("status")
    if not isinstance(status, str) or status.strip().lower() not in _STATUSES:
        raise _Unfit
    values["status"] = _STATUSES[status.strip().lower()]
    values["status_date"] = _date(data.get("status_date"))
    return values


def _bill_checker() -> Callable[[dict[str, Any]], dict[str, Any]]:
    """A bill check that remembers the connection numbers, periods and dates it has
    seen (a branch has a few dozen periods and due dates, and each customer many bills)."""
    numbers: dict[Any, str] = {}
    periods: dict[Any, str] = {}
    dates: dict[Any, dt.date] = {}
    wholes = tuple(_WHOLE.items())

    def check(data: dict[str, Any]) -> dict[str, Any]:
        get = data.get
        number, month, due = get("connection_no"), get("period"), get("due_date")
        if type(number) is not str or type(month) is not str or type(due) is not str:
            raise _Unfit  # (and nothing unhashable reaches the memories)
        values: dict[str, Any] = {
            "connection_no": numbers[number] if number in numbers
            else numbers.setdefault(number, _digits(number, 20, True)),
            "period": periods[month] if month in periods
            else periods.setdefault(month, _period(month))}
        for field, top in wholes:
            value = get(field)
            if type(value) is not int or not 0 <= value <= top:
                raise _Unfit
            values[field] = value
        if values["reading_end"] < values["reading_start"]:
            raise _Unfit
        values["due_date"] = dates[due] if due in dates else dates.setdefault(due, _date(due))
        settled = get("settled")
        if type(settled) is not bool:
            raise _Unfit
        values["settled"] = settled
        return values

    return check


def _rows(changes: Changes, check: Callable[[dict[str, Any]], dict[str, Any]],
          key: Callable[[dict[str, Any]], Any]) -> list[ValidRow] | None:
    try:
        checked = [(c.change_id, check(c.data)) for c in changes]
    except _Unfit:
        return None
    if len({key(values) for _, values in checked}) != len(checked):
        return None
    return [ValidRow(line, values["connection_no"], values) for line, values in checked]


_BILL_FIELDS = ("connection_no", "period", *_WHOLE, "due_date", "settled")


def bill_columns(groups: Sequence[tuple[Sequence[str], list[list[Any]]]]
                 ) -> dict[str, list[Any]] | None:
    """Bills given column by column — (field names, columns) of each group — checked a
    column at a time, as ``bill_rows`` checks them a bill at a time: the checked
    values by field, or ``None`` (a field missing, a value these checks do not take,
    or a (connection, period) twice)."""
    merged: dict[str, list[Any]] = {field: [] for field in _BILL_FIELDS}
    for names, columns in groups:
        where = {name: n for n, name in enumerate(names)}
        if any(field not in where for field in _BILL_FIELDS):
            return None
        for field, values in merged.items():
            values.extend(columns[where[field]])
    try:
        numbers, months, due = (_distinct(merged[f], str) for f in
                                ("connection_no", "period", "due_date"))
        stripped = {v: _digits(v, 20, True) for v in numbers}
        for month in months:
            _period(month)
        dates = {v: _date(v) for v in due}
        for field, top in _WHOLE.items():
            _wholes(merged[field], top)
        _distinct(merged["settled"], bool)
    except _Unfit:
        return None
    if not all(map(operator.ge, merged["reading_end"], merged["reading_start"])):
        return None
    if any(v != stripped[v] for v in numbers):
        merged["connection_no"] = [stripped[v] for v in merged["connection_no"]]
    merged["due_date"] = [dates[v] for v in merged["due_date"]]
    if len(set(zip(merged["connection_no"], merged["period"], strict=True))) \
            != len(merged["period"]):
        return None
    return merged


def _distinct(values: list[Any], kind: type) -> set[Any]:
    """The distinct values of a column all of exactly type ``kind``."""
    if not set(map(type, values)) <= {kind}:
        raise _Unfit
    return set(values)


def _wholes(values: list[Any], top: int) -> None:
    if values and (not set(map(type, values)) <= {int} or min(values) < 0
                   or max(values) > top):
        raise _Unfit


def customer_rows(changes: Changes) -> list[ValidRow] | None:
    """The customers' values as the import's checks give them, or ``None``."""
    return _rows(changes, _customer, lambda v: v["connection_no"])


def bill_rows(changes: Changes) -> list[ValidRow] | None:
    """The bills' values as the import's checks give them, or ``None``."""
    return _rows(changes, _bill_checker(), lambda v: (v["connection_no"], v["period"]))
