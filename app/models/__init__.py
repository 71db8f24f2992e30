"""Typed SQLAlchemy models of the branch database (no Qt, no business rules)."""

from app.models.base import Base, new_uuid
from app.models.change_request import ChangeRequestState, CustomerChangeRequest
from app.models.customer import Bill, Customer, CustomerStatus
from app.models.journal import AuditRecord, OutboxEvent
from app.models.office_verdicts import EnrolmentRefusal, HeldBillChange, OfficeEnrolment
from app.models.org import Branch, Counter, Role, Sequence, Setting, User
from app.models.payment import (
    BillAllocation,
    InstalmentAllocation,
    Payment,
    PaymentKind,
    PaymentMethod,
    Void,
)
from app.models.promotion import (
    Enrolment,
    EnrolmentState,
    Instalment,
    PromotionTermsRecord,
)
from app.models.receipt_print import ReceiptPrint
from app.models.shift import Shift, ShiftState
from app.models.workorder import WorkOrder, WorkOrderKind, WorkOrderState

__all__ = [
    "AuditRecord",
    "Base",
    "Bill",
    "BillAllocation",
    "Branch",
    "ChangeRequestState",
    "Counter",
    "Customer",
    "CustomerChangeRequest",
    "CustomerStatus",
    "Enrolment",
    "EnrolmentRefusal",
    "EnrolmentState",
    "HeldBillChange",
    "Instalment",
    "InstalmentAllocation",
    "OfficeEnrolment",
    "OutboxEvent",
    "Payment",
    "PaymentKind",
    "PaymentMethod",
    "PromotionTermsRecord",
    "ReceiptPrint",
    "Role",
    "Sequence",
    "Setting",
    "Shift",
    "ShiftState",
    "User",
    "Void",
    "WorkOrder",
    "WorkOrderKind",
    "WorkOrderState",
    "new_uuid",
]
