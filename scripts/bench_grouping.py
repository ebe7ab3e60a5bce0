"""Benchmark the refresh of the stored groups (recurring questions, candidate practices).

For each size, builds a fresh database of cases and published recommendations from the real
text of ../shared/corpus/cases.jsonl: each case asks a question made of a document's summary
and a generic ask ("What should we do?"), carries the document's keywords as topics, and has
three recommendations, each a sentence of the document's body with a fifth of its words
dropped (so ideas recur in other words, as they do in a hub's history). Then times
`groups.refresh()` (read, analyse, neighbours, cluster, store) per kind, and prints a table.

    python scripts/bench_grouping.py [--sizes 2000,10000,50000] [--recommendations 3]
        [--database-url postgresql+psycopg://…/db] [--workdir DIR]

Rows are inserted in bulk (this measures the refresh, not the import). With
--database-url the tables are dropped and created anew for each size.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import sys
import tempfile
import time
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "cases.jsonl"
sys.path.insert(0, str(ROOT))

ASKS = [
    "What should we do?",
    "What is the next step?",
    "How should we manage this?",
    "What would you recommend?",
    "Any advice on the approach?",
]
SENTENCE = re.compile(r"(?<=[.!?])\s+")


def load_corpus() -> list[dict]:
    docs = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        sentences = [
            s.strip() for s in SENTENCE.split(doc.get("body", "")) if 40 <= len(s.strip()) <= 300
        ]
        if doc.get("summary") and sentences:
            doc["sentences"] = sentences
            docs.append(doc)
    return docs


def drop_words(text: str, rng: random.Random, share: float = 0.2) -> str:
    words = text.split()
    kept = [w for w in words if rng.random() >= share]
    return " ".join(kept or words)


def build(db, cases: int, per_case: int, docs: list[dict], rng: random.Random) -> None:
    import sqlalchemy as sa

    from app.auth.models import Role, User
    from app.cases.models import Case, CasePresentation, CaseStatus, case_topics
    from app.programs.models import Program, Session, Topic
    from app.recommendations.models import (
        Recommendation,
        RecommendationCategory,
        RecommendationStatus,
    )

    keyword_count = Counter(k.lower() for d in docs for k in set(d.get("keywords") or []))
    vocabulary = sorted(k for k, n in keyword_count.items() if n >= 3 and len(k) <= 100)[:5000]
    topic_ids = {k: i for i, k in enumerate(vocabulary, 1)}
    db.session.execute(
        sa.insert(Topic),
        [
            {"id": i, "name": k, "name_key": k, "slug": f"t{i}", "synonyms": []}
            for k, i in topic_ids.items()
        ],
    )
    db.session.add(
        User(email="expert@example.org", display_name="Expert", role=Role.EXPERT, password_hash="")
    )
    programs = 20
    db.session.execute(
        sa.insert(Program),
        [
            {"id": p, "slug": f"p{p}", "name": f"Program {p}", "private": p % 5 == 0}
            for p in range(1, programs + 1)
        ],
    )
    start = date(2016, 1, 1)
    sessions_per_program = 120  # monthly for ten years
    db.session.execute(
        sa.insert(Session),
        [
            {
                "id": (p - 1) * sessions_per_program + n + 1,
                "program_id": p,
                "number": n + 1,
                "date": start + timedelta(days=30 * n),
                "title": f"Session {n + 1}",
            }
            for p in range(1, programs + 1)
            for n in range(sessions_per_program)
        ],
    )
    db.session.commit()
    expert_id = db.session.scalar(sa.select(User.id))
    now = datetime(2026, 1, 1)
    case_rows, presentation_rows, link_rows, rec_rows = [], [], [], []
    for case_id in range(1, cases + 1):
        doc = docs[rng.randrange(len(docs))]
        program = case_id % programs + 1
        summary = SENTENCE.split(doc["summary"])[0]
        title = drop_words(doc["title"], rng, 0.1)[:300]
        question = f"{drop_words(summary, rng)} {rng.choice(ASKS)}"
        n = rng.randrange(sessions_per_program)  # its one session (drawn after, as before)
        case_rows.append(
            {
                "id": case_id,
                "program_id": program,
                "title": title,
                "question": question,
                "status": CaseStatus.PRESENTED,
                "created_at": now,
                "updated_at": now,
                "counts_on": start + timedelta(days=30 * n),  # its one session's day
            }
        )
        presentation_rows.append(
            {
                "case_id": case_id,
                "session_id": (program - 1) * sessions_per_program + n + 1,
                "presented": True,
            }
        )
        topics = {topic_ids[k.lower()] for k in doc.get("keywords") or [] if k.lower() in topic_ids}
        link_rows.extend({"case_id": case_id, "topic_id": t} for t in sorted(topics)[:6])
        for position in range(1, per_case + 1):
            rec_rows.append(
                {
                    "case_id": case_id,
                    "author_id": expert_id,
                    "position": position,
                    "category": RecommendationCategory.THERAPEUTIC,
                    "body": drop_words(rng.choice(doc["sentences"]), rng),
                    "references": [],
                    "status": RecommendationStatus.PUBLISHED,
                    "created_at": now,
                    "updated_at": now,
                    "published_at": now,
                }
            )
    for model, rows in (
        (Case, case_rows),
        (CasePresentation, presentation_rows),
        (case_topics, link_rows),
        (Recommendation, rec_rows),
    ):
        for at in range(0, len(rows), 10_000):
            db.session.execute(sa.insert(model), rows[at : at + 10_000])
    db.session.commit()


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="2000,10000,50000", help="cases per run")
    parser.add_argument("--recommendations", type=int, default=3, help="per case")
    parser.add_argument("--database-url", default="", help="default: a SQLite file per size")
    parser.add_argument("--workdir", default="", help="where SQLite files and the index go")
    args = parser.parse_args()

    from app import create_app
    from app.extensions import db
    from app.practices import groups
    from app.practices.models import GroupKind

    docs = load_corpus()
    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="casebook-grouping-"))
    workdir.mkdir(parents=True, exist_ok=True)
    print(f"corpus: {len(docs):,} documents; work folder {workdir}")
    header = f"{'cases':>8} {'kind':<16} {'texts':>9} {'groups':>8} {'seconds':>8} {'peak MB':>8}"
    lines = [header, "-" * len(header)]
    for size in [int(s) for s in args.sizes.split(",")]:
        url = args.database_url or f"sqlite:///{workdir / f'grouping-{size}.sqlite3'}"
        if not args.database_url:
            (workdir / f"grouping-{size}.sqlite3").unlink(missing_ok=True)
        app = create_app(
            {
                "SQLALCHEMY_DATABASE_URI": url,
                "SECRET_KEY": "bench",
                "CASEBOOK_INDEX_DIR": str(workdir / "index"),
                "CASEBOOK_GROUPS_REFRESH": "off",
                "CASEBOOK_SEARCH_APPLY": "off",
            }
        )
        with app.app_context():
            db.drop_all()
            db.create_all()
            began = time.perf_counter()
            build(db, size, args.recommendations, docs, random.Random(size))
            print(f"{size:,} cases built in {time.perf_counter() - began:.1f} s", flush=True)
            for kind in GroupKind:
                began = time.perf_counter()
                stored = groups.refresh([kind])[kind]
                seconds = time.perf_counter() - began
                texts = size if kind is GroupKind.QUESTIONS else size * args.recommendations
                line = (
                    f"{size:>8,} {kind.value:<16} {texts:>9,} {stored or 0:>8,} "
                    f"{seconds:>8.1f} {peak_rss_mb():>8.0f}"
                )
                print(line, flush=True)
                lines.append(line)
            db.session.remove()
            db.engine.dispose()
    print()
    print("\n".join(lines))


if __name__ == "__main__":
    main()
