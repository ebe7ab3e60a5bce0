"""Topics are found by name or synonym through the topic_terms table, which follows every
change of a topic, and resolving names costs the same few queries whatever the vocabulary."""

from __future__ import annotations

import json
from contextlib import contextmanager

from flask_migrate import downgrade, upgrade
from sqlalchemy import event, func, select, text

from app.auth.policy import SYSTEM
from app.cases.operations import CaseData, create_case, update_case
from app.common import slugify, text_key
from app.extensions import db
from app.programs.models import Topic, TopicStatus, TopicTerm
from app.programs.operations import (
    add_topic_ids,
    create_program,
    create_topic,
    find_topic,
    resolve_topics,
    topic_texts,
    update_topic,
)
from app.programs.terms import known_keys, topic_ids_by_key, topics_by_key
from tests.conftest import make_app


def _terms(topic: Topic) -> set[tuple[str, bool]]:
    rows = db.session.execute(
        select(TopicTerm.term_key, TopicTerm.is_name).where(TopicTerm.topic_id == topic.id)
    )
    return {(key, is_name) for key, is_name in rows}


@contextmanager
def counting_statements():
    """The SQL statements sent to the database inside the block."""
    seen: list[str] = []

    def count(conn, cursor, statement, parameters, context, executemany):
        seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", count)


def test_a_topic_is_found_by_name_and_synonym_whatever_the_case(app):
    hcv = create_topic("Hepatitis C", synonyms=["HCV", "Hep C"], actor=SYSTEM)
    db.session.commit()
    for typed in ("Hepatitis C", "HEPATITIS  c", "hcv", "ＨＣＶ", "hep c"):
        assert find_topic(typed) is hcv, typed
    assert find_topic("Hepatitis B") is None
    assert _terms(hcv) == {("hepatitis c", True), ("hcv", False), ("hep c", False)}
    first, added = resolve_topics(["hcv", "Hepatitis C", "Opioid tapering"])
    assert first is hcv and added.name == "Opioid tapering"


def test_changed_synonyms_are_found_and_dropped_ones_are_not(app):
    hcv = create_topic("Hepatitis C", synonyms=["HCV"], actor=SYSTEM)
    db.session.commit()
    update_topic(hcv, synonyms=["Hep C", "Chronic hepatitis C"], actor=SYSTEM)
    db.session.commit()
    assert find_topic("hcv") is None
    assert find_topic("CHRONIC HEPATITIS C") is hcv
    assert topic_texts(["HCV", "hep c"]) == {"topics[1]": "HCV"}
    # A plain assignment through the ORM is followed too.
    hcv.synonyms = ["HCV"]
    db.session.commit()
    assert find_topic("hep c") is None
    assert find_topic("Hcv") is hcv


def test_a_renamed_topic_is_found_by_its_new_name_only(app):
    topic = create_topic("Hep C", synonyms=["HCV"], actor=SYSTEM)
    db.session.commit()
    topic.name = "Hepatitis C"
    db.session.commit()
    assert topic.name_key == "hepatitis c"
    assert find_topic("HEPATITIS C") is topic
    assert find_topic("hep c") is None
    assert find_topic("hcv") is topic
    assert _terms(topic) == {("hepatitis c", True), ("hcv", False)}
    # The old name is free again: resolving it adds a new topic.
    [other] = resolve_topics(["Hep C"])
    assert other.id != topic.id


def test_a_name_wins_over_a_synonym_and_the_oldest_topic_over_a_newer_one(app):
    liver = create_topic("Liver disease", synonyms=["Cirrhosis", "Hepatology"], actor=SYSTEM)
    gut = create_topic("Gastroenterology", synonyms=["hepatology"], actor=SYSTEM)
    db.session.commit()
    assert find_topic("hepatology") is liver
    cirrhosis = create_topic("Cirrhosis", actor=SYSTEM)
    db.session.commit()
    assert find_topic("CIRRHOSIS") is cirrhosis
    update_topic(liver, synonyms=["Cirrhosis"], actor=SYSTEM)
    db.session.commit()
    assert find_topic("Hepatology") is gut


def test_a_deleted_topic_takes_its_terms_along(app):
    topic = create_topic("Hepatitis C", synonyms=["HCV"], actor=SYSTEM)
    db.session.commit()
    db.session.delete(topic)
    db.session.commit()
    assert db.session.scalar(select(TopicTerm).limit(1)) is None
    assert find_topic("hcv") is None


def test_cases_saved_on_the_web_path_resolve_synonyms_to_the_topic(app):
    program = create_program("hcv", "Hepatitis C ECHO", actor=SYSTEM)
    hcv = create_topic("Hepatitis C", synonyms=["HCV"], actor=SYSTEM)
    case = create_case(
        program, CaseData(title="New case", topics=["hcv", "Ascites"]), presenter=None, actor=SYSTEM
    )
    db.session.commit()
    ascites = find_topic("ascites")
    assert {t.id for t in case.topics} == {hcv.id, ascites.id}
    update_case(case, CaseData(title="New case", topics=["HEPATITIS C"]), actor=SYSTEM)
    db.session.commit()
    assert [t.id for t in case.topics] == [hcv.id]


