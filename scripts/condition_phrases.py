"""Write app/search/data/condition_phrases.txt from ICD-10-CM (the `simple-icd-10-cm` package).

Every description and inclusion term of the classification is cut at punctuation and stop
words ("Asthma with (acute) exacerbation": "asthma", "acute", "exacerbation"), and again
with its parenthesised words left out ("Chronic (isolated) right ventricular failure":
"chronic right ventricular failure"). Of each piece, the runs of two to four stemmed words
that hold a course word of `conditions.MODIFIERS` and a word that is not one are kept:
"acut pancreat", "chronic kidnei diseas". Run again when the word list changes
(tests/search/test_conditions.py checks the file's header against it).

    pip install simple-icd-10-cm && python scripts/condition_phrases.py
"""

from __future__ import annotations

import re
import sys
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import simple_icd_10_cm as cm  # noqa: E402

from app.search.analysis import STOP_WORDS, WORD, stem  # noqa: E402
from app.search.conditions import LONGEST, MODIFIERS, PHRASES_FILE  # noqa: E402

PARENTHESISED = re.compile(r"\([^)]*\)|\[[^\]]*\]")
BREAK = re.compile(r"[^\w\s.]|\.(?!\w)")


def pieces(text: str) -> list[list[str]]:
    """Runs of stemmed words with no punctuation or stop word inside."""
    out = []
    for variant in (text, PARENTHESISED.sub(" ", text)):
        for part in BREAK.split(variant.lower()):
            run: list[str] = []
            for word in WORD.findall(part):
                if word in STOP_WORDS:
                    out.append(run)
                    run = []
                else:
                    run.append(stem(word))
            out.append(run)
    return [run for run in out if len(run) > 1]


def main() -> None:
    texts = set()
    for code in cm.get_all_codes(with_dots=True):
        texts.add(cm.get_description(code))
        texts.update(cm.get_inclusion_term(code))
    kept = set()
    for text in texts:
        for run in pieces(text):
            for length in range(2, LONGEST + 1):
                for start in range(len(run) - length + 1):
                    words = run[start : start + length]
                    if any(w in MODIFIERS for w in words) and any(
                        w not in MODIFIERS for w in words
                    ):
                        kept.add(" ".join(words))
    with PHRASES_FILE.open("w", encoding="utf-8") as fh:
        source = f"simple-icd-10-cm {version('simple-icd-10-cm')}"
        fh.write(f"# From ICD-10-CM ({source}, {len(texts)} descriptions and terms)\n")
        fh.write(f"# modifiers: {' '.join(sorted(MODIFIERS))}\n")
        for line in sorted(kept):
            fh.write(line + "\n")
    print(f"{len(kept)} runs from {len(texts)} texts -> {PHRASES_FILE}")


if __name__ == "__main__":
    main()
