"""The counter's bundle-signing key: Ed25519, made at registration, held only here.

The private key lives in the credential store (``bundle-signing-key:<device id>``, next
to the head-office token); head office is given the public key when the counter
registers and checks every sync bundle from the counter with it. Head office keeps no
secret from which a bundle of this counter could be signed, so reading its database
does not let anyone forge one. :func:`check_store` proves, before a one-time code is
spent, that the credential store keeps what it is given.
"""

from __future__ import annotations

import secrets

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from app.services.errors import DomainError, ErrorCode
from app.services.findings import Finding, FindingCode
from app.services.sync.token_store import TokenStore

PROBE_NAME = "store-check:{device_id}"


def key_name(device_id: str) -> str:
    return f"bundle-signing-key:{device_id}"


def check_store(store: TokenStore, device_id: str) -> None:
    """Store a random value, read it back and remove it; ``TOKEN_STORE_UNAVAILABLE``
    when the credential store refuses or gives back something else."""
    name, value = PROBE_NAME.format(device_id=device_id), secrets.token_urlsafe(16)
    store.save_secret(name, value)
    try:
        kept = store.load_secret(name)
    finally:
        store.delete_secret(name)
    if kept != value:
        raise DomainError(ErrorCode.TOKEN_STORE_UNAVAILABLE,
                          problem=Finding.of(FindingCode.CREDENTIALS_TEST_LOST))


def load_key(store: TokenStore, device_id: str) -> Ed25519PrivateKey | None:
    """The counter's signing key, or ``None`` (registered before counters had one)."""
    stored = store.load_secret(key_name(device_id))
    if not stored:
        return None
    try:
        return Ed25519PrivateKey.from_private_bytes(bytes.fromhex(stored))
    except ValueError:
        return None


def existing_or_new_key(store: TokenStore, device_id: str) -> Ed25519PrivateKey:
    """The stored key, or a new one (kept by :func:`keep_key` once registered)."""
    return load_key(store, device_id) or Ed25519PrivateKey.generate()


def keep_key(store: TokenStore, device_id: str, key: Ed25519PrivateKey) -> None:
    """Store ``key`` and read it back (``TOKEN_STORE_UNAVAILABLE`` if it did not keep)."""
    raw = key.private_bytes_raw().hex()
    store.save_secret(key_name(device_id), raw)
    if store.load_secret(key_name(device_id)) != raw:
        raise DomainError(ErrorCode.TOKEN_STORE_UNAVAILABLE,
                          problem=Finding.of(FindingCode.CREDENTIALS_KEY_LOST))


def public_hex(key: Ed25519PrivateKey) -> str:
    """The public key as 64 hex digits, as head office is given it."""
    return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex()


def sign(key: Ed25519PrivateKey, data: bytes) -> str:
    return key.sign(data).hex()


def signing_key(store: TokenStore, device_id: str) -> Ed25519PrivateKey:
    """The key bundles are signed with; ``BUNDLE_KEY_MISSING`` when there is none."""
    key = load_key(store, device_id)
    if key is None:
        raise DomainError(ErrorCode.BUNDLE_KEY_MISSING)
    return key
