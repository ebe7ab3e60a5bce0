"""Measure the conflict checker on eval/practices/conflicts.jsonl (see its README).

Prints precision, recall and F1 for "contradict" (a pair the checker flags counts as a
predicted contradiction), the same per program, and with --show the misses and false alarms.
The analyzer knows the demo vocabulary (cases/catalog.yaml), as on a demo hub.

    PYTHONPATH=. python scripts/eval_conflicts.py [--show]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.common import slugify  # noqa: E402
from app.practices.conflicts import contradicts  # noqa: E402
from app.search.analysis import ClinicalAnalyzer, default_table  # noqa: E402

SET = ROOT / "eval" / "practices" / "conflicts.jsonl"
FROZEN = "6cbcab8f6297c3e2ffdff5ce39ee90aa0c55e9c2a7a77ba84b7294d195e0cb72"


def demo_analyzer() -> ClinicalAnalyzer:
    catalog = yaml.safe_load((ROOT / "cases" / "catalog.yaml").read_text(encoding="utf-8"))
    topics = [(slugify(t["name"]), t["name"], t.get("synonyms") or []) for t in catalog["topics"]]
    return ClinicalAnalyzer(default_table(topics))


def scores(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--show", action="store_true", help="list misses and false alarms")
    args = parser.parse_args()
    data = SET.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != FROZEN:
        print(f"warning: {SET.name} changed since it was frozen ({digest[:12]}…)")
    rows = [json.loads(line) for line in data.decode().splitlines() if line.strip()]
    analyzer = demo_analyzer()
    counts: Counter[tuple[str, str]] = Counter()
    wrong = []
    for row in rows:
        hit = contradicts(
            row["recommendation"], row["practice_title"], row["practice_statement"], analyzer
        )
        gold = row["label"] == "contradict"
        for scope in ("all", row["program"]):
            counts[scope, "tp" if hit and gold else "fp" if hit else "fn" if gold else "tn"] += 1
        if bool(hit) != gold:
            wrong.append((row, hit))
    print(f"{len(rows)} pairs ({sum(r['label'] == 'contradict' for r in rows)} contradict)")
    print(f"{'scope':<16} {'precision':>9} {'recall':>7} {'F1':>6}  tp fp fn")
    for scope in ["all", *sorted({r["program"] for r in rows})]:
        tp, fp, fn = (counts[scope, k] for k in ("tp", "fp", "fn"))
        p, r, f = scores(tp, fp, fn)
        print(f"{scope:<16} {p:>9.2f} {r:>7.2f} {f:>6.2f}  {tp:>2} {fp:>2} {fn:>2}")
    if args.show:
        for row, hit in wrong:
            kind = "false alarm" if hit else "missed"
            why = f" ({hit.explain()}; shared {sorted(hit.shared)})" if hit else ""
            print(f"\n{kind} [{row['label']}] {row['id']}: {row['recommendation']}")
            print(f"  practice: {row['practice_title']}{why}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
