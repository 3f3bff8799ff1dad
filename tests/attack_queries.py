"""The classic GraphQL attacks, as public scanners (graphql-cop, InQL, BatchQL) send them, each
with the answer this API gives: HTTP status and error code."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Attack:
    """One hostile request body and how it must be refused."""

    name: str
    body: Any
    status: int
    code: str


def _nested(levels: int) -> str:
    """`viewer { followers { edges { node { followers { ...` down `levels` connections."""
    opening = "viewer { " + "followers { edges { node { " * levels
    return "{ " + opening + "id" + " } } }" * levels + " } }"


def _logins(count: int) -> str:
    return "mutation { " + " ".join(
        f'l{number}: login(input: {{email: "admin@example.org", password: "guess{number}"}}) '
        "{ accessToken }" for number in range(count)) + " }"


ATTACKS = [
    Attack("alias overloading (100 aliases)",
           {"query": "{ " + " ".join(f"a{number}: __typename" for number in range(100)) + " }"},
           200, "QUERY_TOO_COMPLEX"),
    Attack("field duplication (1,000 fields)",
           {"query": "{ viewer { " + "id " * 1000 + "} }"}, 200, "QUERY_TOO_COMPLEX"),
    Attack("field duplication within the field limit (250 x viewer { id })",
           {"query": "{ " + "viewer { id } " * 250 + "}"}, 200, "QUERY_TOO_COMPLEX"),
    Attack("deeply nested query (40 connections)", {"query": _nested(40)},
           200, "QUERY_TOO_COMPLEX"),
    Attack("very deeply nested query (10,000 levels)",
           {"query": "{ a" + " { a" * 10_000 + " }" * 10_001}, 200, "QUERY_TOO_COMPLEX"),
    Attack("circular fragments",
           {"query": "{ ...A } fragment A on Query { viewer { id } ...B } "
                     "fragment B on Query { ...A }"}, 200, "BAD_USER_INPUT"),
    Attack("fragment bomb (2^20 fields)",
           {"query": "{ ...F0 } " + " ".join(
               f"fragment F{level} on Query {{ ...F{level + 1} ...F{level + 1} }}"
               for level in range(20)) + " fragment F20 on Query { __typename }"},
           200, "QUERY_TOO_COMPLEX"),
    Attack("batched login brute force (100 aliased logins)", {"query": _logins(100)},
           200, "QUERY_TOO_COMPLEX"),
    Attack("batched login brute force (JSON array of 100)",
           [{"query": _logins(1)} for _ in range(100)], 400, "BAD_USER_INPUT"),
    Attack("directive overloading (1,000 directives)",
           {"query": "{ __typename " + "@include(if: true) " * 1000 + "}"},
           200, "QUERY_TOO_COMPLEX"),
    Attack("huge string argument (1 MiB)",
           {"query": '{ search(query: "' + "A" * (1 << 20) + '") { totalCount } }'},
           413, "PAYLOAD_TOO_LARGE"),
    Attack("introspection cycle",
           {"query": "{ __schema { types { fields { type { fields { type { fields { name } } } "
                     "} } } } }"}, 200, "QUERY_TOO_COMPLEX"),
    Attack("introspection fragment bomb (2^30 fields)",
           {"query": "{ __schema { types { ...F0 } } } " + " ".join(
               f"fragment F{level} on __Type {{ ...F{level + 1} ...F{level + 1} }}"
               for level in range(30)) + " fragment F30 on __Type { name }"},
           200, "QUERY_TOO_COMPLEX"),
    Attack("repeated fields in an unused fragment",
           {"query": "{ __typename } fragment Unused on Query { " + "viewer { id } " * 600
                     + "}"}, 200, "QUERY_TOO_COMPLEX"),
    Attack("repeated fields in an operation that does not run",
           {"query": "query Run { __typename } query Other { " + "viewer { id } " * 600 + "}",
            "operationName": "Run"}, 200, "QUERY_TOO_COMPLEX"),
    Attack("repeated fields under an unknown field",
           {"query": "{ unknown { " + "viewer { id } " * 600 + "} }"},
           200, "QUERY_TOO_COMPLEX"),
    Attack("page sizes as floats (100.0 x 100.0 x 100.0 nodes)",
           {"query": "query($a: Int, $b: Int, $c: Int) { users(first: $a) { edges { node { "
                     "followers(first: $b) { edges { node { followers(first: $c) { "
                     "totalCount } } } } } } } }",
            "variables": {"a": 100.0, "b": 100.0, "c": 100.0}}, 200, "QUERY_TOO_COMPLEX"),
    Attack("page size as a float over the limit", {
        "query": "query($n: Int) { users(first: $n) { totalCount } }",
        "variables": {"n": 1e9}}, 200, "BAD_USER_INPUT"),
    Attack("wide connections (100 x 100 x 100 nodes)",
           {"query": "{ users(first: 100) { edges { node { followers(first: 100) { edges { "
                     "node { followers(first: 100) { totalCount } } } } } } } }"},
           200, "QUERY_TOO_COMPLEX"),
]
