"""Screenshots of the account screen and the enrolment quote for the docs.

``python scripts/account_screens.py [OUT_DIR]`` builds a small demo branch in a
temporary folder (the press-story customer owes Rp 2.400.000), grabs the enrolment
quote with 3 instalments, enrols and pays the down payment (24 November 2025), has the
seal opened, pays the first instalment (18 December) and grabs the account screen.
Run it under Xvfb (or with ``QT_QPA_PLATFORM=offscreen``).
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.bootstrap import open_branch  # noqa: E402
from app.services.clock import FixedClock  # noqa: E402
from app.services.demo.branch import FEATURED_CONNECTION_NO, create_demo_branch  # noqa: E402
from app.services.ledger.enrolment import EnrolRequest, enrol_and_pay  # noqa: E402
from app.services.ledger.instalments import InstalmentRequest, pay_instalment  # noqa: E402
from app.services.ledger.payments import Tender  # noqa: E402
from app.services.ledger.workorders import confirm_work_order  # noqa: E402
from app.services.shifts import open_shift  # noqa: E402
from app.services.users import log_in  # noqa: E402
from app.ui.account.docs import payment_documents  # noqa: E402
from app.ui.account.enrol_dialog import EnrolDialog  # noqa: E402
from app.ui.account.page import AccountPage  # noqa: E402
from app.ui.context import UiContext  # noqa: E402
from app.ui.i18n import install_translator  # noqa: E402


def wait_for(app: QApplication, done: Callable[[], bool], ms: int = 10_000) -> None:
    """Process events until ``done()`` (background tasks report through the event loop)."""
    from PySide6.QtCore import QDeadlineTimer, QThread
    deadline = QDeadlineTimer(ms)
    while not done():
        if deadline.hasExpired():
            raise TimeoutError("the screen did not finish loading")
        app.processEvents()
        QThread.msleep(10)


def grab(app: QApplication, widget: QWidget, path: Path) -> None:
    widget.show()
    for _ in range(20):
        app.processEvents()
    path.parent.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(path))
    print(path)


def main(out: Path) -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    install_translator(app, "id")
    data_dir = Path(tempfile.mkdtemp()) / "demo"
    create_demo_branch(data_dir, customers=500)
    clock = FixedClock(dt.datetime(2025, 11, 24, 9, 12))
    branch = open_branch(data_dir, clock=clock)
    actor = log_in(branch.writing(), "kasir1", "kasir123")
    open_shift(branch.writing(), actor, 500_000)
    ctx = UiContext(branch, actor)

    page = AccountPage(ctx)
    page.resize(1366, 700)
    page.show_customer(FEATURED_CONNECTION_NO)
    wait_for(app, lambda: page.account is not None and not page.is_loading())
    dialog = EnrolDialog(ctx, page.account)  # type: ignore[arg-type]
    wait_for(app, lambda: dialog.quote is not None)
    dialog.count.setCurrentIndex(dialog.count.findData(3))
    wait_for(app, lambda: dialog.quote is not None and dialog.quote.instalments == 3
             and dialog.confirm.isEnabled())
    grab(app, dialog, out / "screen-enrol.png")
    dialog.close()

    down = enrol_and_pay(branch.writing(), actor, EnrolRequest(
        FEATURED_CONNECTION_NO, 3, Tender(1_200_000, 1_250_000)))
    payment_documents(branch, down)
    assert down.work_order_no is not None
    clock.at = dt.datetime(2025, 11, 25, 14, 30)  # the field opens the seal the next day
    confirm_work_order(branch.writing(), actor, down.work_order_no, clock.at.date(),
                       "Yohanes Ndun", 1482)
    clock.at = dt.datetime(2025, 12, 18, 10, 5)  # the first instalment, before it is due
    first = pay_instalment(branch.writing(), actor, InstalmentRequest(
        FEATURED_CONNECTION_NO, Tender(400_000, 400_000)))
    payment_documents(branch, first)
    page.reload()
    wait_for(app, lambda: not page.is_loading())
    grab(app, page, out / "screen-account.png")
    ctx.tasks.wait()
    branch.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs")
