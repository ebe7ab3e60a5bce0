"""Check heldout.jsonl of set F and print its counts. Stdlib only; runs no detector.

    python3 check_set.py [heldout.jsonl] [path/to/cases.jsonl]

Checks the row schema the scorers read (id, split, carrier, text, spans as
[start, end, CATEGORY] with Python str offsets, end exclusive), that each span is
non-empty, trimmed, in order and non-overlapping, that ids are unique, and (when
the corpus is given) that every carrier sentence is found in its corpus document.
"""

import collections
import hashlib
import json
import os
import re
import sys

CATS = {"NAME", "DATE", "AGE", "PHONE", "FAX", "EMAIL", "URL", "IP", "SSN", "MRN", "ACCOUNT", "LICENSE",
        "VEHICLE", "DEVICE", "ADDRESS", "LOCATION", "ZIP", "FACILITY"}
TOKEN = re.compile(r"[^\W_]+")
HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "heldout.jsonl")
    corpus = sys.argv[2] if len(sys.argv) > 2 else None
    raw = open(path, "rb").read()
    rows = [json.loads(line) for line in raw.decode("utf-8").splitlines() if line.strip()]
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)), "duplicate id"
    spans_n = collections.Counter()
    tok_n = collections.Counter()
    pass_n = collections.Counter()
    hand = collections.Counter()
    hand_tok = collections.Counter()
    per_passage = collections.Counter()
    kinds = collections.Counter()
    all_tokens = clean_tokens = 0
    for r in rows:
        assert set(r) == {"id", "split", "carrier", "text", "spans"}, r["id"]
        assert r["split"] == "heldout" and isinstance(r["text"], str) and isinstance(r["carrier"], str)
        text, prev_end = r["text"], 0
        planted = r["id"].startswith("F-P")
        assert planted == bool(r["spans"]), f"{r['id']}: planted rows have spans, clean rows none"
        is_hand = "-h" in r["id"]
        kinds[("planted" if planted else "clean", "hand" if is_hand else "generated")] += 1
        ntok = len(TOKEN.findall(text))
        all_tokens += ntok
        if not planted:
            clean_tokens += ntok
        seen = set()
        for span in r["spans"]:
            s, e, c = span
            assert isinstance(s, int) and isinstance(e, int) and c in CATS, (r["id"], span)
            assert prev_end <= s < e <= len(text), (r["id"], span)
            v = text[s:e]
            assert v == v.strip() and TOKEN.search(v), (r["id"], v)
            prev_end = e
            k = len(TOKEN.findall(text, s, e))
            spans_n[c] += 1
            tok_n[c] += k
            seen.add(c)
            if is_hand:
                hand[c] += 1
                hand_tok[c] += k
        for c in seen:
            pass_n[c] += 1
        if planted:
            per_passage[len(r["spans"])] += 1
    if corpus:
        docs = {}
        with open(corpus, encoding="utf-8") as fh:
            for line in fh:
                d = json.loads(line)
                docs[d["ref"]] = d["body"]
        for r in rows:
            if r["carrier"]:
                body = docs[r["carrier"]]
                sents = [x for x in re.split(r"(?<=\.)\s+|\n", body) if len(x) >= 40]
                assert any(x in r["text"] for x in sents), r["id"]
    print(f"rows {len(rows)}: " + ", ".join(f"{a} {b} {n}" for (a, b), n in sorted(kinds.items())))
    print("| category | passages | spans | tokens | hand spans | hand tokens |")
    print("|---|---:|---:|---:|---:|---:|")
    for c in sorted(spans_n):
        print(f"| {c} | {pass_n[c]} | {spans_n[c]} | {tok_n[c]} | {hand[c]} | {hand_tok[c]} |")
    print(f"| **total** | {kinds[('planted', 'hand')] + kinds[('planted', 'generated')]} | {sum(spans_n.values())} | "
          f"{sum(tok_n.values())} | {sum(hand.values())} | {sum(hand_tok.values())} |")
    print("spans per planted passage:", dict(sorted(per_passage.items())))
    print(f"tokens in file {all_tokens}, in clean passages {clean_tokens}")
    print("sha256", hashlib.sha256(raw).hexdigest())


if __name__ == "__main__":
    main()
