"""Work lists of the counter: overdue instalments, work orders, today's receipts."""

from app.ui.lists.overdue_page import OverduePage
from app.ui.lists.receipts_page import ReceiptsPage
from app.ui.lists.work_orders_page import WorkOrdersPage

__all__ = ["OverduePage", "ReceiptsPage", "WorkOrdersPage"]
