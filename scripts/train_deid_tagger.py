"""Train the de-identification tagger (app/deid/tagger.py) on the independent evaluation sets.

    PYTHONPATH=. python scripts/train_deid_tagger.py --sets a,b,c,d,e,f,g,h,i,j,k,l --vary \\
        --thresholds tagger_thresholds.json

Deterministic: fixed crfsuite parameters, passages in file order. Writes the model to
app/deid/data/deid_tagger.crfsuite and, beside it, deid_tagger.json: the sets trained on with
the sha256 of each file, the parameters, and the per-category thresholds chosen by
cross-validation (scripts/deid_tagger_cv.py). The sets are synthetic evaluation text, so the
model holds no patient text.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.deid import tagger  # noqa: E402
from app.deid.detector import Finding, folded, scan_rules  # noqa: E402

SETS_DIR = ROOT / "eval" / "deid" / "independent"
# The sets that may be read. Any set not listed here (the next held-out one) is refused.
DEVELOPMENT_SETS = tuple("abcdefghijklmnopqr")
# Sets always trained on and never scored in cross-validation: the development sets built
# here, whose clean passages are the hard negatives (eponyms, test batteries, measurements).
EXTRA_SETS = {
    "clean": ROOT / "eval" / "deid" / "clean.jsonl",
    "realistic": ROOT / "eval" / "deid" / "realistic.jsonl",
}
PARAMS = {
    "c1": 0.05,
    "c2": 0.01,
    "max_iterations": 150,
    "feature.minfreq": 2,
    "feature.possible_transitions": True,
}


@dataclass
class Passage:
    set_name: str
    id: str
    text: str  # as the rules read it
    spans: list[tuple[int, int, str]]
    rules: list[Finding]
    tokens: list[tagger.Token]
    labels: list[str]


def set_path(name: str) -> Path:
    if name in EXTRA_SETS:
        return EXTRA_SETS[name]
    if name not in DEVELOPMENT_SETS:
        sys.exit(f"--sets: {name!r} is not a development set ({', '.join(DEVELOPMENT_SETS)})")
    return SETS_DIR / name / "heldout.jsonl"


def parse_extra(value: str) -> list[str]:
    names = [v.strip() for v in value.split(",") if v.strip()]
    for name in names:
        if name not in EXTRA_SETS:
            sys.exit(f"--extra: {name!r} is not one of {', '.join(EXTRA_SETS)}")
    return names


def parse_sets(value: str) -> list[str]:
    names = [v.strip() for v in value.split(",") if v.strip()]
    for name in names:
        set_path(name)
    return names


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def labels_for(tokens: list[tagger.Token], spans: list[tuple[int, int, str]]) -> list[str]:
    out = []
    for t in tokens:
        cat = "O"
        for s, e, c in spans:
            if t.start < e and s < t.end:
                cat = c
                break
        out.append(cat)
    return out


def passage(name: str, id_: str, text: str, spans: list[tuple[int, int, str]]) -> Passage:
    tokens = tagger.tokenize(text)
    return Passage(name, id_, text, spans, scan_rules(text), tokens, labels_for(tokens, spans))


def varied(text: str, k: int) -> str | None:
    """The k-th passage's variant of casing or layout, of the same length (the gold offsets
    hold): every third in lower case, every third with its lines run together; None when the
    variant would change the length or nothing."""
    if k % 3 == 0:
        out = text.lower()
    elif k % 3 == 1:
        out = text.replace("\n", " ")
    else:
        return None
    return out if len(out) == len(text) and out != text else None


def load(names: list[str], vary: bool = False) -> list[Passage]:
    """The sets' passages; with ``vary``, also a variant of casing or layout of each passage
    of the independent sets (learning that a name is a name in lower case or mid-line too)."""
    out = []
    for name in names:
        with open(set_path(name), encoding="utf-8") as fh:
            for k, line in enumerate(fh):
                if not line.strip():
                    continue
                row = json.loads(line)
                text = folded(row["text"])
                spans = [(int(s), int(e), str(c)) for s, e, c in row.get("spans", [])]
                out.append(passage(name, row["id"], text, spans))
                other = varied(text, k) if vary and name not in EXTRA_SETS else None
                if other is not None:
                    out.append(passage(name, row["id"] + "~", other, spans))
    return out


def train(passages: list[Passage], model_path: Path) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for p in passages:
        if p.tokens:
            trainer.append(tagger.features(p.text, p.tokens, p.rules), p.labels)
    trainer.set_params(PARAMS)
    trainer.train(str(model_path))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--sets", type=parse_sets, default=list(DEVELOPMENT_SETS))
    ap.add_argument("--extra", type=parse_extra, default=list(EXTRA_SETS))
    ap.add_argument("--thresholds", type=Path, help="JSON of per-category thresholds (from CV)")
    ap.add_argument("--out", type=Path, default=tagger.MODEL_PATH)
    ap.add_argument("--vary", action="store_true", help="add variants of casing and layout")
    a = ap.parse_args()
    passages = load(a.sets + a.extra, a.vary)
    train(passages, a.out)
    thresholds = json.loads(a.thresholds.read_text()) if a.thresholds else {}
    settings = {
        "about": "CRF token tagger for app/deid/tagger.py; trained by scripts/train_deid_tagger.py",
        "trained_on": {
            str(set_path(n).relative_to(ROOT)): sha256(set_path(n)) for n in a.sets + a.extra
        },
        "varied": a.vary,
        "passages": len(passages),
        "tokens": sum(len(p.tokens) for p in passages),
        "crfsuite": {"algorithm": "lbfgs", **PARAMS},
        "thresholds": thresholds,
    }
    a.out.with_suffix(".json").write_text(json.dumps(settings, indent=2) + "\n", encoding="utf-8")
    print(f"{a.out}: {a.out.stat().st_size} bytes, {len(passages)} passages")


if __name__ == "__main__":
    main()
