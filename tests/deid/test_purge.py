"""An admin purges a span that carries an identifier: it is then found nowhere on disk."""

from __future__ import annotations

import contextlib
import zlib
from pathlib import Path

import pytest
from sqlalchemy import select, text

from app.audit.models import AuditEvent
from app.auth.models import User
from app.auth.policy import SYSTEM
from app.cases.models import ReviewComment
from app.deid.purge import REDACTED, purge_span, purge_text
from app.errors import PermissionDenied, ValidationError
from app.extensions import db
from app.notifications.models import Notification
from app.programs.operations import create_program
from app.recommendations.models import Recommendation, RecommendationVersion
from app.search import apply_pending, reindex
from tests.conftest import sign_in
from tests.support.builders import add_annotation, add_case, add_recommendation
from tests.support.purging import Pause, purge_while_writing

SECRET = "Quorvexil-4471"  # stands for a name or record number that slipped past the gate
FILLER = "Screening found raised liver enzymes on two visits. " * 200


@pytest.fixture
def planted(app, make_user):
    """A case carrying SECRET in its text, a recommendation and its older version, an
    annotation, a review comment and a notification; all indexed."""
    program = create_program("hcv", "Hepatitis C ECHO", actor=SYSTEM)
    db.session.commit()
    presenter = make_user("provider", programs=["hcv"])
    expert = make_user("expert", programs=["hcv"])
    case = add_case(
        program,
        presenter,
        title="Man with genotype 1a HCV",
        question=f"Seen at {SECRET} clinic: is 12 weeks enough?",
        # Long enough to spill onto overflow pages, which a rewrite frees rather than reuses.
        presentation=f"## History of present illness\n\nReferred by {SECRET}. " + FILLER,
        fields={"note": f"chart {SECRET}"},
    )
    recommendation = add_recommendation(case, expert, body=f"Call {SECRET} before treating.")
    db.session.add(
        RecommendationVersion(
            recommendation=recommendation,
            version=1,
            body=f"Older text naming {SECRET} twice: {SECRET}.",
            category=recommendation.category,
            references=[],
        )
    )
    recommendation.version = 2
    add_annotation(recommendation, expert, body=f"Agreed; {SECRET} has the labs.")
    db.session.add(ReviewComment(case=case, author=None, body=f"Remove {SECRET}, please."))
    db.session.add(
        Notification(user_id=presenter.id, kind="recommendations", message=f"Out for {SECRET}")
    )
    db.session.commit()
    apply_pending()
    return case, recommendation


def _readable(data: bytes) -> bytes:
    """The bytes with every zlib stream in them inflated (Whoosh compresses stored fields)."""
    parts = [data]
    for i in range(len(data) - 1):
        if data[i] == 0x78 and data[i + 1] in (0x01, 0x5E, 0x9C, 0xDA):
            with contextlib.suppress(zlib.error):
                parts.append(zlib.decompressobj().decompress(data[i:]))
    return b"\n".join(parts).lower()


def _files_holding(folder: Path, needle: str) -> list[str]:
    """Index files holding the text or its distinctive token, in the clear or compressed."""
    wanted = [needle.lower().encode(), needle.split("-")[0].lower().encode()]
    found = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = _readable(path.read_bytes())
            if any(w in data for w in wanted):
                found.append(str(path.relative_to(folder)))
    return found


def _database_files_holding(app, needle: str) -> list[str]:
    database = Path(db.engine.url.database)
    wanted = needle.encode()
    return [
        path.name
        for path in database.parent.glob(database.name + "*")
        if path.is_file() and wanted in path.read_bytes()
    ]


def _rows_holding(needle: str) -> list[str]:
    found = []
    for table in db.metadata.sorted_tables:
        sql = f'SELECT count(*) FROM "{table.name}" AS t WHERE CAST(t AS text) LIKE :p'  # noqa: S608 - our table names
        count = db.session.scalar(
            text(sql),
            {"p": f"%{needle}%"},
        )
        if count:
            found.append(table.name)
    return found


