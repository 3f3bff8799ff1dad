"""What every domain generator shares: the random source, ids, time, skewed choices and texts.

Real networks are skewed: a few organizations and communities gather most ties, many have a
handful. `Weighted` draws from such a population in O(log n), and `zipf_weights` makes the
weights (rank r gets 1/r^s, ranks shuffled so that popularity is not tied to creation order).
"""

from __future__ import annotations

import math
import random
import unicodedata
from bisect import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import cached_property
from itertools import accumulate
from typing import Any, Generic, TypeVar

from seeds.generate.graph import Graph
from seeds.taxonomy import Taxonomy, name_uuid

T = TypeVar("T")

# The generated platform's history: from its opening to the day the data set describes, fixed so
# that a seed always gives the same graph, and recent enough that calls are still open (a
# proposal's deadline falls two to twelve months after it was posted).
OPENING = datetime(2017, 1, 1, tzinfo=UTC)
NOW = datetime(2026, 10, 31, 18, 0, tzinfo=UTC)
TODAY = NOW.date()
# Rough weights of the provinces by population and businesses.
PROVINCE_WEIGHTS = {
    "MILANO": 32, "BRESCIA": 12, "BERGAMO": 11, "MONZA_E_BRIANZA": 9, "VARESE": 9, "COMO": 6,
    "PAVIA": 5, "CREMONA": 4, "MANTOVA": 4, "LECCO": 3, "LODI": 2, "SONDRIO": 2,
}


def ascii_slug(text: str) -> str:
    """Lower-case ASCII letters and digits of `text` (accents dropped), for handles and URLs."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(char for char in folded.lower() if char.isalnum())


def _in_sentence(name: str) -> str:
    """A name as written mid-sentence: lower-case initial unless it is an acronym (IoT, CNC)."""
    return name if name[:2].isupper() or name[1:2].isupper() else name[0].lower() + name[1:]


def zipf_weights(rng: random.Random, count: int, exponent: float = 1.0) -> list[float]:
    """Weights 1/rank^exponent over `count` items, ranks in a random order."""
    ranks = list(range(1, count + 1))
    rng.shuffle(ranks)
    return [1.0 / rank**exponent for rank in ranks]


class Weighted(Generic[T]):
    """A population with weights to draw from, repeatedly and fast."""

    def __init__(self, items: Sequence[T], weights: Sequence[float]) -> None:
        if not items:
            raise ValueError("nothing to draw from")
        self.items = list(items)
        self.cumulative = list(accumulate(weights))
        self.total = self.cumulative[-1]

    def draw(self, rng: random.Random) -> T:
        """One item, with probability proportional to its weight."""
        return self.items[bisect(self.cumulative, rng.random() * self.total)]


def skewed_count(rng: random.Random, mean: float, cap: int) -> int:
    """A count with a long tail: geometric, `mean` on average (before the cap)."""
    return min(cap, int(rng.expovariate(math.log1p(1.0 / mean))))


@dataclass
class World:
    """The random source, the graph being made and look-ups shared by the domain generators."""

    taxonomy: Taxonomy
    seed: int
    scale: float
    rng: random.Random
    graph: Graph

    def id(self, kind: str, index: int) -> str:
        """The id of the `index`-th generated node of `kind`, the same for a seed and scale."""
        return name_uuid(f"oig:{self.seed}:{self.scale}:{kind}:{index}")

    def moment(self, start: datetime, end: datetime = NOW) -> datetime:
        """A time between `start` and `end`, to the second."""
        seconds = max(0, int((end - start).total_seconds()))
        return start + timedelta(seconds=self.rng.randrange(seconds + 1))

    def day(self, start: date, end: date) -> date:
        """A day between `start` and `end`."""
        return start + timedelta(days=self.rng.randrange(max(0, (end - start).days) + 1))

    def province(self) -> str:
        return self.rng.choices(list(PROVINCE_WEIGHTS), weights=list(PROVINCE_WEIGHTS.values()))[0]

    def text(self, pool: str, **slots: Any) -> str:
        """One phrase of the `pool` of texts.json with its {slots} filled."""
        text = str(self.rng.choice(self.taxonomy.texts[pool])).format(**slots)
        return text[0].upper() + text[1:]

    def sentences(self, pool: str, low: int, high: int, **slots: Any) -> str:
        """Between `low` and `high` different phrases of `pool`, as one paragraph."""
        phrases = self.rng.sample(self.taxonomy.texts[pool], k=self.rng.randint(low, high))
        return " ".join(phrase.format(**slots) for phrase in phrases)

    @cached_property
    def _topics(self) -> dict[tuple[str, str], list[str]]:
        names: dict[tuple[str, str], list[str]] = {}
        for domain in self.taxonomy.top_level:
            for language, key in (("it", "nameIt"), ("en", "name")):
                names[domain, language] = [
                    _in_sentence(str(self.taxonomy.competence(competence)[key]))
                    for competence in self.taxonomy.descendants(domain) or [domain]]
        return names

    def topic(self, domain: str, language: str = "it") -> str:
        """The name of a competence under the top-level `domain`, as written mid-sentence."""
        return self.rng.choice(self._topics[domain, language])

    def italian_slots(self, domain: str, province: str | None = None) -> dict[str, Any]:
        """The slots Italian phrases use: topics, sector, city, small numbers."""
        rng, texts = self.rng, self.taxonomy.texts
        return {
            "tema": self.topic(domain), "tema2": self.topic(domain),
            "settore": rng.choice(texts["sectorsIt"]),
            "città": rng.choice(self.taxonomy.cities(province or self.province())),
            "mesi": rng.choice((12, 18, 24, 30, 36)), "n": rng.randint(2, 9),
        }
