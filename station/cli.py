"""The ``vitals-station`` command line (contract: ``docs/design.md`` section 4).

Every subcommand that prints data prints JSON on stdout. Bad input exits with status 2 and
one line ``error: ...`` on stderr, never a traceback. The desk app is loaded from ``ui/`` only
when asked for, so headless commands never import Qt.
"""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import signal
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from config.errors import SettingsError
from station.cli_audit import add_audit_commands
from station.cli_backup import add_backup_commands
from station.cli_day import add_day_commands
from station.cli_operators import add_operator_commands
from station.cli_outbox import add_outbox_commands
from station.cli_output import UsageError
from station.cli_output import print_json as _print_json
from station.cli_rekey import add_rekey_command
from station.cli_secret import add_secret_commands
from station.cli_slip import add_slip_command
from station.store.database_errors import DatabaseError

if TYPE_CHECKING:
    from config.settings import Settings

__all__ = ["main"]

_LOGGER = logging.getLogger(__name__)
EXIT_BAD_INPUT = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


# -- subcommands -------------------------------------------------------------------------


def _cmd_decode(args: argparse.Namespace, _settings: Callable[[], Settings]) -> int:
    from devices.codecs.registry import decode_hex

    try:
        measurement = decode_hex(args.profile, args.hex)
    except ValueError as exc:  # DecodeError and UnknownProfileError are ValueErrors
        raise UsageError(str(exc)) from exc
    _print_json(measurement.to_json())
    return 0


def _cmd_status(_args: argparse.Namespace, settings: Callable[[], Settings]) -> int:
    from station.command_store import open_store

    store = open_store(settings())
    try:
        _print_json(store.counts())
    finally:
        store.database.close()
    return 0


def _cmd_demo(args: argparse.Namespace, settings: Callable[[], Settings]) -> int:
    from station.demo import run_demo

    if args.visits < 1:
        raise UsageError("--visits must be at least 1")
    import asyncio

    summary = asyncio.run(run_demo(settings(), visits=args.visits, seed=args.seed))
    _print_json(summary)
    return 0


EXIT_PARTIAL = 1


def _cmd_export(args: argparse.Namespace, settings: Callable[[], Settings]) -> int:
    """Write the confirmed visits as one FHIR Bundle.

    A visit that cannot be read back or mapped (issue 10) never stops the others: it is left
    out, named on stderr (``warning: visit ID not exported: reason``, one line each) and in
    the JSON summary (``"skipped": [{"visit_id", "reason"}]``), and the command exits 1 after
    writing the file with every other visit, so a script sees that a person must look.
    """
    from station.audit import AuditAction
    from station.command_store import audit_command, open_store
    from station.export import export_context
    from station.export_file import write_fhir_export
    from station.store.models import VisitStatus

    loaded = settings()
    path = Path(args.fhir)
    folder = path.parent if str(path.parent) else Path()
    if not folder.is_dir():
        raise UsageError(f"folder {folder} does not exist")
    store = open_store(loaded)
    try:
        # Audited before the file is written: an export that fails half-way may still have
        # put personal data on disk. The visits are streamed (issue 14), so the audit names
        # every confirmed visit the export goes through, read or not.
        audit_command(
            store,
            loaded,
            AuditAction.EXPORTED,
            {"format": "fhir", "visit_ids": store.visit_ids(VisitStatus.CONFIRMED)},
        )
        try:
            summary = write_fhir_export(
                store, export_context(loaded), path, generated=datetime.now(UTC)
            )
        except OSError as exc:
            raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from exc
    finally:
        store.database.close()
    skipped = summary.skipped
    for item in skipped:
        sys.stderr.write(f"warning: visit {item['visit_id']} not exported: {item['reason']}\n")
    _print_json(
        {
            "file": str(path),
            "visits": summary.visits,
            "observations": summary.observations,
            "skipped": skipped,
        }
    )
    return EXIT_PARTIAL if skipped else 0


