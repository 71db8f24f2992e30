"""A new counter on its first start: what the first-run wizard asks, checked, then set up.

:func:`set_up_counter` creates the branch database, the branch and this counter (with
the default promotion terms), the first admin user, and saves the counter's settings —
all or nothing: when a step fails, the half-made database files are removed and the
error is raised. The database is opened by the caller's ``open_new`` (the desktop app
passes ``open_branch(data_dir, create=True)``), so that this module stays free of the
wiring.

The checks (:func:`check_code`, :func:`check_username`, :func:`check_password`, …)
raise ``DomainError`` and are the same ones the wizard shows inline while typing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol

from app.models.database import database_path
from app.services.context import SYSTEM_USERNAME
from app.services.errors import DomainError, ErrorCode
from app.services.settings import (
    DOCUMENT_PAPERS,
    CounterSettings,
    PrinterChoice,
    default_printers,
    locations,
    machine_settings,
    save_settings,
)
from app.services.setup import BranchSetup, initialise_branch
from app.services.unit_of_work import UnitOfWork
from app.services.users import MIN_PASSWORD_LENGTH, add_user

CODE_LENGTH = (2, 16)
USERNAME_LENGTH = (2, 40)
# The longest text each field may hold (the database columns' sizes).
TEXT_LIMITS = {"branch_name": 120, "utility_name": 160, "address": 240,
               "counter_name": 80, "full_name": 120}
_CODE_RE = re.compile(r"[A-Z0-9]+")
_USERNAME_RE = re.compile(r"[a-z0-9._-]+")
_DATABASE_SUFFIXES = ("", "-wal", "-shm", "-journal")


@dataclass(frozen=True)
class AdminAccount:
    """The first admin user of the new counter."""

    username: str
    full_name: str
    password: str = field(repr=False)


@dataclass(frozen=True)
class CounterSetup:
    """Everything the first-run wizard asks for a new counter."""

    branch: BranchSetup
    admin: AdminAccount
    receipt_printer: PrinterChoice = field(default_factory=lambda: default_printers()["receipt"])


@dataclass(frozen=True)
class SetupDone:
    data_dir: Path
    branch_code: str
    counter_code: str
    admin: str
    settings_file: Path


class NewBranch(Protocol):
    """What the set-up needs of the freshly created database."""

    def writing(self) -> UnitOfWork: ...

    def close(self) -> None: ...


OpenNew = Callable[[Path], NewBranch]


# --- checks -------------------------------------------------------------------------
def check_code(text: str) -> str:
    """A branch or counter code: 2–16 letters or digits; returned in capitals."""
    code = text.strip().upper()
    low, high = CODE_LENGTH
    if not (low <= len(code) <= high and _CODE_RE.fullmatch(code)):
        raise DomainError(ErrorCode.CODE_INVALID, code=text.strip(), low=low, high=high)
    return code


def check_counter_code(text: str, branch_code: str) -> str:
    """This counter's code: a code, and not the branch's own."""
    code = check_code(text)
    if code == branch_code.strip().upper():
        raise DomainError(ErrorCode.COUNTER_CODE_IS_BRANCH_CODE, code=code)
    return code


def check_text(name: str, text: str, *, required: bool = True) -> str:
    """A name or address (``name`` is a key of ``TEXT_LIMITS``); returned trimmed."""
    value = " ".join(text.split())
    if required and not value:
        raise DomainError(ErrorCode.VALUE_REQUIRED, field=name)
    if len(value) > TEXT_LIMITS[name]:
        raise DomainError(ErrorCode.TEXT_TOO_LONG, field=name, limit=TEXT_LIMITS[name])
    return value


def check_username(text: str) -> str:
    """2–40 letters, digits, ``.``, ``_`` or ``-``; returned in lower case."""
    name = text.strip().lower()
    low, high = USERNAME_LENGTH
    if not (low <= len(name) <= high and _USERNAME_RE.fullmatch(name)):
        raise DomainError(ErrorCode.USERNAME_INVALID, username=text.strip(), low=low,
                          high=high)
    if name == SYSTEM_USERNAME:
        raise DomainError(ErrorCode.USERNAME_RESERVED, username=name)
    return name


def check_password(password: str, username: str = "") -> None:
    """The users service's rule (a minimum length), and not the user name itself."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise DomainError(ErrorCode.PASSWORD_TOO_SHORT, minimum=MIN_PASSWORD_LENGTH)
    if username and password.strip().lower() == username.strip().lower():
        raise DomainError(ErrorCode.PASSWORD_IS_USERNAME)


