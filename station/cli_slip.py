"""``vitals-station slip VISIT_ID --pdf FILE [--lang id|en]`` (issue 13): the person's result
slip of a confirmed visit, as the desk prints it, written as PDF.

The slip is painted by ``ui.patient.slip`` with Qt; the core never imports ``ui``
(docs/design.md section 2), so that module is loaded by name here, only when this command runs,
the way ``station.cli`` loads the desk app (and Qt runs headless when there is no display).
The paper is ``[station] slip_paper``; the language ``--lang``, else ``[station]
patient_language``; the facility the SATUSEHAT organisation id (the settings hold no clinic
name). The PDF is written owner-only and atomically (station/files.py) after the export is
audited under the OS account, as ``export`` does: it carries a person's first name and
results. An unknown, open or cancelled visit is refused with one line (exit 2).
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from station.cli_output import UsageError, print_json

if TYPE_CHECKING:
    from config.settings import Settings

__all__ = ["add_slip_command"]

# The painter, in the ui package (loaded by name: see the module docstring).
SLIP_MODULE = "ui.patient.slip"


def _output_path(text: str) -> Path:
    path = Path(text)
    folder = path.parent if str(path.parent) else Path()
    if not folder.is_dir():
        raise UsageError(f"--pdf: folder {folder} does not exist")
    if path.is_dir():
        raise UsageError(f"--pdf: {path} is a folder, not a file")
    return path


def _cmd_slip(args: argparse.Namespace, settings: Callable[[], Settings]) -> int:
    from station.audit import AuditAction  # noqa: PLC0415
    from station.command_store import audit_command, open_store  # noqa: PLC0415
    from station.files import write_private_atomically  # noqa: PLC0415
    from station.results import summarise  # noqa: PLC0415
    from station.store.models import VisitStatus  # noqa: PLC0415
    from station.store.operators import OperatorStore  # noqa: PLC0415
    from station.store.repository import StoreError, UnreadableVisit  # noqa: PLC0415

    path = _output_path(args.pdf)
    loaded = settings()
    lang = args.lang or loaded.station.patient_language
    store = open_store(loaded)
    try:
        try:
            visit = store.visit(args.visit_id)
        except UnreadableVisit as exc:
            raise UsageError(str(exc)) from exc
        except StoreError:
            raise UsageError(f"no visit has the id {args.visit_id!r}") from None
        if visit.status is VisitStatus.OPEN:
            raise UsageError(f"visit {visit.id} is not confirmed yet: it has no results to print")
        if visit.status is VisitStatus.CANCELLED:
            raise UsageError(f"visit {visit.id} was cancelled: it has no results to print")
        operator = None
        if visit.confirmed_by is not None:
            names = {o.id: o.name for o in OperatorStore(store.database).list()}
            operator = names.get(visit.confirmed_by)
        # Audited before the file is written: a write that fails half-way may still have put
        # the person's results on disk.
        audit_command(
            store,
            loaded,
            AuditAction.EXPORTED,
            {"format": "slip", "visit_ids": [visit.id], "lang": lang},
        )
    finally:
        store.database.close()
    painter = importlib.import_module(SLIP_MODULE)
    pdf: bytes = painter.command_line_pdf(
        visit,
        summarise(visit),
        clinic=loaded.facility_name,
        operator=operator,
        lang=lang,
        paper=loaded.station.slip_paper,
    )
    try:
        write_private_atomically(path, pdf)
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from exc
    print_json(
        {
            "slip": str(path),
            "visit": visit.id,
            "lang": lang,
            "paper": loaded.station.slip_paper,
        }
    )
    return 0


def add_slip_command(sub: Any) -> None:
    """Register ``slip`` on the command line's subparsers."""
    slip = sub.add_parser("slip", help="write a confirmed visit's result slip as PDF")
    slip.add_argument("visit_id", metavar="VISIT_ID", help="the visit (vitals-station visits)")
    slip.add_argument("--pdf", required=True, metavar="FILE", help="the PDF file to write")
    slip.add_argument(
        "--lang",
        choices=("id", "en"),
        default=None,
        help="the slip's language (default: [station] patient_language)",
    )
    slip.set_defaults(handler=_cmd_slip)
