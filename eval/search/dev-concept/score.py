"""nDCG@10 and MRR@10 on the development set of keyword and abbreviation queries (concept head).

Same scratch build and systems as `../judged/score.py`, run by `../judged/dev_sets.py`;
grades are `qrels.jsonl` (pooled and read by hand, see README.md). Tune here, not on the
frozen judged set.

    python eval/search/dev-concept/score.py [--workdir DIR] [--reuse] [--show] [--casebook-only]
        [--pool FILE]   # write the top 10 of every system per query (refs to grade)
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("dev_sets", HERE.parent / "judged" / "dev_sets.py")
dev_sets = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(dev_sets)


if __name__ == "__main__":
    dev_sets.main(HERE, __doc__, "Write every system's top 10 to this file.")
