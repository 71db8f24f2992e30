"""The status bar: who is signed in, where, which day, the shift, and what waits to sync."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from app.services.branch_info import BranchOverview, pending_outbox_events
from app.services.shifts import ShiftInfo, current_shift
from app.services.sync import last_sync
from app.services.translatable import QT_TRANSLATE_NOOP
from app.ui.context import UiContext
from app.ui.i18n import format_count, format_date
from app.ui.kit.widgets import named

REFRESH_MS = 30_000
LABEL_GAP = 16  # between the status bar's fields, and its grip
_ROLES = {
    "cashier": QT_TRANSLATE_NOOP("Roles", "cashier"),
    "supervisor": QT_TRANSLATE_NOOP("Roles", "supervisor"),
    "admin": QT_TRANSLATE_NOOP("Roles", "admin"),
}


def role_text(role: str) -> str:
    """``cashier`` → ``kasir`` in Indonesian."""
    source = _ROLES.get(role)
    return QCoreApplication.translate("Roles", source) if source else role


class CounterStatusBar(QStatusBar):
    """Permanent fields (object names ``status<Field>``) refreshed on demand and every 30 s."""

    def __init__(self, ctx: UiContext, overview: BranchOverview,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.overview = overview
        self.shift: ShiftInfo | None = None
        self.pending = 0
        self.sync_state: str | None = None  # "online", "offline" or "failed"; None: no sync yet
        self._labels: dict[str, QLabel] = {}
        self._full: dict[str, str] = {}  # branch, counter (with names) and sync in full
        self._short_sync = ""
        for name in ("User", "Branch", "Counter", "Date", "Shift", "Sync"):
            label = named(QLabel(), f"status{name}")
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._labels[name] = label
            self.addPermanentWidget(label)
        self._timer = QTimer(self, interval=REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.refresh()

    def text_of(self, field: str) -> str:
        """The text of field ``User``, ``Branch``, ``Counter``, ``Date``, ``Shift`` or ``Sync``."""
        return self._labels[field].text()

    def refresh(self) -> None:
        """Read the shift and the outbox again (cheap indexed queries)."""
        actor, overview = self.ctx.actor, self.overview
        self.shift = current_shift(self.ctx.branch.reading(), actor) if actor else None
        self.pending = pending_outbox_events(self.ctx.branch.reading())
        user = self.tr("Not signed in") if actor is None else \
            f"{actor.username} ({role_text(actor.role)})"
        self._labels["User"].setText(user)
        self._full["Branch"] = f"{overview.branch_name} ({overview.branch_code})"
        self._full["Counter"] = f"{overview.counter_name} ({overview.counter_code})"
        self._labels["Date"].setText(format_date(overview.business_date))
        self._labels["Shift"].setText(self._shift_text())
        self._labels["Shift"].setProperty("state", self._shift_state())
        self._full["Sync"], self._short_sync = self._sync_texts()
        self._labels["Sync"].setProperty("state", self.sync_state or "unknown")
        for label in self._labels.values():
            label.style().unpolish(label)
            label.style().polish(label)
        self._show_place()

    def _show_place(self) -> None:
        """Each field whole where the bar has room (a 1366-pixel screen); where it has not
        (1024 pixels), branch and counter by code alone, then the sync field without the
        last sync's time, then that field shortened with "…"; the full text is then the
        field's tooltip."""
        window = self.parentWidget()
        room = window.width() if window is not None else self.width()
        metrics = self._labels["Sync"].fontMetrics()
        codes = {"Branch": self.overview.branch_code, "Counter": self.overview.counter_code}
        shown = {name: self._full.get(name, label.text()) for name, label in self._labels.items()}
        sync_hint = self.tr("Changes waiting to be sent to head office")

        # what a field needs beyond its text: its padding (the style sheet's) and the gap
        extra = {name: label.sizeHint().width() - label.fontMetrics().horizontalAdvance(
            label.text()) + LABEL_GAP for name, label in self._labels.items()}

        def needed() -> int:
            return sum(self._labels[name].fontMetrics().horizontalAdvance(text) + extra[name]
                       for name, text in shown.items())

        if needed() > room:
            shown.update(codes)
        if needed() > room:
            shown["Sync"] = self._short_sync
        if needed() > room:
            rest = needed() - metrics.horizontalAdvance(shown["Sync"])
            shown["Sync"] = metrics.elidedText(shown["Sync"], Qt.TextElideMode.ElideMiddle,
                                               max(room - rest, 0))
        for name in codes:
            whole = shown[name] == self._full[name]
            self._labels[name].setText(shown[name])
            self._labels[name].setToolTip("" if whole else self._full[name])
        sync = self._labels["Sync"]
        sync.setText(shown["Sync"])
        whole = shown["Sync"] == self._full["Sync"]
        sync.setToolTip(sync_hint if whole else f"{self._full['Sync']}\n{sync_hint}")

    def event(self, event: QEvent) -> bool:
        window = self.parentWidget()
        if event.type() == QEvent.Type.ParentChange and window is not None:
            window.installEventFilter(self)  # the window's width decides
        return super().event(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.parentWidget() and self._full:
            self._show_place()
        return super().eventFilter(watched, event)

    def set_sync_state(self, state: str | None) -> None:
        """After a sync: ``online`` (it went through), ``offline`` (head office could not be
        reached) or ``failed`` (refused, not registered …); ``None`` keeps what was known."""
        if state is not None:
            self.sync_state = state
        self.refresh()

    def _sync_texts(self) -> tuple[str, str]:
        """The sync field in full, and without the last sync's time (for a narrow bar)."""
        synced = last_sync(self.ctx.branch.reading())
        pending = format_count(self.pending)
        if synced is None:
            text = self.tr("Unsent: {pending} · last sync: never").format(pending=pending)
        else:
            text = self.tr("Unsent: {pending} · last sync: {when}").format(
                pending=pending, when=f"{format_date(synced.date())} {synced:%H:%M}")
        short = self.tr("Unsent: {pending}").format(pending=pending)
        states = {"online": self.tr("online"), "offline": self.tr("offline"),
                  "failed": self.tr("sync failed")}
        if self.sync_state is None:
            return text, short
        state = states.get(self.sync_state, self.sync_state)
        return f"{text} · {state}", f"{short} · {state}"

    def _shift_state(self) -> str:
        shift, actor = self.shift, self.ctx.actor
        if shift is None:
            return "none"
        if actor is not None and shift.cashier != actor.username:
            return "other"
        return shift.state

    def _shift_text(self) -> str:
        shift = self.shift
        if shift is None:
            return self.tr("Shift: none")
        since = shift.opened_at.strftime("%H:%M")
        state = self._shift_state()
        if state == "other" and shift.state == "counted":
            return self.tr("Shift: {cashier}'s, waiting for sign-off").format(
                cashier=shift.cashier)
        if state == "other":
            return self.tr("Shift: {cashier}'s, open since {time}").format(
                cashier=shift.cashier, time=since)
        if state == "counted":
            return self.tr("Shift: counted, waiting for sign-off")
        return self.tr("Shift: open since {time}").format(time=since)