def test_admin_purge_leaves_the_identifier_nowhere_on_disk(app, make_user, planted) -> None:
    case, recommendation = planted
    admin = make_user("admin")
    index_dir = Path(app.config["CASEBOOK_INDEX_DIR"])
    reindex()  # the previous generation is kept beside the new one
    assert len(list(index_dir.glob("g-*"))) == 2
    assert _files_holding(index_dir, SECRET), "the test must see the identifier indexed first"
    sqlite = db.engine.dialect.name == "sqlite"
    if sqlite:
        assert _database_files_holding(app, SECRET)

    result = purge_text(case, SECRET, reason="identifier", actor=admin)

    assert result.occurrences == 9
    assert result.index_clean
    db.session.expire_all()
    assert REDACTED in case.question and SECRET not in case.presentation
    assert case.fields == {"note": f"chart {REDACTED}"}
    assert recommendation.versions[0].body == f"Older text naming {REDACTED} twice: {REDACTED}."
    assert _files_holding(index_dir, SECRET) == []
    if sqlite:
        db.session.remove()
        assert result.database_clean
        assert _database_files_holding(app, SECRET) == []
    else:
        # Table files cannot be read over a connection; VACUUM FULL rewrote the touched
        # tables, and no live row of any table holds the text.
        assert _rows_holding(SECRET) == []


def test_what_users_wrote_about_the_case_elsewhere_is_purged_too(make_user, planted) -> None:
    """A dissent, an outdated-advice note and a teaching set (title, description, item note)
    that quote the slipped identifier: all scrubbed with the case."""
    from app.outdated.models import OutdatedAdvice
    from app.practices.models import BestPractice, RecommendationDissent
    from app.teaching.models import TeachingSet, TeachingSetItem

    case, recommendation = planted
    practice = BestPractice(title="Check HBV first", statement="Check HBsAg.")
    teaching_set = TeachingSet(owner_id=recommendation.author_id, title=f"Set {SECRET}")
    teaching_set.description = f"About {SECRET}."
    db.session.add_all([practice, teaching_set])
    db.session.flush()
    db.session.add_all(
        [
            RecommendationDissent(
                recommendation=recommendation, practice=practice, reason=f"{SECRET} asked"
            ),
            OutdatedAdvice(
                recommendation=recommendation,
                practice=practice,
                change="retired",
                because="cites",
                note=f"Told {SECRET}",
            ),
            TeachingSetItem(set_id=teaching_set.id, case_id=case.id, position=1, note=SECRET),
        ]
    )
    db.session.commit()
    result = purge_text(case, SECRET, reason="identifier", actor=make_user("admin"))
    for place in (
        "recommendation_dissents.reason",
        "outdated_advice.note",
        "teaching_set_items.note",
        "teaching_sets.title",
        "teaching_sets.description",
    ):
        assert place in result.places
    db.session.expire_all()
    assert SECRET not in teaching_set.title + teaching_set.description
    if db.engine.dialect.name != "sqlite":
        assert _rows_holding(SECRET) == []


@pytest.mark.app_config(CASEBOOK_SQLITE_BEGIN="immediate")
def test_the_wal_is_truncated_as_in_production(app, make_user, planted) -> None:
    case, _ = planted
    result = purge_text(case, SECRET, reason="identifier", actor=make_user("admin"))
    assert result.database_clean
    if db.engine.dialect.name == "sqlite":
        db.session.remove()
        assert _database_files_holding(app, SECRET) == []


def test_the_audit_event_says_who_where_and_why_never_the_text(app, make_user, planted) -> None:
    case, _ = planted
    admin = make_user("admin")
    start = case.question.index(SECRET)

    purge_span(case, "question", start, start + len(SECRET), reason="identifier", actor=admin)

    event = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "text.purged")).one()
    assert (event.actor_id, event.entity_type, event.entity_id) == (admin.id, "cases", case.id)
    assert event.details["field"] == "question"
    assert (event.details["start"], event.details["end"]) == (start, start + len(SECRET))
    assert event.details["reason"] == "identifier"
    assert "recommendation_versions.body" in event.details["places"]
    assert SECRET not in str(event.details)


