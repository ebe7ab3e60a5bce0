"""How much of the detector's name recall depends on its name lists: score development sets
with every gold NAME token replaced by a made-up name that no list holds (syllables of no
language, the same made-up word for each mention of a token, its case kept), beside the sets
as written. The token logic is eval/deid/independent/b/score.py's (in process, rules and
learned tagger).

    PYTHONPATH=. python scripts/deid_name_swap.py --sets a,b,c [--seed 7] [--misses 20]

Only development sets are read (the held-out set is refused). Prints figures only (with
--misses, the made-up names missed and their context: no text of the sets is changed).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.deid import lexicon, scan  # noqa: E402

SETS_DIR = ROOT / "eval" / "deid" / "independent"
DEVELOPMENT_SETS = tuple("abcdefghijklmnopqrstu")
TOKEN = re.compile(r"[^\W_]+")
ONSETS = [
    "b",
    "d",
    "f",
    "g",
    "h",
    "j",
    "k",
    "l",
    "m",
    "n",
    "r",
    "s",
    "t",
    "v",
    "z",
    "ch",
    "sh",
    "kh",
    "y",
    "ts",
    "dz",
    "ng",
    "nd",
    "mb",
    "gh",
    "q",
    "zh",
]
VOWELS = ["a", "e", "i", "o", "u", "aa", "ee", "oo", "ai", "ay", "ou", "ei", "ia"]
CODAS = ["n", "r", "l", "m", "s", "k", "t", "y", "z", "h", "g"]


def made_up_name(rng: random.Random, lex: lexicon.Lexicon) -> str:
    while True:
        word = "".join(
            rng.choice(ONSETS) + rng.choice(VOWELS) for _ in range(rng.choice([2, 2, 3, 3, 4]))
        )
        if rng.random() < 0.5:
            word += rng.choice(CODAS)
        if not any(
            word in words
            for words in (lex.first, lex.last, lex.common, lex.clinical, lex.cities, lex.ambiguous)
        ):
            return word


def cased_like(source: str, word: str) -> str:
    if source.isupper() and len(source) > 1:
        return word.upper()
    if source.islower():
        return word
    return word[0].upper() + word[1:]


def swapped(row: dict, rng: random.Random, lex: lexicon.Lexicon) -> dict:
    """The passage with its NAME tokens replaced, and its gold spans moved to match."""
    text, spans = row["text"], row["spans"]
    names: dict[str, str] = {}
    edits = []
    for s, e, cat in spans:
        if cat != "NAME":
            continue
        for m in TOKEN.finditer(text, s, e):
            tok = m.group()
            if len(tok) < 2 or not tok.isalpha():
                continue  # initials stay
            new = names.setdefault(tok.lower(), made_up_name(rng, lex))
            edits.append((m.start(), m.end(), cased_like(tok, new)))
    edits.sort()
    parts, pos = [], 0
    for s, e, new in edits:
        parts += [text[pos:s], new]
        pos = e

    def moved(x: int, end: bool = False) -> int:
        d = 0
        for s, e, new in edits:
            if e <= x or (end and s < x < e):
                d += len(new) - (e - s)
        return x + d

    parts.append(text[pos:])
    return {
        **row,
        "text": "".join(parts),
        "spans": [(moved(s), moved(e, True), c) for s, e, c in spans],
    }


def score(rows: list[dict], misses: int) -> tuple[Counter, Counter, int, int]:
    total: Counter = Counter()
    caught: Counter = Counter()
    clean = flagged = 0
    shown = 0
    for row in rows:
        text = row["text"]
        found = [(f.start, f.end) for f in scan(text)]
        if not row["spans"]:
            clean += 1
            flagged += bool(found)
        for s, e, cat in row["spans"]:
            for m in TOKEN.finditer(text, s, e):
                total[cat] += 1
                if any(m.start() < b and a < m.end() for a, b in found):
                    caught[cat] += 1
                elif cat == "NAME" and shown < misses:
                    shown += 1
                    print("MISS", row["id"], repr(text[max(0, s - 50) : e + 30]))
    return total, caught, clean, flagged


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--sets", default=",".join(DEVELOPMENT_SETS))
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--misses", type=int, default=0)
    a = ap.parse_args()
    lex = lexicon.get()
    for name in a.sets.split(","):
        if name not in DEVELOPMENT_SETS:
            sys.exit(f"--sets: {name!r} is not a development set")
        path = SETS_DIR / name / "heldout.jsonl"
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
        rng = random.Random(a.seed)
        for label, variant in (
            ("as written", rows),
            ("names swapped", [swapped(r, rng, lex) for r in rows]),
        ):
            total, caught, clean, flagged = score(variant, a.misses if label != "as written" else 0)
            t, c = sum(total.values()), sum(caught.values())
            print(
                f"{name} {label:13s} recall {c / t:.3f}  NAME {caught['NAME']}/{total['NAME']}"
                f" = {caught['NAME'] / max(1, total['NAME']):.3f}  clean flagged {flagged}/{clean}"
            )


if __name__ == "__main__":
    main()
