"""News, mostly published on an organization's behalf, tagged with its S3 areas, commented."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from seeds.generate.actors import Actors
from seeds.generate.base import World, skewed_count
from seeds.generate.comments import Threads


@dataclass(slots=True)
class Published:
    """A news item people may be notified of."""

    id: str
    domain: str
    published: datetime


def make_news(world: World, total: int, actors: Actors, threads: Threads) -> list[Published]:
    """`total` news items with their areas, organizations and comments."""
    rng, taxonomy, graph, people = world.rng, world.taxonomy, world.graph, actors.people
    published: list[Published] = []
    for index in range(total):
        author = actors.any_person.draw(rng)
        person = people[author]
        domain = person.domain
        at = world.moment(person.created)
        news_id = world.id("news", index)
        organization = (actors.organizations[person.organization]
                        if person.organization is not None and rng.random() < 0.75 else None)
        slots = world.italian_slots(domain, person.province)
        slots["org"] = organization.name if organization else "Regione Lombardia"
        graph.news.append({
            "id": news_id, "author": person.id, "publishedAt": at,
            "title": world.text("newsTitlesIt", **slots),
            "summary": world.sentences("newsSentencesIt", 1, 1, **slots),
            "body": world.sentences("newsSentencesIt", 3, 5, **slots),
        })
        if organization:
            graph.news_organizations.append({"news": news_id, "organization": organization.id})
        codes = taxonomy.s3_codes(domain)
        for code in rng.sample(codes, k=rng.randint(1, min(2, len(codes)))):
            graph.news_areas.append({"news": news_id, "area": taxonomy.s3_id(code)})
        threads.add("News", news_id, author, at, skewed_count(rng, 0.5, 30), domain)
        published.append(Published(news_id, domain, at))
    return published
