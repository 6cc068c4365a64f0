"""A file export's ``collection`` Bundle written one visit at a time (issue 14).

``export_bundle`` builds and validates one Bundle of every visit, then ``to_json`` dumps it:
memory grows with the visits (0.28 MB a visit, 10,000 visits about 3 GB). ``BundleWriter``
gives the same text (the same bytes as ``to_json(export_bundle(visits, ctx, generated=...))``)
while holding one visit at a time: each visit is built and validated by fhir.resources as its
own ``visit_bundle`` (``transaction=False``: the same entries and fullUrls without requests),
and its entries are written, indented as ``json.dumps(..., indent=2)`` places them inside the
whole Bundle. What stays in memory across visits is the set of fullUrls already written, for
the refusal ``export_bundle`` makes of one resource twice in one Bundle.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any, TextIO

from fhir_export.mapping import (
    export_bundle,
    once_each,
    plain_identifier,
    to_dict,
    to_json,
    visit_bundle,
)
from fhir_export.model import ExportContext, VisitExport

__all__ = ["BundleWriter"]

_MARK = "@@entries@@"  # stands for the entry list in the Bundle's own JSON
_ITEM = "\n    "  # json.dumps(indent=2): an item of the top-level "entry" list


def _dumps(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False)  # as to_json writes


class BundleWriter:
    """Writes a ``collection`` Bundle to ``handle`` visit by visit; ``close`` ends it.

    ``add`` maps and validates one visit before writing anything of it, so a visit that
    raises ``MappingError`` (not valid FHIR, or a fullUrl already in this Bundle) leaves the
    file as it was and the caller may go on with the next one.
    """

    def __init__(
        self, handle: TextIO, ctx: ExportContext, *, generated: datetime | None = None
    ) -> None:
        self._handle = handle
        self._ctx = ctx
        self._seen: set[str] = set()
        self._entries = 0
        # The Bundle without entries, validated and dumped as export_bundle would; its text
        # around the entry list is written before the first and after the last entry.
        self._empty = export_bundle([], ctx, generated=generated)
        header = to_dict(self._empty)
        header["entry"] = [_MARK]  # "entry" is Bundle's last element this module writes
        text = _dumps(header)
        at = text.index(json.dumps(_MARK))
        self._head = text[: text.rindex("[", 0, at) + 1]
        self._tail = text[text.index("]", at + len(json.dumps(_MARK))) :]
        self._closed = False

    @property
    def entries(self) -> int:
        return self._entries

    def add(self, visit: VisitExport) -> int:
        """Write ``visit``'s Encounter and Observations; returns how many entries."""
        if self._closed:
            raise ValueError("the Bundle is already closed")
        entries = to_dict(visit_bundle(visit, self._ctx, transaction=False)).get("entry", [])
        once_each(entries, plain_identifier, already=self._seen)
        pieces = []
        for number, entry in enumerate(entries, start=self._entries):
            pieces.append(self._head if number == 0 else ",")
            pieces.append(_ITEM + _dumps(entry).replace("\n", _ITEM))
        self._handle.write("".join(pieces))  # one write: all of the visit or none of it
        self._entries += len(entries)
        self._seen.update(entry["fullUrl"] for entry in entries)
        return len(entries)

    def close(self) -> None:
        """End the Bundle (without entries: exactly what ``export_bundle([])`` gives)."""
        if self._closed:
            return
        self._closed = True
        if self._entries == 0:
            self._handle.write(to_json(self._empty))
        else:
            self._handle.write("\n  " + self._tail)
