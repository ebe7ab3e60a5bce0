#!/usr/bin/env python3
"""Write set J (heldout.jsonl): held-out de-identification passages built from Faker values.

Values come from the Faker library's providers in eight locales, plus real small US towns,
USPS Publication 28 street suffixes and secondary unit designators typed in `values.py`
(which also pins the Faker version and the seed). Passages are
written in the styles of registration systems and clinicians. The repository does not depend
on Faker: run this script with an interpreter that has exactly the pinned version,

    python -m venv venv-faker && venv-faker/bin/pip install faker==40.63.0
    venv-faker/bin/python make_set.py            # writes heldout.jsonl next to this file

The seed and the version are pinned, so the file comes out byte for byte the same.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

from shapes import CLEAN_SHAPES, ID_SHAPES, ONE_OFFS
from values import CUR, R, emit, fill

PER_SHAPE = 6  # each identifier shape, with other values each time
PER_CLEAN_SHAPE = 5



def build(key: str, fn: Callable) -> tuple[str, list[list]]:
    CUR[0] = key
    tpl, vals = fn()
    text, spans = fill(tpl, vals)
    emit(key, text, spans)
    return text, spans


def main() -> None:
    # Hand-written values first, so generated values avoid them (no value in over two passages).
    drafts: list[tuple[str, str, list[list]]] = []
    for name, fn in ONE_OFFS:
        text, spans = build(f"one-{name}", fn)
        drafts.append((name, text, spans))
    plan: list[tuple[str, Callable]] = []
    for name, fn in ID_SHAPES:
        plan += [(name, fn)] * PER_SHAPE
    R.shuffle(plan)
    for k, (name, fn) in enumerate(plan):
        text, spans = build(f"gen-{k}", fn)
        drafts.append((name, text, spans))
    clean_plan: list[tuple[str, Callable]] = []
    for name, cfn in CLEAN_SHAPES:
        clean_plan += [(name, cfn)] * PER_CLEAN_SHAPE
    R.shuffle(clean_plan)
    rows = []
    # one-offs are mixed in among the generated passages, not left at the top of the file
    order = list(range(len(drafts)))
    R.shuffle(order)
    for n, k in enumerate(order, 1):
        name, text, spans = drafts[k]
        rows.append({"id": f"J-P{n}-id-{name}", "split": "heldout", "carrier": "", "text": text, "spans": spans})
    for m, (name, cfn) in enumerate(clean_plan, len(rows) + 1):
        rows.append({"id": f"J-P{m}-clean-{name}", "split": "heldout", "carrier": "", "text": cfn(), "spans": []})
    out = Path(__file__).with_name("heldout.jsonl")
    with out.open("w", encoding="utf-8", newline="\n") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} passages to {out.name}")


if __name__ == "__main__":
    main()
