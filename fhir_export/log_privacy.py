"""Keeping NIKs out of the HTTP libraries' log lines.

httpx logs every request at INFO as ``HTTP Request: GET <url> "HTTP/1.1 200 OK"``; for a
Patient or Practitioner search the URL's query is ``identifier=https://fhir.kemkes.go.id/id/
nik|<16-digit NIK>`` (docs/reference/satusehat.md 1.4), so ``vitals-station -v`` printed every
person's NIK. The client's own log lines already say what was asked and how it went, so the
httpx and httpcore loggers (and so their children, ``httpcore.http11``...) are set to
WARNING, and a filter on each masks any run of 16 digits (a NIK) in what they still log
themselves.
"""

from __future__ import annotations

import logging
import re

__all__ = ["HTTP_LOGGERS", "NikMaskingFilter", "mask_digit_runs", "quiet_http_libraries"]

HTTP_LOGGERS = ("httpx", "httpcore")
# 16 digits not part of a longer number: kept are the first 4 (the province and regency
# code), as station.person.mask_nik shows a NIK.
_NIK_RUN = re.compile(r"(?<!\d)(\d{4})\d{12}(?!\d)")


def mask_digit_runs(text: str) -> str:
    """``text`` with every stand-alone 16-digit run shown as its first 4 digits and 12 ``*``."""
    return _NIK_RUN.sub(lambda m: m.group(1) + "*" * 12, text)


class NikMaskingFilter(logging.Filter):
    """Rewrites a record's message with the 16-digit runs masked (never drops a record)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask_digit_runs(message)
        if masked != message:
            record.msg, record.args = masked, None
        return True


def quiet_http_libraries() -> None:
    """WARNING and the masking filter on httpx's and httpcore's loggers (idempotent)."""
    for name in HTTP_LOGGERS:
        logger = logging.getLogger(name)
        if logger.level == logging.NOTSET or logger.level < logging.WARNING:
            logger.setLevel(logging.WARNING)
        if not any(isinstance(f, NikMaskingFilter) for f in logger.filters):
            logger.addFilter(NikMaskingFilter())
