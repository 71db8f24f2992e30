"""Message templates: Bahasa Indonesia by default, edited by staff, kept with versions.

A template is text with placeholders in braces, e.g. ``Yth. {nama}``; each kind of
message has its own placeholders (:data:`PLACEHOLDERS`, with their meaning in Bahasa
Indonesia). A template naming a
placeholder its kind does not have, with a brace left open, a format (``{nama:>10}``) or
a control character other than a line break is refused with a message saying which, and
nothing is stored. Saving makes a new version; the newest is used, and every message
records the version it came from. Before any is saved, the built-in text is version 0.
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.services.text_checks import text_problem
from headoffice.db import utcnow
from headoffice.outreach.tables import OutreachTemplate

KINDS = ("invitation", "reminder", "overdue")
MAX_LENGTH = 1_000

_COMMON = {
    "nama": "nama pelanggan",
    "nomor_sambungan": "nomor sambungan",
    "kantor": "kantor cabang yang didatangi",
}
PLACEHOLDERS: dict[str, dict[str, str]] = {
    "invitation": {**_COMMON,
                   "program": "nama program",
                   "tunggakan": "tunggakan (rekening belum dibayar)",
                   "denda_dihapus": "denda yang dihapus",
                   "uang_muka": "uang muka yang membuka segel",
                   "cicilan": "cicilan yang ditawarkan",
                   "batas_program": "hari terakhir program"},
    "reminder": {**_COMMON,
                 "cicilan_ke": "cicilan ke berapa",
                 "jumlah": "jumlah yang jatuh tempo",
                 "jatuh_tempo": "tanggal jatuh tempo",
                 "akibat": "akibat bila terlewat, menurut ketentuan"},
    "overdue": {**_COMMON,
                "cicilan_ke": "cicilan ke berapa",
                "jumlah": "jumlah yang terlambat",
                "jatuh_tempo": "tanggal jatuh tempo yang terlewat",
                "batas_akhir": "hari terakhir sebelum rencana cicilan batal",
                "akibat": "akibat bila tidak dibayar sampai saat itu, menurut ketentuan"},
}

DEFAULTS = {
    "invitation": (
        "Yth. {nama} (No. SL {nomor_sambungan}), tunggakan air Anda {tunggakan}. "
        "Lewat program {program}, denda {denda_dihapus} dihapus. Bayar uang muka "
        "{uang_muka} dan segel meter dibuka; sisanya dapat dicicil {cicilan}. "
        "Program berlaku sampai {batas_program}. Silakan datang ke {kantor}. "
        "Perumda Air Minum Kota Kupang"),
    "reminder": (
        "Yth. {nama} (No. SL {nomor_sambungan}), cicilan ke-{cicilan_ke} sebesar {jumlah} "
        "jatuh tempo {jatuh_tempo}. {akibat} Bayar di {kantor}. "
        "Perumda Air Minum Kota Kupang"),
    "overdue": (
        "Yth. {nama} (No. SL {nomor_sambungan}), cicilan ke-{cicilan_ke} sebesar {jumlah} "
        "sudah lewat jatuh tempo ({jatuh_tempo}). Mohon dibayar paling lambat "
        "{batas_akhir} di {kantor}. {akibat} Perumda Air Minum Kota Kupang"),
}


class TemplateRefused(ValueError):
    """The template cannot be used; the message says why (English, for staff)."""


@dataclass(frozen=True)
class Template:
    kind: str
    version: int  # 0: the built-in text
    body: str
    created_at: dt.datetime | None
    created_by: str


def check(kind: str, body: str) -> None:
    """Refuse a template that would not make a clean message (:class:`TemplateRefused`)."""
    if kind not in KINDS:
        raise TemplateRefused(f"there is no message kind {kind!r}")
    if not body.strip():
        raise TemplateRefused("the template is empty")
    if len(body) > MAX_LENGTH:
        raise TemplateRefused(f"the template is longer than {MAX_LENGTH} characters")
    problem = text_problem(body.replace("\r\n", "\n").replace("\n", " "))
    if problem:
        raise TemplateRefused(f"the template holds {problem}")
    known = PLACEHOLDERS[kind]
    try:
        parts = list(string.Formatter().parse(body))
    except ValueError as exc:
        raise TemplateRefused(f"a brace is not closed or not opened ({exc}); write "
                              "placeholders as {nama}") from exc
    for _text, name, spec, conversion in parts:
        if name is None:
            continue
        if name not in known:
            raise TemplateRefused(f"unknown placeholder {{{name}}}; a {kind} knows "
                                  + ", ".join(f"{{{n}}}" for n in known))
        if spec or conversion:
            raise TemplateRefused(f"placeholder {{{name}}} may not carry a format")


def render(body: str, values: Mapping[str, str]) -> str:
    """The message: ``body`` with each placeholder replaced by its (text) value."""
    return body.format_map(dict(values))


def current(session: Session, kind: str) -> Template:
    """The newest version of ``kind``'s template (the built-in text before any is saved)."""
    row = session.scalar(select(OutreachTemplate).where(OutreachTemplate.kind == kind)
                         .order_by(OutreachTemplate.version.desc()).limit(1))
    if row is None:
        return Template(kind, 0, DEFAULTS[kind], None, "")
    return Template(kind, row.version, row.body, row.created_at, row.created_by)


def versions(session: Session, kind: str) -> list[Template]:
    """Every saved version of ``kind``'s template, newest first."""
    rows = session.scalars(select(OutreachTemplate).where(OutreachTemplate.kind == kind)
                           .order_by(OutreachTemplate.version.desc()))
    return [Template(r.kind, r.version, r.body, r.created_at, r.created_by) for r in rows]


def save(session: Session, kind: str, body: str, by: str) -> Template:
    """Store ``body`` as the next version of ``kind``'s template (checked first)."""
    body = body.replace("\r\n", "\n").strip()
    check(kind, body)
    newest = current(session, kind)
    if newest.version and newest.body == body:
        return newest
    row = OutreachTemplate(kind=kind, version=newest.version + 1, body=body,
                           created_at=utcnow(), created_by=by[:40])
    session.add(row)
    session.flush()
    return Template(kind, row.version, body, row.created_at, row.created_by)
