"""An imitation of SATUSEHAT for tests and benchmarks: a real loopback HTTP/1.1 server.

In-process::

    from tests.satusehat_server import SatusehatServer, faults

    with SatusehatServer(organization_id="10000004", client_id="cid", client_secret="secret",
                         token_lifetime_s=3599, latency_s=0.0, reject_duplicates=True) as server:
        server.auth_url   # http://127.0.0.1:PORT/oauth2/v1
        server.base_url   # http://127.0.0.1:PORT/fhir-r4/v1
        server.add_fault(faults.status(503), times=2)

As a process: ``python -m tests.satusehat_server --port 0`` prints one JSON line with
``auth_url``, ``base_url`` and ``admin_url`` and serves until killed (see ``__main__``).

What it imitates (``docs/reference/satusehat.md`` 1.2-1.4, 2.3, 5): the Apigee-style
token endpoint, 401 ``invalid-access-token``, Patient/Practitioner lookup by NIK with the
sandbox dummies, create with SATUSEHAT rules and RuleNumber OperationOutcomes, 20002
duplicates (or a generic server's second copy), atomic transaction Bundles with urn:uuid
resolution, updates by ``PUT /{type}/{id}`` (strict: see ``ServerState._update``; every version
kept), plain-text 5xx and other faults.

By default it answers as SATUSEHAT's published sources show it answering (``flavour=
"satusehat"``: absolute transaction locations with ``_history`` and ``resourceID``, search
parameters SATUSEHAT does not document ignored, an unknown NIK answered with a 200
OperationOutcome); ``flavour="fhir"`` is a strict generic FHIR server. Sources in the
``state`` module docstring.
"""

from tests.satusehat_server import faults
from tests.satusehat_server.faults import Fault
from tests.satusehat_server.server import SatusehatServer
from tests.satusehat_server.state import (
    FHIR,
    SANDBOX_PATIENTS,
    SANDBOX_PRACTITIONERS,
    SATUSEHAT,
    RequestRecord,
)

__all__ = [
    "FHIR",
    "SANDBOX_PATIENTS",
    "SANDBOX_PRACTITIONERS",
    "SATUSEHAT",
    "Fault",
    "RequestRecord",
    "SatusehatServer",
    "faults",
]
