"""Comment threads on discussions, news and proposals.

A thread's comments come in time order; about two in five answer an earlier comment of the
same thread, so a reply is always `ON` the subject of the comment it answers, and later than it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from seeds.generate.actors import Actors
from seeds.generate.base import NOW, World

SUBJECT_ROWS = {"Discussion": "discussion_comments", "News": "news_comments",
                "Proposal": "proposal_comments"}
REPLY_SHARE = 0.4
# Most of a thread's comments come within a few months of the subject.
THREAD_SPAN = timedelta(days=150)


@dataclass(slots=True)
class Posted:
    """A comment someone may be notified of: its id, author, the subject's author, time."""

    id: str
    author: int
    subject_author: int | None
    created: datetime


class Threads:
    """Adds comment threads to the graph and remembers the comments for notifications."""

    def __init__(self, world: World, actors: Actors) -> None:
        self.world = world
        self.actors = actors
        self.posted: list[Posted] = []

    def add(self, label: str, subject_id: str, subject_author: int | None, opened: datetime,
            size: int, domain: str, voices: Sequence[int] = ()) -> datetime:
        """Add `size` comments on a subject opened at `opened`, mostly by `voices` when given.

        Returns the time of the latest comment, or `opened` when there is none.
        """
        world, rng, people = self.world, self.world.rng, self.actors.people
        rows = getattr(world.graph, SUBJECT_ROWS[label])
        latest = opened
        end = min(NOW, opened + THREAD_SPAN)
        times = sorted(world.moment(opened, end) for _ in range(size))
        earlier: list[str] = []
        for created in times:
            if voices and rng.random() < 0.8:
                author = rng.choice(voices)
            else:
                author = self.actors.person_in(rng, domain)
            comment_id = world.id("comment", len(self.posted))
            rows.append({
                "id": comment_id, "createdAt": created, "subject": subject_id,
                "author": people[author].id,
                "body": world.sentences("commentsIt", 1, 2, **world.italian_slots(domain)),
            })
            if earlier and rng.random() < REPLY_SHARE:
                world.graph.comment_replies.append(
                    {"comment": comment_id, "parent": rng.choice(earlier)})
            earlier.append(comment_id)
            self.posted.append(Posted(comment_id, author, subject_author, created))
            latest = created
        return latest
