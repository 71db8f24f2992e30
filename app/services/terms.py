"""Promotion terms as data: parsing and validating a TOML or JSON terms file.

A programme (``code``) can have several versions; an enrolment records the exact
version it was made under. See ``resources/terms/buka-segel-2025.toml`` for every field.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import tomllib
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from app.services.terms_problems import TermsCode, TermsInvalid, TermsProblem, TermsValueError


@dataclass(frozen=True)
class Tier:
    """Remainders up to ``up_to`` (inclusive; ``None`` = no limit) allow ``max_count``."""

    up_to: int | None
    max_count: int


@dataclass(frozen=True)
class Eligibility:
    statuses: tuple[str, ...] = ("sealed",)
    min_unpaid_bills: int = 1
    tariff_groups: tuple[str, ...] = ()
    min_arrears: int | None = None
    max_arrears: int | None = None


@dataclass(frozen=True)
class InstalmentRules:
    tiers: tuple[Tier, ...] = (Tier(1_500_000, 3), Tier(5_000_000, 5), Tier(None, 10))
    min_count: int = 1
    min_amount: int = 50_000
    rounding_step: int = 100
    due_day: int = 20


@dataclass(frozen=True)
class BrokenPlanRules:
    grace_days: int = 30
    issue_reseal_order: bool = True
    reinstate_penalty: bool = True


@dataclass(frozen=True)
class Targets:
    sealed_customers: int = 0
    arrears: int = 0


@dataclass(frozen=True)
class PromotionTerms:
    code: str
    version: int
    name: str
    valid_from: dt.date
    valid_to: dt.date
    eligibility: Eligibility = field(default_factory=Eligibility)
    penalty_waiver_percent: int = 100
    down_payment_percent: int = 50
    down_payment_step: int = 100
    instalments: InstalmentRules = field(default_factory=InstalmentRules)
    broken_plan: BrokenPlanRules = field(default_factory=BrokenPlanRules)
    targets: Targets = field(default_factory=Targets)

    def is_open_on(self, day: dt.date) -> bool:
        return self.valid_from <= day <= self.valid_to

    def max_instalments_for(self, remainder: int) -> int:
        for tier in self.instalments.tiers:
            if tier.up_to is None or remainder <= tier.up_to:
                return tier.max_count
        return self.instalments.tiers[-1].max_count

    def to_json(self) -> str:
        """Canonical JSON (sorted keys, ISO dates): what is stored and checksummed."""
        return json.dumps(asdict(self), sort_keys=True, default=str, separators=(",", ":"))

    def checksum(self) -> str:
        return hashlib.sha256(self.to_json().encode()).hexdigest()


def load_terms_file(path: Path) -> PromotionTerms:
    """Read and validate a ``.toml`` or ``.json`` terms file."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise TermsInvalid([TermsProblem.of(TermsCode.FILE_MISSING, file=str(path))]) from exc
    except OSError as exc:
        raise TermsInvalid([TermsProblem.of(TermsCode.UNREADABLE, file=str(path),
                                            detail=str(exc))]) from exc
    try:
        if path.suffix.lower() == ".json":
            data = json.loads(raw)
        else:
            data = tomllib.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise TermsInvalid([TermsProblem.of(TermsCode.NOT_PARSED, file=path.name,
                                            detail=str(exc))]) from exc
    return terms_from_dict(data)


def terms_from_json(text: str) -> PromotionTerms:
    return terms_from_dict(json.loads(text))


def terms_from_dict(data: dict[str, Any]) -> PromotionTerms:
    """Build terms from parsed data, refusing anything missing, mistyped or inconsistent."""
    try:
        terms = _build(dict(data))
    except (KeyError, TypeError, ValueError) as exc:
        raise TermsInvalid([_describe(exc)]) from exc
    _check(terms)
    return terms


def _describe(exc: Exception) -> TermsProblem:
    if isinstance(exc, TermsValueError):
        return exc.problem
    if isinstance(exc, KeyError):
        return TermsProblem.of(TermsCode.MISSING_FIELD, field=str(exc.args[0]))
    return TermsProblem.of(TermsCode.MALFORMED, detail=str(exc))


