"""nDCG@10 and MRR@10 per kind of query on the hand-judged set, for Casebook and baselines.

Loads the 2,435 shared-corpus documents into a scratch Casebook database (one case each,
with the note's assessment/plan as a published recommendation, as scripts/bench_search.py
builds them), indexes them, and runs every query of queries.jsonl through Casebook's
`search` in-process (all result types; a recommendation counts as its case, each case once),
through a plain SQLite FTS5 bm25 and through a plain Whoosh BM25F over the raw text.
Documents absent from qrels.jsonl count as grade 0; "judged@10" says how many of the top 10
were graded, so a change that surfaces unjudged documents is visible.

    python eval/search/judged/score.py [--workdir DIR] [--reuse] [--show] [--set DIR]
        [--pool FILE]   # write the grading pool: the top 20 of every system per query, and
                        # the top 10 of FTS5 for the need in clinical words
        [--unjudged FILE]  # write the ungraded documents of every system's top 10 (no scores)
"""

from __future__ import annotations

import argparse
import json
import math
import re
import shutil
import sqlite3
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

import bench_search  # noqa: E402

K = 10
POOL_DEPTH = 20
MANUAL_DEPTH = 10
KINDS = [
    "keywords",
    "abbreviations",
    "drug names",
    "lay terms",
    "natural-language questions",
    "misspellings",
]


def ndcg(ranked: list[str], grades: dict[str, int], k: int = K) -> float:
    gains = [grades.get(ref, 0) for ref in ranked[:k]]
    dcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(gains))
    ideal = sorted(grades.values(), reverse=True)[:k]
    idcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def mrr(ranked: list[str], grades: dict[str, int], k: int = K) -> float:
    for i, ref in enumerate(ranked[:k]):
        if grades.get(ref, 0) >= 1:
            return 1 / (i + 1)
    return 0.0


