"""Record the detector's findings on every evaluation text and corpus document, or check
that they are still the same: speed work on the detector must not change a finding.

    PYTHONPATH=. python scripts/deid_same.py --save REF.jsonl    # before the change
    PYTHONPATH=. python scripts/deid_same.py --check-same REF.jsonl [--jobs 2]

Texts: every passage of eval/deid/ (planted, realistic, clean, the eponym passages and every
independent set but those still held out), each also upper- and lower-cased and with typographic
apostrophes (forms that cue-word prefilters must treat as the detector does), each with the
characters clinicians type that are not ASCII (degree and micro signs, accented names, curly
quotes, dashes, non-breaking spaces; and once more with dotless and dotted i, long s and the
Kelvin sign in place of letters, which the rules read as those), and what `casebook
import --redact` scans of each corpus document (../shared/corpus/cases.jsonl: title, summary,
body, keywords as topic names, and the redacted texts the gate checks). Each line of REF holds a
text's source, a digest of the text and its findings (category, start, end, confidence), never
the text. A difference prints the source and the two lists of findings.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

EVAL = ROOT / "eval" / "deid"
CORPUS = ROOT.parent / "shared" / "corpus" / "cases.jsonl"


def _development_sets() -> set[str]:
    """The independent sets that may be read: those with a row in the README that does not
    say they are held out. A held-out set's findings must not be looked at before it is
    scored, and a folder without a row is a set still being written: both are left out."""
    rows = (EVAL / "independent" / "README.md").read_text(encoding="utf-8").splitlines()
    cells = [[c.strip() for c in row.strip("|").split("|")] for row in rows if row.startswith("|")]
    return {
        c[0]
        for c in cells
        if len(c) == 3 and len(c[0]) == 1 and c[0].isalpha() and not c[2].endswith("held out")
    }


def _eval_texts() -> Iterator[tuple[str, str]]:
    sets = ["planted.jsonl", "realistic.jsonl", "clean.jsonl"]
    readable = _development_sets()
    # each readable set by name: the folders of the others are not even listed
    sets += [
        f"independent/{name}/heldout.jsonl"
        for name in sorted(readable)
        if (EVAL / "independent" / name / "heldout.jsonl").exists()
    ]
    for name in sets:
        lines = (EVAL / name).read_text(encoding="utf-8").splitlines()
        for n, line in enumerate(lines):
            if line.strip():
                yield f"{name}:{n}", json.loads(line)["text"]
    passages = (EVAL / "eponym_passages.txt").read_text(encoding="utf-8")
    yield "eponym_passages.txt", passages
    for n, passage in enumerate(p for p in passages.split("\n\n") if p.strip()):
        yield f"eponym_passages.txt:{n}", passage


RX_TEMPERATURE = re.compile(r"(?<=\d) ?(?=[CF]\b)")
RX_NUMBER_END = re.compile(r"(?<=\d)(?=[ ,;])")
RX_CAPITALISED = re.compile(r"\b[A-Z][a-z]+")
RX_QUOTED = re.compile(r'"([^"\n]{0,80})"')
ACCENTS = str.maketrans("aeiou", "áéíóü")


def typed(text: str) -> str:
    """`text` as clinicians type it: degree signs after numbers, micro signs in units, every
    third capitalised word accented ("José"), curly quotes, em dashes, non-breaking spaces."""
    text = RX_TEMPERATURE.sub(" °", text)
    n = iter(range(1 << 30))
    text = RX_NUMBER_END.sub(lambda m: "°" if next(n) % 2 == 0 else "", text)
    text = text.replace("mg", "µg").replace("mcg", "µg")
    k = iter(range(1 << 30))
    text = RX_CAPITALISED.sub(
        lambda m: (
            m.group()[0] + m.group()[1:].translate(ACCENTS) if next(k) % 3 == 0 else m.group()
        ),
        text,
    )
    text = RX_QUOTED.sub(r"“\1”", text).replace(" - ", " — ").replace("--", "—")
    s = iter(range(1 << 30))
    return re.sub(" ", lambda m: "\u00a0" if next(s) % 7 == 3 else " ", text)


def misspelled(text: str) -> str:
    """`text` with letters that match "i", "s" and "k" in any case in place of some of those
    (the rules read them as the letters): every other word of the text."""
    words = text.split(" ")
    swap = str.maketrans({"i": "ı", "I": "İ", "s": "ſ", "K": "\u212a"})
    return " ".join(w.translate(swap) if n % 2 else w for n, w in enumerate(words))


def _variants(where: str, text: str) -> Iterator[tuple[str, str]]:
    yield where, text
    yield f"{where}:upper", text.upper()
    yield f"{where}:lower", text.lower()
    if "'" in text:
        yield f"{where}:curly", text.replace("'", "’")
    yield f"{where}:typed", typed(text)
    yield f"{where}:typed-upper", typed(text).upper()
    yield f"{where}:misspelled", misspelled(typed(text))
    yield f"{where}:misspelled-upper", misspelled(typed(text).upper())


def _corpus_items(corpus: Path) -> Iterator[tuple[str, str, bool]]:
    from app.deid.gate import text_variants

    with open(corpus, encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if not line.strip():
                continue
            doc = json.loads(line)
            ref = doc.get("ref") or f"doc-{n}"
            for field in ("title", "summary", "body"):
                if doc.get(field):
                    yield f"corpus:{ref}:{field}", doc[field], True
                    yield f"corpus:{ref}:{field}:typed", typed(doc[field]), True
                    yield f"corpus:{ref}:{field}:misspelled", misspelled(typed(doc[field])), False
            for k, keyword in enumerate(doc.get("keywords") or []):
                for v, variant in enumerate(text_variants(keyword)):
                    yield f"corpus:{ref}:keyword{k}:{v}", variant, False


def _texts(corpus: Path | None) -> list[tuple[str, str, bool]]:
    items = [(w, t, False) for where, text in _eval_texts() for w, t in _variants(where, text)]
    if corpus is not None and corpus.exists():
        items += list(_corpus_items(corpus))
    return items


def _scan_chunk(chunk: list[tuple[str, str, bool]]) -> list[tuple[str, str, list]]:
    from app.deid import scan
    from app.deid.gate import redacted_text, text_variants

    out = []
    for where, text, redacting in chunk:
        found = scan(text)
        out.append(
            (where, _digest(text), [[f.category, f.start, f.end, f.confidence] for f in found])
        )
        if redacting:
            for v, variant in enumerate(text_variants(redacted_text(text, found))):
                rows = [[f.category, f.start, f.end, f.confidence] for f in scan(variant)]
                out.append((f"{where}:redacted{v}", _digest(variant), rows))
    return out


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def record(
    corpus: Path | None, jobs: int, not_ascii: bool = False, every: int = 1
) -> tuple[list[tuple[str, str, list]], float]:
    items = _texts(corpus)
    if not_ascii:
        items = [item for item in items if not item[1].isascii()]
    items = items[::every]
    size = 200
    chunks = [items[i : i + size] for i in range(0, len(items), size)]
    t0 = time.process_time()
    if jobs > 1:
        with ProcessPoolExecutor(jobs) as pool:
            results = [row for part in pool.map(_scan_chunk, chunks) for row in part]
    else:
        results = [row for chunk in chunks for row in _scan_chunk(chunk)]
    return results, time.process_time() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--save", type=Path, metavar="REF", help="write the findings to REF")
    mode.add_argument("--check-same", type=Path, metavar="REF", help="compare with REF")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--no-corpus", action="store_true", help="the evaluation texts only")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--not-ascii", action="store_true", help="only the texts not ASCII")
    ap.add_argument("--every", type=int, default=1, metavar="N", help="every Nth text only")
    a = ap.parse_args()
    t0 = time.perf_counter()
    results, cpu = record(None if a.no_corpus else a.corpus, a.jobs, a.not_ascii, a.every)
    wall = time.perf_counter() - t0
    findings = sum(len(r[2]) for r in results)
    print(f"{len(results)} texts, {findings} findings, {wall:.1f} s wall", end="")
    print(f", {cpu:.1f} s CPU in this process" if a.jobs == 1 else "")
    if a.save:
        with open(a.save, "w", encoding="utf-8") as fh:
            for where, digest, rows in results:
                fh.write(json.dumps([where, digest, rows]) + "\n")
        print(f"saved to {a.save}")
        return 0
    reference = {}
    with open(a.check_same, encoding="utf-8") as fh:
        for line in fh:
            where, digest, rows = json.loads(line)
            reference[where] = (digest, rows)
    differ = 0
    for where, digest, rows in results:
        if where not in reference:
            if not where.startswith("corpus:"):
                print(f"NEW TEXT {where}")
                differ += 1
            continue
        old_digest, old_rows = reference.pop(where)
        if old_digest != digest:
            continue  # a redacted text that differs was reported through its source
        if old_rows != json.loads(json.dumps(rows)):
            differ += 1
            if differ <= 30:
                print(f"DIFFERS {where}\n  was {old_rows}\n  now {rows}")
    missing = [w for w in reference if not w.startswith("corpus:")]
    for where in missing:
        print(f"MISSING {where}")
    differ += len(missing)
    print("same findings" if not differ else f"{differ} texts differ")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
