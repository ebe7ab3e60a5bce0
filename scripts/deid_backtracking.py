"""Print the rules' scan time on texts built to make a pattern backtrack (long runs of
spaces, tabs, digits, dashes, pipes, capitals, dots after a cue), at two lengths: a ratio
near the ratio of lengths (4) is linear, near its square (16) quadratic.

    PYTHONPATH=. python scripts/deid_backtracking.py [--short 2000] [--long 8000]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.deid.detector import scan_rules  # noqa: E402

TEXTS = {
    "table cell, spaces": lambda n: "| a |" + " " * n,
    "table cell, tabs": lambda n: "| a |" + "\t" * n,
    "pipes and spaces": lambda n: "| " * (n // 2),
    "spaces": lambda n: "a" + " " * n + "b",
    "digits": lambda n: "1" * n,
    "digits and spaces": lambda n: "1 " * (n // 2),
    "dashes": lambda n: "-" * n,
    "pipes": lambda n: "|" * n,
    "capitals": lambda n: "A" * n,
    "capital words": lambda n: "Ab " * (n // 3),
    "initials": lambda n: "A. " * (n // 3),
    "dots": lambda n: "." * n,
    "two-cell row": lambda n: "| age |" + " " * n + "|",
    "microchip, spaces": lambda n: "microchip" + " " * n,
    "label, spaces": lambda n: "Name:" + " " * n,
    "by, spaces": lambda n: "by" + " " * n + "M. Q",
    "facility of, spaces": lambda n: "Medical Center of" + " " * n,
    "SSN, spaces": lambda n: "SSN" + " " * n,
    "DOB, spaces": lambda n: "DOB" + " " * n,
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--short", type=int, default=2000)
    ap.add_argument("--long", type=int, default=8000)
    a = ap.parse_args()
    scan_rules("warm up")
    print(f"{'text':22s} {a.short:>9d} {a.long:>9d}  ratio (CPU ms)")
    for name, build in TEXTS.items():
        times = []
        for n in (a.short, a.long):
            text = build(n)
            t0 = time.process_time()
            scan_rules(text)
            times.append((time.process_time() - t0) * 1000)
        ratio = times[1] / max(times[0], 0.1)
        print(f"{name:22s} {times[0]:9.1f} {times[1]:9.1f}  x{ratio:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
