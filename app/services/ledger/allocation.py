"""Splitting a payment over what is owed, oldest first (pure functions)."""

from __future__ import annotations

from collections.abc import Sequence


def allocate_oldest_first(
    amount: int, outstanding: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Spread ``amount`` over ``(key, outstanding)`` items in the given order.

    Returns ``(key, share)`` for every item that receives something. Each share is at
    most the item's outstanding amount; the shares sum to ``amount`` unless the items
    together owe less (the caller refuses that case before allocating).
    """
    result: list[tuple[int, int]] = []
    left = amount
    for key, owed in outstanding:
        if left <= 0:
            break
        share = min(left, owed)
        if share > 0:
            result.append((key, share))
            left -= share
    return result
