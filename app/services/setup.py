"""Setting up a new branch database: branch, this counter, default terms, first admin."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.models import Branch, Counter, Setting, new_uuid
from app.services.audit.journal import record_change
from app.services.context import LOCAL_COUNTER_KEY, Actor, system_actor
from app.services.programmes import load_terms
from app.services.resources import resource_path
from app.services.terms import load_terms_file
from app.services.unit_of_work import UnitOfWork

DEFAULT_TERMS_FILE = resource_path("terms", "buka-segel-2025.toml")


@dataclass(frozen=True)
class BranchSetup:
    branch_code: str = "KPG"
    branch_name: str = "Kantor Pelayanan Kota Kupang"
    utility_name: str = "Perumda Air Minum Kota Kupang"
    address: str = "Jl. Jenderal Sudirman, Kota Kupang"
    counter_code: str = "L01"
    counter_name: str = "Loket 1"
    utc_offset_minutes: int = 480


def initialise_branch(uow: UnitOfWork, setup: BranchSetup, terms_file: Path | None = None) -> Actor:
    """Create the branch and this counter, and load the default promotion terms.

    Returns the system actor of the new counter (used for the rest of the set-up).
    """
    with uow:
        branch = Branch(code=setup.branch_code, name=setup.branch_name,
                        utility_name=setup.utility_name, address=setup.address,
                        utc_offset_minutes=setup.utc_offset_minutes)
        uow.session.add(branch)
        uow.session.flush()
        counter = Counter(branch_id=branch.id, code=setup.counter_code, name=setup.counter_name,
                          device_id=new_uuid())
        uow.session.add(counter)
        uow.session.flush()
        uow.session.add(Setting(key=LOCAL_COUNTER_KEY, value=str(counter.id)))
        uow.session.flush()
        actor = system_actor(uow.session)
        record_change(uow.session, actor, uow.now, action="branch.init", entity="branch",
                      entity_id=branch.code,
                      details={"branch": branch.code, "counter": counter.code,
                               "device_id": counter.device_id})
        uow.commit()
    load_terms(uow, actor, load_terms_file(terms_file or DEFAULT_TERMS_FILE))
    return actor
