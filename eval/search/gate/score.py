"""False alarms and misses of the search-words gate (`app.search.words.guard_words`) on
query sets: how many searches it refuses as they are read before the lower-case name rule
(the detector and the clinical-name list) and with it (`words`).

    python eval/search/gate/score.py [--corpus CASES.jsonl] [--show]

Sets: the 261 development queries of `../dev`, `../judged`, `../dev-hand`, `../dev-pooled`
and `../dev-typed`; the 68 spelling queries (`../spelling/dev.jsonl`); the clinical searches
of `clinical.txt`, heavy in eponyms; the names of `names.txt`, each a search that does name
someone (misses are counted there); with `--corpus`, the shared corpus's keyword phrases
and titles, as real clinical searches."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

from app.auth.policy import SYSTEM  # noqa: E402
from app.deid.gate import IdentifiersFound, check  # noqa: E402
from app.search.eponyms import eponym_acceptances  # noqa: E402
from app.search.words import guard_words  # noqa: E402

DEV_SETS = ("dev", "judged", "dev-hand", "dev-pooled", "dev-typed")


def _jsonl(path: Path, key: str) -> list[str]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line)[key] for line in fh if line.strip()]


def _lines(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in text if line.strip() and not line.startswith("#")]


def sets(corpus: Path | None) -> dict[str, list[str]]:
    out = {
        "development": [
            q for s in DEV_SETS for q in _jsonl(ROOT / "eval/search" / s / "queries.jsonl", "query")
        ],
        "spelling": _jsonl(ROOT / "eval/search/spelling/dev.jsonl", "query"),
        "clinical": _lines(HERE / "clinical.txt"),
        "names (should refuse)": _lines(HERE / "names.txt"),
    }
    if corpus is not None:
        with corpus.open(encoding="utf-8") as fh:
            docs = [json.loads(line) for line in fh if line.strip()]
        out["corpus keywords"] = sorted(
            {k.strip() for d in docs for k in d["keywords"] if k.strip()}
        )
        out["corpus titles"] = sorted({d["title"] for d in docs if d["source"] == "mtsamples"})
    return out


def refused_before(query: str) -> bool:
    """The gate as it read search words before the rule: the detector's findings, those
    inside a listed clinical name let through."""
    try:
        check({"q": query})
    except IdentifiersFound as found:
        named = eponym_acceptances("q", query, found.findings)
        try:
            check({"q": query}, named)
        except IdentifiersFound:
            return True
    return False


def refused(query: str) -> bool:
    try:
        guard_words({"q": query}, actor=SYSTEM)
    except IdentifiersFound:
        return True
    return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, help="the shared corpus's cases.jsonl")
    parser.add_argument(
        "--show", action="store_true", help="print each query whose reading changed"
    )
    args = parser.parse_args()
    print(f"{'set':<24}{'queries':>8}{'refused before':>16}{'refused with the rule':>23}")
    for name, queries in sets(args.corpus).items():
        before = {q for q in queries if refused_before(q)}
        after = {q for q in queries if refused(q)}
        print(f"{name:<24}{len(queries):>8}{len(before):>16}{len(after):>23}")
        if args.show:
            for q in sorted(after - before):
                print(f"    + {q}")
            for q in sorted(before - after):
                print(f"    - {q}")


if __name__ == "__main__":
    main()
