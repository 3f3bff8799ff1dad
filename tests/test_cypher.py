"""Named statements: loading by name and filling placeholders only with code fragments."""

from __future__ import annotations

from pathlib import Path

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


def test_a_rule_applies_to_the_variable_it_names(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "queries" / "probe"
    folder.mkdir(parents=True)
    (folder / "open.cypher").write_text(
        "// a comment that goes\nn.access = 'OPEN' AND n.n <> 'n'\n")
    (folder / "admin.cypher").write_text("$viewerId = 'admin'\n")
    (folder / "content.cypher").write_text(
        "{{rule probe/open}}\n\nOR {{rule probe/admin}}\n")
    (folder / "uses.cypher").write_text(
        "// {{rule probe/missing(c)}} is left alone in a comment\n"
        "EXISTS { (n)-[:IN]->(c) WHERE {{rule probe/content(c)}} } AND {{rule probe/open(n)}}\n"
        "AND {{label}}")
    monkeypatch.setattr(cypher, "CYPHER_ROOT", tmp_path)
    cypher.load.cache_clear()
    try:
        statement = cypher.load("queries/probe/uses")
    finally:
        cypher.load.cache_clear()
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
def test_bad_rules_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str,
                               error: str) -> None:
    folder = tmp_path / "queries" / "probe"
    folder.mkdir(parents=True)
    (folder / "open.cypher").write_text("n.access = 'OPEN'")
    (folder / "loop.cypher").write_text("n.x OR {{rule probe/loop(m)}}")
    (folder / "joins.cypher").write_text("EXISTS { (n)-[:IN]->(m) WHERE m.access = 'OPEN' }")
    (folder / "uses.cypher").write_text(text)
    monkeypatch.setattr(cypher, "CYPHER_ROOT", tmp_path)
    cypher.load.cache_clear()
    try:
        with pytest.raises(cypher.CypherTemplateError, match=error):
            cypher.load("queries/probe/uses")
    finally:
        cypher.load.cache_clear()


def test_a_rule_s_own_variables_never_join_the_statement_s(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "queries" / "probe"
    folder.mkdir(parents=True)
    (folder / "joins.cypher").write_text(
        "EXISTS { (n)-[m:IN {role: 'x'}]->(c:Community) WHERE c.access = 'OPEN' AND m.on }")
    (folder / "uses.cypher").write_text("MATCH (c)-[:IN]->(m) WHERE {{rule probe/joins(m)}}")
    monkeypatch.setattr(cypher, "CYPHER_ROOT", tmp_path)
    cypher.load.cache_clear()
    try:
        statement = cypher.load("queries/probe/uses")
    finally:
        cypher.load.cache_clear()
    assert statement.text == (
        "MATCH (c)-[:IN]->(m) WHERE (EXISTS { (m)-[m_joins:IN {role: 'x'}]->(c_joins:Community) "
        "WHERE c_joins.access = 'OPEN' AND m_joins.on })")


def test_every_rule_directive_of_the_project_expands() -> None:
    for path in (cypher.CYPHER_ROOT / "queries").rglob("*.cypher"):
        name = path.relative_to(cypher.CYPHER_ROOT).with_suffix("").as_posix()
        assert "{{rule" not in cypher.load(name).text, name


def test_statements_load_without_their_comment_lines(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    # Neo4j reads a statement's comments on every run: they stay in the files
    folder = tmp_path / "queries" / "probe"
    folder.mkdir(parents=True)
    (folder / "commented.cypher").write_text(
        "// What it reads.\n// Why.\nMATCH (n:Thing)\n  // the newest first\n"
        "RETURN n.url = 'http://x' AS y\n\nORDER BY n.at DESC\n")
    monkeypatch.setattr(cypher, "CYPHER_ROOT", tmp_path)
    cypher.load.cache_clear()
    try:
        statement = cypher.load("queries/probe/commented")
    finally:
        cypher.load.cache_clear()
    assert statement.text == (
        "MATCH (n:Thing)\nRETURN n.url = 'http://x' AS y\n\nORDER BY n.at DESC")
    monkeypatch.undo()  # and the project's own statements
    for path in (cypher.CYPHER_ROOT / "queries").rglob("*.cypher"):
        name = path.relative_to(cypher.CYPHER_ROOT).with_suffix("").as_posix()
        assert "//" not in cypher.load(name).text, name


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
def test_a_filter_pattern_ends_only_with_join_hints(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, pattern: str) -> None:
    # a filter's pattern is also placed in EXISTS { }, which takes no hint
    from schema.loading import Conditions
    folder = tmp_path / "queries" / "probe"
    folder.mkdir(parents=True)
    (folder / f"{name}.cypher").write_text(f"n.x = $x\n\n{pattern}\n")
    monkeypatch.setattr(cypher, "CYPHER_ROOT", tmp_path)
    cypher.load.cache_clear()
    try:
        with pytest.raises(cypher.CypherTemplateError, match="USING JOIN ON"):
            Conditions(f"probe/{name}").parts({"x": 1, "c": "c"})
    finally:
        cypher.load.cache_clear()
