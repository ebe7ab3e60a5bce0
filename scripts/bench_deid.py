"""Time app.deid.scan on a 1,000-word clinical case (median and p95 over many runs), in
wall-clock and in CPU time (on a shared machine compare the CPU).

    PYTHONPATH=. python scripts/bench_deid.py [--runs 300]

The case is built from corpus text (../shared/corpus/cases.jsonl) when present, with
identifiers mixed in; otherwise from a built-in paragraph.  Prints timings only.
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


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=300)
    a = ap.parse_args()
    text = make_case()
    t0 = time.perf_counter()
    scan(text)  # first call loads the word lists
    load = time.perf_counter() - t0
    times = []
    cpu = []
    for _ in range(a.runs):
        t, c = time.perf_counter(), time.process_time()
        scan(text)
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
