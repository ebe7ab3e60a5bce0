"""Time app.deid.scan on a 1,000-word clinical case (median and p95 over many runs), in
wall-clock and in CPU time (on a shared machine compare the CPU).

    PYTHONPATH=. python scripts/bench_deid.py [--runs 300] [--gate] [--markdown] [--units]
        [--rules]

The case is built from corpus text (../shared/corpus/cases.jsonl) when present, with
identifiers mixed in; otherwise from a built-in paragraph.  Prints timings only.
`--gate` times what the gate does with one field (the scan, then the reading as shown);
`--markdown` gives the case Markdown emphasis, so that the gate reads it twice;
`--units` writes its units as clinicians type them ("µg/L", "38 °C"): not ASCII, and with
`--markdown` a text the gate also reads as typed (its Markdown not rendered);
`--rules` times the rules alone, without the learned tagger (the scan before round 12).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.deid import scan  # noqa: E402
from app.deid.detector import scan_rules  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "cases.jsonl"
FILLER = (
    "Mr. John Smith is a 67-year-old man with Parkinson's disease seen at St. Mary's in "
    "Lebanon, NH on 03/14/2024. BP 124/78, HR 88, ALT 54, INR 1.2, platelets 98,000. "
    "He takes Lasix 40 mg and Eliquis 5 mg. Call 603-555-0142. MRN 1234567. "
)


def make_case(words: int = 1000) -> str:
    parts: list[str] = []
    if CORPUS.exists():
        with open(CORPUS, encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                if i % 97:
                    continue
                parts.append(json.loads(line)["body"])
                parts.append(FILLER)
                if sum(len(p.split()) for p in parts) >= words:
                    break
    text = " ".join(parts) or FILLER
    while len(text.split()) < words:
        text += " " + FILLER
    return " ".join(text.split(" ")[:words])


def _gate(text: str) -> None:
    from app.deid.gate import hidden_findings, scan_by_field

    values = {"presentation": text}
    hidden_findings(values, scan_by_field(values))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=300)
    ap.add_argument("--gate", action="store_true", help="time the gate's reading of one field")
    ap.add_argument("--markdown", action="store_true", help="bold a word in each sentence")
    ap.add_argument("--units", action="store_true", help="micro and degree signs in the text")
    ap.add_argument("--rules", action="store_true", help="the rules alone, without the tagger")
    a = ap.parse_args()
    text = make_case()
    if a.units:
        text = text.replace(" mg ", " µg ").replace(". ", " at 38 °C. ")
    if a.markdown:
        text = ". ".join(f"**{s[:12]}**{s[12:]}" for s in text.split(". "))
    work = _gate if a.gate else scan_rules if a.rules else scan
    t0 = time.perf_counter()
    work(text)  # first call loads the word lists
    load = time.perf_counter() - t0
    times = []
    cpu = []
    for _ in range(a.runs):
        t, c = time.perf_counter(), time.process_time()
        work(text)
        times.append((time.perf_counter() - t) * 1000)
        cpu.append((time.process_time() - c) * 1000)
    times.sort()
    p95 = times[int(0.95 * (len(times) - 1))]
    print(f"words={len(text.split())} chars={len(text)} runs={a.runs}")
    print(f"first call (incl. loading word lists): {load * 1000:.1f} ms")
    print(f"median {statistics.median(times):.2f} ms   p95 {p95:.2f} ms   max {times[-1]:.2f} ms")
    print(f"CPU median {statistics.median(cpu):.2f} ms   min {min(cpu):.2f} ms")


if __name__ == "__main__":
    main()
