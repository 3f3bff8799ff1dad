"""Named statements: loading by name and filling placeholders only with code fragments."""

from __future__ import annotations

import pytest

from app import cypher


def test_statements_load_by_name() -> None:
    statement = cypher.load("queries/common/root_page")
    assert {"label", "filter", "sort", "projection"} <= statement.placeholders


def test_unfilled_placeholders_are_refused() -> None:
    with pytest.raises(cypher.CypherTemplateError, match="label"):
        cypher.load("queries/common/nodes_by_key").render(key="id", projection=".id")


@pytest.mark.parametrize("name", ["../pyproject", "queries/../../app", "Queries/X", ""])
def test_names_outside_the_folder_are_refused(name: str) -> None:
    with pytest.raises(cypher.CypherTemplateError):
        cypher.load(name)


def test_a_rule_applies_to_any_variable_and_only_to_variables() -> None:
    from schema.loading import applied

    rule = applied("access/viewer_manages_community", "community")
    assert rule.startswith("any(n IN [community] WHERE (")
    assert "MANAGER" in rule and "//" not in rule
    with pytest.raises(ValueError):
        applied("access/viewer_manages_community", "c] WHERE true OR any(x IN [")
