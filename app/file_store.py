"""The bytes of documents, kept outside the graph in a content-addressed folder.

A file is stored once under its SHA-256 (`<root>/ab/cd/abcd…`), however many document versions
hold it; the graph keeps the metadata and the hash (DESIGN.md). An upload is first written to
a temporary file while it is hashed and measured, so nothing partial is ever visible under a
hash.

Bytes and graph agree even when an upload and a deletion of the same content meet, from any
process on this machine: placing a file (move into place, record in the graph, remove again if
the record failed and nothing else refers to it) and removing one (check the graph holds no
reference, then unlink) each hold an exclusive lock on the hash's stripe, one of 256 lock
files. So whenever the graph names a hash, its bytes are there.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import hashlib
import os
import re
import tempfile
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Protocol

CHUNK_BYTES = 1 << 20
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


class Readable(Protocol):
    """What an upload offers (starlette's UploadFile): chunks of its bytes."""

    async def read(self, size: int = -1) -> bytes: ...


# Whether the graph still refers to the bytes with a hash (asked of the primary, under the lock).
Referenced = Callable[[str], Awaitable[bool]]


@dataclass
class Placement:
    """Bytes put in place for the graph to record; `recorded` once the record is committed."""

    recorded: bool = False


@dataclass(frozen=True)
class Received:
    """An upload written to a temporary file: its hash, its size, and where it waits."""

    sha256: str
    size: int
    path: Path


class FileStore:
    """The content-addressed folder at `root` (created on first use)."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.incoming = self.root / "incoming"
        self.locks = self.root / "locks"
        self._folders_made = False
        self._stripes: dict[str, asyncio.Lock] = {}

    def _make_folders(self) -> None:
        if not self._folders_made:
            self.incoming.mkdir(parents=True, exist_ok=True)
            self.locks.mkdir(parents=True, exist_ok=True)
            self._folders_made = True

    def path_of(self, sha256: str) -> Path:
        """Where the bytes with this hash live (they may not be there)."""
        if not _SHA256.match(sha256):
            raise ValueError("not a SHA-256 in lower-case hexadecimal")
        return self.root / sha256[:2] / sha256[2:4] / sha256

    async def receive(self, upload: Readable, limit: int) -> Received | None:
        """Write `upload` to a temporary file, hashing it on the way; None (and nothing kept)
        when it holds more than `limit` bytes."""
        self._make_folders()
        handle, name = tempfile.mkstemp(dir=self.incoming)
        digest, size = hashlib.sha256(), 0
        try:
            with os.fdopen(handle, "wb") as target:
                while chunk := await upload.read(CHUNK_BYTES):
                    size += len(chunk)
                    if size > limit:
                        raise _TooLarge
                    await asyncio.to_thread(_take, chunk, digest, target)
        except BaseException as error:
            _discard(Path(name))
            if isinstance(error, _TooLarge):
                return None
            raise
        return Received(digest.hexdigest(), size, Path(name))

    @contextlib.asynccontextmanager
    async def placing(self, received: Received,
                      referenced: Referenced) -> AsyncIterator[Placement]:
        """Put the bytes of `received` in place and hold the hash's lock while the graph
        records them. Unless the caller marks the placement `recorded`, the bytes are removed
        again on the way out when the graph holds no other reference to them (`referenced`,
        asked under the lock), so that a refused or failed record leaves no bytes behind and
        a recorded hash always has its bytes."""
        placement = Placement()
        async with self._locked(received.sha256):
            target = self.path_of(received.sha256)
            try:
                await asyncio.to_thread(_place, received.path, target)
                yield placement
            finally:
                _discard(received.path)
                if not placement.recorded and not await referenced(received.sha256):
                    _discard(target)

    async def remove_unreferenced(self, hashes: set[str], referenced: Referenced) -> None:
        """Remove the bytes of each hash that the graph no longer refers to, as `referenced`
        (a read of the graph, made while the hash is locked) tells."""
        for sha256 in sorted(hashes):
            async with self._locked(sha256):
                if not await referenced(sha256):
                    _discard(self.path_of(sha256))

    @contextlib.asynccontextmanager
    async def _locked(self, sha256: str) -> AsyncIterator[None]:
        """The hash's stripe, held by this coroutine alone: first among this process's
        coroutines (an asyncio lock, so at most one thread per stripe waits on the file lock),
        then among processes (`flock`, waited for in a thread)."""
        stripe = sha256[:2]
        async with self._stripes.setdefault(stripe, asyncio.Lock()):
            self._make_folders()
            descriptor = os.open(self.locks / f"{stripe}.lock", os.O_RDWR | os.O_CREAT, 0o600)
            waiting = asyncio.ensure_future(
                asyncio.to_thread(fcntl.flock, descriptor, fcntl.LOCK_EX))
            try:
                await asyncio.shield(waiting)
            except asyncio.CancelledError:
                # the thread still waits on the descriptor: close it only once it is done
                waiting.add_done_callback(lambda _: os.close(descriptor))
                raise
            try:
                yield
            finally:
                os.close(descriptor)  # closing releases the lock


class _TooLarge(Exception):
    pass


def _discard(path: Path) -> None:
    path.unlink(missing_ok=True)


def _take(chunk: bytes, digest: Any, target: BinaryIO) -> None:
    """Hash and write one chunk (off the event loop: both cost a millisecond per MiB)."""
    digest.update(chunk)
    target.write(chunk)


def _place(source: Path, target: Path) -> None:
    """Move an upload to its place; bytes already there (the same hash) stay as they are."""
    if target.exists():
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(source, target)
