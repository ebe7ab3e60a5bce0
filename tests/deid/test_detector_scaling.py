"""A long text has tens of thousands of candidate findings (the tagger proposes about one per
four characters of a list of numbers): telling whether a candidate overlaps what was kept must
not compare it with every kept span. Counted in comparisons, never timed."""

from __future__ import annotations

import random
import re

import pytest

from app.deid import detector
from app.deid.detector import Finding


class Counted(int):
    """An offset that counts the order comparisons made with it."""

    made = 0

    def __lt__(self, other: object) -> bool:
        Counted.made += 1
        return int(self) < int(other)  # type: ignore[call-overload]

    def __gt__(self, other: object) -> bool:
        Counted.made += 1
        return int(self) > int(other)  # type: ignore[call-overload]

    def __le__(self, other: object) -> bool:
        Counted.made += 1
        return int(self) <= int(other)  # type: ignore[call-overload]

    def __ge__(self, other: object) -> bool:
        Counted.made += 1
        return int(self) >= int(other)  # type: ignore[call-overload]


N = 2000


def test_resolving_many_candidates_makes_few_comparisons_per_candidate() -> None:
    text = "1-2\n" * N
    cands = [(Counted(4 * i), Counted(4 * i + 3), "ID", 0.5) for i in range(N)]
    # and as many overlapping the kept ones, which are dropped
    cands += [(Counted(4 * i + 1), Counted(4 * i + 2), "DATE", 0.5) for i in range(N)]
    Counted.made = 0
    found = detector._resolve(text, cands)
    assert [(f.start, f.end) for f in found] == [(4 * i, 4 * i + 3) for i in range(N)]
    # a comparison with every kept span makes about N * N; bisection about 2N * log2(N)
    assert Counted.made < 2 * N * 30


def test_other_mentions_of_names_make_few_comparisons_per_mention() -> None:
    text = "John Smith " * N
    found = [Finding(Counted(11 * i), Counted(11 * i + 10), "NAME", 0.9) for i in range(0, N, 2)]
    Counted.made = 0
    more = detector._other_mentions8(detector._Ctx(text), text, found)
    # the names not found yet, every other one, are the other mentions
    assert sorted((s, e) for s, e, _, _ in more) == sorted(
        (11 * i + k, 11 * i + k + 4 + k // 5) for i in range(1, N, 2) for k in (0, 5)
    )
    assert Counted.made < N * 60


def test_the_overlap_tests_agree_with_comparing_every_span() -> None:
    rnd = random.Random(7)
    for _ in range(200):
        spans = [(s, s + rnd.randint(0, 6)) for s in (rnd.randint(0, 60) for _ in range(12))]
        kept = detector._KeptSpans()
        kept_list: list[tuple[int, int]] = []
        for s, e in spans:
            if e > s and not any(s < te and ts < e for ts, te in kept_list):
                kept.add(s, e)
                kept_list.append((s, e))
        test_all = detector._overlap_test(spans)
        for s in range(-2, 70):
            for e in range(s + 1, s + 8):
                assert kept.overlaps(s, e) == any(s < te and ts < e for ts, te in kept_list)
                assert test_all(s, e) == any(s < te and ts < e for ts, te in spans)


# A search tries a pattern at each character of a long run; a pattern that takes the rest of the
# run before failing ("[ \t]*\|" on spaces without a pipe) reads it again at each one: a table
# line of 32,000 spaces took over a second. Counted in attempts, never timed: an attempt whose
# outcome turns on the character after the run has read the whole run.
RUN = 300


def _attempts_reading_the_run(
    rx: re.Pattern[str], before: str, ch: str, fails: str, matches: str
) -> int:
    failing = before + ch * RUN + fails
    matching = before + ch * RUN + matches
    inside = range(len(before) + 1, len(before) + RUN)
    return sum((rx.match(failing, p) is None) != (rx.match(matching, p) is None) for p in inside)


@pytest.mark.parametrize(
    ("rx", "before", "ch", "fails", "matches"),
    [
        # a town before "resident", "initials:" then spaces: read as a table's line
        (detector.RX_CELL_SEP19[0], "x", " ", "resident", "| resident"),
        (detector.RX_CELL_SEP19[0], "initials:", " ", "", "|"),
        (detector.RX_CELL_SEP19[0], "initials:", "\t", "", "|"),
        # a name's cell in such a table, and in a table with borders
        (detector.RX_CELL_NAME_TAIL19, "a", " ", "b", "(b)"),
        (detector.RX_CELL_NAME_TAIL19, "a", " ", "b", "of b"),
        (detector.RX_CELL_TITLE6, "a", " ", "b", "MD"),
        (detector.RX_CELL_TITLE6, "a", ",", "b", "RN"),
        # letters before an "@" that makes no address
        (detector.RX_EMAIL_AT_RUN, "", "a", "@", "@b.org"),
    ],
)
def test_a_search_reads_a_long_run_once(
    rx: re.Pattern[str], before: str, ch: str, fails: str, matches: str
) -> None:
    assert rx.search(before + ch * RUN + matches) is not None
    assert _attempts_reading_the_run(rx, before, ch, fails, matches) == 0


def test_the_emails_are_searched_from_the_start_of_a_run() -> None:
    # the unguarded pattern reads the run at each character; the search begins there once
    text = "a" * RUN + " @b.org and jo@b.org"
    assert _attempts_reading_the_run(detector.RX_EMAIL, "", "a", "@", "@b.org") == RUN - 1
    assert [m.group() for m in detector._emails(text)] == ["jo@b.org"]
