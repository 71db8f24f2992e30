"""Log-in, lock-out after repeated failures, and user administration."""

from __future__ import annotations

import datetime as dt

import pytest

from app.bootstrap import BranchDatabase
from app.services.clock import FixedClock
from app.services.context import Actor
from app.services.errors import DomainError, ErrorCode
from app.services.users import (
    MAX_FAILED_ATTEMPTS,
    add_user,
    change_password,
    list_users,
    log_in,
)
from tests.support.fakes import CASHIER


def test_log_in_gives_the_counter_and_role(branch: BranchDatabase) -> None:
    actor = log_in(branch.writing(), "  KASIR ", CASHIER[1])
    assert (actor.username, actor.role, actor.counter_code, actor.branch_code) == (
        "kasir", "cashier", "L01", "KPG")


def test_wrong_password_and_unknown_user_say_the_same(branch: BranchDatabase) -> None:
    for username, password in (("kasir", "nope-nope"), ("nobody", "whatever")):
        with pytest.raises(DomainError) as refused:
            log_in(branch.writing(), username, password)
        assert refused.value.code == ErrorCode.BAD_CREDENTIALS


def test_repeated_failures_lock_the_user_for_a_while(branch: BranchDatabase,
                                                     clock: FixedClock) -> None:
    for _ in range(MAX_FAILED_ATTEMPTS):
        with pytest.raises(DomainError):
            log_in(branch.writing(), "kasir", "wrong-pass")
    with pytest.raises(DomainError) as locked:
        log_in(branch.writing(), *CASHIER)
    assert locked.value.code == ErrorCode.USER_LOCKED
    clock.at += dt.timedelta(minutes=16)
    assert log_in(branch.writing(), *CASHIER).username == "kasir"


def test_add_user_refuses_duplicates_and_short_passwords(branch: BranchDatabase,
                                                         system: Actor) -> None:
    with pytest.raises(DomainError) as dup:
        add_user(branch.writing(), system, "Kasir", "Lagi", "cashier", "longenough")
    assert dup.value.code == ErrorCode.USER_EXISTS
    with pytest.raises(DomainError) as short:
        add_user(branch.writing(), system, "baru", "Baru", "cashier", "123")
    assert short.value.code == ErrorCode.PASSWORD_TOO_SHORT
    assert [u.username for u in list_users(branch.reading())] == ["admin", "kasir", "spv"]


def test_change_password(branch: BranchDatabase, system: Actor) -> None:
    change_password(branch.writing(), system, "kasir", "rahasia-baru")
    with pytest.raises(DomainError):
        log_in(branch.writing(), *CASHIER)
    assert log_in(branch.writing(), "kasir", "rahasia-baru").username == "kasir"
