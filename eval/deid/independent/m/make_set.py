#!/usr/bin/env python3
"""Write set M's heldout.jsonl. Standard library only; seed 20261209.

Run: python3 make_set.py      (writes heldout.jsonl beside this file)
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import values  # noqa: E402
from negatives import NEG_SHAPES  # noqa: E402
from oneoffs import ONEOFFS  # noqa: E402
from shapes import SHAPES  # noqa: E402

SEED = 20261209
N_ID_GENERATED = 240
N_CLEAN = 180
MAX_PASSAGES_PER_VALUE = 2
MARK = re.compile(r"\[\[(.+?)\|([A-Z]+)\]\]")


def assemble(pieces: list) -> tuple[str, list[list]]:
    text, spans = "", []
    for piece in pieces:
        if isinstance(piece, str):
            text += piece
            continue
        value, cat = piece
        assert value and value == value.strip(), (value, cat)
        spans.append([len(text), len(text) + len(value), cat])
        text += value
    return text, spans


def from_marks(src: str) -> list:
    pieces: list = []
    pos = 0
    for m in MARK.finditer(src):
        pieces.append(src[pos : m.start()])
        pieces.append((m.group(1), m.group(2)))
        pos = m.end()
    pieces.append(src[pos:])
    return [p for p in pieces if p != ""]


def fits(text: str, spans: list[list]) -> bool:
    for s, e, cat in spans:
        if cat != "AGE" and values.used(text[s:e]) >= MAX_PASSAGES_PER_VALUE:
            return False
    return True


def register(key: str, text: str, spans: list[list]) -> None:
    for s, e, _ in spans:
        holders = values.REG.setdefault(text[s:e].lower(), [])
        if key not in holders:
            holders.append(key)


def main() -> None:
    rng = random.Random(SEED)
    rows: list[tuple[str, str, list[list]]] = []  # (shape id, text, spans)
    for n, (name, src) in enumerate(ONEOFFS):
        text, spans = assemble(from_marks(src))
        register(f"o{n}", text, spans)
        rows.append((f"id-{name}", text, spans))
    plan = [name for name, _ in SHAPES] * 5
    plan += [name for name, _ in SHAPES][: N_ID_GENERATED - len(plan)]
    rng.shuffle(plan)
    fns = dict(SHAPES)
    for n, name in enumerate(plan):
        for _ in range(500):
            text, spans = assemble(fns[name](rng))
            if fits(text, spans):
                break
        else:
            raise SystemExit(f"shape {name}: no passage fits the reuse limit")
        register(f"g{n}", text, spans)
        rows.append((f"id-{name}", text, spans))
    neg_plan = [name for name, _ in NEG_SHAPES] * 6
    neg_plan = neg_plan[len(neg_plan) - N_CLEAN :]
    rng.shuffle(neg_plan)
    nfns = dict(NEG_SHAPES)
    for name in neg_plan:
        rows.append((f"clean-{name}", nfns[name](rng), []))
    rng.shuffle(rows)
    out = HERE / "heldout.jsonl"
    with out.open("w", encoding="utf-8", newline="\n") as fh:
        for i, (shape, text, spans) in enumerate(rows, 1):
            row = {
                "id": f"M-P{i}-{shape}",
                "split": "heldout",
                "carrier": "",
                "text": text,
                "spans": sorted(spans),
            }
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} passages to {out.name}")


if __name__ == "__main__":
    main()
