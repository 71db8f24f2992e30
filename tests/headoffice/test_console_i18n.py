"""Every text the console shows in Bahasa Indonesia has its English."""

from __future__ import annotations

import re
from pathlib import Path

from headoffice.console import error_pages, words
from headoffice.console.i18n import ENGLISH
from headoffice.console.roles import ROLES, role_label
from headoffice.console.web import NAV

CONSOLE = Path(__file__).resolve().parents[2] / "headoffice" / "console"


def shown_texts() -> set[str]:
    texts: set[str] = set()
    for template in (CONSOLE / "templates").glob("*.html"):
        source = template.read_text(encoding="utf-8")
        texts |= set(re.findall(r'_\("([^"]+)"\)', source))
        texts |= set(re.findall(r"_\('([^']+)'\)", source))
    for module in CONSOLE.rglob("*.py"):
        texts |= set(re.findall(r'title="([^"]+)"', module.read_text(encoding="utf-8")))
    texts |= {entry.label for entry in NAV} | {role_label(role) for role in ROLES}
    texts |= {text for _key, text in words.REFUSALS} | set(words.CUSTOMER_STATES.values())
    for table in words.WORD_TABLES.values():
        texts |= set(table.values())
    texts |= set(error_pages.TITLES.values())
    return texts | set(words.REASONS.values()) | set(words.EVENT_TYPES.values())


def test_every_text_of_the_console_has_its_english() -> None:
    texts = shown_texts()
    assert len(texts) > 150  # the search finds the texts, not nothing
    assert sorted(t for t in texts if t not in ENGLISH) == []
