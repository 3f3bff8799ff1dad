"""The seed taxonomies are complete and the generator is deterministic and idempotent."""

from __future__ import annotations

import uuid
from collections import Counter

import pytest

from app.db import Database
from seeds.__main__ import DEMO_SCALE
from seeds.generator import Generator, vat_number
from seeds.load import DataSetConflict, fingerprint, seed
from seeds.taxonomy import Taxonomy
from tests.conftest import DEMO_SEED, GraphQL, run_test_cypher


def test_taxonomies_are_the_real_ones() -> None:
    taxonomy = Taxonomy.load()
    assert Counter(area["period"] for area in taxonomy.s3_areas) == {
        "2014-2020": 8, "2021-2027": 8}
    assert len(taxonomy.provinces) == 12
    assert len(taxonomy.competences) >= 150
    keys = {entry["key"] for entry in taxonomy.competences}
    assert all(entry["broader"] in keys for entry in taxonomy.competences if entry["broader"])


def test_the_generator_is_deterministic() -> None:
    taxonomy = Taxonomy.load()
    first = Generator(taxonomy, 7, 0.01).generate()
    again = Generator(taxonomy, 7, 0.01).generate()
    other = Generator(taxonomy, 8, 0.01).generate()
    assert first == again
    assert first.users != other.users
    assert len(first.users) == 222
    assert len({user["handle"] for user in first.users}) == len(first.users)


def test_vat_numbers_have_valid_check_digits() -> None:
    import random

    rng = random.Random(1)
    for _ in range(100):
        number = vat_number(rng)
        digits = [int(char) for char in number]
        total = sum(digits[0::2]) + sum(d * 2 - 9 if d * 2 > 9 else d * 2 for d in digits[1::2])
        assert len(number) == 11 and total % 10 == 0


async def test_loading_the_demo_again_changes_nothing(db: Database, gql: GraphQL) -> None:
    query = "{ users { totalCount } organizations { totalCount } competences { totalCount } }"
    before = await gql.data(query)
    assert await seed(db, DEMO_SEED, DEMO_SCALE) is not None
    assert await gql.data(query) == before
    [count] = await run_test_cypher(db, "count_users", province=None)
    assert count["n"] == before["users"]["totalCount"]


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
