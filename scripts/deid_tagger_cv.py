"""Leave-one-set-out cross-validation of the de-identification tagger (app/deid/tagger.py).

    PYTHONPATH=. python scripts/deid_tagger_cv.py --sets a,b,c,d,e,f,g,h,i,j \\
        --cache cv.pickle [--jobs 2] [--write-thresholds tagger_thresholds.json]

For each set X, trains on the others and the --extra sets (always trained on, never scored),
scans X with the rules and with rules + tagger, and scores both as
eval/deid/independent/b/score.py does (tokens are maximal alphanumeric runs; a gold token is
caught when any finding overlaps it; category ignored). Each category's threshold is then
chosen on the pooled folds (see ``choose``), and the folds are reported per set and pooled
with those thresholds. The tagger's marginals per fold are kept in --cache, so that choosing
and reporting again does not retrain. In-process; no CLI.
"""

from __future__ import annotations

import argparse
import json
import pickle
import re
import sys
import tempfile
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import train_deid_tagger as training  # noqa: E402

from app.deid import tagger  # noqa: E402
from app.deid.detector import folded, scan_rules, with_tagger  # noqa: E402

SCORE_TOKEN = re.compile(r"[^\W_]+")
LABELS = tuple(sorted(set(tagger.DETECTOR_CATEGORY)))
GRID = [round(0.30 + 0.05 * k, 2) for k in range(14)] + [0.97, 0.99, 2.0]
CLEAN_WEIGHT = 10  # false tokens one newly flagged clean passage is worth
CORPUS_WEIGHT = 1  # and one real text newly flagged (a click on "Not an identifier")


def _fold(
    args: tuple[str, list[str], list[str], bool],
) -> tuple[str, list[list[dict[str, float]]]]:
    held, names, extra, vary = args
    train = training.load([n for n in names if n != held] + extra, vary)
    test = training.load([held])
    with tempfile.TemporaryDirectory() as td:
        path = Path(td) / "fold.crfsuite"
        training.train(train, path)
        model = tagger.Model(path, {})
        probs = [model.marginals(p.text, p.tokens, p.rules, LABELS) for p in test]
    return held, probs


def run_folds(
    names: list[str],
    extra: list[str],
    jobs: int,
    vary: bool = False,
    folds: list[str] | None = None,
) -> dict:
    held_out = folds or names
    passages = {n: training.load([n]) for n in held_out}
    marginals: dict[str, list] = {}
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for held, probs in pool.map(_fold, [(n, names, extra, vary) for n in held_out]):
            marginals[held] = probs
            print(f"fold {held} done", file=sys.stderr, flush=True)
    return {
        "sets": held_out,
        "trained_on": names,
        "extra": extra,
        "vary": vary,
        "passages": passages,
        "marginals": marginals,
    }


