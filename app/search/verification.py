"""Checking the index against the database (`casebook index verify`), and repairing what
it finds with upkeep.py and the applier."""

from __future__ import annotations

from dataclasses import dataclass, field

from flask import current_app
from sqlalchemy.orm import Session as OrmSession

from app.diagnostics import describe_error
from app.extensions import db, reading_engine
from app.search import documents
from app.search.applier import apply_pending
from app.search.index import SearchIndex
from app.search.outbox import outbox_status, retry_failed_now
from app.search.snapshots import search_index
from app.search.upkeep import reindex, synonym_table, write_keys


@dataclass
class VerifyReport:
    documents_in_database: int
    documents_in_index: int
    missing: list[str]
    stale: list[str]
    extra: list[str]
    pending: int
    failed: int  # changes that failed to reach the index (retried with back-off)
    vocabulary_changed: bool
    format_outdated: bool = False
    index_status: str = "ready"  # IndexState.status
    index_problem: str = ""
    partial: list[tuple[str, int]] = field(default_factory=list)  # (generation, bytes)
    failures: list[tuple[str, int]] = field(default_factory=list)  # (last error, rows)

    @property
    def ok(self) -> bool:
        return not (
            self.missing
            or self.stale
            or self.extra
            or self.failed
            or self.vocabulary_changed
            or self.format_outdated
            or self.index_status != "ready"
            or self.partial
        )


def _indexed_digests(idx: SearchIndex, generation: str) -> dict[str, str]:
    indexed: dict[str, str] = {}
    ix = idx.open_generation(generation)
    with ix.searcher() as searcher:
        for sub, _offset in searcher.reader().leaf_readers():
            if not sub.doc_count_all():
                continue  # an empty segment has no columns to read
            keys = list(sub.column_reader("key", translate=True))
            digests = list(sub.column_reader("digest", translate=True))
            for docnum in range(sub.doc_count_all()):
                if not sub.is_deleted(docnum):
                    indexed[keys[docnum]] = digests[docnum]
    return indexed


def verify(*, repair: bool = False) -> VerifyReport:
    """Compare every document the database implies with the index; optionally fix drift.

    Never raises for what it finds on disk: a missing, foreign or unreadable index is
    reported (and rebuilt with `repair`), as are partial generations and failed changes.
    """
    idx = search_index()
    state = idx.state()
    partial = idx.partial_generations()
    with OrmSession(reading_engine(db.engine)) as session:
        table = synonym_table(session)
        expected = {d["key"]: d["digest"] for d in documents.all_documents(session=session)}
        generation = state.generation if state.status in ("ready", "outdated") else None
        indexed: dict[str, str] = {}
        vocabulary_changed = False
        format_outdated = state.status == "outdated"
        status, problem = state.status, state.problem
        if generation is not None and not format_outdated:
            try:
                ix = idx.open_generation(generation)
                vocabulary_changed = ix.schema["content"].analyzer.table != table
                indexed = _indexed_digests(idx, generation)
            except Exception as exc:  # noqa: BLE001 - an unreadable index is a finding
                status = "unreadable"
                problem = f"{idx.root / generation} cannot be read ({describe_error(exc)})"
                indexed = {}
        # An index of an older format is not compared document by document: it is rebuilt.
        whole = format_outdated or status != "ready"
        missing = [] if whole else sorted(set(expected) - set(indexed))
        extra = sorted(set(indexed) - set(expected))
        stale = sorted(k for k in set(expected) & set(indexed) if expected[k] != indexed[k])
        outbox = outbox_status(session)
        report = VerifyReport(
            len(expected),
            len(indexed),
            missing,
            stale,
            extra,
            outbox.pending,
            outbox.failed,
            vocabulary_changed,
            format_outdated,
            index_status=status,
            index_problem=problem,
            partial=partial,
            failures=outbox.errors,
        )
    if not repair or report.ok:
        return report
    if status == "foreign" and idx.root.exists() and not idx.root.is_dir():
        from app.errors import CasebookError

        raise CasebookError(f"{problem}: move it away, or set CASEBOOK_INDEX_DIR to a folder.")
    if report.partial:
        idx.remove_partial_generations()
    if whole or vocabulary_changed:
        reindex()
    elif missing or stale or extra:
        keys = {(k.split(":")[0], int(k.split(":")[1])) for k in missing + stale + extra}
        with OrmSession(reading_engine(db.engine)) as session, idx.apply_lock():
            write_keys(idx, idx.current_generation(), keys, session)
    if report.failed:
        retry_failed_now()
        apply_pending(current_app._get_current_object())  # type: ignore[attr-defined]
    return report
