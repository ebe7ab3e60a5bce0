"""Train the de-identification tagger (app/deid/tagger.py) on the independent evaluation sets.

    PYTHONPATH=. python scripts/train_deid_tagger.py --sets a,b,c,d,e,f,g,h,i,j \\
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
DEVELOPMENT_SETS = ("a", "b", "c", "d", "e", "f", "g", "h", "i", "j")
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


def load(names: list[str]) -> list[Passage]:
    out = []
    for name in names:
        with open(set_path(name), encoding="utf-8") as fh:
            for line in fh:
                if not line.strip():
                    continue
                row = json.loads(line)
                text = folded(row["text"])
                spans = [(int(s), int(e), str(c)) for s, e, c in row.get("spans", [])]
                tokens = tagger.tokenize(text)
                out.append(
                    Passage(
                        name,
                        row["id"],
                        text,
                        spans,
                        scan_rules(text),
                        tokens,
                        labels_for(tokens, spans),
                    )
                )
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
    a = ap.parse_args()
    passages = load(a.sets + a.extra)
    train(passages, a.out)
    thresholds = json.loads(a.thresholds.read_text()) if a.thresholds else {}
    settings = {
        "about": "CRF token tagger for app/deid/tagger.py; trained by scripts/train_deid_tagger.py",
        "trained_on": {
            str(set_path(n).relative_to(ROOT)): sha256(set_path(n)) for n in a.sets + a.extra
        },
        "passages": len(passages),
        "tokens": sum(len(p.tokens) for p in passages),
        "crfsuite": {"algorithm": "lbfgs", **PARAMS},
        "thresholds": thresholds,
    }
    a.out.with_suffix(".json").write_text(json.dumps(settings, indent=2) + "\n", encoding="utf-8")
    print(f"{a.out}: {a.out.stat().st_size} bytes, {len(passages)} passages")


if __name__ == "__main__":
    main()
