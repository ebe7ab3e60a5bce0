"""How often the gate reads a text a second time, as shown, and what that finds: every
evaluation text and corpus document (title, summary, body), read as `gate.check` does.

    PYTHONPATH=. python scripts/deid_shown.py [--corpus PATH] [--no-corpus]

Prints counts and CPU seconds only, never text. The corpus is de-identified clinical
prose: a hidden finding there is a false alarm of the second reading (or a real
identifier that only formatting hid).
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CORPUS = ROOT.parent / "shared" / "corpus" / "cases.jsonl"


def _texts(corpus: Path | None) -> list[tuple[str, str]]:
    sys.path.insert(0, str(ROOT / "scripts"))
    from deid_same import _eval_texts

    items = list(_eval_texts())
    if corpus is not None and corpus.exists():
        with open(corpus, encoding="utf-8") as fh:
            for n, line in enumerate(fh):
                doc = json.loads(line)
                for field in ("title", "summary", "body"):
                    if doc.get(field):
                        items.append((f"corpus:{doc.get('ref') or n}:{field}", doc[field]))
    return items


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--no-corpus", action="store_true")
    a = ap.parse_args()
    from app.deid.gate import hidden_findings, scan_by_field
    from app.deid.shown import shown_text

    items = _texts(None if a.no_corpus else a.corpus)
    first = second = 0.0
    twice = 0
    hidden: collections.Counter[str] = collections.Counter()
    where: collections.Counter[str] = collections.Counter()
    for name, text in items:
        values = {"presentation": text}
        c = time.process_time()
        scanned = scan_by_field(values)
        first += time.process_time() - c
        c = time.process_time()
        found = hidden_findings(values, scanned)
        second += time.process_time() - c
        twice += shown_text(text) is not None
        hidden.update(h.category for h in found)
        if found:
            where[name.split(":")[0]] += 1
    print(f"{len(items)} texts, {sum(len(t) for _, t in items)} characters")
    print(f"read a second time (differ as shown): {twice}")
    print(f"texts with hidden findings: {sum(where.values())} {dict(where)}")
    print(f"hidden findings by category: {dict(hidden)}")
    print(f"CPU: scan {first:.1f} s, second reading {second:.1f} s (+{100 * second / first:.1f}%)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
