"""Screenshots of the counter at one screen size, taken from the X screen itself.

``xvfb-run -s "-screen 0 1024x600x24" python scripts/trial_screens.py [OUT_DIR]``
builds a small demo branch in a temporary folder, shows the counter window filling the
screen as Loket does, and grabs the whole X screen five times: the account page of the
press-story customer sealed and not enrolled; then, once enrolled with 3 instalments,
the seal opened and the first instalment paid, the account page, the instalment dialog
(F8) with change, the receipt preview after the payment and the confirmation after a
void. The files are named after the screen size, e.g. ``screen-account-1024x600.png``.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.bootstrap import BranchDatabase, open_branch  # noqa: E402
from app.services.clock import FixedClock  # noqa: E402
from app.services.context import Actor  # noqa: E402
from app.services.demo.branch import FEATURED_CONNECTION_NO, create_demo_branch  # noqa: E402
from app.services.ledger.enrolment import EnrolRequest, enrol_and_pay  # noqa: E402
from app.services.ledger.instalments import InstalmentRequest, pay_instalment  # noqa: E402
from app.services.ledger.payments import Tender  # noqa: E402
from app.services.ledger.workorders import confirm_work_order  # noqa: E402
from app.services.shifts import open_shift  # noqa: E402
from app.services.users import log_in  # noqa: E402
from app.ui.account.docs import payment_documents  # noqa: E402
from app.ui.account.page import AccountPage  # noqa: E402
from app.ui.account.payment_dialog import PaymentDialog  # noqa: E402
from app.ui.account.void_dialog import VoidDialog  # noqa: E402
from app.ui.context import UiContext  # noqa: E402
from app.ui.i18n import install_translator  # noqa: E402
from app.ui.main_window import MainWindow  # noqa: E402
from app.ui.style import apply_style  # noqa: E402
from scripts.shell_screens import settle, wait_for  # noqa: E402


def shoot(app: QApplication, path: Path) -> None:
    """The whole X screen, as the cashier sees it."""
    settle(app)
    path.parent.mkdir(parents=True, exist_ok=True)
    app.primaryScreen().grabWindow(0).save(str(path))
    print(path)


def prepare(data_dir: Path) -> tuple[BranchDatabase, Actor, FixedClock]:
    """The demo branch with a shift open; the featured customer sealed, not enrolled."""
    create_demo_branch(data_dir, customers=500)
    clock = FixedClock(dt.datetime(2025, 11, 24, 9, 12))
    branch = open_branch(data_dir, clock=clock)
    actor = log_in(branch.writing(), "kasir1", "kasir123")
    open_shift(branch.writing(), actor, 500_000)
    return branch, actor, clock


def enrol_featured(branch: BranchDatabase, actor: Actor, clock: FixedClock) -> None:
    """The featured customer enrolled, unsealed and paying."""
    down = enrol_and_pay(branch.writing(), actor, EnrolRequest(
        FEATURED_CONNECTION_NO, 3, Tender(1_200_000, 1_250_000)))
    payment_documents(branch, down)
    assert down.work_order_no is not None
    clock.at = dt.datetime(2025, 11, 25, 14, 30)
    confirm_work_order(branch.writing(), actor, down.work_order_no, clock.at.date(),
                       "Yohanes Ndun", 1482)
    clock.at = dt.datetime(2025, 12, 18, 10, 5)
    first = pay_instalment(branch.writing(), actor, InstalmentRequest(
        FEATURED_CONNECTION_NO, Tender(400_000, 400_000)))
    payment_documents(branch, first)


def open_featured(app: QApplication, window: MainWindow) -> AccountPage:
    """The featured customer's account, loaded."""
    window.open_account(FEATURED_CONNECTION_NO)
    page = window.account
    wait_for(app, lambda: page.account is not None and not page.is_loading())
    return page


def filled_window(ctx: UiContext) -> MainWindow:
    """A counter window maximised as Loket asks; without a window manager, sized to the
    screen by hand."""
    window = MainWindow(ctx)
    window.show_fitted()
    window.setGeometry(window.screen().availableGeometry())
    return window


def main(out: Path) -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    install_translator(app, "id")
    apply_style(app)
    size = app.primaryScreen().geometry().size()
    tag = f"{size.width()}x{size.height()}"
    branch, actor, clock = prepare(Path(tempfile.mkdtemp()) / "demo")
    ctx = UiContext(branch, actor)
    sealed = filled_window(ctx)
    open_featured(app, sealed)
    shoot(app, out / f"screen-account-sealed-{tag}.png")
    sealed.close()
    enrol_featured(branch, actor, clock)
    window = filled_window(ctx)  # its status bar on the day of the payment
    page = open_featured(app, window)
    shoot(app, out / f"screen-account-{tag}.png")

    page.pay()
    dialog = page.flows.dialog
    assert isinstance(dialog, PaymentDialog)
    dialog.tendered.setFocus()
    QTest.keyClicks(dialog.tendered, "450000")
    shoot(app, out / f"screen-pay-change-{tag}.png")

    QTest.keyClick(dialog.tendered, Qt.Key.Key_Return)
    wait_for(app, lambda: bool(page.flows.viewers))
    viewer = page.flows.viewers[-1]
    viewer.activateWindow()
    shoot(app, out / f"screen-receipt-preview-{tag}.png")
    viewer.reject()
    settle(app)

    open_featured(app, window)
    page.void()
    void = page.flows.dialog
    assert isinstance(void, VoidDialog)
    QTest.keyClicks(void.reason, "uang diterima salah ketik")
    QTest.keyClicks(void.supervisor, "spv1")
    QTest.keyClicks(void.password, "spv12345")
    QTest.keyClick(void.password, Qt.Key.Key_Return)
    wait_for(app, lambda: page.flows.voided_box is not None
             and page.flows.voided_box.isVisible())
    shoot(app, out / f"screen-void-done-{tag}.png")
    box = page.flows.voided_box
    assert box is not None
    box.done(0)
    window.close()
    ctx.tasks.wait()
    branch.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs")
