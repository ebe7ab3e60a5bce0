#!/usr/bin/env python3
"""Write set K's heldout.jsonl deterministically.

Needs Faker 40.63.0 exactly (install in a private environment); seeds are fixed in values.py.
Run: python make_set.py   (writes heldout.jsonl beside this file)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import faker

if faker.VERSION != "40.63.0":
    sys.exit(f"needs Faker 40.63.0, found {faker.VERSION}")

from negatives import CLEAN_SHAPES  # noqa: E402
from oneoffs import ONEOFFS  # noqa: E402
from shapes import SHAPES  # noqa: E402
from values import USED, R  # noqa: E402

PER_SHAPE = 4
# shapes carrying the categories weighted most (addresses, places, vehicles, licences, devices, SSNs): one more each
WEIGHTED = {"reg_header_caps", "rural_route", "tribal_lands", "military", "vehicle_crash", "tow_report", "valet_log", "licences",
            "device_clinic", "cpap_home", "charity_care", "ssa_disability", "two_units_address", "elder_report"}
PER_CLEAN = 6


def assemble(parts):
    text, spans = "", []
    for part in parts:
        if isinstance(part, tuple):
            value, cat = part
            spans.append([len(text), len(text) + len(value), cat])
            text += value
        else:
            text += part
    return text, spans


def main() -> None:
    # hand-written values first, so that drawn values do not repeat them
    for _name, parts in ONEOFFS:
        for part in parts:
            if isinstance(part, tuple):
                USED[part[0].lower()] = USED.get(part[0].lower(), 0) + 1
    rows = []
    for shape in SHAPES:
        for _ in range(PER_SHAPE + (shape.__name__ in WEIGHTED)):
            text, spans = assemble(shape())
            rows.append(("id", shape.__name__, text, spans))
    for name, parts in ONEOFFS:
        text, spans = assemble(parts)
        rows.append(("id", name, text, spans))
    for shape in CLEAN_SHAPES:
        for _ in range(PER_CLEAN):
            rows.append(("clean", shape.__name__.removeprefix("c_"), shape(), []))
    R.shuffle(rows)
    out = Path(__file__).with_name("heldout.jsonl")
    with out.open("w", encoding="utf-8", newline="\n") as fh:
        for n, (kind, shape, text, spans) in enumerate(rows, 1):
            row = {"id": f"K-P{n}-{kind}-{shape}", "split": "heldout", "carrier": "", "text": text, "spans": spans}
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} passages to {out.name}")


if __name__ == "__main__":
    main()
