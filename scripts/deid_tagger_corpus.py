"""False alarms of the de-identification tagger on real, already de-identified text.

    PYTHONPATH=. python scripts/deid_tagger_corpus.py --corpus cases.jsonl \\
        [--model app/deid/data/deid_tagger.crfsuite] [--sample 30] [--seed 12]

Scans each text's body with the rules alone and with rules + tagger (the model's thresholds
from the JSON beside it) and reports how many texts gain findings, the new findings by
category, and a fixed random sample of them with their context (the corpus is public sample
transcriptions, already de-identified, so what the tagger adds there is a false alarm unless
read otherwise).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.deid import tagger  # noqa: E402
from app.deid.detector import folded, scan_rules, with_tagger  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--model", type=Path, default=tagger.MODEL_PATH)
    ap.add_argument("--thresholds", type=Path, help="instead of the model's JSON")
    ap.add_argument("--sample", type=int, default=30)
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--half", choices=("even", "odd", "all"), default="all", help="texts read")
    a = ap.parse_args()
    th_file = a.thresholds or a.model.with_suffix(".json")
    settings = json.loads(th_file.read_text())
    thresholds = settings.get("thresholds", settings)
    model = tagger.Model(a.model, thresholds)
    texts = 0
    gained = 0
    rule_texts = 0
    new: list[tuple[str, str, str]] = []
    cats: Counter = Counter()
    with open(a.corpus, encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if a.half != "all" and n % 2 != (a.half == "odd"):
                continue
            row = json.loads(line)
            text = folded(row.get("body") or "")
            if not text:
                continue
            texts += 1
            found = scan_rules(text)
            rule_texts += bool(found)
            added = [
                f for f in with_tagger(text, found, model.candidates(text, found)) if f not in found
            ]
            if added:
                gained += 1
            for f in added:
                cats[f.category] += 1
                ctx = text[max(0, f.start - 50) : f.end + 30].replace("\n", " ")
                new.append((f.category, text[f.start : f.end], ctx))
    print(f"thresholds: {json.dumps(thresholds)}")
    print(f"texts: {texts}; with rule findings: {rule_texts}; gaining tagger findings: {gained}")
    print(f"new findings: {len(new)} {dict(cats)}")
    for cat, seg, ctx in random.Random(a.seed).sample(new, min(a.sample, len(new))):
        print(f"{cat:9s} {seg!r:28s} ...{ctx}...")


if __name__ == "__main__":
    main()
