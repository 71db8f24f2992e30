"""A fresh branch database opens, migrates, and knows its counter and terms."""

from app.bootstrap import BranchDatabase
from app.services.programmes import list_programmes


def test_new_branch_has_buka_segel_terms(branch: BranchDatabase) -> None:
    [programme] = list_programmes(branch.reading())
    assert (programme.code, programme.version) == ("BUKA-SEGEL", 1)
    assert programme.name == "Buka Segel 2025"
    assert str(programme.valid_from) == "2025-11-17"
    assert str(programme.valid_to) == "2025-12-31"
