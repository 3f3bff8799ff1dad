"""Named Cypher statements: every statement the API runs lives in a `.cypher` file under `cypher/`.

A statement is loaded by its path without the suffix, e.g. `load("queries/actors/users")`.
Statements may hold `{{placeholder}}` slots, filled by `Statement.render` only with fragments that
the code chooses from an allow-list (sort keys, directions) or with other named files (shared
filters and projections). Values from users never reach the text: they travel as parameters.

A fragment may apply another fragment's rule, so that each access rule is written once. The
directive `{{rule <name>(<variable>)}}`, where `<name>` is a fragment under `queries/` written
as a predicate on `n`, is replaced when the file is loaded by that predicate applied to
`<variable>`, in parentheses:

    EXISTS { (n)-[:IN]->(community:Community)
             WHERE {{rule communities/community_content_visible(community)}} }

places `community_content_visible` with its variable `n` renamed `community` (outside quoted
strings; `n.access` becomes `community.access`). Renaming, rather than binding `n` in a list
predicate, keeps the text valid inside subqueries, where Neo4j refuses to shadow an outer `n`.
The variables a fragment binds in its own patterns (`MATCH (viewer:User ...)`) are renamed
to names of the fragment's own (`viewer_<fragment>`), so they never silently join a variable
of the same name in the statement around it. `{{rule <name>}}` (no variable, or `(n)`)
places the fragment as it is, for a rule on `n` itself (`access/viewer_proposes` within
`proposal_visible`). The roles of a person are rules on a User node (`access/platform_admin`),
applied to the viewer's node once a fragment has found it (`MATCH (viewer:User {id:
$viewerId})`).
Comment lines (`//` first on the line) are dropped when a file is loaded: they document the
files, and Neo4j reads a statement's comments again on every run of it (a network statement
with its header cost Neo4j 8-23 % more CPU per run: benchmarks/results.md, change 18).
Migrations are read whole (app/migrations.py), their checksums over the files as written.
Included fragments lose their blank lines too and may include others (never themselves).
The space and the slash keep a directive apart from a `{{placeholder}}`, which is a single
lower-case word filled by code.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

CYPHER_ROOT = Path(__file__).resolve().parent.parent / "cypher"
_PLACEHOLDER = re.compile(r"\{\{\s*([a-z_]+)\s*\}\}")
_NAME = re.compile(r"^[a-z0-9_]+(/[a-z0-9_]+)*$")
_RULE = re.compile(
    r"\{\{rule ([a-z0-9_]+(?:/[a-z0-9_]+)+)(?:\(([A-Za-z_][A-Za-z0-9_]*)\))?\}\}")
_DIRECTIVE = re.compile(r"\{\{rule\b")
_QUOTED = r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`[^`]*`"""
# a quoted string or backquoted name (kept as it is), or the identifier `n` (not `.n`, `$n`)
_RULE_VARIABLE = re.compile(_QUOTED + r"|(?<![\w.$])n(?!\w)")
# a variable bound by a node or relationship pattern: `(viewer:User`, `[m:MEMBER_OF`, `(c)`
# (variables start lower-case; keywords such as `(EXISTS {` are upper-case)
_BOUND = re.compile(r"[(\[]\s*([a-z_]\w*)\s*(?=[:)\]{])")
# a quoted string (kept), or an identifier that is neither a property (`.x`), a parameter
# (`$x`) nor a map key (`x: ` — a label follows its colon at once: `(x:Label`)
_PRIVATE_TOKEN = re.compile(_QUOTED + r"|(?<![\w.$])[A-Za-z_]\w*(?!\w)(?!:\s)(?!\s+:)")


class CypherTemplateError(LookupError):
    """A statement or fragment is missing, or a placeholder was left unfilled."""


