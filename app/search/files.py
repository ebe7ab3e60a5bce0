"""Index files that any number of threads read at once.

Whoosh opens each segment file once and every searcher thread reads it through that one
handle as `seek` then `read`: two threads interleaving those calls read each other's bytes
(garbled postings, failed unpickling). Here reads use `os.pread`, which takes its offset as
an argument, and each thread keeps its own position, so one shared open file is safe.
Files are still read, not mapped (see index._storage).
"""

from __future__ import annotations

import os
import threading

from whoosh.filedb.filestore import FileStorage
from whoosh.filedb.structfile import StructFile


class _Descriptor:
    """An open file descriptor, closed once by the file that opened it."""

    def __init__(self, path: str) -> None:
        self.fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
        self.closed = False

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            os.close(self.fd)

    def __del__(self) -> None:
        # Replaced searchers are dropped, not closed (other threads may still be reading):
        # like a Python file object, the descriptor closes when nothing refers to it.
        self.close()


class PositionFreeFile:
    """A read-only file over bytes [start, start + length) of a descriptor, with a position
    per thread; `pread` reads at an offset without touching any position."""

    def __init__(self, descriptor: _Descriptor, start: int, length: int, *, owner: bool) -> None:
        self._descriptor = descriptor
        self._start = start
        self._length = length
        self._owner = owner  # the whole file closes the descriptor; its parts do not
        self._local = threading.local()
        self.closed = False

    @classmethod
    def open(cls, path: str) -> PositionFreeFile:
        descriptor = _Descriptor(path)
        return cls(descriptor, 0, os.fstat(descriptor.fd).st_size, owner=True)

    def part(self, offset: int, length: int) -> PositionFreeFile:
        return PositionFreeFile(self._descriptor, self._start + offset, length, owner=False)

    # -- reading at an offset

    def pread(self, offset: int, size: int) -> bytes:
        if self._descriptor.closed:  # its number may belong to another file by now
            raise ValueError("I/O operation on closed file.")
        size = max(0, min(size, self._length - offset))
        if size == 0:
            return b""
        chunks = []
        at = self._start + offset
        while size > 0:  # pread may return less than asked (rarely, for regular files)
            chunk = os.pread(self._descriptor.fd, size, at)
            if not chunk:
                break
            chunks.append(chunk)
            at += len(chunk)
            size -= len(chunk)
        return chunks[0] if len(chunks) == 1 else b"".join(chunks)

    # -- the file interface Whoosh and pickle use, with this thread's position

    def tell(self) -> int:
        return getattr(self._local, "pos", 0)

    def seek(self, where: int, whence: int = 0) -> int:
        if whence == 1:
            where += self.tell()
        elif whence == 2:
            where += self._length
        self._local.pos = max(0, where)
        return self._local.pos

    def read(self, size: int | None = -1) -> bytes:
        pos = self.tell()
        if size is None or size < 0:
            size = self._length - pos
        data = self.pread(pos, size)
        self._local.pos = pos + len(data)
        return data

    def readinto(self, buffer) -> int:
        view = memoryview(buffer).cast("B")
        data = self.read(len(view))
        view[: len(data)] = data
        return len(data)

    def readline(self, size: int | None = -1) -> bytes:
        pos = self.tell()
        limit = self._length - pos if size is None or size < 0 else size
        line = bytearray()
        while len(line) < limit:
            chunk = self.pread(pos + len(line), min(4096, limit - len(line)))
            if not chunk:
                break
            end = chunk.find(b"\n")
            if end >= 0:
                line += chunk[: end + 1]
                break
            line += chunk
        self._local.pos = pos + len(line)
        return bytes(line)

    def __iter__(self):
        while line := self.readline():
            yield line

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def close(self) -> None:
        self.closed = True
        if self._owner:
            self._descriptor.close()

    def __enter__(self) -> PositionFreeFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class PositionFreeStructFile(StructFile):
    """Whoosh's StructFile over a PositionFreeFile: `get` reads at its offset directly, and
    the parts of a compound segment file share the descriptor, not a position."""

    def get(self, position: int, length: int) -> bytes:
        return self.file.pread(position, length)

    def subset(self, offset: int, length: int, name: str | None = None) -> StructFile:
        return PositionFreeStructFile(self.file.part(offset, length), name=name)


class ThreadSafeFileStorage(FileStorage):
    """A FileStorage whose files opened for reading may be shared by threads."""

    def open_file(self, name: str, **kwargs) -> StructFile:
        return PositionFreeStructFile(PositionFreeFile.open(self._fpath(name)), name=name, **kwargs)
