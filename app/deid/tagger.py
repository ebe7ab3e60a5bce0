"""A learned token tagger (linear-chain CRF) that adds findings where the rules found none.

The model (``data/deid_tagger.crfsuite``) is trained by ``scripts/train_deid_tagger.py`` on the
synthetic evaluation sets only; ``data/deid_tagger.json`` holds its provenance, the categories
it may add and a probability threshold for each, chosen by cross-validation over the sets.
Without the model file the detector runs on its rules alone.

Features are the usual ones of a CRF tagger (lower form, shape, affixes, neighbours, word-list
membership, cue words before, position in the line and table row) plus what the rules found
on and near the token, so that the model learns where the rules fall short.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterable, Sequence
from itertools import groupby
from pathlib import Path
from typing import Any, NamedTuple

from app.deid import lexicon

DATA_DIR = Path(__file__).resolve().parent / "data"
MODEL_PATH = DATA_DIR / "deid_tagger.crfsuite"
SETTINGS_PATH = DATA_DIR / "deid_tagger.json"

# Alphanumeric runs (the scorer's tokens) and each other visible character on its own.
TOKEN = re.compile(r"[^\W_]+|\S")

# The evaluation sets' categories, as the detector names them.
DETECTOR_CATEGORY = {
    "NAME": "NAME",
    "FACILITY": "FACILITY",
    "LOCATION": "LOCATION",
    "ZIP": "LOCATION",
    "ADDRESS": "ADDRESS",
    "DATE": "DATE",
    "AGE": "AGE",
    "PHONE": "PHONE",
    "FAX": "PHONE",
    "EMAIL": "EMAIL",
    "URL": "URL",
    "IP": "IP",
    "SSN": "SSN",
    "MRN": "ID",
    "ID": "ID",
    "ACCOUNT": "ID",
    "LICENSE": "ID",
    "VEHICLE": "VEHICLE",
    "DEVICE": "DEVICE",
}


def _words(words: str) -> frozenset[str]:
    return frozenset(words.split())


_STATE_ABBR = _words(
    "al ak az ar ca co ct de dc fl ga hi id il in ia ks ky la me md ma mi mn ms mo mt ne nv nh "
    "nj nm ny nc nd oh ok or pa ri sc sd tn tx ut vt va wa wv wi wy pr"
)
_SHAPE = str.maketrans(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
    "X" * 26 + "x" * 26 + "d" * 10,
)


class Token(NamedTuple):
    start: int
    end: int
    word: str


def tokenize(text: str) -> list[Token]:
    # tuple.__new__ skips the named tuple's own __new__, a Python function, for each token
    new = tuple.__new__
    return [new(Token, (m.start(), m.end(), m.group())) for m in TOKEN.finditer(text)]


class _Word(NamedTuple):
    own: list[str]  # the token's own features
    prev: tuple[str, str, str, str]  # what it tells the next tokens (w-1, f-1, w-2, L)
    next: tuple[str, str, str]  # what it tells the tokens before it (w+1, f+1, w+2)


def _word(word: str, lex: lexicon.Lexicon) -> _Word:
    low = word.lower()
    shape = word.translate(_SHAPE)
    if not shape.isascii():
        shape = "".join("X" if c.isupper() else "x" if c.isalpha() else c for c in shape)
    short = "".join(k for k, _ in groupby(shape))
    feats = ["w=" + low, "sh=" + short, "p3=" + low[:3], "s3=" + low[-3:]]
    if len(word) <= 4:
        feats.append("shl=" + shape)
    flag = ""
    digits = 0 if word.isalpha() else sum(map(str.isdigit, word))
    if digits:
        feats.append("nd=" + str(min(digits, 11)))
    elif word.isalpha():
        # one mark for the neighbours: the word list that says most about a place or a name
        for mark, words in (
            ("sfx", lex.street_suffixes),
            ("first", lex.first),
            ("last", lex.last),
            ("city", lex.cities),
            ("unit", lex.unit_designators),
            ("amb", lex.ambiguous),
            ("common", lex.common),
            ("clin", lex.clinical),
        ):
            if low in words:
                feats.append(mark)
                flag = flag or mark
        if low in _STATE_ABBR and word.isupper():
            feats.append("st")
            flag = flag or "st"
    return _Word(
        feats,
        ("w-1=" + low, "f-1=" + flag, "w-2=" + low, "L=" + low),
        ("w+1=" + low, "f+1=" + flag, "w+2=" + low),
    )


# A word's features depend on the word alone. Those of signs and of ordinary words (a word
# list's common or clinical word that is no name) are kept from text to text: they are most
# of a text's tokens. Never a name or a number: no identifier is kept in memory.
_ORDINARY: dict[str, _Word] = {}
_ORDINARY_MAX = 50_000
_ORDINARY_FOR: list[lexicon.Lexicon] = []  # the lexicon they were read with


def _ordinary_words(lex: lexicon.Lexicon) -> dict[str, _Word]:
    if not _ORDINARY_FOR or _ORDINARY_FOR[0] is not lex or len(_ORDINARY) >= _ORDINARY_MAX:
        _ORDINARY.clear()
        _ORDINARY_FOR[:] = [lex]
    return _ORDINARY


def _is_ordinary(word: str, got: _Word) -> bool:
    if len(word) == 1 and not word.isalnum():
        return True
    own = got.own
    return ("common" in own or "clin" in own) and not any(
        mark in own for mark in ("first", "last", "city")
    )


_LINE_POS = ("lp=0", "lp=1", "lp=2", "lp=3")
_COLUMN = ("col=0", "col=1", "col=2", "col=3", "col=4")


def features(
    text: str, tokens: Sequence[Token], found: Iterable[Any], keep: Sequence[bool] | None = None
) -> list[list[str]]:
    """One list of binary features per token (per kept token, with ``keep``); ``found`` are
    the rules' findings."""
    lex = lexicon.get()
    n = len(tokens)
    cache: dict[str, _Word] = {}
    ordinary = _ordinary_words(lex)
    words: list[_Word | None] = [None] * n
    # the words of the kept tokens and of their neighbours (three before, two after), each
    # read once: the kept tokens come in order, so the windows only move forward
    done = 0
    for i in range(n) if keep is None else (i for i, k in enumerate(keep) if k):
        upto = i + 3 if i + 3 < n else n
        for j in range(i - 3 if i - 3 > done else done, upto):
            w = tokens[j].word
            got = cache.get(w)
            if got is None:
                got = ordinary.get(w)
                if got is None:
                    got = _word(w, lex)
                    if _is_ordinary(w, got):
                        ordinary[w] = got
                cache[w] = got
            words[j] = got
        done = upto
    # the rules' category on each token
    rule = [""] * n
    spans = sorted((f.start, f.end, f.category) for f in found)
    if spans:
        j = 0
        last = len(spans)
        for i, t in enumerate(tokens):
            while j < last and spans[j][1] <= t.start:
                j += 1
            if j == last:
                break
            if spans[j][0] < t.end:
                rule[i] = spans[j][2]
    seen = seen_words(tokens, rule) if spans else {}
    out: list[list[str]] = []
    line_pos = 0
    colon = False
    table = False
    column = 0
    prev_end = 0
    first_line = True
    # where the current line ends (no token holds a newline): a token past it starts a line
    line_end = -1
    for i, t in enumerate(tokens):
        start = t.start
        if i == 0 or 0 <= line_end < start:
            first_line = i == 0
            line_pos = 0
            colon = False
            column = 0
            line_end = text.find("\n", start)
            line = text[start : line_end if line_end >= 0 else len(text)]
            table = "|" in line or "\t" in line
        elif table and text.find("\t", prev_end, start) >= 0:
            column += 1
        prev_end = t.end
        if keep is not None and not keep[i]:
            line_pos += 1
            if t.word == ":":
                colon = True
            elif t.word == "|":
                column += 1
            continue
        here = words[i]
        assert here is not None
        f = here.own + [_LINE_POS[line_pos] if line_pos < 4 else "lp=4"]
        if line_pos and tokens[i - 1].word in ".!?;":
            f.append("ss")  # opens a sentence inside the line
        if colon:
            f.append("colon")
        if table:
            f.append(_COLUMN[column] if column < 5 else "col=5")
        if first_line:
            f.append("l1")
        if i > 2:
            p = words[i - 1].prev  # type: ignore[union-attr]
            f += (p[0], p[1], words[i - 2].prev[2], words[i - 3].prev[3])  # type: ignore[union-attr]
        elif i:
            p = words[i - 1].prev  # type: ignore[union-attr]
            f += (p[0], p[1], words[i - 2].prev[2]) if i > 1 else p[:2]  # type: ignore[union-attr]
        else:
            f.append("BOS")
        if i + 2 < n:
            q = words[i + 1].next  # type: ignore[union-attr]
            f += (q[0], q[1], words[i + 2].next[2])  # type: ignore[union-attr]
        elif i + 1 < n:
            f += words[i + 1].next[:2]  # type: ignore[union-attr]
        else:
            f.append("EOS")
        r = rule[i]
        if r:
            f.append("r=" + r)
        else:
            if seen:
                other = seen.get(t.word.lower())
                if other:
                    f.append("seen=" + other)
            if i and rule[i - 1]:
                f.append("rl=" + rule[i - 1])
            if i + 1 < n and rule[i + 1]:
                f.append("rr=" + rule[i + 1])
        out.append(f)
        w = t.word
        if w == ":":
            colon = True
        elif w == "|":
            column += 1
        line_pos += 1
    return out


