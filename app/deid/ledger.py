"""The purge ledger: one line per purge, kept outside the database so that it outlives it.

A backup taken before a purge still holds the purged text; restoring it would bring the
text back. Every purge therefore appends a line to the ledger (JSON lines, in the
instance folder unless CASEBOOK_PURGE_LEDGER names another file) and `casebook restore`
re-applies each purge recorded after the backup was taken.

A line holds no patient text: when, who, the case, the reason, the field and offsets when
given, the places changed, the length of the purged text and a keyed hash of it (HMAC-SHA256
under CASEBOOK_PURGE_LEDGER_KEY when set, else under a key derived from the instance's secret
key; `key_id` says which). To re-apply a purge, the restored case and what hangs on it are
searched for the span of that length whose hash matches.

Whoever holds both the ledger and its key can confirm a guessed text (a 7-digit number takes
seconds), hence the dedicated key, which can be kept apart from the instance folder.
"""

from __future__ import annotations

import hmac
import json
import logging
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from flask import current_app

from app.common import utcnow

log = logging.getLogger(__name__)

FILE_NAME = "purge-ledger.jsonl"
_KEY_LABEL = b"casebook purge ledger v1"
_DEDICATED_LABEL = b"casebook purge ledger dedicated key v1"


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
        """The time of the purge, UTC, naive as the database's times are."""
        moment = datetime.fromisoformat(self.at)
        if moment.tzinfo is not None:
            moment = moment.astimezone(UTC).replace(tzinfo=None)
        return moment


def ledger_path() -> Path:
    configured = current_app.config.get("CASEBOOK_PURGE_LEDGER")
    if configured:
        return Path(str(configured))
    return Path(current_app.instance_path) / FILE_NAME


def _instance_key() -> bytes:
    secret = str(current_app.config["SECRET_KEY"]).encode()
    return hmac.digest(secret, _KEY_LABEL, "sha256")


def _dedicated_key() -> bytes | None:
    configured = current_app.config.get("CASEBOOK_PURGE_LEDGER_KEY")
    if not configured:
        return None
    return hmac.digest(str(configured).encode(), _DEDICATED_LABEL, "sha256")


def _key() -> bytes:
    """The key new entries are made under: the dedicated one when set."""
    return _dedicated_key() or _instance_key()


def _keys() -> dict[str, bytes]:
    """Every key this instance holds, by key id: entries made before the dedicated key was
    set stay readable while the secret key is unchanged."""
    known = [_instance_key(), _dedicated_key()]
    return {key_id(key): key for key in known if key is not None}


def key_id(key: bytes | None = None) -> str:
    return hmac.digest(key or _key(), b"key id", "sha256").hex()[:16]


def can_match(entry: LedgerEntry) -> bool:
    """Whether this instance holds the key the entry was made under."""
    return entry.key_id in _keys()


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


@dataclass
class LedgerRead:
    entries: list[tuple[int, LedgerEntry]]  # (line number, entry), in order
    bad_lines: list[int]  # numbers of the lines that are not ledger entries


def read(path: Path | None = None) -> LedgerRead:
    """Every entry of the ledger, each line checked field by field; a damaged line is
    counted by its number (never shown: it may be anything) and skipped. OSError when the
    file cannot be read."""
    path = path or ledger_path()
    result = LedgerRead([], [])
    with path.open("rb") as fh:
        for number, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            try:
                result.entries.append((number, _parse(raw)))
            except (ValueError, TypeError):
                result.bad_lines.append(number)
    if result.bad_lines:
        log.warning("purge ledger %s: %d lines are not ledger entries", path, len(result.bad_lines))
    return result


def entries(path: Path | None = None) -> Iterator[LedgerEntry]:
    """The ledger's valid entries in order."""
    for _number, entry in read(path).entries:
        yield entry


_HEX64 = re.compile(r"[0-9a-f]{64}")
_HEX16 = re.compile(r"[0-9a-f]{16}")


def _parse(raw: bytes) -> LedgerEntry:
    """One line as an entry; ValueError or TypeError for anything else."""
    data = json.loads(raw.decode("utf-8"))
    if not isinstance(data, dict):
        raise TypeError("not an object")

    def whole(name: str, *, optional: bool = False, least: int = 0) -> int | None:
        value = data.get(name)
        if value is None and optional:
            return None
        # bool is an int to Python, never to the ledger.
        if type(value) is not int or value < least:
            raise TypeError(name)
        return value

    def words(name: str, *, optional: bool = False) -> str | None:
        value = data.get(name)
        if value is None and optional:
            return None
        if not isinstance(value, str):
            raise TypeError(name)
        return value

    places = data.get("places", [])
    if not isinstance(places, list) or not all(isinstance(p, str) for p in places):
        raise TypeError("places")
    entry = LedgerEntry(
        at=str(words("at")),
        case_id=int(whole("case_id", least=1) or 0),
        actor_id=whole("actor_id", optional=True),
        reason=str(words("reason")),
        length=int(whole("length", least=1) or 0),
        digest=str(words("digest")),
        key_id=str(words("key_id")),
        occurrences=int(whole("occurrences") or 0),
        places=places,
        field=words("field", optional=True),
        start=whole("start", optional=True),
        end=whole("end", optional=True),
    )
    if not _HEX64.fullmatch(entry.digest) or not _HEX16.fullmatch(entry.key_id):
        raise ValueError("digest or key_id")
    entry.when  # noqa: B018 - a malformed time is refused here
    return entry


def find_text(values: Iterable[Any], entry: LedgerEntry) -> str | None:
    """The text a ledger entry purged, if one of `values` (strings, JSON lists and
    dicts) still holds it; found by its keyed hash, never kept beyond the call."""
    return find_texts(values, [entry]).get(entry.digest)


def find_texts(values: Iterable[Any], wanted: list[LedgerEntry]) -> dict[str, str]:
    """The texts of the `wanted` entries that `values` hold, by digest, in one pass over
    them: each span costs one HMAC-SHA256 per distinct (length, key) of the entries."""
    keys = _keys()
    groups: dict[tuple[int, str], set[bytes]] = {}
    for entry in wanted:
        if entry.key_id in keys and entry.length > 0:
            groups.setdefault((entry.length, entry.key_id), set()).add(bytes.fromhex(entry.digest))
    found: dict[str, str] = {}
    for value in _strings(values):
        if not groups:
            break
        for (size, kid), digests in list(groups.items()):
            key = keys[kid]
            for i in range(len(value) - size + 1):
                candidate = value[i : i + size]
                mac = hmac.digest(key, candidate.encode("utf-8"), "sha256")
                # A set lookup of a keyed hash: the time it takes tells nothing of the text.
                if mac in digests:
                    found[mac.hex()] = candidate
                    digests.discard(mac)
                    if not digests:
                        del groups[(size, kid)]
                        break
    return found


def _strings(values: Any) -> Iterator[str]:
    for value in values:
        if isinstance(value, str):
            yield value
        elif isinstance(value, list):
            yield from _strings(value)
        elif isinstance(value, dict):
            yield from _strings(value.values())
