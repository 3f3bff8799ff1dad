"""A progress bar on stderr for long loads: label, bar, percentage, done/total, elapsed time.

    python -m seeds --scale 1
    community_members  [##########--------------]  41%  327,512/791,782  22.3 s
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

WIDTH = 30
# Redraw at most this often, so that drawing never costs more than the work it shows.
INTERVAL = 0.1


class ProgressBar:
    """Draws one line, redrawn in place (`\\r`); call it as a `seeds.load.Progress`."""

    def __init__(self, stream: TextIO = sys.stderr) -> None:
        self.stream = stream
        self.started = time.perf_counter()
        self.drawn = 0.0

    def __call__(self, label: str, done: int, total: int) -> None:
        now = time.perf_counter()
        finished = done >= total
        if not finished and now - self.drawn < INTERVAL:
            return
        self.drawn = now
        share = done / total if total else 1.0
        filled = int(WIDTH * share)
        bar = "#" * filled + "-" * (WIDTH - filled)
        line = (f"\r{label:<26} [{bar}] {share:>4.0%}  {done:,}/{total:,}  "
                f"{now - self.started:.1f} s")
        self.stream.write(line + ("\n" if finished else "\x1b[K"))
        self.stream.flush()
