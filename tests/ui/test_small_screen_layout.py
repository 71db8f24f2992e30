"""Small layout faults a cashier meets: on a narrow screen the account page puts the table
the customer's visit is about first, the bills not paid say so, the shift dialogs' buttons
sit under what they hold and a combo box's choice keeps clear of its arrow."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QStyle,
    QStyleOptionComboBox,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.bootstrap import BranchDatabase, open_branch
from app.models import Customer, CustomerStatus
from app.services.context import Actor
from app.services.demo.branch import FEATURED_CONNECTION_NO, create_demo_branch
from app.services.ledger.enrolment import EnrolRequest, enrol_and_pay
from app.services.ledger.payments import Tender
from app.services.shifts import open_shift
from app.ui import style
from app.ui.account.page import AccountPage
from app.ui.context import UiContext
from app.ui.lists import WorkOrdersPage
from app.ui.main_window import MainWindow
from app.ui.session.shift_dialogs import CloseShiftDialog, OpenShiftDialog
from tests.support.fakes import actor_for
from tests.support.ui_account_helpers import PRESS, enrol, press_customer, reload
from tests.support.ui_shell_helpers import WAIT_MS
from tests.support.ui_trial_helpers import DESIGN, SMALL, language

NARROW = SMALL - QSize(8, 40)  # maximised on a 1024×600 screen, above the taskbar
WIDE = DESIGN - QSize(8, 40)


@pytest.fixture(params=["id", "en"])
def lang(qapp: QApplication, request: pytest.FixtureRequest) -> Iterator[str]:
    yield from language(qapp, request.param)


@pytest.fixture
def indonesian(qapp: QApplication) -> Iterator[str]:
    yield from language(qapp, "id")


@pytest.fixture
def styled(qapp: QApplication) -> Iterator[None]:
    """The application's own stylesheet, as the counter runs with it."""
    before = qapp.styleSheet()
    style.apply_style(qapp)
    yield
    qapp.setStyleSheet(before)


# --- the account page on a narrow screen ----------------------------------------------
@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo branch (its press-story customer sealed, not enrolled), made once."""
    folder = tmp_path_factory.mktemp("demo") / "branch"
    create_demo_branch(folder, customers=40)
    return folder


@pytest.fixture
def demo(demo_template: Path, tmp_path: Path) -> Iterator[BranchDatabase]:
    folder = tmp_path / "demo"
    shutil.copytree(demo_template, folder)
    branch = open_branch(folder)
    yield branch
    branch.close()


@pytest.fixture
def demo_cashier(demo: BranchDatabase) -> Actor:
    actor = actor_for(demo, "kasir1")
    open_shift(demo.writing(), actor, 500_000)
    return actor


@pytest.fixture
def demo_window(qtbot: QtBot, demo: BranchDatabase, demo_cashier: Actor,
                indonesian: str) -> Iterator[MainWindow]:
    ctx = UiContext(demo, demo_cashier, lang="id")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.resize(NARROW)
    yield window
    ctx.tasks.wait()


def open_customer(qtbot: QtBot, window: MainWindow, connection_no: str) -> AccountPage:
    page = window.account
    with qtbot.waitSignal(page.loaded, timeout=WAIT_MS):
        window.open_account(connection_no)
    qtbot.wait(20)  # laid out and painted
    return page


def table_boxes_top_down(page: AccountPage) -> list[QGroupBox]:
    """The boxed tables below the cards, top to bottom (then left to right)."""
    body = page.scroll_area.widget()
    cards = page.plan_box.mapTo(body, QPoint(0, page.plan_box.height())).y()
    boxes = [box for box in body.findChildren(QGroupBox) if box.isVisible()
             and box.mapTo(body, QPoint(0, 0)).y() > cards]
    return sorted(boxes, key=lambda b: (b.mapTo(body, QPoint(0, 0)).y(),
                                        b.mapTo(body, QPoint(0, 0)).x()))


def in_view(page: AccountPage, box: QWidget) -> bool:
    """``box``'s title and first rows are on screen without scrolling."""
    viewport = page.scroll_area.viewport()
    top = box.mapTo(viewport, QPoint(0, 0)).y()
    return top >= 0 and top + 80 <= viewport.height()


