"""An import killed with SIGKILL leaves each file all or nothing, and running it again
finishes the job without a second copy of anything."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.cases.models import Case
from app.extensions import db
from app.programs.operations import resolve_topics
from app.recommendations.models import Annotation, Recommendation
from app.search import apply_pending, verify
from tests.cases import test_transfer
from tests.cases.test_transfer import record, write_jsonl
from tests.support import children

program = test_transfer.program  # the fixture: an HCV program, a provider and two experts

# Three files of two, three and two cases; each case has two recommendations, each with
# one annotation.
FILES = {"a.jsonl": 2, "b.jsonl": 3, "c.jsonl": 2}
WHOLE = (7, 14, 14)


def a_case(ref: str) -> dict:
    advice = {
        "author": "hub@example.org",
        "category": "therapeutic",
        "references": ["AASLD-IDSA HCV Guidance, 2023."],
    }
    return record(
        ref,
        title=f"Case {ref}: genotype 3 HCV and compensated cirrhosis",
        recommendations=[
            {
                **advice,
                "body": "Sofosbuvir/velpatasvir for 12 weeks.",
                "annotations": [{"author": "hub2@example.org", "kind": "agree", "body": "Agree."}],
            },
            {
                **advice,
                "category": "monitoring",
                "body": "Screen for hepatocellular carcinoma every six months.",
                "annotations": [
                    {"author": "hub2@example.org", "kind": "evidence", "body": "Per guidance."}
                ],
            },
        ],
    )


def refs_of(name: str) -> list[str]:
    return [f"{Path(name).stem}-{n}" for n in range(1, FILES[name] + 1)]


def import_files(tmp_path: Path) -> list[Path]:
    return [write_jsonl(tmp_path / name, [a_case(ref) for ref in refs_of(name)]) for name in FILES]


def counts(refs: list[str] | None = None) -> tuple[int, int, int]:
    """Cases, recommendations and annotations (of the cases with these refs)."""
    db.session.expire_all()
    cases = select(Case.id) if refs is None else select(Case.id).where(Case.ref.in_(refs))
    recs = select(Recommendation.id).where(Recommendation.case_id.in_(cases))
    return (
        db.session.scalar(select(func.count()).select_from(cases.subquery())),
        db.session.scalar(select(func.count()).select_from(recs.subquery())),
        db.session.scalar(
            select(func.count(Annotation.id)).where(Annotation.recommendation_id.in_(recs))
        ),
    )


def keys_are_unique() -> bool:
    for model in (Case, Recommendation, Annotation):
        column = Case.ref if model is Case else model.key
        total = db.session.scalar(select(func.count()).select_from(model))
        if db.session.scalar(select(func.count(func.distinct(column)))) != total:
            return False
    return True


def killed_import(app, point: str, paths: list[Path]) -> children.Finished:
    return children.run(
        "tests.support.workers",
        app.config["SQLALCHEMY_DATABASE_URI"],
        app.config["CASEBOOK_INDEX_DIR"],
        "killed-import",
        point,
        *map(str, paths),
        timeout=180,
    )


@pytest.mark.parametrize("point", ["after-first-file", "mid-file", "at-commit"])
def test_an_import_killed_part_way_keeps_whole_files_and_a_rerun_completes_it(
    app, program, tmp_path, point
):
    """Killed after the first file's commit, after the second file's first record, or as
    the second file's transaction is committed."""
    paths = import_files(tmp_path)
    resolve_topics(["Hepatitis C", "Cirrhosis"])  # the files' topics, known to the index
    db.session.commit()  # nothing held open while the importer writes
    apply_pending()

    killed = killed_import(app, point, paths)
    assert killed.returncode == -signal.SIGKILL, killed.stdout + killed.stderr

    # Each file is all or nothing: the first file whole, none of the one the kill hit.
    for name, cases in FILES.items():
        whole = (cases, 2 * cases, 2 * cases)
        assert counts(refs_of(name)) == (whole if name == "a.jsonl" else (0, 0, 0)), name

    # After a restart the committed file reaches the index; nothing else is there.
    apply_pending()
    assert verify().ok

    # The same import again adds what was missing, and nothing twice.
    again = app.test_cli_runner().invoke(args=["import", *map(str, paths)])
    assert again.exit_code == 0, again.output
    assert "3 of 3 files imported: 5 cases created, 0 updated, 2 unchanged" in again.output
    assert counts() == WHOLE  # as after one clean import
    assert keys_are_unique()
    checked = app.test_cli_runner().invoke(args=["index", "verify"])
    assert checked.exit_code == 0, checked.output
