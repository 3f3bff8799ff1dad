"""A deterministic generator of the platform's people and organizations.

The same `seed` and `scale` always give the same graph, with the same ids, so loading twice
changes nothing. At `scale=1` it makes as many users and organizations as the real platform
(22,200 and 2,433); the demo data of `make run` is a small scale of the same generator.
"""

from __future__ import annotations

import random
import unicodedata
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from seeds.taxonomy import Taxonomy, stable_id

REAL_USERS = 22_200
REAL_ORGANIZATIONS = 2_433

# Shares of organization kinds among the generated (non-research) organizations.
KIND_WEIGHTS = {
    "SME": 42, "STARTUP": 16, "COMPANY": 14, "LARGE_COMPANY": 5, "ASSOCIATION": 9,
    "UNIVERSITY": 1, "RESEARCH_CENTRE": 4, "PUBLIC_ADMINISTRATION": 3, "OTHER": 6,
}
LEGAL_FORMS = {
    "SME": ["SRL", "SRL", "SPA", "SNC", "SAS", "SRLS"], "STARTUP": ["SRL", "SRLS"],
    "COMPANY": ["SRL", "SPA"], "LARGE_COMPANY": ["SPA"], "ASSOCIATION": ["COOP", "SCARL"],
    "OTHER": ["SCARL", "COOP", "SRL"],
}
# Rough weights of the provinces by population and businesses.
PROVINCE_WEIGHTS = {
    "MILANO": 32, "BRESCIA": 12, "BERGAMO": 11, "MONZA_E_BRIANZA": 9, "VARESE": 9, "COMO": 6,
    "PAVIA": 5, "CREMONA": 4, "MANTOVA": 4, "LECCO": 3, "LODI": 2, "SONDRIO": 2,
}
SKILL_LEVELS = ["BASIC", "INTERMEDIATE", "ADVANCED", "EXPERT"]
JOB_TITLES = [
    "Amministratore delegato", "Responsabile R&S", "Innovation manager", "Ricercatore",
    "Ricercatrice", "Ingegnere di processo", "Project manager", "Data scientist",
    "Responsabile commerciale", "Dottorando", "Professore associato", "Tecnologo",
    "Responsabile qualità", "Progettista meccanico", "Funzionario",
]


@dataclass
class Graph:
    """The generated nodes and relationships, as parameter rows for the seed statements."""

    organizations: list[dict[str, Any]] = field(default_factory=list)
    users: list[dict[str, Any]] = field(default_factory=list)
    memberships: list[dict[str, Any]] = field(default_factory=list)
    user_interests: list[dict[str, Any]] = field(default_factory=list)
    user_skills: list[dict[str, Any]] = field(default_factory=list)
    organization_competences: list[dict[str, Any]] = field(default_factory=list)
    organization_areas: list[dict[str, Any]] = field(default_factory=list)