def enrol_featured(branch: BranchDatabase, cashier: Actor) -> None:
    """The press-story customer joins the promotion with 3 instalments."""
    enrol_and_pay(branch.writing(), cashier, EnrolRequest(
        FEATURED_CONNECTION_NO, 3, Tender(1_200_000, 1_200_000)))


def titles(page: AccountPage) -> list[str]:
    return [box.title() for box in table_boxes_top_down(page)]


def another_sealed_customer(branch: BranchDatabase) -> str:
    with branch.reading() as uow:
        return uow.session.scalars(
            select(Customer.connection_no)
            .where(Customer.status == CustomerStatus.SEALED,
                   Customer.connection_no != FEATURED_CONNECTION_NO)
            .order_by(Customer.connection_no).limit(1)).one()


def test_on_a_narrow_screen_a_sealed_customer_not_enrolled_shows_the_arrears_first(
        qtbot: QtBot, demo_window: MainWindow) -> None:
    page = open_customer(qtbot, demo_window, FEATURED_CONNECTION_NO)
    assert page.plan_box.title() == "Program promo: belum ikut"
    first = table_boxes_top_down(page)[0]
    assert first.title() == "Tunggakan per periode"
    assert in_view(page, first)
    assert page.bills_model.rowCount() > 0


def test_on_a_narrow_screen_an_active_plan_shows_its_schedule_first_then_payments(
        qtbot: QtBot, demo: BranchDatabase, demo_cashier: Actor,
        demo_window: MainWindow) -> None:
    enrol_featured(demo, demo_cashier)
    page = open_customer(qtbot, demo_window, FEATURED_CONNECTION_NO)
    assert titles(page)[:3] == ["Jadwal cicilan", "Riwayat pembayaran", "Tunggakan per periode"]
    assert in_view(page, table_boxes_top_down(page)[0])


def test_each_customer_opens_at_the_top_in_their_own_order_and_a_reload_keeps_the_place(
        qtbot: QtBot, demo: BranchDatabase, demo_cashier: Actor,
        demo_window: MainWindow) -> None:
    enrol_featured(demo, demo_cashier)
    page = open_customer(qtbot, demo_window, FEATURED_CONNECTION_NO)
    bar = page.scroll_area.verticalScrollBar()
    assert bar.maximum() > 0  # the stacked tables scroll on this screen
    bar.setValue(bar.maximum())
    reload(qtbot, page)  # after a payment, say: the cashier stays where they were
    assert bar.value() == bar.maximum()

    page = open_customer(qtbot, demo_window, another_sealed_customer(demo))
    assert bar.value() == 0
    assert titles(page)[0] == "Tunggakan per periode"

    bar.setValue(bar.maximum())
    demo_window.show_search()
    page = open_customer(qtbot, demo_window, FEATURED_CONNECTION_NO)
    assert bar.value() == 0
    assert titles(page)[0] == "Jadwal cicilan"


def test_on_a_wide_screen_the_two_columns_stay_as_they_were(
        qtbot: QtBot, demo: BranchDatabase, demo_cashier: Actor,
        demo_window: MainWindow) -> None:
    demo_window.resize(WIDE)
    expected = ["Tunggakan per periode", "Jadwal cicilan", "Riwayat pembayaran"]
    page = open_customer(qtbot, demo_window, FEATURED_CONNECTION_NO)
    assert titles(page)[:3] == expected
    enrol_featured(demo, demo_cashier)
    reload(qtbot, page)
    assert titles(page)[:3] == expected


# --- nothing paid ----------------------------------------------------------------------
def test_a_bill_or_instalment_not_paid_shows_rp_0_paid(
        qtbot: QtBot, branch: BranchDatabase, cashier: Actor, ctx: UiContext,
        lang: str) -> None:
    press_customer(branch)
    enrol(branch, cashier)
    page = AccountPage(ctx)
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.loaded, timeout=WAIT_MS):
        page.show_customer(PRESS)
    bills, instalments = page.bills_model, page.instalments_model
    paid = {"id": "Dibayar", "en": "Amount paid"}[lang]
    assert bills.headerData(5, Qt.Orientation.Horizontal) == paid
    assert instalments.headerData(3, Qt.Orientation.Horizontal) == paid
    unpaid = [row for row, bill in enumerate(bills.rows()) if bill.paid_amount == 0]
    assert unpaid, "the customer has bills not paid"
    assert {bills.column_texts(5)[row] for row in unpaid} == {"Rp 0"}
    assert instalments.column_texts(3) == ("Rp 0", "Rp 0", "Rp 0")


