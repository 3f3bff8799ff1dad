"""Slowing down password guessing: failed sign-ins counted per account and per client address.

After `limit` failures of one key, each less than `window` seconds after the previous one,
attempts for that key are refused for a delay that starts at `first_delay` and doubles with
each further failure, up to `max_delay`; a window without failures starts the count again. A
success clears the account's count (not the address's, so that signing in to one's own account
does not reset a guesser's budget). An attempt is counted as failed before its password is
checked and refunded if it succeeds, so that many attempts sent at once cannot all slip in
before the first failure is counted. The counts live in this process's memory, bounded by
`MAX_KEYS` (the least recently touched are forgotten first): a deployment with several replicas
keeps one set of counts per replica, so a guesser spread over n replicas gets n times the
attempts; put a shared limiter in front of them if that matters.
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from app.settings import Settings

MAX_KEYS = 100_000


@dataclass
class _Failures:
    count: int
    last_at: float
    blocked_until: float = 0.0


@dataclass(frozen=True)
class Limits:
    """How many failures a key may have before it waits, and the delays that follow."""

    limit: int
    window: float
    first_delay: float
    max_delay: float


class LoginThrottle:
    """Failure counts of sign-in keys (`account:<email>`, `client:<address>`)."""

    def __init__(self, account: Limits, client: Limits,
                 clock: Callable[[], float] = time.monotonic, max_keys: int = MAX_KEYS) -> None:
        self.limits = {"account": account, "client": client}
        self.clock = clock
        self.max_keys = max_keys
        self._failures: OrderedDict[str, _Failures] = OrderedDict()

    @classmethod
    def from_settings(cls, settings: Settings) -> LoginThrottle:
        """A throttle with the limits of the settings."""
        def limits(failures: int) -> Limits:
            return Limits(failures, settings.login_failure_window_seconds,
                          settings.login_first_delay_seconds, settings.login_max_delay_seconds)
        return cls(limits(settings.login_account_failures), limits(settings.login_client_failures))

    def retry_after(self, keys: list[str]) -> int:
        """Seconds until an attempt for all `keys` is allowed again; 0 when it is now."""
        now = self.clock()
        waits = [failures.blocked_until - now for key in keys
                 if (failures := self._failures.get(key)) is not None]
        return max(0, math.ceil(max(waits, default=0.0)))

    def failed(self, keys: list[str]) -> None:
        """Count a failed attempt against each key."""
        now = self.clock()
        for key in keys:
            limits = self.limits[key.partition(":")[0]]
            failures = self._failures.pop(key, None)
            if failures is None or (now - failures.last_at > limits.window
                                    and now >= failures.blocked_until):
                failures = _Failures(count=0, last_at=now)  # a quiet window: start again
            failures.count += 1
            failures.last_at = now
            if failures.count >= limits.limit:
                doublings = failures.count - limits.limit
                delay = min(limits.max_delay, limits.first_delay * 2 ** min(doublings, 32))
                failures.blocked_until = now + delay
            self._failures[key] = failures  # most recently touched last
        while len(self._failures) > self.max_keys:
            self._failures.popitem(last=False)

    def refund(self, key: str) -> None:
        """Take back one failure counted ahead of an attempt that succeeded."""
        failures = self._failures.get(key)
        if failures is not None:
            failures.count -= 1
            if failures.count < self.limits[key.partition(":")[0]].limit:
                failures.blocked_until = 0.0

    def succeeded(self, key: str) -> None:
        """Forget the failures of `key` (the account that just signed in)."""
        self._failures.pop(key, None)

    def forget(self) -> None:
        """Forget every count."""
        self._failures.clear()


def account_key(email_key: str) -> str:
    """The throttle key of an account, by its lower-cased email."""
    return f"account:{email_key}"


def client_key(address: str | None) -> str:
    """The throttle key of a client address (`unknown` when the server cannot tell)."""
    return f"client:{address or 'unknown'}"
