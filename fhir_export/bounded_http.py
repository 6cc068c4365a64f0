"""Reading an HTTP answer with a size limit that holds after decompression.

httpx decodes ``Content-Encoding`` while it streams, but each network chunk (up to 64 KiB)
is inflated in one call without an output limit, so one chunk of a gzip bomb becomes tens of
megabytes before a caller can count it. Here the raw bytes are inflated with
``zlib.decompressobj().decompress(data, max_length)``, which never produces more than asked
for (Python ``zlib`` documentation, ``Decompress.decompress``), so memory stays within the
limit whatever the compression ratio. Encodings: identity, ``gzip`` (RFC 1952) and
``deflate`` (RFC 9110 8.4.1.2: zlib format; raw deflate tolerated as browsers do); the client
asks for no others.
"""

from __future__ import annotations

import zlib
from collections.abc import AsyncIterator

__all__ = ["ACCEPT_ENCODING", "BodyTooLarge", "UnsupportedEncoding", "read_bounded"]

ACCEPT_ENCODING = "gzip, deflate"


class BodyTooLarge(Exception):
    """The decoded body went past the limit; reading stopped there."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"the answer is larger than {limit} bytes")
        self.limit = limit


class UnsupportedEncoding(Exception):
    """A ``Content-Encoding`` this reader does not decode (or a broken compressed stream)."""


class _Inflater:
    def __init__(self, encoding: str) -> None:
        self._encoding = encoding
        self._first = True
        wbits = zlib.MAX_WBITS | 16 if encoding == "gzip" else zlib.MAX_WBITS
        self._zlib = zlib.decompressobj(wbits)

    def feed(self, data: bytes, room: int) -> bytes:
        """Up to ``room`` decoded bytes from ``data`` (raises ``BodyTooLarge`` via caller when
        more would come)."""
        try:
            out = self._zlib.decompress(data, room)
        except zlib.error:
            if not (self._first and self._encoding == "deflate"):
                raise UnsupportedEncoding(f"the {self._encoding} body is corrupt") from None
            self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)  # raw deflate, no zlib header
            try:
                out = self._zlib.decompress(data, room)
            except zlib.error:
                raise UnsupportedEncoding("the deflate body is corrupt") from None
        self._first = False
        return out

    @property
    def pending(self) -> bool:
        """Compressed input left over because the output limit was reached."""
        return bool(self._zlib.unconsumed_tail)


async def read_bounded(chunks: AsyncIterator[bytes], content_encoding: str, limit: int) -> bytes:
    """The decoded body from raw ``chunks``; ``BodyTooLarge`` as soon as it would pass
    ``limit`` bytes, ``UnsupportedEncoding`` for an encoding other than identity, gzip or
    deflate."""
    encoding = content_encoding.strip().lower()
    if encoding in ("", "identity"):
        inflater = None
    elif encoding in ("gzip", "x-gzip"):
        inflater = _Inflater("gzip")
    elif encoding == "deflate":
        inflater = _Inflater("deflate")
    else:
        raise UnsupportedEncoding(f"unsupported Content-Encoding {content_encoding[:40]!r}")
    body = bytearray()
    async for chunk in chunks:
        if inflater is None:
            if len(body) + len(chunk) > limit:
                raise BodyTooLarge(limit)
            body += chunk
            continue
        # One byte more than the room left: getting it means the body is too large.
        body += inflater.feed(chunk, limit - len(body) + 1)
        if len(body) > limit or inflater.pending:
            raise BodyTooLarge(limit)
    return bytes(body)
