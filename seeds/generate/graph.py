"""The generated graph: one list of parameter rows per seed statement.

Each field is named after the statement of `cypher/seeds/` that writes its rows, and the fields
are in load order: nodes before the relationships that need them. A statement that writes nodes
also writes the relationships each of them has exactly one of (a discussion's community and
author, an activity's project), so the loader makes fewer passes.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

Rows = list[dict[str, Any]]


@dataclass
class Graph:
    """The generated nodes and relationships, as parameter rows for the seed statements."""

    # actors
    organizations: Rows = field(default_factory=list)
    users: Rows = field(default_factory=list)
    memberships: Rows = field(default_factory=list)
    user_area_interests: Rows = field(default_factory=list)
    user_competence_interests: Rows = field(default_factory=list)
    user_skills: Rows = field(default_factory=list)
    organization_competences: Rows = field(default_factory=list)
    organization_areas: Rows = field(default_factory=list)
    # communities and content
    communities: Rows = field(default_factory=list)
    community_areas: Rows = field(default_factory=list)
    community_parents: Rows = field(default_factory=list)
    community_members: Rows = field(default_factory=list)
    discussions: Rows = field(default_factory=list)
    news: Rows = field(default_factory=list)
    news_areas: Rows = field(default_factory=list)
    news_organizations: Rows = field(default_factory=list)
    # opportunities
    proposals: Rows = field(default_factory=list)
    proposal_users: Rows = field(default_factory=list)
    proposal_organizations: Rows = field(default_factory=list)
    proposal_competences: Rows = field(default_factory=list)
    proposal_areas: Rows = field(default_factory=list)
    proposal_keywords: Rows = field(default_factory=list)
    interests: Rows = field(default_factory=list)
    interest_organizations: Rows = field(default_factory=list)
    # comments, by the label of their subject; replies after every comment exists
    discussion_comments: Rows = field(default_factory=list)
    news_comments: Rows = field(default_factory=list)
    proposal_comments: Rows = field(default_factory=list)
    comment_replies: Rows = field(default_factory=list)
    # projects
    projects: Rows = field(default_factory=list)
    project_areas: Rows = field(default_factory=list)
    project_proposals: Rows = field(default_factory=list)
    partners: Rows = field(default_factory=list)
    project_people: Rows = field(default_factory=list)
    activities: Rows = field(default_factory=list)
    activity_dependencies: Rows = field(default_factory=list)
    activity_users: Rows = field(default_factory=list)
    activity_organizations: Rows = field(default_factory=list)
    milestones: Rows = field(default_factory=list)
    budget_lines: Rows = field(default_factory=list)
    results: Rows = field(default_factory=list)
    # documents: every version, then the chains, then where current versions are attached
    documents: Rows = field(default_factory=list)
    document_versions: Rows = field(default_factory=list)
    project_documents: Rows = field(default_factory=list)
    community_documents: Rows = field(default_factory=list)
    proposal_documents: Rows = field(default_factory=list)
    discussion_documents: Rows = field(default_factory=list)
    # follows, by the label of what is followed
    user_follows: Rows = field(default_factory=list)
    organization_follows: Rows = field(default_factory=list)
    community_follows: Rows = field(default_factory=list)
    proposal_follows: Rows = field(default_factory=list)
    project_follows: Rows = field(default_factory=list)
    # notifications with the person each is for, by the label of what each is about
    notification_proposals: Rows = field(default_factory=list)
    notification_interests: Rows = field(default_factory=list)
    notification_comments: Rows = field(default_factory=list)
    notification_communities: Rows = field(default_factory=list)
    notification_news: Rows = field(default_factory=list)
    notification_projects: Rows = field(default_factory=list)

    def statements(self) -> list[tuple[str, Rows]]:
        """(statement name, rows) in load order."""
        return [(item.name, getattr(self, item.name)) for item in fields(self)]

    def size(self) -> int:
        """How many rows there are to write."""
        return sum(len(rows) for _, rows in self.statements())
