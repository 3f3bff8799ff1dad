"""Password hashing with argon2id (argon2-cffi's defaults, RFC 9106's low-memory profile).

Hashing and checking take tens of milliseconds of CPU and 64 MiB each by design, so they run in
a worker thread, never on the event loop. A sign-in attempt for an unknown email is checked
against a hash made once at start-up, so that it costs as long as one with a wrong password
and the two cannot be told apart by their answer or their time.
"""

from __future__ import annotations

import asyncio
import secrets
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

MIN_LENGTH = 10
MAX_LENGTH = 256

_hasher = PasswordHasher()


@cache
def _dummy_hash() -> str:
    # A hash of a password nobody knows, with the same parameters as real ones.
    return _hasher.hash(secrets.token_urlsafe(32))


async def hash_password(password: str) -> str:
    """The argon2id hash of `password`, to store as the user's `passwordHash`."""
    return await asyncio.to_thread(_hasher.hash, password)


def _matches(stored: str | None, password: str) -> bool:
    try:
        return _hasher.verify(stored or _dummy_hash(), password) and stored is not None
    except (VerificationError, InvalidHashError):
        return False


async def password_matches(stored: str | None, password: str) -> bool:
    """Whether `password` matches the stored hash; with no hash (no such account, or an account
    without a password) it spends the same time and answers False."""
    return await asyncio.to_thread(_matches, stored, password)


def needs_rehash(stored: str) -> bool:
    """Whether a hash was made with weaker parameters than today's and should be replaced."""
    try:
        return _hasher.check_needs_rehash(stored)
    except InvalidHashError:
        return True


def warm_up() -> None:
    """Make the dummy hash now rather than during the first sign-in attempt."""
    _dummy_hash()
