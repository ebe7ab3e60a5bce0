"""Print the rules' scan time on texts built to make a pattern backtrack (long runs of
spaces, tabs, digits, dashes, pipes, capitals, dots after a cue), at two lengths: a ratio
near the ratio of lengths (4) is linear, near its square (16) quadratic.

    PYTHONPATH=. python scripts/deid_backtracking.py [--short 2000] [--long 8000]
    PYTHONPATH=. python scripts/deid_backtracking.py --patterns [--over 5] [NAME ...]

--patterns times every compiled pattern of the detector alone, on each start of a match it
can make (a cue, a label, a mark) followed by a long run of each character a repetition of
the pattern takes, and prints those whose worst time at the long length is over --over ms.
A time that would take more than a second at the long length is extrapolated (marked ~).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.deid.detector import scan_rules  # noqa: E402
from tests.deid import regex_shape  # noqa: E402

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
    "spaces, resident": lambda n: "x" + " " * n + "resident",
    "initials, spaces": lambda n: "initials:" + " " * n,
    "initials, newlines": lambda n: "initials:" + "\n" * n,
    "name cell, spaces": lambda n: "| name | age |\n| a" + " " * n + "b | 1 |",
    "letters, @": lambda n: "a" * n + " @",
}


def _cpu_ms(rx: re.Pattern[str], text: str) -> float:
    t0 = time.process_time()
    for _ in rx.finditer(text):
        pass
    return (time.process_time() - t0) * 1000


def worst(rx: re.Pattern[str], long: int) -> tuple[float, bool, str]:
    """The pattern's worst time (ms) on a pumped text of `long` characters, whether it was
    extrapolated, and the text's start."""
    best: tuple[float, bool, str] = (0.0, False, "")
    for start, ch in regex_shape.pumps(rx):
        short = max(long // 8, 1)
        t1 = _cpu_ms(rx, start + ch * short)
        t2 = _cpu_ms(rx, start + ch * (2 * short))
        # three doublings to the long length: grow by the ratio measured at these lengths
        if t2 * (max(t2, 0.05) / max(t1, 0.05)) ** 2 > 1000:
            guess, estimated = t2 * (max(t2, 0.05) / max(t1, 0.05)) ** 2, True
        else:
            guess, estimated = _cpu_ms(rx, start + ch * long), False
        if guess > best[0]:
            best = (guess, estimated, f"{start!r} + {ch!r} * n")
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--short", type=int, default=2000)
    ap.add_argument("--long", type=int, default=8000)
    ap.add_argument("--patterns", action="store_true", help="time each pattern alone")
    ap.add_argument("--over", type=float, default=5.0, help="with --patterns: ms to print")
    ap.add_argument("names", nargs="*", help="with --patterns: only these (as printed)")
    a = ap.parse_args()
    scan_rules("warm up")
    if a.patterns:
        print(f"{'pattern':34s} {'worst ms at ' + str(a.long):>16s}  text")
        for name, rx in regex_shape.detector_patterns():
            if a.names and name not in a.names:
                continue
            ms, estimated, text = worst(rx, a.long)
            if ms > a.over:
                print(f"{name:34s} {('~' if estimated else '') + f'{ms:.1f}':>16s}  {text}")
        return 0
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
