"""Setting up a new counter on first start: checks, all-or-nothing, settings saved."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from app.bootstrap import BranchDatabase, open_branch
from app.models import User
from app.models.database import database_path
from app.services.audit.journal import verify_chain
from app.services.branch_info import branch_overview
from app.services.clock import FixedClock
from app.services.errors import DomainError, ErrorCode
from app.services.first_run import (
    AdminAccount,
    CounterSetup,
    NewBranch,
    check_password,
    checked,
    set_up_counter,
)
from app.services.settings import CounterSettings, PrinterChoice, load_settings, locations
from app.services.setup import BranchSetup
from app.services.unit_of_work import UnitOfWork
from app.services.users import MIN_PASSWORD_LENGTH, hash_password, log_in
from tests.support.fakes import DEMO_DAY

SETUP = CounterSetup(
    BranchSetup(branch_code=" obb ", branch_name="Kantor Cabang  Oebobo",
                utility_name="Perumda Air Minum Kota Kupang", address="",
                counter_code="l02", counter_name="Loket 2"),
    AdminAccount(" Maria ", "Maria Ndun", "rahasia-obb"),
    PrinterChoice("EPSON TM-T82", "58mm"))


def open_new(data_dir: Path) -> BranchDatabase:
    return open_branch(data_dir, create=True, clock=FixedClock(DEMO_DAY))


def test_a_new_counter_is_set_up_and_its_admin_signs_in(tmp_path: Path) -> None:
    data_dir, settings_file = tmp_path / "branch", tmp_path / "config" / "settings.json"
    base = CounterSettings(head_office_url="https://pusat.example/loket", language="en")
    done = set_up_counter(data_dir, SETUP, open_new, base_settings=base,
                          settings_file=settings_file)

    assert (done.branch_code, done.counter_code, done.admin) == ("OBB", "L02", "maria")
    branch = open_branch(data_dir, clock=FixedClock(DEMO_DAY))
    try:
        overview = branch_overview(branch.reading())
        actor = log_in(branch.writing(), "maria", "rahasia-obb")
        with branch.reading() as uow:
            users = uow.session.execute(select(User.username, User.full_name)).all()
            chain_ok = verify_chain(uow.session).ok
    finally:
        branch.close()
    assert (overview.branch_code, overview.branch_name, overview.counter_code,
            overview.counter_name) == ("OBB", "Kantor Cabang Oebobo", "L02", "Loket 2")
    assert (actor.role, actor.branch_code, actor.counter_code) == ("admin", "OBB", "L02")
    assert [tuple(row) for row in users] == [("maria", "Maria Ndun")]
    assert chain_ok
    saved = load_settings(settings_file, tmp_path / "no-machine.json")
    assert saved.warnings == ()
    assert (saved.settings.branch, saved.settings.counter) == ("OBB", "L02")
    assert saved.settings.printer_for("receipt") == PrinterChoice("EPSON TM-T82", "58mm")
    assert saved.settings.head_office_url == "https://pusat.example/loket"  # kept
    assert saved.settings.language == "en"
    data = json.loads(settings_file.read_text(encoding="utf-8"))
    assert data["printers"]["receipt"] == {"printer": "EPSON TM-T82", "paper": "58mm"}
    # set up in a folder of its own (loket --data-dir): the next start finds it there
    assert locations(saved.settings).data_dir == data_dir


def test_a_counter_set_up_in_the_usual_folder_does_not_pin_it(tmp_path: Path) -> None:
    usual, settings_file = locations().data_dir, tmp_path / "settings.json"
    try:
        set_up_counter(usual, SETUP, open_new, settings_file=settings_file)
        data = json.loads(settings_file.read_text(encoding="utf-8"))
        assert "data_dir" not in data  # moving the user's data folder moves the branch too
    finally:
        shutil.rmtree(usual, ignore_errors=True)


@pytest.mark.parametrize(("change", "code"), [
    ({"branch_code": "K"}, ErrorCode.CODE_INVALID),
    ({"branch_code": "K P"}, ErrorCode.CODE_INVALID),
    ({"branch_code": "KPG!"}, ErrorCode.CODE_INVALID),
    ({"branch_code": "KÖP"}, ErrorCode.CODE_INVALID),
    ({"branch_code": "A" * 17}, ErrorCode.CODE_INVALID),
    ({"counter_code": ""}, ErrorCode.CODE_INVALID),
    ({"counter_code": "OBB"}, ErrorCode.COUNTER_CODE_IS_BRANCH_CODE),
    ({"branch_name": "   "}, ErrorCode.VALUE_REQUIRED),
    ({"utility_name": ""}, ErrorCode.VALUE_REQUIRED),
    ({"counter_name": "x" * 81}, ErrorCode.TEXT_TOO_LONG),
])
def test_bad_branch_or_counter_values_are_refused_and_nothing_is_made(
        tmp_path: Path, change: dict[str, str], code: ErrorCode) -> None:
    setup = replace(SETUP, branch=replace(SETUP.branch, **change))
    with pytest.raises(DomainError) as refused:
        set_up_counter(tmp_path / "branch", setup, open_new,
                       settings_file=tmp_path / "settings.json")
    assert refused.value.code == code
    assert not (tmp_path / "branch").exists() and not (tmp_path / "settings.json").exists()


@pytest.mark.parametrize(("username", "full_name", "password", "code"), [
    ("a", "Maria", "rahasia-obb", ErrorCode.USERNAME_INVALID),
    ("maria ndun", "Maria", "rahasia-obb", ErrorCode.USERNAME_INVALID),
    ("System", "Maria", "rahasia-obb", ErrorCode.USERNAME_RESERVED),
    ("maria", "", "rahasia-obb", ErrorCode.VALUE_REQUIRED),
    ("maria", "Maria", "12345", ErrorCode.PASSWORD_TOO_SHORT),
    ("maria1", "Maria", "MARIA1", ErrorCode.PASSWORD_IS_USERNAME),
])
def test_bad_admin_values_are_refused(tmp_path: Path, username: str, full_name: str,
                                      password: str, code: ErrorCode) -> None:
    setup = replace(SETUP, admin=AdminAccount(username, full_name, password))
    with pytest.raises(DomainError) as refused:
        set_up_counter(tmp_path / "branch", setup, open_new)
    assert refused.value.code == code
    assert not database_path(tmp_path / "branch").exists()


def test_the_password_rule_is_the_users_service_rule() -> None:
    for length in (MIN_PASSWORD_LENGTH - 1, MIN_PASSWORD_LENGTH):
        password = "k" * length
        try:
            hash_password(password)
        except DomainError as error:
            with pytest.raises(DomainError) as ours:
                check_password(password)
            assert ours.value.code == error.code and ours.value.params == error.params
        else:
            check_password(password)


def test_checked_gives_codes_in_capitals_and_names_trimmed() -> None:
    good = checked(SETUP)
    assert (good.branch.branch_code, good.branch.counter_code) == ("OBB", "L02")
    assert good.branch.branch_name == "Kantor Cabang Oebobo"
    assert good.admin.username == "maria"
    assert "rahasia" not in repr(good)


class FailingOn:
    """A new branch whose ``n``-th unit of work fails as a full disk would."""

    def __init__(self, branch: BranchDatabase, n: int) -> None:
        self.branch, self.n, self.used = branch, n, 0

    def writing(self) -> UnitOfWork:
        self.used += 1
        if self.used == self.n:
            raise OSError(28, "No space left on device")
        return self.branch.writing()

    def close(self) -> None:
        self.branch.close()


@pytest.mark.parametrize("failing_step", [1, 2])  # 1: the branch, 2: the admin user
def test_a_failing_step_leaves_no_database(tmp_path: Path, failing_step: int) -> None:
    data_dir, settings_file = tmp_path / "branch", tmp_path / "settings.json"

    def failing(folder: Path) -> NewBranch:
        return FailingOn(open_new(folder), failing_step)

    with pytest.raises(OSError, match="No space left"):
        set_up_counter(data_dir, SETUP, failing, settings_file=settings_file)
    assert [p.name for p in data_dir.iterdir()] == []
    assert not settings_file.exists()
    if failing_step == 2:  # the folder can be set up afterwards
        done = set_up_counter(data_dir, SETUP, open_new, settings_file=settings_file)
        assert done.branch_code == "OBB" and settings_file.exists()


def test_settings_that_cannot_be_saved_undo_the_database(tmp_path: Path) -> None:
    blocked = tmp_path / "settings.json"
    blocked.mkdir()  # a folder where the file should go
    with pytest.raises(OSError):
        set_up_counter(tmp_path / "branch", SETUP, open_new, settings_file=blocked)
    assert not database_path(tmp_path / "branch").exists()


def test_a_folder_with_a_database_is_refused_and_left_alone(branch: BranchDatabase,
                                                           tmp_path: Path) -> None:
    db_file = database_path(branch.data_dir)
    before = db_file.stat().st_size
    with pytest.raises(DomainError) as refused:
        set_up_counter(branch.data_dir, SETUP, open_new, settings_file=tmp_path / "s.json")
    assert refused.value.code == ErrorCode.DATABASE_EXISTS
    assert db_file.stat().st_size == before
    assert branch_overview(branch.reading()).branch_code == "KPG"
    assert not (tmp_path / "s.json").exists()
