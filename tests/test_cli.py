"""The casebook command line, as an operator uses it."""

from __future__ import annotations

import json

from sqlalchemy import func, select

from app.admin.operations import accept_topic
from app.auth.models import User
from app.auth.operations import user_for_token
from app.auth.policy import SYSTEM
from app.cases.models import Case
from app.extensions import db
from app.programs.models import Topic
from app.programs.operations import create_program
from tests.conftest import PASSWORD


def run(app, *args, input=None):
    return app.test_cli_runner().invoke(args=list(args), input=input)


def test_create_user_then_sign_in(app, client):
    result = run(
        app,
        "create-user",
        "hub@example.org",
        "--name",
        "Hub Expert",
        "--role",
        "expert",
        input=f"{PASSWORD}\n{PASSWORD}\n",
    )
    assert result.exit_code == 0, result.output
    assert "Created expert account hub@example.org" in result.output
    response = client.post("/sign-in", data={"email": "hub@example.org", "password": PASSWORD})
    assert response.status_code == 302


def test_create_user_reports_bad_input_clearly(app):
    result = run(app, "create-user", "nope", "--name", "X", "--password", PASSWORD)
    assert result.exit_code == 1
    assert "Enter a valid email address." in result.output
    result = run(app, "create-user", "a@example.org", "--name", "X", "--password", "short")
    assert result.exit_code == 1 and "at least 12 characters" in result.output
    assert db.session.scalar(select(func.count(User.id))) == 0


def test_create_token_prints_a_working_token(app, make_user):
    user = make_user("coordinator")
    result = run(app, "create-token", user.email)
    assert result.exit_code == 0
    token = result.output.strip()
    assert user_for_token(token) == user
    result = run(app, "create-token", "ghost@example.org")
    assert result.exit_code == 1 and "No active account" in result.output


def test_import_and_export_commands(app, make_user, tmp_path):
    make_user("expert", email="hub@example.org")
    create_program("oud", "OUD ECHO", actor=SYSTEM)
    db.session.commit()
    source = tmp_path / "in.jsonl"
    source.write_text(
        json.dumps(
            {
                "ref": "oud-1",
                "program": "oud",
                "title": "Low-dose buprenorphine start while using fentanyl",
                "age": 31,
                "question": "How to start buprenorphine?",
                "status": "presented",
                "session_date": "2026-02-03",
            }
        )
        + "\n"
    )
    result = run(app, "import", str(source))
    assert result.exit_code == 0, result.output
    assert "1 of 1 files imported: 1 cases created" in result.output
    out = tmp_path / "out.jsonl"
    result = run(app, "export", "--format", "jsonl", str(out))
    assert result.exit_code == 0 and "Exported 1 cases" in result.output
    assert json.loads(out.read_text())["ref"] == "oud-1"


def test_import_dry_run_prints_what_would_change_and_overwrite_takes_the_file(
    app, make_user, tmp_path
):
    from app.recommendations.operations import edit_recommendation

    make_user("expert", email="hub@example.org")
    create_program("oud", "OUD ECHO", actor=SYSTEM)
    db.session.commit()
    case = {
        "ref": "oud-1",
        "program": "oud",
        "title": "Low-dose buprenorphine start while using fentanyl",
        "question": "How to start buprenorphine?",
        "status": "presented",
        "recommendations": [
            {"author": "hub@example.org", "category": "therapeutic", "body": "Microdose."}
        ],
    }
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(case) + "\n")
    result = run(app, "import", "--dry-run", str(source))
    assert result.exit_code == 0, result.output
    assert "oud-1 recommendation oud-1/r1: created" in result.output
    assert "1 of 1 files would import: 1 cases created" in result.output
    assert "dry run: nothing was written" in result.output
    assert db.session.scalar(select(func.count(Case.id))) == 0

    assert run(app, "import", "--index-timeout", "0", str(source)).exit_code == 0
    recommendation = db.session.scalar(select(Case)).recommendations[0]
    edit_recommendation(
        recommendation,
        body="Edited in the app.",
        category="therapeutic",
        references=[],
        editor=None,
        actor=SYSTEM,
    )
    db.session.commit()
    case["recommendations"][0]["body"] = "Changed in the file."
    source.write_text(json.dumps(case) + "\n")
    result = run(app, "import", "--index-timeout", "0", str(source))
    assert result.exit_code == 0, result.output
    assert "CONFLICT" in result.output and "recommendation oud-1/r1" in result.output
    assert "1 items edited in the app kept" in result.output
    result = run(app, "import", "--overwrite", "--index-timeout", "0", str(source))
    assert result.exit_code == 0 and "CONFLICT" not in result.output
    db.session.expire_all()
    assert db.session.scalar(select(Case)).recommendations[0].body == "Changed in the file."


