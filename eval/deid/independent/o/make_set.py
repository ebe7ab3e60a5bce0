#!/usr/bin/env python3
"""Write set O's heldout.jsonl: 270 identifier passages (240 generated from 35 shapes, 30
hand-written one-offs) and 180 clean passages (30 shapes x 6).

Standard library only. Seed 20261211 for Python's `random`; the same bytes come out whatever
PYTHONHASHSEED (no set or dict is iterated in hash order).

Run: python3 make_set.py            (writes heldout.jsonl beside this file)
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

import negatives  # noqa: E402
import shapes  # noqa: E402

SEED = 20261211
MAX_PASSAGES_PER_VALUE = 2
# shapes written six times instead of seven (35 shapes: 30 x 7 + 5 x 6 = 240)
SIX = {"survey", "fair", "sqlinsert", "rxlabel", "birthcert"}
MARK = re.compile(r"\[\[(.+?)\|([A-Z]+)\]\]")


def assemble(pieces: list) -> tuple[str, list[list]]:
    text, spans = "", []
    for piece in pieces:
        if isinstance(piece, tuple):
            value, cat = piece
            spans.append([len(text), len(text) + len(value), cat])
            text += value
        else:
            text += piece
    return text, spans


def parse_marked(s: str) -> tuple[str, list[list]]:
    pieces: list = []
    pos = 0
    for m in MARK.finditer(s):
        pieces.append(s[pos:m.start()])
        pieces.append((m.group(1), m.group(2)))
        pos = m.end()
    pieces.append(s[pos:])
    return assemble(pieces)


def span_values(text: str, spans: list[list]) -> list[str]:
    return sorted({text[a:b].lower() for a, b, c in spans if c != "AGE"})


def main() -> int:
    rng = random.Random(SEED)
    used: dict[str, int] = collections.defaultdict(int)
    id_rows: list[tuple[str, str, list]] = []

    for name, marked in shapes.ONEOFFS:
        text, spans = parse_marked(marked)
        for v in span_values(text, spans):
            used[v] += 1
        id_rows.append((f"id-oneoff-{name}", text, spans))

    jobs = []
    for name, fn in shapes.SHAPES:
        jobs += [(name, fn)] * (6 if name in SIX else 7)
    rng.shuffle(jobs)
    for name, fn in jobs:
        for _attempt in range(500):
            text, spans = assemble(fn(rng))
            vals = span_values(text, spans)
            if all(used[v] < MAX_PASSAGES_PER_VALUE for v in vals):
                break
        else:
            raise SystemExit(f"shape {name}: no passage without an over-used value")
        for v in vals:
            used[v] += 1
        id_rows.append((f"id-{name}", text, sorted(spans)))

    clean_rows = []
    for name, template in negatives.CLEAN_SHAPES:
        for _ in range(6):
            clean_rows.append((f"clean-{name}", negatives.make_clean(rng, name, template), []))

    rows = id_rows + clean_rows
    rng.shuffle(rows)
    out = []
    for n, (kind, text, spans) in enumerate(rows, 1):
        out.append(json.dumps({"id": f"O-P{n}-{kind}", "split": "heldout", "carrier": "", "text": text,
                               "spans": spans}, ensure_ascii=False))
    (HERE / "heldout.jsonl").write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} passages ({len(id_rows)} identifier, {len(clean_rows)} clean)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
