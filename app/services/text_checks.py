"""Text that must not reach the database or the search index as it came.

Two rules, chosen per use:

* **search text is cleaned, then searched**: :func:`search_text` turns control characters
  (NUL, escape, …) into spaces, so they separate fragments like any whitespace, and drops
  lone surrogate halves, which no database can hold;
* **stored text is refused**: :func:`text_problem` names the first character a stored
  field may not hold — control characters, surrogate halves and the bidirectional
  overrides that make a name read differently from what it holds — so the caller can
  refuse the row or field with its name. Tabs and line breaks count as control
  characters: every stored field here is one line.
"""

from __future__ import annotations

import unicodedata

BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
"""Embeddings, overrides and isolates: they reorder how the text around them is shown."""
LINE_BREAKS = frozenset("\t\n\r")


def _is_control(char: str) -> bool:
    return unicodedata.category(char) == "Cc"


def _is_surrogate(char: str) -> bool:
    return 0xD800 <= ord(char) <= 0xDFFF


def search_text(text: str) -> str:
    """``text`` with control characters as spaces and surrogate halves removed."""
    if text.isprintable() and not any(_is_surrogate(c) for c in text):
        return text  # the usual case, unchanged
    return "".join(" " if _is_control(c) else c for c in text if not _is_surrogate(c))


_SHORT_NAMES = {"\x00": "NUL", "\t": "tab", "\n": "line break", "\r": "carriage return",
                "\x1b": "escape"}


def char_name(char: str) -> str:
    """``NUL (U+0000)``, or ``U+D800`` for a character without a name, for messages."""
    name = _SHORT_NAMES.get(char) or ("" if _is_surrogate(char) else unicodedata.name(char, ""))
    code = f"U+{ord(char):04X}"
    return f"{name} ({code})" if name else code


def text_problem(value: str, *, line_breaks: bool = False) -> str | None:
    """What a stored one-line field may not hold, e.g. ``"the character NUL (U+0000) at
    position 4"``;
    ``None`` when ``value`` is acceptable. ``line_breaks`` lets tabs and line breaks
    through (text of several lines)."""
    found = bad_character(value, line_breaks=line_breaks)
    return None if found is None else f"the character {found[0]} at position {found[1]}"


def bad_character(value: str, *, line_breaks: bool = False) -> tuple[str, int] | None:
    """The name (:func:`char_name`) and position (from 1) of the first character of
    ``value`` that :func:`text_problem` refuses; ``None`` when there is none."""
    if value.isprintable():  # the usual case: no control, format or surrogate character
        return None
    for position, char in enumerate(value, start=1):
        if line_breaks and char in LINE_BREAKS:
            continue
        if _is_control(char) or _is_surrogate(char) or char in BIDI_CONTROLS:
            return char_name(char), position
    return None