def test_import_exits_non_zero_and_lists_problems(app, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"ref": "a", "program": "nowhere", "title": "t"}\n')
    result = run(app, "import", str(bad))
    assert result.exit_code == 1
    assert "REJECTED" in result.output
    assert "line 1 (ref a) field 'program': no such program" in result.output
    assert db.session.scalar(select(func.count(Case.id))) == 0


def test_import_and_export_as_a_user_follow_the_policy(app, make_user, tmp_path):
    provider = make_user("provider")
    coordinator = make_user("coordinator")
    source = tmp_path / "in.jsonl"
    source.write_text('{"ref": "a", "program": "p", "title": "t"}\n')
    result = run(app, "import", "--as", provider.email, "--create-programs", str(source))
    assert result.exit_code == 1 and "not allowed" in result.output
    result = run(app, "export", "--as", provider.email, "--format", "jsonl", str(tmp_path / "o"))
    assert result.exit_code == 1 and "not allowed" in result.output
    result = run(
        app, "export", "--as", coordinator.email, "--format", "jsonl", str(tmp_path / "o.jsonl")
    )
    assert result.exit_code == 0, result.output


def test_init_upgrades_the_database(tmp_path):
    from tests.conftest import make_app

    app = make_app(f"sqlite:///{tmp_path / 'fresh.sqlite3'}", tmp_path / "idx")
    with app.app_context():
        result = run(app, "init")
        assert result.exit_code == 0, result.output
        assert "Database ready" in result.output
        assert (tmp_path / "idx").is_dir()
        assert db.session.scalar(select(func.count(User.id))) == 0
        db.engine.dispose()


def _two_cases(tmp_path):
    create_program("oud", "OUD ECHO", actor=SYSTEM)
    db.session.commit()
    source = tmp_path / "in.jsonl"
    rows = [
        {
            "ref": f"oud-{n}",
            "program": "oud",
            "title": f"Buprenorphine start number {n} for a pangolin keeper",
            "age": 31,
            "question": "How to start buprenorphine?",
            "status": "presented",
            "session_date": "2026-02-03",
        }
        for n in (1, 2)
    ]
    source.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return source


def _pending() -> int:
    from app.search.models import SearchOutbox

    db.session.expire_all()
    return db.session.scalar(
        select(func.count()).select_from(SearchOutbox).where(SearchOutbox.applied_at.is_(None))
    )


def test_import_returns_once_its_cases_are_searchable(app, tmp_path):
    from app.search import SearchRequest, search

    source = _two_cases(tmp_path)
    result = run(app, "import", str(source))
    assert result.exit_code == 0, result.output
    assert _pending() == 0
    assert "not in the search index" not in result.output
    # Counted straight from the index, without the applying a search does in tests.
    app.extensions["casebook_search"].mode = "off"
    assert search(SYSTEM, SearchRequest(q="pangolin")).total == 2


