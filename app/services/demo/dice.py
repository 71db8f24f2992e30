"""A fast, seeded source of the demo's random choices (a thin layer over ``random.Random``).

``random.Random.randint`` and ``choice`` are exact but slow; scaling one float draw is
plenty for demo data and several times faster over millions of draws. The same seed text
always gives the same sequence.
"""

from __future__ import annotations

import bisect
import random
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")


class Dice:
    def __init__(self, seed: str) -> None:
        self._random = random.Random(seed).random

    def chance(self, probability: float) -> bool:
        return self._random() < probability

    def number(self, low: int, high: int) -> int:
        """A whole number from ``low`` to ``high``, both included."""
        return low + int(self._random() * (high - low + 1))

    def pick(self, items: Sequence[T]) -> T:
        return items[int(self._random() * len(items))]

    def weighted(self, cumulative: Sequence[int]) -> int:
        """An index drawn with the weights whose running totals are ``cumulative``."""
        return bisect.bisect_right(cumulative, self._random() * cumulative[-1])

    def fraction(self) -> float:
        return self._random()

    def shuffle(self, items: list[T]) -> None:
        """Shuffle in place (Fisher–Yates)."""
        for i in range(len(items) - 1, 0, -1):
            j = int(self._random() * (i + 1))
            items[i], items[j] = items[j], items[i]
