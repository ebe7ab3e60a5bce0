"""scripts/generate_hub.py: the same seed and size build the same hub."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.cases.models import Case
from app.extensions import db
from app.practices.models import BestPractice
from tests.support.database import empty_database

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "generate_hub.py"
SPECIALTIES = ["Cardiovascular / Pulmonary", "Neurology", "Urology", "Nephrology", "Orthopedic"]


def load_generator():
    spec = importlib.util.spec_from_file_location("generate_hub", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("generate_hub", module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def write_corpus(
    path: Path,
    history: str = "Mr. Oswin Peabody, 58, came with symptom",
    plan: str = "Start the usual first-line treatment.",
    keywords: list[str] | None = None,
) -> Path:
    """A few documents shaped like the shared corpus, one with a name for the gate to find."""
    with path.open("w", encoding="utf-8") as fh:
        for n in range(15):
            specialty = SPECIALTIES[n % len(SPECIALTIES)]
            body = (
                f"HISTORY OF PRESENT ILLNESS: {history} {n}."
                "\n\nPHYSICAL EXAMINATION: Alert and oriented. Lungs clear."
                f"\n\nASSESSMENT: Condition {n} is stable. Blood pressure is controlled."
                f"\n\nPLAN: {plan} Review labs in four weeks."
                " Refer if there is no response."
            )
            record = {
                "ref": f"doc-{n:03d}",
                "specialty": specialty,
                "title": f"Consult for condition {n}",
                "summary": f"Condition {n} with poor control despite treatment.",
                "body": body,
                "keywords": keywords
                or [f"condition {n}", "hypertension", f"chronic condition {n}"],
            }
            fh.write(json.dumps(record) + "\n")
    return path


@pytest.mark.app_config(CASEBOOK_SEARCH_APPLY="off")
def test_the_same_seed_builds_the_same_hub(app, tmp_path):
    generator = load_generator()
    corpus = write_corpus(tmp_path / "corpus.jsonl")
    options = {"seed": 7, "batch": 10, "index": False, "echo": lambda *_: None, "progress": False}

    first = generator.generate(app, corpus, 30, **options)
    dump = list(generator.canonical_dump())
    empty_database()
    second = generator.generate(app, corpus, 30, **options)

    assert second == first
    assert list(generator.canonical_dump()) == dump
    assert first["cases"] == 30 and first["follow-ups"] > 0
    assert first["recommendations"] == 90 and first["annotations"] == 60
    # Through the operations: each case has its audit event and its outbox row, and the
    # name in the documents was redacted before it reached the gate.
    assert any(line.startswith('["audit", "case.created", 30]') for line in dump)
    assert any(line.startswith('["outbox", "case"') for line in dump)
    assert not any("Peabody" in line for line in dump)
    assert db.session.scalar(select(func.count()).select_from(Case)) == 30


@pytest.mark.app_config(CASEBOOK_SEARCH_APPLY="off")
def test_another_seed_builds_another_hub(app, tmp_path):
    generator = load_generator()
    corpus = write_corpus(tmp_path / "corpus.jsonl")
    options = {"batch": 10, "index": False, "echo": lambda *_: None, "progress": False}

    generator.generate(app, corpus, 30, seed=1, **options)
    dump = list(generator.canonical_dump())
    empty_database()
    generator.generate(app, corpus, 30, seed=2, **options)

    assert list(generator.canonical_dump()) != dump


@pytest.mark.app_config(CASEBOOK_SEARCH_APPLY="off")
def test_passages_the_gate_refuses_after_redaction_still_make_a_hub(app, tmp_path):
    # "Visalia June": redacting the town makes the month read as a name, a second pass of
    # the redaction takes it. The phone hidden behind HTML entities has no offsets to
    # redact: that passage is left out.
    generator = load_generator()
    corpus = write_corpus(
        tmp_path / "corpus.jsonl",
        history="Per notes in Visalia June, call back 555&#45;867&#45;5309. Symptom",
    )
    options = {"seed": 3, "batch": 10, "index": False, "echo": lambda *_: None, "progress": False}

    made = generator.generate(app, corpus, 20, **options)

    dump = "\n".join(generator.canonical_dump())
    assert made["cases"] == 20
    assert "Visalia" not in dump and "&#45;867" not in dump
    withheld = db.session.scalar(
        select(func.count()).select_from(Case).where(Case.presentation == generator.WITHHELD)
    )
    assert withheld > 0


@pytest.mark.app_config(CASEBOOK_SEARCH_APPLY="off")
def test_plan_passages_the_gate_refuses_after_redaction_still_make_a_hub(app, tmp_path):
    # Recommendations and annotations are made of the plan's sentences: a phone behind
    # HTML entities there has no offsets to redact either (the 50,000-case run stopped on
    # such a recommendation).
    generator = load_generator()
    corpus = write_corpus(
        tmp_path / "corpus.jsonl",
        plan="Start the usual first-line treatment and call back 555&#45;867&#45;5309 today.",
    )
    options = {"seed": 3, "batch": 10, "index": False, "echo": lambda *_: None, "progress": False}

    made = generator.generate(app, corpus, 20, **options)

    dump = "\n".join(generator.canonical_dump())
    assert made["cases"] == 20 and made["recommendations"] == 60
    assert "&#45;867" not in dump
    assert generator.WITHHELD in dump


@pytest.mark.app_config(CASEBOOK_SEARCH_APPLY="off")
def test_a_practice_whose_first_wording_the_gate_refuses_takes_neutral_words(
    app, tmp_path, monkeypatch
):
    # A topic set before a recommendation's first sentence can read as a name (the
    # 50,000-case run stopped there): the practice is made with neutral words instead.
    import app.practices.operations as practices

    real_guard = practices.guard

    def refusing_guard(texts, *args, **kwargs):
        if not texts.get("title", "Practice ").startswith("Practice "):
            texts = {**texts, "title": texts["title"] + " SSN 123-45-6789"}
        return real_guard(texts, *args, **kwargs)

    monkeypatch.setattr(practices, "guard", refusing_guard)
    generator = load_generator()
    corpus = write_corpus(tmp_path / "corpus.jsonl")
    options = {"seed": 3, "batch": 10, "index": False, "echo": lambda *_: None, "progress": False}

    made = generator.generate(app, corpus, 30, **options)

    assert made["best practices"] > 0
    titles = list(db.session.scalars(select(BestPractice.title)))
    assert len(titles) == made["best practices"]
    assert all(title.startswith("Practice ") for title in titles), titles
    assert not any("123-45" in line for line in generator.canonical_dump())


@pytest.mark.app_config(CASEBOOK_SEARCH_APPLY="off")
def test_practices_on_one_word_topics_are_proposed(app, tmp_path):
    # A practice's title opens with its topic: "nausea: start the usual …" reads to the gate
    # as a user name before a colon and was refused, which stopped a 2,000-case hub at
    # its best practices.
    generator = load_generator()
    corpus = write_corpus(tmp_path / "corpus.jsonl", keywords=["nausea", "abscess", "tendon"])
    options = {"seed": 3, "batch": 10, "index": False, "echo": lambda *_: None, "progress": False}

    made = generator.generate(app, corpus, 20, **options)

    assert made["best practices"] == 4
    titles = list(db.session.scalars(select(BestPractice.title)))
    assert all(title[:1].isupper() for title in titles), titles


def test_a_missing_corpus_is_named(tmp_path, capsys):
    generator = load_generator()
    missing = tmp_path / "nowhere.jsonl"
    with pytest.raises(SystemExit):
        generator.main(
            ["--corpus", str(missing), "--database-url", "sqlite://", "--index-dir", str(tmp_path)]
        )
    assert "--corpus: no corpus file at" in capsys.readouterr().err


@pytest.mark.app_config(CASEBOOK_SEARCH_APPLY="off")
def test_recommendations_written_in_batches_get_the_rows_of_the_outdated_advice_lookup(
    app, tmp_path
):
    from app.practices.claim_terms import VERSION, stems
    from app.practices.models import RecommendationTerm
    from app.recommendations.models import Recommendation

    generator = load_generator()
    corpus = write_corpus(tmp_path / "corpus.jsonl")
    options = {"seed": 3, "batch": 10, "index": False, "echo": lambda *_: None, "progress": False}
    generator.generate(app, corpus, 12, **options)

    held: dict[int, set[str]] = {}
    for rid, stem in db.session.execute(
        select(RecommendationTerm.recommendation_id, RecommendationTerm.stem)
    ):
        held.setdefault(rid, set()).add(stem)
    recs = list(db.session.scalars(select(Recommendation)))
    assert recs
    assert {r.id: held.get(r.id) for r in recs} == {r.id: {VERSION, *stems(r.body)} for r in recs}


@pytest.mark.app_config(CASEBOOK_SEARCH_APPLY="off")
def test_the_hub_is_left_with_its_groups_fresh(app, tmp_path):
    """The groupings are refreshed as the last step, so a benchmark's first request finds
    nothing stale (and wakes no background refresher)."""
    from app.practices import groups
    from app.practices.models import GroupingState, GroupKind, RecommendationGroup

    generator = load_generator()
    corpus = write_corpus(tmp_path / "corpus.jsonl")
    options = {"seed": 3, "batch": 10, "index": False, "echo": lambda *_: None, "progress": False}
    generator.generate(app, corpus, 12, **options)

    for kind in GroupKind:
        assert not groups.is_stale(kind), kind
        assert db.session.get(GroupingState, kind).refreshed_at is not None
    assert db.session.scalar(select(func.count()).select_from(RecommendationGroup))
