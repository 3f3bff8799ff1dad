"""Documents attached to projects, communities, proposals and discussions.

Most documents have one version; about one in ten was replaced a few times, each version
pointing to the one it replaced, and only the current (latest) version is attached.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, time, timedelta

from seeds.generate.actors import Actors
from seeds.generate.base import NOW, World, ascii_slug, skewed_count
from seeds.generate.communities import Communities
from seeds.generate.projects import Project
from seeds.generate.proposals import Opportunities

FORMATS = (  # extension, media type, typical size range in bytes, share
    ("pdf", "application/pdf", (40_000, 8_000_000), 45),
    ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
     (15_000, 2_000_000), 20),
    ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
     (10_000, 3_000_000), 12),
    ("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation",
     (200_000, 20_000_000), 10),
    ("png", "image/png", (50_000, 6_000_000), 8),
    ("csv", "text/csv", (1_000, 50_000_000), 5),
)
VERSIONED_SHARE = 0.1
SUBJECT_ROWS = {"Project": "project_documents", "Community": "community_documents",
                "Proposal": "proposal_documents", "Discussion": "discussion_documents"}


def make_documents(world: World, actors: Actors, communities: Communities,
                   opportunities: Opportunities, projects: list[Project]) -> None:
    """Documents (every version) and their attachments, subject by subject."""
    rng, people = world.rng, actors.people
    for project in projects:
        uploaders = [people[person].id for person in project.people] or [
            people[actors.person_in(rng, project.domain)].id]
        opened = datetime.combine(project.start, time(9, 0), UTC)
        for _ in range(skewed_count(rng, 3.0, 30)):
            _document(world, "Project", project.id, opened, uploaders)
    for community in communities.communities:
        uploaders = [people[person].id for person in community.active]
        for _ in range(skewed_count(rng, 1.2, 20)):
            _document(world, "Community", community.id, community.created, uploaders)
    for proposal in opportunities.proposals:
        if proposal.proposer is not None and rng.random() < 0.15:
            for _ in range(rng.randint(1, 2)):
                _document(world, "Proposal", proposal.id, proposal.created,
                          [people[proposal.proposer].id])
    for discussion in world.graph.discussions:
        if rng.random() < 0.1:
            _document(world, "Discussion", discussion["id"], discussion["createdAt"],
                      [discussion["author"]])


def _document(world: World, label: str, subject_id: str, opened: datetime,
              uploaders: Sequence[str]) -> None:
    """One document with its versions; the current one is attached to the subject."""
    rng, graph = world.rng, world.graph
    extension, media_type, (smallest, largest), _ = rng.choices(
        FORMATS, weights=[entry[3] for entry in FORMATS])[0]
    title = world.text("documentTitlesIt")
    stem = "-".join(ascii_slug(word) for word in title.split())
    versions = rng.randint(2, 4) if rng.random() < VERSIONED_SHARE else 1
    created = world.moment(min(opened, NOW))
    previous = None
    for version in range(1, versions + 1):
        document_id = world.id("document", len(graph.documents))
        graph.documents.append({
            "id": document_id, "title": title, "version": version, "createdAt": created,
            "fileName": f"{stem}-v{version}.{extension}" if versions > 1 else f"{stem}.{extension}",
            "mimeType": media_type, "size": rng.randint(smallest, largest),
            "sha256": f"{rng.getrandbits(256):064x}", "uploader": rng.choice(uploaders),
        })
        if previous:
            graph.document_versions.append({"document": document_id, "previous": previous})
        previous = document_id
        created = min(NOW, created + timedelta(days=rng.randint(1, 90)))
    getattr(graph, SUBJECT_ROWS[label]).append({"document": previous, "subject": subject_id})