def _read_check_input(text: str) -> dict[str, Any]:
    if text == "-":
        try:
            text = sys.stdin.read()
        except UnicodeDecodeError as exc:
            raise UsageError("check input is not UTF-8 text") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UsageError(f"check input is not JSON: {exc.msg} at line {exc.lineno}") from exc
    except RecursionError as exc:  # JSON nested thousands deep (issue 16)
        raise UsageError("check input is nested too deeply to be a reading set") from exc
    if not isinstance(data, dict):
        raise UsageError("check input must be a JSON object with age_years, sex and readings")
    return data


def _cmd_check(args: argparse.Namespace, settings: Callable[[], Settings]) -> int:
    from station.checks.request import CheckRequestError, parse_check_request

    data = _read_check_input(args.json)
    default_rule_set = data.get("rule_set") or settings().checks.rule_set
    try:
        request = parse_check_request(data, default_rule_set=default_rule_set)
    except CheckRequestError as exc:
        raise UsageError(str(exc)) from exc
    _print_json(request.evaluate().to_json())
    return 0


def _cmd_devices(args: argparse.Namespace, settings: Callable[[], Settings]) -> int:
    from config.catalog import load_catalog
    from devices.device import DeviceError
    from devices.discovery import list_serial_ports, scan_bluetooth

    loaded = settings()
    configured = []
    for role in ("blood_pressure", "oximeter"):
        spec = loaded.devices.spec(role)
        model = spec.model
        configured.append(
            {
                "role": role,
                "setting": getattr(loaded.devices, role),
                "simulated": spec.simulated,
                "model": model.id if model else None,
                "name": (
                    ("SIMULATOR " if spec.simulator else "") + model.name
                    if model
                    else "SIMULATOR (real Bluetooth byte protocol)"
                ),
                "transport": "simulator" if spec.simulated else model.transport if model else "",
                "address": spec.address or None,
                "pairing": model.pairing if model else None,
            }
        )
    bluetooth: dict[str, Any]
    if args.no_scan:
        bluetooth = {"available": None, "advertising": [], "message": "scan skipped"}
    else:
        import asyncio

        try:
            found = asyncio.run(scan_bluetooth(args.scan_seconds))
            bluetooth = {"available": True, "advertising": found, "message": None}
        except DeviceError as exc:
            bluetooth = {"available": False, "advertising": [], "message": str(exc)}
    _print_json(
        {
            "configured": configured,
            "serial_ports": list_serial_ports(),
            "bluetooth": bluetooth,
            "known_models": sorted(load_catalog()),
        }
    )
    return 0


def _cmd_sync(args: argparse.Namespace, settings: Callable[[], Settings]) -> int:
    from station.upload.wiring import UploadNotConfigured, sync_runner
    from station.wiring import open_store, system_clock

    loaded = settings()
    if not args.once:
        # Ctrl-C ends the long-running sync even when the parent ignored SIGINT (nohup, some
        # CI runners): a child inherits an ignored disposition, so set it here.
        signal.signal(signal.SIGINT, signal.default_int_handler)
    store = open_store(loaded)
    import asyncio

    async def run() -> dict[str, Any]:
        async with sync_runner(loaded, store.database, system_clock) as runner:
            summary = await runner.drain(include_failed=args.all)
            if not args.once:
                _print_json({"round": summary.to_json()})
                await runner.run_forever(
                    interval_s=loaded.upload.interval_seconds,
                    on_round=lambda s: _print_json({"round": s.to_json()}),
                )
            return {**summary.to_json(), "outbox": store.counts()["outbox"]}

    try:
        _print_json(asyncio.run(run()))
    except UploadNotConfigured as exc:
        raise UsageError(str(exc)) from exc
    finally:
        store.database.close()
    return 0


