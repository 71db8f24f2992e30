"""Log-in, shifts and crash safety, driven through the real dialogs with keystrokes."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.bootstrap import BranchDatabase
from app.models import User
from app.services.context import Actor
from app.services.shifts import current_shift
from app.ui.context import UiContext
from app.ui.errors_dialog import install_excepthook, log_path, setup_logging, stop_logging
from app.ui.main_window import MainWindow
from app.ui.session.flow import AppShell
from app.ui.session.login_dialog import LoginDialog
from app.ui.session.shift_dialogs import CloseShiftDialog, OpenShiftDialog
from app.ui.settings.preferences_dialog import UserSettings
from tests.support.fakes import CASHIER, SUPERVISOR, add_customer
from tests.support.ui_shell_helpers import (
    WAIT_MS,
    close_shift_dialog,
    context_fixture,
    submit,
    top_level,
    visible_texts,
)


@pytest.fixture
def ctx(branch: BranchDatabase) -> Iterator[UiContext]:
    yield from context_fixture(branch)


@pytest.fixture
def shell(ctx: UiContext) -> Iterator[AppShell]:
    app_shell = AppShell(ctx)
    yield app_shell
    for widget in (app_shell.login, app_shell.window):
        if widget is not None and shiboken6.isValid(widget):
            widget.close()
            widget.deleteLater()


def log_in_dialog(qtbot: QtBot, branch: BranchDatabase) -> LoginDialog:
    dialog = LoginDialog(branch)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_wrong_password_is_refused_then_the_right_one_signs_in(
        qtbot: QtBot, branch: BranchDatabase) -> None:
    dialog = log_in_dialog(qtbot, branch)
    qtbot.keyClicks(dialog.user, CASHIER[0])
    submit(qtbot, dialog.password, "salah-sekali")
    assert dialog.message.text() == "Wrong user name or password."
    assert dialog.isVisible() and dialog.password.text() == ""

    with qtbot.waitSignal(dialog.signed_in, timeout=WAIT_MS) as signed:
        submit(qtbot, dialog.password, CASHIER[1])
    actor = signed.args[0]
    assert isinstance(actor, Actor) and actor.username == "kasir" and actor.role == "cashier"
    assert dialog.result() == LoginDialog.DialogCode.Accepted


def test_repeated_wrong_passwords_lock_the_user(qtbot: QtBot, branch: BranchDatabase) -> None:
    with branch.writing() as uow:  # three failures already (each costs a password hash)
        user = uow.session.scalars(select(User).where(User.username == "kasir")).one()
        user.failed_attempts = 3
        uow.commit()
    dialog = log_in_dialog(qtbot, branch)
    qtbot.keyClicks(dialog.user, CASHIER[0])
    submit(qtbot, dialog.password, "salah-lagi")
    assert dialog.message.text() == "Wrong user name or password."
    submit(qtbot, dialog.password, "salah-lagi")  # the fifth failure locks the user
    submit(qtbot, dialog.password, CASHIER[1])  # even the right password is refused now
    assert dialog.message.text() == (
        "User 'kasir' is locked until 09:15 after too many wrong passwords.")
    assert dialog.actor is None


def test_log_in_offers_a_shift_and_opens_it_with_a_float(
        qtbot: QtBot, shell: AppShell, ctx: UiContext) -> None:
    login = shell.start()
    qtbot.keyClicks(login.user, CASHIER[0])
    submit(qtbot, login.password, CASHIER[1])
    window = shell.window
    assert window is not None and ctx.actor is not None and ctx.actor.username == "kasir"
    qtbot.waitUntil(lambda: window.findChild(OpenShiftDialog) is not None, timeout=WAIT_MS)
    dialog = window.findChild(OpenShiftDialog)
    assert isinstance(dialog, OpenShiftDialog) and dialog.isVisible()

    submit(qtbot, dialog.float_edit, "lima ratus")
    assert dialog.message.text() == "'lima ratus' is not an amount in rupiah."
    assert dialog.isVisible()
    submit(qtbot, dialog.float_edit, "500.000")
    shift = current_shift(ctx.branch.reading(), ctx.signed_in())
    assert shift is not None and shift.opening_float == 500_000 and shift.cashier == "kasir"
    assert window.status.text_of("Shift") == "Shift: open since 09:00"
    assert window.status.text_of("User") == "kasir (cashier)"
    qtbot.waitUntil(lambda: window.focusWidget() is window.search.field, timeout=WAIT_MS)


def test_the_cashier_may_continue_without_a_shift(
        qtbot: QtBot, shell: AppShell, ctx: UiContext) -> None:
    login = shell.start()
    qtbot.keyClicks(login.user, CASHIER[0])
    submit(qtbot, login.password, CASHIER[1])
    window = shell.window
    assert window is not None
    qtbot.waitUntil(lambda: window.findChild(OpenShiftDialog) is not None, timeout=WAIT_MS)
    dialog = window.findChild(OpenShiftDialog)
    assert dialog is not None
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert current_shift(ctx.branch.reading(), ctx.signed_in()) is None
    assert window.status.text_of("Shift") == "Shift: none"


def test_another_cashiers_open_shift_is_named(
        qtbot: QtBot, shell: AppShell, cashier: Actor) -> None:
    login = shell.start()
    qtbot.keyClicks(login.user, SUPERVISOR[0])
    submit(qtbot, login.password, SUPERVISOR[1])
    window = shell.window
    assert window is not None
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "otherShiftMessage") is not None,
                    timeout=WAIT_MS)
    box = window.findChild(QMessageBox, "otherShiftMessage")
    assert box is not None and box.text().startswith("kasir's shift is still open")
    assert window.status.text_of("Shift") == "Shift: kasir's, open since 09:00"


def test_log_out_returns_to_the_log_in(qtbot: QtBot, shell: AppShell, ctx: UiContext,
                                       cashier: Actor) -> None:
    window = shell.enter(cashier)
    window.actions_by_name["logout"].trigger()
    assert ctx.actor is None and shell.window is None
    assert shell.login is not None and shell.login.isVisible()


def test_a_users_language_applies_at_log_in(qtbot: QtBot, ctx: UiContext,
                                            cashier: Actor) -> None:
    UserSettings(ctx.data_dir).set_language("kasir", "en")
    chosen: list[str] = []
    app_shell = AppShell(ctx, set_language=chosen.append, offer_shift=False)
    ctx.lang = "id"
    app_shell.base_lang = "id"
    window = app_shell.enter(cashier)
    qtbot.addWidget(window)
    assert chosen == ["en"] and ctx.lang == "en"
    assert UserSettings(ctx.data_dir).language("spv") is None


def test_settings_keep_each_users_language(qtbot: QtBot, ctx: UiContext,
                                           cashier: Actor) -> None:
    ctx.actor = cashier
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    dialog = window.open_settings()
    combo = dialog.findChild(QComboBox, "languageChoice")
    assert combo is not None and combo.currentData() == "en"  # the running language
    qtbot.keyClick(combo, Qt.Key.Key_Up)
    assert combo.currentText() == "Bahasa Indonesia"
    qtbot.mouseClick(dialog.findChild(QPushButton, "saveSettingsButton"),
                     Qt.MouseButton.LeftButton)
    assert UserSettings(ctx.data_dir).language("kasir") == "id"
    assert UserSettings(ctx.data_dir).language("spv") is None


def close_dialog(qtbot: QtBot, ctx: UiContext) -> CloseShiftDialog:
    return close_shift_dialog(qtbot, ctx)


def test_blind_close_shows_the_variance_only_after_the_count(
        qtbot: QtBot, ctx: UiContext, cashier: Actor) -> None:
    ctx.actor = cashier  # shift opened on a Rp 500.000 float, no payments yet
    dialog = close_dialog(qtbot, ctx)
    assert not any("500.000" in text for text in visible_texts(dialog))
    assert not dialog.expected_value.isVisible()

    for denomination, pieces in ((100_000, "4"), (50_000, "1"), (20_000, "2")):
        field = dialog.findChild(type(dialog.note_fields[0]), f"notes_{denomination}")
        assert field is not None
        qtbot.keyClicks(field, pieces)
        qtbot.keyClick(field, Qt.Key.Key_Return)  # Enter moves on, it does not submit
    assert dialog.pages.currentIndex() == 0
    qtbot.keyClicks(dialog.coins, "5000")
    assert dialog.counted_label.text() == "Rp 495.000"
    record = dialog.findChild(QPushButton, "recordCountButton")
    assert record is not None
    qtbot.mouseClick(record, Qt.MouseButton.LeftButton)

    assert dialog.expected_value.isVisible()
    assert dialog.expected_value.text() == "Rp 500.000"
    assert dialog.counted_value.text() == "Rp 495.000"
    assert dialog.variance_value.text() == "Rp 5.000 short"
    assert dialog.variance_value.property("variance") == "off"
    shift = current_shift(ctx.branch.reading(), cashier)
    assert shift is not None and shift.state == "counted" and shift.variance == -5_000


def test_supervisor_wrong_password_refused_then_right_one_locks_the_shift(
        qtbot: QtBot, ctx: UiContext, cashier: Actor) -> None:
    ctx.actor = cashier
    dialog = close_dialog(qtbot, ctx)
    qtbot.keyClicks(dialog.note_fields[0], "5")
    qtbot.mouseClick(dialog.findChild(QPushButton, "recordCountButton"),
                     Qt.MouseButton.LeftButton)
    assert dialog.variance_value.text() == "none — the drawer matches"
    assert dialog.variance_value.property("variance") == "none"

    qtbot.keyClicks(dialog.supervisor, SUPERVISOR[0])
    submit(qtbot, dialog.supervisor_password, "bukan-ini")
    assert dialog.result_message.text() == "Wrong user name or password."
    assert current_shift(ctx.branch.reading(), cashier) is not None

    with qtbot.waitSignal(dialog.closed, timeout=WAIT_MS):
        submit(qtbot, dialog.supervisor_password, SUPERVISOR[1])
    assert dialog.result_message.text() == "Shift closed and locked at 09:00."
    assert not dialog.sign_off_box.isEnabled()
    assert current_shift(ctx.branch.reading(), cashier) is None


def test_a_counted_shift_reopens_at_the_sign_off(qtbot: QtBot, ctx: UiContext,
                                                 cashier: Actor) -> None:
    ctx.actor = cashier
    first = close_dialog(qtbot, ctx)
    first.record_count()  # an empty drawer: Rp 500.000 short
    first.reject()
    again = close_dialog(qtbot, ctx)
    assert again.pages.currentIndex() == 1
    assert again.variance_value.text() == "Rp 500.000 short"


@pytest.mark.qt_no_exception_capture
def test_unexpected_error_in_a_slot_is_logged_and_shown_politely(
        qtbot: QtBot, tmp_path: Path) -> None:
    hooks_before = (sys.excepthook, threading.excepthook)
    log_file = setup_logging(tmp_path)
    restore = install_excepthook(log_file)
    try:
        button = QPushButton("boom")
        qtbot.addWidget(button)

        def broken_slot() -> None:
            raise RuntimeError("the printer caught fire")

        button.clicked.connect(broken_slot)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        box = top_level(QMessageBox, "unexpectedError")
        assert isinstance(box, QMessageBox)
        assert str(log_path(tmp_path)) in box.text()
        assert "Traceback" not in box.text() and "printer" not in box.text()
        assert not box.detailedText()
        box.close()

        def stray() -> None:
            raise ValueError("a worker tripped")

        worker = threading.Thread(target=stray, name="stray-worker")
        worker.start()
        worker.join()
    finally:
        restore()
        stop_logging()
    assert (sys.excepthook, threading.excepthook) == hooks_before
    written = log_file.read_text(encoding="utf-8")
    assert "Traceback" in written and "RuntimeError: the printer caught fire" in written
    assert "stray-worker" in written and "ValueError: a worker tripped" in written


def test_the_search_is_ready_before_the_first_customer(qtbot: QtBot, shell: AppShell,
                                                        branch: BranchDatabase,
                                                        cashier: Actor) -> None:
    """Entering the window reads the search index's description in the background, so
    the first scan of the day does not do it while the customer waits."""
    from app.services.search import index

    add_customer(branch, "0103000451", name="Yohanes Bria")
    with index._shared_lock:
        index._shared.clear()
    window = shell.enter(cashier)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: len(index._shared) == 1, timeout=10_000)
    described = next(iter(index._shared.values()))
    assert described.customers > 0
