"""Sending one webhook delivery: over TLS it connects to the address that was checked while the
URL's host still names the server (Host header, SNI, certificate check); a redirect is a
failure, never followed."""

from __future__ import annotations

import asyncio
import datetime
import ssl
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import certifi
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from app.settings import Settings
from app.webhooks import send
from tests.webhooks_api import Receiver

LOOPBACK = Settings(webhook_allow_private_addresses=True, webhook_timeout_seconds=5)


def _certificate(name: str, key: ec.EllipticCurvePrivateKey, issuer: str,
                 issuer_key: ec.EllipticCurvePrivateKey, authority: bool) -> x509.Certificate:
    builder = (x509.CertificateBuilder()
               .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)]))
               .issuer_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, issuer)]))
               .public_key(key.public_key()).serial_number(x509.random_serial_number())
               .not_valid_before(datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC))
               .not_valid_after(datetime.datetime(2100, 1, 1, tzinfo=datetime.UTC))
               .add_extension(x509.BasicConstraints(ca=authority, path_length=None),
                              critical=True))
    if not authority:
        builder = builder.add_extension(x509.SubjectAlternativeName([x509.DNSName(name)]),
                                        critical=False)
    return builder.sign(issuer_key, hashes.SHA256())


@asynccontextmanager
async def _tls_server(folder: Path, name: str,
                      monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[tuple[int, list[bytes]]]:
    """A TLS server on 127.0.0.1 with a certificate for `name` from an authority the client
    trusts for the test; its port, and the head of each request it answered 204."""
    authority_key, key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(
        ec.SECP256R1())
    authority = _certificate("Test authority", authority_key, "Test authority", authority_key,
                             True)
    (folder / "authority.pem").write_bytes(authority.public_bytes(serialization.Encoding.PEM))
    (folder / "server.pem").write_bytes(
        _certificate(name, key, "Test authority", authority_key, False).public_bytes(
            serialization.Encoding.PEM))
    (folder / "server.key").write_bytes(key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption()))
    monkeypatch.setattr(certifi, "where", lambda: str(folder / "authority.pem"))
    heads: list[bytes] = []

    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        heads.append(await reader.readuntil(b"\r\n\r\n"))
        writer.write(b"HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n")
        await writer.drain()
        writer.close()

    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(folder / "server.pem", folder / "server.key")
    server = await asyncio.start_server(answer, "127.0.0.1", 0, ssl=context)
    try:
        yield server.sockets[0].getsockname()[1], heads
    finally:
        server.close()
        await server.wait_closed()


async def test_tls_names_the_host_while_connecting_to_the_checked_address(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    async with _tls_server(tmp_path, "localhost", monkeypatch) as (port, heads):
        answer = await send(LOOPBACK, f"https://localhost:{port}/hooks", "secret", "d-1", b"{}")
        wrong = await send(LOOPBACK, f"https://127.0.0.1:{port}/hooks", "secret", "d-1", b"{}")
    assert answer.status_code == 204 and answer.error is None
    assert f"host: localhost:{port}".encode() in heads[0].lower()
    assert wrong.status_code is None and wrong.error is not None
    assert "CERTIFICATE_VERIFY_FAILED" in wrong.error and len(heads) == 1


async def test_a_certificate_for_another_host_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    async with _tls_server(tmp_path, "elsewhere.example", monkeypatch) as (port, heads):
        answer = await send(LOOPBACK, f"https://localhost:{port}/hooks", "secret", "d-1", b"{}")
    assert answer.error is not None and "CERTIFICATE_VERIFY_FAILED" in answer.error
    assert heads == []


async def test_a_redirect_is_a_failure_and_is_not_followed() -> None:
    async with Receiver() as receiver:
        receiver.always_failing, receiver.failure_status = True, 307
        answer = await send(LOOPBACK, receiver.url, "secret", "d-1", b"{}")
    assert answer.status_code == 307 and answer.error == "HTTP 307: Not today"
    assert len(receiver.requests) == 1


async def test_a_private_address_is_refused_before_any_connection() -> None:
    async with Receiver() as receiver:
        answer = await send(Settings(), receiver.url, "secret", "d-1", b"{}")
    assert answer.status_code is None and answer.error is not None
    assert "an address webhooks may not reach" in answer.error
    assert receiver.requests == []
