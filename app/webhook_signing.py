"""Signing webhook deliveries, and checking a signature as a receiver does.

A delivery carries `Webhook-Signature: t=<unix seconds>,v1=<hex>`, where the hex is the
HMAC-SHA256, keyed with the endpoint's secret, of the timestamp, a dot and the raw request
body. Signing the timestamp with the body lets a receiver refuse a delivery that someone
recorded and sends again later. `verify` is the receiver's side exactly as the README shows
it (the standard library only), so the tests check the very code integrators copy.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time

SIGNATURE_HEADER = "Webhook-Signature"
DELIVERY_HEADER = "Webhook-Id"
TOLERANCE_SECONDS = 300


def verify(secret: str, header: str, body: bytes, now: float | None = None) -> bool:
    """Whether `header` (the value of Webhook-Signature) signs `body` (the raw request
    body, before any JSON parsing) with `secret`, at most five minutes from `now`."""
    fields: dict[str, str] = {}
    for part in header.split(","):
        name, _, value = part.strip().partition("=")
        fields[name] = value
    try:
        timestamp = int(fields.get("t", ""))
    except ValueError:
        return False
    if abs((time.time() if now is None else now) - timestamp) > TOLERANCE_SECONDS:
        return False
    expected = hmac.new(secret.encode(), b"%d." % timestamp + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, fields.get("v1", ""))


def sign(secret: str, body: bytes, timestamp: int | None = None) -> str:
    """The Webhook-Signature value of `body` sent at `timestamp` (unix seconds; now by
    default)."""
    when = int(time.time()) if timestamp is None else timestamp
    digest = hmac.new(secret.encode(), b"%d." % when + body, hashlib.sha256).hexdigest()
    return f"t={when},v1={digest}"


def new_secret() -> str:
    """A fresh endpoint secret: 256 random bits, URL-safe, with a recognisable prefix."""
    return "whsec_" + secrets.token_urlsafe(32)
