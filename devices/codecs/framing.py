"""Byte buffering and resynchronisation shared by the streaming serial/UART codecs.

Many cheap oximeters (Contec legacy, Berry BM1000) send fixed-length frames whose first byte
has bit 7 set and whose other bytes have it clear. ``next_sync_bit_frame`` finds the next
candidate, asks the codec to decode it, and on refusal drops one byte and looks for the next
sync byte, so a stream that starts mid-frame or picks up noise recovers by itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from devices.codecs.errors import DecodeError

__all__ = ["MAX_BUFFER_BYTES", "FrameBuffer"]

_T = TypeVar("_T")
# A stream of pure garbage must not grow memory without limit.
MAX_BUFFER_BYTES = 4096
SYNC_BIT = 0x80


class FrameBuffer:
    def __init__(self) -> None:
        self._buffer = bytearray()
        self.skipped_bytes = 0

    def receive_data(self, data: bytes) -> None:
        self._buffer += data
        if len(self._buffer) > MAX_BUFFER_BYTES:
            self._skip(len(self._buffer) - MAX_BUFFER_BYTES)

    def _skip(self, count: int) -> None:
        del self._buffer[:count]
        self.skipped_bytes += count

    def _skip_to_sync(self) -> None:
        while self._buffer and not self._buffer[0] & SYNC_BIT:
            self._skip(1)

    def next_sync_bit_frame(self, length: int, decode: Callable[[bytes], _T]) -> _T | None:
        """The next frame ``decode`` accepts, or None until more bytes arrive."""
        self._skip_to_sync()
        while len(self._buffer) >= length:
            candidate = bytes(self._buffer[:length])
            try:
                frame = decode(candidate)
            except DecodeError:
                self._skip(1)  # a sync byte inside garbage: look for the next one
                self._skip_to_sync()
                continue
            del self._buffer[:length]
            return frame
        return None
