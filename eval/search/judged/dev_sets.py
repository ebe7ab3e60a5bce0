"""The runner the graded development sets share (`../dev-hand/score.py`,
`../dev-typed/score.py`): the same scratch build and systems as `score.py`, each set's own
`queries.jsonl` and `qrels.jsonl`, scores per kind of query; `--pool` writes the refs left
to grade."""

from __future__ import annotations

import argparse
import importlib.util
import json
import tempfile
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

_spec = importlib.util.spec_from_file_location(
    "judged_score", Path(__file__).resolve().parent / "score.py"
)
judged = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(judged)

# (query, the systems, every system's top 10 per query id) -> the refs to grade
PoolRefs = Callable[[dict, list[Any], dict[str, dict[str, list[str]]]], set[str]]


def load(here: Path, name: str) -> list[dict]:
    path = here / name
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def every_top_ten(q: dict, _systems: list[Any], runs: dict) -> set[str]:
    return {ref for run in runs.values() for ref in run[q["id"]]}


def main(here: Path, doc: str, pool_help: str, pool_refs: PoolRefs = every_top_ten) -> None:
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument(
        "--workdir", type=Path, default=Path(tempfile.gettempdir()) / "casebook-judged"
    )
    parser.add_argument("--reuse", action="store_true", help="Reuse the workdir's build.")
    parser.add_argument("--show", action="store_true", help="Print each query's scores.")
    parser.add_argument("--casebook-only", action="store_true", help="Skip the baselines.")
    parser.add_argument("--pool", type=Path, help=pool_help)
    args = parser.parse_args()

    queries = load(here, "queries.jsonl")
    qrels: dict[str, dict[str, int]] = defaultdict(dict)
    # Later rounds (qrels-round2.jsonl …) only add pairs never graded; they never regrade one.
    rounds = sorted(p.name for p in here.glob("qrels-round*.jsonl"))
    for name in ["qrels.jsonl", *rounds]:
        for row in load(here, name):
            qrels[row["query"]].setdefault(row["doc"], int(row["grade"]))
    docs = judged.bench_search.load_corpus()
    systems = [judged.Casebook(args.workdir, args.reuse)]
    if not args.casebook_only or args.pool:
        systems += [judged.FTS5(docs), judged.PlainWhoosh(docs, args.workdir)]
    runs = {s.name: {q["id"]: s.ranked(q["query"], judged.K) for q in queries} for s in systems}
    if args.pool:
        with args.pool.open("w", encoding="utf-8") as fh:
            for q in queries:
                refs = pool_refs(q, systems, runs)
                for ref in sorted(refs - set(qrels.get(q["id"], {}))):
                    fh.write(json.dumps({"query": q["id"], "doc": ref}) + "\n")
        print("pool written")
        return
    per_kind: dict = defaultdict(lambda: defaultdict(list))
    for q in queries:
        grades = qrels.get(q["id"], {})
        line = f"{q['id']:<6}"
        for s in systems:
            ranked = runs[s.name][q["id"]]
            judged_share = sum(r in grades for r in ranked) / len(ranked) if ranked else 1.0
            row = (judged.ndcg(ranked, grades), judged.mrr(ranked, grades), judged_share)
            per_kind[q["kind"]][s.name].append(row)
            per_kind["overall"][s.name].append(row)
            line += f"  {row[0]:.3f} {row[1]:.2f} {row[2]:.1f}"
        if args.show:
            print(f"{line}  {q['query']}")
    print(
        f"{'kind':<28} {'n':>3}"
        + "".join(f" | {s.name + ' nDCG@10':>22} {'MRR@10':>7} {'judged':>6}" for s in systems)
    )
    for kind, by_system in per_kind.items():
        n = len(by_system[systems[0].name])
        line = f"{kind:<28} {n:>3}"
        for s in systems:
            rows = by_system[s.name]
            means = [sum(r[i] for r in rows) / len(rows) for i in range(3)]
            line += f" | {means[0]:>22.3f} {means[1]:>7.3f} {means[2]:>6.2f}"
        print(line)
