"""The EEN keyword mapping file and POD's vocabulary: consistent with the taxonomy, and what
the export writes reads back as the same values."""

from __future__ import annotations

import pytest

from schema.een.mapping import MAPPING_FILE, KeywordMapping, keyword_mapping
from schema.een.pod import IPR, PARTNERSHIPS, STAGES, recognized, wording
from schema.een.profiles import Keyword
from seeds.taxonomy import Taxonomy


def competences(mapping: KeywordMapping, scheme: str, code: str) -> tuple[str, ...]:
    """The competences the entry of a code names (it must have one)."""
    entry = mapping.entry(scheme, code)
    assert entry is not None, (scheme, code)
    return entry.competences


def test_every_taxonomy_keyword_maps_within_its_own_domain() -> None:
    mapping = keyword_mapping()
    taxonomy = mapping.taxonomy
    for item in taxonomy.een["keywords"]:
        entry = mapping.entry(item["scheme"], item["code"])
        assert entry is not None, item
        domain = item["domain"]
        within = {domain, *taxonomy.descendants(domain)}
        assert set(entry.competences) <= within, item
        assert set(entry.areas) == set(taxonomy.s3_codes(domain)), item


def test_the_longest_key_a_code_begins_with_decides() -> None:
    mapping = keyword_mapping()
    assert competences(mapping, "TECHNOLOGY", "01001001") == ("additive-manufacturing",)
    assert competences(mapping, "TECHNOLOGY", "01001777") == ("advanced-manufacturing",)
    assert mapping.entry("TECHNOLOGY", "99001001") is None
    mapped = mapping.of_keywords([Keyword("TECHNOLOGY", "99001001", "x"),
                                  Keyword("NACE", "C28.41", "y")])
    assert mapped.unmapped == ["TECHNOLOGY 99001001"]
    assert mapped.competence_ids == [
        mapping.taxonomy.competence_id("advanced-manufacturing")]


def test_an_entry_may_name_its_own_areas_and_must_name_what_exists() -> None:
    taxonomy = Taxonomy.load()
    mapping = KeywordMapping({"MARKET": {"03002002": {
        "competences": ["digital-health"], "s3": ["S3-2021-SVILUPPO-SOCIALE"]}}}, taxonomy)
    entry = mapping.entry("MARKET", "03002002")
    assert entry is not None and entry.areas == ("S3-2021-SVILUPPO-SOCIALE",)
    for wrong in ({"competences": ["no-such-competence"]}, {"competences": [], "s3": ["S3-X"]}):
        with pytest.raises(ValueError, match=MAPPING_FILE.name):
            KeywordMapping({"NACE": {"Z99": wrong}}, taxonomy)


def test_competences_export_as_the_keywords_that_give_them_back() -> None:
    mapping = keyword_mapping()
    taxonomy = mapping.taxonomy
    [keyword] = mapping.keywords_for([taxonomy.competence_id("additive-manufacturing")])
    assert (keyword.scheme, keyword.code) == ("TECHNOLOGY", "01001001")
    # no keyword names lean manufacturing: those of advanced manufacturing stand for it
    broader = mapping.keywords_for([taxonomy.competence_id("lean-manufacturing")])
    assert {competences(mapping, k.scheme, k.code) for k in broader} == {
        ("advanced-manufacturing",)}


@pytest.mark.parametrize("table", [STAGES, IPR, PARTNERSHIPS])
def test_pod_wording_reads_back_as_the_same_value(
        table: tuple[tuple[str, str, str], ...]) -> None:
    for _, value, _ in table:
        assert recognized(wording(value, table), table) == value
    assert recognized("something else entirely", table) is None
