"""Every column that stores text has a write path through the de-identification gate.

The test walks the tables of the models, takes every String/Text column and every JSON
column (a case's fields, a program's case form, references, synonyms hold texts too), and
for each one runs a probe: the real domain operation that writes the column, given a
planted identifier in that field only. The operation must refuse it with IdentifiersFound
naming the field. A new column without a probe (or an entry below saying why it holds no
free text) fails the test, so nobody adds a text path that skips the gate unnoticed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from types import SimpleNamespace
from typing import Any

import pytest
import sqlalchemy as sa

from app.attendance.operations import set_credit_rule
from app.auth.operations import create_token, create_user
from app.auth.policy import SYSTEM
from app.cases import lifecycle
from app.cases.operations import CaseData, create_case
from app.deid.gate import IdentifiersFound
from app.extensions import db
from app.practices.operations import (
    add_evidence,
    change_status,
    edit_practice,
    propose_practice,
    record_dissent,
    take_stance,
)
from app.programs.case_templates import save_template
from app.programs.operations import (
    create_program,
    create_session,
    create_topic,
    resolve_topics,
    update_program,
    update_session,
)
from app.recommendations.operations import (
    add_recommendation,
    annotate,
    edit_recommendation,
    record_outcome,
)
from app.teaching import operations as teaching
from tests.support.builders import build_world

PLANT = "Patient Harriet Quenby, MRN 55512344"
PLANTED = "55512344"

# An import file's key is refused when it reads as an identifier, as a case's ref is.
_IMPORT_KEY = "an import key: random, derived from a ref, or checked by pattern and read as a ref"

# Columns that hold no free text, and why. Enum columns are left out by type: a check
# constraint limits them to their members.
NOT_FREE_TEXT = {
    "programs.slug": (
        "lowercase letters, digits and hyphens (checked by pattern), refused when it reads"
        " as an identifier as a case's ref is"
    ),
    "topics.slug": "made from the name, which is gated (its slug, or that and a digest)",
    "topics.name_key": "text_key() of the name, which is gated",
    "topic_terms.term_key": "text_key() of a topic's name or synonym, which are gated",
    "recommendation_terms.stem": (
        "a word stem of a recommendation's body, which is gated; rewritten with the body"
        " (a purge included)"
    ),
    "question_group_members.terms": (
        "the analysed terms of a case's question, title and topic slugs, which are gated;"
        " emptied by a purge of those texts (app/deid/purge.py)"
    ),
    "users.email": "an account's email address, checked by the account operations",
    "users.password_hash": "a password hash",
    "invitations.secret_hash": "an invitation secret's digest",
    "digest_deliveries.last_error": 'a failure code ("smtp_failed")',
    "api_tokens.token_hash": "a token digest",
    "api_tokens.prefix": "the first characters of a random token",
    "user_sessions.secret_hash": "a sign-in secret's digest",
    "user_sessions.device": 'a coarse browser label ("Firefox on Linux") from the User-Agent',
    "sign_in_throttles.email_digest": "a digest of an email address",
    "audit_events.action": "an action code",
    "audit_events.entity_type": "a table name",
    "search_outbox.entity_type": "a table name",
    "search_outbox.last_error": "an exception class name",
    "deid_overrides.entity_type": "a table name",
    "deid_overrides.field": "a field name",
    "deid_overrides.category": "a finding category code",
    "deid_overrides.reason": "a reason code",
    "notifications.kind": "a notification code",
    "notifications.url": "a URL the app builds from ids",
    "cases.ref": "an import reference, checked by pattern",
    "cases.age": 'whole years or "90+", checked by normalise_age',
    "recommendations.key": _IMPORT_KEY,
    "annotations.key": _IMPORT_KEY,
    "outcomes.key": _IMPORT_KEY,
    "cases.import_hash": "a digest of the content as imported",
    "recommendations.import_hash": "a digest of the content as imported",
    "annotations.import_hash": "a digest of the content as imported",
    "outcomes.import_hash": "a digest of the content as imported",
    # JSON columns
    "audit_events.details": "ids, codes and field names the app writes (field keys are names)",
    "recommendations_sent.recommendation_ids": "recommendation ids",
}


def text_columns(metadata: sa.MetaData) -> set[str]:
    """table.column of every String/Text column that is not an enum, and of every JSON
    column: JSON holds texts (lists of references, a case's fields) as well as ids."""
    return {
        f"{table.name}.{column.name}"
        for table in metadata.sorted_tables
        for column in table.columns
        if (isinstance(column.type, sa.String) and not isinstance(column.type, sa.Enum))
        or isinstance(column.type, sa.JSON)
    }


# ------------------------------------------------------------------ the probes
# Each probe writes PLANT into one field through a domain operation, and names the field
# the gate must report.

Probe = Callable[[Any], None]


def _case(w: Any, **texts: str) -> None:
    data = CaseData(**{"title": "HCV case", "question": "Which regimen?", **texts})
    create_case(w.hcv, data, presenter=w.provider, actor=w.provider)


def case_title(w: Any) -> None:
    _case(w, title=PLANT)


def case_question(w: Any) -> None:
    _case(w, question=PLANT)


def case_presentation(w: Any) -> None:
    _case(w, presentation=PLANT)


def program_name(w: Any) -> None:
    create_program("quenby", PLANT, actor=w.admin)


def program_description(w: Any) -> None:
    update_program(w.hcv, description=PLANT, actor=w.admin)


def topic_name(w: Any) -> None:
    resolve_topics(["Hepatitis C", PLANT])


def topic_description(w: Any) -> None:
    create_topic("Liver transplant", description=PLANT, actor=SYSTEM)


def session_title(w: Any) -> None:
    create_session(w.hcv, date(2026, 9, 1), title=PLANT, actor=w.admin)


def _session_field(name: str) -> Probe:
    def probe(w: Any) -> None:
        update_session(w.first, actor=w.admin, **{name: PLANT})

    probe.__name__ = f"session_{name}"
    return probe


def _credit_field(name: str) -> Probe:
    def probe(w: Any) -> None:
        set_credit_rule(
            w.hcv,
            credit_type="ama_pra_1",
            credits_per_session=1,
            minimum_minutes=30,
            evaluation_required=False,
            actor=w.admin,
            **{name: PLANT},
        )

    probe.__name__ = f"credit_rule_{name}"
    return probe


def review_comment(w: Any) -> None:
    lifecycle.return_case(w.elderly, PLANT, actor=w.admin)


def recommendation_body(w: Any) -> None:
    add_recommendation(w.case, w.expert, PLANT, "other", actor=w.expert)


def recommendation_version_body(w: Any) -> None:
    edit_recommendation(
        w.rec, body=PLANT, category="therapeutic", references=[], editor=w.expert, actor=w.expert
    )


def annotation_body(w: Any) -> None:
    annotate(w.rec, w.expert, "evidence", PLANT, actor=w.expert)


def outcome_note(w: Any) -> None:
    record_outcome(w.follow_up, w.rec, "adopted", "improved", note=PLANT, actor=w.provider)


def practice_title(w: Any) -> None:
    propose_practice(PLANT, "Check HBV first.", author=w.expert, actor=w.expert)


def practice_statement(w: Any) -> None:
    propose_practice("HBV first", PLANT, author=w.expert, actor=w.expert)


def practice_version_title(w: Any) -> None:
    edit_practice(
        w.practice,
        title=PLANT,
        statement=w.practice.statement,
        reason="Clearer.",
        editor=w.expert,
        actor=w.expert,
    )


def practice_version_statement(w: Any) -> None:
    edit_practice(
        w.practice,
        title=w.practice.title,
        statement=PLANT,
        reason="Clearer.",
        editor=w.expert,
        actor=w.expert,
    )


def practice_version_reason(w: Any) -> None:
    change_status(w.practice, "emerging", reason=PLANT, editor=w.expert, actor=w.expert)


def evidence_note(w: Any) -> None:
    add_evidence(w.practice, w.first, note=PLANT, added_by=w.expert, actor=w.expert)


def endorsement_note(w: Any) -> None:
    take_stance(w.practice, "dissent", expert=w.expert, note=PLANT, actor=w.expert)


def dissent_reason(w: Any) -> None:
    record_dissent(w.rec, w.practice, PLANT, actor=w.expert)


def outdated_note(w: Any) -> None:
    from app.outdated.models import OutdatedAdvice
    from app.outdated.operations import resolve_outdated

    item = OutdatedAdvice(
        recommendation=w.rec, practice=w.practice, change="retired", because="cites", note=""
    )
    db.session.add(item)
    resolve_outdated(item, "still_valid", note=PLANT, actor=w.expert)


def token_name(w: Any) -> None:
    create_token(w.provider, PLANT, actor=w.provider)


def teaching_set_title(w: Any) -> None:
    teaching.create_set(w.expert, PLANT)


def teaching_set_description(w: Any) -> None:
    teaching.create_set(w.expert, "HCV teaching", PLANT)


def teaching_set_note(w: Any) -> None:
    teaching.add_item(w.expert, w.teaching_set, case=w.case, note=PLANT)


def account_display_name(w: Any) -> None:
    create_user("quenby@example.org", PLANT, "expert", actor=SYSTEM)


def saved_search_name(w: Any) -> None:
    teaching.save_search(w.expert, PLANT, "q=hcv")


def saved_search_query(w: Any) -> None:
    teaching.save_search(w.expert, "HCV", f"q={PLANT}")


def case_free_field_list(w: Any) -> None:
    # A program without a form keeps lists as given: each text is gated.
    data = CaseData("Perinatal case", fields={"notes": ["Weekly visits.", PLANT], "visits": 3})
    create_case(w.perinatal, data, presenter=w.member, actor=w.member)


def topic_synonym(w: Any) -> None:
    create_topic("Liver transplant", synonyms=["LT", PLANT], actor=SYSTEM)


_FORM = {"fields": [{"key": "mrn", "label": PLANT, "type": "text"}]}


def program_case_form(w: Any) -> None:
    update_program(w.hcv, template=_FORM, actor=w.admin)


def case_form_version(w: Any) -> None:
    save_template(w.perinatal, _FORM, actor=w.admin)


def recommendation_references(w: Any) -> None:
    add_recommendation(
        w.case, w.expert, "Taper.", "other", references=["AASLD 2023", PLANT], actor=w.expert
    )


def recommendation_version_references(w: Any) -> None:
    edit_recommendation(
        w.rec,
        body=w.rec.body,
        category="therapeutic",
        references=[PLANT],
        editor=w.expert,
        actor=w.expert,
    )


def annotation_references(w: Any) -> None:
    annotate(w.rec, w.expert, "evidence", "See this.", references=[PLANT], actor=w.expert)


PROBES: dict[str, tuple[Probe, str]] = {
    # column: (the operation that writes it, the field the gate must name)
    "programs.name": (program_name, "name"),
    "programs.description": (program_description, "description"),
    "topics.name": (topic_name, "topics[2]"),
    "topics.description": (topic_description, "description"),
    "sessions.title": (session_title, "title"),
    "sessions.didactic_topic": (_session_field("didactic_topic"), "didactic_topic"),
    "sessions.didactic_presenter": (_session_field("didactic_presenter"), "didactic_presenter"),
    "sessions.notes": (_session_field("notes"), "notes"),
    "cases.title": (case_title, "title"),
    "cases.question": (case_question, "question"),
    "cases.presentation": (case_presentation, "presentation"),
    # Printed on every certificate; the signer's name is a person field (PLANT has a cue).
    "credit_rules.accreditation_statement": (
        _credit_field("accreditation_statement"),
        "accreditation_statement",
    ),
    "credit_rules.signer_name": (_credit_field("signer_name"), "signer_name"),
    "credit_rules.signer_title": (_credit_field("signer_title"), "signer_title"),
    "review_comments.body": (review_comment, "comment"),
    "recommendations.body": (recommendation_body, "body"),
    # Versions are snapshots of the text just gated by the edit that makes them.
    "recommendation_versions.body": (recommendation_version_body, "body"),
    "annotations.body": (annotation_body, "body"),
    "outcomes.note": (outcome_note, "note"),
    "best_practices.title": (practice_title, "title"),
    "best_practices.statement": (practice_statement, "statement"),
    "best_practice_versions.title": (practice_version_title, "title"),
    "best_practice_versions.statement": (practice_version_statement, "statement"),
    "best_practice_versions.reason": (practice_version_reason, "reason"),
    "evidence_links.note": (evidence_note, "note"),
    "practice_endorsements.note": (endorsement_note, "note"),
    "recommendation_dissents.reason": (dissent_reason, "reason"),
    # An "updated" resolution's text is an annotation (annotations.body, gated there).
    "outdated_advice.note": (outdated_note, "note"),
    # Shown to its owner, and to admins on the account's page.
    "api_tokens.name": (token_name, "name"),
    # A member of staff's name: a name is expected there, a patient's never (PERSON_FIELDS).
    "users.display_name": (account_display_name, "display_name"),
    "teaching_sets.title": (teaching_set_title, "title"),
    "teaching_sets.description": (teaching_set_description, "description"),
    "teaching_set_items.note": (teaching_set_note, "note"),
    "saved_searches.name": (saved_search_name, "name"),
    # The search words (q) of the query string are gated; the rest are filter values.
    "saved_searches.query": (saved_search_query, "q"),
    # Notifications are written by the app ("Your case “…” was approved."); the only free
    # text in them is a case title, gated when the case was written.
    "notifications.message": (case_title, "title"),
    # Its form for one who may not see the practice named: the only free text left in it
    # is the program's name ("… in <program> may be out of date"), gated when written.
    "notifications.unnamed_message": (program_name, "name"),
    # Its form for one who sees the practice but not its successor: it quotes the practice's
    # title (and the program's name), gated when written.
    "notifications.partial_message": (practice_title, "title"),
    # JSON columns holding texts
    "cases.fields": (case_free_field_list, "fields.notes[2]"),
    "topics.synonyms": (topic_synonym, "synonyms[2]"),
    "programs.case_template": (program_case_form, "template.fields[1].label"),
    "case_templates.definition": (case_form_version, "template.fields[1].label"),
    "recommendations.references": (recommendation_references, "references[2]"),
    "recommendation_versions.references": (recommendation_version_references, "references[1]"),
    "annotations.references": (annotation_references, "references[1]"),
}


def unchecked_columns(metadata: sa.MetaData) -> set[str]:
    return text_columns(metadata) - set(PROBES) - set(NOT_FREE_TEXT)


def test_every_text_column_has_a_probe_or_a_reason(app):
    missing = unchecked_columns(db.metadata)
    assert not missing, (
        f"Text columns with no write path through the gate: {sorted(missing)}. Gate them in "
        "their operation and add a probe to PROBES (or, for a column that holds no free "
        "text, an entry with the reason in NOT_FREE_TEXT)."
    )
    stale = (set(PROBES) | set(NOT_FREE_TEXT)) - text_columns(db.metadata)
    assert not stale, f"Entries for columns that no longer exist: {sorted(stale)}"


def test_a_new_text_column_without_a_probe_is_reported(app):
    metadata = sa.MetaData()
    for table in db.metadata.sorted_tables:
        table.to_metadata(metadata)
    sa.Table(
        "handovers",
        metadata,
        sa.Column("id", sa.Integer),
        sa.Column("note", sa.Text),
        sa.Column("items", sa.JSON),
    )
    sa.Table(
        "handover_kinds",
        metadata,
        sa.Column("kind", sa.Enum("a", "b", native_enum=False)),
    )
    assert unchecked_columns(metadata) == {"handovers.note", "handovers.items"}


@pytest.fixture
def world(worlds, make_user):
    return worlds(__name__, lambda: _world(make_user))


def _world(make_user):
    w = build_world(make_user)
    w.practice = propose_practice(
        "HBV serology before DAAs", "Check HBV serology first.", author=w.expert, actor=w.expert
    )
    w.teaching_set = teaching.create_set(w.expert, "HCV teaching")
    db.session.commit()
    return w


def test_every_probe_is_refused_by_the_gate_and_nothing_is_stored(world: SimpleNamespace):
    for column, (probe, field) in PROBES.items():
        with pytest.raises(IdentifiersFound) as info:
            probe(world)
        db.session.rollback()
        # Only the planted field: a probe tripping on another field proves nothing here.
        assert {f.field for f in info.value.findings} == {field}, column
    for name in text_columns(db.metadata):
        table, column = name.split(".")
        stored = db.session.scalar(
            sa.select(sa.func.count())
            .select_from(sa.table(table, sa.column(column)))
            .where(sa.cast(sa.column(column), sa.Text).contains(PLANTED))
        )
        assert stored == 0, name
