"""Spelling correction on the dev set: is the query respelled as meant, and how much of what
the intended spelling finds does the misspelled query find?

Builds two scratch instances (the shared corpus as scripts/bench_search.py loads it, and the
demo programs from cases/), then for each query of dev.jsonl prints what search respelled
it to (searched, or "did you mean") and the overlap@10 with the intended query's top 10,
with correction and as typed (`correct=False`).

    python eval/search/spelling/score_dev.py [--workdir DIR] [--reuse] [--show]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

import bench_search  # noqa: E402


def build(workdir: Path, which: str, reuse: bool):
    ready = workdir / "built"
    if not (reuse and ready.exists()):
        shutil.rmtree(workdir, ignore_errors=True)
        workdir.mkdir(parents=True)
    app = bench_search.make_app(workdir)
    if not ready.exists():
        if which == "corpus":
            cases = bench_search.build_cases(len(bench_search.load_corpus()))
            bench_search.load_database(app, cases)
        else:
            from app.demo import prepare_demo

            with app.app_context():
                prepare_demo(echo=lambda _line: None)
        from app.search import reindex

        with app.app_context():
            reindex()
        ready.touch()
    return app


def top(app, text: str, correct: bool = True):
    from app.auth.policy import SYSTEM
    from app.search import SearchRequest, search

    with app.app_context():
        results = search(SYSTEM, SearchRequest(q=text, per_page=10, facets=False, correct=correct))
    return results, [f"{h.type}:{h.id}" for h in results.hits]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()))
    parser.add_argument("--reuse", action="store_true")
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    apps = {
        name: build(args.workdir / f"casebook-spelling-{name}", name, args.reuse)
        for name in ("corpus", "demo")
    }
    rows = [json.loads(line) for line in (HERE / "dev.jsonl").open() if line.strip()]
    right = searched = offered = 0
    overlap_on = overlap_off = 0.0
    misspelled = [r for r in rows if r["query"] != r["intended"]]
    controls = [r for r in rows if r["query"] == r["intended"]]
    for row in rows:
        app = apps[row["set"]]
        results, ranked = top(app, row["query"])
        _plain, as_typed = top(app, row["query"], correct=False)
        _want, wanted = top(app, row["intended"])
        respelled = results.corrected_query or results.suggestion
        said = respelled or row["query"]
        ok = said.lower() == row["intended"].lower()
        right += ok
        searched += results.corrected_query is not None
        offered += results.suggestion is not None
        on = len(set(ranked) & set(wanted)) / len(wanted) if wanted else 1.0
        off = len(set(as_typed) & set(wanted)) / len(wanted) if wanted else 1.0
        if row in misspelled:
            overlap_on += on
            overlap_off += off
        if args.show or not ok:
            how = "searched" if results.corrected_query else "offered" if respelled else "-"
            mark = "ok " if ok else "BAD"
            print(f"{mark} {row['id']} {row['query']!r} -> {said!r} ({how}) {off:.1f}->{on:.1f}")
    n = len(misspelled)
    print(f"queries: {len(rows)} ({n} misspelled, {len(controls)} spelled as meant)")
    print(f"respelled as meant (controls left alone): {right}/{len(rows)}")
    print(f"searched respelled: {searched}; offered as did-you-mean: {offered}")
    print(
        f"overlap@10 with the intended query's top 10, misspelled queries: "
        f"as typed {overlap_off / n:.3f}, with correction {overlap_on / n:.3f}"
    )


if __name__ == "__main__":
    main()
