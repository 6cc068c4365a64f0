"""A clinic's shared PostgreSQL over TLS with ``sslmode=verify-full`` (issue 12): the station
connects, migrates and works when the server's certificate is signed by the CA it was given
and names the host it dialled; it refuses, with one clear error and no database opened,
a server whose certificate it cannot verify. Against the real server of .ci/start-postgres,
whose certificate a test CA signed for localhost and 127.0.0.1 (``VITALS_TEST_POSTGRES_CA``).
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime, timedelta

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from sqlalchemy import text
from sqlalchemy.engine import make_url

from station.store.database import DatabaseError, open_database
from tests.console import clean_environ, console_runner

CA_ENV = "VITALS_TEST_POSTGRES_CA"


@pytest.fixture
def ca_file():
    path = os.environ.get(CA_ENV)
    if not path or not os.path.exists(path):
        pytest.skip(f"no test CA for PostgreSQL's certificate: set {CA_ENV} (.ci/run does)")
    return path


def with_tls(url, ca, host=None):
    parsed = make_url(url)
    if host is not None:
        parsed = parsed.set(host=host)
    return parsed.update_query_dict({"sslmode": "verify-full", "sslrootcert": ca}).render_as_string(
        hide_password=False
    )


def another_ca(tmp_path):
    """A CA that signed nothing the server has."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "someone else's CA")])
    now = datetime.now(UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    path = tmp_path / "other-ca.crt"
    path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    return str(path)


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_verify_full_connects_and_the_connection_is_encrypted(postgres_url, ca_file, host):
    database = open_database(with_tls(postgres_url, ca_file, host))
    try:
        with database.engine.connect() as connection:
            ssl, version = connection.execute(
                text("SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
            ).one()
        assert ssl is True
        assert version.startswith("TLSv1.")
        assert database.schema_revision() is not None  # migrated over TLS
    finally:
        database.close()


def test_a_server_it_cannot_verify_is_refused_with_one_clear_error(postgres_url, ca_file, tmp_path):
    with pytest.raises(DatabaseError) as info:
        open_database(with_tls(postgres_url, another_ca(tmp_path)))
    message = str(info.value)
    assert "certificate verify failed" in message
    assert "vitals_test:vitals_test" not in message  # no password in the error


def test_the_station_runs_over_verify_full(postgres_url, ca_file, tmp_path):
    run = console_runner(clean_environ(with_tls(postgres_url, ca_file)), tmp_path)
    run("demo", "--visits", "1", "--seed", "2")
    assert json.loads(run("status").stdout)["visits"] == 1
