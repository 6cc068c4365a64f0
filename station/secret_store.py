"""Secrets in the OS keyring (issue 12): the database key and the SATUSEHAT client secret.

One thin front to ``keyring`` (Windows Credential Manager, macOS Keychain, Secret Service on
Linux) so every secret lives under the same service name, and a station without a usable
keyring (a headless Linux box has only keyring's "fail" backend) is told so instead of
raising deep inside a library.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from keyring.errors import KeyringError

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

__all__ = [
    "CLIENT_SECRET_NAME",
    "SERVICE",
    "KeyringUnavailable",
    "keyring_available",
    "read_secret",
    "store_secret",
]

_LOGGER = logging.getLogger(__name__)

SERVICE = "vitals-station"
# The keyring entry of the SATUSEHAT client secret (``vitals-station secret set``).
CLIENT_SECRET_NAME = "satusehat-client-secret"  # noqa: S105 - the entry's name, not a secret


class KeyringUnavailable(Exception):
    """No usable OS keyring on this machine (or it refused); the message says which."""


def _backend() -> KeyringBackend:
    # keyring looks for its backends when first imported: only when a secret is needed.
    import keyring  # noqa: PLC0415
    from keyring.backends import fail  # noqa: PLC0415

    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring):
        raise KeyringUnavailable("no OS keyring is available on this machine")
    return backend


def keyring_available() -> bool:
    try:
        _backend()
    except KeyringUnavailable:
        return False
    return True


def read_secret(name: str) -> str | None:
    """The secret stored as ``name``, or None when the keyring has none or there is no keyring."""
    try:
        value = _backend().get_password(SERVICE, name)
    except KeyringUnavailable:
        return None
    except KeyringError as exc:  # a locked keyring, D-Bus down …
        _LOGGER.warning("the OS keyring could not be read (%s)", type(exc).__name__)
        return None
    return value or None


def store_secret(name: str, value: str) -> None:
    """Keep ``value`` as ``name`` in the OS keyring, or ``KeyringUnavailable``."""
    backend = _backend()
    try:
        backend.set_password(SERVICE, name, value)
    except KeyringError as exc:
        raise KeyringUnavailable(
            f"the OS keyring refused to store the secret ({type(exc).__name__})"
        ) from exc
