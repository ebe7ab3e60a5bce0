"""Validate set G's heldout.jsonl and print its counts. Stdlib only; runs no detector.

    python3 check_set.py [heldout.jsonl]

Checks: the five fields, split "heldout", unique ids, planted rows (G-P) carry spans and
clean rows (G-N) none, every span is [int, int, known CATEGORY] inside the text, non-empty,
trimmed, holding a letter or digit, ordered and non-overlapping. Offsets are Python str
indices (code points), end exclusive. Tokens are `[^\\W_]+` matches, as the scorers count.
"""

import collections
import hashlib
import json
import os
import re
import sys

CATEGORIES = ("ACCOUNT", "ADDRESS", "AGE", "DATE", "DEVICE", "EMAIL", "FACILITY", "FAX", "IP", "LICENSE",
              "LOCATION", "MRN", "NAME", "PHONE", "SSN", "URL", "VEHICLE", "ZIP")
WORD = re.compile(r"[^\W_]+")


def fail(rid, msg):
    sys.exit(f"{rid}: {msg}")


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "heldout.jsonl")
    data = open(path, "rb").read()
    ids = set()
    n_spans, n_tok, n_pass, n_hand = (collections.Counter() for _ in range(4))
    genre = collections.Counter()
    kinds = collections.Counter()
    per = collections.Counter()
    total_tok = clean_tok = 0
    for line in data.decode("utf-8").splitlines():
        row = json.loads(line)
        rid = row.get("id")
        if set(row) != {"id", "split", "carrier", "text", "spans"}:
            fail(rid, f"fields {sorted(row)}")
        if rid in ids:
            fail(rid, "duplicate id")
        ids.add(rid)
        if row["split"] != "heldout" or not isinstance(row["text"], str) or not isinstance(row["carrier"], str):
            fail(rid, "split/text/carrier")
        m = re.fullmatch(r"G-([PN])(\d{3})-(h\d{2}|g[a-z_]+)", rid)
        if not m:
            fail(rid, "id form")
        planted = m.group(1) == "P"
        if planted != bool(row["spans"]):
            fail(rid, "planted rows need spans, clean rows none")
        text = row["text"]
        source = "hand" if m.group(3).startswith("h") else "generated"
        kinds[("planted" if planted else "clean", source)] += 1
        genre[("planted" if planted else "clean", m.group(3) if source == "generated" else "hand")] += 1
        k = len(WORD.findall(text))
        total_tok += k
        clean_tok += 0 if planted else k
        last_end, cats = 0, set()
        for sp in row["spans"]:
            if not (isinstance(sp, list) and len(sp) == 3):
                fail(rid, f"span {sp}")
            s, e, c = sp
            if type(s) is not int or type(e) is not int or c not in CATEGORIES:
                fail(rid, f"span {sp}")
            if not (last_end <= s < e <= len(text)):
                fail(rid, f"span {sp} out of order or outside text")
            val = text[s:e]
            if val != val.strip() or not WORD.search(val):
                fail(rid, f"span {sp} {val!r} untrimmed or empty")
            last_end = e
            t = len(WORD.findall(val))
            n_spans[c] += 1
            n_tok[c] += t
            if source == "hand":
                n_hand[c] += 1
            cats.add(c)
        for c in cats:
            n_pass[c] += 1
        if planted:
            per[len(row["spans"])] += 1
    print("rows", len(ids), dict(sorted(kinds.items())))
    print("| category | passages | spans | tokens | hand spans |")
    print("|---|---:|---:|---:|---:|")
    for c in CATEGORIES:
        print(f"| {c} | {n_pass[c]} | {n_spans[c]} | {n_tok[c]} | {n_hand[c]} |")
    print(f"| **total** | {kinds[('planted', 'hand')] + kinds[('planted', 'generated')]} | {sum(n_spans.values())} | "
          f"{sum(n_tok.values())} | {sum(n_hand.values())} |")
    print("spans per planted passage:", dict(sorted(per.items())))
    print("passages per shape:", ", ".join(f"{a}/{b} {n}" for (a, b), n in sorted(genre.items())))
    print(f"tokens in file {total_tok}, in clean passages {clean_tok}")
    print("sha256", hashlib.sha256(data).hexdigest())


if __name__ == "__main__":
    main()
