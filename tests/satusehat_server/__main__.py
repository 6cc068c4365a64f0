"""Run the imitation SATUSEHAT as a process.

    python -m tests.satusehat_server --port 0 [--latency-ms 50] [--allow-duplicates]
        [--flavour satusehat|fhir]
        [--organization-id 10000004] [--client-id cid] [--client-secret secret]
        [--token-lifetime-s 3599] [--host 127.0.0.1]

Prints one JSON line on stdout once it listens::

    {"auth_url": "http://127.0.0.1:PORT/oauth2/v1", "base_url": "http://127.0.0.1:PORT/fhir-r4/v1",
     "admin_url": "http://127.0.0.1:PORT/_admin", "port": PORT, "pid": PID,
     "organization_id": "10000004", "client_id": "cid", "reject_duplicates": true,
     "flavour": "satusehat", "latency_ms": 0.0}

then serves until SIGTERM or SIGINT (exit status 0). Admin endpoints (no token needed):
``GET /_admin/stats``, ``GET /_admin/resources[?type=T][&identifier=system|value]``,
``GET /_admin/requests``, ``GET|POST|DELETE /_admin/faults``, ``POST /_admin/expire-tokens``,
``POST /_admin/patients`` and ``/_admin/practitioners`` (``{"nik": ..., "ihs": ...}``),
``POST /_admin/clock`` (``{"advance_s": seconds}``), ``POST /_admin/reset``.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import threading
from types import FrameType

from tests.satusehat_server.server import SatusehatServer
from tests.satusehat_server.state import FLAVOURS, SATUSEHAT


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.satusehat_server", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--latency-ms", type=float, default=0.0)
    parser.add_argument("--allow-duplicates", action="store_true")
    parser.add_argument(
        "--flavour",
        choices=FLAVOURS,
        default=SATUSEHAT,
        help="satusehat: answer as SATUSEHAT's sources describe (default); fhir: strict FHIR",
    )
    parser.add_argument("--organization-id", default="10000004")
    parser.add_argument("--client-id", default="cid")
    parser.add_argument("--client-secret", default="secret")
    parser.add_argument("--token-lifetime-s", type=float, default=3599)
    args = parser.parse_args(argv)

    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    server = SatusehatServer(
        organization_id=args.organization_id,
        client_id=args.client_id,
        client_secret=args.client_secret,
        token_lifetime_s=args.token_lifetime_s,
        latency_s=args.latency_ms / 1000,
        reject_duplicates=not args.allow_duplicates,
        flavour=args.flavour,
        host=args.host,
        port=args.port,
    )
    with server:
        line = {
            "auth_url": server.auth_url,
            "base_url": server.base_url,
            "admin_url": server.admin_url,
            "port": server.port,
            "pid": os.getpid(),
            "organization_id": args.organization_id,
            "client_id": args.client_id,
            "reject_duplicates": not args.allow_duplicates,
            "flavour": args.flavour,
            "latency_ms": args.latency_ms,
        }
        sys.stdout.write(json.dumps(line) + "\n")
        sys.stdout.flush()
        while not stop.wait(0.5):
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
