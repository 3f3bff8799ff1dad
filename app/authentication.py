"""Who sends a request: the bearer token of its `Authorization` header, checked.

Credentials arrive only as `Authorization: Bearer <token>` (never in cookies, so no request can
be forged by another site). No header: the request is anonymous. A header whose token is not
valid (malformed, forged, expired, for another audience or issuer, or of a revoked session)
refuses the whole request with UNAUTHENTICATED instead of treating it as anonymous: a client
whose sign-in lapsed must learn it, not see less without knowing why.

A token is either one of this API's access tokens (app/tokens.py) or, when configured, one of
an external OpenID Connect issuer (app/oidc.py), told apart by the issuer it names.

The session of an access token must still be open: that is one small read by the session's id
(`accounts/active_session`), remembered for `SESSION_CHECK_SECONDS` per session. A revocation
(signing out, a password change, a reused refresh token) made by this process forgets the
session at once, so its tokens stop working on the next request; another replica notices
within `SESSION_CHECK_SECONDS` (0 reads the session on every request).
"""

from __future__ import annotations

import secrets
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from neo4j.exceptions import ConstraintError

from app import cypher
from app.db import Database
from app.errors import Unauthenticated
from app.oidc import ExternalIdentity, ExternalIssuer, handle_base
from app.settings import Settings
from app.throttle import LoginThrottle
from app.tokens import InvalidToken, read_access_token, unverified_issuer

REFUSED = "The access token is not valid; sign in again."
# How long the person behind an external identity is remembered (it never changes once linked).
IDENTITY_SECONDS = 300.0
CACHED_ENTRIES = 10_000

K = TypeVar("K")
V = TypeVar("V")


class ExpiringCache(Generic[K, V]):
    """A bounded map whose entries are forgotten `seconds` after they were stored."""

    def __init__(self, seconds: float, max_entries: int = CACHED_ENTRIES) -> None:
        self.seconds = seconds
        self.max_entries = max_entries
        self._entries: OrderedDict[K, tuple[float, V]] = OrderedDict()

    def get(self, key: K) -> V | None:
        found = self._entries.get(key)
        if found is None or found[0] <= time.monotonic():
            return None
        return found[1]

    def put(self, key: K, value: V) -> None:
        if self.seconds <= 0:
            return
        self._entries.pop(key, None)
        self._entries[key] = (time.monotonic() + self.seconds, value)
        while len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)

    def forget(self, key: K) -> None:
        self._entries.pop(key, None)

    def forget_where(self, value: V) -> None:
        """Forget every entry holding `value`."""
        for key in [key for key, (_, held) in self._entries.items() if held == value]:
            del self._entries[key]


@dataclass(frozen=True)
class Identity:
    """The person a request speaks for, the session of their access token (None for an
    external token, which has no session here), and when that token expires (seconds since
    the epoch; None when not known here)."""

    user_id: str
    session_id: str | None
    expires_at: float | None = None


class Accounts:
    """What one application keeps about signing in: the login throttle, the sessions checked
    recently, the external issuer and the people of its identities."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.throttle = LoginThrottle.from_settings(settings)
        self.external = ExternalIssuer.from_settings(settings)
        self.open_sessions: ExpiringCache[str, str] = ExpiringCache(
            settings.session_check_seconds)
        self.identities: ExpiringCache[tuple[str, str], str] = ExpiringCache(IDENTITY_SECONDS)
        # Told of every revocation this process makes: (session id or None, user id or None).
        self.revocation_listeners: list[Callable[[str | None, str | None], None]] = []

    async def authenticate(self, db: Database, authorization: str | None) -> Identity | None:
        """The identity of a request's `Authorization` header; None without one.

        Raises Unauthenticated for a header or token that is not valid, Unavailable when the
        external issuer's keys cannot be read.
        """
        if authorization is None:
            return None
        scheme, _, token = authorization.strip().partition(" ")
        token = token.strip()
        if scheme.lower() != "bearer" or not token:
            raise Unauthenticated("Send credentials as `Authorization: Bearer <token>`.")
        try:
            issuer = unverified_issuer(token)
            if issuer == self.settings.jwt_issuer:
                return await self._own(db, token)
            if self.external is not None and issuer == self.external.issuer:
                return await self._external(db, await self.external.identity(token))
        except InvalidToken:
            pass
        raise Unauthenticated(REFUSED)

    async def _own(self, db: Database, token: str) -> Identity:
        claims = read_access_token(self.settings, token)
        if self.open_sessions.get(claims.session_id) != claims.user_id:
            records = await db.read(cypher.load("queries/accounts/active_session").text,
                                    {"sessionId": claims.session_id, "userId": claims.user_id})
            if not records:
                raise InvalidToken("session closed")
            self.open_sessions.put(claims.session_id, claims.user_id)
        return Identity(claims.user_id, claims.session_id, claims.expires_at)

    async def _external(self, db: Database, identity: ExternalIdentity) -> Identity:
        key = (identity.issuer, identity.subject)
        user_id = self.identities.get(key)
        if user_id is None:
            records = await db.read(cypher.load("queries/accounts/external_identity_user").text,
                                    {"issuer": identity.issuer, "subject": identity.subject})
            user_id = records[0]["userId"] if records else await _link(db, identity)
            self.identities.put(key, user_id)
        return Identity(user_id, None)

    def session_closed(self, session_id: str) -> None:
        """Forget a session this process revoked, so its tokens fail from the next request."""
        self.open_sessions.forget(session_id)
        for listener in self.revocation_listeners:
            listener(session_id, None)

    def sessions_closed(self, user_id: str) -> None:
        """Forget every session of a person (after their password changed)."""
        self.open_sessions.forget_where(user_id)
        for listener in self.revocation_listeners:
            listener(None, user_id)


async def _link(db: Database, identity: ExternalIdentity) -> str:
    """The person of an external identity seen for the first time, linked or created."""
    base = handle_base(identity.name)
    verified = identity.email if identity.email_verified else None
    for _ in range(3):  # another first sign-in may take the chosen handle meanwhile
        handles = [base, *(f"{base}{n}" for n in range(2, 10)),
                   f"{base}.{secrets.token_hex(3)}"]
        try:
            [record] = await db.write(
                cypher.load("queries/accounts/link_external_identity").text,
                {"issuer": identity.issuer, "subject": identity.subject,
                 "email": identity.email, "verifiedEmail": verified,
                 "verifiedEmailKey": verified.lower() if verified else None,
                 "newId": new_user_id(), "displayName": identity.name, "handles": handles})
        except ConstraintError:
            continue
        user_id: str = record["userId"]
        return user_id
    raise Unauthenticated("This identity cannot be linked to an account now; try again.")


def new_user_id() -> str:
    """A fresh id for a person's node."""
    return str(uuid.uuid4())
