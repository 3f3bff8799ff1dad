"""The seed taxonomies are complete; the generator is deterministic, sized by the scale and
consistent; loading is idempotent and guarded."""

from __future__ import annotations

import io
import os
import random
import re
import subprocess
import sys
import uuid
from collections import Counter, defaultdict
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from app.db import Database
from seeds.__main__ import DEMO_SCALE
from seeds.generate import Generator, Graph
from seeds.generate.actors import vat_number
from seeds.load import DataSetConflict, database_counts, fingerprint, seed
from seeds.progress import WIDTH, ProgressBar
from seeds.taxonomy import Taxonomy
from tests.conftest import DEMO_SEED, run_test_cypher

# Every label and relationship type with its properties, as docs/graph-model.md fixes them.
NODE_KEYS = {
    "User": "id handle handleKey email emailKey displayName headline bio locale province "
            "createdAt platformRoles",
    "Organization": "id name kind legalForm vatNumber city province country website description "
                    "foundedYear",
    "S3Area": "id code nameIt nameEn period", "Competence": "id name nameIt",
    "Keyword": "id scheme code label",
    "Community": "id name description kind access createdAt",
    "Discussion": "id title body createdAt locked lastActivityAt",
    "News": "id title summary body publishedAt", "Comment": "id body createdAt deletedAt",
    # closesOn: the deadline, or 9999-12-31 without one (cypher/migrations/0017)
    "Proposal": "id title summary description kind origin status collaborationTypes "
                "developmentStage ipr deadline closesOn externalRef country createdAt",
    "ExpressionOfInterest": "id contribution message status createdAt",
    "Project": "id title acronym summary status startDate endDate fundingProgramme totalBudget "
               "currency",
    "Activity": "id title startDate endDate status progress",
    "Milestone": "id title dueDate reachedAt", "BudgetLine": "id category planned spent",
    "Result": "id title kind date description",
    "Document": "id title fileName mimeType size sha256 version createdAt",
    "Notification": "id kind createdAt readAt",
}
RELATIONSHIP_KEYS = {
    "MEMBER_OF": "role title status since", "BROADER": "", "INTERESTED_IN": "",
    "HAS_SKILL": "level", "HAS_COMPETENCE": "distinctive", "FOCUSES_ON": "", "PART_OF": "",
    "IN": "", "TAGGED": "", "ON_BEHALF_OF": "", "ON": "", "REPLY_TO": "", "AUTHORED": "",
    "FOLLOWS": "since", "PROPOSED": "", "SEEKS": "", "HAS_KEYWORD": "", "EXPRESSED": "",
    "FOR": "", "ORIGINATED_FROM": "", "PARTNER_IN": "role budget", "WORKS_ON": "role",
    "DEPENDS_ON": "", "ASSIGNED_TO": "", "OF": "", "RESULT_OF": "", "ATTACHED_TO": "",
    "PREVIOUS_VERSION": "", "UPLOADED": "", "ABOUT": "",
}
ENUMS = {
    ("communities", "kind"): {"THEMATIC_S3", "WORKING_GROUP", "PROJECT_GROUP", "INTEREST"},
    ("communities", "access"): {"OPEN", "RESERVED", "CLOSED"},
    ("community_members", "role"): {"MANAGER", "PARTICIPANT"},
    ("community_members", "status"): {"ACTIVE", "REQUESTED", "INVITED", "REJECTED"},
    ("memberships", "role"): {"ADMIN", "MEMBER"},
    ("user_skills", "level"): {"BASIC", "INTERMEDIATE", "ADVANCED", "EXPERT"},
    ("proposals", "origin"): {"TERRITORY", "EEN"},
    ("proposals", "status"): {"DRAFT", "TO_VALIDATE", "PUBLISHED", "CLOSED", "ARCHIVED"},
    ("proposals", "kind"): {"COLLABORATION", "CHALLENGE", "TECHNOLOGY_OFFER",
                            "TECHNOLOGY_REQUEST", "BUSINESS_OFFER", "BUSINESS_REQUEST",
                            "RESEARCH_DEVELOPMENT_REQUEST"},
    ("proposals", "developmentStage"): {"IDEA", "LAB_TESTED", "DEMONSTRABLE", "ON_THE_MARKET"},
    ("proposals", "ipr"): {"NONE", "SECRET_KNOW_HOW", "PATENT_PENDING", "PATENT_GRANTED"},
    ("interests", "status"): {"SUBMITTED", "RELEVANT", "REJECTED", "WITHDRAWN"},
    ("projects", "status"): {"PLANNED", "ACTIVE", "COMPLETED", "CANCELLED"},
    ("partners", "role"): {"COORDINATOR", "PARTNER", "ASSOCIATED"},
    ("project_people", "role"): {"MANAGER", "RESEARCHER", "TECHNICIAN", "ADVISOR"},
    ("activities", "status"): {"PLANNED", "IN_PROGRESS", "DONE", "BLOCKED"},
    ("budget_lines", "category"): {"PERSONNEL", "EQUIPMENT", "SERVICES", "TRAVEL", "OTHER"},
    ("results", "kind"): {"PUBLICATION", "PATENT", "PROTOTYPE", "PRODUCT", "DATASET", "OTHER"},
}
NOTIFICATION_KINDS = {"PROPOSAL_PUBLISHED", "INTEREST_RECEIVED", "INTEREST_DECIDED",
                      "COMMENT_ADDED", "COMMUNITY_INVITATION", "MEMBERSHIP_DECIDED",
                      "NEWS_PUBLISHED", "PROJECT_UPDATED"}
