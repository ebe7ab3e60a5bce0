"""CPU time of `search()` per query, in this process, over the development queries.

Runs every query of eval/search/dev*/queries.jsonl through Casebook's `search` as the system
reader (facets and snippets on, a page of 20), `--repeat` times each, and prints the p50 and
p95 of each query's median CPU time (`time.process_time`): what a query costs, which the
machine's load moves much less than wall time. Run it on two versions of the code alternately
to compare them.

The instance is the 2,435 documents of ../shared/corpus, one case each, as
scripts/eval_search.py and the development sets build it; an existing build in `--workdir`
(its casebook.sqlite3 and index/) is reused, else one is built there.

    python scripts/search_cpu.py [--workdir DIR] [--repeat 3] [--rounds 2]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

import bench_search  # noqa: E402

QUERY_SETS = sorted((ROOT / "eval" / "search").glob("dev*/queries.jsonl"))


def development_queries() -> list[str]:
    queries = []
    for path in QUERY_SETS:
        with path.open(encoding="utf-8") as fh:
            queries += [json.loads(line)["query"] for line in fh if line.strip()]
    return queries


def percentile(sorted_values: list[float], share: float) -> float:
    return sorted_values[min(int(len(sorted_values) * share), len(sorted_values) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--workdir", type=Path, default=Path(tempfile.gettempdir()) / "casebook-eval"
    )
    parser.add_argument("--repeat", type=int, default=3, help="Runs of each query (median).")
    parser.add_argument("--rounds", type=int, default=2, help="Passes over the queries.")
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    built = (args.workdir / "casebook.sqlite3").exists() and (args.workdir / "index").is_dir()
    app = bench_search.make_app(args.workdir)
    if not built:
        cases = bench_search.build_cases(len(bench_search.load_corpus()))
        bench_search.load_database(app, cases)

    from app.auth.policy import SYSTEM
    from app.search import SearchRequest, reindex, search

    queries = development_queries()
    with app.app_context():
        if not built:
            reindex()
        search(SYSTEM, SearchRequest(q="warm up"))
        for round_no in range(1, max(args.rounds, 1) + 1):
            per_query = []
            for text in queries:
                runs = []
                for _ in range(max(args.repeat, 1)):
                    started = time.process_time()
                    search(SYSTEM, SearchRequest(q=text))
                    runs.append((time.process_time() - started) * 1000)
                per_query.append(statistics.median(runs))
            per_query.sort()
            print(
                f"round {round_no}: {len(queries)} queries, CPU per query "
                f"p50 {percentile(per_query, 0.5):.2f} ms, p95 {percentile(per_query, 0.95):.2f} ms"
            )


if __name__ == "__main__":
    main()
