"""Each abbreviation of app/search/data/abbreviations.yaml as the corpus uses it: how often,
and a few words either side of some uses, for judging whether the expansion is what the
notes mean (as typed: `capitals_only` entries match capitals only, `any_case` any case).

    python eval/search/abbreviation_uses.py [--corpus FILE] [--show N]
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus" / "cases.jsonl"
LIST = ROOT / "app" / "search" / "data" / "abbreviations.yaml"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--show", type=int, default=6)
    args = parser.parse_args()
    texts = []
    with args.corpus.open(encoding="utf-8") as fh:
        for line in fh:
            case = json.loads(line)
            texts.append(" ".join(str(case.get(k) or "") for k in ("title", "summary", "body")))
    data = yaml.safe_load(LIST.read_text(encoding="utf-8"))
    for section, flags in (("any_case", re.IGNORECASE), ("capitals_only", 0)):
        for abbreviation, expansions in (data.get(section) or {}).items():
            pattern = re.compile(
                r"(?<![\w&/])" + re.escape(str(abbreviation)) + r"(?![\w&/])", flags
            )
            uses = []
            for text in texts:
                for m in pattern.finditer(text):
                    before = " ".join(text[: m.start()].split()[-4:])
                    after = " ".join(text[m.end() :].split()[:4])
                    uses.append(f"{before} [{m.group()}] {after}")
            print(f"{abbreviation} ({'; '.join(expansions)}): {len(uses)}")
            step = max(1, len(uses) // args.show) if uses else 1
            for use in uses[::step][: args.show]:
                print("   ", use)


if __name__ == "__main__":
    main()