# the categories whose words are named again in a text (a street or a number is not)
_SEEN = frozenset(("NAME", "LOCATION", "FACILITY"))


def seen_words(tokens: Sequence[Token], rule: Sequence[str]) -> dict[str, str]:
    """The words (three letters or more) of the rules' findings, lower case, with the
    finding's category: another mention of one of them, in any case, is a cue the rules do
    not read ("Abena Osei ... abena called")."""
    seen: dict[str, str] = {}
    common = lexicon.get().common
    for t, r in zip(tokens, rule, strict=True):
        if r in _SEEN and len(t.word) > 2 and t.word.isalpha():
            low = t.word.lower()
            if low not in common:
                seen[low] = r
    return seen


def worth_tagging(
    tokens: Sequence[Token],
    text: str,
    covered: Sequence[bool],
    seen: dict[str, str] | None = None,
) -> list[bool]:
    """Which tokens to tag: those of the sentences and lines that hold a word an identifier
    could be (digits, a capital past the sentence's first word, a listed name that is no
    common word) or a finding of the rules. Plain prose is left out: it is most of a case
    and tagging costs time in proportion to the tokens."""
    lex = lexicon.get()
    keep = [False] * len(tokens)
    start = 0
    hot = False
    first = True
    n = len(tokens)
    size = len(text)
    newline = -1  # the first newline at or after the current token's end (size: none)
    for i, t in enumerate(tokens):
        w = t.word
        if covered[i]:
            hot = True
        elif not hot and w[0].isalnum():
            if not w.isalpha():
                hot = True
            else:
                low = w.lower()
                if w[0].isupper():
                    hot = (not first or low not in lex.common) and low not in lex.clinical
                else:
                    hot = (low in lex.first or low in lex.last) and low not in lex.common
                if not hot and seen:
                    hot = low in seen
            first = False
        if newline < t.end:
            newline = text.find("\n", t.end)
            if newline < 0:
                newline = size
        end = (
            i + 1 == n
            or (w in ".!?" and text[t.end : t.end + 1].isspace())
            or newline < tokens[i + 1].start
        )
        if end:
            if hot:
                for k in range(start, i + 1):
                    keep[k] = True
            start, hot, first = i + 1, False, True
    return keep


