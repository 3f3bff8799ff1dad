"""Garbage collection settled for a long-running API process.

CPython's cyclic collector, on each full collection, walks every object that survived earlier
ones: after start-up that is mostly the schema, the modules and the driver, which live as long
as the process. Measured on the full-scale benchmark, those walks were most of the latency
tail (p99 of 80–130 ms against medians of 15–50 ms). Moving what start-up allocated out of the
collector's reach (`gc.freeze`) brought most p99s under 50 ms; raising the collection
thresholds as well made the tail worse (fewer but longer pauses), so they keep their defaults.
"""

from __future__ import annotations

import gc


def settle_after_start_up() -> None:
    """Collect what start-up left over, then freeze the rest: long-lived objects are not walked
    by later collections."""
    gc.collect()
    gc.freeze()
