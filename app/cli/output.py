"""Printing results for people (aligned tables) or for programs (one JSON object)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any

from app.cli.words import WORDS
from app.services.command_line import Words
from app.services.money import format_rupiah


class Output:
    """Where a command's result goes: text lines, or JSON with ``--json``; ``words`` says
    the lines in the chosen language (Bahasa Indonesia unless told otherwise)."""

    def __init__(self, json_mode: bool, words: Words | None = None) -> None:
        self.json_mode = json_mode
        self.words = words or Words(WORDS, "id")
        self.lang = self.words.lang

    def result(self, data: dict[str, Any], lines: Iterable[str]) -> None:
        """Print ``data`` as JSON, or the human ``lines``."""
        if self.json_mode:
            print(to_json(data))
        else:
            for line in lines:
                print(line)

    def error(self, code: str, message: str, extra: dict[str, Any] | None = None,
              lines: Iterable[str] = ()) -> None:
        """A refusal: the message on stderr; with ``--json`` an error object on stdout."""
        if self.json_mode:
            print(to_json({"error": {"code": code, "message": message}, **(extra or {})}))
        else:
            for line in lines:
                print(line)
        print(f"loket-admin: {message}", file=sys.stderr)


def to_json(data: dict[str, Any]) -> str:
    """Pretty JSON; dates become ISO strings."""
    return json.dumps(data, indent=2, default=str)


def table(headers: Sequence[str], rows: Iterable[Sequence[object]],
          right: Iterable[int] = ()) -> list[str]:
    """Rows under a header, columns padded; column numbers in ``right`` are right-aligned."""
    cells = [[str(c) for c in headers], *([str(c) for c in row] for row in rows)]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    right_aligned = set(right)

    def line(row: list[str]) -> str:
        return "  ".join(cell.rjust(w) if i in right_aligned else cell.ljust(w)
                         for i, (cell, w) in enumerate(zip(row, widths, strict=True))).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return [line(cells[0]), rule, *(line(row) for row in cells[1:])]


def rupiah(amount: int) -> str:
    return format_rupiah(amount)


def in_words(kind: str, code: str, words: Words) -> str:
    """A code of ``kind`` (``plan``: a plan's state, ``status``: a connection's) in words;
    a code without words as it is."""
    key = f"{kind}.{code}"
    return words(key) if key in words.catalogue else code


def count(n: int) -> str:
    """``17405`` → ``17.405`` (Indonesian grouping, as on the counter screens)."""
    return f"{n:,}".replace(",", ".")
