"""httpcore's ``import sniffio`` on every request, made free when sniffio is not installed.

httpcore (1.0) asks which async library runs it each time it sets up a lock, an event or a
semaphore, several times per request, with ``import sniffio`` inside a ``try``. httpx 0.28+
no longer depends on sniffio, so it is often absent, and a failed import is not remembered:
each ask searched ``sys.path`` again (stat calls on every entry). Profiling the upload drain
(issue 14) put that at 0.15 s of the main thread for 120 requests, more than building the
Bundles. Recording the absence in ``sys.modules`` (``None`` there makes ``import sniffio``
raise ``ImportError`` at once, https://docs.python.org/3/reference/import.html#the-module-cache)
gives httpcore the same answer, "asyncio", without the search. An installed sniffio is left
alone.
"""

from __future__ import annotations

import importlib.util
import sys

__all__ = ["remember_missing_sniffio"]


def remember_missing_sniffio() -> None:
    """If sniffio cannot be imported, say so once in ``sys.modules`` (idempotent)."""
    if "sniffio" in sys.modules:
        return
    if importlib.util.find_spec("sniffio") is None:
        sys.modules["sniffio"] = None  # type: ignore[assignment]
