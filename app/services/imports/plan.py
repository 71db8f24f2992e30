"""What an import will write: checked rows and the plan of inserts and updates."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.services.imports.csv_files import RejectedRow
from app.services.imports.problems import ImportProblem


@dataclass(frozen=True)
class ValidRow:
    """A row whose cells passed every check; ``values`` are ready for the table."""

    line: int
    key: str
    values: dict[str, Any]


@dataclass
class ImportPlan:
    """Rows to insert and to update (by primary key), and rows the database refuses."""

    inserts: list[dict[str, Any]] = field(default_factory=list)
    updates: list[dict[str, Any]] = field(default_factory=list)
    unchanged: int = 0
    rejected: list[RejectedRow] = field(default_factory=list)
    warnings: list[ImportProblem] = field(default_factory=list)
