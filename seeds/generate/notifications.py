"""Notifications, derived from what happened in the generated graph: interests received and
decided, comments on one's content, invitations and decided memberships, news and proposals in
one's domain, updates of the projects one works on. Older ones are mostly read."""

from __future__ import annotations

from datetime import datetime, timedelta

from seeds.generate.actors import Actors
from seeds.generate.base import NOW, World, skewed_count
from seeds.generate.comments import Posted
from seeds.generate.communities import Communities
from seeds.generate.news import Published
from seeds.generate.projects import Project
from seeds.generate.proposals import PUBLIC, Opportunities

COMMENT_NOTICE_SHARE = 0.6


class _Notices:
    """Adds notifications, each row with the person it is for and its subject, by the label
    of the subject (one statement per label, so that every lookup is by a constrained id)."""

    def __init__(self, world: World, actors: Actors) -> None:
        self.world = world
        self.actors = actors
        self.count = 0

    def add(self, kind: str, person: int, label: str, subject_id: str, at: datetime) -> None:
        world, rng, graph = self.world, self.world.rng, self.world.graph
        created = min(NOW, max(at, self.actors.people[person].created))
        read_share = 0.8 if created < NOW - timedelta(days=14) else 0.35
        read = (min(NOW, created + timedelta(minutes=rng.randint(5, 7 * 24 * 60)))
                if rng.random() < read_share else None)
        self.count += 1
        getattr(graph, f"notification_{label}").append({
            "id": world.id("notification", self.count), "kind": kind,
            "createdAt": created, "readAt": read, "user": self.actors.people[person].id,
            "subject": subject_id,
        })


def make_notifications(world: World, actors: Actors, communities: Communities,
                       news: list[Published], opportunities: Opportunities,
                       comments: list[Posted], projects: list[Project]) -> None:
    """Notifications for the people concerned by each event."""
    rng = world.rng
    notices = _Notices(world, actors)
    for interest in opportunities.interests:
        if interest.proposer is not None:
            notices.add("INTEREST_RECEIVED", interest.proposer, "interests", interest.id,
                        interest.created)
        if interest.status in ("RELEVANT", "REJECTED"):
            notices.add("INTEREST_DECIDED", interest.author, "interests", interest.id,
                        interest.created + timedelta(days=rng.randint(1, 20)))
    for comment in comments:
        recipient = comment.subject_author
        if (recipient is not None and recipient != comment.author
                and rng.random() < COMMENT_NOTICE_SHARE):
            notices.add("COMMENT_ADDED", recipient, "comments", comment.id, comment.created)
    for person, index, status in communities.memberships:
        community = communities.communities[index]
        at = world.moment(community.created)
        if status == "INVITED":
            notices.add("COMMUNITY_INVITATION", person, "communities", community.id, at)
        elif status == "REJECTED" or (status == "ACTIVE" and community.access == "RESERVED"):
            notices.add("MEMBERSHIP_DECIDED", person, "communities", community.id, at)
    for item in news:
        for _ in range(skewed_count(rng, 2.0, 20)):
            notices.add("NEWS_PUBLISHED", actors.person_in(rng, item.domain), "news", item.id,
                        item.published + timedelta(minutes=rng.randint(1, 600)))
    for proposal in opportunities.proposals:
        if proposal.status in PUBLIC:
            mean = 1.0 if proposal.proposer is not None else 0.4
            for _ in range(skewed_count(rng, mean, 20)):
                notices.add("PROPOSAL_PUBLISHED", actors.person_in(rng, proposal.domain),
                            "proposals", proposal.id, proposal.created + timedelta(hours=2))
    for project in projects:
        if project.status in ("ACTIVE", "COMPLETED"):
            for person in project.people:
                notices.add("PROJECT_UPDATED", person, "projects", project.id,
                            world.moment(actors.people[person].created))