def _vocabulary(size: int, start: int = 0) -> None:
    db.session.add_all(
        Topic(
            name=f"Topic {n}",
            name_key=text_key(f"Topic {n}"),
            slug=slugify(f"topic {n}"),
            synonyms=[f"Synonym {n}", f"Other {n}"],
        )
        for n in range(start, start + size)
    )
    db.session.commit()


def _statements_to_resolve(names: list[str]) -> int:
    db.session.expire_all()
    with counting_statements() as seen:
        topics = resolve_topics(names)
        assert len(topics) == len(names)
    db.session.rollback()
    return len(seen)


def test_resolving_names_costs_the_same_statements_whatever_the_vocabulary(app):
    _vocabulary(20)
    names = ["Topic 3", "synonym 7", "OTHER 11", "Topic 19"]
    small = _statements_to_resolve(names)
    _vocabulary(2000, start=20)
    assert _statements_to_resolve(names) == small
    assert small <= 2
    # Names that are new cost a fixed number of statements each, not a scan either.
    fresh = ["Brand new 1", "Brand new 2"]
    db.session.execute(text("DELETE FROM topics WHERE id > 20"))
    db.session.commit()
    small_with_new = _statements_to_resolve(names + fresh)
    _vocabulary(2000, start=5000)
    assert _statements_to_resolve(names + fresh) == small_with_new


def test_the_migration_fills_terms_from_existing_topics(tmp_path):
    app = make_app(f"sqlite:///{tmp_path / 'm.sqlite3'}", tmp_path / "index")
    with app.app_context():
        upgrade(revision="0007_outbox_retry_at")
        with db.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO topics (id, name, name_key, slug, synonyms, description) VALUES"
                    " (1, 'Hepatitis C', 'hepatitis c', 'hepatitis-c', :one, ''),"
                    " (2, 'Cirrhosis', 'cirrhosis', 'cirrhosis', :two, '')"
                ),
                {"one": json.dumps(["HCV", "hcv", "Hep C"]), "two": json.dumps(["Hep C"])},
            )
        upgrade()
        assert find_topic("HCV").id == 1
        assert find_topic("hep c").id == 1
        assert find_topic("CIRRHOSIS").id == 2
        assert db.session.scalar(select(func.count()).select_from(TopicTerm)) == 5
        db.session.remove()
        downgrade(revision="0007_outbox_retry_at")
        db.engine.dispose()


def _statements_to_save_a_case(program, names: list[str]) -> int:
    db.session.expire_all()
    with counting_statements() as seen:
        create_case(
            program, CaseData(title="Liver case", topics=names), presenter=None, actor=SYSTEM
        )
        db.session.flush()
    db.session.rollback()
    return len(seen)


def test_saving_a_case_costs_the_same_statements_whatever_the_vocabulary(app):
    program = create_program("hcv", "Hepatitis C ECHO", actor=SYSTEM)
    db.session.commit()
    _vocabulary(20)
    names = ["Topic 3", "synonym 7", "OTHER 11", "A topic nobody had"]
    small = _statements_to_save_a_case(program, names)
    _vocabulary(2000, start=20)
    assert _statements_to_save_a_case(program, names) == small


def test_known_keys_are_the_names_and_synonyms_in_the_vocabulary(app):
    create_topic("Hepatitis C", synonyms=["HCV"], actor=SYSTEM)
    db.session.commit()
    keys = [text_key(n) for n in ("HEPATITIS  c", "hcv", "Hepatitis B", "")]
    with counting_statements() as seen:
        assert known_keys(keys) == {"hepatitis c", "hcv"}
    assert len(seen) == 1


def test_topic_ids_by_key_finds_the_topic_topics_by_key_finds(app):
    liver = create_topic("Liver disease", synonyms=["Cirrhosis", "Hepatology"], actor=SYSTEM)
    gut = create_topic("Gastroenterology", synonyms=["hepatology", "GI"], actor=SYSTEM)
    cirrhosis = create_topic("Cirrhosis", actor=SYSTEM)
    db.session.commit()
    keys = ["hepatology", "cirrhosis", "gi", "liver disease", "renal"]
    with counting_statements() as seen:
        ids = topic_ids_by_key(keys)
    assert ids == {k: t.id for k, t in topics_by_key(keys).items()}
    assert ids == {
        "hepatology": liver.id,
        "cirrhosis": cirrhosis.id,
        "gi": gut.id,
        "liver disease": liver.id,
    }
    assert len(seen) == 1


def test_add_topic_ids_adds_the_missing_topics_and_gives_every_id(app):
    existing = create_topic("Hepatitis C", actor=SYSTEM)
    db.session.commit()
    ids = add_topic_ids(["hepatitis  c", "Opioid tapering"], status=TopicStatus.PROPOSED)
    added = db.session.scalar(select(Topic).where(Topic.name == "Opioid tapering"))
    assert added is not None and added.status is TopicStatus.PROPOSED
    assert ids == {"hepatitis c": existing.id, "opioid tapering": added.id}
    assert find_topic("OPIOID TAPERING") is added
