"""Persisted queries: operations sent as the hash of their text instead of the text.

Automatic persisted queries follow Apollo's protocol. A client sends
`extensions: {persistedQuery: {version: 1, sha256Hash}}` without `query`; a hash the process
does not know is answered with PERSISTED_QUERY_NOT_FOUND ("PersistedQueryNotFound"), and the
client sends the operation again with its text, which is kept when its SHA-256 is the hash it
names (a wrong hash is refused). Over GET the request line then holds only the hash and the
variables, so caches in front of the API can keep the answers of queries.

The texts are kept in each process's memory, least recently used first to go, up to
PERSISTED_QUERIES_CACHE_BYTES: every replica learns a hash on its own, and a miss costs the
client one round trip more, never an error. Neo4j would share them across replicas, but only
to save that rare round trip, at the price of a database read before every hashed request.

Registered operations (PERSISTED_QUERIES_PATH: a JSON manifest or a folder of `.graphql`
files) are known from the start and never forgotten; with PERSISTED_QUERIES_ONLY only they run
and anything else is refused with PERSISTED_QUERY_REQUIRED, subscriptions included.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import OrderedDict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from strawberry.extensions import SchemaExtension

from app.context import Context
from app.errors import ApiError, BadUserInput

NOT_FOUND_MESSAGE = "PersistedQueryNotFound"  # the message Apollo's clients look for
SHA256_HEX = re.compile(r"[0-9a-f]{64}")


class PersistedQueryNotFound(ApiError):
    """The hash names no query this process knows: send the query with it."""

    code = "PERSISTED_QUERY_NOT_FOUND"


class PersistedQueryRequired(ApiError):
    """Only registered operations run here, and this one is not registered."""

    code = "PERSISTED_QUERY_REQUIRED"


def learned(query: str | None, extensions: dict[str, Any] | None) -> str | None:
    """The text a request sends with its hash, which `remember` keeps once it has proved
    valid (and has run); None for a request without both."""
    if query is not None and (extensions or {}).get("persistedQuery") is not None:
        return query
    return None


def sha256_hex(text: str) -> str:
    """The SHA-256 of a query's UTF-8 text in lowercase hex, as clients compute it."""
    return hashlib.sha256(_utf8(text)).hexdigest()


def _utf8(text: str) -> bytes:
    # A lone surrogate, which JSON's `\ud800` escape can send but no UTF-8 text holds, is
    # written as its three bytes: such a text matches no hash a client computed of real text
    # and no registered query, and is refused as they are, instead of failing to encode.
    return text.encode("utf-8", "surrogatepass")


class PersistedQueries:
    """The query texts a process knows by hash: registered ones, and a bounded cache of those
    clients sent (automatic persisted queries)."""

    def __init__(self, registered: dict[str, str], cache_bytes: int,
                 only_registered: bool = False) -> None:
        self.registered = registered
        self.cache_bytes = cache_bytes
        self.only_registered = only_registered
        self._cache: OrderedDict[str, str] = OrderedDict()
        self._cached_bytes = 0

    def resolve(self, query: str | None, extensions: dict[str, Any] | None) -> str | None:
        """The text of the operation to run; raises the error to answer instead. A text sent
        with its hash is returned for `remember` to keep once it has proved valid."""
        if extensions is not None and not isinstance(extensions, dict):
            raise BadUserInput("`extensions` must be an object.")
        wanted = (extensions or {}).get("persistedQuery")
        if wanted is None:
            if self.only_registered and query is not None \
                    and sha256_hex(query) not in self.registered:
                raise _required()
            return query
        digest = _requested_hash(wanted)
        if query is None:
            found = self.registered.get(digest)
            if found is None and not self.only_registered:
                found = self._cached(digest)
            if found is not None:
                return found
            if self.only_registered:
                raise _required()
            raise PersistedQueryNotFound(NOT_FOUND_MESSAGE)
        if sha256_hex(query) != digest:
            raise BadUserInput("provided sha does not match query")
        if self.only_registered and digest not in self.registered:
            raise _required()
        return query

    def remember(self, query: str) -> None:
        """Keep a valid query by the hash of its text (the least recently used ones go
        when the cache is full)."""
        digest = sha256_hex(query)
        if digest in self.registered or digest in self._cache or self.only_registered:
            return
        size = _entry_bytes(query)
        if size > self.cache_bytes:
            return
        self._cache[digest] = query
        self._cached_bytes += size
        while self._cached_bytes > self.cache_bytes:
            _, dropped = self._cache.popitem(last=False)
            self._cached_bytes -= _entry_bytes(dropped)

    def _cached(self, digest: str) -> str | None:
        found = self._cache.get(digest)
        if found is not None:
            self._cache.move_to_end(digest)
        return found


