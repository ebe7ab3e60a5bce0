"""Evaluate the de-identification detector on eval/deid/ (token-level).

An identifier token (alphanumeric run) counts as caught if any finding overlaps it.
Precision: of the tokens covered by findings of a category, the share inside gold spans.
Clean false-alarm rate: share of clean passages with at least one finding.

    PYTHONPATH=. python scripts/deid_eval.py            # dev and held-out
    PYTHONPATH=. python scripts/deid_eval.py --split dev --show-errors
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.deid import CATEGORIES, scan  # noqa: E402

EVAL = ROOT / "eval" / "deid"
TOKEN = re.compile(r"[A-Za-z0-9]+")


def _load(name: str, split: str) -> list[dict]:
    with open(EVAL / name, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    return [r for r in rows if r["split"] == split]


def _covered(s: int, e: int, spans) -> bool:
    return any(s < b and a < e for a, b, *_ in spans)


def evaluate(split: str, show: bool = False) -> dict:
    gold_n, gold_hit = Counter(), Counter()
    pred_n, pred_ok = Counter(), Counter()
    for row in _load("planted.jsonl", split):
        text = row["text"]
        spans = row["spans"]
        found = scan(text)
        fs = [(f.start, f.end, f.category) for f in found]
        for m in TOKEN.finditer(text):
            s, e = m.span()
            gcat = next((c for a, b, c in spans if s < b and a < e), None)
            fcat = next((c for a, b, c in fs if s < b and a < e), None)
            if gcat:
                gold_n[gcat] += 1
                if fcat:
                    gold_hit[gcat] += 1
                elif show:
                    print(f"MISS {gcat:9} {row['id']} {text[max(0, s - 40) : e + 20]!r}")
            if fcat:
                pred_n[fcat] += 1
                if gcat:
                    pred_ok[fcat] += 1
                elif show:
                    print(
                        f"FP   {fcat:9} {row['id']} {m.group()!r} in "
                        f"{text[max(0, s - 40) : e + 30]!r}"
                    )
    clean = _load("clean.jsonl", split)
    alarms = 0
    alarm_cats = Counter()
    for row in clean:
        found = scan(row["text"])
        if found:
            alarms += 1
            for f in found:
                alarm_cats[f.category] += 1
                if show:
                    t = row["text"]
                    print(
                        f"FA   {f.category:9} {row['id']} {t[f.start : f.end]!r} in "
                        f"{t[max(0, f.start - 40) : f.end + 30]!r}"
                    )
    return {
        "gold_n": gold_n,
        "gold_hit": gold_hit,
        "pred_n": pred_n,
        "pred_ok": pred_ok,
        "clean_n": len(clean),
        "clean_alarms": alarms,
        "alarm_cats": alarm_cats,
    }


def report(split: str, r: dict) -> None:
    print(f"\n== {split} ==")
    print(f"{'category':10} {'tokens':>7} {'recall':>8} {'precision':>10}")
    for c in CATEGORIES:
        n, h = r["gold_n"][c], r["gold_hit"][c]
        pn, po = r["pred_n"][c], r["pred_ok"][c]
        rec = f"{100 * h / n:7.2f}%" if n else "      -"
        prec = f"{100 * po / pn:9.2f}%" if pn else "        -"
        print(f"{c:10} {n:7d} {rec:>8} {prec:>10}")
    n, h = sum(r["gold_n"].values()), sum(r["gold_hit"].values())
    pn, po = sum(r["pred_n"].values()), sum(r["pred_ok"].values())
    print(f"{'OVERALL':10} {n:7d} {100 * h / n:7.2f}% {100 * po / max(pn, 1):9.2f}%")
    print(
        f"clean passages with a false alarm: {r['clean_alarms']}/{r['clean_n']} = "
        f"{100 * r['clean_alarms'] / max(r['clean_n'], 1):.1f}%"
        f"  (findings by category: {dict(r['alarm_cats'])})"
    )


def evaluate_realistic(split: str, show: bool = False) -> None:
    """realistic.jsonl: recall by gold kind (caught by a finding of any category), precision,
    share of identifier-bearing passages fully scrubbed, share of clean passages flagged."""
    gold_n, gold_hit = Counter(), Counter()
    pred_n = pred_ok = 0
    carriers = scrubbed = clean = flagged = 0
    for row in _load("realistic.jsonl", split):
        text, spans = row["text"], row["spans"]
        fs = [(f.start, f.end, f.category) for f in scan(text)]
        if not spans:
            clean += 1
            flagged += bool(fs)
            if show:
                for a, b, c in fs:
                    where = text[max(0, a - 40) : b + 30]
                    print(f"FA   {c:9} {row['id']} {text[a:b]!r} in {where!r}")
            continue
        carriers += 1
        missed = False
        for m in TOKEN.finditer(text):
            s, e = m.span()
            gcat = next((c for a, b, c in spans if s < b and a < e), None)
            hit = _covered(s, e, fs)
            if gcat:
                gold_n[gcat] += 1
                gold_hit[gcat] += hit
                if not hit:
                    missed = True
                    if show:
                        print(f"MISS {gcat:9} {row['id']} {text[max(0, s - 40) : e + 20]!r}")
            if hit:
                pred_n += 1
                pred_ok += bool(gcat)
                if show and not gcat:
                    print(f"FP   {row['id']} {m.group()!r} in {text[max(0, s - 40) : e + 30]!r}")
        scrubbed += not missed
    print(f"\n== realistic {split} ==")
    print(f"{'kind':10} {'tokens':>7} {'recall':>8}")
    for c in sorted(gold_n):
        print(f"{c:10} {gold_n[c]:7d} {100 * gold_hit[c] / gold_n[c]:7.2f}%")
    n, h = sum(gold_n.values()), sum(gold_hit.values())
    precision = 100 * pred_ok / max(pred_n, 1)
    print(f"{'OVERALL':10} {n:7d} {100 * h / n:7.2f}%   precision {precision:.2f}%")
    print(
        f"fully scrubbed: {scrubbed}/{carriers} = {100 * scrubbed / max(carriers, 1):.1f}%;"
        f" clean passages flagged: {flagged}/{clean} = {100 * flagged / max(clean, 1):.1f}%"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument(
        "--split",
        choices=["dev", "heldout", "both", "realistic-dev", "realistic-check"],
        default="both",
    )
    ap.add_argument(
        "--show-errors",
        action="store_true",
        help="print misses and false alarms (synthetic eval text only)",
    )
    a = ap.parse_args()
    if a.split.startswith("realistic-"):
        evaluate_realistic(a.split.removeprefix("realistic-"), a.show_errors)
        return
    for split in ["dev", "heldout"] if a.split == "both" else [a.split]:
        report(split, evaluate(split, a.show_errors))
    for split in ("dev", "check"):
        evaluate_realistic(split)


if __name__ == "__main__":
    main()
