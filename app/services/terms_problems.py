"""Why a promotion terms file is refused: a stable code and plain parameters.

``load_terms_file`` raises :class:`TermsInvalid`, a ``DomainError`` (``TERMS_INVALID``,
its English sentence for the counter and the logs) that also carries each problem
coded, so the admin command lines and head office's console say them in Bahasa
Indonesia or English. :data:`TEXTS` holds each code's English, :data:`INDONESIAN` its
Bahasa Indonesia.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from app.services.errors import DomainError, ErrorCode


class TermsCode(enum.StrEnum):
    FILE_MISSING = "file_missing"
    UNREADABLE = "unreadable"
    NOT_PARSED = "not_parsed"
    MALFORMED = "malformed"
    MISSING_FIELD = "missing_field"
    UNKNOWN_FIELDS = "unknown_fields"
    NOT_WHOLE_NUMBER = "not_whole_number"
    NOT_BOOLEAN = "not_boolean"
    NOT_TEXT = "not_text"
    NOT_DATE = "not_date"
    VERSION_LOW = "version_low"
    DATES_REVERSED = "dates_reversed"
    WAIVER_RANGE = "waiver_range"
    DOWN_PAYMENT_RANGE = "down_payment_range"
    STEPS_LOW = "steps_low"
    DUE_DAY_RANGE = "due_day_range"
    MIN_AMOUNT_LOW = "min_amount_low"
    GRACE_NEGATIVE = "grace_negative"
    LAST_TIER_BOUNDED = "last_tier_bounded"
    TIERS_NOT_RISING = "tiers_not_rising"
    TIER_BELOW_MIN_COUNT = "tier_below_min_count"
    MIN_COUNT_LOW = "min_count_low"
    STATUSES_INVALID = "statuses_invalid"
    # head office's console, before the file is read
    NOT_TERMS_FILE = "not_terms_file"
    FILE_TOO_LARGE = "file_too_large"
    VERSION_CONFLICT = "version_conflict"


# One literal per line, so each code's words are easy to compare with their translation.
TEXTS: dict[TermsCode, str] = {
    TermsCode.FILE_MISSING: "{file} does not exist",
    TermsCode.UNREADABLE: "cannot read {file}: {detail}",
    TermsCode.NOT_PARSED: "{file}: {detail}",
    TermsCode.MALFORMED: "{detail}",
    TermsCode.MISSING_FIELD: "missing field '{field}'",
    TermsCode.UNKNOWN_FIELDS: "unknown field(s) {fields}",
    TermsCode.NOT_WHOLE_NUMBER: "{field} must be a whole number, not {value}",
    TermsCode.NOT_BOOLEAN: "{field} must be true or false, not {value}",
    TermsCode.NOT_TEXT: "{field} must be non-empty text",
    TermsCode.NOT_DATE: "{field} must be a date (YYYY-MM-DD), not {value}",
    TermsCode.VERSION_LOW: "version must be 1 or more",
    TermsCode.DATES_REVERSED: "valid_to is before valid_from",
    TermsCode.WAIVER_RANGE: "penalty_waiver_percent must be 0–100",
    TermsCode.DOWN_PAYMENT_RANGE: "down_payment_percent must be 1–100",
    TermsCode.STEPS_LOW: "rounding steps must be 1 or more",
    TermsCode.DUE_DAY_RANGE: "due_day must be 1–28 (every month has it)",
    TermsCode.MIN_AMOUNT_LOW: "min_amount must be 1 or more",
    TermsCode.GRACE_NEGATIVE: "grace_days must not be negative",
    TermsCode.LAST_TIER_BOUNDED: "the last instalment tier must have no up_to limit",
    TermsCode.TIERS_NOT_RISING: "tier limits must rise, and only the last may be open",
    TermsCode.TIER_BELOW_MIN_COUNT: "every tier must allow at least min_count instalments",
    TermsCode.MIN_COUNT_LOW: "min_count must be 1 or more",
    TermsCode.STATUSES_INVALID: "eligibility.statuses must list active / sealed / disconnected",
    TermsCode.NOT_TERMS_FILE: "{file}: a terms file is .toml or .json",
    TermsCode.FILE_TOO_LARGE: "the file is larger than {limit} MB; nothing was read",
    TermsCode.VERSION_CONFLICT: "{programme} version {version} was published with other terms; publish them as a new version",
}


# The same in Bahasa Indonesia, the default language of the admin CLIs and of head
# office's console. Fields keep their names.
INDONESIAN: dict[TermsCode, str] = {
    TermsCode.FILE_MISSING: "{file} tidak ada",
    TermsCode.UNREADABLE: "{file} tidak dapat dibaca: {detail}",
    TermsCode.NOT_PARSED: "{file} tidak dapat diurai (rincian dari pembacanya: {detail})",
    TermsCode.MALFORMED: "susunan file tidak sah (rincian: {detail})",
    TermsCode.MISSING_FIELD: "isian '{field}' tidak ada",
    TermsCode.UNKNOWN_FIELDS: "isian tidak dikenal: {fields}",
    TermsCode.NOT_WHOLE_NUMBER: "{field} harus bilangan bulat, bukan {value}",
    TermsCode.NOT_BOOLEAN: "{field} harus true atau false, bukan {value}",
    TermsCode.NOT_TEXT: "{field} harus berisi teks",
    TermsCode.NOT_DATE: "{field} harus tanggal (TTTT-BB-HH), bukan {value}",
    TermsCode.VERSION_LOW: "version minimal 1",
    TermsCode.DATES_REVERSED: "valid_to lebih awal dari valid_from",
    TermsCode.WAIVER_RANGE: "penalty_waiver_percent harus 0–100",
    TermsCode.DOWN_PAYMENT_RANGE: "down_payment_percent harus 1–100",
    TermsCode.STEPS_LOW: "langkah pembulatan minimal 1",
    TermsCode.DUE_DAY_RANGE: "due_day harus 1–28 (ada di setiap bulan)",
    TermsCode.MIN_AMOUNT_LOW: "min_amount minimal 1",
    TermsCode.GRACE_NEGATIVE: "grace_days tidak boleh negatif",
    TermsCode.LAST_TIER_BOUNDED: "tingkat cicilan terakhir tidak boleh punya batas up_to",
    TermsCode.TIERS_NOT_RISING: "batas tingkat cicilan harus naik, dan hanya yang terakhir "
                                "boleh terbuka",
    TermsCode.TIER_BELOW_MIN_COUNT: "setiap tingkat harus mengizinkan sedikitnya min_count "
                                    "cicilan",
    TermsCode.MIN_COUNT_LOW: "min_count minimal 1",
    TermsCode.STATUSES_INVALID: "eligibility.statuses harus berisi active / sealed / "
                                "disconnected",
    TermsCode.NOT_TERMS_FILE: "{file}: file ketentuan berakhiran .toml atau .json",
    TermsCode.FILE_TOO_LARGE: "file lebih besar dari {limit} MB; tidak ada yang dibaca",
    TermsCode.VERSION_CONFLICT: "{programme} versi {version} sudah diterbitkan dengan "
                                "ketentuan lain; terbitkan sebagai versi baru",
}


@dataclass(frozen=True)
class TermsProblem:
    code: TermsCode
    params: Mapping[str, str | int] = field(default_factory=dict)

    @classmethod
    def of(cls, code: TermsCode, **params: str | int) -> TermsProblem:
        return cls(code, params)

    def said(self, template: str) -> str:
        """``template`` (this code's words in some language) filled in."""
        return template.format(**self.params)

    def in_language(self, lang: str) -> str:
        """The problem in ``lang`` (``id`` or ``en``)."""
        return self.said(INDONESIAN[self.code]) if lang == "id" else self.text

    @property
    def text(self) -> str:
        return self.said(TEXTS[self.code])


class TermsValueError(ValueError):
    """One field of the terms is not acceptable (while they are read)."""

    def __init__(self, code: TermsCode, **params: str | int) -> None:
        self.problem = TermsProblem.of(code, **params)
        super().__init__(self.problem.text)


class TermsInvalid(DomainError):
    """The terms are refused; ``problems`` says every reason, coded."""

    def __init__(self, problems: Sequence[TermsProblem]) -> None:
        super().__init__(ErrorCode.TERMS_INVALID, problem="; ".join(p.text for p in problems))
        self.problems = tuple(problems)