COLLABORATION_TYPES = {"RESEARCH", "TECHNICAL_COOPERATION", "LICENSE", "JOINT_VENTURE",
                       "SUBCONTRACTING", "COMMERCIAL_AGREEMENT"}

# The real platform's figures the issue gives (May 2023).
REAL = {"users": 22_200, "organizations": 2_433, "thematic": 692, "discussions": 3_055,
        "news": 6_802, "proposals": 16_000, "een": 8_000, "projects": 1_200}


@cache
def generated(seed_value: int, scale: float) -> Graph:
    return Generator(Taxonomy.load(), seed_value, scale).generate()


def test_taxonomies_are_the_real_ones() -> None:
    taxonomy = Taxonomy.load()
    assert Counter(area["period"] for area in taxonomy.s3_areas) == {
        "2014-2020": 8, "2021-2027": 8}
    assert len(taxonomy.provinces) == 12
    assert len(taxonomy.competences) >= 150
    keys = {entry["key"] for entry in taxonomy.competences}
    assert all(entry["broader"] in keys for entry in taxonomy.competences if entry["broader"])
    keywords = taxonomy.keyword_rows()
    assert {row["scheme"] for row in keywords} == {"TECHNOLOGY", "MARKET", "NACE"}
    assert len({(row["scheme"], row["code"]) for row in keywords}) == len(keywords)


@pytest.mark.parametrize("scale", [0.01, 0.02])
def test_counts_follow_the_scale(scale: float) -> None:
    graph = generated(DEMO_SEED, scale)

    def expected(name: str) -> int:
        return max(1, round(REAL[name] * scale))

    kinds = Counter(row["kind"] for row in graph.communities)
    origins = Counter(row["origin"] for row in graph.proposals)
    assert len(graph.users) == expected("users")
    assert len(graph.organizations) == expected("organizations")
    assert kinds["THEMATIC_S3"] == expected("thematic")
    assert {"WORKING_GROUP", "PROJECT_GROUP", "INTEREST"} <= kinds.keys()
    assert len(graph.discussions) == expected("discussions")
    assert len(graph.news) == expected("news")
    assert len(graph.proposals) == expected("proposals")
    assert origins["EEN"] == expected("een")
    assert len(graph.projects) == expected("projects")
    for name, rows in graph.statements():
        assert rows, f"{name} has no rows at scale {scale}"


