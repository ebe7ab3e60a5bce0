"""Seventeenth round: an identifier's label written as Markdown or JSON writes it (a backslash
before the colon, the quotes of a key), and a person's name after the indefinite article.

The values are made up for these tests (none is taken from an evaluation set). Each kind has
look-alikes that must stay as they were.
"""

from __future__ import annotations

import pytest

from app.deid import scan
from tests.deid.test_detector_kinds import caught


def categories(text: str, needle: str) -> list[str]:
    s = text.index(needle)
    return [f.category for f in scan(text) if f.start < s + len(needle) and s < f.end]


@pytest.mark.parametrize(
    "text",
    [
        # Markdown escapes the colon after a label; the value is still a record number
        "MRN\\: 555-123-4567",
        "Acct\\# 555-301-2291, seen in clinic.",
        # a JSON record's keys
        '{"patient_ref": 1, "mrn":"21-96-23-4", "room": "200"}',
        "{'mrn': '3496-6678'}",
    ],
)
def test_a_record_number_after_an_escaped_or_quoted_label_is_an_id(text: str) -> None:
    needle = next(
        v for v in ("555-123-4567", "555-301-2291", "21-96-23-4", "3496-6678") if v in text
    )
    assert categories(text, needle) == ["ID"], (
        text,
        [(text[f.start : f.end], f.category) for f in scan(text)],
    )


def test_a_badge_in_a_json_log_is_found() -> None:
    text = '{"event":"badge_enter","badge":"B-52Q771K"}'
    assert caught(text, "B-52Q771K")


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("Spoke to a Maria Lopez about the plan.", "Maria Lopez"),
        ("We reached a Tomasz Quillfeather yesterday.", "Tomasz Quillfeather"),
        ("I met an Odalys Vantongeren at the clinic.", "Odalys Vantongeren"),
        ("Referred by a Ysolde Aalst, RN.", "Ysolde Aalst"),
        ("Mom says a Benno Ostergaard called twice.", "Benno Ostergaard"),
    ],
)
def test_a_persons_name_after_the_indefinite_article_is_found(text: str, needle: str) -> None:
    assert caught(text, needle), (needle, text)


@pytest.mark.parametrize(
    "text",
    [
        # a brand or an eponym after the article is followed by its thing
        "Thrown from a John Deere 5075 tractor; GCS 15.",
        "Exam: a Sister Mary Joseph nodule at the umbilicus.",
        "Placed a Codman Hakim valve last year.",
        "Bone flap cut with a Midas Rex drill.",
        # a label whose value has no digit stays clean, quoted or not
        '{"mrn":"pending", "room":"none"}',
    ],
)
def test_round17_look_alikes_stay_clean(text: str) -> None:
    found = scan(text)
    assert found == [], [(text[f.start : f.end], f.category) for f in found]
