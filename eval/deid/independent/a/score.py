#!/usr/bin/env python3
"""Score a de-identification detector on the frozen held-out set.

Usage: python3 score.py [--casebook PATH] [--set heldout.jsonl] [--json-out FILE]

Each passage's text is written to its own temp file (UTF-8), all files are scanned with
`<casebook> deid-scan --json FILES...` (one JSON object per file and line:
{"file": ..., "findings": [{"start", "end", "category", "confidence"}, ...]}, offsets are
character offsets into the file's text), and the findings are scored:

- token recall: an identifier token is a run of letters/digits ([^\\W_]+) overlapping a gold
  span; it is caught if any finding overlaps it (finding category is ignored);
- precision: tokens covered by findings that lie in gold spans / all tokens covered by findings;
- clean passages flagged: share of passages without gold spans that get any finding;
- fully scrubbed: share of identifier-bearing passages whose every gold token is caught.
"""
import argparse, json, os, re, subprocess, sys, tempfile
from collections import defaultdict

TOK = re.compile(r"[^\W_]+")
CATS = ["NAME", "DATE", "AGE", "PHONE", "FAX", "EMAIL", "URL", "IP", "SSN", "MRN", "ACCOUNT", "LICENSE",
        "VEHICLE", "DEVICE", "ADDRESS", "LOCATION", "ZIP", "FACILITY"]


def overlaps(a0, a1, spans):
    return any(s < a1 and a0 < e for s, e in spans)


def scan(casebook, recs, batch=100):
    out = {}
    with tempfile.TemporaryDirectory(prefix="deid-heldout-") as tmp:
        paths = {}
        for r in recs:
            p = os.path.join(tmp, r["id"] + ".txt")
            with open(p, "w", encoding="utf-8", newline="") as fh:
                fh.write(r["text"])
            paths[p] = r["id"]
        plist = list(paths)
        for i in range(0, len(plist), batch):
            proc = subprocess.run([casebook, "deid-scan", "--json", *plist[i:i + batch]],
                                  capture_output=True, text=True, encoding="utf-8")
            if proc.returncode not in (0, 1):
                sys.exit(f"deid-scan failed ({proc.returncode}): {proc.stderr[-2000:]}")
            for line in proc.stdout.splitlines():
                line = line.strip()
                if not line.startswith("{"):
                    continue
                obj = json.loads(line)
                f = obj["file"]
                key = paths.get(f) or paths.get(os.path.abspath(f))
                if key is None:
                    sys.exit(f"unexpected file in output: {f}")
                out[key] = [(int(x["start"]), int(x["end"])) for x in obj.get("findings", [])]
    missing = [r["id"] for r in recs if r["id"] not in out]
    if missing:
        sys.exit(f"no output for {len(missing)} passages, e.g. {missing[:3]}")
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--casebook", default="casebook", help="casebook executable to score")
    ap.add_argument("--set", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "heldout.jsonl"))
    ap.add_argument("--json-out", help="also write the figures as JSON here")
    ap.add_argument("--show-misses", type=int, default=0, help="print up to N missed gold tokens")
    a = ap.parse_args()

    recs = [json.loads(l) for l in open(a.set, encoding="utf-8") if l.strip()]
    for r in recs:
        for s, e, c in r["spans"]:
            assert 0 <= s < e <= len(r["text"]) and c in CATS, (r["id"], s, e, c)
    found = scan(a.casebook, recs)

    tot, hit = defaultdict(int), defaultdict(int)
    flagged_tok = flagged_in_gold = 0
    clean_n = clean_flagged = id_n = id_full = 0
    misses = []
    for r in recs:
        text, gold, fnd = r["text"], r["spans"], found[r["id"]]
        all_caught = True
        for m in TOK.finditer(text):
            t0, t1 = m.span()
            cats = [c for s, e, c in gold if s < t1 and t0 < e]
            caught = overlaps(t0, t1, fnd)
            if cats:
                c = cats[0]
                tot[c] += 1
                if caught:
                    hit[c] += 1
                else:
                    all_caught = False
                    misses.append((r["id"], c, m.group()))
            if caught:
                flagged_tok += 1
                if cats:
                    flagged_in_gold += 1
        if gold:
            id_n += 1
            id_full += all_caught
        else:
            clean_n += 1
            clean_flagged += bool(fnd)

    res = {"casebook": a.casebook, "passages": len(recs), "per_category": {}}
    print(f"scored {a.casebook} on {a.set}: {len(recs)} passages ({id_n} with identifiers, {clean_n} clean)")
    print(f"{'category':<10} {'tokens':>7} {'caught':>7} {'recall':>7}")
    for c in CATS:
        if tot[c]:
            rec = hit[c] / tot[c]
            res["per_category"][c] = {"tokens": tot[c], "caught": hit[c], "recall": round(rec, 4)}
            print(f"{c:<10} {tot[c]:>7} {hit[c]:>7} {rec:>7.3f}")
    T, H = sum(tot.values()), sum(hit.values())
    res.update(overall_recall=round(H / T, 4), gold_tokens=T,
               precision=round(flagged_in_gold / flagged_tok, 4) if flagged_tok else None,
               clean_flagged=round(clean_flagged / clean_n, 4) if clean_n else None,
               fully_scrubbed=round(id_full / id_n, 4) if id_n else None)
    print(f"{'OVERALL':<10} {T:>7} {H:>7} {H / T:>7.3f}")
    print(f"precision (flagged tokens inside gold spans): {flagged_in_gold}/{flagged_tok} = {res['precision']}")
    print(f"clean passages with any finding: {clean_flagged}/{clean_n} = {res['clean_flagged']}")
    print(f"identifier passages fully scrubbed: {id_full}/{id_n} = {res['fully_scrubbed']}")
    for x in misses[:a.show_misses]:
        print("miss", *x)
    if a.json_out:
        with open(a.json_out, "w") as fh:
            json.dump(res, fh, indent=1)


if __name__ == "__main__":
    main()
