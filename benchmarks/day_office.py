"""A local head office for the counter's syncs: ``loket-headoffice serve`` in a process of
its own (SQLite in a given folder), so its memory is not the counter's.

The database is made with the branch and a one-time code for the counter, and the
server listens on a free port of 127.0.0.1.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

START_TIMEOUT_S = 180.0
BRANCH = ("KPG", "Kantor Pelayanan Kota Kupang")
_SCRIPT = Path(sys.executable).with_name("loket-headoffice")
_MAIN = "import sys; from headoffice.cli import main; sys.exit(main())"
HEADOFFICE = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-c", _MAIN]


# What ``loket-headoffice init``, ``branch add`` and ``device register`` do, in one
# process (each command alone starts a Python that imports head office's modules).
SETUP = """
import sys
from headoffice.auth import issue_code
from headoffice.db import Database
from headoffice.masterdata import add_branch
db = Database(sys.argv[1])
db.create_tables()
with db.writing() as session:
    add_branch(session, sys.argv[2], sys.argv[3])
    print(issue_code(session, sys.argv[2], sys.argv[4]).code)
db.dispose()
"""


@dataclass(frozen=True)
class LocalOffice:
    url: str
    database_url: str
    code: str  # the counter's one-time registration code


def _setup(database_url: str, counter: str) -> str:
    """A new head-office database with the branch; the counter's one-time code."""
    done = subprocess.run([sys.executable, "-c", SETUP, database_url, *BRANCH, counter],
                          capture_output=True, text=True, check=False, env=_environment())
    if done.returncode != 0:
        raise RuntimeError(f"head office could not be set up: {done.stderr.strip()}")
    return done.stdout.split()[0]


def _environment() -> dict[str, str]:
    root = str(Path(__file__).resolve().parents[1])
    return {**os.environ, "PYTHONPATH": os.pathsep.join(
        filter(None, (root, os.environ.get("PYTHONPATH"))))}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/console/login", timeout=2):
            return True
    except urllib.error.HTTPError:
        return True  # it answered
    except OSError:
        return False


@contextmanager
def local_office(folder: Path, counter: str = "L01") -> Iterator[LocalOffice]:
    """Head office over a new SQLite file in ``folder`` with a one-time code for
    ``counter`` of the branch, serving until the block ends."""
    database_url = f"sqlite:///{(folder / 'headoffice.sqlite3').as_posix()}"
    code = _setup(database_url, counter)
    port = _free_port()
    log = (folder / "headoffice.log").open("w", encoding="utf-8")
    server = subprocess.Popen(
        [*HEADOFFICE, "--database-url", database_url, "serve",
         "--host", "127.0.0.1", "--port", str(port)],
        stdout=log, stderr=subprocess.STDOUT, env=_environment())
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while not _answers(url):
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"head office did not start: see {log.name}")
            time.sleep(0.2)
        yield LocalOffice(url, database_url, code)
    finally:
        server.terminate()
        try:
            server.wait(15)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
