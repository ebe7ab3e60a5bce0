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
