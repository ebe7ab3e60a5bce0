"""Where the test suite spends its time, by folder and by phase (setup, call, teardown).

Feed it the report of a run with every duration listed:

    pytest -p no:cacheprovider --durations=0 --durations-min=0 > run.txt
    python scripts/test_time.py run.txt [--top 20]

It prints, per test folder, how many tests there were and their seconds in setup (fixtures:
worlds built, demo loaded, servers started), call and teardown; then the costliest
fixtures' tests. Wall-clock seconds on a shared machine vary with its load: compare the
shares (setup against call), or run a folder alone under `/usr/bin/time` for CPU seconds.
"""

from __future__ import annotations

import argparse
import re
from collections import defaultdict
from pathlib import Path

LINE = re.compile(r"^\s*(\d+(?:\.\d+)?)s (setup|call|teardown)\s+(\S+)")


def folder_of(test_id: str) -> str:
    path = test_id.split("::", 1)[0]
    parts = Path(path).parts
    return str(Path(*parts[:2])) if len(parts) > 2 else path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", type=Path)
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args()
    totals: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    tests: dict[str, set[str]] = defaultdict(set)
    entries: list[tuple[float, str, str]] = []
    for line in args.report.read_text(encoding="utf-8", errors="replace").splitlines():
        found = LINE.match(line)
        if not found:
            continue
        seconds, phase, test_id = float(found[1]), found[2], found[3]
        folder = folder_of(test_id)
        totals[folder][phase] += seconds
        tests[folder].add(test_id)
        entries.append((seconds, phase, test_id))
    if not entries:
        raise SystemExit(f"{args.report}: no durations (run pytest with --durations=0)")
    print(f"{'folder':40} {'tests':>6} {'setup s':>9} {'call s':>9} {'teardown s':>10}")
    order = sorted(totals, key=lambda f: -sum(totals[f].values()))
    for folder in order:
        t = totals[folder]
        print(
            f"{folder:40} {len(tests[folder]):>6} {t['setup']:>9.1f} {t['call']:>9.1f}"
            f" {t['teardown']:>10.1f}"
        )
    whole = {p: sum(t[p] for t in totals.values()) for p in ("setup", "call", "teardown")}
    count = sum(len(v) for v in tests.values())
    print(
        f"{'all':40} {count:>6} {whole['setup']:>9.1f} {whole['call']:>9.1f}"
        f" {whole['teardown']:>10.1f}"
    )
    print(f"\nslowest {args.top}:")
    for seconds, phase, test_id in sorted(entries, reverse=True)[: args.top]:
        print(f"{seconds:8.2f}s {phase:8} {test_id}")


if __name__ == "__main__":
    main()