def corpus_marginals(corpus: Path, model_path: Path) -> list[tuple[list[bool], list]]:
    """For the even-numbered texts of the corpus (the odd ones are left for the report), the
    tokens the rules left and the model's marginals. The corpus is real text, already
    de-identified: what the tagger adds there is taken as a false alarm."""
    model = tagger.Model(model_path, {})
    out = []
    with open(corpus, encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if n % 2:
                continue
            text = folded(json.loads(line).get("body") or "")
            tokens = tagger.tokenize(text)
            rules = scan_rules(text)
            covered = tagger.covered_by(tokens, rules)
            probs = model.marginals(text, tokens, rules, LABELS, covered)
            left = [not c and t.word[0].isalnum() for c, t in zip(covered, tokens, strict=True)]
            out.append((left, probs))
    return out


def findings(p, probs, thresholds) -> list[tuple[int, int, str]]:
    found = p.rules
    if thresholds and probs is not None:
        added = tagger.spans_from(
            p.text, p.tokens, probs, thresholds, tagger.covered_by(p.tokens, p.rules)
        )
        found = with_tagger(p.text, p.rules, added)
    return [(f.start, f.end, f.category) for f in found]


def score(rows) -> dict:
    """rows: (passage, findings). The figures of b/score.py."""
    tot: Counter = Counter()
    hit: Counter = Counter()
    cov = cov_in = clean = clean_flag = idp = idp_full = 0
    for p, fnd in rows:
        full = True
        for s, e, c in p.spans:
            for m in SCORE_TOKEN.finditer(p.text, s, e):
                tot[c] += 1
                if any(m.start() < fe and fs < m.end() for fs, fe, _ in fnd):
                    hit[c] += 1
                else:
                    full = False
        for m in SCORE_TOKEN.finditer(p.text):
            if any(m.start() < fe and fs < m.end() for fs, fe, _ in fnd):
                cov += 1
                if any(m.start() < ge and gs < m.end() for gs, ge, _ in p.spans):
                    cov_in += 1
        if p.spans:
            idp += 1
            idp_full += full
        else:
            clean += 1
            clean_flag += bool(fnd)
    return {
        "tot": tot,
        "hit": hit,
        "recall": sum(hit.values()) / max(1, sum(tot.values())),
        "precision": cov_in / max(1, cov),
        "false_tokens": cov - cov_in,
        "clean": clean,
        "clean_flag": clean_flag,
        "idp": idp,
        "idp_full": idp_full,
    }


def _all_rows(cv: dict, thresholds: dict) -> list:
    rows = []
    for n in cv["sets"]:
        for p, probs in zip(cv["passages"][n], cv["marginals"][n], strict=True):
            rows.append((p, findings(p, probs, thresholds)))
    return rows


def choose(cv: dict) -> dict[str, float]:
    """Per label, the threshold that gains most gold tokens minus false tokens minus
    CLEAN_WEIGHT per clean passage newly flagged (pooled folds, that label alone) minus
    CORPUS_WEIGHT per real text newly flagged (half the corpus, model trained on every set);
    a label is left out when no threshold gains. Counts the tokens the rules left."""
    corpus: dict[str, list[float]] = defaultdict(list)  # per label, each text's highest
    for left, probs in cv.get("corpus", []):
        top: dict[str, float] = {}
        for i, ok in enumerate(left):
            if ok:
                for label, q in probs[i].items():
                    top[label] = max(top.get(label, 0.0), q)
        for label, q in top.items():
            corpus[label].append(q)
    # per label: (probability, gold?, clean passage index or -1) of each token the rules left
    seen: dict[str, list[tuple[float, bool, int]]] = defaultdict(list)
    k = 0
    for n in cv["sets"]:
        for p, probs in zip(cv["passages"][n], cv["marginals"][n], strict=True):
            k += 1
            clean = k if not p.spans and not p.rules else -1
            covered = tagger.covered_by(p.tokens, p.rules)
            for i, t in enumerate(p.tokens):
                if covered[i] or not t.word[0].isalnum() or not probs[i]:
                    continue
                gold = any(t.start < e and s < t.end for s, e, _ in p.spans)
                for label, q in probs[i].items():
                    if q >= GRID[0]:
                        seen[label].append((q, gold, clean))
    chosen: dict[str, float] = {}
    for label in LABELS:
        best, best_t = 0.0, None
        for t in GRID[:-1]:
            hits = [x for x in seen[label] if x[0] >= t]
            gain = sum(g for _, g, _ in hits)
            value = (
                gain
                - (len(hits) - gain)
                - CLEAN_WEIGHT * len({c for *_, c in hits if c >= 0})
                - CORPUS_WEIGHT * sum(q >= t for q in corpus[label])
            )
            if value > best:
                best, best_t = value, t
        print(f"{label:9s} threshold {best_t}  value {best:.0f}", file=sys.stderr)
        if best_t is not None:
            chosen[label] = best_t
    return chosen


def _line(name: str, s: dict) -> str:
    return (
        f"| {name} | {s['recall']:.3f} | {s['precision']:.3f} | "
        f"{s['clean_flag']}/{s['clean']} ({100 * s['clean_flag'] / max(1, s['clean']):.1f}%) | "
        f"{s['idp_full']}/{s['idp']} ({100 * s['idp_full'] / max(1, s['idp']):.0f}%) |"
    )


def report(cv: dict, thresholds: dict[str, float]) -> None:
    print(f"thresholds: {json.dumps(thresholds)}\n")
    print("| set | recall | precision | clean flagged | fully scrubbed |")
    print("|---|---:|---:|---:|---:|")
    pooled: dict[str, list] = defaultdict(list)
    for n in cv["sets"]:
        for mode, th in (("rules", {}), ("rules+tagger", thresholds)):
            rows = [
                (p, findings(p, probs, th))
                for p, probs in zip(cv["passages"][n], cv["marginals"][n], strict=True)
            ]
            pooled[mode] += rows
            print(_line(f"{n.upper()} {mode}", score(rows)))
    scores = {mode: score(rows) for mode, rows in pooled.items()}
    for mode, s in scores.items():
        print(_line(f"pooled {mode}", s))
    r, t = scores["rules"], scores["rules+tagger"]
    print("\n| category | tokens | rules | rules+tagger | gain |")
    print("|---|---:|---:|---:|---:|")
    for c in sorted(r["tot"]):
        a, b = r["hit"][c] / r["tot"][c], t["hit"][c] / t["tot"][c]
        print(f"| {c} | {r['tot'][c]} | {a:.3f} | {b:.3f} | {b - a:+.3f} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--sets", type=training.parse_sets, default=list(training.DEVELOPMENT_SETS))
    ap.add_argument("--cache", type=Path, help="pickle of the folds' marginals (made if absent)")
    ap.add_argument("--extra", type=training.parse_extra, default=list(training.EXTRA_SETS))
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument(
        "--folds",
        type=training.parse_sets,
        help="hold out only these of --sets, one fold each (default: every one)",
    )
    ap.add_argument("--vary", action="store_true", help="train with variants (see training)")
    ap.add_argument("--thresholds", type=Path, help="report with these instead of choosing")
    ap.add_argument("--write-thresholds", type=Path)
    ap.add_argument("--corpus", type=Path, help="real texts (JSON lines with a body)")
    ap.add_argument("--model", type=Path, help="the model trained on every set, for --corpus")
    a = ap.parse_args()
    if a.cache and a.cache.exists():
        with open(a.cache, "rb") as fh:
            cv = pickle.load(fh)  # noqa: S301 (a file this script wrote)
        if (
            cv.get("trained_on", cv["sets"]) != a.sets
            or cv["sets"] != (a.folds or a.sets)
            or cv.get("extra") != a.extra
            or cv.get("vary", False) != a.vary
        ):
            sys.exit(f"--cache holds sets {cv['sets']} + {cv.get('extra')}, not these")
    else:
        cv = run_folds(a.sets, a.extra, a.jobs, a.vary, a.folds)
        if a.cache:
            with open(a.cache, "wb") as fh:
                pickle.dump(cv, fh)
    if a.corpus and "corpus" not in cv:
        if not a.model:
            sys.exit("--corpus needs --model")
        cv["corpus"] = corpus_marginals(a.corpus, a.model)
        if a.cache:
            with open(a.cache, "wb") as fh:
                pickle.dump(cv, fh)
    thresholds = json.loads(a.thresholds.read_text()) if a.thresholds else choose(cv)
    if a.write_thresholds:
        a.write_thresholds.write_text(json.dumps(thresholds, indent=2) + "\n")
    report(cv, thresholds)


if __name__ == "__main__":
    main()
