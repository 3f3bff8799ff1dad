"""Named statements: loading by name and filling placeholders only with code fragments."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app import cypher


@pytest.fixture
def probe(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A folder `queries/probe` whose files the test writes, read for the test in place of the
    project's statements; nothing loaded from it is kept after."""
    folder = tmp_path / "queries" / "probe"
    folder.mkdir(parents=True)
    monkeypatch.setattr(cypher, "CYPHER_ROOT", tmp_path)
    cypher.load.cache_clear()
    yield folder
    monkeypatch.undo()
    cypher.load.cache_clear()


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


def test_a_rule_applies_to_the_variable_it_names(probe: Path) -> None:
    (probe / "open.cypher").write_text(
        "// a comment that goes\nn.access = 'OPEN' AND n.n <> 'n'\n")
    (probe / "admin.cypher").write_text("$viewerId = 'admin'\n")
    (probe / "content.cypher").write_text(
        "{{rule probe/open}}\n\nOR {{rule probe/admin}}\n")
    (probe / "uses.cypher").write_text(
        "// {{rule probe/missing(c)}} is left alone in a comment\n"
        "EXISTS { (n)-[:IN]->(c) WHERE {{rule probe/content(c)}} } AND {{rule probe/open(n)}}\n"
        "AND {{label}}")
    statement = cypher.load("queries/probe/uses")
    assert statement.text == (  # the comment gone, its directive never expanded
        "EXISTS { (n)-[:IN]->(c) WHERE ((c.access = 'OPEN' AND c.n <> 'n')\n"
        "OR ($viewerId = 'admin')) } AND (n.access = 'OPEN' AND n.n <> 'n')\nAND {{label}}")
    assert statement.placeholders == {"label"}


@pytest.mark.parametrize(("text", "error"), [
    ("{{rule probe/loop(c)}}", "includes itself"),
    ("{{rule probe/missing(c)}}", "no rule named"),
    ("{{rule probe/open(c.x)}}", "malformed"),
    ("{{rule ../secret}}", "malformed"),
])
def test_bad_rules_are_refused(probe: Path, text: str, error: str) -> None:
    (probe / "open.cypher").write_text("n.access = 'OPEN'")
    (probe / "loop.cypher").write_text("n.x OR {{rule probe/loop(m)}}")
    (probe / "joins.cypher").write_text("EXISTS { (n)-[:IN]->(m) WHERE m.access = 'OPEN' }")
    (probe / "uses.cypher").write_text(text)
    with pytest.raises(cypher.CypherTemplateError, match=error):
        cypher.load("queries/probe/uses")


def test_a_rule_s_own_variables_never_join_the_statement_s(probe: Path) -> None:
    (probe / "joins.cypher").write_text(
        "EXISTS { (n)-[m:IN {role: 'x'}]->(c:Community) WHERE c.access = 'OPEN' AND m.on }")
    (probe / "uses.cypher").write_text("MATCH (c)-[:IN]->(m) WHERE {{rule probe/joins(m)}}")
    statement = cypher.load("queries/probe/uses")
    assert statement.text == (
        "MATCH (c)-[:IN]->(m) WHERE (EXISTS { (m)-[m_joins:IN {role: 'x'}]->(c_joins:Community) "
        "WHERE c_joins.access = 'OPEN' AND m_joins.on })")


def test_every_statement_of_the_project_loads_expanded_and_without_comments() -> None:
    for path in (cypher.CYPHER_ROOT / "queries").rglob("*.cypher"):
        name = path.relative_to(cypher.CYPHER_ROOT).with_suffix("").as_posix()
        text = cypher.load(name).text
        assert "{{rule" not in text and "//" not in text, name


def test_statements_load_without_their_comment_lines(probe: Path) -> None:
    # Neo4j reads a statement's comments on every run: they stay in the files
    (probe / "commented.cypher").write_text(
        "// What it reads.\n// Why.\nMATCH (n:Thing)\n  // the newest first\n"
        "RETURN n.url = 'http://x' AS y\n\nORDER BY n.at DESC\n")
    assert cypher.load("queries/probe/commented").text == (
        "MATCH (n:Thing)\nRETURN n.url = 'http://x' AS y\n\nORDER BY n.at DESC")


def test_code_applies_a_rule_as_a_directive_would() -> None:
    from schema.loading import applied

    rule = applied("access/viewer_manages_community", "community")
    assert "(community)<-[:MEMBER_OF" in rule and "(n)" not in rule and "//" not in rule
    with pytest.raises(cypher.CypherTemplateError):
        applied("access/viewer_manages_community", "c] WHERE true OR any(x IN [")


@pytest.mark.parametrize(("name", "pattern"), [
    ("same_line", "MATCH (n)-[:IN]->(c:Community {id: $c}) USING JOIN ON c"),
    ("index", "MATCH (n)-[:IN]->(c:Community {id: $c})\nUSING INDEX c:Community(id)"),
    ("then_where", "MATCH (n)-[:IN]->(c:Community {id: $c})\nUSING JOIN ON c\nWHERE c.open"),
])
def test_a_filter_pattern_ends_only_with_join_hints(probe: Path, name: str,
                                                    pattern: str) -> None:
    # a filter's pattern is also placed in EXISTS { }, which takes no hint
    from schema.loading import Conditions
    (probe / f"{name}.cypher").write_text(f"n.x = $x\n\n{pattern}\n")
    with pytest.raises(cypher.CypherTemplateError, match="USING JOIN ON"):
        Conditions(f"probe/{name}").parts({"x": 1, "c": "c"})
