"""Topic names are short terms, not sentences: eponyms and terms written in lower case
("vena cava", "gia stapler", "carter thomason closure device") are added to the vocabulary,
as a case import adds its keywords, while a name in a sentence is still refused."""

from __future__ import annotations

import pytest

from app.auth.policy import SYSTEM
from app.deid.gate import IdentifiersFound, scan_fields
from app.programs.operations import create_topic, find_topic, topic_texts

EPONYM_TOPICS = [
    "vena cava",
    "gia stapler",
    "santa barbara t-tube",
    "carter thomason closure device",
    "moya moya disease",
    "marshall marchetti krantz cystourethropexy",
]


@pytest.mark.parametrize("name", EPONYM_TOPICS)
def test_an_eponymous_topic_name_passes_the_gate(name: str) -> None:
    assert scan_fields({"topics[1]": name}) == []


def test_new_eponymous_topics_are_added_to_the_vocabulary(app) -> None:
    for name in EPONYM_TOPICS:
        create_topic(name, actor=SYSTEM)
    assert all(find_topic(name) is not None for name in EPONYM_TOPICS)
    # once in the vocabulary a topic is not scanned again
    assert topic_texts(EPONYM_TOPICS) == {}


def test_a_topic_naming_a_patient_is_still_refused(app) -> None:
    with pytest.raises(IdentifiersFound):
        create_topic("victor martinez is a 62 yo man", actor=SYSTEM)
    with pytest.raises(IdentifiersFound):
        create_topic("Follow-up of Mr. Oswin Peabody", actor=SYSTEM)
