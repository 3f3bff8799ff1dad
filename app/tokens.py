"""The API's own tokens: short-lived signed access tokens and opaque, rotating refresh tokens.

An access token is a JWT signed with HS256 and the `JWT_SECRET` of the settings. It carries
`iss`, `aud`, `sub` (the user's id), `sid` (the session it belongs to), `iat`, `exp` and `jti`,
and every one of them is required and checked on every request; the algorithm list on decoding
is fixed, so a token that names another algorithm (`none`, RS256...) is refused.

A refresh token is `<session id>.<random secret>`: opaque to clients, stored only as its
SHA-256 in the session (`Session.tokenHash`). The session id in front finds the session by its
unique id, so that a rotated token presented again is recognised (and revokes the session)
rather than merely unknown.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt

from app.settings import Settings

ALGORITHM = "HS256"
REQUIRED_CLAIMS = ["iss", "aud", "sub", "sid", "iat", "exp", "jti"]
# Clocks of the replicas may differ a little.
LEEWAY_SECONDS = 10


class InvalidToken(Exception):
    """A token that is malformed, forged, expired or meant for someone else."""


@dataclass(frozen=True)
class AccessToken:
    """An issued access token and when it stops working."""

    token: str
    expires_at: datetime


@dataclass(frozen=True)
class Claims:
    """Who an access token speaks for."""

    user_id: str
    session_id: str
    expires_at: float  # seconds since the epoch


def issue_access_token(settings: Settings, user_id: str, session_id: str,
                       now: datetime | None = None) -> AccessToken:
    """A signed access token for the user's session, valid `access_token_seconds`."""
    issued = (now or datetime.now(UTC)).replace(microsecond=0)
    expires = issued + timedelta(seconds=settings.access_token_seconds)
    claims: dict[str, Any] = {
        "iss": settings.jwt_issuer, "aud": settings.jwt_audience, "sub": user_id,
        "sid": session_id, "iat": issued, "exp": expires, "jti": uuid.uuid4().hex,
    }
    return AccessToken(jwt.encode(claims, settings.signing_key, algorithm=ALGORITHM), expires)


def read_access_token(settings: Settings, token: str) -> Claims:
    """The claims of one of this API's access tokens; InvalidToken unless every check passes."""
    try:
        claims = jwt.decode(
            token, settings.signing_key, algorithms=[ALGORITHM],
            audience=settings.jwt_audience, issuer=settings.jwt_issuer, leeway=LEEWAY_SECONDS,
            options={"require": REQUIRED_CLAIMS, "strict_aud": True},
        )
    except jwt.InvalidTokenError as error:
        raise InvalidToken(type(error).__name__) from None
    user_id, session_id = claims["sub"], claims["sid"]
    if not (isinstance(user_id, str) and isinstance(session_id, str) and user_id and session_id):
        raise InvalidToken("sub and sid must be non-empty strings")
    return Claims(user_id=user_id, session_id=session_id, expires_at=float(claims["exp"]))


def unverified_issuer(token: str) -> str | None:
    """The `iss` a token claims, read without checking anything: only to choose which issuer's
    key must then check it."""
    try:
        issuer = jwt.decode(token, options={"verify_signature": False}).get("iss")
    except jwt.InvalidTokenError:
        raise InvalidToken("malformed") from None
    return issuer if isinstance(issuer, str) else None


def new_refresh_token(session_id: str) -> str:
    """A fresh refresh token for the session (to give the client once, never to store)."""
    return f"{session_id}.{secrets.token_urlsafe(32)}"


def refresh_token_session(token: str) -> str | None:
    """The session id a refresh token names, or None when it is not shaped like one."""
    session_id, dot, secret = token.partition(".")
    return session_id if dot and session_id and secret else None


def token_hash(token: str) -> str:
    """The SHA-256 of a refresh token, as stored in `Session.tokenHash`."""
    return hashlib.sha256(token.encode()).hexdigest()