def _requested_hash(wanted: object) -> str:
    """The hash an `extensions.persistedQuery` names; BAD_USER_INPUT when it is malformed."""
    if not isinstance(wanted, dict) or wanted.get("version") != 1:
        raise BadUserInput("Only version 1 of persisted queries is supported: "
                           "extensions.persistedQuery must be {version: 1, sha256Hash}.")
    digest = wanted.get("sha256Hash")
    if not isinstance(digest, str) or not SHA256_HEX.fullmatch(digest.lower()):
        raise BadUserInput("extensions.persistedQuery.sha256Hash must be a SHA-256 in hex.")
    return digest.lower()


def _required() -> PersistedQueryRequired:
    return PersistedQueryRequired(
        "Only registered operations run on this server: send the sha256Hash of one in "
        "extensions.persistedQuery.")


def load_registered(path: Path | None) -> dict[str, str]:
    """The registered operations by hash: from a JSON manifest (`{sha256: query}`, or
    Apollo's persisted query manifest with `operations: [{id, body}]`) or a folder of
    `.graphql` files (each file's text as a client sends it). A hash that is not the SHA-256
    of its text is an error: clients could never send it."""
    if path is None:
        return {}
    if path.is_dir():
        texts = [file.read_text(encoding="utf-8") for file in sorted(path.rglob("*.graphql"))]
        return {sha256_hex(text): text for text in texts}
    manifest = json.loads(path.read_text(encoding="utf-8"))
    if isinstance(manifest, dict) and isinstance(manifest.get("operations"), list):
        pairs = [(entry["id"], entry["body"]) for entry in manifest["operations"]]
    elif isinstance(manifest, dict):
        pairs = list(manifest.items())
    else:
        raise ValueError(f"{path}: a manifest is a JSON object")
    for digest, text in pairs:
        if not isinstance(text, str) or not isinstance(digest, str) \
                or digest.lower() != sha256_hex(text):
            raise ValueError(f"{path}: {digest!r} is not the SHA-256 of its query")
    return {digest.lower(): text for digest, text in pairs}


# What an entry costs beside its text: the hash key, the two strings' headers, the map's slot.
ENTRY_OVERHEAD_BYTES = 300


def _entry_bytes(query: str) -> int:
    return len(_utf8(query)) + ENTRY_OVERHEAD_BYTES


class PersistedQueryLookup(SchemaExtension):
    """Puts the text of a persisted query into the operation before strawberry parses it,
    and keeps a text sent with its hash once it has parsed and validated (execution starts
    only then)."""

    def on_operation(self) -> Iterator[None]:
        context = self.execution_context.context
        self.store = context.persisted_queries if isinstance(context, Context) else None
        self.learned: str | None = None
        if self.store is not None:
            sent = self.execution_context.query
            extensions = self.execution_context.operation_extensions
            try:
                self.execution_context.query = self.store.resolve(sent, extensions)
            except ApiError:
                if isinstance(context, Context) and context.budget is not None:
                    context.budget.spend(1)  # a refusal costs a point, as in app/query_limits
                raise
            self.learned = learned(sent, extensions)
        yield

    def on_execute(self) -> Iterator[None]:
        dry_run = (self.execution_context.operation_extensions or {}).get("dryRun") is True
        if self.store is not None and self.learned is not None and not dry_run:
            self.store.remember(self.learned)
        yield