def ascii_slug(text: str) -> str:
    """Lower-case ASCII letters and digits of `text` (accents dropped), for handles and URLs."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(char for char in folded.lower() if char.isalnum())


def vat_number(rng: random.Random) -> str:
    """An Italian VAT number (partita IVA) with a valid check digit."""
    digits = [rng.randrange(10) for _ in range(7)] + [0, 1, 5]  # office code of Milan: 015
    total = 0
    for index, digit in enumerate(digits):
        if index % 2 == 0:
            total += digit
        else:
            doubled = digit * 2
            total += doubled - 9 if doubled > 9 else doubled
    return "".join(map(str, digits)) + str((10 - total % 10) % 10)


class Generator:
    """Makes a Graph from a taxonomy, a seed and a scale."""

    def __init__(self, taxonomy: Taxonomy, seed: int, scale: float) -> None:
        if scale <= 0:
            raise ValueError("scale must be positive")
        self.taxonomy = taxonomy
        self.seed = seed
        self.scale = scale
        self.rng = random.Random(seed)
        self.graph = Graph()

    def _id(self, kind: str, index: int) -> str:
        return str(uuid.uuid5(uuid.NAMESPACE_URL,
                              f"oig:{self.seed}:{self.scale}:{kind}:{index}"))

    def _province(self) -> str:
        return self.rng.choices(list(PROVINCE_WEIGHTS), weights=list(PROVINCE_WEIGHTS.values()))[0]

    def generate(self) -> Graph:
        """The whole graph: organizations first, then people and their ties."""
        domains = self._organizations()
        self._users(domains)
        return self.graph

    def _organizations(self) -> list[str]:
        """Make organizations; return each one's main competence domain, by position."""
        rng, taxonomy = self.rng, self.taxonomy
        names = taxonomy.names
        total = max(len(taxonomy.research_organizations), round(REAL_ORGANIZATIONS * self.scale))
        domains: list[str] = []
        used_names: set[str] = set()
        for index in range(total):
            domain = rng.choice(taxonomy.top_level)
            if index < len(taxonomy.research_organizations):
                known = taxonomy.research_organizations[index]
                row = {
                    "id": stable_id("organization", known["name"]), "name": known["name"],
                    "kind": known["kind"], "legalForm": None, "city": known["city"],
                    "province": known["province"], "foundedYear": rng.randint(1863, 2005),
                }
            else:
                kind = rng.choices(list(KIND_WEIGHTS), weights=list(KIND_WEIGHTS.values()))[0]
                province = self._province()
                legal_form = rng.choice(LEGAL_FORMS.get(kind, ["SRL"]))
                stem = rng.choice(names["organizationStems"])
                name = f"{stem} {names['organizationSuffixes'][legal_form]}"
                if name in used_names:
                    suffix = names["organizationSuffixes"][legal_form]
                    name = f"{stem} {taxonomy.capital(province)} {suffix}"
                if name in used_names:
                    name = f"{stem} {index} {names['organizationSuffixes'][legal_form]}"
                founded = rng.randint(2012, 2025) if kind == "STARTUP" else rng.randint(1950, 2022)
                row = {
                    "id": self._id("organization", index), "name": name, "kind": kind,
                    "legalForm": legal_form, "city": rng.choice(taxonomy.cities(province)),
                    "province": province, "foundedYear": founded,
                }
            used_names.add(row["name"])
            slug = ascii_slug(row["name"])[:40]
            row.update({
                "vatNumber": vat_number(rng) if row["legalForm"] else None,
                "country": "IT",
                "website": f"https://www.{slug}.it",
                "description": self._organization_description(row["name"], domain),
            })
            self.graph.organizations.append(row)
            domains.append(domain)
            self._organization_profile(row["id"], domain)
        return domains

    def _organization_description(self, name: str, domain: str) -> str:
        label = self.taxonomy.competence(domain)["nameIt"].lower()
        return f"{name} opera in Lombardia nel campo {label}, con attività di ricerca e sviluppo."

    def _organization_profile(self, organization_id: str, domain: str) -> None:
        rng, taxonomy = self.rng, self.taxonomy
        pool = taxonomy.descendants(domain)
        chosen = rng.sample(pool, k=min(len(pool), rng.randint(3, 8)))
        if rng.random() < 0.3:
            chosen.append(rng.choice(taxonomy.all_keys))
        distinctive = set(rng.sample(chosen, k=min(2, len(chosen))))
        for key in dict.fromkeys(chosen):
            self.graph.organization_competences.append({
                "organization": organization_id, "competence": taxonomy.competence_id(key),
                "distinctive": key in distinctive,
            })
        for code in taxonomy.s3_codes(domain):
            self.graph.organization_areas.append(
                {"organization": organization_id, "area": taxonomy.s3_id(code)})

    def _users(self, domains: list[str]) -> None:
        rng, taxonomy, names = self.rng, self.taxonomy, self.taxonomy.names
        organizations = self.graph.organizations
        total = round(REAL_USERS * self.scale)
        handles: set[str] = set()
        admins: set[str] = set()
        start = datetime(2017, 1, 1, tzinfo=UTC)
        for index in range(total):
            first, last = rng.choice(names["firstNames"]), rng.choice(names["lastNames"])
            handle = f"{ascii_slug(first)}.{ascii_slug(last)}"
            if handle in handles:
                handle = f"{handle}{index}"
            handles.add(handle)
            user_id = self._id("user", index)
            created = start + timedelta(seconds=rng.randrange(int(9.7 * 365 * 86400)))
            self.graph.users.append({
                "id": user_id, "handle": handle, "displayName": f"{first} {last}",
                "headline": rng.choice(names["headlines"]),
                "bio": None if rng.random() < 0.3 else self._bio(),
                "locale": "en" if rng.random() < 0.08 else "it",
                "province": self._province(), "createdAt": created,
            })
            domain = rng.choice(taxonomy.top_level)
            if rng.random() < 0.72:
                position = rng.randrange(len(organizations))
                organization = organizations[position]
                domain = domains[position]
                role = "ADMIN" if organization["id"] not in admins else "MEMBER"
                admins.add(organization["id"])
                since = max(created.date(), date(2017, 1, 1)) - timedelta(days=rng.randrange(3000))
                self.graph.memberships.append({
                    "user": user_id, "organization": organization["id"], "role": role,
                    "title": rng.choice(JOB_TITLES), "since": since,
                })
            self._user_profile(user_id, domain)

    def _bio(self) -> str:
        field_name = self.rng.choice(self.taxonomy.top_level_names_it).lower()
        return f"Mi occupo di innovazione e collaborazioni in {field_name}."

    def _user_profile(self, user_id: str, domain: str) -> None:
        rng, taxonomy = self.rng, self.taxonomy
        codes = taxonomy.s3_codes(domain) + rng.sample(taxonomy.s3_codes_all, k=rng.randint(0, 2))
        for code in dict.fromkeys(codes):
            self.graph.user_interests.append({"user": user_id, "target": taxonomy.s3_id(code)})
        pool = taxonomy.descendants(domain)
        for key in rng.sample(pool, k=min(len(pool), rng.randint(0, 3))):
            self.graph.user_interests.append(
                {"user": user_id, "target": taxonomy.competence_id(key)})
        for key in rng.sample(pool, k=min(len(pool), rng.randint(1, 6))):
            self.graph.user_skills.append({
                "user": user_id, "competence": taxonomy.competence_id(key),
                "level": rng.choice(SKILL_LEVELS),
            })
