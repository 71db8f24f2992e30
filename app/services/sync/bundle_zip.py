"""Reading the members of a sync bundle (a zip) without trusting anything in it.

Used by the branch (head office's reply) and by head office (a branch's bundle): a file
that is not a zip, is cut off, holds damaged compressed data, a member outside the
expected names (``../``, absolute paths, folders, extras, repeats), or a member larger
than allowed — or inflating far beyond its compressed size, as a zip bomb does — is
refused with :class:`BundleUnreadable` saying why, before anything of it is used.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Collection

from app.services.findings import Finding, FindingCode

MAX_RATIO = 200
"""No JSON a bundle holds inflates more than this from its compressed size."""
RATIO_FLOOR = 1024 * 1024
"""Members smaller than this inflated are too small to bother about."""


class BundleUnreadable(ValueError):
    """The bundle's members cannot be read safely; ``finding`` says why (the message, in
    English)."""

    def __init__(self, code: FindingCode, /, **params: str | int | Finding) -> None:
        self.finding = Finding.of(code, **params)
        super().__init__(self.finding.text)


def read_members(data: bytes, required: Collection[str], *, allowed: Collection[str] = (),
                 max_total: int) -> dict[str, bytes]:
    """The ``required`` members (and any of ``allowed``) of the zip ``data``."""
    known = set(required) | set(allowed)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            _check_names([info.filename for info in infos], required, known)
            _check_sizes(infos, max_total)
            return {info.filename: archive.read(info) for info in infos}
    except BundleUnreadable:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, ValueError,
            NotImplementedError, OSError, RuntimeError) as exc:
        raise BundleUnreadable(FindingCode.BUNDLE_DAMAGED, detail=_detail(exc)) from None


def _check_names(names: list[str], required: Collection[str], known: set[str]) -> None:
    strange = [n for n in names if n not in known]
    if strange:
        raise BundleUnreadable(FindingCode.BUNDLE_STRANGE_FILE, name=repr(strange[0][:80]))
    if len(set(names)) != len(names):
        raise BundleUnreadable(FindingCode.BUNDLE_FILE_TWICE)
    missing = [n for n in required if n not in names]
    if missing:
        raise BundleUnreadable(FindingCode.BUNDLE_LACKS, names=", ".join(missing))


def _check_sizes(infos: list[zipfile.ZipInfo], max_total: int) -> None:
    if sum(info.file_size for info in infos) > max_total:
        raise BundleUnreadable(FindingCode.BUNDLE_TOO_LARGE)
    for info in infos:
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(
                info.compress_size, 1):
            raise BundleUnreadable(FindingCode.BUNDLE_ZIP_BOMB, name=info.filename,
                                   ratio=info.file_size // max(info.compress_size, 1))


def _detail(exc: BaseException) -> str | Finding:
    """What the zip reader said: the usual "not a zip file" coded, anything else as it is
    (a technical detail)."""
    if isinstance(exc, zipfile.BadZipFile) and str(exc) == "File is not a zip file":
        return Finding.of(FindingCode.NOT_A_ZIP)
    return _short(exc)


def _short(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text if len(text) <= 80 else text[:77] + "..."
