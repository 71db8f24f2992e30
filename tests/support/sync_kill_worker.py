"""A counter that syncs and hangs: the process the sync kill test kills mid-sync.

Run as ``python -m tests.support.sync_kill_worker DATA_DIR URL TOKEN PHASE`` from the project
folder, ``PHASE`` being ``push`` or ``pull``. It syncs the branch in ``DATA_DIR`` with the
head office at ``URL``; once head office has answered the first request of that phase,
it prints the phase and waits, holding the sync lock, until it is killed: head office has
done its part, the branch has recorded nothing of the answer.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Mapping
from pathlib import Path

from app.bootstrap import open_branch
from app.services.clock import FixedClock
from app.services.sync import HttpTransport, run_sync
from app.services.sync.protocol import PULL_PATH, PUSH_PATH
from app.services.sync.transport import Json, Traffic
from tests.support.fakes import DEMO_DAY


class HangingTransport:
    """Passes requests on; after the answer to ``path`` it announces it and hangs."""

    def __init__(self, inner: HttpTransport, path: str, phase: str) -> None:
        self.inner, self.path, self.phase = inner, path, phase
        self.traffic: Traffic = inner.traffic

    def post(self, path: str, json_body: Json,
             headers: Mapping[str, str] | None = None) -> tuple[int, Json]:
        return self._hang_after(path, self.inner.post(path, json_body, headers))

    def get(self, path: str, params: Mapping[str, str] | None = None,
            headers: Mapping[str, str] | None = None) -> tuple[int, Json]:
        return self._hang_after(path, self.inner.get(path, params, headers))

    def _hang_after(self, path: str, answer: tuple[int, Json]) -> tuple[int, Json]:
        if path == self.path:
            print(self.phase, flush=True)
            time.sleep(120)  # killed long before this ends
        return answer


def main(data_dir: str, url: str, token: str, phase: str) -> None:
    branch = open_branch(Path(data_dir), clock=FixedClock(DEMO_DAY))
    path = {"push": PUSH_PATH, "pull": PULL_PATH}[phase]
    run_sync(branch.writing, HangingTransport(HttpTransport(url, token, timeout=10), path, phase))
    print("finished without hanging", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:5])