def _build(data: dict[str, Any]) -> PromotionTerms:
    elig = dict(data.pop("eligibility", {}))
    inst = dict(data.pop("instalments", {}))
    broken = dict(data.pop("broken_plan", {}))
    targets = dict(data.pop("targets", {}))
    tiers = tuple(
        Tier(_opt_int(t.get("up_to"), "up_to"), _int(t["max_count"], "max_count"))
        for t in inst.pop("tiers", [])
    ) or InstalmentRules.tiers
    known = {"code", "version", "name", "valid_from", "valid_to", "penalty_waiver_percent",
             "down_payment_percent", "down_payment_step"}
    for section, keys in ((data, known), (elig, set(Eligibility.__dataclass_fields__)),
                          (inst, set(InstalmentRules.__dataclass_fields__)),
                          (broken, set(BrokenPlanRules.__dataclass_fields__)),
                          (targets, set(Targets.__dataclass_fields__))):
        unknown = set(section) - keys
        if unknown:
            raise TermsValueError(TermsCode.UNKNOWN_FIELDS, fields=", ".join(sorted(unknown)))
    return PromotionTerms(
        code=_str(data["code"], "code"),
        version=_int(data["version"], "version"),
        name=_str(data["name"], "name"),
        valid_from=_date(data["valid_from"], "valid_from"),
        valid_to=_date(data["valid_to"], "valid_to"),
        eligibility=Eligibility(
            statuses=tuple(elig.get("statuses", ("sealed",))),
            min_unpaid_bills=_int(elig.get("min_unpaid_bills", 1), "min_unpaid_bills"),
            tariff_groups=tuple(elig.get("tariff_groups", ())),
            min_arrears=_opt_int(elig.get("min_arrears"), "min_arrears"),
            max_arrears=_opt_int(elig.get("max_arrears"), "max_arrears"),
        ),
        penalty_waiver_percent=_int(data.get("penalty_waiver_percent", 100), "waiver"),
        down_payment_percent=_int(data.get("down_payment_percent", 50), "down_payment_percent"),
        down_payment_step=_int(data.get("down_payment_step", 100), "down_payment_step"),
        instalments=InstalmentRules(
            tiers=tiers,
            min_count=_int(inst.get("min_count", 1), "min_count"),
            min_amount=_int(inst.get("min_amount", 50_000), "min_amount"),
            rounding_step=_int(inst.get("rounding_step", 100), "rounding_step"),
            due_day=_int(inst.get("due_day", 20), "due_day"),
        ),
        broken_plan=BrokenPlanRules(
            grace_days=_int(broken.get("grace_days", 30), "grace_days"),
            issue_reseal_order=_bool(broken.get("issue_reseal_order", True), "issue_reseal_order"),
            reinstate_penalty=_bool(broken.get("reinstate_penalty", True), "reinstate_penalty"),
        ),
        targets=Targets(
            sealed_customers=_int(targets.get("sealed_customers", 0), "sealed_customers"),
            arrears=_int(targets.get("arrears", 0), "arrears"),
        ),
    )


def _int(value: Any, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TermsValueError(TermsCode.NOT_WHOLE_NUMBER, field=name, value=repr(value))
    return value


def _opt_int(value: Any, name: str) -> int | None:
    return None if value is None else _int(value, name)


def _bool(value: Any, name: str) -> bool:
    if not isinstance(value, bool):
        raise TermsValueError(TermsCode.NOT_BOOLEAN, field=name, value=repr(value))
    return value


def _str(value: Any, name: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise TermsValueError(TermsCode.NOT_TEXT, field=name)
    return value.strip()


def _date(value: Any, name: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise TermsValueError(TermsCode.NOT_DATE, field=name, value=repr(value)) from None


def _check(t: PromotionTerms) -> None:
    found = [
        code for code, wrong in (
            (TermsCode.VERSION_LOW, t.version < 1),
            (TermsCode.DATES_REVERSED, t.valid_to < t.valid_from),
            (TermsCode.WAIVER_RANGE, not 0 <= t.penalty_waiver_percent <= 100),
            (TermsCode.DOWN_PAYMENT_RANGE, not 1 <= t.down_payment_percent <= 100),
            (TermsCode.STEPS_LOW, t.down_payment_step < 1 or t.instalments.rounding_step < 1),
            (TermsCode.DUE_DAY_RANGE, not 1 <= t.instalments.due_day <= 28),
            (TermsCode.MIN_AMOUNT_LOW, t.instalments.min_amount < 1),
            (TermsCode.GRACE_NEGATIVE, t.broken_plan.grace_days < 0),
        ) if wrong]
    found.extend(_tier_problems(t))
    unknown = set(t.eligibility.statuses) - {"active", "sealed", "disconnected"}
    if unknown or not t.eligibility.statuses:
        found.append(TermsCode.STATUSES_INVALID)
    if found:
        raise TermsInvalid([TermsProblem.of(code) for code in found])


def _tier_problems(t: PromotionTerms) -> list[TermsCode]:
    tiers = t.instalments.tiers
    limits = [tier.up_to for tier in tiers]
    problems = []
    if limits[-1] is not None:
        problems.append(TermsCode.LAST_TIER_BOUNDED)
    bounded = [x for x in limits[:-1] if x is not None]
    if len(bounded) != len(limits) - 1 or bounded != sorted(set(bounded)):
        problems.append(TermsCode.TIERS_NOT_RISING)
    if any(tier.max_count < max(1, t.instalments.min_count) for tier in tiers):
        problems.append(TermsCode.TIER_BELOW_MIN_COUNT)
    if t.instalments.min_count < 1:
        problems.append(TermsCode.MIN_COUNT_LOW)
    return problems
