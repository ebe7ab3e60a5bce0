"""The clinical searches of eval/search/gate/clinical.txt: one list, read by the tests of
the search-words gate and counted by eval/search/gate/score.py."""

from __future__ import annotations

from functools import cache
from pathlib import Path

CLINICAL_FILE = Path(__file__).resolve().parents[2] / "eval" / "search" / "gate" / "clinical.txt"

# The clinical searches the gate refuses today: false alarms each (score.py counts them),
# kept so that a new one fails the tests while these wait for a better rule.
REFUSED_CLINICAL_SEARCHES = frozenset(
    {
        "carey coombs",
        "fitz hugh curtis",
        "jervell lange nielsen",
        "marcus gunn",
        "millard gubler",
        "patrick test faber",
        "pierre robin sequence",
        "sinding larsen johansson",
        "stewart treves",
        "treacher collins",
    }
)


@cache
def clinical_searches() -> tuple[str, ...]:
    """Every search of the file, in its order (comments and blank lines left out)."""
    lines = CLINICAL_FILE.read_text(encoding="utf-8").splitlines()
    return tuple(s for line in lines if (s := line.strip()) and not s.startswith("#"))