def _run_desk_app(settings: Settings, simulate: bool, quit_after: float | None) -> int:
    # Loaded by name so the core never depends on the ui package (docs/design.md section 2).
    start = importlib.import_module("ui.desk_start")
    result: int = start.run_desk(settings, simulate=simulate, quit_after_s=quit_after)
    return result


# -- parser ------------------------------------------------------------------------------


def _build_parser() -> _Parser:
    parser = _Parser(
        prog="vitals-station",
        description="Vital-signs capture station. Without a subcommand: the desk app.",
    )
    parser.add_argument("--config", metavar="PATH", help="settings file (TOML)")
    parser.add_argument(
        "--simulate", action="store_true", help="use simulated devices (labelled SIMULATOR)"
    )
    parser.add_argument(
        "--quit-after",
        type=float,
        metavar="SECONDS",
        help="the desk app: close it after SECONDS and say what it showed (a smoke test of "
        "an installed bundle)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log more on stderr")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    decode = sub.add_parser("decode", help="decode one device payload given as hex")
    decode.add_argument("profile", help="e.g. ble:blood-pressure or 2a35")
    decode.add_argument("hex", help="payload bytes as hex, e.g. '1e 8a 00 58 00 ...'")
    decode.set_defaults(handler=_cmd_decode)

    check = sub.add_parser("check", help="run the checks on a reading set (JSON)")
    check.add_argument(
        "json",
        help='{"age_years": 45, "sex": "female", "readings": [...]} as an argument, or - for stdin',
    )
    check.set_defaults(handler=_cmd_check)

    demo = sub.add_parser("demo", help="record N simulated visits through the real path")
    demo.add_argument("--visits", type=int, default=3, help="number of visits (default 3)")
    demo.add_argument("--seed", type=int, default=None, help="make the simulated values repeatable")
    demo.set_defaults(handler=_cmd_demo)

    export = sub.add_parser("export", help="write stored results as a FHIR R4 Bundle")
    export.add_argument("--fhir", required=True, metavar="FILE", help="output JSON file")
    export.set_defaults(handler=_cmd_export)

    devices = sub.add_parser("devices", help="list configured and discoverable devices")
    devices.add_argument("--no-scan", action="store_true", help="do not scan for Bluetooth")
    devices.add_argument(
        "--scan-seconds", type=float, default=5.0, help="Bluetooth scan length (default 5)"
    )
    devices.set_defaults(handler=_cmd_devices)

    sync = sub.add_parser("sync", help="upload pending results to SATUSEHAT")
    sync.add_argument(
        "--once", action="store_true", help="drain what is due, print a JSON summary, exit"
    )
    sync.add_argument(
        "--all",
        action="store_true",
        help="also retry failed entries now (dead entries still wait for a person)",
    )
    sync.set_defaults(handler=_cmd_sync)

    status = sub.add_parser("status", help="counts of visits, readings and the upload outbox")
    status.set_defaults(handler=_cmd_status)

    add_outbox_commands(sub)
    add_operator_commands(sub)
    add_day_commands(sub)
    add_audit_commands(sub)
    add_backup_commands(sub)
    add_secret_commands(sub)
    add_rekey_command(sub)
    add_slip_command(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = _build_parser()
    try:
        args = parser.parse_args(argv)
        logging.basicConfig(
            level=logging.INFO if args.verbose else logging.WARNING,
            format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        )
        cached: list[Settings] = []

        def settings() -> Settings:
            if not cached:
                from config.settings import load_settings

                cached.append(load_settings(Path(args.config) if args.config else None))
            return cached[0]

        if args.command is None:
            return _run_desk_app(settings(), args.simulate, args.quit_after)
        handler: Callable[[argparse.Namespace, Callable[[], Settings]], int] = args.handler
        return handler(args, settings)
    except (UsageError, SettingsError, DatabaseError) as exc:
        sys.stderr.write(f"error: {exc}\n")
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        sys.stderr.write("error: interrupted\n")
        return 130


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