def checked(setup: CounterSetup) -> CounterSetup:
    """``setup`` with codes in capitals and names trimmed; the first problem is raised."""
    b, admin = setup.branch, setup.admin
    branch_code = check_code(b.branch_code)
    branch = replace(
        b, branch_code=branch_code,
        branch_name=check_text("branch_name", b.branch_name),
        utility_name=check_text("utility_name", b.utility_name),
        address=check_text("address", b.address, required=False),
        counter_code=check_counter_code(b.counter_code, branch_code),
        counter_name=check_text("counter_name", b.counter_name))
    username = check_username(admin.username)
    check_password(admin.password, username)
    account = AdminAccount(username, check_text("full_name", admin.full_name), admin.password)
    if setup.receipt_printer.paper not in DOCUMENT_PAPERS["receipt"]:
        raise ValueError(f"unknown receipt paper {setup.receipt_printer.paper!r}")
    printer = PrinterChoice(setup.receipt_printer.printer.strip(), setup.receipt_printer.paper)
    return CounterSetup(branch, account, printer)


# --- the set-up ---------------------------------------------------------------------
def counter_settings(base: CounterSettings, setup: CounterSetup,
                     data_dir: Path | None = None) -> CounterSettings:
    """``base`` with this counter's branch, counter and receipt printer, and the branch
    folder when it is not the usual one (``loket --data-dir`` at the first start), so
    that the next start finds the branch without being told again."""
    printers = {**base.printers, "receipt": setup.receipt_printer}
    chosen = replace(base, branch=setup.branch.branch_code,
                     counter=setup.branch.counter_code, printers=printers)
    if data_dir is not None and data_dir != locations(chosen).data_dir:
        chosen = replace(chosen, data_dir=str(data_dir))
    return chosen


def set_up_counter(data_dir: Path, setup: CounterSetup, open_new: OpenNew, *,
                   base_settings: CounterSettings | None = None,
                   settings_file: Path | None = None,
                   terms_file: Path | None = None) -> SetupDone:
    """Create the branch database in ``data_dir`` for ``setup``; all or nothing.

    ``open_new(data_dir)`` creates and opens the empty database. The counter settings
    (``base_settings`` with this branch, counter and receipt printer) are saved to
    ``settings_file`` (default: the user's). A folder that already holds a database is
    refused with ``DATABASE_EXISTS`` and left alone.
    """
    good = checked(setup)
    db_file = database_path(data_dir)
    if db_file.exists():
        raise DomainError(ErrorCode.DATABASE_EXISTS, path=str(data_dir))
    opened: NewBranch | None = None
    try:
        opened = open_new(data_dir)
        actor = initialise_branch(opened.writing(), good.branch, terms_file)
        admin = good.admin
        add_user(opened.writing(), actor, admin.username, admin.full_name, "admin",
                 admin.password)
        opened.close()
        opened = None
        saved = save_settings(counter_settings(base_settings or CounterSettings(), good,
                                               data_dir),
                              settings_file, base=machine_settings())
    except BaseException:
        if opened is not None:
            opened.close()
        remove_database(db_file)
        raise
    return SetupDone(data_dir, good.branch.branch_code, good.branch.counter_code,
                     good.admin.username, saved)


def remove_database(db_file: Path) -> None:
    """Delete a database file with its journal files (a half-made one)."""
    for suffix in _DATABASE_SUFFIXES:
        db_file.with_name(db_file.name + suffix).unlink(missing_ok=True)
