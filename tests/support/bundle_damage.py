"""Damaging sync bundles for the tests at head office and at the branch: random byte
flips and cuts, and zips rebuilt from chosen members."""

from __future__ import annotations

import io
import random
import zipfile
from collections.abc import Iterator


def damaged_copies(data: bytes, count: int = 1_000, seed: int = 20261207) -> Iterator[bytes]:
    """``count`` damaged copies of ``data``: every fourth cut off at a random place, the
    others with one, two or eight random bits flipped."""
    rng = random.Random(seed)
    for n in range(count):
        damaged = bytearray(data)
        if n % 4 == 0:
            damaged = damaged[: rng.randrange(len(damaged))]
        else:
            for _ in range(rng.choice((1, 1, 2, 8))):
                damaged[rng.randrange(len(damaged))] ^= 1 << rng.randrange(8)
        yield bytes(damaged)


def members_of(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def zipped(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in members.items():
            archive.writestr(name, body)
    return buffer.getvalue()