def spans_from(
    text: str,
    tokens: Sequence[Token],
    probs: Sequence[dict[str, float]],
    thresholds: dict[str, float],
    covered: Sequence[bool],
) -> list[tuple[int, int, str, float]]:
    """Spans of consecutive alphanumeric tokens whose probability of one category passes its
    threshold, skipping tokens the rules already cover; one line at most."""
    out: list[tuple[int, int, str, float]] = []
    cur: list[Any] | None = None
    for i, t in enumerate(tokens):
        if not t.word[0].isalnum():
            continue
        best, p = "", 0.0
        if not covered[i]:
            for label, q in probs[i].items():
                if q >= thresholds.get(label, 2.0) and q > p:
                    best, p = label, q
        cat = DETECTOR_CATEGORY.get(best, "")
        if (
            cur is not None
            and cat == cur[2]
            and t.start - cur[1] <= 3
            and "\n" not in text[cur[1] : t.start]
        ):
            cur[1] = t.end
            cur[3] = min(cur[3], p)
            continue
        if cur is not None:
            out.append((cur[0], cur[1], cur[2], round(cur[3], 2)))
            cur = None
        if cat:
            cur = [t.start, t.end, cat, p]
    if cur is not None:
        out.append((cur[0], cur[1], cur[2], round(cur[3], 2)))
    return out


