"""Organizations and people: profiles, memberships, interests, skills and competences.

Every organization and person has a domain (a top-level competence, hence its S3 areas) and a
province; later generators use them to keep collaborations concentrated by area and place.
A few organizations (universities, large companies) gather most members and ties.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from app import vat
from seeds.generate.base import OPENING, Weighted, World, ascii_slug, zipf_weights
from seeds.generate.sizes import Sizes
from seeds.taxonomy import stable_id

# Shares of organization kinds among the generated (non-research) organizations.
KIND_WEIGHTS = {
    "SME": 42, "STARTUP": 16, "COMPANY": 14, "LARGE_COMPANY": 5, "ASSOCIATION": 9,
    "UNIVERSITY": 1, "RESEARCH_CENTRE": 4, "PUBLIC_ADMINISTRATION": 3, "OTHER": 6,
}
# How much more than an SME an organization of a kind attracts members and partners.
KIND_PULL = {"UNIVERSITY": 25.0, "RESEARCH_CENTRE": 8.0, "LARGE_COMPANY": 4.0,
             "PUBLIC_ADMINISTRATION": 2.0}
LEGAL_FORMS = {
    "SME": ["SRL", "SRL", "SPA", "SNC", "SAS", "SRLS"], "STARTUP": ["SRL", "SRLS"],
    "COMPANY": ["SRL", "SPA"], "LARGE_COMPANY": ["SPA"], "ASSOCIATION": ["COOP", "SCARL"],
    "OTHER": ["SCARL", "COOP", "SRL"],
}
SKILL_LEVELS = ["BASIC", "INTERMEDIATE", "ADVANCED", "EXPERT"]
JOB_TITLES = [
    "Amministratore delegato", "Responsabile R&S", "Innovation manager", "Ricercatore",
    "Ricercatrice", "Ingegnere di processo", "Project manager", "Data scientist",
    "Responsabile commerciale", "Dottorando", "Professore associato", "Tecnologo",
    "Responsabile qualità", "Progettista meccanico", "Funzionario",
]


@dataclass(slots=True)
class Organization:
    id: str
    name: str
    domain: str
    province: str
    members: list[int] = field(default_factory=list)


@dataclass(slots=True)
class Person:
    id: str
    domain: str
    province: str
    created: datetime
    organization: int | None


@dataclass
class Actors:
    """The generated organizations and people, with weighted draws over them."""

    organizations: list[Organization]
    people: list[Person]
    organization_pull: list[float]
    person_pull: list[float]

    def __post_init__(self) -> None:
        self.any_organization = Weighted(range(len(self.organizations)), self.organization_pull)
        self.any_person = Weighted(range(len(self.people)), self.person_pull)
        self.organizations_in = self._by_domain(
            [org.domain for org in self.organizations], self.organization_pull)
        self.people_in = self._by_domain([person.domain for person in self.people],
                                         self.person_pull)
        self.organizations_near = self._by_domain(
            [f"{org.domain}@{org.province}" for org in self.organizations], self.organization_pull)

    @staticmethod
    def _by_domain(domains: list[str], pull: list[float]) -> dict[str, Weighted[int]]:
        grouped: dict[str, tuple[list[int], list[float]]] = {}
        for index, domain in enumerate(domains):
            members, weights = grouped.setdefault(domain, ([], []))
            members.append(index)
            weights.append(pull[index])
        return {domain: Weighted(*group) for domain, group in grouped.items()}

    def organization_in(self, rng: random.Random, domain: str) -> int:
        """An organization of `domain` (any one when the domain has none), by pull."""
        return (self.organizations_in.get(domain) or self.any_organization).draw(rng)

    def organization_near(self, rng: random.Random, domain: str, province: str) -> int:
        """An organization of `domain` in `province` (or of `domain` anywhere), by pull."""
        near = self.organizations_near.get(f"{domain}@{province}")
        return near.draw(rng) if near else self.organization_in(rng, domain)

    def person_in(self, rng: random.Random, domain: str) -> int:
        """A person of `domain` (anyone when the domain has none), by activity."""
        return (self.people_in.get(domain) or self.any_person).draw(rng)


def vat_number(rng: random.Random) -> str:
    """An Italian VAT number (partita IVA) with a valid check digit."""
    digits = [rng.randrange(10) for _ in range(7)] + [0, 1, 5]  # office code of Milan: 015
    return "".join(map(str, digits)) + str(vat.check_digit(digits))


def _unused_vat_number(rng: random.Random, used: set[str]) -> str:
    """A VAT number no other organization has (the database requires them unique)."""
    number = vat_number(rng)
    while number in used:
        number = vat_number(rng)
    used.add(number)
    return number


def make_actors(world: World, sizes: Sizes) -> Actors:
    """Organizations first, then people with their memberships and profiles."""
    organizations, pull = _organizations(world, sizes.organizations)
    people = _people(world, sizes.users, organizations, Weighted(range(len(organizations)), pull))
    return Actors(organizations, people, pull, zipf_weights(world.rng, len(people), 0.8))


def _organizations(world: World, total: int) -> tuple[list[Organization], list[float]]:
    rng, taxonomy, graph = world.rng, world.taxonomy, world.graph
    names = taxonomy.names
    known = taxonomy.research_organizations
    organizations: list[Organization] = []
    used_names: set[str] = set()
    used_vat_numbers: set[str] = set()
    for index in range(total):
        domain = rng.choice(taxonomy.top_level)
        if index < len(known):
            row = {
                "id": stable_id("organization", known[index]["name"]),
                "name": known[index]["name"], "kind": known[index]["kind"], "legalForm": None,
                "city": known[index]["city"], "province": known[index]["province"],
                "foundedYear": rng.randint(1863, 2005),
            }
        else:
            kind = rng.choices(list(KIND_WEIGHTS), weights=list(KIND_WEIGHTS.values()))[0]
            province = world.province()
            legal_form = rng.choice(LEGAL_FORMS.get(kind, ["SRL"]))
            stem = rng.choice(names["organizationStems"])
            suffix = names["organizationSuffixes"][legal_form]
            name = f"{stem} {suffix}"
            if name in used_names:
                name = f"{stem} {taxonomy.capital(province)} {suffix}"
            if name in used_names:
                name = f"{stem} {index} {suffix}"
            founded = rng.randint(2012, 2025) if kind == "STARTUP" else rng.randint(1950, 2022)
            row = {
                "id": world.id("organization", index), "name": name, "kind": kind,
                "legalForm": legal_form, "city": rng.choice(taxonomy.cities(province)),
                "province": province, "foundedYear": founded,
            }
        used_names.add(row["name"])
        label = taxonomy.competence(domain)["nameIt"].lower()
        row.update({
            "vatNumber": _unused_vat_number(rng, used_vat_numbers) if row["legalForm"] else None,
            "country": "IT",
            "website": f"https://www.{ascii_slug(row['name'])[:40]}.it",
            "description": f"{row['name']} opera in Lombardia nel campo {label}, "
                           "con attività di ricerca, sviluppo e innovazione.",
        })
        graph.organizations.append(row)
        organizations.append(Organization(row["id"], row["name"], domain, row["province"]))
        _organization_profile(world, row["id"], domain)
    pull = zipf_weights(rng, total)
    for index, row in enumerate(graph.organizations):
        pull[index] *= KIND_PULL.get(row["kind"], 1.0)
    return organizations, pull


def _organization_profile(world: World, organization_id: str, domain: str) -> None:
    rng, taxonomy, graph = world.rng, world.taxonomy, world.graph
    pool = taxonomy.descendants(domain)
    chosen = rng.sample(pool, k=min(len(pool), rng.randint(3, 8)))
    if rng.random() < 0.3:
        chosen.append(rng.choice(taxonomy.all_keys))
    distinctive = set(rng.sample(chosen, k=min(2, len(chosen))))
    for key in dict.fromkeys(chosen):
        graph.organization_competences.append({
            "organization": organization_id, "competence": taxonomy.competence_id(key),
            "distinctive": key in distinctive,
        })
    for code in taxonomy.s3_codes(domain):
        graph.organization_areas.append(
            {"organization": organization_id, "area": taxonomy.s3_id(code)})


def _people(world: World, total: int, organizations: list[Organization],
            employers: Weighted[int]) -> list[Person]:
    rng, taxonomy, graph = world.rng, world.taxonomy, world.graph
    names = taxonomy.names
    handles: set[str] = set()
    people: list[Person] = []
    for index in range(total):
        first, last = rng.choice(names["firstNames"]), rng.choice(names["lastNames"])
        handle = f"{ascii_slug(first)}.{ascii_slug(last)}"
        if handle in handles:
            handle = f"{handle}{index}"
        handles.add(handle)
        user_id = world.id("user", index)
        created = world.moment(OPENING)
        province = world.province()
        graph.users.append({
            "id": user_id, "handle": handle, "displayName": f"{first} {last}",
            "email": f"{handle}@example.org", "emailKey": f"{handle}@example.org".lower(),
            "headline": rng.choice(names["headlines"]),
            "bio": None if rng.random() < 0.3 else _bio(world),
            "locale": "en" if rng.random() < 0.08 else "it",
            "province": province, "createdAt": created,
        })
        domain = rng.choice(taxonomy.top_level)
        employer: int | None = None
        if rng.random() < 0.72:
            employer = employers.draw(rng)
            organization = organizations[employer]
            domain = organization.domain
            since = max(created.date(), date(2017, 1, 1)) - timedelta(days=rng.randrange(3000))
            graph.memberships.append({
                "user": user_id, "organization": organization.id,
                "role": "MEMBER" if organization.members else "ADMIN",
                "title": rng.choice(JOB_TITLES), "since": since,
            })
            organization.members.append(index)
        people.append(Person(user_id, domain, province, created, employer))
        _person_profile(world, user_id, domain)
    return people


def _bio(world: World) -> str:
    field_name = world.rng.choice(world.taxonomy.top_level_names_it).lower()
    return f"Mi occupo di innovazione e collaborazioni in {field_name}."


def _person_profile(world: World, user_id: str, domain: str) -> None:
    rng, taxonomy, graph = world.rng, world.taxonomy, world.graph
    codes = taxonomy.s3_codes(domain) + rng.sample(taxonomy.s3_codes_all, k=rng.randint(0, 2))
    for code in dict.fromkeys(codes):
        graph.user_area_interests.append({"user": user_id, "target": taxonomy.s3_id(code)})
    pool = taxonomy.descendants(domain)
    for key in rng.sample(pool, k=min(len(pool), rng.randint(0, 3))):
        graph.user_competence_interests.append(
            {"user": user_id, "target": taxonomy.competence_id(key)})
    for key in rng.sample(pool, k=min(len(pool), rng.randint(1, 6))):
        graph.user_skills.append({
            "user": user_id, "competence": taxonomy.competence_id(key),
            "level": rng.choice(SKILL_LEVELS),
        })
