"""What the record checks find (``app.services.findings``), in the UI language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.services.backup.check import BackupReport
from app.services.findings import CONTEXT, TEXTS, Finding, FindingCode


def _words(code: FindingCode) -> str:
    return QCoreApplication.translate(CONTEXT, TEXTS[code])


def finding_text(finding: Finding) -> str:
    """``finding`` in the UI language, a finding inside it too."""
    return finding.said(_words)


def refusal_text(report: BackupReport) -> str:
    """Why a backup must not be restored (its first refusal), in the UI language."""
    return finding_text(report.refusals[0]) if report.refusals else ""
