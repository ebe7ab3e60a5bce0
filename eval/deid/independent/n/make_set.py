#!/usr/bin/env python3
"""Write set N's heldout.jsonl: python3 make_set.py   (standard library only, seed 20261210).

A passage is a list of text pieces and (value, CATEGORY) pairs; the text is assembled piece by
piece, so a span's offsets are those of its value. A generated passage is drawn again if any of
its values (span text, case ignored; ages excepted) would sit in a third passage.
"""

from __future__ import annotations

import collections
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import negatives  # noqa: E402
import oneoffs  # noqa: E402
import shapes  # noqa: E402
import values as V  # noqa: E402

SEED = 20261210
MAX_PASSAGES_PER_VALUE = 2


class Person:
    def __init__(self, first: str, last: str, mi: str) -> None:
        self.first, self.last, self.mi = first, last, mi

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def full_mi(self) -> str:
        return f"{self.first} {self.mi}. {self.last}"

    @property
    def lastfirst(self) -> str:
        return f"{self.last}, {self.first}"

    @property
    def LASTFIRST(self) -> str:
        return f"{self.last}, {self.first}".upper()

    @property
    def FULL(self) -> str:
        return self.full.upper()

    @property
    def lower(self) -> str:
        return self.full.lower()

    @property
    def initials(self) -> str:
        return self.first[0] + self.last[0]

    @property
    def initials_dots(self) -> str:
        return f"{self.first[0]}.{self.mi}.{self.last[0]}."

    @property
    def f_last(self) -> str:
        return f"{self.first[0]}. {self.last}"

    @property
    def user(self) -> str:
        return (self.first[0] + self.last).lower().replace(" ", "").replace("'", "")


class Ctx:
    """Random draws for one passage, preferring values that fewer than two passages hold."""

    def __init__(self, r: random.Random, used: collections.Counter) -> None:
        self.r, self.used = r, used

    def fresh(self, pool: list, key=lambda x: x) -> object:
        cands = [x for x in pool if self.used[str(key(x)).lower()] < MAX_PASSAGES_PER_VALUE]
        return self.r.choice(cands or pool)

    def person(self, pool: list[str] | None = None) -> Person:
        first = str(self.fresh(pool or V.GIVEN))
        last = str(self.fresh(V.SURNAMES))
        if self.r.random() < 0.08:
            last = f"{last}-{self.fresh(V.SURNAMES)}"
        return Person(first, last, self.r.choice("ABCDEFGHJKLMNPRSTW"))

    def place(self, state: str | None = None) -> tuple[str, str, str, str, str]:
        pool = [p for p in V.PLACES if state is None or p[2] == state]
        return self.fresh(pool, key=lambda p: p[0])  # type: ignore[return-value]

    def fac(self, pool: list[str]) -> str:
        return str(self.fresh(pool))


def assemble(pieces: list) -> tuple[str, list[list]]:
    text, spans = "", []
    for p in pieces:
        if isinstance(p, tuple):
            value, cat = p
            spans.append([len(text), len(text) + len(value), cat])
            text += value
        else:
            text += p
    return text, spans


def span_values(text: str, spans: list[list]) -> set[str]:
    return {text[s:e].lower() for s, e, c in spans if c != "AGE"}


def main() -> int:
    r = random.Random(SEED)
    used: collections.Counter = collections.Counter()
    id_rows: list[tuple[str, str, list[list]]] = []

    # hand-written one-offs first: their values are registered before any draw
    for name, pieces in oneoffs.ONEOFFS:
        text, spans = assemble(pieces)
        for v in span_values(text, spans):
            used[v] += 1
        id_rows.append((f"oneoff-{name}", text, spans))

    jobs: list[tuple[str, object]] = []
    for fn, n in shapes.SHAPES:
        jobs += [(fn.__name__, fn)] * n
    for shape_name, fn in jobs:
        for attempt in range(400):
            ctx = Ctx(r, used)
            text, spans = assemble(fn(ctx))  # type: ignore[operator]
            vals = span_values(text, spans)
            if all(used[v] < MAX_PASSAGES_PER_VALUE for v in vals):
                break
        else:
            raise SystemExit(f"{shape_name}: no passage with fresh values after 400 draws")
        for v in vals:
            used[v] += 1
        id_rows.append((shape_name, text, spans))

    clean_rows: list[tuple[str, str]] = []
    for fn, n in negatives.SHAPES:
        for _ in range(n):
            clean_rows.append((fn.__name__, fn(random.Random(r.random()))))

    rows = [(s, t, sp) for s, t, sp in id_rows] + [(s, t, []) for s, t in clean_rows]
    order = list(range(len(rows)))
    r.shuffle(order)
    out = []
    for n, i in enumerate(order, 1):
        shape_name, text, spans = rows[i]
        kind = "clean" if i >= len(id_rows) else "id"
        out.append(json.dumps({"id": f"N-P{n:03d}-{kind}-{shape_name}", "split": "heldout",
                               "carrier": "", "text": text, "spans": sorted(spans)},
                              ensure_ascii=False))
    HERE.joinpath("heldout.jsonl").write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"{len(id_rows)} identifier passages, {len(clean_rows)} clean, written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
