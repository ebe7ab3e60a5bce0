"""The detector's findings on a fixed sample of the evaluation sets, frozen as digests: the
rules' alone (FROZEN_DIGEST) and the whole scan's, rules and learned tagger (TAGGER_DIGEST).

Speed work on the detector must not change what it finds. When a change of findings is
intended (recall or precision work, a retrained tagger), run this file, check the differences
on the eval sets with their scorers, and put the digest the failure prints in the constant.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from app.deid import detector, scan

EVAL = Path(__file__).resolve().parents[2] / "eval" / "deid"
SETS = (
    "planted.jsonl",
    "realistic.jsonl",
    "clean.jsonl",
    "independent/a/heldout.jsonl",
    "independent/b/heldout.jsonl",
    "independent/c/heldout.jsonl",
    "independent/d/heldout.jsonl",
)
EVERY = 7  # one text in seven of each set: a few hundred texts, under a second or two

FROZEN_DIGEST = "814cf0d89046b2b6c077e78f0c590ef8838c2a43b2ed78ed011f19686d68cf63"
TAGGER_DIGEST = "f40c547a484c0acc77ad61f18969f98538a0620fb53d4a28e848ec7b8cf5b3ea"


def _sample() -> list[tuple[str, str]]:
    texts = []
    for name in SETS:
        lines = (EVAL / name).read_text(encoding="utf-8").splitlines()
        for n, line in enumerate(lines[::EVERY]):
            texts.append((f"{name}:{n * EVERY}", json.loads(line)["text"]))
    texts.append(("eponym_passages.txt", (EVAL / "eponym_passages.txt").read_text("utf-8")))
    return texts


def findings_digest(scan_with=detector.scan_rules) -> tuple[str, int]:
    digest = hashlib.sha256()
    count = 0
    for where, text in _sample():
        for f in scan_with(text):
            digest.update(f"{where}\t{f.start}\t{f.end}\t{f.category}\t{f.confidence!r}\n".encode())
            count += 1
    return digest.hexdigest(), count


def test_findings_on_the_eval_sample_are_unchanged():
    digest, count = findings_digest()
    assert count > 500  # the sample holds identifiers to find
    assert digest == FROZEN_DIGEST, f"findings changed: new digest {digest} ({count} findings)"


def test_findings_with_the_tagger_on_the_eval_sample_are_unchanged():
    digest, count = findings_digest(scan)
    assert count > 500
    assert digest == TAGGER_DIGEST, f"findings changed: new digest {digest} ({count} findings)"


def test_a_short_text_gives_the_same_findings_each_time_and_only_clean_ones_are_kept():
    text = "Referred by Dr. Ana Costa on 03/14/2024"
    first = scan(text)
    first.clear()  # the caller's list
    again = scan(text)
    assert [f.category for f in again] == ["NAME", "DATE"]
    assert text not in detector._CLEAN_SHORT  # a text with identifiers is never kept
    clean = "Chronic hepatitis C, genotype 3"
    assert scan(clean) == [] and clean in detector._CLEAN_SHORT
    assert scan(clean) == detector._scan(clean) == []
