"""What head office tells customers about its service offices (``offices.toml``): which
office serves a kecamatan, its address and hours, and the documents to bring.

The file is data, validated whole when read: every office names a branch code, a
kecamatan is served by one office only, every text is one line without control
characters. ``LOKET_HEADOFFICE_OFFICES`` names another file.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from app.services.text_checks import text_problem

DEFAULT_FILE = Path(__file__).with_name("offices.toml")
ENV_VARIABLE = "LOKET_HEADOFFICE_OFFICES"
EVERY_PROGRAMME = "*"


class OfficesFileInvalid(ValueError):
    """The offices file cannot be used; the text names the file and the problem."""


@dataclass(frozen=True)
class OfficeInfo:
    code: str
    address: str
    hours: str
    kecamatan: tuple[str, ...]
    hours_en: str = ""  # the hours in English (none: as in Indonesian)


@dataclass(frozen=True)
class Document:
    """Something to bring, in Bahasa Indonesia (``id``) and English (``en``)."""

    programme: str
    id: str
    en: str


@dataclass(frozen=True)
class Offices:
    default_office: str
    offices: tuple[OfficeInfo, ...]
    documents: tuple[Document, ...]

    def office(self, code: str) -> OfficeInfo | None:
        return next((o for o in self.offices if o.code == code), None)

    def serving(self, kecamatan: str) -> str:
        """The branch code of the office serving ``kecamatan`` (any case), else the default."""
        wanted = kecamatan.strip().casefold()
        for office in self.offices:
            if any(k.casefold() == wanted for k in office.kecamatan):
                return office.code
        return self.default_office

    def documents_for(self, programme: str) -> tuple[Document, ...]:
        return tuple(d for d in self.documents if d.programme in (EVERY_PROGRAMME, programme))


def offices() -> Offices:
    """The offices file in force (``LOKET_HEADOFFICE_OFFICES`` or the one shipped)."""
    return load_offices(Path(os.environ.get(ENV_VARIABLE) or DEFAULT_FILE))


@lru_cache(maxsize=4)
def load_offices(path: Path) -> Offices:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        result = _build(data)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, KeyError, TypeError,
            ValueError) as exc:
        problem = f"missing {exc.args[0]!r}" if isinstance(exc, KeyError) else str(exc)
        raise OfficesFileInvalid(f"{path.name}: {problem}") from exc
    return result


def _build(data: dict[str, Any]) -> Offices:
    offices = tuple(OfficeInfo(_text(o["code"]), _text(o["address"]), _text(o["hours"]),
                               tuple(_text(k) for k in _list(o.get("kecamatan", []))),
                               _text(o.get("hours_en", o["hours"])))
                    for o in _list(data.get("office", [])))
    documents = tuple(Document(_text(d["programme"]), _text(d["id"]), _text(d["en"]))
                      for d in _list(data.get("documents", [])))
    default = _text(data["default_office"])
    codes = [o.code for o in offices]
    if default not in codes:
        raise ValueError(f"default_office {default!r} is not one of the offices {codes}")
    if len(set(codes)) != len(codes):
        raise ValueError("an office is listed twice")
    places = [k.casefold() for o in offices for k in o.kecamatan]
    if len(set(places)) != len(places):
        raise ValueError("a kecamatan is served by two offices")
    return Offices(default, offices, documents)


def _list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise TypeError(f"expected a list, not {value!r}")
    return value


def _text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise TypeError(f"expected some text, not {value!r}")
    problem = text_problem(value)
    if problem is not None:
        raise ValueError(f"{value!r}: {problem}")
    return value.strip()
