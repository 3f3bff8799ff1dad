"""A progress bar on stderr for long loads: label, bar, percentage, done/total, elapsed time.

    python -m seeds --scale 1
    community_members          [##########--------------------]  34%  249,305/727,536  21.4 s

On a terminal the line is redrawn in place; in a log (not a terminal) a line is written every
few seconds instead, so that the log stays readable.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

WIDTH = 30
# Redraw at most this often (seconds), so that drawing never costs more than the work it shows.
TERMINAL_INTERVAL = 0.1
LOG_INTERVAL = 5.0


class ProgressBar:
    """Draws the progress of a load; call it as a `seeds.load.Progress`."""

    def __init__(self, stream: TextIO = sys.stderr) -> None:
        self.stream = stream
        self.terminal = stream.isatty()
        self.started = time.perf_counter()
        self.drawn = 0.0

    def __call__(self, label: str, done: int, total: int) -> None:
        now = time.perf_counter()
        finished = done >= total
        interval = TERMINAL_INTERVAL if self.terminal else LOG_INTERVAL
        if not finished and now - self.drawn < interval:
            return
        self.drawn = now
        share = done / total if total else 1.0
        filled = int(WIDTH * share)
        line = (f"{label:<26} [{'#' * filled}{'-' * (WIDTH - filled)}] {share:>4.0%}  "
                f"{done:,}/{total:,}  {now - self.started:.1f} s")
        if self.terminal:
            self.stream.write("\r" + line + ("\n" if finished else "\x1b[K"))
        else:
            self.stream.write(line + "\n")
        self.stream.flush()
