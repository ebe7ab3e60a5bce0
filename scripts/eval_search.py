"""nDCG@10 of Casebook search and of a plain FTS5 bm25 baseline on the judged query set.

Loads the 2,435 real documents of ../shared/corpus into a fresh Casebook database (one case
each), indexes them, and runs every query of eval/search/queries.jsonl through Casebook's
`search` (cases only) and through FTS5 (porter stemming, bm25 with the same field weights,
words AND-ed, then OR-ed when that finds fewer than 5, as Casebook does).

    python scripts/eval_search.py [--workdir /tmp/casebook-eval] [--show] [--queries FILE]
"""

from __future__ import annotations

import argparse
import json
import math
import sqlite3
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

import bench_search  # noqa: E402

JUDGED = ROOT / "eval" / "search" / "queries.jsonl"
K = 10


def ndcg(ranked: list[str], relevant: dict[str, int], k: int = K) -> float:
    gains = [relevant.get(ref, 0) for ref in ranked[:k]]
    dcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(gains))
    ideal = sorted(relevant.values(), reverse=True)[:k]
    idcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def fts_ranked(conn: sqlite3.Connection, text: str, weights: str = "2.5, 1.0, 1.0") -> list[str]:
    words = bench_search.fts_query(text).split()
    sql = f"SELECT ref FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, {weights}) LIMIT ?"  # noqa: S608
    rows = conn.execute(sql, (" ".join(words), K)).fetchall()
    if len(rows) < 5:
        rows = conn.execute(sql, (" OR ".join(words), K)).fetchall()
    return [r[0] for r in rows]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--workdir", type=Path, default=Path(tempfile.gettempdir()) / "casebook-eval"
    )
    parser.add_argument("--show", action="store_true", help="Print each query's scores.")
    parser.add_argument(
        "--queries",
        type=Path,
        default=JUDGED,
        help="Judged queries, one JSON object a line: {query, relevant: {ref: grade}}.",
    )
    args = parser.parse_args()
    import shutil

    shutil.rmtree(args.workdir, ignore_errors=True)
    args.workdir.mkdir(parents=True)
    cases = bench_search.build_cases(len(bench_search.load_corpus()))
    app = bench_search.make_app(args.workdir)
    bench_search.load_database(app, cases)

    from app.auth.policy import SYSTEM
    from app.search import SearchRequest, reindex, search

    with app.app_context():
        reindex()
    conn = sqlite3.connect(":memory:")
    conn.execute(
        "CREATE VIRTUAL TABLE docs USING fts5(title, question, content, ref UNINDEXED, "
        "tokenize='porter unicode61')"
    )
    conn.executemany(
        "INSERT INTO docs VALUES (?, ?, ?, ?)",
        (
            (
                c["title"],
                c["question"],
                f"{c['title']}\n\n{c['question']}\n\n{c['presentation']}",
                c["ref"],
            )
            for c in cases
        ),
    )
    judged = [json.loads(line) for line in args.queries.open(encoding="utf-8") if line.strip()]
    ours, theirs, weighted = [], [], []
    with app.app_context():
        for item in judged:
            results = search(SYSTEM, SearchRequest(q=item["query"], types=["case"], per_page=K))
            ranked = [h.ref for h in results.hits]
            ours.append(ndcg(ranked, item["relevant"]))
            theirs.append(ndcg(fts_ranked(conn, item["query"]), item["relevant"]))
            # The same baseline with the question weighted like the title, as Casebook does.
            weighted.append(
                ndcg(fts_ranked(conn, item["query"], "2.5, 2.5, 1.0"), item["relevant"])
            )
            if args.show:
                print(f"{ours[-1]:.3f}  {theirs[-1]:.3f}  {item['query']}")
    print(f"queries: {len(judged)}")
    print(f"nDCG@{K} Casebook: {sum(ours) / len(ours):.3f}")
    print(f"nDCG@{K} FTS5 bm25: {sum(theirs) / len(theirs):.3f}")
    print(f"nDCG@{K} FTS5 bm25, question weighted as title: {sum(weighted) / len(weighted):.3f}")


if __name__ == "__main__":
    main()
