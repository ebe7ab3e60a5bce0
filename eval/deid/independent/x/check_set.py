#!/usr/bin/env python3
"""Check set X: keys, ids, offsets, categories, overlaps, clean passages, value reuse.

Set V's checker (itself U's, T's, S's and O's) with ids starting `X-P`; otherwise unchanged: keys, ids, offsets, spans that cut
no word or number and cross no line break, no overlaps, the eighteen categories, AGE spans 90 or
over, no identifier in a clean passage (no phone-, SSN-, numeric-date-, `Mon dd`- or IPv4-shaped
string, no e-mail or link, no numeric identifier value and no multi-word name of an identifier
passage), check digits of every NPI, DEA, VIN and IMEI, at least 60 spans per category, no value
other than an age in more than two passages, and 270 identifier and 180 clean passages.

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


# a phone, an SSN or an e-mail shape must not appear in a clean passage
CLEAN_PATTERNS = [
    re.compile(r"\(?\b\d{3}\)?[-. /]?\d{3}[-. ]\d{4}\b"),
    re.compile(r"\b\d{3}-\d{2}-\d{4}\b"),
    re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b"),
    re.compile(r"\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}\b"),
    # a four-part version number after "firmware" or "v" is a deliberate negative
    re.compile(r"(?<!firmware )(?<!v)\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b"),
]
NUMERIC = {"PHONE", "FAX", "SSN", "MRN", "ACCOUNT", "LICENSE", "VEHICLE", "DEVICE", "IP", "ZIP"}


def luhn_ok(s: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(s)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


VIN_VAL = {**{str(i): i for i in range(10)}, **dict(zip("ABCDEFGH", range(1, 9))),
           **dict(zip("JKLMN", range(1, 6))), "P": 7, "R": 9, **dict(zip("STUVWXYZ", range(2, 10)))}
VIN_W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
CHECKED: collections.Counter = collections.Counter()


def check_digits(rid: str, cat: str, value: str, before: str) -> list[str]:
    """NPI (Luhn with 80840), DEA, full VIN (position 9) and IMEI (Luhn) must be valid."""
    out = []
    v = value.upper()
    if cat == "LICENSE" and re.fullmatch(r"[12]\d{9}", v):
        CHECKED["NPI"] += 1
        if not luhn_ok("80840" + v):
            out.append(f"{rid}: NPI {value} fails Luhn")
    if cat == "LICENSE" and re.fullmatch(r"[A-Z]{2}\d{7}", v):
        CHECKED["DEA"] += 1
        d = [int(x) for x in v[2:]]
        if (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10 != d[6]:
            out.append(f"{rid}: DEA {value} fails its check digit")
    if cat == "VEHICLE" and re.fullmatch(r"[A-HJ-NPR-Z0-9]{17}", v):
        CHECKED["VIN"] += 1
        total = sum(VIN_VAL[c] * w for c, w in zip(v, VIN_W))
        if v[8] != ("X" if total % 11 == 10 else str(total % 11)):
            out.append(f"{rid}: VIN {value} fails its check digit")
    if cat == "DEVICE" and re.fullmatch(r"\d{15}", v) and "IMEI" in before[-20:]:
        CHECKED["IMEI"] += 1
        if not luhn_ok(v):
            out.append(f"{rid}: IMEI {value} fails Luhn")
    return out


def cross_checks(clean_texts: list[tuple[str, str]], id_spans: list[tuple[str, str, str]]) -> list[str]:
    """No numeric identifier value and no multi-word name of an identifier passage in a clean one."""
    out = []
    probes = sorted({v for _, c, v in id_spans
                     if (c in NUMERIC and sum(ch.isdigit() for ch in v) >= 5)
                     or (c == "NAME" and " " in v.strip() and "," not in v)})
    for where, text in clean_texts:
        low = text.lower()
        for v in probes:
            if re.search(r"(?<![\w])" + re.escape(v.lower()) + r"(?![\w])", low):
                out.append(f"{where}: clean passage holds identifier value {v!r}")
    return out


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
    clean_texts: list[tuple[str, str]] = []
    id_spans: list[tuple[str, str, str]] = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        row = json.loads(line)
        rid = row.get("id", "")
        where = f"line {lineno} ({rid})"
        if set(row) != KEYS:
            problems.append(f"{where}: keys {sorted(row)}")
            continue
        if not rid.startswith("X-P") or rid in ids:
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
            for pat in CLEAN_PATTERNS:
                m = pat.search(text)
                if m:
                    problems.append(f"{where}: clean passage has an identifier-shaped {m.group(0)!r}")
            clean_texts.append((where, text))
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
            problems += check_digits(rid, cat, value, text[:start])
            if cat == "AGE":
                age = age_value(value)
                if age is None or age < 90:
                    problems.append(f"{where}: AGE span not 90 or over: {value!r}")
            prev_end = end
            id_spans.append((rid, cat, value))
            counts[cat] += 1
            TOKENS[cat] += len(TOK.findall(value))
            PASSAGES[cat].add(rid)
            by_value[value.lower()].add(rid)
            if cat == "AGE":
                AGE_VALUES.add(value.lower())
    for value, rows in sorted(by_value.items()):
        if len(rows) > MAX_PASSAGES_PER_VALUE and value not in AGE_VALUES:
            problems.append(f"value {value!r} in {len(rows)} passages")
    problems += cross_checks(clean_texts, id_spans)
    if (n_id, n_clean) != (270, 180):
        problems.append(f"{n_id} identifier and {n_clean} clean passages, not 270 and 180")
    for cat in sorted(CATEGORIES):
        if counts[cat] < MIN_PER_CATEGORY:
            problems.append(f"category {cat}: only {counts[cat]} spans")
    return problems, counts, n_id, n_clean


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("heldout.jsonl")
    problems, counts, n_id, n_clean = check(path)
    print(f"{n_id} identifier passages, {n_clean} clean passages, {sum(counts.values())} spans, "
          f"{sum(TOKENS.values())} tokens")
    print("check digits verified: " + ", ".join(f"{k} {v}" for k, v in sorted(CHECKED.items())))
    print(f"  {'category':9s} {'spans':>6s} {'tokens':>6s} {'passages':>8s}")
    for cat, k in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {cat:9s} {k:6d} {TOKENS[cat]:6d} {len(PASSAGES[cat]):8d}")
    for p in problems:
        print("PROBLEM:", p)
    print("no problems" if not problems else f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
