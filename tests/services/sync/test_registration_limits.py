"""Registration refused for too many attempts (429) or a locked code: the counter says what
to do, in the cashier's language, and keeps nothing."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from app.bootstrap import BranchDatabase
from app.services.errors import DomainError, ErrorCode
from app.services.sync import KeyringTokenStore, register_device, registration
from app.services.sync.registration import registration_refused
from app.services.sync.transport import Traffic
from app.ui.error_text import error_text
from app.ui.i18n import install_translator
from tests.support.sync_fakes import MemoryKeyring

URL = "https://pusat.airminumkupang.example:8443"


class Refusing:
    """A head office that answers every request with one refusal."""

    def __init__(self, status: int, body: Any) -> None:
        self.traffic = Traffic()
        self.answer = (status, body)

    def post(self, path: str, json_body: Any,
             headers: Mapping[str, str] | None = None) -> tuple[int, Any]:
        return self.answer

    def get(self, path: str, params: Mapping[str, str] | None = None,
            headers: Mapping[str, str] | None = None) -> tuple[int, Any]:
        return self.answer


def test_a_429_becomes_a_wait_of_whole_minutes_and_nothing_is_kept(branch: BranchDatabase) -> None:
    ring = MemoryKeyring()
    office = Refusing(429, {"error": "too_many_attempts", "message": "too many refused "
                            "registrations from this address", "retry_after": 61})
    with pytest.raises(DomainError) as refused:
        register_device(branch.writing(), office, URL, "ABCD-EFGH-JKLM",
                        store=KeyringTokenStore(ring))
    assert refused.value.code is ErrorCode.SYNC_REGISTRATION_THROTTLED
    assert refused.value.params == {"minutes": 2}
    assert ring.secrets == {} and registration(branch.reading()) is None


@pytest.mark.parametrize(("status", "body", "code", "params"), [
    (429, {"error": "", "message": "HTTP 429"}, ErrorCode.SYNC_REGISTRATION_THROTTLED,
     {"minutes": 10}),  # a proxy's page: no retry_after, the head office window
    (429, {"error": "too_many_attempts", "retry_after": True},
     ErrorCode.SYNC_REGISTRATION_THROTTLED, {"minutes": 10}),
    (403, {"error": "code_locked", "message": "locked"}, ErrorCode.SYNC_CODE_LOCKED, {}),
    (401, {"error": "unauthorised", "message": "the one-time code is wrong"},
     ErrorCode.SYNC_REFUSED, {"problem": "the one-time code is wrong (HTTP 401)"}),
])
def test_each_refusal_becomes_its_own_error(status: int, body: Any, code: ErrorCode,
                                            params: dict[str, Any]) -> None:
    error = registration_refused(status, body)
    assert (error.code, error.params) == (code, params)


def test_the_cashier_reads_what_to_do(qapp: Any) -> None:
    install_translator(qapp, "en")
    throttled = error_text(DomainError(ErrorCode.SYNC_REGISTRATION_THROTTLED, minutes=10))
    assert throttled.startswith("Head office refused too many registration attempts")
    assert "Wait 10 minute(s)" in throttled
    locked = error_text(DomainError(ErrorCode.SYNC_CODE_LOCKED))
    assert "Ask head office for a new code" in locked
    before = QLocale()
    translator = install_translator(qapp, "id")
    assert translator is not None
    try:
        assert "10 menit" in error_text(DomainError(ErrorCode.SYNC_REGISTRATION_THROTTLED,
                                                    minutes=10))
    finally:
        QCoreApplication.removeTranslator(translator)
        QLocale.setDefault(before)