def test_the_generator_is_deterministic() -> None:
    taxonomy = Taxonomy.load()
    first = Generator(taxonomy, 7, 0.01).generate()
    again = Generator(taxonomy, 7, 0.01).generate()
    other = Generator(taxonomy, 8, 0.01).generate()
    assert first == again
    for name, rows in first.statements():
        assert rows != getattr(other, name), name
    assert len({user["handle"] for user in first.users}) == len(first.users)
    ids = [row["id"] for _, rows in first.statements() for row in rows if "id" in row]
    assert len(set(ids)) == len(ids)


def test_the_graph_does_not_depend_on_the_process() -> None:
    """Ids and rows must not follow Python's per-process string hashing (set order)."""
    program = ("import hashlib; from seeds.generate import Generator; "
               "from seeds.taxonomy import Taxonomy; "
               "graph = Generator(Taxonomy.load(), 7, 0.01).generate(); "
               "print(hashlib.sha256(repr(graph.statements()).encode()).hexdigest())")
    digests = {
        subprocess.run([sys.executable, "-c", program], capture_output=True, text=True,
                       check=True, env={**os.environ, "PYTHONHASHSEED": str(hash_seed)},
                       cwd=Path(__file__).resolve().parent.parent).stdout
        for hash_seed in (1, 2)}
    assert len(digests) == 1 and len(digests.pop().strip()) == 64


def test_the_progress_bar_shows_label_counts_and_share() -> None:
    log = io.StringIO()
    bar = ProgressBar(log)
    for done in range(0, 20_001, 2_500):
        bar("user_skills", done, 20_000)
    lines = log.getvalue().splitlines()
    assert lines[0].startswith("user_skills") and "0%  0/20,000" in lines[0]
    assert "[" + "#" * WIDTH + "] 100%  20,000/20,000" in lines[-1]


def test_vat_numbers_have_valid_check_digits() -> None:
    rng = random.Random(1)
    for _ in range(100):
        number = vat_number(rng)
        digits = [int(char) for char in number]
        total = sum(digits[0::2]) + sum(d * 2 - 9 if d * 2 > 9 else d * 2 for d in digits[1::2])
        assert len(number) == 11 and total % 10 == 0


def test_enumerations_are_the_models() -> None:
    graph = generated(DEMO_SEED, 0.05)
    for (statement, key), allowed in ENUMS.items():
        assert {row[key] for row in getattr(graph, statement)} == allowed, (statement, key)
    kinds = {row["kind"] for name, rows in graph.statements() if name.startswith("notification_")
             for row in rows}
    assert kinds == NOTIFICATION_KINDS
    assert set().union(*(row["collaborationTypes"] for row in graph.proposals)) == (
        COLLABORATION_TYPES)


def test_budgets_add_up() -> None:
    graph = generated(DEMO_SEED, 0.05)
    planned: Counter[tuple[str, str]] = Counter()
    for line in graph.budget_lines:
        assert isinstance(line["planned"], int) and 0 <= line["spent"] <= line["planned"]
        planned[line["project"], line["organization"]] += line["planned"]
    partner_budgets: Counter[str] = Counter()
    for partner in graph.partners:
        assert planned[partner["project"], partner["organization"]] == partner["budget"]
        partner_budgets[partner["project"]] += partner["budget"]
    assert {line_key for line_key in planned} <= {
        (p["project"], p["organization"]) for p in graph.partners}
    for project in graph.projects:
        assert project["currency"] == "EUR"
        assert project["totalBudget"] == partner_budgets[project["id"]] > 0


def test_threads_and_plans_are_consistent() -> None:
    graph = generated(DEMO_SEED, 0.05)
    subject: dict[str, str] = {}
    created: dict[str, Any] = {}
    latest: dict[str, Any] = {}
    for rows in (graph.discussion_comments, graph.news_comments, graph.proposal_comments):
        for row in rows:
            subject[row["id"]], created[row["id"]] = row["subject"], row["createdAt"]
            latest[row["subject"]] = max(latest.get(row["subject"], row["createdAt"]),
                                         row["createdAt"])
    assert graph.comment_replies
    for reply in graph.comment_replies:
        assert subject[reply["comment"]] == subject[reply["parent"]]
        assert created[reply["comment"]] >= created[reply["parent"]]
    for discussion in graph.discussions:
        assert discussion["lastActivityAt"] == latest.get(discussion["id"],
                                                          discussion["createdAt"])
    project_of = {row["id"]: row["project"] for row in graph.activities}
    assert graph.activity_dependencies
    for dependency in graph.activity_dependencies:
        assert project_of[dependency["activity"]] == project_of[dependency["dependsOn"]]
    for activity in graph.activities:
        assert activity["startDate"] <= activity["endDate"]
        assert 0 <= activity["progress"] <= 100


