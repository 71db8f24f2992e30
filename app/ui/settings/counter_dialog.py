"""The admin's "Counter settings" dialog (Loket → Counter settings…).

It shows the settings Loket uses now (the PC's settings file overlaid by the user's),
with the problems of a broken file at the top, and saves them to the user's settings
file through ``save_counter_settings`` (admins only, atomic, audited). A failed save
says why and keeps the dialog open with everything typed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.models import Role
from app.services.branch_info import branch_overview
from app.services.counter_settings import SettingsSaved, save_counter_settings
from app.services.settings import (
    KEEP_DAYS_RANGE,
    LANGUAGES,
    CounterSettings,
    load_settings,
    user_settings_file,
)
from app.ui.context import UiContext
from app.ui.errors_dialog import show_unexpected
from app.ui.kit.widgets import (
    DIALOG_STYLE,
    MessageLine,
    error_message,
    problem_label,
    with_problem,
)
from app.ui.printing import printer_names
from app.ui.screen_fit import fit_to_screen, grow_to_fit, scrolled_body
from app.ui.settings.printers import PrinterTable

LANGUAGE_NAMES = {"id": "Bahasa Indonesia", "en": "English"}
MAX_WARNINGS = 3  # more go to the log file only, so the dialog fits the screen
MakeAction = Callable[[str, str, Callable[[], object]], QAction]


def url_is_valid(url: str) -> bool:
    """Empty (no head office), or an http(s) address with a host and no spaces."""
    if not url:
        return True
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.hostname) and \
        not any(c.isspace() for c in url)


class CounterSettingsDialog(QDialog):
    """Branch and counter, head office, language, backups and printers; ``saved`` after Save."""

    saved = Signal(object)  # SettingsSaved

    def __init__(self, ctx: UiContext, parent: QWidget | None = None, *,
                 user_file: Path | None = None, machine_file: Path | None = None,
                 installed: list[str] | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.busy = ctx, False
        self.target = user_file or user_settings_file()
        self.loaded = load_settings(user_file, machine_file)
        self.result_: SettingsSaved | None = None
        current = self.loaded.settings
        self.setObjectName("counterSettingsDialog")
        self.setWindowTitle(self.tr("Counter settings"))
        self.setStyleSheet(DIALOG_STYLE)
        self.warnings = MessageLine(self)
        self.warnings.setObjectName("settingsWarnings")
        if self.loaded.warnings:
            self.warnings.show_message(self._warning_text(self.loaded.warnings), "warning")
        self.printers = PrinterTable(ctx, printer_names() if installed is None else installed,
                                     current.printers, self)
        self.printers.message.connect(self.show_message)
        self.message = MessageLine(self)
        self.message.setObjectName("settingsMessage")
        body = QWidget(self)
        inner = QVBoxLayout(body)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.warnings)
        inner.addWidget(self._identity_group(current))
        inner.addWidget(self._general_group(current))
        printers = QGroupBox(self.tr("Printers"), objectName="printersGroup")
        QVBoxLayout(printers).addWidget(self.printers)
        inner.addWidget(printers)
        inner.addWidget(self.printers.hint)
        where = QLabel(self.tr("Saved for this Windows user in {path}: what differs from the "
                               "PC's settings is kept there.").format(path=self.target),
                       objectName="settingsFile", wordWrap=True)
        where.setStyleSheet("QLabel { color: #5f6368; }")
        inner.addWidget(where)
        inner.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolled_body(body, self), 1)  # scrolls on a 1024×600 screen
        layout.addWidget(self.message)
        layout.addWidget(self._buttons())
        self.setMinimumWidth(640)
        self._check_identity()
        self._body: QWidget | None = body  # sized to the screen when first shown

    def _warning_text(self, warnings: tuple[str, ...]) -> str:
        lines = [self.tr("The settings file has problems; Loket uses the defaults for what "
                         "is wrong until you save:")]
        lines += [f"• {warning}" for warning in warnings[:MAX_WARNINGS]]
        if len(warnings) > MAX_WARNINGS:
            lines.append(self.tr("… and {count} more (see the log file).").format(
                count=len(warnings) - MAX_WARNINGS))
        return "\n".join(lines)

    # ------------------------------------------------------------------ groups
    def _identity_group(self, current: CounterSettings) -> QGroupBox:
        overview = branch_overview(self.ctx.branch.reading())
        self.db_codes = (overview.branch_code, overview.counter_code)
        group = QGroupBox(self.tr("Branch and counter"), objectName="identityGroup")
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("In this database")), 0, 1)
        grid.addWidget(QLabel(self.tr("Expected by the settings")), 0, 2)
        self.expected: list[QLineEdit] = []
        rows = ((self.tr("Branch code:"), "Branch", overview.branch_code, current.branch),
                (self.tr("Counter code:"), "Counter", overview.counter_code, current.counter))
        for row, (label, name, in_db, expected) in enumerate(rows, start=1):
            shown = QLineEdit(in_db, objectName=f"database{name}", readOnly=True)
            shown.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            edit = QLineEdit(expected, objectName=f"expected{name}")
            edit.setPlaceholderText(self.tr("any (empty)"))
            edit.textChanged.connect(self._check_identity)
            grid.addWidget(QLabel(label, buddy=edit), row, 0)
            grid.addWidget(shown, row, 1)
            grid.addWidget(edit, row, 2)
            self.expected.append(edit)
        self.identity_warning = MessageLine(group)
        self.identity_warning.setObjectName("identityWarning")
        column = QVBoxLayout(group)
        column.addLayout(grid)
        column.addWidget(self.identity_warning)
        return group

    def _general_group(self, current: CounterSettings) -> QGroupBox:
        group = QGroupBox(self.tr("Head office, language and backups"),
                          objectName="generalGroup")
        self.url = QLineEdit(current.head_office_url, objectName="headOfficeUrl")
        self.url.setPlaceholderText("https://pusat.example/loket")
        self.url.textEdited.connect(lambda _text: self._url_problem(""))
        self.url_problem = problem_label("headOfficeUrlProblem")
        self.language = QComboBox(objectName="defaultLanguage")
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.language.setCurrentIndex(max(0, self.language.findData(current.language)))
        self.keep_days = QSpinBox(objectName="keepDailyBackups")
        self.keep_days.setRange(*KEEP_DAYS_RANGE)
        self.keep_days.setValue(current.keep_daily_backups)
        self.keep_days.setSuffix(self.tr(" days"))
        self.keep_days.setMaximumWidth(160)
        form = QFormLayout(group)
        form.addRow(QLabel(self.tr("Head-office &address:"), buddy=self.url),
                    with_problem(self.url, self.url_problem))
        form.addRow(QLabel(self.tr("Default &language:"), buddy=self.language), self.language)
        form.addRow(QLabel(self.tr("&Daily backups kept:"), buddy=self.keep_days),
                    self.keep_days)
        return group

    def _buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox()
        self.save_button = QPushButton(self.tr("Save"), objectName="counterSettingsSave")
        self.save_button.setDefault(True)
        cancel = QPushButton(self.tr("Cancel"), objectName="counterSettingsCancel")
        cancel.setAutoDefault(False)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        return buttons

    # ------------------------------------------------------------------ checks
    def _check_identity(self) -> None:
        """Warn when the expected branch or counter is not what the database holds."""
        branch, counter = (edit.text().strip() for edit in self.expected)
        differing = []
        if branch and branch != self.db_codes[0]:
            differing.append(self.tr("branch {code}").format(code=branch))
        if counter and counter != self.db_codes[1]:
            differing.append(self.tr("counter {code}").format(code=counter))
        if not differing:
            self.identity_warning.clear_message()
            return
        self.identity_warning.show_message(self.tr(
            "This database belongs to branch {branch}, counter {counter}, but the settings "
            "expect {expected}. Check that Loket opens the right branch folder, or correct "
            "the expected codes (empty: any).").format(
            branch=self.db_codes[0], counter=self.db_codes[1],
            expected=self.tr(" and ").join(differing)), "warning")
        self._fit()

    def _url_problem(self, text: str) -> None:
        self.url_problem.setText(text)
        self.url.setProperty("invalid", bool(text))
        self.url.style().unpolish(self.url)
        self.url.style().polish(self.url)
        self._fit()

    def chosen(self) -> CounterSettings:
        """The settings as the dialog shows them (``data_dir`` is kept as loaded)."""
        branch, counter = (edit.text().strip() for edit in self.expected)
        return replace(self.loaded.settings, branch=branch, counter=counter,
                       head_office_url=self.url.text().strip(),
                       language=str(self.language.currentData()),
                       keep_daily_backups=self.keep_days.value(),
                       printers=self.printers.choices())

    # ------------------------------------------------------------------ saving
    def save(self) -> None:
        """Check the head-office address, then save in the background."""
        if self.busy:
            return
        if not url_is_valid(self.url.text().strip()):
            self._url_problem(self.tr("Type an address that starts with https:// or "
                                      "http://, e.g. https://pusat.example/loket."))
            self.show_message(self.tr("The settings were not saved: correct the "
                                      "head-office address."), "error")
            self.url.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        before, after, target = self.loaded.settings, self.chosen(), self.target
        branch, actor = self.ctx.branch, self.ctx.signed_in()
        self.busy = True
        self.save_button.setEnabled(False)
        self.show_message(self.tr("Saving…"), "info")

        def work(_cancel: Any) -> SettingsSaved:
            return save_counter_settings(branch.writing(), actor, before, after, target)

        self.ctx.tasks.run(work, self._saved, self._failed)

    def _saved(self, result: SettingsSaved) -> None:
        self.busy, self.result_ = False, result
        self.save_button.setEnabled(True)
        self.saved.emit(result)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        self.save_button.setEnabled(True)
        text = error_message(error)
        if text is None:
            show_unexpected(self, error)
            text = self.tr("The settings were not saved. Try again.")
        self.show_message(text, "error")

    def show_message(self, text: str, kind: str) -> None:
        self.message.show_message(text, kind)
        self._fit()

    def showEvent(self, event: QShowEvent) -> None:
        if self._body is not None:  # first shown: all the fields, where the screen allows
            fit_to_screen(self, self._body)
            self._body = None
        super().showEvent(event)
        self._fit()

    def _fit(self) -> None:
        """Grow to show a message that just appeared (within the screen; the fields
        scroll), rather than squeeze it."""
        if self.isVisible():
            grow_to_fit(self)


class CounterSettingsActions(QObject):
    """The Loket menu's "Counter settings…" entry: shown and enabled for admins only."""

    def __init__(self, ctx: UiContext, window: QWidget, menu: QMenu,
                 make_action: MakeAction) -> None:
        super().__init__(window)
        self.ctx, self.window = ctx, window
        self.setObjectName("counterSettingsActions")
        self.user_file: Path | None = None  # None: the user's settings file
        self.machine_file: Path | None = None  # None: the PC's settings file
        self.installed: list[str] | None = None  # None: the printers installed on this PC
        self.action = make_action("counter_settings", self.tr("C&ounter settings…"), self.open)
        allowed = ctx.actor is not None and ctx.actor.role == Role.ADMIN.value
        self.action.setVisible(allowed)
        self.action.setEnabled(allowed)
        menu.addAction(self.action)

    def open(self) -> CounterSettingsDialog:
        dialog = CounterSettingsDialog(self.ctx, self.window, user_file=self.user_file,
                                       machine_file=self.machine_file,
                                       installed=self.installed)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
