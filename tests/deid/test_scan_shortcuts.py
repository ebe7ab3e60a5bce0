"""Shortcuts of the scan's driver and of the tagger give what the plain forms give.

A cue-led rule is skipped when its cue word is not in the text, the word index answers a
set of words from its own words, and the tagger keeps the features of ordinary words from
text to text and reads lines and windows in one pass. Each is compared here with the plain
form it replaces, on texts chosen where they could differ (several lines, tables, cue
words at the edges, non-ASCII letters that match a cue in any case).
"""

from __future__ import annotations

import pytest

from app.deid import detector, lexicon, tagger
from app.deid.detector import TRIGGERS, _Ctx, _words_index

TEXTS = [
    "",
    "Urology Letter",
    "ref: mts 0029",
    "Pt seen by Dr. Ana Costa on 3/14; lives in Millville, NH 03766. MRN 77731234.",
    "Patient Name: Whitcombe, Johnathan\tDOB: 03/14/1952\nPhone: (603) 555-0142\n\nCC: cough",
    "| Name | MRN | Date |\n| --- | --- | --- |\n| Ray Lee | 1234567 | 2024-03-14 |",
    "He goes by 'Bud'. NİCKNAMED Al; the patıent 'Jimbo' from Salem, seen Auguſt 5.",
    "Mother: Rosa Muñoz; wife Ana; son José. Works at Walmartstore #1234 in Dover.",
    "she was seen today and is doing well.\nfollow up with dr pereira next week.\n",
    "BP 124/78, HR 88. Lasix 40 mg. Call 603-555-0142.\r\nVIN 1HGCM82633A004352 plate ABC 123",
]


@pytest.mark.parametrize("text", TEXTS)
def test_the_word_index_answers_as_a_walk_over_its_words(text: str) -> None:
    index = _words_index(text)
    for kind, words in TRIGGERS.items():
        plain = sorted(p for w, ps in index.positions.items() if w in words for p in ps)
        assert index.at(words) == plain
        assert (kind in index.cues) == bool(plain)


def _every_cue(index: detector._WordIndex) -> detector._WordIndex:
    index.cues = frozenset(TRIGGERS)
    return index


@pytest.mark.parametrize("text", TEXTS)
def test_skipping_rules_without_their_cue_word_finds_the_same(monkeypatch, text: str) -> None:
    def candidates() -> list:
        out: list = []
        index = detector._words_index(text)
        for stage in detector._STAGES:
            detector._apply_cues(stage, _Ctx(text), text, out, index)
        return out

    shortcut = candidates()
    # every kind present: no rule is skipped before its own gates and cue positions
    real = detector._words_index
    monkeypatch.setattr(detector, "_words_index", lambda t: _every_cue(real(t)))
    assert candidates() == shortcut


def _plain_features(text: str, tokens: list, found: list, keep: list | None) -> list:
    """The tagger's features as they were read before the shortcuts: every token's line
    by searching for a newline before it, every word read afresh."""
    lex = lexicon.get()
    n = len(tokens)
    words = [tagger._word(t.word, lex) for t in tokens]
    rule = [""] * n
    for i, t in enumerate(tokens):
        for s, e, c in sorted((f.start, f.end, f.category) for f in found):
            if s < t.end and t.start < e:
                rule[i] = c
                break
    seen = {
        t.word.lower(): rule[i]
        for i, t in enumerate(tokens)
        if rule[i] in ("NAME", "LOCATION", "FACILITY")
        and len(t.word) > 2
        and t.word.isalpha()
        and t.word.lower() not in lex.common
    }
    out = []
    line_pos, colon, table, column, prev_end, first_line = 0, False, False, 0, 0, True
    for i, t in enumerate(tokens):
        if i == 0 or text.find("\n", prev_end, t.start) >= 0:
            first_line, line_pos, colon, column = i == 0, 0, False, 0
            nl = text.find("\n", t.start)
            line = text[t.start : nl if nl >= 0 else len(text)]
            table = "|" in line or "\t" in line
        elif table and text.find("\t", prev_end, t.start) >= 0:
            column += 1
        prev_end = t.end
        if keep is None or keep[i]:
            f = [*words[i].own, "lp=" + str(min(line_pos, 4))]
            f += ["ss"] if line_pos and tokens[i - 1].word in ".!?;" else []
            f += ["colon"] if colon else []
            f += ["col=" + str(min(column, 5))] if table else []
            f += ["l1"] if first_line else []
            if i:
                f += [words[i - 1].prev[0], words[i - 1].prev[1]]
                f += [words[i - 2].prev[2]] if i > 1 else []
                f += [words[i - 3].prev[3]] if i > 2 else []
            else:
                f.append("BOS")
            if i + 1 < n:
                f += [words[i + 1].next[0], words[i + 1].next[1]]
                f += [words[i + 2].next[2]] if i + 2 < n else []
            else:
                f.append("EOS")
            if rule[i]:
                f.append("r=" + rule[i])
            else:
                f += ["seen=" + seen[t.word.lower()]] if t.word.lower() in seen else []
                f += ["rl=" + rule[i - 1]] if i and rule[i - 1] else []
                f += ["rr=" + rule[i + 1]] if i + 1 < n and rule[i + 1] else []
            out.append(f)
        line_pos += 1
        if t.word == ":":
            colon = True
        elif t.word == "|":
            column += 1
    return out


def _plain_worth(tokens: list, text: str, covered: list) -> list[bool]:
    """Which tokens the tagger reads, each sentence's end found by searching for a newline
    after every token."""
    lex = lexicon.get()
    keep = [False] * len(tokens)
    start, hot, first = 0, False, True
    for i, t in enumerate(tokens):
        w = t.word
        if covered[i]:
            hot = True
        elif not hot and w[0].isalnum():
            low = w.lower()
            if not w.isalpha():
                hot = True
            elif w[0].isupper():
                hot = (not first or low not in lex.common) and low not in lex.clinical
            else:
                hot = (low in lex.first or low in lex.last) and low not in lex.common
            first = False
        if (
            i + 1 == len(tokens)
            or (w in ".!?" and text[t.end : t.end + 1].isspace())
            or text.find("\n", t.end, tokens[i + 1].start) >= 0
        ):
            keep[start : i + 1] = [hot] * (i + 1 - start)
            start, hot, first = i + 1, False, True
    return keep


@pytest.mark.parametrize("text", TEXTS)
def test_the_tagger_reads_each_text_as_the_plain_forms_do(text: str) -> None:
    tokens = tagger.tokenize(text)
    assert tokens == [
        tagger.Token(m.start(), m.end(), m.group()) for m in tagger.TOKEN.finditer(text)
    ]
    found = detector.scan_rules(text)
    covered = tagger.covered_by(tokens, found)
    keep = tagger.worth_tagging(tokens, text, covered)
    assert keep == _plain_worth(tokens, text, covered)
    for which in (None, keep):
        cold = tagger.features(text, tokens, found, which)
        assert cold == _plain_features(text, tokens, found, which)
        assert tagger.features(text, tokens, found, which) == cold  # ordinary words kept


def test_only_signs_and_ordinary_words_are_kept_from_text_to_text() -> None:
    text = "Johnathan Whitcombe of Oakvale, MRN 77731234, was seen today for the cough."
    tokens = tagger.tokenize(text)
    tagger.features(text, tokens, [])
    kept = tagger._ORDINARY
    for word in ("Johnathan", "Whitcombe", "Oakvale", "MRN", "77731234"):
        assert word not in kept
    assert "," in kept and "the" in kept
