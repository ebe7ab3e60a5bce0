"""Check set H: offsets, categories, clean passages, counts.  Exit 1 on any problem.

Run: python3 check_set.py [path/to/heldout.jsonl]
"""

from __future__ import annotations

import collections
import json
import sys
from pathlib import Path

CATEGORIES = {
    "NAME", "DATE", "FACILITY", "PHONE", "LOCATION", "ACCOUNT", "ADDRESS", "ZIP", "MRN", "AGE",
    "LICENSE", "VEHICLE", "EMAIL", "DEVICE", "FAX", "IP", "SSN", "URL",
}
MIN_PER_CATEGORY = 30


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("heldout.jsonl")
    problems, ids, counts = [], set(), collections.Counter()
    n_id = n_clean = 0
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        row = json.loads(line)
        rid = row.get("id", "")
        where = f"line {lineno} ({rid})"
        if set(row) != {"id", "split", "carrier", "text", "spans"}:
            problems.append(f"{where}: keys {sorted(row)}")
        if not rid.startswith("H-P") or rid in ids:
            problems.append(f"{where}: bad or duplicate id")
        ids.add(rid)
        if row.get("split") != "heldout":
            problems.append(f"{where}: split is not heldout")
        text, spans = row["text"], row["spans"]
        if "-clean-" in rid:
            n_clean += 1
            if spans:
                problems.append(f"{where}: clean passage has spans")
            continue
        n_id += 1
        if not spans:
            problems.append(f"{where}: identifier passage without spans")
        prev_end = -1
        for span in sorted(spans):
            start, end, cat = span
            if cat not in CATEGORIES:
                problems.append(f"{where}: unknown category {cat}")
            if not (0 <= start < end <= len(text)):
                problems.append(f"{where}: offsets {start},{end} out of range")
                continue
            value = text[start:end]
            if value != value.strip():
                problems.append(f"{where}: span {start},{end} has outer whitespace")
            if start < prev_end:
                problems.append(f"{where}: overlapping spans at {start}")
            if cat == "AGE":
                digits = "".join(c for c in value if c.isdigit())
                if digits and int(digits) < 90:
                    problems.append(f"{where}: AGE span under 90: {value!r}")
            prev_end = end
            counts[cat] += 1
    for cat in sorted(CATEGORIES):
        if counts[cat] < MIN_PER_CATEGORY:
            problems.append(f"category {cat}: only {counts[cat]} spans")
    print(f"{n_id} identifier passages, {n_clean} clean passages, {sum(counts.values())} spans")
    for cat, k in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {cat:9s} {k}")
    for p in problems:
        print("PROBLEM:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
