"""Which recommendations can give a practice's advice, by an indexed lookup: the
`recommendation_terms` table.

`agreement` (conflicts.py) needs a claim of the recommendation and one of the practice to
share a term: a stem, or a concept token. Stems do not depend on the vocabulary, and a
concept is only ever found where all the stems of one of its forms are (the analyzer builds
concepts from runs of stems). So each recommendation keeps the stems its clauses hold (as
the claim reader reads them: generic words and numbers left out, as claims leave them out),
and a practice's candidates are the recommendations that hold one of its stems, or all the
stems of a form of one of its concepts, read through today's vocabulary: a topic synonym
added or changed needs no rewrite. The candidates are then read by `agreement` as before.

Each recommendation also has a row for `VERSION`, a mark that its rows were written by this
reading; one without it (written before, or by a path that skipped the rows) is always a
candidate, so the lookup never answers differently from reading everything.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import Any, cast

import sqlalchemy as sa
from sqlalchemy import event, select
from sqlalchemy.orm import Session as OrmSession

from app.practices.conflicts import GENERIC, Claim, _clauses
from app.practices.models import RecommendationTerm
from app.recommendations.models import Recommendation
from app.search.analysis import CONCEPT_PREFIX, ClinicalAnalyzer, SynonymTable

# Bump when the reading changes (the stems kept, the clauses, the stemmer), with a migration
# that calls `backfill(only_missing=True)`: rows written by another reading count as missing
# (read in full) until then. Not a word: `WORD` never yields "#".
VERSION = "#1"
STEM_MAX = 64  # longer stems are cut on both sides: a lookup may find more, never fewer
_CHUNK = 500  # ids or stems per statement, under every driver's parameter limit
# Stems only: the word reader does not use the synonym table.
_READER = ClinicalAnalyzer(SynonymTable({}, {}))


def _kept(stem: str) -> bool:
    return bool(stem) and stem not in GENERIC and not stem[:1].isdigit()


def stems(body: str) -> set[str]:
    """The stems the claims of `body` can act on (`_terms_at` keeps the same ones)."""
    found: set[str] = set()
    for clause, _written in _clauses(body or ""):
        found.update(s[:STEM_MAX] for s, _pos, _start, _end in _READER.words(clause) if _kept(s))
    return found


def term_rows(recommendation_id: int, body: str) -> list[dict[str, Any]]:
    """The rows of one recommendation, its version mark first."""
    return [
        {"recommendation_id": recommendation_id, "stem": stem}
        for stem in [VERSION, *sorted(stems(body))]
    ]


def write_terms(
    connection: sa.Connection, recommendations: Iterable[tuple[int, str]], *, fresh: bool = False
) -> None:
    """Replace the rows of these (id, body) recommendations (`fresh`: just inserted)."""
    recommendations = list(recommendations)
    table = cast(sa.Table, RecommendationTerm.__table__)
    for start in range(0, len(recommendations), _CHUNK):
        chunk = recommendations[start : start + _CHUNK]
        if not fresh:
            ids = [rid for rid, _ in chunk]
            connection.execute(sa.delete(table).where(table.c.recommendation_id.in_(ids)))
        rows = [row for rid, body in chunk for row in term_rows(rid, body)]
        if rows:
            connection.execute(sa.insert(table), rows)


def backfill(connection: sa.Connection, *, only_missing: bool = False) -> int:
    """Write the rows of every recommendation (`only_missing`: of those without this
    reading's mark). Returns how many were written."""
    table = cast(sa.Table, RecommendationTerm.__table__)
    recs = sa.table("recommendations", sa.column("id"), sa.column("body"))
    stmt = select(recs.c.id, recs.c.body).order_by(recs.c.id)
    if only_missing:
        marked = select(table.c.recommendation_id).where(table.c.stem == VERSION)
        stmt = stmt.where(recs.c.id.not_in(marked))
    done, last = 0, 0
    while True:
        batch = list(connection.execute(stmt.where(recs.c.id > last).limit(2_000)))
        if not batch:
            return done
        write_terms(connection, [(rid, body) for rid, body in batch])
        done += len(batch)
        last = batch[-1][0]


# ---------------------------------------------------------------- the lookup


def concept_forms(table: SynonymTable) -> dict[str, list[tuple[str, ...]]]:
    """Each concept token -> the stem runs that carry it."""
    forms: dict[str, list[tuple[str, ...]]] = {}
    for key, concepts in table.phrases.items():
        for concept in concepts:
            forms.setdefault(concept, []).append(key)
    return forms


def needed(asked: Iterable[Claim], table: SynonymTable) -> list[frozenset[str]] | None:
    """What a recommendation must hold to share a term with these claims: any one of the
    returned stem sets, whole. None when the stems cannot tell (a concept with a form made
    only of generic words or numbers): then every recommendation is a candidate."""
    terms = {t for claim in asked for t in claim.terms}
    out: set[frozenset[str]] = set()
    forms: dict[str, list[tuple[str, ...]]] | None = None
    for term in terms:
        if not term.startswith(CONCEPT_PREFIX):
            out.add(frozenset([term[:STEM_MAX]]))
            continue
        if forms is None:
            forms = concept_forms(table)
        for form in forms.get(term, ()):
            kept = frozenset(s[:STEM_MAX] for s in form if _kept(s))
            if not kept:
                return None
            out.add(kept)
    return sorted(out, key=sorted)


def candidate_ids(eligible: sa.Select[Any], wanted: Collection[frozenset[str]]) -> set[int]:
    """The ids among `eligible` (a select of recommendation ids) holding one of the `wanted`
    stem sets whole, and those whose rows this reading did not write."""
    held: dict[int, set[str]] = {}
    all_stems = sorted({s for stem_set in wanted for s in stem_set})
    eligible_ids = eligible.scalar_subquery()
    for start in range(0, len(all_stems), _CHUNK):
        stmt = select(RecommendationTerm.recommendation_id, RecommendationTerm.stem).where(
            RecommendationTerm.stem.in_(all_stems[start : start + _CHUNK]),
            RecommendationTerm.recommendation_id.in_(eligible_ids),
        )
        for rid, stem in _session().execute(stmt):
            held.setdefault(rid, set()).add(stem)
    found = {rid for rid, have in held.items() if any(w <= have for w in wanted)}
    marked = select(RecommendationTerm.recommendation_id).where(
        RecommendationTerm.stem == VERSION,
        RecommendationTerm.recommendation_id == Recommendation.id,
    )
    unmarked = select(Recommendation.id).where(
        Recommendation.id.in_(eligible_ids), ~marked.exists()
    )
    found.update(_session().scalars(unmarked))
    return found


def _session() -> OrmSession:
    from app.extensions import db

    return cast(OrmSession, db.session)


# ---------------------------------------------------------------- session events


@event.listens_for(OrmSession, "after_flush")
def _follow_recommendation_bodies(session: OrmSession, _context: Any) -> None:
    changed = [
        obj
        for obj in (*session.new, *session.dirty)
        if isinstance(obj, Recommendation)
        and obj.id is not None
        and (obj in session.new or sa.inspect(obj).attrs.body.history.has_changes())
    ]
    if changed:
        write_terms(session.connection(), [(r.id, r.body) for r in changed])
