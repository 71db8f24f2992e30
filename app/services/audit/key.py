"""The per-counter secret that keys the audit chain (HMAC-SHA256), so that rewriting the
chain needs more than write access to the database file.

The secret is 32 random bytes made on first use and kept in the OS credential store
(service ``Loket``, user ``audit-key:<device id>``), like the head-office token. Where no
credential store works (a PC without one; the tests), it is kept as a file in the user's
Loket data folder (``keys/``), not next to the database: the chain is then keyed with a
secret a thief of the database file alone does not have, though one with the user's
files does; head office's anchor of each pushed head still catches a rewrite of what it
anchored (``sync/chain_anchor.py``). The folder is outside the branch data folder so that
a backup restored on the same PC still verifies.
"""

from __future__ import annotations

import secrets
from pathlib import Path

import keyring.errors
from platformdirs import user_data_path

from app.services.documents.keys import FileKeyStore, KeyringKeyStore, KeyStore, keyring_usable

APP_NAME = "Loket"  # the folder name of the app's user data (as settings.APP_NAME)

_cache: dict[str, bytes] = {}


def key_name(device_id: str) -> str:
    return f"audit-key:{device_id}"


def key_folder() -> Path:
    return user_data_path(APP_NAME, appauthor=False) / "keys"


def key_store() -> KeyStore:
    """The credential store when it works on this PC, else key files in :func:`key_folder`."""
    files = FileKeyStore(key_folder())
    if keyring_usable():
        return KeyringKeyStore()
    return files


def audit_key(device_id: str, *, create: bool = True) -> bytes | None:
    """The counter's key (made on first use when ``create``); None where none can be had."""
    if device_id in _cache:
        return _cache[device_id]
    try:
        store = key_store()
        text = store.load(key_name(device_id))
        if text is None and create:
            store.save(key_name(device_id), secrets.token_hex(32))
            text = store.load(key_name(device_id))
        key = bytes.fromhex(text) if text else None
    except (OSError, ValueError, keyring.errors.KeyringError):
        return None
    if key is not None:
        _cache[device_id] = key
    return key
