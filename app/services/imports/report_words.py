"""The sentences around an import's problems, as the admin CLIs print them.

The problems themselves are said from their codes (``problems.py``); this module says
the rest of an import's report in the same language: the summary line, the heading of
the refused rows, a row's line number and a refusal of the whole import. Bahasa
Indonesia is the default, English the second language, as everywhere in Loket.
"""

from __future__ import annotations

# One literal per line, so each sentence is easy to compare with its translation.
INDONESIAN: dict[str, str] = {
    "imported": "diimpor",
    "checked": "diperiksa, tidak ada yang diimpor",
    "summary": "{file}: {rows} baris {verb}: {created} baru, {updated} diubah, "
               "{unchanged} tetap, {rejected} ditolak",
    "done": "{kind} dari {file}: {rows} baris, {created} baru, {updated} diubah, "
            "{unchanged} tetap (sha256 {sha})",
    "warning": "peringatan: {text}",
    "rejected_rows": "Baris yang ditolak:",
    "row": "baris {line}",
    "refused": "{file}: {rejected} dari {rows} baris ditolak; tidak ada yang diimpor",
    "skip_invalid": " (--skip-invalid mengimpor baris yang sah)",
    "customers": "pelanggan",
    "bills": "tagihan",
}
ENGLISH: dict[str, str] = {
    "imported": "imported",
    "checked": "checked, nothing imported",
    "summary": "{file}: {rows} row(s) {verb}: {created} new, {updated} updated, "
               "{unchanged} unchanged, {rejected} rejected",
    "done": "{kind} from {file}: {rows} rows, {created} new, {updated} updated, "
            "{unchanged} unchanged (sha256 {sha})",
    "warning": "warning: {text}",
    "rejected_rows": "Rejected rows:",
    "row": "line {line}",
    "refused": "{file}: {rejected} of {rows} row(s) rejected; nothing was imported",
    "skip_invalid": " (--skip-invalid imports the valid rows)",
    "customers": "customers",
    "bills": "bills",
}
WORDS: dict[str, dict[str, str]] = {"id": INDONESIAN, "en": ENGLISH}


def said(lang: str, name: str, **values: object) -> str:
    """Sentence ``name`` in ``lang`` (``id`` or ``en``) with ``values`` filled in."""
    return WORDS[lang][name].format(**values)
