"""Promotion terms files: the default reproduces Buka Segel 2025; bad files are refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.bootstrap import BranchDatabase
from app.services.context import Actor
from app.services.errors import DomainError, ErrorCode
from app.services.programmes import list_programmes, load_terms
from app.services.setup import DEFAULT_TERMS_FILE
from app.services.terms import load_terms_file

GOOD = DEFAULT_TERMS_FILE.read_text(encoding="utf-8")


def write(tmp_path: Path, text: str, name: str = "terms.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_default_terms_are_the_directors() -> None:
    terms = load_terms_file(DEFAULT_TERMS_FILE)
    assert (terms.penalty_waiver_percent, terms.down_payment_percent) == (100, 50)
    assert terms.max_instalments_for(1_200_000) == 3
    assert terms.max_instalments_for(1_500_001) == 5
    assert terms.max_instalments_for(5_000_001) == 10
    assert terms.targets.sealed_customers == 7000


@pytest.mark.parametrize(("change", "problem"), [
    (("version = 1", "version = 0"), "version"),
    (("valid_to = 2025-12-31", "valid_to = 2025-01-01"), "valid_to"),
    (("down_payment_percent = 50", "down_payment_percent = 150"), "down_payment_percent"),
    (("down_payment_percent = 50", "down_payment_percent = 50.5"), "whole number"),
    (("due_day = 20", "due_day = 31"), "due_day"),
    (("{ max_count = 10 }", "{ up_to = 9000000, max_count = 10 }"), "last instalment tier"),
    (('code = "BUKA-SEGEL"', ""), "missing field 'code'"),
    (("grace_days = 30", "grace_days = 30\nsurprise = 1"), "unknown field"),
    (("[targets]", "[targets"), "terms.toml"),
])
def test_bad_terms_files_are_refused_with_the_problem(
    tmp_path: Path, change: tuple[str, str], problem: str
) -> None:
    with pytest.raises(DomainError) as refused:
        load_terms_file(write(tmp_path, GOOD.replace(*change)))
    assert refused.value.code == ErrorCode.TERMS_INVALID
    assert problem in refused.value.message


def test_json_terms_are_accepted(tmp_path: Path) -> None:
    path = write(tmp_path, load_terms_file(DEFAULT_TERMS_FILE).to_json(), "terms.json")
    assert load_terms_file(path) == load_terms_file(DEFAULT_TERMS_FILE)


def test_versions_are_kept_and_a_changed_body_needs_a_new_version(
    branch: BranchDatabase, system: Actor, tmp_path: Path
) -> None:
    same = load_terms(branch.writing(), system, load_terms_file(DEFAULT_TERMS_FILE))
    assert not same.created
    changed = GOOD.replace("grace_days = 30", "grace_days = 45")
    with pytest.raises(DomainError) as conflict:
        load_terms(branch.writing(), system, load_terms_file(write(tmp_path, changed)))
    assert conflict.value.code == ErrorCode.TERMS_VERSION_CONFLICT
    v2 = changed.replace("version = 1", "version = 2")
    assert load_terms(branch.writing(), system, load_terms_file(write(tmp_path, v2))).created
    assert [(p.code, p.version) for p in list_programmes(branch.reading())] == [
        ("BUKA-SEGEL", 1), ("BUKA-SEGEL", 2)]