@pytest.mark.parametrize("role", ["provider", "expert", "coordinator", "curriculum"])
def test_only_an_admin_can_purge(make_user, planted, role) -> None:
    case, _ = planted
    with pytest.raises(PermissionDenied):
        purge_text(case, SECRET, reason="identifier", actor=make_user(role, programs=["hcv"]))
    db.session.expire_all()
    assert SECRET in case.question


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"text": "ab", "reason": "identifier"}, "text"),
        ({"text": "no such words here", "reason": "identifier"}, "text"),
        ({"text": SECRET, "reason": "because"}, "reason"),
    ],
)
def test_bad_purge_requests_name_the_field(make_user, planted, kwargs, field) -> None:
    case, _ = planted
    with pytest.raises(ValidationError) as caught:
        purge_text(case, actor=make_user("admin"), **kwargs)
    assert caught.value.field == field


def test_a_span_outside_the_field_is_refused(make_user, planted) -> None:
    case, _ = planted
    with pytest.raises(ValidationError) as caught:
        purge_span(case, "question", 5, 5000, reason="identifier", actor=make_user("admin"))
    assert caught.value.field == "start"


def test_admin_purges_from_the_case_page(app, client, make_user, planted) -> None:
    case, _ = planted
    admin = make_user("admin")
    sign_in(client, admin)
    page = client.get(f"/cases/{case.id}").get_data(as_text=True)
    assert "Purge text that carries an identifier" in page

    response = client.post(f"/cases/{case.id}/purge", data={"text": SECRET, "reason": "identifier"})

    assert response.status_code == 303
    page = client.get(f"/cases/{case.id}").get_data(as_text=True)
    assert SECRET not in page and "Purged 9 occurrences" in page


def test_the_case_page_says_when_the_index_still_holds_the_text(
    client, make_user, planted, monkeypatch
) -> None:
    """A rebuild that outlasts the wait leaves the text in a generation: the admin is told."""
    import app.deid.purge as purge

    def rebuilding(result):
        result.index_clean = False

    monkeypatch.setattr(purge, "_purge_index", rebuilding)
    case, _ = planted
    sign_in(client, make_user("admin"))
    response = client.post(
        f"/cases/{case.id}/purge",
        data={"text": SECRET, "reason": "identifier"},
        follow_redirects=True,
    )
    page = response.get_data(as_text=True)
    assert "flash-warning" in page and "run the purge again" in page
    assert "no longer hold the text" not in page


def test_a_purge_request_with_a_bad_reason_says_so(client, make_user, planted) -> None:
    case, _ = planted
    sign_in(client, make_user("admin"))
    response = client.post(
        f"/cases/{case.id}/purge", data={"text": SECRET, "reason": "x"}, follow_redirects=True
    )
    assert response.status_code == 200
    assert "reason must be one of" in response.get_data(as_text=True)


def test_a_coordinator_neither_sees_nor_may_use_the_purge_form(client, make_user, planted):
    case, _ = planted
    sign_in(client, make_user("coordinator", programs=["hcv"]))
    assert "Purge text" not in client.get(f"/cases/{case.id}").get_data(as_text=True)
    response = client.post(f"/cases/{case.id}/purge", data={"text": SECRET, "reason": "other"})
    assert response.status_code == 403
    db.session.expire_all()
    assert SECRET in case.question


def test_purge_from_the_command_line(app, make_user, planted) -> None:
    case, _ = planted
    admin = make_user("admin")
    runner = app.test_cli_runner()
    start = case.title.index("genotype")
    result = runner.invoke(
        args=["purge", str(case.id), "--text", SECRET, "--reason", "consent", "--as", admin.email]
    )
    assert result.exit_code == 0, result.output
    assert "Purged 9 occurrences" in result.output
    span = runner.invoke(
        args=["purge", str(case.id), "--field", "title", "--start", str(start)]
        + ["--end", str(start + 8), "--reason", "other"]
    )
    assert span.exit_code == 0, span.output
    db.session.expire_all()
    assert case.title == f"Man with {REDACTED} 1a HCV"


