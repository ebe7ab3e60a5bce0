#!/usr/bin/env python3
"""Score a de-identification detector on heldout.jsonl.

usage: score.py --casebook PATH [--set heldout.jsonl] [--batch 50]
Runs `PATH deid-scan --json FILE...` (one temp file per passage), reads one JSON
object per line ({"file":..., "findings":[{"start","end","category",...}]}).
Token = maximal alphanumeric run; a gold token is the part of such a run inside a gold span.
A gold token is caught if any finding overlaps it (category ignored for recall).
"""
import argparse, json, os, re, subprocess, sys, tempfile
from collections import defaultdict

TOK = re.compile(r'[^\W_]+')

def tokens(text, a, b):
    return [(m.start() + a, m.end() + a) for m in TOK.finditer(text[a:b])]

def overl(s, e, spans):
    return any(s < fe and fs < e for fs, fe in spans)

def run(casebook, rows, batch):
    out = {}
    with tempfile.TemporaryDirectory(prefix='deidh2-') as td:
        paths = {}
        for r in rows:
            p = os.path.join(td, re.sub(r'[^A-Za-z0-9_-]', '_', r['id']) + '.txt')
            with open(p, 'w', encoding='utf-8', newline='') as fh: fh.write(r['text'])
            paths[p] = r['id']
        plist = list(paths)
        for i in range(0, len(plist), batch):
            chunk = plist[i:i + batch]
            cp = subprocess.run([casebook, 'deid-scan', '--json', *chunk], capture_output=True, text=True)
            if cp.returncode not in (0, 1):
                sys.exit(f'detector failed (rc={cp.returncode}): {cp.stderr[-2000:]}')
            for line in cp.stdout.splitlines():
                line = line.strip()
                if not line: continue
                o = json.loads(line)
                f = o['file']
                key = f if f in paths else next((p for p in chunk if os.path.basename(p) == os.path.basename(f)), None)
                if key is None: sys.exit(f'unknown file in output: {f}')
                out[paths[key]] = [(int(x['start']), int(x['end']), x.get('category', '?')) for x in o.get('findings', [])]
    missing = [r['id'] for r in rows if r['id'] not in out]
    if missing: sys.exit(f'no output for {len(missing)} passages, e.g. {missing[:3]}')
    return out

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--casebook', required=True)
    ap.add_argument('--set', default=os.path.join(os.path.dirname(os.path.abspath(__file__)), 'heldout.jsonl'))
    ap.add_argument('--batch', type=int, default=50)
    ap.add_argument('--misses', type=int, default=0, help='print up to N missed identifiers')
    a = ap.parse_args()
    rows = [json.loads(l) for l in open(a.set, encoding='utf-8') if l.strip()]
    for r in rows:
        for s, e, c in r['spans']:
            assert 0 <= s < e <= len(r['text']), (r['id'], s, e)
    found = run(a.casebook, rows, a.batch)

    tot = defaultdict(int); hit = defaultdict(int); samecat = defaultdict(int)
    cov = cov_in = 0; clean = clean_flag = idp = idp_full = 0; missed = []
    for r in rows:
        t, gold, fnd = r['text'], r['spans'], found[r['id']]
        fsp = [(s, e) for s, e, _ in fnd]
        gsp = [(s, e) for s, e, _ in gold]
        full = True
        for s, e, c in gold:
            for ts, te in tokens(t, s, e):
                tot[c] += 1
                if overl(ts, te, fsp):
                    hit[c] += 1
                    if any(ts < fe and fs < te and fc == c for fs, fe, fc in fnd): samecat[c] += 1
                else:
                    full = False; missed.append((r['id'], c, t[s:e], t[ts:te]))
        for ts, te in tokens(t, 0, len(t)):
            if overl(ts, te, fsp):
                cov += 1
                if overl(ts, te, gsp): cov_in += 1
        if gold:
            idp += 1; idp_full += full
        else:
            clean += 1; clean_flag += bool(fnd)

    print(f'set: {a.set}  passages: {len(rows)}  (with identifiers {idp}, clean {clean})')
    print(f'{"category":10s} {"tokens":>7s} {"caught":>7s} {"recall":>7s} {"same-cat":>9s}')
    for c in sorted(tot):
        print(f'{c:10s} {tot[c]:7d} {hit[c]:7d} {hit[c]/tot[c]:7.3f} {samecat[c]/tot[c]:9.3f}')
    T, H = sum(tot.values()), sum(hit.values())
    print(f'{"OVERALL":10s} {T:7d} {H:7d} {H/T:7.3f} {sum(samecat.values())/T:9.3f}')
    print(f'precision (tokens covered by findings inside gold spans / tokens covered): {cov_in}/{cov} = {cov_in/cov if cov else float("nan"):.3f}')
    print(f'clean passages with any finding: {clean_flag}/{clean} = {clean_flag/clean if clean else float("nan"):.3f}')
    print(f'identifier passages fully scrubbed: {idp_full}/{idp} = {idp_full/idp if idp else float("nan"):.3f}')
    for m in missed[:a.misses]: print('MISS', *m, sep='\t')

if __name__ == '__main__':
    main()
