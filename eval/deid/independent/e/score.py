"""Score `casebook deid-scan --json` on a frozen de-identification set.

    python3 eval/deid/independent/e/score.py --casebook .venv/bin/casebook
    python3 eval/deid/independent/e/score.py --casebook .venv/bin/casebook --set other/heldout.jsonl

Each passage is written to its own temporary file and the files are scanned in
batches. Reports token recall per category (a gold token is a run of letters or
digits, `[^\\W_]+`, overlapping a gold span; it is caught if any finding overlaps
it, whatever category the finding gives), token precision, clean passages with
any finding, and identifier passages fully scrubbed. Stdlib only.
"""

import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile

TOKEN = re.compile(r"[^\W_]+")
HERE = os.path.dirname(os.path.abspath(__file__))


def scan(casebook, rows, batch):
    found = {}
    with tempfile.TemporaryDirectory() as tmp:
        paths = {}
        for i, r in enumerate(rows):
            p = os.path.join(tmp, f"{i:05d}.txt")
            with open(p, "w", encoding="utf-8", newline="") as f:
                f.write(r["text"])
            paths[p] = r["id"]
        items = list(paths)
        for k in range(0, len(items), batch):
            chunk = items[k : k + batch]
            proc = subprocess.run([casebook, "deid-scan", "--json", *chunk], capture_output=True, text=True)
            if proc.returncode not in (0, 1):
                sys.exit(f"deid-scan failed ({proc.returncode}): {proc.stderr.strip()[-2000:]}")
            seen = set()
            for line in proc.stdout.splitlines():
                line = line.strip()
                if not line:
                    continue
                obj = json.loads(line)
                path = obj["file"]
                key = paths.get(path) or paths.get(os.path.join(tmp, os.path.basename(path)))
                if key is None:
                    sys.exit(f"unexpected file in output: {path}")
                found[key] = [(int(f["start"]), int(f["end"])) for f in obj.get("findings", [])]
                seen.add(key)
            for p in chunk:
                found.setdefault(paths[p], [])
    return found


def overlaps(a0, a1, spans):
    return any(s < a1 and a0 < e for s, e in spans)


def score(rows, found):
    gold_tok = collections.Counter()
    hit_tok = collections.Counter()
    flagged_tokens = 0
    flagged_in_gold = 0
    clean = clean_flagged = planted = scrubbed = 0
    misses = []
    for r in rows:
        text, spans, fnd = r["text"], r["spans"], found.get(r["id"], [])
        gold = [(s, e) for s, e, _ in spans]
        all_caught = True
        for s, e, cat in spans:
            for m in TOKEN.finditer(text, s, e):
                gold_tok[cat] += 1
                if overlaps(m.start(), m.end(), fnd):
                    hit_tok[cat] += 1
                else:
                    all_caught = False
                    misses.append((r["id"], cat, text[s:e]))
        for m in TOKEN.finditer(text):
            if overlaps(m.start(), m.end(), fnd):
                flagged_tokens += 1
                if overlaps(m.start(), m.end(), gold):
                    flagged_in_gold += 1
        if spans:
            planted += 1
            scrubbed += all_caught
        else:
            clean += 1
            clean_flagged += bool(fnd)
    return {
        "recall": {c: round(hit_tok[c] / gold_tok[c], 3) for c in sorted(gold_tok)},
        "gold_tokens": dict(sorted(gold_tok.items())),
        "overall_recall": round(sum(hit_tok.values()) / max(1, sum(gold_tok.values())), 3),
        "precision": round(flagged_in_gold / flagged_tokens, 3) if flagged_tokens else None,
        "clean_flagged": [clean_flagged, clean],
        "fully_scrubbed": [scrubbed, planted],
    }, misses


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--casebook", required=True, help="path to the casebook command")
    ap.add_argument("--set", default=os.path.join(HERE, "heldout.jsonl"))
    ap.add_argument("--batch", type=int, default=50)
    ap.add_argument("--json-out")
    ap.add_argument("--show-misses", type=int, default=0, help="print N missed spans (turns the set into a development set)")
    a = ap.parse_args()
    rows = [json.loads(line) for line in open(a.set, encoding="utf-8")]
    found = scan(a.casebook, rows, a.batch)
    res, misses = score(rows, found)
    print(f"{'category':<10} {'tokens':>6} {'recall':>7}")
    for c, v in res["recall"].items():
        print(f"{c:<10} {res['gold_tokens'][c]:>6} {v:>7.3f}")
    print(f"overall recall {res['overall_recall']:.3f}; precision {res['precision']}; "
          f"clean passages flagged {res['clean_flagged'][0]}/{res['clean_flagged'][1]}; "
          f"fully scrubbed {res['fully_scrubbed'][0]}/{res['fully_scrubbed'][1]}")
    for m in misses[: a.show_misses]:
        print("MISS", *m)
    if a.json_out:
        with open(a.json_out, "w", encoding="utf-8") as f:
            json.dump(res, f, indent=1)


if __name__ == "__main__":
    main()
