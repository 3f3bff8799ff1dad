"""Rate limiting by query cost: each identity spends points from a budget per time window.

As on GitHub, every operation costs what app/limits.py computes (at least 1 point) and each
identity has a budget of points per fixed window, starting at its first request: a signed-in
person by their user id (`user:<id>`), anyone else by client address (`client:<address>`),
with a budget of its own. An operation costing more than what remains is refused, before it
runs, with RATE_LIMITED (HTTP 429, `Retry-After` and `extensions.retryAfter`: the seconds
until the window starts again). Every GraphQL response over HTTP says where its identity
stands, in the headers of the IETF draft `RateLimit-Limit`, `RateLimit-Remaining` and
`RateLimit-Reset` (seconds until the window starts again). Over WebSocket each `subscribe`
spends from the budget of the connection's identity the same way (refused: an `error` message
RATE_LIMITED with `extensions.retryAfter`).

The budgets live in this process's memory, bounded by `MAX_KEYS` (the least recently used
forgotten first): n replicas give each identity n budgets; a shared limiter in front of them
is the remedy when that matters. Sign-in attempts are limited apart from this, by failures
(app/throttle.py).
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from starlette.responses import Response

from app.errors import RateLimited
from app.settings import Settings

MAX_KEYS = 100_000


@dataclass
class _Window:
    started_at: float
    used: int = 0


@dataclass(frozen=True)
class Standing:
    """Where an identity stands in its window."""

    limit: int
    remaining: int
    reset_seconds: int

    def headers(self) -> dict[str, str]:
        """The `RateLimit-*` headers that say so."""
        return {"RateLimit-Limit": str(self.limit),
                "RateLimit-Remaining": str(self.remaining),
                "RateLimit-Reset": str(self.reset_seconds)}


class RateLimiter:
    """Points spent per identity in fixed windows of `window` seconds."""

    def __init__(self, points: int, anonymous_points: int, window: float,
                 clock: Callable[[], float] = time.monotonic, max_keys: int = MAX_KEYS) -> None:
        self.points = points
        self.anonymous_points = anonymous_points
        self.window = window
        self.clock = clock
        self.max_keys = max_keys
        self._windows: OrderedDict[str, _Window] = OrderedDict()

    @classmethod
    def from_settings(cls, settings: Settings) -> RateLimiter:
        """A limiter with the budgets of the settings."""
        return cls(settings.rate_limit_points, settings.rate_limit_anonymous_points,
                   settings.rate_limit_window_seconds)

    def limit(self, key: str) -> int:
        """The budget of an identity per window."""
        return self.points if key.startswith("user:") else self.anonymous_points

    def standing(self, key: str) -> Standing:
        """Where `key` stands now, spending nothing."""
        return self._standing(key, self._current(key))

    def spend(self, key: str, cost: int) -> Standing:
        """Spend `cost` points of `key`'s budget; RateLimited (spending nothing) when fewer
        remain."""
        window = self._current(key)
        standing = self._standing(key, window)
        if cost > standing.remaining:
            retry_after = max(1, standing.reset_seconds)
            raise RateLimited(
                f"This operation costs {cost} points and {standing.remaining} of "
                f"{standing.limit} remain until the window starts again in {retry_after} "
                "seconds.", retry_after=retry_after)
        window.used += cost
        return self._standing(key, window)

    def forget(self) -> None:
        """Forget every window."""
        self._windows.clear()

    def _current(self, key: str) -> _Window:
        now = self.clock()
        window = self._windows.pop(key, None)
        if window is None or now - window.started_at >= self.window:
            window = _Window(started_at=now)
        self._windows[key] = window  # most recently used last
        while len(self._windows) > self.max_keys:
            self._windows.popitem(last=False)
        return window

    def _standing(self, key: str, window: _Window) -> Standing:
        limit = self.limit(key)
        reset = math.ceil(window.started_at + self.window - self.clock())
        return Standing(limit=limit, remaining=max(0, limit - window.used),
                        reset_seconds=max(0, reset))


def identity_key(viewer_id: str | None, client_address: str | None) -> str:
    """The budget a request spends: its person's, else its client address's."""
    if viewer_id is not None:
        return f"user:{viewer_id}"
    return f"client:{client_address or 'unknown'}"


@dataclass
class Budget:
    """The budget one request, or one WebSocket connection, spends: whose it is, and for an
    HTTP request the response whose headers report it (strawberry copies the headers and
    status of this sub-response into the answer). A connection has no response: its
    subscribes are charged alike, and a refusal is its `error` message."""

    limiter: RateLimiter
    key: str
    response: Response | None = None

    def report(self, standing: Standing) -> None:
        """Put the `RateLimit-*` headers on the answer (an HTTP request's)."""
        if self.response is not None:
            for name, value in standing.headers().items():
                self.response.headers[name] = value

    def spend(self, cost: int) -> Standing:
        """Spend `cost` points and report what remains; when refused, an HTTP answer becomes
        a 429 with `Retry-After` and RateLimited is raised."""
        try:
            standing = self.limiter.spend(self.key, cost)
        except RateLimited as refusal:
            self.refused(refusal)
            raise
        self.report(standing)
        return standing

    def covers(self, cost: int) -> bool:
        """Whether what remains covers `cost` points, spending nothing."""
        return cost <= self.limiter.standing(self.key).remaining

    def refused(self, refusal: RateLimited) -> None:
        """Make an HTTP answer a 429 with `Retry-After`."""
        if self.response is not None:
            self.response.status_code = 429
            self.response.headers["Retry-After"] = str(refusal.extensions["retryAfter"])
