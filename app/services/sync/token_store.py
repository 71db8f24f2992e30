"""Where the device's head-office token lives: the OS credential store, through keyring.

On the counter PCs that is Windows Credential Manager (service ``Loket``, user
``headoffice-token:<device id>``; the bundle-signing key is there too, see
``signing.py``). The token is never written to the database or a file: without a
working credential store registration is refused. Tests pass a
:class:`KeyringTokenStore` over an in-memory backend, or a fake store.
"""

from __future__ import annotations

from typing import Protocol

import keyring
import keyring.errors

from app.services.documents.keys import SERVICE, keyring_usable
from app.services.errors import DomainError, ErrorCode
from app.services.findings import Finding, FindingCode


def token_name(device_id: str) -> str:
    return f"headoffice-token:{device_id}"


class TokenStore(Protocol):
    """A place for the device token (one per device id)."""

    def load(self, device_id: str) -> str | None:
        """The token, or ``None`` when the device was never registered here."""
        ...

    def save(self, device_id: str, token: str) -> None:
        """Keep ``token``, replacing an older one."""
        ...

    def delete(self, device_id: str) -> None:
        """Forget the token (a revoked device)."""
        ...

    def load_secret(self, name: str) -> str | None:
        """Another secret of this counter (e.g. its bundle-signing key), or ``None``."""
        ...

    def save_secret(self, name: str, secret: str) -> None:
        """Keep ``secret`` under ``name``, replacing an older one."""
        ...

    def delete_secret(self, name: str) -> None:
        """Forget the secret under ``name`` (nothing happens when there is none)."""
        ...


class KeyringBackend(Protocol):
    """What is used of a ``keyring`` backend."""

    @property
    def priority(self) -> float: ...

    def get_password(self, service: str, username: str) -> str | None: ...

    def set_password(self, service: str, username: str, password: str) -> None: ...

    def delete_password(self, service: str, username: str) -> None: ...


class KeyringTokenStore:
    """Tokens in the OS credential store (or in the ``keyring`` backend given)."""

    def __init__(self, backend: KeyringBackend | None = None) -> None:
        self._backend = backend

    def _ring(self) -> KeyringBackend:
        ring = self._backend if self._backend is not None else keyring.get_keyring()
        if not keyring_usable(ring):
            raise DomainError(ErrorCode.TOKEN_STORE_UNAVAILABLE,
                              problem=Finding.of(FindingCode.CREDENTIALS_NONE))
        return ring

    def load(self, device_id: str) -> str | None:
        return self.load_secret(token_name(device_id))

    def save(self, device_id: str, token: str) -> None:
        self.save_secret(token_name(device_id), token)

    def delete(self, device_id: str) -> None:
        self.delete_secret(token_name(device_id))

    def load_secret(self, name: str) -> str | None:
        try:
            value: str | None = self._ring().get_password(SERVICE, name)
        except keyring.errors.KeyringError as exc:
            raise DomainError(ErrorCode.TOKEN_STORE_UNAVAILABLE, problem=str(exc)) from exc
        return value or None

    def save_secret(self, name: str, secret: str) -> None:
        try:
            self._ring().set_password(SERVICE, name, secret)
        except keyring.errors.KeyringError as exc:
            raise DomainError(ErrorCode.TOKEN_STORE_UNAVAILABLE, problem=str(exc)) from exc

    def delete_secret(self, name: str) -> None:
        try:
            self._ring().delete_password(SERVICE, name)
        except keyring.errors.PasswordDeleteError:
            return  # nothing stored
        except keyring.errors.KeyringError as exc:
            raise DomainError(ErrorCode.TOKEN_STORE_UNAVAILABLE, problem=str(exc)) from exc


def device_token(store: TokenStore, device_id: str) -> str:
    """The stored token; ``SYNC_NOT_REGISTERED`` when there is none."""
    token = store.load(device_id)
    if not token:
        raise DomainError(ErrorCode.SYNC_NOT_REGISTERED)
    return token
