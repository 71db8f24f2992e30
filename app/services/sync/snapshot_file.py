"""The branch snapshot as its file holds it: per kind, groups of changes column by column
(read and checked by ``snapshot_load``, loaded by ``snapshot_fresh`` or ``apply``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

from app.services.sync.apply import KINDS, Change

KEY_FROM_DATA = {"customer": ("connection_no",), "bill": ("connection_no", "period")}


@dataclass(frozen=True)
class Group:
    """Changes of one kind with the same fields, column by column as the file holds them
    (``keys``: None where the key follows from the data); numbered on from ``before``."""

    kind: str
    names: tuple[str, ...]
    keys: list[Any]
    columns: list[list[Any]]
    before: int

    def changes(self) -> list[Change]:
        """The group as changes (the numbers name a change in an error message)."""
        derived = KEY_FROM_DATA.get(self.kind)
        changes = []
        for n, (key, values) in enumerate(zip(self.keys, zip(*self.columns, strict=True)
                                              if self.columns else ((),) * len(self.keys),
                                              strict=True)):
            data = dict(zip(self.names, values, strict=True))
            if key is None and derived is not None:
                key = ":".join(str(data.get(f)) for f in derived)
            changes.append(Change(self.before + n + 1, self.kind, key, data))
        return changes


@dataclass(frozen=True)
class Snapshot:
    epoch: str
    branch: str
    cursor: str
    groups: tuple[Group, ...]
    count: int

    def changes_of(self, *kinds: str) -> list[Change]:
        """The changes of these kinds, in the file's order (made when asked: a loader
        that takes the columns as they are need not make 200,000 of them)."""
        return [c for g in self.groups if g.kind in kinds for c in g.changes()]

    @cached_property
    def changes(self) -> tuple[Change, ...]:
        return tuple(self.changes_of(*KINDS))
