"""Where the branch's receipt-signing key lives: the OS keyring, or a key file.

The caller chooses the store. The desktop app and the admin CLI use
:func:`default_key_store`: the operating system's credential store (Windows Credential
Manager) when ``keyring`` has a working backend there, else a file under
``<data_dir>/keys/`` (and that file for good once it exists). Tests pass a
:class:`FileKeyStore` on a temporary folder (or a :class:`KeyringKeyStore` over an
in-memory backend), so they never touch the real keyring.

The key is a random 32-byte secret made on first use and stored as hex under the name
``receipt-key:<branch code>`` (service ``Loket`` in the keyring).
"""

from __future__ import annotations

import re
import secrets
from pathlib import Path
from typing import Protocol

import keyring
import keyring.backends.fail

SERVICE = "Loket"


class KeyStore(Protocol):
    """A place for named secrets (text)."""

    def load(self, name: str) -> str | None:
        """The secret stored under ``name``, or ``None``."""
        ...

    def save(self, name: str, secret: str) -> None:
        """Store ``secret`` under ``name`` unless one is there already."""
        ...


class KeyringLike(Protocol):
    """What is used of a ``keyring`` backend (tests pass a small in-memory one)."""

    @property
    def priority(self) -> float: ...

    def get_password(self, service: str, username: str) -> str | None: ...

    def set_password(self, service: str, username: str, password: str) -> None: ...


class KeyringKeyStore:
    """Secrets in the OS credential store, through ``keyring`` (or the backend given)."""

    def __init__(self, backend: KeyringLike | None = None) -> None:
        self._backend = backend

    def _ring(self) -> KeyringLike:
        return self._backend if self._backend is not None else keyring.get_keyring()

    def load(self, name: str) -> str | None:
        value: str | None = self._ring().get_password(SERVICE, name)
        return value

    def save(self, name: str, secret: str) -> None:
        if self.load(name) is None:
            self._ring().set_password(SERVICE, name, secret)


class FileKeyStore:
    """Secrets as small files in ``folder`` (one per name), readable by the user only
    where the file system allows it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path_of(self, name: str) -> Path:
        return self.folder / (re.sub(r"[^A-Za-z0-9_.-]", "-", name) + ".key")

    def load(self, name: str) -> str | None:
        try:
            return self.path_of(name).read_text(encoding="ascii").strip() or None
        except FileNotFoundError:
            return None

    def save(self, name: str, secret: str) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        try:
            with self.path_of(name).open("x", encoding="ascii") as file:
                file.write(secret)
        except FileExistsError:
            return  # another process made it first: keep theirs
        self.path_of(name).chmod(0o600)


def keyring_usable(backend: KeyringLike | None = None) -> bool:
    """Whether ``backend`` (default: the one ``keyring`` chose) can store secrets."""
    ring = backend if backend is not None else keyring.get_keyring()
    if isinstance(ring, keyring.backends.fail.Keyring):
        return False
    try:
        return float(ring.priority) > 0
    except Exception:  # a backend that cannot tell is not one to trust with the key
        return False


def default_key_store(data_dir: Path, backend: KeyringLike | None = None) -> KeyStore:
    """The keyring when it works on this machine, else key files in ``<data_dir>/keys``.

    Key files once made stay in use even if a keyring appears later, so that the
    receipts already signed keep verifying.
    """
    files = FileKeyStore(data_dir / "keys")
    if files.folder.is_dir() and any(files.folder.glob("*.key")):
        return files
    if keyring_usable(backend):
        return KeyringKeyStore(backend)
    return files


def receipt_key_name(branch_code: str) -> str:
    return f"receipt-key:{branch_code}"


def receipt_key(store: KeyStore, branch_code: str, *, create: bool = True) -> bytes | None:
    """The branch's signing key; made (32 random bytes) on first use when ``create``."""
    name = receipt_key_name(branch_code)
    text = store.load(name)
    if text is None and create:
        store.save(name, secrets.token_hex(32))
        text = store.load(name)
    if text is None:
        return None
    try:
        return bytes.fromhex(text)
    except ValueError:
        return None
