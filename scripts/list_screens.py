"""Screenshots of the counter's work lists for the docs.

``python scripts/list_screens.py [OUT_DIR] [--all]`` builds a small demo branch in a
temporary folder, enrols a dozen sealed customers between 24 November and 22 December
2025 (some pay their first instalment, one of those payments is voided), moves the
clock to 10 February 2026 and grabs the overdue-instalments list to
``OUT_DIR/screen-overdue.png`` (default ``docs``); ``--all`` also grabs the work orders
and today's receipts. Run it under Xvfb (or ``QT_QPA_PLATFORM=offscreen``).
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QDeadlineTimer, QThread
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.bootstrap import BranchDatabase, open_branch  # noqa: E402
from app.services.clock import FixedClock  # noqa: E402
from app.services.context import Actor  # noqa: E402
from app.services.demo.branch import DEMO_BUSINESS_DATE, create_demo_branch  # noqa: E402
from app.services.errors import DomainError  # noqa: E402
from app.services.ledger.accounts import quote  # noqa: E402
from app.services.ledger.enrolment import EnrolRequest, enrol_and_pay  # noqa: E402
from app.services.ledger.instalments import InstalmentRequest, pay_instalment  # noqa: E402
from app.services.ledger.payments import Tender  # noqa: E402
from app.services.ledger.voids import VoidRequest, void_payment  # noqa: E402
from app.services.search.customers import search_customers  # noqa: E402
from app.services.shifts import open_shift  # noqa: E402
from app.services.users import log_in  # noqa: E402
from app.ui.context import UiContext  # noqa: E402
from app.ui.i18n import install_translator  # noqa: E402
from app.ui.lists import OverduePage, ReceiptsPage, WorkOrdersPage  # noqa: E402
from app.ui.lists.list_page import ListPage  # noqa: E402
from app.ui.style import apply_style  # noqa: E402

SIZE = (1366, 620)
PAID_WITH = (("cash", ""), ("transfer", "BNI 0412"), ("qris", "QR-88120"), ("cash", ""))
LAST_DAY = dt.datetime(2026, 2, 10, 9, 0)


def wait_for_load(app: QApplication, page: ListPage, ms: int = 10_000) -> None:
    deadline = QDeadlineTimer(ms)
    page.refresh()
    while page.busy:
        if deadline.hasExpired():
            raise TimeoutError("the list did not load")
        app.processEvents()
        QThread.msleep(10)
    for _ in range(20):
        app.processEvents()


def grab(app: QApplication, page: ListPage, path: Path) -> None:
    page.resize(*SIZE)
    page.show()
    wait_for_load(app, page)
    path.parent.mkdir(parents=True, exist_ok=True)
    page.grab().save(str(path))
    print(path)


def enrol_some(branch: BranchDatabase, clock: FixedClock, actor: Actor) -> None:
    """Enrol up to 12 sealed customers on four days (as many instalments as the terms
    allow); every third pays instalment 1
    (the last of these payments is voided)."""
    days = [dt.datetime(2025, 11, 24, 9), dt.datetime(2025, 11, 28, 10),
            dt.datetime(2025, 12, 5, 11), dt.datetime(2025, 12, 22, 9)]
    hits = search_customers(branch.reading(), "a", limit=400).hits
    enrolled = []
    for hit in hits:
        if len(enrolled) == 12:
            break
        clock.at = days[len(enrolled) % len(days)]
        offer = quote(branch.reading(), hit.connection_no)
        if not offer.eligible or max(offer.allowed_instalments, default=1) < 2:
            continue
        count = max(offer.allowed_instalments)
        offer = quote(branch.reading(), hit.connection_no, instalments=count)
        try:
            enrol_and_pay(branch.writing(), actor, EnrolRequest(
                hit.connection_no, count, Tender(offer.down_payment, offer.down_payment)))
        except DomainError:
            continue
        enrolled.append((hit.connection_no, offer.schedule[0].amount))
    clock.at = dt.datetime(2025, 12, 30, 10)
    receipts = [pay_instalment(branch.writing(), actor, InstalmentRequest(
        connection_no, Tender(amount, amount, method, reference))).receipt_no
        for (connection_no, amount), (method, reference)
        in zip(enrolled[::3], PAID_WITH, strict=False)]
    void_payment(branch.writing(), actor, VoidRequest(
        receipts[-1], "salah pelanggan", "spv1", "spv12345"))


def main(out: Path, everything: bool) -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    install_translator(app, "id")
    apply_style(app)
    data_dir = Path(tempfile.mkdtemp()) / "demo"
    create_demo_branch(data_dir, customers=400)
    clock = FixedClock(dt.datetime.combine(DEMO_BUSINESS_DATE, dt.time(8, 0)))
    branch = open_branch(data_dir, clock=clock)
    actor = log_in(branch.writing(), "kasir1", "kasir123")
    open_shift(branch.writing(), actor, 500_000)
    enrol_some(branch, clock, actor)
    if everything:
        grab(app, ReceiptsPage(UiContext(branch, actor)), out / "screen-receipts.png")
        grab(app, WorkOrdersPage(UiContext(branch, actor)), out / "screen-work-orders.png")
    clock.at = LAST_DAY
    grab(app, OverduePage(UiContext(branch, actor)), out / "screen-overdue.png")
    branch.close()


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(Path(args[0]) if args else ROOT / "docs", "--all" in sys.argv)
