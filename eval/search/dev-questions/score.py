"""nDCG@10 and MRR@10 on ten new questions written as sentences, graded by a rule.

Same queries format and grading rule as `../dev/` (`about` and `partly` patterns over each
document's title, description line and keywords; see its README); the scratch build and
systems are `../judged/score.py`'s.

    python eval/search/dev-questions/score.py [--workdir DIR] [--reuse] [--show] [--casebook-only]
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("dev_score", HERE.parent / "dev" / "score.py")
dev_score = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(dev_score)

if __name__ == "__main__":
    dev_score.HERE = HERE
    dev_score.main()
