"""Every keyboard shortcut of the counter window, in one table.

The main window builds its actions from :data:`SHORTCUTS`; the help dialog (F1) and
the README list the same table. Keys are ``QKeySequence`` strings.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMainWindow,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.translatable import QT_TRANSLATE_NOOP
from app.ui.kit.widgets import named

_CONTEXT = "Shortcuts"


@dataclass(frozen=True)
class Shortcut:
    name: str
    """The action's object name (``action_<name>``)."""
    keys: str
    what: str
    """English description; shown translated (``describe``)."""
    window_action: bool = True
    """False for keys the widgets handle themselves (listed for help only)."""

    def describe(self, menus: Sequence[str] = ()) -> str:
        """What the key does, in the UI language (``menus``: the window's menu titles)."""
        return QCoreApplication.translate(_CONTEXT, self.what).format(
            menus=", ".join(menus))

    def key_text(self) -> str:
        """The keys as the help lists them, key names in the UI language (``Atas, Bawah``)."""
        return QCoreApplication.translate(_CONTEXT, self.keys)


SHORTCUTS: tuple[Shortcut, ...] = (
    Shortcut("help", "F1", QT_TRANSLATE_NOOP("Shortcuts", "Show these keyboard shortcuts")),
    Shortcut("search", "F2", QT_TRANSLATE_NOOP("Shortcuts", "Go to the customer search field")),
    Shortcut("enrol", "F5", QT_TRANSLATE_NOOP("Shortcuts", "Enrol the customer in the promotion")),
    Shortcut("void", "F6", QT_TRANSLATE_NOOP("Shortcuts", "Void a receipt (supervisor)")),
    Shortcut("reprint", "F7", QT_TRANSLATE_NOOP("Shortcuts", "Reprint a receipt")),
    Shortcut("pay", "F8", QT_TRANSLATE_NOOP("Shortcuts", "Pay an instalment")),
    Shortcut("back", "Esc",
             QT_TRANSLATE_NOOP("Shortcuts", "Back to the search / clear the search field")),
    Shortcut("overdue", "Ctrl+1", QT_TRANSLATE_NOOP("Shortcuts", "List: overdue instalments")),
    Shortcut("work_orders", "Ctrl+2", QT_TRANSLATE_NOOP("Shortcuts", "List: work orders")),
    Shortcut("receipts", "Ctrl+3", QT_TRANSLATE_NOOP("Shortcuts", "List: today's receipts")),
    Shortcut("sync", "F12", QT_TRANSLATE_NOOP("Shortcuts", "Sync with head office now")),
    Shortcut("open_account", "Enter",
             QT_TRANSLATE_NOOP("Shortcuts", "Open the selected or scanned customer"), False),
    Shortcut("move", QT_TRANSLATE_NOOP("Shortcuts", "Up, Down"),
             QT_TRANSLATE_NOOP("Shortcuts", "Move through the search results"), False),
    Shortcut("menu", "Alt", QT_TRANSLATE_NOOP("Shortcuts", "Open the menus ({menus})"), False),
)


def shortcut(name: str) -> Shortcut:
    """The table entry ``name``."""
    for entry in SHORTCUTS:
        if entry.name == name:
            return entry
    raise KeyError(name)


def menu_titles(window: QWidget | None) -> list[str]:
    """The titles of ``window``'s menus as shown (``Shift``, ``Lists`` …), mnemonics removed."""
    if not isinstance(window, QMainWindow):
        return []
    return [action.text().replace("&", "") for action in window.menuBar().actions()
            if action.menu() is not None]


class ShortcutsDialog(QDialog):
    """F1: every shortcut with what it does; the Alt line names the window's real menus."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        table = named(QTableWidget(len(SHORTCUTS), 2), "shortcutsTable")
        table.setHorizontalHeaderLabels([self.tr("Key"), self.tr("Does")])
        menus = menu_titles(parent)
        for row, entry in enumerate(SHORTCUTS):
            table.setItem(row, 0, QTableWidgetItem(entry.key_text()))
            table.setItem(row, 1, QTableWidgetItem(entry.describe(menus)))
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(640, 520)
