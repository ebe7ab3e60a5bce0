"""The hand-judged scorer reads another set's folder (`--set`) without changing how it reads
its own, and the held-out second and fifth sets' files are the frozen ones their READMEs
name."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re
import sys
from collections import Counter
from pathlib import Path

EVAL = Path(__file__).resolve().parents[2] / "eval" / "search"
SCRIPT = EVAL / "judged" / "score.py"
SECOND = EVAL / "judged2"
FIFTH = EVAL / "judged5"


def load_script():
    spec = importlib.util.spec_from_file_location("judged_score", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("judged_score", module)
    spec.loader.exec_module(module)
    return module


def write_lines(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")


def test_own_set_keeps_its_round_order():
    score = load_script()
    assert [p.name for p in score.qrels_paths(score.HERE)] == [
        "qrels.jsonl",
        "qrels-round2.jsonl",
        "qrels-round3.jsonl",
    ]


def test_another_set_reads_its_own_files_in_name_order(tmp_path):
    score = load_script()
    write_lines(tmp_path / "queries.jsonl", [{"id": "X-01", "kind": "keywords", "query": "q"}])
    # The frozen file first, then later rounds by name; a pair keeps its first grade.
    write_lines(tmp_path / "qrels.jsonl", [{"query": "X-01", "doc": "d1", "grade": 2}])
    write_lines(
        tmp_path / "qrels-round2.jsonl",
        [{"query": "X-01", "doc": "d1", "grade": 0}, {"query": "X-01", "doc": "d2", "grade": 1}],
    )
    (tmp_path / "notes.jsonl").write_text('{"query": "X-01", "doc": "d3", "grade": 2}\n')

    assert [p.name for p in score.qrels_paths(tmp_path)] == ["qrels.jsonl", "qrels-round2.jsonl"]
    assert [q["id"] for q in score.load_queries(tmp_path)] == ["X-01"]
    assert dict(score.load_qrels(tmp_path)) == {"X-01": {"d1": 2, "d2": 1}}


def test_second_set_files_are_the_frozen_ones():
    readme = (SECOND / "README.md").read_text(encoding="utf-8")
    for name in ("queries.jsonl", "qrels.jsonl"):
        digest = hashlib.sha256((SECOND / name).read_bytes()).hexdigest()
        assert re.search(rf"`{re.escape(name)}`.*`{digest}`", readme), name


def test_second_set_is_complete():
    score = load_script()
    queries = score.load_queries(SECOND)
    assert Counter(q["kind"] for q in queries) == {kind: 7 for kind in score.KINDS}
    assert all(q["query"] and q["need"] and q["intended"] for q in queries)
    qrels = score.load_qrels(SECOND)
    assert set(qrels) == {q["id"] for q in queries}
    grades = [g for docs in qrels.values() for g in docs.values()]
    assert set(grades) == {0, 1, 2}
    # Every query has something relevant to find.
    assert all(max(docs.values()) >= 1 for docs in qrels.values())


def test_fifth_set_files_are_the_frozen_ones():
    readme = (FIFTH / "README.md").read_text(encoding="utf-8")
    assert "held out" in readme
    for name in ("queries.jsonl", "qrels.jsonl"):
        digest = hashlib.sha256((FIFTH / name).read_bytes()).hexdigest()
        assert re.search(rf"`{re.escape(name)}`.*`{digest}`", readme), name


def test_fifth_set_is_complete():
    score = load_script()
    queries = score.load_queries(FIFTH)
    assert [q["id"] for q in queries] == [f"J5-{i:02d}" for i in range(1, 49)]
    assert Counter(q["kind"] for q in queries) == {kind: 8 for kind in score.KINDS}
    assert all(q["query"] and q["need"] and q["intended"] for q in queries)
    qrels = score.load_qrels(FIFTH)
    assert set(qrels) == {q["id"] for q in queries}
    grades = [g for docs in qrels.values() for g in docs.values()]
    assert set(grades) == {0, 1, 2}
    # Every query has something relevant to find.
    assert all(max(docs.values()) >= 1 for docs in qrels.values())