def covered_by(tokens: Sequence[Token], found: Iterable[Any]) -> list[bool]:
    spans = sorted((f.start, f.end) for f in found)
    cov = [False] * len(tokens)
    j = 0
    for i, t in enumerate(tokens):
        while j < len(spans) and spans[j][1] <= t.start:
            j += 1
        cov[i] = j < len(spans) and spans[j][0] < t.end
    return cov


def _seen(tokens: Sequence[Token], found: Sequence[Any]) -> dict[str, str]:
    if not found:
        return {}
    rule = [""] * len(tokens)
    spans = sorted((f.start, f.end, f.category) for f in found)
    j = 0
    for i, t in enumerate(tokens):
        while j < len(spans) and spans[j][1] <= t.start:
            j += 1
        if j == len(spans):
            break
        if spans[j][0] < t.end:
            rule[i] = spans[j][2]
    return seen_words(tokens, rule)


def _encodes(text: str) -> bool:
    # crfsuite takes its features as UTF-8: a lone surrogate ("\ud800") cannot be one
    if text.isascii():
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class Model:
    """A CRF model file and its thresholds; one crfsuite tagger per thread (they are not
    thread safe), opened on first use in that thread."""

    def __init__(self, path: Path, thresholds: dict[str, float]):
        self.path = str(path)
        self.thresholds = dict(thresholds)
        self._local = threading.local()

    def _tagger(self) -> Any:
        tagger = getattr(self._local, "tagger", None)
        if tagger is None:
            import pycrfsuite

            tagger = pycrfsuite.Tagger()
            tagger.open(self.path)
            self._local.tagger = tagger
        return tagger

    def marginals(
        self,
        text: str,
        tokens: Sequence[Token],
        found: Iterable[Any],
        labels: Iterable[str],
        covered: Sequence[bool] | None = None,
    ) -> list[dict[str, float]]:
        """Each token's probability of each of ``labels`` (marginals of the chain)."""
        if not tokens:
            return []
        found = list(found)
        covered = covered or covered_by(tokens, found)
        keep = worth_tagging(tokens, text, covered, _seen(tokens, found))
        at = [i for i, k in enumerate(keep) if k]
        out: list[dict[str, float]] = [{} for _ in tokens]
        if not at or not _encodes(text):
            return out
        tagger = self._tagger()
        tagger.set(features(text, tokens, found, keep))
        known = set(tagger.labels())
        wanted = [lb for lb in labels if lb in known]
        marginal = tagger.marginal
        for j, i in enumerate(at):
            if marginal("O", j) <= 0.98:
                out[i] = {lb: marginal(lb, j) for lb in wanted}
        return out

    def candidates(self, text: str, found: Sequence[Any]) -> list[tuple[int, int, str, float]]:
        """Findings to add to the rules' ``found``: (start, end, category, confidence)."""
        if not self.thresholds:
            return []
        tokens = tokenize(text)
        covered = covered_by(tokens, found)
        probs = self.marginals(text, tokens, found, self.thresholds, covered)
        return spans_from(text, tokens, probs, self.thresholds, covered)


_LOCK = threading.Lock()
_MODEL: Model | None = None
_LOADED = False


def get() -> Model | None:
    """The shipped model, loaded once; None when there is none or it adds no category."""
    global _MODEL, _LOADED
    if _LOADED:
        return _MODEL
    with _LOCK:
        if not _LOADED:
            if MODEL_PATH.exists() and SETTINGS_PATH.exists():
                settings = json.loads(SETTINGS_PATH.read_text(encoding="utf-8"))
                thresholds = {k: float(v) for k, v in settings.get("thresholds", {}).items()}
                if thresholds:
                    _MODEL = Model(MODEL_PATH, thresholds)
            _LOADED = True
    return _MODEL
