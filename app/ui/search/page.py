"""Customer search: results appear as the cashier types; a scanned number opens the account.

The query runs in the background (``ctx.tasks``) a short moment after the last
keystroke; results of superseded queries are dropped. Enter opens the customer whose
connection number is exactly the text typed (a barcode scanner types the number and
Enter), otherwise the selected or first hit. When nothing matches, similar names are
offered. Up/Down in the search field move through the results.

A text that holds a long number (a scanned or typed connection number) but is not a
customer's connection number opens nobody by itself: not the first hit, nor the first
similar name. A scan after text left in the field ("yohanes30100033"), or a misread
barcode, would otherwise open another customer's account, to be paid into. The cashier
picks a customer with Up/Down, or clears the field with Esc and scans again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import BranchDatabase
from app.services.search.customers import (
    CustomerHit,
    SearchResult,
    search_customers,
    suggest_similar_names,
)
from app.ui.context import UiContext
from app.ui.errors_dialog import show_unexpected
from app.ui.i18n import format_count
from app.ui.kit.widgets import MessageLine, caption, named
from app.ui.search.model import CONNECTION_NO_ROLE, RowTexts, SearchModel, row_of, row_texts
from app.ui.tasks import Cancel

# A zero-delay timer: human typing is searched at once, while a barcode scanner's burst of
# keys (delivered together) still becomes one search. Stale results are dropped anyway.
DEBOUNCE_MS = 0
RESULT_LIMIT = 50
SUGGESTION_LIMIT = 5
_WIDTHS = (120, 230, 300, 150, 110, 130)


LONG_NUMBER = re.compile(r"\d{6,}")
"""A run of digits this long is a connection or meter number, scanned or typed."""


@dataclass(frozen=True)
class Found:
    """One background lookup: the search result with its rows' texts and, when it is
    empty, similar names."""

    result: SearchResult
    rows: tuple[RowTexts, ...]
    suggestions: tuple[CustomerHit, ...]


def look_up(branch: BranchDatabase, text: str, limit: int, cancel: Cancel) -> Found:
    """Search and format the rows (in a worker thread, so the UI thread only swaps them
    in); ask for similar names only when nothing matched."""
    result = search_customers(branch.reading(), text, limit)
    suggestions: tuple[CustomerHit, ...] = ()
    if not result.hits and text.strip() and not cancel.cancelled:
        suggestions = suggest_similar_names(branch.reading(), text, SUGGESTION_LIMIT)
    return Found(result, row_texts(result.hits), suggestions)


class SearchPage(QWidget):
    """The search field, the result table and the "did you mean" list."""

    open_requested = Signal(str)
    """A connection number to open (Enter, double-click, a scanned number)."""
    results_shown = Signal(str)
    """The query whose results are now on screen (tests and benchmarks wait for it)."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.debounce_ms = DEBOUNCE_MS
        self.limit = RESULT_LIMIT
        self._customers: int | None = None
        self._cancel: Cancel | None = None
        self._generation = 0
        self._shown_text = ""
        self._open_when_shown = False
        self._picked = False  # the cashier moved through the results shown (Up/Down)
        self.model = SearchModel(self)
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self.search_now)
        self._build()
        self._show_hint()

    # ----------------------------------------------------------------- layout
    def _build(self) -> None:
        self.field = named(QLineEdit(), "searchField")
        self.field.setClearButtonEnabled(True)
        self.field.setPlaceholderText(self.tr("Name, address, kelurahan or connection number"))
        self.field.setAccessibleName(self.tr("Search customer"))
        self.field.textChanged.connect(self._text_changed)
        self.field.returnPressed.connect(self._enter)
        self.field.installEventFilter(self)
        search_caption = named(caption(self.tr("&Search customer:"), self.field), "searchCaption")
        self.count = named(QLabel(), "searchCount")
        self.view = self._build_view()
        self.suggestion_caption = named(QLabel(self.tr("Did you mean:")), "suggestionsLabel")
        self.suggestion_caption.setWordWrap(True)
        for label in (self.count, self.suggestion_caption):  # a line each, at the top
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.suggestions = named(QListWidget(), "suggestions")
        self.suggestions.itemActivated.connect(self._suggestion_activated)
        self.notice = MessageLine(self)
        self.notice.setObjectName("lastTransaction")
        row = QHBoxLayout()
        row.addWidget(search_caption)
        row.addWidget(self.field, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.notice)
        layout.addWidget(self.count)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.suggestion_caption)
        layout.addWidget(self.suggestions, 1)
        layout.addStretch(0)  # the room left when nothing matched stays below the text
        self._show_suggestions(())

    def _build_view(self) -> QTableView:
        view = named(QTableView(), "searchResults")
        view.setModel(self.model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.verticalHeader().setVisible(False)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
        view.setWordWrap(False)
        header = view.horizontalHeader()
        for column, width in enumerate(_WIDTHS):
            header.resizeSection(column, width)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        view.activated.connect(lambda index: self._open_row(index.row()))
        return view

    # ------------------------------------------------------------ public API
    def set_customer_count(self, customers: int) -> None:
        """How many customers the branch has (named in the hint under the empty field)."""
        self._customers = customers
        if not self.field.text().strip():
            self._show_hint()

    def show_notice(self, text: str) -> None:
        """What the last action on an account did (receipt, change …), until the
        cashier starts typing the next search."""
        self.notice.show_message(text, "info")

    def focus_field(self) -> None:
        """Focus the search field with its text selected (the next scan replaces it)."""
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def clear(self) -> None:
        self.field.clear()

    def busy(self) -> bool:
        """True while a search is waiting for the pause in typing or still running."""
        return self._timer.isActive() or self._cancel is not None

    def refresh(self) -> None:
        """Run the current query again (arrears change after a payment)."""
        if self.field.text().strip():
            self.search_now()

    def search_now(self) -> None:
        """Start the search for the field's text in the background, dropping older ones."""
        self._timer.stop()
        text = self.field.text()
        if self._cancel is not None:
            self._cancel.cancel()
        self._generation += 1
        generation, branch, limit = self._generation, self.ctx.branch, self.limit
        self._cancel = self.ctx.tasks.run(
            lambda cancel: look_up(branch, text, limit, cancel),
            lambda found: self._show(generation, text, found),
            lambda error: self._failed(generation, error))

    # ----------------------------------------------------------- behaviour
    def _text_changed(self, text: str) -> None:
        if text.strip():
            self.notice.clear_message()
            self._timer.start(self.debounce_ms)
            return
        self._timer.stop()
        if self._cancel is not None:
            self._cancel.cancel()
            self._cancel = None
        self._generation += 1
        self._shown_text = ""
        self._open_when_shown = False
        self.model.set_result(None)
        self._show_suggestions(())
        self._show_hint()

    def _show(self, generation: int, text: str, found: Found) -> None:
        if generation != self._generation:
            return
        self._cancel = None
        if self._open_when_shown and row_of(found.result.hits, text) >= 0:
            # A scanned card (Enter on a customer's connection number): their account is
            # asked for first, the results below are filled while it loads.
            self._open_when_shown = False
            self.open_requested.emit(text.strip())
        self._picked = False
        self._shown_text = text
        rows_before = self.model.rowCount()
        self.model.set_result(found.result, found.rows)
        if self.model.rowCount() != rows_before:
            self._settle_view()
        # A long number that is no customer's opens nothing by itself: nothing is
        # chosen for the cashier either, so the first ↓ picks the first line.
        chosen = not self._nobodys_number(text)
        self._show_suggestions(found.suggestions, chosen)
        self._show_count(found.result)
        if self.model.rowCount() and chosen:
            self._select_row(0)
        if self._open_when_shown:
            self._open_when_shown = False
            self._open_from_field()
        self.results_shown.emit(text)

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self._cancel = None
            self._open_when_shown = False
        show_unexpected(self, error)

    def _enter(self) -> None:
        """Enter in the field: wait for the results of what was typed, then open."""
        if self.field.text() != self._shown_text or self.busy():
            self._open_when_shown = True
            if self._timer.isActive() or self._cancel is None:
                self.search_now()
            return
        self._open_from_field()

    def _open_from_field(self) -> None:
        text = self.field.text()
        exact = self.model.row_of(text)
        if exact >= 0:
            self._open_row(exact)
        elif self._nobodys_number(text) and not self._picked:
            self.notice.show_message(self.tr(
                "'{text}' is not a connection number. Choose a customer with ↓ and press "
                "Enter, or press Esc to clear the field and scan again.").format(
                text=text.strip()), "warning")
        elif self.model.rowCount():
            current = self.view.currentIndex()
            self._open_row(current.row() if current.isValid() else 0)
        elif self.suggestions.isVisible() and self.suggestions.currentItem() is not None:
            self._suggestion_activated(self.suggestions.currentItem())

    def _nobodys_number(self, text: str) -> bool:
        """Whether ``text`` holds a long number but is no shown customer's connection
        number (see the module's docstring)."""
        return bool(LONG_NUMBER.search(text)) and self.model.row_of(text) < 0

    def _open_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.open_requested.emit(self.model.hit(row).connection_no)

    def _suggestion_activated(self, item: QListWidgetItem) -> None:
        self.open_requested.emit(str(item.data(CONNECTION_NO_ROLE)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up/Down/PageUp/PageDown in the search field move through the results."""
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1,
                    Qt.Key.Key_PageDown: 10, Qt.Key.Key_PageUp: -10}.get(Qt.Key(event.key()))
            if step is not None and self._move(step):
                return True
        return super().eventFilter(watched, event)

    def _move(self, step: int) -> bool:
        if self.model.rowCount():
            current = self.view.currentIndex()
            row = (current.row() if current.isValid() else -1) + step
            self._select_row(max(0, min(row, self.model.rowCount() - 1)))
        elif self.suggestions.isVisible() and self.suggestions.count():
            row = max(0, min(self.suggestions.currentRow() + step, self.suggestions.count() - 1))
            self.suggestions.setCurrentRow(row)
        else:
            return False
        self._picked = True  # Enter now opens what the cashier chose
        return True

    def _settle_view(self) -> None:
        """Lay the table out for its new number of rows now, before the repaint: left to
        Qt, the scroll bar that comes with the rows would appear after the first paint
        and narrow every column, so the 50 rows would be painted twice."""
        self.view.updateGeometries()
        # setting the policy again shows or hides the scroll bar at once (Qt's own
        # check runs later, queued)
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)

    def _select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | \
            QItemSelectionModel.SelectionFlag.Rows
        self.view.selectionModel().setCurrentIndex(index, flags)
        self.view.scrollTo(index)

    # ------------------------------------------------------------- messages
    def _show_hint(self) -> None:
        if self._customers is None:
            self.count.setText(self.tr("Type a name, address, kelurahan or connection number."))
        else:
            self.count.setText(self.tr("Type a name, address, kelurahan or connection number "
                                       "({count} customers).").format(
                count=format_count(self._customers)))

    def _show_count(self, result: SearchResult) -> None:
        shown = len(result.hits)
        if not shown:
            text = self.tr("No customer matches '{text}'.").format(text=result.query.strip())
        elif not result.total_is_exact:
            text = self.tr("More than {total} customers found; the first {shown} are shown. "
                           "Type more to narrow it down.").format(
                total=format_count(result.total), shown=format_count(shown))
        elif result.total > shown:
            text = self.tr("Customers found: {total}; the first {shown} are shown.").format(
                total=format_count(result.total), shown=format_count(shown))
        else:
            text = self.tr("Customers found: {total}").format(total=format_count(result.total))
        self.count.setText(text)

    def _show_suggestions(self, hits: tuple[CustomerHit, ...], chosen: bool = True) -> None:
        self.suggestions.clear()
        for hit in hits:
            item = QListWidgetItem(f"{hit.name} — {hit.address}, {hit.kelurahan} "
                                   f"({hit.connection_no})")
            item.setData(CONNECTION_NO_ROLE, hit.connection_no)
            self.suggestions.addItem(item)
        nothing_found = self.model.result is not None and not self.model.rowCount()
        self.view.setVisible(not nothing_found)
        self.suggestion_caption.setVisible(nothing_found)
        self.suggestions.setVisible(nothing_found and bool(hits))
        if hits and chosen:
            self.suggestions.setCurrentRow(0)
        if nothing_found and not hits:
            self.suggestion_caption.setText(self.tr("No similar names either. Check the spelling "
                                                    "or search by address or kelurahan."))
        else:
            self.suggestion_caption.setText(self.tr("Did you mean:"))
