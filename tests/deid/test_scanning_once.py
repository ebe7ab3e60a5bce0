"""Inside scanning_once each distinct text is scanned once, and what the gate decides is
the same as with a fresh scan."""

from __future__ import annotations

import pytest

from app.deid import gate
from app.deid.gate import IdentifiersFound, check, prescan, remember, scanning_once

PLANT = "Patient Harriet Quenby, MRN 55512344"


@pytest.fixture
def scans(monkeypatch):
    seen: list[str] = []
    real = gate.scan

    def counting(text: str):
        seen.append(text)
        return real(text)

    monkeypatch.setattr(gate, "scan", counting)
    return seen


def test_a_text_checked_twice_in_the_block_is_scanned_once(scans):
    with scanning_once():
        prescan([PLANT, "Which regimen?"])
        for _ in range(2):
            with pytest.raises(IdentifiersFound) as info:
                check({"presentation": PLANT, "question": "Which regimen?"})
            assert {f.field for f in info.value.findings} == {"presentation"}
    assert sorted(scans) == sorted([PLANT, "Which regimen?"])


def test_outside_the_block_every_check_scans(scans):
    prescan([PLANT])  # nothing to remember it in
    for _ in range(2):
        with pytest.raises(IdentifiersFound):
            check({"presentation": PLANT})
    assert scans == [PLANT, PLANT]


def test_short_texts_kept_across_blocks_and_long_ones_not(scans):
    """An import keeps its short texts' scans (topic names, titles) from file to file; a
    long text's scan lasts its file's block only."""
    body = "The patient was seen in clinic. " * 10  # longer than a topic name or a title
    kept: dict[str, list] = {}
    for _ in range(2):
        with scanning_once(kept):
            prescan(["Renal artery stenosis", body])
            with pytest.raises(IdentifiersFound):
                check({"topics[1]": "MRN 55512344"})
    assert sorted(scans) == sorted(["Renal artery stenosis", "MRN 55512344", body, body])
    assert set(kept) == {"Renal artery stenosis", "MRN 55512344"}


def test_remembered_short_scans_are_kept_for_later_blocks(scans):
    kept: dict[str, list] = {}
    with scanning_once(kept):
        remember({"Hypertension": []})
    with scanning_once(kept):
        check({"topics[1]": "Hypertension"})
    assert scans == []


HIDDEN = "SSN 123&#45;45&#45;6789"  # shown as "SSN 123-45-6789"


@pytest.fixture
def renders(monkeypatch):
    seen: list[str] = []
    real = gate.shown_text

    def counting(text: str):
        seen.append(text)
        return real(text)

    monkeypatch.setattr(gate, "shown_text", counting)
    return seen


def test_a_text_is_rendered_as_shown_once_in_the_block(renders):
    with scanning_once():
        for _ in range(2):
            with pytest.raises(IdentifiersFound) as info:
                check({"presentation": HIDDEN})
            assert [h.category for h in info.value.hidden] == ["SSN"]
    assert renders == [HIDDEN]


def test_texts_the_scanning_processes_rendered_are_not_rendered_again(renders):
    """The import's workers send each checked text as shown with its findings; the gate
    decides as it would have, without rendering the text in the importing process."""
    from app.deid.parallel import scan_and_show

    found, shown = scan_and_show([(HIDDEN, False), ("Plain text.", False)])
    assert shown == {HIDDEN: "SSN 123-45-6789", "Plain text.": None}
    renders.clear()
    with scanning_once():
        remember(found, shown)
        with pytest.raises(IdentifiersFound) as info:
            check({"presentation": HIDDEN, "question": "Plain text."})
        assert [h.category for h in info.value.hidden] == ["SSN"]
    assert renders == []


STREET = "1428 *Elm*"  # shown "1428 Elm": an address under an address label only


