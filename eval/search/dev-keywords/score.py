"""nDCG@10 and MRR@10 on the provider-keyword development set.

Same scratch build and systems as `../judged/score.py`, run by `../judged/dev_sets.py`;
grades are `qrels.jsonl` (pooled and read by hand, see README.md). Tune here, not on the
frozen judged set.

    python eval/search/dev-keywords/score.py [--workdir DIR] [--reuse] [--show] [--casebook-only]
        [--pool FILE]   # write the ungraded documents of every system's top 10, and of
                        # FTS5's top 10 for the intended spelling (refs to grade)
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("dev_sets", HERE.parent / "judged" / "dev_sets.py")
dev_sets = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(dev_sets)


def pool_refs(q: dict, systems: list, runs: dict) -> set[str]:
    """Every system's top 10, and FTS5's top 10 for the intended spelling."""
    fts = systems[1]
    return dev_sets.every_top_ten(q, systems, runs) | set(
        fts.ranked(q["intended"], dev_sets.judged.K)
    )


if __name__ == "__main__":
    dev_sets.main(HERE, __doc__, "Write the ungraded pooled refs to this file.", pool_refs)
