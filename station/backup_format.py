"""The backup file (issue 12): encrypted, self-verifying, refused whole when anything is wrong.

Layout, version 1::

    MAGIC (8 bytes) | header length (4 bytes, big-endian) | header (UTF-8 JSON) | sealed

``sealed`` is AES-256-GCM over the zlib-compressed payload with the magic, the length and the
header as associated data, so a changed byte anywhere (header included) fails the tag and the
file is refused before anything is replaced. The key is derived from a passphrase with
scrypt (n=2^15, r=8, p=1: RFC 7914's interactive-use figures, ~0.1 s and 32 MiB here), the
salt and nonce random per file and kept in the header. A passphrase rather than a key kept
on the station: a backup is for the day the station's disk is gone, so what opens it must
live elsewhere (the clinic's IT person's password manager, a sealed envelope).

Pure: no file or database I/O; the randomness comes from the caller.
"""

from __future__ import annotations

import base64
import json
import struct
import zlib
from collections.abc import Callable, Mapping
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

__all__ = [
    "FORMAT_VERSION",
    "MAGIC",
    "MIN_PASSPHRASE_LENGTH",
    "BackupError",
    "check_passphrase",
    "open_backup",
    "seal_backup",
]

MAGIC = b"VSBACKUP"
FORMAT_VERSION = 1
MIN_PASSPHRASE_LENGTH = 12
_SCRYPT = {"n": 2**15, "r": 8, "p": 1}
_SALT_BYTES = 16
_NONCE_BYTES = 12
_HEADER_LIMIT = 64 * 1024
_PAYLOAD_LIMIT = 2 * 1024**3  # decompressed; a station's database is far smaller


class BackupError(Exception):
    """The backup cannot be written or opened; the message says why."""


def _key(passphrase: str, salt: bytes, kdf: Mapping[str, Any]) -> bytes:
    return Scrypt(salt=salt, length=32, n=kdf["n"], r=kdf["r"], p=kdf["p"]).derive(
        passphrase.encode("utf-8")
    )


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise BackupError(
            f"the backup passphrase must have at least {MIN_PASSPHRASE_LENGTH} characters"
        )


def seal_backup(
    payload: bytes,
    passphrase: str,
    header: Mapping[str, Any],
    random_bytes: Callable[[int], bytes],
) -> bytes:
    """The backup file's bytes for ``payload`` (``header``: plain facts shown before the
    file is opened, such as when and by which station; never personal data)."""
    check_passphrase(passphrase)
    salt, nonce = random_bytes(_SALT_BYTES), random_bytes(_NONCE_BYTES)
    full = {
        **header,
        "format": FORMAT_VERSION,
        "kdf": {"name": "scrypt", **_SCRYPT, "salt": base64.b64encode(salt).decode()},
        "cipher": {"name": "AES-256-GCM", "nonce": base64.b64encode(nonce).decode()},
    }
    header_bytes = json.dumps(full, sort_keys=True).encode("utf-8")
    prefix = MAGIC + struct.pack(">I", len(header_bytes)) + header_bytes
    sealed = AESGCM(_key(passphrase, salt, _SCRYPT)).encrypt(
        nonce, zlib.compress(payload, 6), prefix
    )
    return prefix + sealed


def _header(data: bytes) -> tuple[dict[str, Any], bytes]:
    if not data.startswith(MAGIC):
        raise BackupError("this is not a vitals-station backup (its first bytes are not ours)")
    if len(data) < len(MAGIC) + 4:
        raise BackupError("the backup is cut short")
    (length,) = struct.unpack(">I", data[len(MAGIC) : len(MAGIC) + 4])
    end = len(MAGIC) + 4 + length
    if length > _HEADER_LIMIT or end > len(data):
        raise BackupError("the backup is damaged: its header is cut short or too long")
    try:
        header = json.loads(data[len(MAGIC) + 4 : end])
    except ValueError as exc:
        raise BackupError("the backup is damaged: its header is not readable") from exc
    if not isinstance(header, dict) or header.get("format") != FORMAT_VERSION:
        found = header.get("format") if isinstance(header, dict) else None
        raise BackupError(f"the backup is in format {found!r}; this station reads format 1")
    return header, data[:end]


def open_backup(data: bytes, passphrase: str) -> tuple[dict[str, Any], bytes]:
    """The header and the payload of a backup, or ``BackupError``: not a backup, another
    format, damaged anywhere, or the wrong passphrase (GCM cannot tell those two apart)."""
    header, prefix = _header(data)
    try:
        kdf = header["kdf"]
        salt = base64.b64decode(kdf["salt"], validate=True)
        nonce = base64.b64decode(header["cipher"]["nonce"], validate=True)
        params = {"n": int(kdf["n"]), "r": int(kdf["r"]), "p": int(kdf["p"])}
    except (KeyError, TypeError, ValueError) as exc:
        raise BackupError("the backup is damaged: its key parameters are not readable") from exc
    if params != _SCRYPT or len(nonce) != _NONCE_BYTES or len(salt) != _SALT_BYTES:
        raise BackupError("the backup's key parameters are not the ones this station writes")
    try:
        compressed = AESGCM(_key(passphrase, salt, params)).decrypt(
            nonce, data[len(prefix) :], prefix
        )
    except InvalidTag:
        raise BackupError(
            "the backup is damaged or the passphrase is wrong (its check failed); nothing "
            "was changed"
        ) from None
    inflate = zlib.decompressobj()
    payload = inflate.decompress(compressed, _PAYLOAD_LIMIT)
    if inflate.unconsumed_tail:
        raise BackupError("the backup's content is larger than any station database")
    return header, payload
