"""Measure the recurring-question grouping on eval/curriculum/questions.jsonl (see its README).

Runs the grouping the curriculum page reads (app/practices/groups.py: question, title and
topics of each case, the same analyzer, weights and threshold) over the labelled set, and
prints purity, inverse purity and F; with --show, each true group and where its questions
went. --threshold tries another threshold (the stored groups keep QUESTION_THRESHOLD).

    PYTHONPATH=. python scripts/eval_grouping.py [--show] [--threshold 0.3]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.common import slugify  # noqa: E402
from app.practices import grouping, groups  # noqa: E402

SET = ROOT / "eval" / "curriculum" / "questions.jsonl"
FROZEN = "49aa552dac0d6424cfb432875f911e2f86c3c3f9363fbba27c4558092fa1465e"


def load() -> list[dict[str, Any]]:
    data = SET.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != FROZEN:
        print(f"warning: {SET.name} changed since it was frozen ({digest[:12]}…)")
    return [json.loads(line) for line in data.decode().splitlines() if line.strip()]


def demo_analyzer() -> grouping.ClinicalAnalyzer:
    """The grouping analyzer with the demo vocabulary, as groups.topic_analyzer on a demo hub."""
    catalog = yaml.safe_load((ROOT / "cases" / "catalog.yaml").read_text(encoding="utf-8"))
    return grouping.analyzer_for(
        [(slugify(t["name"]), t["name"], t.get("synonyms") or []) for t in catalog["topics"]]
    )


def group_set(
    rows: list[dict[str, Any]], threshold: float = groups.QUESTION_THRESHOLD
) -> list[list[str]]:
    """The predicted clusters (lists of ids, singletons included) of the labelled questions."""
    analyzer = demo_analyzer()
    bags = [
        groups.question_terms(
            row["question"], row["title"], [slugify(t) for t in row["topics"]], analyzer
        )
        for row in rows
    ]
    result = grouping.group_vectors(grouping.vectorise(bags), threshold=threshold)
    return [[rows[i]["id"] for i in group] for group in result.groups]


def true_groups(rows: list[dict[str, Any]]) -> list[list[str]]:
    by_group: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        by_group[row["group"]].append(row["id"])
    return list(by_group.values())


def evaluate(
    rows: list[dict[str, Any]], threshold: float = groups.QUESTION_THRESHOLD
) -> tuple[float, float, float]:
    """(purity, inverse purity, F) of the grouping on `rows`."""
    return grouping.purity_scores(group_set(rows, threshold), true_groups(rows))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--show", action="store_true", help="where each true group went")
    parser.add_argument("--threshold", type=float, default=groups.QUESTION_THRESHOLD)
    args = parser.parse_args()
    rows = load()
    predicted = group_set(rows, args.threshold)
    purity, inverse, f = grouping.purity_scores(predicted, true_groups(rows))
    multi = [g for g in predicted if len(g) > 1]
    print(
        f"{len(rows)} questions, {len(true_groups(rows))} true groups; threshold {args.threshold}:"
        f" {len(multi)} groups of two or more, {len(predicted) - len(multi)} left alone"
    )
    print(f"purity {purity:.3f}  inverse purity {inverse:.3f}  F {f:.3f}")
    if args.show:
        by_id = {row["id"]: row for row in rows}
        cluster_of = {i: n for n, g in enumerate(predicted, 1) for i in g}
        for name, members in sorted((by_id[g[0]]["group"], g) for g in true_groups(rows)):
            print(f"\n{name}")
            for i in members:
                n = cluster_of[i]
                size = len(predicted[n - 1])
                print(f"  [{n if size > 1 else '-':>3}] {by_id[i]['question'][:100]}")
        print("\nMixed clusters:")
        for n, g in enumerate(predicted, 1):
            names = sorted({by_id[i]["group"] for i in g})
            if len(names) > 1:
                print(f"  [{n}] " + ", ".join(f"{by_id[i]['group']}" for i in g))
    return 0


if __name__ == "__main__":
    sys.exit(main())
