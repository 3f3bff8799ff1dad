"""Collaboration proposals from the territory and from EEN, with expressions of interest.

Territorial proposals are written in Italian by people of the platform, often on their
organization's behalf; EEN profiles come from abroad in English, with an EEN reference
("TOIT20230512001": type, country, date, number of the day), technology, market and NACE
keywords, and no proposer on the platform. About a tenth of the territorial proposals are not
public (DRAFT, TO_VALIDATE or ARCHIVED).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from seeds.generate.actors import Actors
from seeds.generate.base import OPENING, World, skewed_count
from seeds.generate.comments import Threads
from seeds.generate.sizes import Sizes

KINDS = {"COLLABORATION": 30, "CHALLENGE": 10, "TECHNOLOGY_OFFER": 18, "TECHNOLOGY_REQUEST": 14,
         "BUSINESS_OFFER": 8, "BUSINESS_REQUEST": 8, "RESEARCH_DEVELOPMENT_REQUEST": 12}
TERRITORY_STATUSES = {"PUBLISHED": 66, "CLOSED": 24, "DRAFT": 4, "TO_VALIDATE": 3, "ARCHIVED": 3}
EEN_STATUSES = {"PUBLISHED": 72, "CLOSED": 22, "ARCHIVED": 6}
# EEN profile types: the reference's prefix and the proposal kind, with their shares.
EEN_TYPES = {"TO": ("TECHNOLOGY_OFFER", 30), "TR": ("TECHNOLOGY_REQUEST", 15),
             "BO": ("BUSINESS_OFFER", 30), "BR": ("BUSINESS_REQUEST", 15),
             "RD": ("RESEARCH_DEVELOPMENT_REQUEST", 10)}
COLLABORATION_TYPES = ("RESEARCH", "TECHNICAL_COOPERATION", "LICENSE", "JOINT_VENTURE",
                       "SUBCONTRACTING", "COMMERCIAL_AGREEMENT")
STAGES = ("IDEA", "LAB_TESTED", "DEMONSTRABLE", "ON_THE_MARKET")
IPR = ("NONE", "SECRET_KNOW_HOW", "PATENT_PENDING", "PATENT_GRANTED")
INTEREST_STATUSES = {"SUBMITTED": 50, "RELEVANT": 25, "REJECTED": 15, "WITHDRAWN": 10}
PUBLIC = ("PUBLISHED", "CLOSED")


@dataclass(slots=True)
class Proposal:
    id: str
    domain: str
    status: str
    proposer: int | None
    created: datetime


@dataclass(slots=True)
class Interest:
    """An expression of interest, for notifications: its author and the proposer."""

    id: str
    author: int
    proposer: int | None
    status: str
    created: datetime


@dataclass
class Opportunities:
    proposals: list[Proposal]
    interests: list[Interest]


def make_proposals(world: World, sizes: Sizes, actors: Actors,
                   threads: Threads) -> Opportunities:
    """Territorial proposals, EEN profiles, then interests in and comments on public ones."""
    proposals = [_territorial(world, index, actors)
                 for index in range(sizes.territorial_proposals)]
    een = _Een(world)
    proposals += [een.profile(sizes.territorial_proposals + index)
                  for index in range(sizes.een_proposals)]
    interests: list[Interest] = []
    for proposal in proposals:
        if proposal.status in PUBLIC:
            mean = 1.3 if proposal.proposer is not None else 0.7
            interests += _interests(world, proposal, skewed_count(world.rng, mean, 40), actors)
            mean = 0.45 if proposal.proposer is not None else 0.15
            threads.add("Proposal", proposal.id, proposal.proposer, proposal.created,
                        skewed_count(world.rng, mean, 25), proposal.domain)
    return Opportunities(proposals, interests)


def _common(world: World, created: datetime) -> dict[str, object]:
    rng = world.rng
    return {
        "collaborationTypes": rng.sample(COLLABORATION_TYPES, k=rng.randint(1, 3)),
        "developmentStage": rng.choice(STAGES), "ipr": rng.choice(IPR),
        "deadline": created.date() + timedelta(days=rng.randint(60, 365)), "createdAt": created,
    }


def _tags(world: World, proposal_id: str, domain: str, competences: int) -> None:
    rng, taxonomy, graph = world.rng, world.taxonomy, world.graph
    codes = taxonomy.s3_codes(domain)
    for code in rng.sample(codes, k=rng.randint(1, min(2, len(codes)))):
        graph.proposal_areas.append({"proposal": proposal_id, "area": taxonomy.s3_id(code)})
    pool = taxonomy.descendants(domain)
    for key in rng.sample(pool, k=min(len(pool), competences)):
        graph.proposal_competences.append(
            {"proposal": proposal_id, "competence": taxonomy.competence_id(key)})


def _territorial(world: World, index: int, actors: Actors) -> Proposal:
    rng, graph = world.rng, world.graph
    author = actors.any_person.draw(rng)
    person = actors.people[author]
    created = world.moment(person.created)
    proposal_id = world.id("proposal", index)
    status = rng.choices(list(TERRITORY_STATUSES), weights=list(TERRITORY_STATUSES.values()))[0]
    slots = world.italian_slots(person.domain, person.province)
    graph.proposals.append({
        "id": proposal_id, "title": world.text("proposalTitlesIt", **slots),
        "summary": world.sentences("proposalSentencesIt", 1, 1, **slots),
        "description": world.sentences("proposalSentencesIt", 3, 6, **slots),
        "kind": rng.choices(list(KINDS), weights=list(KINDS.values()))[0],
        "origin": "TERRITORY", "status": status, "externalRef": None, "country": "IT",
        **_common(world, created),
    })
    graph.proposal_users.append({"user": person.id, "proposal": proposal_id})
    if person.organization is not None and rng.random() < 0.7:
        graph.proposal_organizations.append(
            {"organization": actors.organizations[person.organization].id,
             "proposal": proposal_id})
    _tags(world, proposal_id, person.domain, rng.randint(1, 3))
    return Proposal(proposal_id, person.domain, status, author, created)


class _Een:
    """Makes EEN profiles, numbering references per type, country and day."""

    def __init__(self, world: World) -> None:
        self.world = world
        countries = world.taxonomy.een["countries"]
        self.countries, self.country_weights = list(countries), list(countries.values())
        self.keywords: dict[tuple[str, str], list[str]] = {}
        for entry in world.taxonomy.een["keywords"]:
            keyword_id = world.taxonomy.keyword_id(entry["scheme"], entry["code"])
            self.keywords.setdefault((entry["scheme"], entry["domain"]), []).append(keyword_id)
            self.keywords.setdefault((entry["scheme"], "*"), []).append(keyword_id)
        self.numbers: Counter[str] = Counter()

    def reference(self, prefix: str, country: str, day: date) -> str:
        stem = f"{prefix}{'UK' if country == 'GB' else country}{day:%Y%m%d}"
        self.numbers[stem] += 1
        return f"{stem}{self.numbers[stem]:03d}"

    def profile(self, index: int) -> Proposal:
        world = self.world
        rng, graph, texts = world.rng, world.graph, world.taxonomy.texts
        prefix = rng.choices(list(EEN_TYPES), weights=[w for _, w in EEN_TYPES.values()])[0]
        country = rng.choices(self.countries, weights=self.country_weights)[0]
        domain = rng.choice(world.taxonomy.top_level)
        created = world.moment(OPENING)
        proposal_id = world.id("proposal", index)
        status = rng.choices(list(EEN_STATUSES), weights=list(EEN_STATUSES.values()))[0]
        slots = {"adjective": texts["countryAdjectivesEn"][country],
                 "topic": world.topic(domain, "en"), "topic2": world.topic(domain, "en"),
                 "sector": rng.choice(texts["sectorsEn"])}
        graph.proposals.append({
            "id": proposal_id, "title": world.text("eenTitlesEn", **slots),
            "summary": world.sentences("eenSentencesEn", 1, 2, **slots),
            "description": world.sentences("eenSentencesEn", 3, 6, **slots),
            "kind": EEN_TYPES[prefix][0], "origin": "EEN", "status": status,
            "externalRef": self.reference(prefix, country, created.date()), "country": country,
            **_common(world, created),
        })
        for scheme, low, high in (("TECHNOLOGY", 1, 4), ("MARKET", 1, 2), ("NACE", 1, 2)):
            pool = self.keywords.get((scheme, domain if rng.random() < 0.85 else "*"))
            pool = pool or self.keywords[scheme, "*"]
            for keyword in rng.sample(pool, k=min(len(pool), rng.randint(low, high))):
                graph.proposal_keywords.append({"proposal": proposal_id, "keyword": keyword})
        _tags(world, proposal_id, domain, rng.randint(1, 2) if rng.random() < 0.5 else 0)
        return Proposal(proposal_id, domain, status, None, created)


def _interests(world: World, proposal: Proposal, count: int, actors: Actors) -> list[Interest]:
    rng, graph, people = world.rng, world.graph, actors.people
    authors = {actors.person_in(rng, proposal.domain) for _ in range(count)}
    if proposal.proposer is not None:
        authors.discard(proposal.proposer)
    made: list[Interest] = []
    for author in sorted(authors):
        person = people[author]
        interest_id = world.id("interest", len(graph.interests))
        created = world.moment(max(proposal.created, person.created))
        status = rng.choices(list(INTEREST_STATUSES), weights=list(INTEREST_STATUSES.values()))[0]
        slots = world.italian_slots(proposal.domain, person.province)
        graph.interests.append({
            "id": interest_id, "author": person.id, "proposal": proposal.id, "status": status,
            "createdAt": created, "contribution": world.text("interestContributionsIt", **slots),
            "message": world.text("interestMessagesIt", **slots),
        })
        if person.organization is not None and rng.random() < 0.7:
            graph.interest_organizations.append(
                {"interest": interest_id,
                 "organization": actors.organizations[person.organization].id})
        made.append(Interest(interest_id, author, proposal.proposer, status, created))
    return made

