"""``export --fhir FILE``: the confirmed visits streamed into one Bundle file (issue 14).

Visits come from the store a batch at a time (``Store.stream_visits``), each is mapped and
validated alone (``fhir_export.bundle_stream.BundleWriter``) and written to a temporary file
beside ``FILE``, which replaces ``FILE`` only once it is whole (``station.files``): a
failure half-way leaves no truncated file and an existing one as it was. Memory stays that
of one batch, whatever the number of visits.

A visit that cannot be read or mapped is left out and reported (issue 10), as before.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Collection
from contextlib import closing
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from fhir_export.bundle_stream import BundleWriter
from fhir_export.errors import MappingError
from fhir_export.model import ExportContext, Practitioner
from station.export import Practitioners, operators_of, visit_to_export
from station.files import private_atomic_writer
from station.store.models import VisitStatus
from station.store.outbox import UploadStore
from station.store.repository import Store, StoredVisit, UnreadableVisit

__all__ = ["ExportSummary", "write_fhir_export"]

_log = logging.getLogger(__name__)


@dataclass(slots=True)
class ExportSummary:
    visits: int = 0
    observations: int = 0
    # {"visit_id", "reason"}: the unreadable ones first, then the unmappable (as before).
    unreadable: list[dict[str, str]] = field(default_factory=list)
    unmapped: list[dict[str, str]] = field(default_factory=list)

    @property
    def skipped(self) -> list[dict[str, str]]:
        return self.unreadable + self.unmapped


class _PractitionerLookup:
    """Operator id -> practitioner NIK, asked of the store the first time an operator is
    met (the operators are few; the visits many, and not all in memory at once)."""

    def __init__(self, uploads: UploadStore) -> None:
        self._uploads = uploads
        self._known: dict[int, Practitioner | None] = {}

    def of(self, operator_ids: Collection[int]) -> Practitioners:
        new = [i for i in operator_ids if i not in self._known]
        if new:
            niks = self._uploads.practitioner_niks(new)
            for operator_id in new:
                nik = niks.get(operator_id)
                self._known[operator_id] = Practitioner(nik) if nik is not None else None
        return {
            i: practitioner for i in operator_ids if (practitioner := self._known[i]) is not None
        }


def write_fhir_export(
    store: Store, context: ExportContext, path: Path, *, generated: datetime
) -> ExportSummary:
    """Write the confirmed visits to ``path``; ``OSError`` when the file cannot be written
    (``path`` is then as it was)."""
    summary = ExportSummary()
    practitioners = _PractitionerLookup(UploadStore(store.database))
    with private_atomic_writer(path) as binary:
        text = io.TextIOWrapper(binary, encoding="utf-8", newline="\n")
        writer = BundleWriter(text, context, generated=generated)
        with closing(store.stream_visits(VisitStatus.CONFIRMED)) as visits:
            for item in visits:
                if isinstance(item, UnreadableVisit):
                    summary.unreadable.append({"visit_id": item.visit_id, "reason": str(item)})
                    continue
                _write_visit(writer, item, practitioners, summary)
        writer.close()
        text.flush()
        text.detach()  # the binary handle is the writer's to sync and close
    return summary


def _write_visit(
    writer: BundleWriter,
    visit: StoredVisit,
    practitioners: _PractitionerLookup,
    summary: ExportSummary,
) -> None:
    try:
        export = visit_to_export(visit, practitioners.of(operators_of(visit)))
        writer.add(export)  # mapped and validated before anything of it is written
    except MappingError as exc:  # station.export / fhir_export say why
        reason = f"cannot be mapped to FHIR: {exc}"
        summary.unmapped.append({"visit_id": visit.id, "reason": reason})
        return
    except OSError:
        raise  # the file cannot be written: the whole export fails, the old file stays
    except Exception as exc:  # noqa: BLE001 - a bug in one visit's mapping must not lose the rest
        _log.exception("visit %s: unexpected export error", visit.id)
        reason = f"unexpected error ({type(exc).__name__}); see the station log"
        summary.unmapped.append({"visit_id": visit.id, "reason": reason})
        return
    summary.visits += 1
    summary.observations += len(export.vitals)
