"""Shared pieces of the commands: the data folder, opening the branch, the acting user."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app import bootstrap
from app.bootstrap import BranchDatabase, open_branch
from app.services.context import Actor, system_actor
from app.services.errors import DomainError, ErrorCode

ADMIN_USERNAME = "loket-admin"


class UsageError(Exception):
    """The command line makes no sense (exit status 2, like argparse's own errors)."""


class Refusal(Exception):
    """A refusal found by the command line itself; ``code`` is stable for scripts."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def default_data_dir() -> Path:
    """Where the branch database lives unless ``--data-dir`` says otherwise."""
    return bootstrap.default_data_dir(demo=False)


@contextmanager
def opened(data_dir: Path) -> Iterator[BranchDatabase]:
    """The existing branch database in ``data_dir``, closed afterwards."""
    branch = open_branch(data_dir)
    try:
        yield branch
    finally:
        branch.close()


def admin_actor(branch: BranchDatabase) -> Actor:
    """The actor recorded for changes made with this tool."""
    with branch.reading() as uow:
        return system_actor(uow.session, username=ADMIN_USERNAME)


def parse_date(text: str | None) -> dt.date | None:
    """A ``YYYY-MM-DD`` option value (``None`` stays ``None``)."""
    if text is None:
        return None
    try:
        if len(text) != 10:
            raise ValueError(text)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise DomainError(ErrorCode.DATE_INVALID, text=text) from None