def test_import_that_cannot_wait_says_what_is_pending_and_how_to_apply_it(app, tmp_path):
    source = _two_cases(tmp_path)
    result = run(app, "import", "--index-timeout", "0", str(source))
    assert result.exit_code == 0, result.output
    pending = _pending()
    assert pending > 0
    assert f"{pending:,} imported changes are not in the search index yet" in result.output
    assert "casebook index apply" in result.output
    applied = run(app, "index", "apply")
    assert applied.exit_code == 0, applied.output
    # Under TESTING the index is written lazily, so here `index apply` builds it first,
    # and the build holds the pending changes; otherwise it applies them one by one.
    assert (
        f"{pending} pending changes included" in applied.output
        or f"Applied {pending}" in applied.output
    )
    assert _pending() == 0


def test_an_import_that_adds_topics_says_to_reindex_and_then_stops_saying_it(app, tmp_path):
    source = _two_cases(tmp_path)
    rows = [json.loads(line) for line in source.read_text().splitlines()]
    for row in rows:
        row["topics"] = ["Pangolin husbandry"]
    source.write_text("".join(json.dumps(r) + "\n" for r in rows))
    assert run(app, "reindex").exit_code == 0

    # A proposed topic is not in the index's synonym table: nothing to rebuild for it.
    result = run(app, "import", str(source))
    assert result.exit_code == 0, result.output
    assert "casebook reindex" not in result.output
    with app.app_context():
        accept_topic(SYSTEM, db.session.scalars(select(Topic)).one())
        db.session.commit()
    result = run(app, "import", str(source))
    assert result.exit_code == 0, result.output
    assert "run `casebook reindex`" in result.output
    assert run(app, "reindex").exit_code == 0
    assert run(app, "index", "verify").exit_code == 0
    again = run(app, "import", str(source))
    assert again.exit_code == 0 and "casebook reindex" not in again.output


def test_run_serves_more_signed_in_browsers_than_waitress_lets_by_default(app, monkeypatch):
    """waitress accepts 100 open connections by default; each browser keeps one open, so a
    101st user waited for an idle one to time out. `casebook run` allows many more."""
    import waitress

    import app.search as search_package

    served: dict = {}
    monkeypatch.setattr(search_package, "start", lambda _app: None)
    monkeypatch.setattr(waitress, "serve", lambda _app, **options: served.update(options))
    result = run(app, "run", "--port", "5099", "--threads", "6")
    assert result.exit_code == 0, result.output
    assert served["threads"] == 6 and served["port"] == 5099
    assert served["connection_limit"] >= 1000
    assert served["asyncore_use_poll"] is True  # select() cannot watch that many
    run(app, "run", "--connection-limit", "300")
    assert served["connection_limit"] == 300
    refused = run(app, "run", "--connection-limit", "0")
    assert refused.exit_code == 2 and "--connection-limit" in refused.output


def test_export_to_the_wrong_kind_of_path_names_it(app, tmp_path):
    folder = tmp_path / "folder"
    folder.mkdir()
    result = run(app, "export", "--format", "jsonl", str(folder))
    assert result.exit_code == 1
    assert f"{folder} is a folder" in result.output
    assert isinstance(result.exception, SystemExit)  # a message, not an exception
    file = tmp_path / "cases.jsonl"
    file.write_text("")
    result = run(app, "export", "--format", "markdown", str(file))
    assert result.exit_code == 1
    assert f"{file} is a file" in result.output


def test_export_where_no_folder_can_be_made_names_the_path(app, tmp_path):
    blocker = tmp_path / "blocker"
    blocker.write_text("")
    result = run(app, "export", "--format", "jsonl", str(blocker / "out.jsonl"))
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)
    assert str(blocker) in result.output


def test_import_of_a_folder_without_case_files_fails_naming_it(app, tmp_path):
    (tmp_path / "notes.txt").write_text("not a case\n")
    result = run(app, "import", str(tmp_path))
    assert result.exit_code == 1
    assert f"{tmp_path} holds no Markdown (.md) or JSON Lines (.jsonl) files" in result.output