def test_only_current_document_versions_are_attached() -> None:
    graph = generated(DEMO_SEED, 0.05)
    replaced = [row["previous"] for row in graph.document_versions]
    assert replaced and len(set(replaced)) == len(replaced)
    attached = [row["document"] for rows in (graph.project_documents, graph.community_documents,
                                             graph.proposal_documents, graph.discussion_documents)
                for row in rows]
    assert len(set(attached)) == len(attached)
    assert not set(attached) & set(replaced)
    assert set(attached) | set(replaced) == {row["id"] for row in graph.documents}
    version = {row["id"]: row["version"] for row in graph.documents}
    for row in graph.document_versions:
        assert version[row["document"]] == version[row["previous"]] + 1


def test_een_profiles_look_like_een_ones() -> None:
    graph = generated(DEMO_SEED, 0.05)
    een = [row for row in graph.proposals if row["origin"] == "EEN"]
    reference = re.compile(r"^(TO|TR|BO|BR|RD)[A-Z]{2}20\d{6}\d{3}$")
    assert all(reference.match(row["externalRef"]) for row in een)
    assert len({row["externalRef"] for row in een}) == len(een)
    assert sum(row["country"] != "IT" for row in een) > 0.8 * len(een)
    proposed = {row["proposal"] for row in graph.proposal_users}
    assert not proposed & {row["id"] for row in een}
    with_keywords = {row["proposal"] for row in graph.proposal_keywords}
    assert {row["id"] for row in een} <= with_keywords
    assert sum(" the " in row["description"] for row in een) > 0.5 * len(een)


def test_content_is_varied_italian_with_some_hidden() -> None:
    graph = generated(DEMO_SEED, 0.05)
    texts = " ".join(row["title"] + " " + row["description"] for row in graph.proposals
                     if row["origin"] == "TERRITORY")
    texts += " ".join(row["body"] for row in graph.news + graph.discussions)
    for word in ("qualità", "città", "attività", "innovazione", "sostenibilità"):
        assert word in texts.lower(), word
    hidden = Counter(row["access"] != "OPEN" for row in graph.communities)
    assert 0.1 < hidden[True] / len(graph.communities) < 0.35
    statuses = Counter(row["status"] for row in graph.proposals)
    assert statuses["DRAFT"] and statuses["TO_VALIDATE"] and statuses["ARCHIVED"]
    assert statuses["CLOSED"] and statuses["PUBLISHED"] > len(graph.proposals) / 2
    members = Counter(row["status"] for row in graph.community_members)
    assert members["REQUESTED"] and members["INVITED"] and members["REJECTED"]
    assert members["ACTIVE"] > 0.7 * sum(members.values())