@dataclass(frozen=True)
class Statement:
    """The text of one named statement, possibly with placeholders."""

    name: str
    text: str

    @property
    def placeholders(self) -> frozenset[str]:
        return frozenset(_PLACEHOLDER.findall(self.text))

    @property
    def checksum(self) -> str:
        return hashlib.sha256(self.text.encode()).hexdigest()

    def render(self, **fragments: str) -> str:
        """The text with every placeholder replaced by the fragment of the same name."""
        missing = self.placeholders - fragments.keys()
        if missing:
            raise CypherTemplateError(f"{self.name}: no fragment for {sorted(missing)}")
        return _PLACEHOLDER.sub(lambda match: fragments[match.group(1)], self.text)


@cache
def load(name: str) -> Statement:
    """The statement stored in `cypher/<name>.cypher`; names are checked, files read once."""
    if not _NAME.match(name):
        raise CypherTemplateError(f"invalid statement name {name!r}")
    path = CYPHER_ROOT / f"{name}.cypher"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CypherTemplateError(f"no statement named {name!r} ({path})") from None
    return Statement(name=name, text=_expand_rules(name, _uncommented(text).strip(), (name,)))


def _uncommented(text: str) -> str:
    """`text` without its comment lines."""
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))


def _expand_rules(name: str, text: str, including: tuple[str, ...]) -> str:
    """`text` (without comments) with every `{{rule ...}}` directive replaced by the
    fragment it names, applied to its variable; `including` is the chain of files being
    expanded, to refuse a cycle."""

    def expand(match: re.Match[str]) -> str:
        return _applied(name, match.group(1), match.group(2) or "n", including)

    lines = []
    for line in text.splitlines():
        line = _RULE.sub(expand, line)
        if _DIRECTIVE.search(line):
            raise CypherTemplateError(f"{name}: malformed rule directive in {line.strip()!r}")
        lines.append(line)
    return "\n".join(lines)


@cache
def rule(name: str, variable: str) -> str:
    """What `{{rule <name>(<variable>)}}` places in a statement: the predicate fragment
    `queries/<name>` applied to `variable`, for statements whose code fills a placeholder
    with a rule. Cached like `load`: code fills placeholders on every request (a
    recommendation's visibility rules), and the fragment's file is read once."""
    return _applied("code", name, variable, ())


def _applied(name: str, rule_name: str, variable: str, including: tuple[str, ...]) -> str:
    included = f"queries/{rule_name}"
    if included in including:
        raise CypherTemplateError(f"{name}: rule {included!r} includes itself")
    if not _NAME.match(included) or not (CYPHER_ROOT / f"{included}.cypher").is_file():
        raise CypherTemplateError(f"{name}: no rule named {rule_name!r}")
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", variable):
        raise CypherTemplateError(f"{name}: {variable!r} is not a variable")
    source = (CYPHER_ROOT / f"{included}.cypher").read_text(encoding="utf-8")
    # no blank lines either: a paragraph break means a new condition (schema/loading.py)
    body = "\n".join(line for line in _uncommented(source.strip()).splitlines() if line.strip())
    body = _expand_rules(included, body, (*including, included))
    body = _private(body, rule_name)
    return "(" + _RULE_VARIABLE.sub(
        lambda token: variable if token.group(0) == "n" else token.group(0), body) + ")"


def _private(body: str, rule_name: str) -> str:
    """`body` with each variable it binds in a pattern, other than `n`, renamed to a name of
    this rule's own (`viewer` becomes `viewer_<rule>`), so that a statement's variable of the
    same name is never silently taken as given: `MATCH (viewer:User ...)` inside the rule
    then matches on its own, whatever the statement around it calls its nodes."""
    unquoted = re.sub(_QUOTED, "''", body)
    bound = {match.group(1) for match in _BOUND.finditer(unquoted)} - {"n"}
    if not bound:
        return body
    suffix = rule_name.rsplit("/", 1)[-1]

    def rename(token: re.Match[str]) -> str:
        found = token.group(0)
        return f"{found}_{suffix}" if found in bound else found

    return _PRIVATE_TOKEN.sub(rename, body)


@cache
def rendered(name: str, **fragments: str) -> str:
    """`load(name).render(**fragments)`, cached: the same variant renders to the same text."""
    return load(name).render(**fragments)
