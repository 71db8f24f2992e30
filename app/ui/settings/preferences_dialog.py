"""Per-user preferences (the window language), kept in ``<data_dir>/ui-settings.json``.

A user's language applies from their next log-in: the window is built after log-in
in that language (unless ``loket --lang`` fixed the language for the whole run).
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.ui.i18n import LANGUAGES

log = logging.getLogger("loket.settings")

SETTINGS_FILE = "ui-settings.json"
_LANGUAGE_NAMES = {"id": "Bahasa Indonesia", "en": "English"}


class UserSettings:
    """A small JSON file: ``{"users": {"kasir1": {"lang": "en"}}}``."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / SETTINGS_FILE

    def _load(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {"users": {}}
        except (OSError, ValueError):
            log.warning("ignoring unreadable %s", self.path)
            return {"users": {}}
        if not isinstance(data, dict) or not isinstance(data.get("users"), dict):
            return {"users": {}}
        return data

    def language(self, username: str) -> str | None:
        """The user's chosen language, or None when they never chose one."""
        user = self._load()["users"].get(username, {})
        lang = user.get("lang") if isinstance(user, dict) else None
        return lang if lang in LANGUAGES else None

    def set_language(self, username: str, lang: str) -> None:
        if lang not in LANGUAGES:
            raise ValueError(f"unknown language {lang!r}")
        data = self._load()
        data["users"].setdefault(username, {})["lang"] = lang
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".tmp")
        temporary.write_text(json.dumps(data, indent=2, sort_keys=True), encoding="utf-8")
        temporary.replace(self.path)


class SettingsDialog(QDialog):
    """The signed-in user's language; saved on OK, used from the next log-in."""

    def __init__(self, settings: UserSettings, username: str, current: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings, self.username = settings, username
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.language = QComboBox(objectName="languageChoice")
        for code in LANGUAGES:
            self.language.addItem(_LANGUAGE_NAMES[code], code)
        chosen = settings.language(username) or current
        self.language.setCurrentIndex(max(0, self.language.findData(chosen)))
        form = QFormLayout()
        form.addRow(QLabel(self.tr("&Language:"), buddy=self.language), self.language)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("The language changes the next time you sign in."),
                                wordWrap=True))
        buttons = QDialogButtonBox()
        save = buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        save.setObjectName("saveSettingsButton")
        save.setDefault(True)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)  # the note on one line: a narrow wrap was cut short

    def save(self) -> None:
        self.settings.set_language(self.username, str(self.language.currentData()))
        self.accept()
