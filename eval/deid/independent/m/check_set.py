#!/usr/bin/env python3
"""Check set M: keys, ids, offsets, categories, overlaps, clean passages, value reuse.

Adapted from set I's checks; adds: no span across a line break, no e-mail or link in a clean
passage, and tokens and passages per category (tokens as `b/score.py` counts them).

Run: python3 check_set.py [path/to/heldout.jsonl]      (exit 1 on any problem)
"""

from __future__ import annotations

import collections
import json
import re
import sys
from pathlib import Path

CATEGORIES = {
    "NAME", "DATE", "FACILITY", "PHONE", "LOCATION", "ACCOUNT", "ADDRESS", "ZIP", "MRN", "AGE",
    "LICENSE", "VEHICLE", "EMAIL", "DEVICE", "FAX", "IP", "SSN", "URL",
}
KEYS = {"id", "split", "carrier", "text", "spans"}
MIN_PER_CATEGORY = 60
MAX_PASSAGES_PER_VALUE = 2
WORD_AGES = {"ninety": 90, "hundred": 100}
TOK = re.compile(r"[^\W_]+")


def same_class(a: str, b: str) -> bool:
    """Two characters of one run: both digits or both letters ("94F" may be split, "9412" not)."""
    return (a.isdigit() and b.isdigit()) or (a.isalpha() and b.isalpha())


def age_value(value: str) -> int | None:
    digits = re.sub(r"\D", "", value)
    if digits:
        return int(digits)
    for word, n in WORD_AGES.items():
        if word in value.lower():
            return n
    return None


TOKENS: collections.Counter = collections.Counter()
# ages over 89 are a small set of values: exempt from the reuse limit
AGE_VALUES: set[str] = set()
PASSAGES: dict[str, set[str]] = collections.defaultdict(set)


def check(path: Path) -> tuple[list[str], collections.Counter, int, int]:
    problems: list[str] = []
    counts: collections.Counter = collections.Counter()
    TOKENS.clear()
    PASSAGES.clear()
    by_value: dict[str, set[str]] = collections.defaultdict(set)
    ids: set[str] = set()
    n_id = n_clean = 0
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        row = json.loads(line)
        rid = row.get("id", "")
        where = f"line {lineno} ({rid})"
        if set(row) != KEYS:
            problems.append(f"{where}: keys {sorted(row)}")
            continue
        if not rid.startswith("M-P") or rid in ids:
            problems.append(f"{where}: bad or duplicate id")
        ids.add(rid)
        if row["split"] != "heldout":
            problems.append(f"{where}: split is not heldout")
        text, spans = row["text"], row["spans"]
        if "-clean-" in rid:
            n_clean += 1
            if spans:
                problems.append(f"{where}: clean passage has spans")
            if "@" in text or "://" in text or "www." in text:
                problems.append(f"{where}: clean passage has an e-mail or a link")
            continue
        n_id += 1
        if not spans:
            problems.append(f"{where}: identifier passage without spans")
        prev_end = -1
        for span in sorted(spans):
            if len(span) != 3 or not isinstance(span[0], int) or not isinstance(span[1], int):
                problems.append(f"{where}: malformed span {span}")
                continue
            start, end, cat = span
            if cat not in CATEGORIES:
                problems.append(f"{where}: unknown category {cat}")
            if not (0 <= start < end <= len(text)):
                problems.append(f"{where}: offsets {start},{end} out of range")
                continue
            value = text[start:end]
            if value != value.strip():
                problems.append(f"{where}: span {start},{end} has outer whitespace")
            if "\n" in value:
                problems.append(f"{where}: span {value!r} crosses a line break")
            if start < prev_end:
                problems.append(f"{where}: overlapping spans at {start}")
            # a span must not cut a word or a number in two
            if start > 0 and same_class(text[start - 1], value[0]):
                problems.append(f"{where}: span {value!r} starts inside a word")
            if end < len(text) and same_class(value[-1], text[end]):
                problems.append(f"{where}: span {value!r} ends inside a word")
            if cat == "AGE":
                age = age_value(value)
                if age is None or age < 90:
                    problems.append(f"{where}: AGE span not 90 or over: {value!r}")
            prev_end = end
            counts[cat] += 1
            TOKENS[cat] += len(TOK.findall(value))
            PASSAGES[cat].add(rid)
            by_value[value.lower()].add(rid)
            if cat == "AGE":
                AGE_VALUES.add(value.lower())
    for value, rows in sorted(by_value.items()):
        if len(rows) > MAX_PASSAGES_PER_VALUE and value not in AGE_VALUES:
            problems.append(f"value {value!r} in {len(rows)} passages")
    for cat in sorted(CATEGORIES):
        if counts[cat] < MIN_PER_CATEGORY:
            problems.append(f"category {cat}: only {counts[cat]} spans")
    return problems, counts, n_id, n_clean


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("heldout.jsonl")
    problems, counts, n_id, n_clean = check(path)
    print(f"{n_id} identifier passages, {n_clean} clean passages, {sum(counts.values())} spans, "
          f"{sum(TOKENS.values())} tokens")
    print(f"  {'category':9s} {'spans':>6s} {'tokens':>6s} {'passages':>8s}")
    for cat, k in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {cat:9s} {k:6d} {TOKENS[cat]:6d} {len(PASSAGES[cat]):8d}")
    for p in problems:
        print("PROBLEM:", p)
    print("no problems" if not problems else f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
