"""Bearer tokens of an external OpenID Connect issuer (the regional SPID/CIE gateway).

When `OIDC_ISSUER`, `OIDC_JWKS_URL` and `OIDC_AUDIENCE` are set, an ID or access token that
issuer signed with one of the keys it publishes (RS256 or ES256, chosen by the key id in the
token's header) signs its holder in. The key set is fetched once and kept for five minutes; a
key id not in it makes one new fetch (PyJWKClient), at most once per cool-down, so forged key
ids cannot make the API hammer the issuer.
"""

from __future__ import annotations

import asyncio
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

import jwt

from app.errors import Unavailable
from app.settings import Settings
from app.tokens import LEEWAY_SECONDS, InvalidToken

ALGORITHMS = ["RS256", "ES256"]
KEY_SET_SECONDS = 300
FETCH_TIMEOUT_SECONDS = 5.0


@dataclass(frozen=True)
class ExternalIdentity:
    """Who an external token says its holder is."""

    issuer: str
    subject: str
    email: str | None
    email_verified: bool
    name: str


class ExternalIssuer:
    """Checks the tokens of the configured issuer against its published keys."""

    def __init__(self, issuer: str, jwks_url: str, audience: str) -> None:
        self.issuer = issuer
        self.audience = audience
        self.keys = jwt.PyJWKClient(jwks_url, cache_jwk_set=True, lifespan=KEY_SET_SECONDS,
                                    timeout=FETCH_TIMEOUT_SECONDS)

    @classmethod
    def from_settings(cls, settings: Settings) -> ExternalIssuer | None:
        """The issuer of the settings, or None when external tokens are not accepted."""
        if not (settings.oidc_issuer and settings.oidc_jwks_url and settings.oidc_audience):
            return None
        return cls(settings.oidc_issuer, settings.oidc_jwks_url, settings.oidc_audience)

    async def identity(self, token: str) -> ExternalIdentity:
        """The identity in a token of this issuer; InvalidToken unless every check passes,
        Unavailable when the issuer's keys cannot be fetched."""
        claims = await asyncio.to_thread(self._claims, token)
        subject = claims["sub"]
        if not isinstance(subject, str) or not subject:
            raise InvalidToken("sub must be a non-empty string")
        email = claims.get("email")
        email = email.strip() if isinstance(email, str) and "@" in email else None
        return ExternalIdentity(
            issuer=self.issuer, subject=subject, email=email,
            email_verified=email is not None and claims.get("email_verified") is True,
            name=_display_name(claims, email))

    def _claims(self, token: str) -> dict[str, Any]:
        try:
            key = self.keys.get_signing_key_from_jwt(token)
        except jwt.PyJWKClientConnectionError:
            raise Unavailable("The identity provider's keys cannot be read; try again "
                              "shortly.") from None
        except jwt.PyJWKClientError:
            raise InvalidToken("unknown key") from None
        except jwt.InvalidTokenError as error:
            raise InvalidToken(type(error).__name__) from None
        try:
            claims: dict[str, Any] = jwt.decode(
                token, key, algorithms=ALGORITHMS, audience=self.audience, issuer=self.issuer,
                leeway=LEEWAY_SECONDS, options={"require": ["iss", "aud", "sub", "exp", "iat"]})
        except jwt.InvalidTokenError as error:
            raise InvalidToken(type(error).__name__) from None
        return claims


def _display_name(claims: dict[str, Any], email: str | None) -> str:
    parts = [claims.get("given_name"), claims.get("family_name")]
    candidates = [claims.get("name"), " ".join(p for p in parts if isinstance(p, str)),
                  claims.get("preferred_username"), email.partition("@")[0] if email else None]
    for candidate in candidates:
        if isinstance(candidate, str) and candidate.strip():
            return candidate.strip()[:100]
    return "Utente"


_NOT_HANDLE = re.compile(r"[^a-z0-9]+")


def handle_base(name: str) -> str:
    """A handle made from a person's name: lower-case ASCII words joined by dots
    (`Niccolò Dell'Acqua` → `niccolo.dell.acqua`), at least three characters."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    words = [word for word in _NOT_HANDLE.split(plain) if word]
    base = ".".join(words)[:30].strip(".")
    return base if len(base) >= 3 else f"user{base}"
