"""Figures and the table of `benchmarks.peer_compare`, written into `benchmarks/results.md`.

The measured part of the file lies between two markers and is replaced on each run; what is
written around it (the record of changes made to the API and their effect) stays.
"""

from __future__ import annotations

import os
import platform
import re
import statistics
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

RESULTS = Path(__file__).parent / "results.md"
BEGIN, END = "<!-- peer_compare: begin -->", "<!-- peer_compare: end -->"
# A run of some questions only (`--questions`) keeps the whole table and goes here, after it.
PARTIAL_BEGIN = "<!-- peer_compare --questions: begin -->"
PARTIAL_END = "<!-- peer_compare --questions: end -->"
TARGETS = ("ours", "peer", "floor")


@dataclass
class Cell:
    """What one target answered for one question at one concurrency, over all its rounds."""

    latencies: list[float] = field(default_factory=list)
    seconds: float = 0.0
    errors: int = 0

    def add(self, latencies: list[float], seconds: float, errors: int) -> None:
        self.latencies.extend(latencies)
        self.seconds += seconds
        self.errors += errors

    @property
    def throughput(self) -> float:
        """Answers per second."""
        return len(self.latencies) / self.seconds if self.seconds else 0.0

    @property
    def median(self) -> float:
        return statistics.median(self.latencies) if self.latencies else float("nan")

    @property
    def p99(self) -> float:
        """The 99th percentile (nearest rank), in ms."""
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, max(0, round(0.99 * len(ordered)) - 1))]


@dataclass(frozen=True)
class Row:
    """One question at one concurrency: a cell per target."""

    question: str
    concurrency: int
    cells: dict[str, Cell]

    @property
    def throughput_ratio(self) -> float:
        """Ours over the peer's answers per second (the bar: at least 1)."""
        return self.cells["ours"].throughput / self.cells["peer"].throughput

    @property
    def p99_ratio(self) -> float:
        """Our p99 over the peer's (the bar: at most 1)."""
        return self.cells["ours"].p99 / self.cells["peer"].p99

    @property
    def floor_ratio(self) -> float:
        """Our median over the floor's (the bar at concurrency 1: at most 2)."""
        return self.cells["ours"].median / self.cells["floor"].median

    def short_of_bar(self) -> list[str]:
        """The bars of the issue this row misses."""
        missed = []
        if self.concurrency > 1 and self.throughput_ratio < 1:
            missed.append("throughput below the peer's")
        if self.concurrency > 1 and self.p99_ratio > 1:
            missed.append("p99 above the peer's")
        if self.concurrency == 1 and self.floor_ratio > 2:
            missed.append("median over 2× the floor's")
        return missed


def _run(command: list[str]) -> str:
    try:
        return subprocess.run(command, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def machine(neo4j_version: str, workers: int) -> str:
    """The machine and the software measured, for the report."""
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        found = re.search(r"model name\s*:\s*(.+)", cpuinfo.read_text())
        cpu = found.group(1).strip() if found else cpu
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (f"{os.cpu_count()} CPUs ({cpu}), {memory:.0f} GiB RAM, {platform.system()} "
            f"{platform.release()}; Python {platform.python_version()}, Node.js "
            f"{_run(['node', '--version'])}, Neo4j {neo4j_version}; {workers} worker processes "
            f"for each API")


def _ratio(value: float, good: bool) -> str:
    return f"{value:.2f}" + ("" if good else " ✗")


def table(rows: list[Row]) -> str:
    """The results as a Markdown table: per question and concurrency, each target's answers per
    second, median and p99 latency (ms), and the ratios the bars are about (✗: a bar missed)."""
    lines = ["| question | c | ours req/s | ours median | ours p99 | peer req/s | peer median "
             "| peer p99 | floor req/s | floor median | floor p99 | ours/peer req/s "
             "| ours/peer p99 | ours/floor median |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for row in rows:
        figures = []
        for target in TARGETS:
            cell = row.cells[target]
            errors = f" ({cell.errors} errors)" if cell.errors else ""
            figures += [f"{cell.throughput:.0f}{errors}", f"{cell.median:.1f}", f"{cell.p99:.1f}"]
        contended = row.concurrency > 1
        lines.append(
            f"| {row.question} | {row.concurrency} | " + " | ".join(figures) + " | "
            + _ratio(row.throughput_ratio, not contended or row.throughput_ratio >= 1) + " | "
            + _ratio(row.p99_ratio, not contended or row.p99_ratio <= 1) + " | "
            + _ratio(row.floor_ratio, contended or row.floor_ratio <= 2) + " |")
    return "\n".join(lines)


def write(section: str, partial: bool = False) -> None:
    """Put `section` between the markers of `benchmarks/results.md` (made when missing): the
    whole table's, or, for a run of some questions only (`partial`), the partial run's, placed
    after the whole table, which it leaves as it is."""
    begin, end = (PARTIAL_BEGIN, PARTIAL_END) if partial else (BEGIN, END)
    block = f"{begin}\n{section.strip()}\n{end}"
    text = RESULTS.read_text() if RESULTS.exists() else ""
    if begin in text:
        before, rest = text.split(begin, 1)
        after = rest.split(end, 1)[1] if end in rest else ""
        RESULTS.write_text(before + block + after)
    elif partial and END in text:
        before, after = text.split(END, 1)
        RESULTS.write_text(before + END + "\n\n" + block + after)
    else:
        RESULTS.write_text("# Side by side with the Neo4j GraphQL Library\n\n" + block
                           + "\n\n## Changes made to the API, and their measured effect\n\n"
                           + "None yet.\n")