def test_ties_are_skewed_and_clustered() -> None:
    graph = generated(DEMO_SEED, 0.1)
    members = sorted(Counter(row["community"] for row in graph.community_members).values())
    assert members[-1] >= 5 * members[len(members) // 2]
    partnerships = Counter(row["organization"] for row in graph.partners)
    top = sum(count for _, count in partnerships.most_common(len(graph.organizations) // 20))
    assert top > 0.2 * len(graph.partners)
    areas: defaultdict[str, set[str]] = defaultdict(set)
    for row in graph.organization_areas:
        areas[row["organization"]].add(row["area"])
    for row in graph.project_areas:
        areas[row["project"]].add(row["area"])
    shared = sum(bool(areas[row["organization"]] & areas[row["project"]])
                 for row in graph.partners)
    assert shared > 0.6 * len(graph.partners)


async def test_loading_the_demo_again_changes_nothing(db: Database) -> None:
    before = await database_counts(db)
    assert await seed(db, DEMO_SEED, DEMO_SCALE) is not None
    assert await database_counts(db) == before
    labels, types = before
    graph = generated(DEMO_SEED, DEMO_SCALE)
    assert labels["Proposal"] >= len(graph.proposals)
    assert types["PARTNER_IN"] >= len(graph.partners)


async def test_the_loaded_demo_is_consistent(db: Database) -> None:
    graph = generated(DEMO_SEED, DEMO_SCALE)
    [found] = await run_test_cypher(
        db, "seed_inconsistencies", projects=[row["id"] for row in graph.projects],
        discussions=[row["id"] for row in graph.discussions])
    assert found == {"projects": len(graph.projects), "discussions": len(graph.discussions),
                     "budgetMismatches": 0, "staleDiscussions": 0, "strayReplies": 0,
                     "crossProjectDependencies": 0}


# Counts read the degree of a node (`COUNT { (n)<-[:FOLLOWS]-() }`, constant time) where the
# relationship type alone says what is at its other end; these are the rules that makes true.
DEGREE_COUNTED = [("FOLLOWS", on, "User") for on in
                  ("User", "Organization", "Community", "Proposal", "Project")] + [
    ("ON", "Discussion", "Comment"), ("ON", "News", "Comment"), ("ON", "Proposal", "Comment"),
    ("REPLY_TO", "Comment", "Comment"), ("IN", "Community", "Discussion"),
    ("FOR", "Proposal", "ExpressionOfInterest"), ("PARTNER_IN", "Project", "Organization"),
    ("RESULT_OF", "Project", "Result")]


async def test_degree_counted_relationships_start_where_the_model_says(db: Database) -> None:
    rules = [{"type": type_, "on": on, "from": from_} for type_, on, from_ in DEGREE_COUNTED]
    found = await run_test_cypher(db, "counted_relationship_strays", rules=rules)
    assert [row["strays"] for row in found] == [0] * len(rules)


async def test_the_loaded_demo_has_the_models_properties(db: Database) -> None:
    graph = generated(DEMO_SEED, DEMO_SCALE)
    taxonomy = Taxonomy.load()
    ids = [row["id"] for _, rows in graph.statements() for row in rows if "id" in row]
    ids += [row["id"] for rows in (taxonomy.s3_area_rows(), taxonomy.competence_rows(),
                                   taxonomy.keyword_rows()) for row in rows]
    [found] = await run_test_cypher(db, "seed_property_keys", ids=ids)
    node_keys: defaultdict[str, set[str]] = defaultdict(set)
    for label, key in found["nodeKeys"]:
        node_keys[label].add(key)
    assert node_keys.keys() == NODE_KEYS.keys()
    for label, keys in node_keys.items():
        assert keys <= set(NODE_KEYS[label].split()), label
    relationship_keys: defaultdict[str, set[str]] = defaultdict(set)
    for type_, key in found["relationshipKeys"]:
        relationship_keys[type_].update([key] if key else [])
    assert relationship_keys.keys() == RELATIONSHIP_KEYS.keys()
    for type_, keys in relationship_keys.items():
        assert keys <= set(RELATIONSHIP_KEYS[type_].split()), type_


async def test_a_named_data_set_is_loaded_once(db: Database) -> None:
    name = f"probe-{uuid.uuid4()}"
    try:
        assert await seed(db, DEMO_SEED, DEMO_SCALE, name=name) is not None
        assert await seed(db, DEMO_SEED, DEMO_SCALE, name=name) is None
        assert fingerprint(DEMO_SEED, DEMO_SCALE) != fingerprint(DEMO_SEED + 1, DEMO_SCALE)
        [before] = await run_test_cypher(db, "count_users", province=None)
        with pytest.raises(DataSetConflict, match=r"seed 42 and scale 0\.02"):
            await seed(db, DEMO_SEED + 1, DEMO_SCALE, name=name)
        assert await run_test_cypher(db, "count_users", province=None) == [before]
    finally:
        await run_test_cypher(db, "forget_data_set", name=name)