def load_queries(set_dir: Path = HERE) -> list[dict]:
    with (set_dir / "queries.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


# The frozen judgments, then later rounds: a round only adds pairs never graded before.
QRELS_FILES = ("qrels.jsonl", "qrels-round2.jsonl", "qrels-round3.jsonl")


def qrels_paths(set_dir: Path) -> list[Path]:
    """This set's files in their round order; another set's qrels.jsonl, then its other
    qrels*.jsonl by name ("qrels-round2" sorts before "qrels" by plain name)."""
    if set_dir.resolve() == HERE:
        return [HERE / name for name in QRELS_FILES]
    return sorted(set_dir.glob("qrels*.jsonl"), key=lambda p: (p.name != "qrels.jsonl", p.name))


def load_qrels(set_dir: Path = HERE) -> dict[str, dict[str, int]]:
    qrels: dict[str, dict[str, int]] = defaultdict(dict)
    for path in qrels_paths(set_dir):
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    row = json.loads(line)
                    qrels[row["query"]].setdefault(row["doc"], int(row["grade"]))
    return qrels


# ---------------------------------------------------------------- the systems


class Casebook:
    name = "Casebook"

    def __init__(self, workdir: Path, reuse: bool) -> None:
        ready = workdir / "built"
        if not (reuse and ready.exists()):
            shutil.rmtree(workdir, ignore_errors=True)
            workdir.mkdir(parents=True)
        self.app = bench_search.make_app(workdir)
        if not ready.exists():
            cases = bench_search.build_cases(len(bench_search.load_corpus()))
            bench_search.load_database(self.app, cases)
            from app.search import reindex

            with self.app.app_context():
                reindex()
            ready.touch()

    def ranked(self, text: str, depth: int) -> list[str]:
        from app.auth.policy import SYSTEM
        from app.search import SearchRequest, search

        with self.app.app_context():
            # The operator's view (nothing masked): every document is judged alike.
            results = search(SYSTEM, SearchRequest(q=text, per_page=depth * 3, facets=False))
        return dedupe([hit.ref for hit in results.hits if hit.ref], depth)


class FTS5:
    """SQLite FTS5, porter stemming, bm25 with the title weighted 2.5; every word, then any
    word when that finds less than a page."""

    name = "FTS5 bm25"

    def __init__(self, docs: list[dict]) -> None:
        self.conn = sqlite3.connect(":memory:")
        self.conn.execute(
            "CREATE VIRTUAL TABLE docs USING fts5(title, summary, body, ref UNINDEXED, "
            "tokenize='porter unicode61')"
        )
        self.conn.executemany(
            "INSERT INTO docs VALUES (?, ?, ?, ?)",
            ((d["title"], d["summary"], d["body"], d["ref"]) for d in docs),
        )

    def ranked(self, text: str, depth: int) -> list[str]:
        words = bench_search.fts_query(text).split()
        sql = "SELECT ref FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, 2.5, 1.0, 1.0) LIMIT ?"
        rows = self.conn.execute(sql, (" ".join(words), depth)).fetchall()
        if len(rows) < K:
            rows = self.conn.execute(sql, (" OR ".join(words), depth)).fetchall()
        return [r[0] for r in rows]


class PlainWhoosh:
    """Whoosh's own BM25F with its stemming analyzer over title, summary and body; every
    word, then any word when that finds less than a page."""

    name = "Whoosh BM25F"

    def __init__(self, docs: list[dict], workdir: Path) -> None:
        from whoosh import fields, index
        from whoosh.analysis import StemmingAnalyzer

        path = workdir / "plain-whoosh"
        shutil.rmtree(path, ignore_errors=True)
        path.mkdir(parents=True)
        analyzer = StemmingAnalyzer()
        schema = fields.Schema(
            ref=fields.ID(stored=True, unique=True),
            title=fields.TEXT(analyzer=analyzer, field_boost=2.5),
            summary=fields.TEXT(analyzer=analyzer),
            body=fields.TEXT(analyzer=analyzer),
        )
        self.index = index.create_in(str(path), schema)
        writer = self.index.writer(limitmb=256)
        for d in docs:
            writer.add_document(
                ref=d["ref"], title=d["title"], summary=d["summary"], body=d["body"]
            )
        writer.commit()

    def ranked(self, text: str, depth: int) -> list[str]:
        from whoosh import qparser

        words = [w for w in re.findall(r"\w+", text) if w not in ("AND", "OR", "NOT")]
        fields_ = ["title", "summary", "body"]
        with self.index.searcher() as searcher:
            for group in (qparser.AndGroup, qparser.OrGroup):
                parser = qparser.MultifieldParser(fields_, self.index.schema, group=group)
                hits = searcher.search(parser.parse(" ".join(words)), limit=depth)
                refs = [h["ref"] for h in hits]
                if len(refs) >= K:
                    break
        return refs


def write_unjudged(path: Path, queries: list[dict], qrels: dict, runs: dict) -> None:
    """Each query's top-10 documents, of any system, that no judgment file grades; listed
    by ref (not by system or rank), with the systems that found them."""
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        for q in queries:
            found: dict[str, list[str]] = defaultdict(list)
            for name, run in runs.items():
                for ref in run[q["id"]][:K]:
                    if ref not in qrels.get(q["id"], {}):
                        found[ref].append(name)
            for ref in sorted(found):
                fh.write(json.dumps({"query": q["id"], "doc": ref, "systems": found[ref]}) + "\n")
                n += 1
    print(f"unjudged pairs written: {n}")


def dedupe(refs: list[str], depth: int) -> list[str]:
    seen: dict[str, None] = {}
    for ref in refs:
        seen.setdefault(ref, None)
    return list(seen)[:depth]


# ---------------------------------------------------------------- main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--workdir", type=Path, default=Path(tempfile.gettempdir()) / "casebook-judged"
    )
    parser.add_argument("--reuse", action="store_true", help="Reuse the workdir's build.")
    parser.add_argument("--show", action="store_true", help="Print each query's scores.")
    parser.add_argument(
        "--set",
        dest="set_dir",
        type=Path,
        default=HERE,
        help="A judged set's folder (queries.jsonl and qrels*.jsonl); this folder by default.",
    )
    parser.add_argument("--pool", type=Path, help="Write the grading pool to this file.")
    parser.add_argument(
        "--unjudged",
        type=Path,
        help="Write each query's ungraded documents of every system's top 10, then stop "
        "(prints no scores, so a new round can be graded before the set is scored).",
    )
    args = parser.parse_args()

    docs = bench_search.load_corpus()
    queries = load_queries(args.set_dir)
    qrels = load_qrels(args.set_dir)
    systems = [Casebook(args.workdir, args.reuse), FTS5(docs), PlainWhoosh(docs, args.workdir)]

    runs = {s.name: {q["id"]: s.ranked(q["query"], POOL_DEPTH) for q in queries} for s in systems}
    if args.pool:
        # A manual run: the need in clinical words (the intended spelling, the clinical term
        # for a lay one), so the pool holds what a system that understood the query would find.
        runs["manual"] = {q["id"]: systems[1].ranked(q["intended"], MANUAL_DEPTH) for q in queries}
        with args.pool.open("w", encoding="utf-8") as fh:
            for q in queries:
                ranks: dict[str, dict[str, int]] = defaultdict(dict)
                for name, run in runs.items():
                    for i, ref in enumerate(run[q["id"]]):
                        ranks[ref][name] = i + 1
                fh.write(json.dumps({"query": q["id"], "pool": ranks}) + "\n")
        print(f"pool written: {sum(1 for _ in args.pool.open())} queries")
    if args.unjudged:
        write_unjudged(args.unjudged, queries, qrels, runs)
        return
    if not qrels:
        return

    print(f"queries: {len(queries)}; judged documents: {sum(len(v) for v in qrels.values())}")
    header = f"{'kind':<28} {'n':>3}"
    for s in systems:
        header += f" | {s.name + ' nDCG@10':>22} {'MRR@10':>7} {'judged@10':>9}"
    print(header)
    per_kind: dict[str, dict[str, list[tuple[float, float, float]]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for q in queries:
        grades = qrels.get(q["id"], {})
        line = f"{q['id']:<7}"
        for s in systems:
            ranked = runs[s.name][q["id"]]
            # An empty result list has nothing unjudged in it.
            judged = sum(ref in grades for ref in ranked[:K]) / len(ranked[:K]) if ranked else 1.0
            row = (ndcg(ranked, grades), mrr(ranked, grades), judged)
            per_kind[q["kind"]][s.name].append(row)
            per_kind["overall"][s.name].append(row)
            line += f"  {row[0]:.3f} {row[1]:.2f}"
        if args.show:
            print(f"{line}  {q['query']}")
    for kind in [*KINDS, "overall"]:
        if kind not in per_kind:
            continue
        n = len(per_kind[kind][systems[0].name])
        line = f"{kind:<28} {n:>3}"
        for s in systems:
            rows = per_kind[kind][s.name]
            means = [sum(r[i] for r in rows) / len(rows) for i in range(3)]
            line += f" | {means[0]:>22.3f} {means[1]:>7.3f} {means[2]:>9.2f}"
        print(line)


if __name__ == "__main__":
    main()
