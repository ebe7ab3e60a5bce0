"""The purge ledger: one line per purge, kept outside the database so that it outlives it.

A backup taken before a purge still holds the purged text; restoring it would bring the
text back. Every purge therefore appends a line to the ledger (JSON lines, in the
instance folder unless CASEBOOK_PURGE_LEDGER names another file) and `casebook restore`
re-applies each purge recorded after the backup was taken.

A line holds no patient text: when, who, the case, the reason, the field and offsets when
given, the places changed, the length of the purged text and a keyed hash of it (HMAC-SHA256
under a key derived from the instance's secret key). To re-apply a purge, the restored case
and what hangs on it are searched for the span of that length whose hash matches.
"""

from __future__ import annotations

import hmac
import json
import logging
import os
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from flask import current_app

from app.common import utcnow

log = logging.getLogger(__name__)

FILE_NAME = "purge-ledger.jsonl"
_KEY_LABEL = b"casebook purge ledger v1"


@dataclass
class LedgerEntry:
    at: str  # ISO 8601, UTC, microseconds
    case_id: int
    actor_id: int | None
    reason: str
    length: int  # of the purged text, in characters
    digest: str  # HMAC-SHA256 of the purged text (UTF-8), hex
    key_id: str  # which key made the digest: a changed secret key cannot match it
    occurrences: int
    places: list[str] = field(default_factory=list)
    field: str | None = None
    start: int | None = None
    end: int | None = None

    @property
    def when(self) -> datetime:
        return datetime.fromisoformat(self.at)


def ledger_path() -> Path:
    configured = current_app.config.get("CASEBOOK_PURGE_LEDGER")
    if configured:
        return Path(str(configured))
    return Path(current_app.instance_path) / FILE_NAME


def _key() -> bytes:
    secret = str(current_app.config["SECRET_KEY"]).encode()
    return hmac.digest(secret, _KEY_LABEL, "sha256")


def key_id() -> str:
    return hmac.digest(_key(), b"key id", "sha256").hex()[:16]


def digest(text: str, key: bytes | None = None) -> str:
    return hmac.digest(key or _key(), text.encode("utf-8"), "sha256").hex()


def append(
    *,
    case_id: int,
    actor_id: int | None,
    reason: str,
    text: str,
    occurrences: int,
    places: list[str],
    where: tuple[str, int, int] | None,
) -> Path:
    """Append one purge to the ledger and flush it to disk; OSError when it cannot."""
    entry = LedgerEntry(
        at=utcnow().isoformat(timespec="microseconds"),
        case_id=case_id,
        actor_id=actor_id,
        reason=reason,
        length=len(text),
        digest=digest(text),
        key_id=key_id(),
        occurrences=occurrences,
        places=places,
    )
    if where is not None:
        entry.field, entry.start, entry.end = where
    path = ledger_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    line = (json.dumps(asdict(entry), sort_keys=True) + "\n").encode("utf-8")
    # One write in append mode: lines from concurrent purges never interleave.
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, line)
        os.fsync(fd)
    finally:
        os.close(fd)
    return path


def entries(path: Path | None = None) -> Iterator[LedgerEntry]:
    """The ledger's entries in order; a damaged line is logged (by number) and skipped."""
    path = path or ledger_path()
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                yield LedgerEntry(**json.loads(line))
            except (ValueError, TypeError):
                log.warning("purge ledger %s: line %d is not a ledger entry; skipped", path, number)


def find_text(values: Iterator[Any], entry: LedgerEntry) -> str | None:
    """The text a ledger entry purged, if one of `values` (strings, JSON lists and
    dicts) still holds it; found by its keyed hash, never kept beyond the call."""
    if entry.key_id != key_id() or entry.length <= 0:
        return None
    key = _key()
    wanted = bytes.fromhex(entry.digest)
    size = entry.length
    for value in _strings(values):
        for i in range(len(value) - size + 1):
            candidate = value[i : i + size]
            if hmac.compare_digest(hmac.digest(key, candidate.encode("utf-8"), "sha256"), wanted):
                return candidate
    return None


def _strings(values: Any) -> Iterator[str]:
    for value in values:
        if isinstance(value, str):
            yield value
        elif isinstance(value, list):
            yield from _strings(value)
        elif isinstance(value, dict):
            yield from _strings(value.values())
