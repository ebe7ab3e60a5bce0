#!/usr/bin/env python3
"""Write set L's heldout.jsonl (standard library only; same bytes on every run).

usage: python3 make_set.py [out.jsonl]

Seed 20261208 for Python's random. Identifier passages: 41 generated shapes (shapes.py),
5 or 6 each, plus the hand-written one-offs (oneoffs.py); clean passages: 31 shapes
(negatives.py), 5 or 6 each. Passages are assembled piece by piece, so offsets cannot drift.
A passage is drawn again if one of its span values (case ignored; ages exempt) would then sit
in more than two passages; the one-offs' values are registered first.
"""

from __future__ import annotations

import collections
import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from negatives import NEGATIVES  # noqa: E402
from oneoffs import ONEOFFS  # noqa: E402
from shapes import SHAPES  # noqa: E402

SEED = 20261208
FIVE_ID = {"mdtable", "bedboard", "echominutes", "roi", "adt", "intake"}
FIVE_CLEAN = {"itlog", "codes", "reminder", "voicemail", "fwdguide", "mdtable"}
MARK = re.compile(r"\[\[(.*?)\|([A-Z]+)\]\]", re.S)


def assemble(pieces: list) -> tuple[str, list]:
    text, spans = "", []
    for p in pieces:
        if isinstance(p, str):
            text += p
        else:
            value, cat = p
            spans.append([len(text), len(text) + len(value), cat])
            text += value
    return text, spans


def parse_marked(s: str) -> list:
    pieces: list = []
    pos = 0
    for m in MARK.finditer(s):
        pieces.append(s[pos:m.start()])
        pieces.append((m.group(1), m.group(2)))
        pos = m.end()
    pieces.append(s[pos:])
    return pieces


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "heldout.jsonl"
    rng = random.Random(SEED)
    used: collections.Counter = collections.Counter()

    def values(text: str, spans: list) -> set[str]:
        return {text[s:e].lower() for s, e, c in spans if c != "AGE"}

    id_rows = []
    for name, marked in ONEOFFS:
        text, spans = assemble(parse_marked(marked))
        used.update(values(text, spans))
        id_rows.append((name, text, spans))
    for name, fn in SHAPES.items():
        for _ in range(5 if name in FIVE_ID else 6):
            for _attempt in range(500):
                text, spans = assemble(fn(rng))
                vals = values(text, spans)
                if all(used[v] < 2 for v in vals):
                    break
            else:
                raise SystemExit(f"could not draw fresh values for {name}")
            used.update(vals)
            id_rows.append((name, text, spans))
    clean_rows = []
    for name, fn in NEGATIVES.items():
        for _ in range(5 if name in FIVE_CLEAN else 6):
            clean_rows.append((name, fn(rng), []))
    rows = [("id", *r) for r in id_rows] + [("clean", *r) for r in clean_rows]
    rng.shuffle(rows)
    with out.open("w", encoding="utf-8", newline="\n") as fh:
        for n, (kind, name, text, spans) in enumerate(rows, 1):
            row = {"id": f"L-P{n}-{kind}-{name}", "split": "heldout", "carrier": "", "text": text,
                   "spans": sorted(spans)}
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} passages ({len(id_rows)} with identifiers, {len(clean_rows)} clean) to {out.name}")


if __name__ == "__main__":
    main()