@pytest.mark.parametrize("first", ["presentation", "fields.street"])
def test_a_text_rendered_once_is_still_read_with_each_fields_own_label(renders, first):
    """The rendering is the text's alone; what is found in it depends on the field (its
    label): the same text is refused under "Street address" and not elsewhere, in either
    order, rendered once."""
    cues = {"fields.street": "Street address: "}
    with scanning_once():
        for name in sorted({first, "presentation", "fields.street"}, key=lambda n: n != first):
            if name == "presentation":
                check({name: STREET}, [], cues)
            else:
                with pytest.raises(IdentifiersFound) as info:
                    check({name: STREET}, [], cues)
                assert [(h.field, h.category) for h in info.value.hidden] == [
                    ("fields.street", "ADDRESS")
                ]
    assert renders == [STREET]


def test_each_text_has_its_own_rendering_in_the_block(renders):
    """Texts one character apart are two texts: the rendering remembered for one (from the
    scanning processes or the gate) is never read for the other."""
    from app.deid.parallel import scan_and_show

    clean = "SSN is *not* asked"
    hidden = HIDDEN + " "
    found, shown = scan_and_show([(clean, False)])
    with scanning_once():
        remember(found, shown)
        check({"presentation": clean})
        for text in (HIDDEN, hidden, HIDDEN.replace("6789", "6780")):
            with pytest.raises(IdentifiersFound) as info:
                check({"presentation": text})
            assert [h.category for h in info.value.hidden] == ["SSN"]
        check({"presentation": clean})
    assert renders == [HIDDEN, hidden, HIDDEN.replace("6789", "6780")]


def test_renderings_last_their_block_only(renders):
    """An import's block is one file: the renderings go with it (the short texts' scans,
    kept for the whole import, keep no rendering)."""
    kept: dict[str, list] = {}
    for _ in range(2):
        with scanning_once(kept), pytest.raises(IdentifiersFound):
            check({"title": HIDDEN})
        with pytest.raises(IdentifiersFound):
            check({"title": HIDDEN})  # outside a block: rendered each time
    assert renders == [HIDDEN] * 4
    assert all(isinstance(v, list) for v in kept.values())


# Texts whose rendering takes the Markdown extensions, the sanitizer and the letters' table:
# footnotes, abbreviations, reference links with titles, typography, entities, HTML,
# look-alike letters, invisible characters, full-width digits.
RENDERED = [
    "Seen for MRN.\n\n*[MRN]: 4471 2290\n\nSee [the note][n][^1].\n\n"
    '[n]: http://example.org/a "Call 555-123-4567"\n\n[^1]: Footnote 555-867-5309',
    "Another MRN here, [x][n] and [^1]; no definitions of its own.",
    'He said "it\'s fine" -- 12--34 &amp; 5&#45;6 <!-- 555-0101 --> <b>bold</b>',
    "| a | b |\n|---|---|\n| 1\u200b2\u200b3 | \u0420\u0430\u0442\u0440\u0438\u0441\u043a |",
    "Full-width \uff15\uff15\uff15-\uff11\uff12\uff13\uff14, small caps J\u1d0fhn",
    "www.example.org/patient?id=88 and <mailto:someone@example.org>",
]


def test_the_scanning_processes_render_as_the_importing_process():
    """Workers send back each text as shown, which the gate then reads instead of
    rendering it: their renderer (another process, texts in another order, converters
    reused for other texts) gives what the importer's own gives."""
    from app.deid.parallel import ScanPool
    from app.deid.shown import shown_text

    with ScanPool(2, nice=0) as pool:
        pool.submit(0, [(t, False) for t in RENDERED])
        pool.submit(1, [(t, False) for t in reversed(RENDERED)])
        _, shown = pool.results(0)
        _, again = pool.results(1)
    here = {t: shown_text(t) for t in reversed(RENDERED)}
    assert shown == again == here
    # The second reads as stored: the first's definitions are not carried over to it.
    assert [t for t in RENDERED if here[t] is None] == [RENDERED[1]]
