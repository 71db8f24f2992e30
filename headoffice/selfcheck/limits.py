"""How often the self-check may be asked: per client address and per connection number.

Every lookup counts (a right one too: a customer needs one or two), whether the number
exists or not, so the limit itself says nothing about a number. A request answered
"too many" is not counted, so waiting always helps. The counts live in the server's
memory (sliding windows, bounded): the page never writes to the database, so guessing
at it cannot slow the branches' sync; a restart forgets them.

The client is the connection's peer as uvicorn gives it (an IPv6 address counted per
/64, as ``rate_limit.client_key`` does): its ``X-Forwarded-For`` is believed only from
the addresses in ``FORWARDED_ALLOW_IPS`` (by default 127.0.0.1, a proxy on the same
machine) — the same rule as for device registrations.
"""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass

MAX_KEYS = 100_000  # windows kept per kind; the least recently used go first


@dataclass(frozen=True)
class Rule:
    tries: int
    seconds: int


PER_NUMBER = Rule(5, 15 * 60)
PER_ADDRESS = Rule(30, 60 * 60)


class Window:
    """Tries per key within a sliding window of ``rule.seconds``."""

    def __init__(self, rule: Rule, clock: Callable[[], float]) -> None:
        self.rule = rule
        self._clock = clock
        self._tries: OrderedDict[str, deque[float]] = OrderedDict()

    def wait(self, key: str) -> int:
        """Seconds until ``key`` may try again (0: now)."""
        now = self._clock()
        tries = self._tries.get(key)
        if tries is None:
            return 0
        while tries and tries[0] <= now - self.rule.seconds:
            tries.popleft()
        if len(tries) < self.rule.tries:
            return 0
        return max(1, math.ceil(tries[0] + self.rule.seconds - now))

    def count(self, key: str) -> None:
        tries = self._tries.setdefault(key, deque())
        self._tries.move_to_end(key)
        tries.append(self._clock())
        while len(tries) > self.rule.tries:
            tries.popleft()
        while len(self._tries) > MAX_KEYS:
            self._tries.popitem(last=False)


class Limits:
    """The two windows; :meth:`take` checks both and counts the try if it may go ahead."""

    def __init__(self, per_number: Rule = PER_NUMBER, per_address: Rule = PER_ADDRESS,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.numbers = Window(per_number, clock)
        self.addresses = Window(per_address, clock)
        self._lock = threading.Lock()

    def take(self, address: str, connection_no: str | None) -> int:
        """0 and the try counted, or the seconds to wait (nothing counted)."""
        with self._lock:
            wait = self.addresses.wait(address)
            if connection_no is not None:
                wait = max(wait, self.numbers.wait(connection_no))
            if wait:
                return wait
            self.addresses.count(address)
            if connection_no is not None:
                self.numbers.count(connection_no)
            return 0