def test_the_command_line_refuses_a_non_admin(app, make_user, planted) -> None:
    case, _ = planted
    expert = make_user("expert", programs=["hcv"])
    result = app.test_cli_runner().invoke(
        args=["purge", str(case.id), "--text", SECRET, "--reason", "other", "--as", expert.email]
    )
    assert result.exit_code == 1
    assert "Only an admin can purge text." in result.output


def test_the_purge_is_recorded_in_the_ledger_without_the_text(app, make_user, planted) -> None:
    from app.deid import ledger

    case, _ = planted
    admin = make_user("admin")
    start = case.question.index(SECRET)
    purge_span(case, "question", start, start + len(SECRET), reason="identifier", actor=admin)
    (entry,) = ledger.entries()
    assert (entry.case_id, entry.actor_id, entry.reason) == (case.id, admin.id, "identifier")
    assert (entry.field, entry.start, entry.end, entry.length) == (
        "question",
        start,
        start + len(SECRET),
        len(SECRET),
    )
    assert entry.occurrences == 9 and "recommendation_versions.body" in entry.places
    assert SECRET not in ledger.ledger_path().read_text()
    assert ledger.find_text(iter([f"x {SECRET} y"]), entry) == SECRET


def test_a_ledger_that_cannot_be_written_is_reported_and_the_purge_goes_ahead(
    app, make_user, planted, tmp_path
) -> None:
    case, _ = planted
    (tmp_path / "a-file").write_text("")
    app.config["CASEBOOK_PURGE_LEDGER"] = str(tmp_path / "a-file" / "ledger.jsonl")
    result = purge_text(case, SECRET, reason="identifier", actor=make_user("admin"))
    assert result.occurrences == 9
    assert any("purge ledger could not be written" in note for note in result.leftovers())
    db.session.expire_all()
    assert SECRET not in case.question


def test_a_title_at_its_limit_stays_within_it_after_a_purge(make_user) -> None:
    # "[REDACTED]" is longer than a short identifier: a 300-character title ending in one
    # would become 304 characters, which PostgreSQL refuses (and the purge with it).
    program = create_program("hcv", "Hepatitis C ECHO", actor=SYSTEM)
    db.session.commit()
    presenter = make_user("provider", programs=["hcv"])
    title = "Man with genotype 1a HCV " + "x" * 269 + " Zq471"
    case = add_case(program, presenter, title=title, question="Is 12 weeks enough?")
    db.session.commit()
    assert len(case.title) == 300
    purge_text(case, "Zq471", reason="identifier", actor=make_user("admin"))
    db.session.expire_all()
    assert len(case.title) == 300 and "Zq471" not in case.title
    assert case.title.startswith("Man with genotype 1a HCV ")


def test_an_annotation_saved_while_the_case_is_purged_is_purged_too(
    app, planted, make_user, database_server, monkeypatch
) -> None:
    """An expert's annotation quoting the span commits while an admin purges it: the purge
    must not finish without it (it read the annotations before that commit)."""
    if database_server is None:
        pytest.skip("SQLite takes its write lock as a save begins: the two never overlap")
    from app.recommendations import operations as rec_ops
    from app.recommendations.models import Annotation

    case, recommendation = planted
    case_id, rec_id, expert_id = case.id, recommendation.id, recommendation.author_id
    make_user("admin")
    monkeypatch.setattr(rec_ops, "guard", lambda texts, accepted, **_: [])  # the span is no name
    pause, told = Pause(), rec_ops._tell_presenter

    def paused_before_commit(*args) -> None:
        told(*args)
        pause.here()

    monkeypatch.setattr(rec_ops, "_tell_presenter", paused_before_commit)

    def annotating() -> None:
        expert = db.session.get(User, expert_id)
        rec = db.session.get(Recommendation, rec_id)
        rec_ops.annotate(rec, expert, "agree", f"Ask {SECRET} for the labs.", actor=expert)

    errors = purge_while_writing(app, pause, annotating, case_id, SECRET)
    assert errors == []
    bodies = db.session.scalars(
        select(Annotation.body).where(Annotation.recommendation_id == rec_id)
    )
    assert [b for b in bodies if SECRET in b] == []
