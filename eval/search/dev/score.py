"""nDCG@10 and MRR@10 on the development set for lay terms and questions (tune here).

Grades come from each query's written rule (see README.md), applied to every document of
the shared corpus: 2 when all its `about` patterns occur in the title or description, 1
when they occur there or in the keywords, or when its `partly` patterns occur in the title
or description. Runs Casebook, FTS5 bm25 and plain Whoosh BM25F as the judged set's
scorer does (same scratch build).

    python eval/search/dev/score.py [--workdir DIR] [--reuse] [--show]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import tempfile
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("judged_score", HERE.parent / "judged" / "score.py")
judged = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(judged)


def load_queries() -> list[dict]:
    with (HERE / "queries.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def grades_for(query: dict, docs: list[dict]) -> dict[str, int]:
    about = [re.compile(p, re.I) for p in query["about"]]
    partly = [re.compile(p, re.I) for p in query.get("partly", [])]
    grades = {}
    for doc in docs:
        head = f"{doc['title']} {doc.get('summary', '')}"
        keywords = " ".join(doc.get("keywords") or [])
        if all(p.search(head) for p in about):
            grades[doc["ref"]] = 2
        elif all(p.search(f"{head} {keywords}") for p in about) or (
            partly and all(p.search(head) for p in partly)
        ):
            grades[doc["ref"]] = 1
    return grades


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--workdir", type=Path, default=Path(tempfile.gettempdir()) / "casebook-dev"
    )
    parser.add_argument("--reuse", action="store_true", help="Reuse the workdir's build.")
    parser.add_argument("--show", action="store_true", help="Print each query's scores.")
    parser.add_argument("--casebook-only", action="store_true", help="Skip the baselines.")
    args = parser.parse_args()

    docs = judged.bench_search.load_corpus()
    queries = load_queries()
    qrels = {q["id"]: grades_for(q, docs) for q in queries}
    systems = [judged.Casebook(args.workdir, args.reuse)]
    if not args.casebook_only:
        systems += [judged.FTS5(docs), judged.PlainWhoosh(docs, args.workdir)]
    per_kind: dict = defaultdict(lambda: defaultdict(list))
    for q in queries:
        grades = qrels[q["id"]]
        line = f"{q['id']:<7} rel {sum(g == 2 for g in grades.values()):>3}/{len(grades):>3}"
        for s in systems:
            ranked = s.ranked(q["query"], judged.K)
            row = (judged.ndcg(ranked, grades), judged.mrr(ranked, grades))
            per_kind[q["kind"]][s.name].append(row)
            per_kind["overall"][s.name].append(row)
            line += f"  {row[0]:.3f} {row[1]:.2f}"
        if args.show:
            print(f"{line}  {q['query']}")
    print(
        f"{'kind':<28} {'n':>3}"
        + "".join(f" | {s.name + ' nDCG@10':>22} {'MRR@10':>7}" for s in systems)
    )
    kinds = list(dict.fromkeys(q["kind"] for q in queries))
    for kind in [*kinds, "overall"]:
        n = len(per_kind[kind][systems[0].name])
        line = f"{kind:<28} {n:>3}"
        for s in systems:
            rows = per_kind[kind][s.name]
            line += f" | {sum(r[0] for r in rows) / n:>22.3f} {sum(r[1] for r in rows) / n:>7.3f}"
        print(line)


if __name__ == "__main__":
    main()
