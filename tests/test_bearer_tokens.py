"""Bearer tokens: forged, expired and misdirected ones are refused; an external OpenID Connect
issuer's tokens sign people in, linking or creating their account."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import threading
import uuid
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import jwt
import pytest
import pytest_asyncio
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from starlette.applications import Starlette

from app import ids
from app.db import Database
from app.main import create_app
from app.settings import Settings
from tests.accounts_api import CHANGE_PASSWORD, VIEWER, Api, People, api_from, login
from tests.conftest import error_codes, run_test_cypher

ISSUER = "https://idp.example.test/realms/lombardia"
AUDIENCE = "open-innovation-graph-web"
KEY_ID = "test-key-1"


def own_claims(settings: Settings, **changes: Any) -> dict[str, Any]:
    now = datetime.now(UTC)
    claims = {"iss": settings.jwt_issuer, "aud": settings.jwt_audience,
              "sub": str(uuid.uuid4()), "sid": str(uuid.uuid4()), "iat": now,
              "exp": now + timedelta(minutes=5), "jti": uuid.uuid4().hex}
    return {**claims, **changes}


def unsigned(claims: dict[str, Any]) -> str:
    return jwt.encode(claims, key=None, algorithm="none")  # type: ignore[arg-type]


@pytest_asyncio.fixture(loop_scope="session")
async def api(app: Starlette) -> AsyncIterator[Api]:
    async with api_from(app) as client:
        yield client


@pytest_asyncio.fixture(loop_scope="session")
async def people(db: Database) -> AsyncIterator[People]:
    made = People()
    yield made
    await run_test_cypher(db, "delete_accounts", emailKeys=made.email_keys, ids=made.ids)


async def test_tokens_not_issued_here_are_refused(api: Api, settings: Settings,
                                                  people: People) -> None:
    person = await people.registered(api)
    signed_in = await login(api, person)
    user_id = ids.decode(person["id"], frozenset({"User"}))[1]
    valid = jwt.decode(signed_in["accessToken"], options={"verify_signature": False})
    key = settings.signing_key
    tokens = {
        "other key": jwt.encode({**valid, "jti": "x"}, "k" * 48, algorithm="HS256"),
        "alg none": unsigned(valid),
        "expired": jwt.encode(own_claims(settings, sub=user_id, sid=valid["sid"],
                                         exp=datetime.now(UTC) - timedelta(minutes=1)),
                              key, algorithm="HS256"),
        "wrong audience": jwt.encode({**valid, "aud": "another-api"}, key, algorithm="HS256"),
        "wrong issuer": jwt.encode({**valid, "iss": "https://elsewhere"}, key,
                                   algorithm="HS256"),
        "no session": jwt.encode({k: v for k, v in valid.items() if k != "sid"}, key,
                                 algorithm="HS256"),
        "unknown session": jwt.encode({**valid, "sid": str(uuid.uuid4())}, key,
                                      algorithm="HS256"),
        "another person": jwt.encode({**valid, "sub": str(uuid.uuid4())}, key,
                                     algorithm="HS256"),
        "HS512": jwt.encode(valid, key, algorithm="HS512"),
        "malformed": "not-a-token",
        "tampered": signed_in["accessToken"][:-3] + "AAA",
    }
    for name, token in tokens.items():
        body = await api(VIEWER, token)
        assert error_codes(body) == ["UNAUTHENTICATED"], name
        assert body["data"] is None, name
        refused = await api(CHANGE_PASSWORD, token, current=person["password"],
                            new="taken over password")
        assert error_codes(refused) == ["UNAUTHENTICATED"], name
    for header in ({"Authorization": f"Basic {signed_in['accessToken']}"},
                   {"Authorization": "Bearer"}, {"Authorization": ""}):
        assert error_codes(await api.raw(VIEWER, header)) == ["UNAUTHENTICATED"], header
    # nothing the refused requests asked for happened; the real token still works
    await login(api, person)
    assert (await api.data(VIEWER, signed_in["accessToken"]))["viewer"]["id"] == person["id"]


class KeySet:
    """A JSON Web Key Set served on loopback, as an identity provider publishes its keys."""

    def __init__(self) -> None:
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self.key.public_key()))
        body = json.dumps({"keys": [{**jwk, "kid": KEY_ID, "alg": "RS256",
                                     "use": "sig"}]}).encode()

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/jwks"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def public_pem(self) -> bytes:
        return self.key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)

    def token(self, key: Any = None, algorithm: str = "RS256", **claims: Any) -> str:
        now = datetime.now(UTC)
        payload = {"iss": ISSUER, "aud": AUDIENCE, "iat": now,
                   "exp": now + timedelta(minutes=5), **claims}
        return jwt.encode(payload, key if key is not None else self.key, algorithm=algorithm,
                          headers={"kid": KEY_ID})

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def key_set() -> Iterator[KeySet]:
    served = KeySet()
    yield served
    served.close()


@pytest_asyncio.fixture(loop_scope="session")
async def external_api(settings: Settings, db: Database,
                       key_set: KeySet) -> AsyncIterator[Api]:
    configured = settings.model_copy(update={
        "oidc_issuer": ISSUER, "oidc_jwks_url": key_set.url, "oidc_audience": AUDIENCE})
    application = create_app(configured)
    async with application.router.lifespan_context(application), api_from(application) as api:
        yield api


async def linked(db: Database, subject: str) -> dict[str, Any]:
    [row] = await run_test_cypher(db, "external_identity", issuer=ISSUER, subject=subject)
    return row


async def test_an_external_token_creates_its_person_once(
        external_api: Api, key_set: KeySet, db: Database, people: People) -> None:
    subject = f"TINIT-{uuid.uuid4().hex[:16].upper()}"
    token = key_set.token(sub=subject, name="Niccolò Dell'Acqua",
                          email=f"n.{subject.lower()}@example.org", email_verified=False)
    first = (await external_api.data(VIEWER, token))["viewer"]
    again = (await external_api.data(VIEWER, key_set.token(sub=subject)))["viewer"]
    row = await linked(db, subject)
    people.ids.extend(row["users"])
    assert row["identities"] == 1 and len(row["users"]) == 1
    assert first == again and first["displayName"] == "Niccolò Dell'Acqua"
    assert first["handle"].startswith("niccolo.dell.acqua")
    assert row["emails"] == []  # an email the issuer did not verify is not the account's


async def test_an_external_token_with_a_verified_email_signs_in_its_account(
        external_api: Api, api: Api, key_set: KeySet, db: Database, people: People) -> None:
    person = await people.registered(api)
    subject = f"TINIT-{uuid.uuid4().hex[:16].upper()}"
    token = key_set.token(sub=subject, name="Someone Else", email=person["email"].upper(),
                          email_verified=True)
    viewer = (await external_api.data(VIEWER, token))["viewer"]
    assert viewer["id"] == person["id"] and viewer["handle"] == person["handle"]
    user_id = ids.decode(person["id"], frozenset({"User"}))[1]
    assert (await linked(db, subject))["users"] == [user_id]


async def test_external_tokens_not_signed_by_the_issuer_are_refused(
        external_api: Api, key_set: KeySet, db: Database) -> None:
    subject = f"TINIT-{uuid.uuid4().hex[:16].upper()}"
    other_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    now = datetime.now(UTC)
    claims = {"iss": ISSUER, "aud": AUDIENCE, "sub": subject, "iat": now,
              "exp": now + timedelta(minutes=5)}
    tokens = {
        "other key": key_set.token(key=other_key, sub=subject),
        "alg none": unsigned(claims),
        "HS256 with the public key": hmac_signed(claims, key_set.public_pem()),
        "wrong audience": key_set.token(sub=subject, aud="someone-else"),
        "expired": key_set.token(sub=subject, exp=now - timedelta(minutes=2)),
        "unknown key id": jwt.encode(claims, key_set.key, algorithm="RS256",
                                     headers={"kid": "nobody"}),
    }
    for name, token in tokens.items():
        body = await external_api(VIEWER, token)
        assert error_codes(body) == ["UNAUTHENTICATED"], name
        assert body["data"] is None, name
    assert (await linked(db, subject))["identities"] == 0  # nobody was created


def hmac_signed(claims: dict[str, Any], secret: bytes) -> str:
    """An HS256 token made by hand: PyJWT refuses a PEM key as an HMAC secret, an attacker's
    own code does not."""
    def part(value: bytes) -> str:
        return base64.urlsafe_b64encode(value).rstrip(b"=").decode()

    header = part(json.dumps({"alg": "HS256", "typ": "JWT", "kid": KEY_ID}).encode())
    body = part(json.dumps(claims, default=lambda value: int(value.timestamp())).encode())
    signature = hmac.new(secret, f"{header}.{body}".encode(), hashlib.sha256).digest()
    return f"{header}.{body}.{part(signature)}"