# --- the shift dialogs -----------------------------------------------------------------
def band_above_buttons(page: QWidget) -> int:
    """Pixels between the lowest of ``page``'s fields and words and its buttons."""
    box = page.findChild(QDialogButtonBox)
    assert box is not None and box.isVisible()
    above = [w for w in page.findChildren(QWidget) if w.parentWidget() is page
             and w is not box and w.isVisible() and not (isinstance(w, QLabel) and not w.text())]
    return box.geometry().top() - max(w.geometry().bottom() + 1 for w in above)


def assert_buttons_under_content(dialog: QDialog, page: QWidget) -> None:
    """The buttons right under the last field or words (with room for the one line that
    says what went wrong), and the dialog ends with them."""
    layout = page.layout()
    assert layout is not None
    problem_line = 2 * layout.spacing() + page.fontMetrics().lineSpacing() + 1
    assert band_above_buttons(page) <= problem_line, "an empty band above the buttons"
    box = page.findChild(QDialogButtonBox)
    assert box is not None
    bottom = box.mapTo(dialog, QPoint(0, box.height())).y()
    assert dialog.height() - bottom <= 2 * layout.contentsMargins().bottom() + 12


@pytest.mark.parametrize("screen", [SMALL, DESIGN], ids=["1024x600", "1366x768"])
def test_the_close_shift_dialog_has_its_buttons_right_under_the_count_and_the_sign_off(
        qtbot: QtBot, ctx: UiContext, cashier: Actor, indonesian: str, screen: QSize) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.resize(screen - QSize(8, 40))
    dialog = window.close_shift_dialog()
    assert isinstance(dialog, CloseShiftDialog)
    qtbot.waitExposed(dialog)
    assert_buttons_under_content(dialog, dialog.pages.widget(0))

    qtbot.keyClicks(dialog.note_fields[0], "5")
    dialog.record_count()
    qtbot.wait(20)
    assert dialog.pages.currentIndex() == 1
    assert_buttons_under_content(dialog, dialog.pages.widget(1))
    dialog.reject()


def test_the_open_shift_offer_has_its_buttons_right_under_the_float(
        qtbot: QtBot, ctx: UiContext, indonesian: str) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    dialog = OpenShiftDialog(ctx, window, offer=True)
    dialog.open()
    qtbot.waitExposed(dialog)
    assert_buttons_under_content(dialog, dialog)
    dialog.reject()


# --- combo boxes -----------------------------------------------------------------------
def test_the_work_orders_state_choice_keeps_clear_of_its_arrow(
        qtbot: QtBot, ctx: UiContext, styled: None, lang: str) -> None:
    page = WorkOrdersPage(ctx)
    qtbot.addWidget(page)
    page.resize(NARROW)
    page.show()
    qtbot.waitExposed(page)
    combo = page.findChild(QComboBox, "stateFilter")
    assert combo is not None
    widest = max(combo.fontMetrics().horizontalAdvance(combo.itemText(i))
                 for i in range(combo.count()))
    for focused in (False, True):
        if focused:
            combo.setFocus()
            qtbot.waitUntil(combo.hasFocus)
        option = QStyleOptionComboBox()
        combo.initStyleOption(option)
        rect = combo.style().subControlRect
        field = rect(QStyle.ComplexControl.CC_ComboBox, option,
                     QStyle.SubControl.SC_ComboBoxEditField, combo)
        arrow = rect(QStyle.ComplexControl.CC_ComboBox, option,
                     QStyle.SubControl.SC_ComboBoxArrow, combo)
        assert field.width() >= widest
        assert arrow.left() - (field.left() + widest) >= style.COMBO_GAP
        assert combo.sizeHint().width() >= widest + style.COMBO_GAP + arrow.width()
        assert combo.width() >= combo.sizeHint().width()
