"""The bytes of documents, kept outside the graph in a content-addressed folder.

A file is stored once under its SHA-256 (`<root>/ab/cd/abcd…`), however many document versions
hold it; the graph keeps the metadata and the hash (DESIGN.md). An upload is first written to
a temporary file while it is hashed and measured, so nothing partial is ever visible under a
hash; it takes its place only after the graph has recorded it.

Bytes and graph agree even when an upload and a deletion of the same content meet, from any
process on this machine: placing a file (record in the graph, then move into place) and
removing one (check the graph holds no reference, then unlink) each hold an exclusive lock on
the hash's stripe, one of 256 lock files. A deletion therefore either sees the new reference
and keeps the file, or removes it before the upload puts it back.
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
from typing import Protocol

CHUNK_BYTES = 1 << 20
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


class Readable(Protocol):
    """What an upload offers (starlette's UploadFile): chunks of its bytes."""

    async def read(self, size: int = -1) -> bytes: ...


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

    def path_of(self, sha256: str) -> Path:
        """Where the bytes with this hash live (they may not be there)."""
        if not _SHA256.match(sha256):
            raise ValueError("not a SHA-256 in lower-case hexadecimal")
        return self.root / sha256[:2] / sha256[2:4] / sha256

    async def receive(self, upload: Readable, limit: int) -> Received | None:
        """Write `upload` to a temporary file, hashing it on the way; None (and nothing kept)
        when it holds more than `limit` bytes."""
        incoming = self.root / "incoming"
        incoming.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=incoming)
        digest, size = hashlib.sha256(), 0
        try:
            with os.fdopen(handle, "wb") as target:
                while chunk := await upload.read(CHUNK_BYTES):
                    size += len(chunk)
                    if size > limit:
                        raise _TooLarge
                    digest.update(chunk)
                    await asyncio.to_thread(target.write, chunk)
        except BaseException as error:
            _discard(Path(name))
            if isinstance(error, _TooLarge):
                return None
            raise
        return Received(digest.hexdigest(), size, Path(name))

    @contextlib.asynccontextmanager
    async def placing(self, received: Received) -> AsyncIterator[Callable[[], None]]:
        """Hold the hash's lock while the graph records `received`; the context gives the
        function that moves the bytes into place (call it once the record is committed).
        The temporary file is gone afterwards, whether placed or not."""
        try:
            async with self._locked(received.sha256):
                target = self.path_of(received.sha256)

                def place() -> None:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    os.replace(received.path, target)

                yield place
        finally:
            _discard(received.path)  # gone already when placed

    async def remove_unreferenced(self, hashes: set[str],
                                  referenced: Callable[[str], Awaitable[bool]]) -> None:
        """Remove the bytes of each hash that the graph no longer refers to, as `referenced`
        (a read of the graph, made while the hash is locked) tells."""
        for sha256 in sorted(hashes):
            async with self._locked(sha256):
                if not await referenced(sha256):
                    self.path_of(sha256).unlink(missing_ok=True)

    @contextlib.asynccontextmanager
    async def _locked(self, sha256: str) -> AsyncIterator[None]:
        locks = self.root / "locks"
        locks.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(locks / f"{sha256[:2]}.lock", os.O_RDWR | os.O_CREAT, 0o600)
        try:
            # flock blocks: wait in a thread so the event loop keeps serving others
            await asyncio.to_thread(fcntl.flock, descriptor, fcntl.LOCK_EX)
            yield
        finally:
            os.close(descriptor)  # closing releases the lock


class _TooLarge(Exception):
    pass


def _discard(path: Path) -> None:
    path.unlink(missing_ok=True)
