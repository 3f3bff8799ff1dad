"""Garbage collection settled for a long-running API process.

CPython's cyclic collector, on each full collection, walks every object that survived earlier
ones: after start-up that is mostly the schema, the modules and the driver, which live as long
as the process. Measured on the full-scale benchmark, those walks were most of the latency
tail (p99 of 80–130 ms against medians of 15–50 ms). Moving what start-up allocated out of the
collector's reach (`gc.freeze`) brought most p99s under 50 ms; raising the collection
thresholds as well made the tail worse (fewer but longer pauses), so they keep their defaults.
"""

from __future__ import annotations

import asyncio
import gc


def settle_after_start_up() -> None:
    """Collect what start-up left over, then freeze the rest: long-lived objects are not walked
    by later collections."""
    gc.collect()
    gc.freeze()


class LongLivedObjects:
    """Keeps the state of open WebSocket connections out of the collector's full walks.

    A thousand subscriptions hold a few hundred thousand objects for as long as they last;
    each event's fan-out promotes enough short-lived ones that full collections come every few
    events, and each walked all of them: pauses of 100–280 ms, measured, every second or two.
    So, once connections stop arriving for SETTLE_SECONDS, what they built is collected and
    frozen like start-up's. Frozen objects are never collected, so once a quarter of the
    connections counted at the last freeze have closed (or as many subscriptions have ended),
    the next settling thaws everything first: what they held is freed then, at the cost of one
    full collection.
    """

    SETTLE_SECONDS = 1.0

    def __init__(self) -> None:
        self.open = 0
        self.closed_since_freeze = 0
        self.open_at_freeze = 0
        self._settling: asyncio.TimerHandle | None = None

    def opened(self) -> None:
        """A connection was set up: settle once arrivals pause."""
        self.open += 1
        self._settle_later()

    def grew(self) -> None:
        """An open connection took on more lasting state (a subscription): settle later."""
        self._settle_later()

    def closed(self) -> None:
        """A connection ended: thaw and settle again once enough have."""
        self.open -= 1
        self.ended()

    def ended(self) -> None:
        """Some lasting state ended (a connection, or a subscription on an open one): thaw
        and settle again once a quarter as many have ended as were open at the last freeze."""
        self.closed_since_freeze += 1
        if self.closed_since_freeze * 4 > self.open_at_freeze:
            self._settle_later()

    def _settle_later(self) -> None:
        if self._settling is not None:
            self._settling.cancel()
        self._settling = asyncio.get_running_loop().call_later(self.SETTLE_SECONDS,
                                                               self._settle)

    def _settle(self) -> None:
        self._settling = None
        if self.closed_since_freeze * 4 > self.open_at_freeze:
            gc.unfreeze()
        gc.collect()
        gc.freeze()
        self.closed_since_freeze = 0
        self.open_at_freeze = self.open


long_lived = LongLivedObjects()
