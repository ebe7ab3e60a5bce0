"""Benchmark Casebook search against SQLite FTS5 on a realistic corpus.

Builds N cases from ../shared/corpus/cases.jsonl (the real documents as they are, then new
cases recombined from real text within each specialty), loads them into a fresh Casebook
database, runs `reindex` (timed), then times realistic queries through GET /api/v1/search
(facets and snippets on, as a provider who is not in the private program) in a separate
worker process (so its RSS is a searching worker's), and the same queries on an FTS5 table of
the same documents (bm25 with the same field weights, snippet(), count and GROUP BY facets).

    python scripts/bench_search.py --cases 10000 [--workdir /tmp/casebook-bench] [--rounds 3]
        [--reuse] [--under-reindex] [--queries FILE]

--under-reindex then rebuilds the index once more while another process searches through
the API in a loop, and reports the rebuild time and the searches answered meanwhile.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from datetime import datetime, timedelta
from pathlib import Path

from app.auth.policy import SYSTEM

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "cases.jsonl"
sys.path.insert(0, str(ROOT))

# Specialties grouped into ECHO-like programs; one is private (only its members see it).
PROGRAMS = {
    "cardiopulm": ("Cardiopulmonary ECHO", ["Cardiovascular / Pulmonary", "Sleep Medicine"]),
    "ortho-pain": (
        "Musculoskeletal and Pain ECHO",
        [
            "Orthopedic",
            "Pain Management",
            "Chiropractic",
            "Podiatry",
            "Physical Medicine - Rehab",
            "Rheumatology",
        ],
    ),
    "gi-liver": ("GI and Liver ECHO", ["Gastroenterology", "Bariatrics", "Diets and Nutritions"]),
    "neuro": ("Neurology ECHO", ["Neurology", "Neurosurgery", "Speech - Language"]),
    "womens": ("Women's Health ECHO", ["Obstetrics / Gynecology"]),
    "renal-uro": ("Kidney and Urology ECHO", ["Urology", "Nephrology"]),
    "onc": (
        "Cancer Care ECHO (pilot)",
        ["Hematology - Oncology", "Hospice - Palliative Care", "Lab Medicine - Pathology"],
    ),
    "behavioral": ("Behavioral Health ECHO", ["Psychiatry / Psychology"]),
}
PRIVATE = "onc"
BENCH_PASSWORD = "bench-" + "not-a-secret"  # accounts in a throwaway database
DEFAULT_PROGRAM = "primary-care"

QUERIES = [
    "HCV cirrhosis",
    "hepatitis C",
    "afib on DOAC with falls",
    "atrial fibrillation anticoagulation",
    "CHF exacerbation",
    "COPD exacerbation steroids",
    "chest pain shortness of breath",
    "MI troponin",
    "DKA",
    "UTI elderly woman",
    "knee arthroscopy medial meniscus tear",
    "total knee arthroplasty",
    "laparoscopic cholecystectomy",
    "colonoscopy polyp",
    "GERD EGD",
    "carpal tunnel release",
    "cataract extraction",
    "seizure EEG",
    "migraine headache",
    "low back pain radiculopathy",
    "pneumonia antibiotics",
    '"coronary artery disease"',
    "stroke tPA",
    "renal failure dialysis",
    "prostate cancer PSA",
    "depression anxiety",
    "asthma inhaler",
    "hysterectomy",
    "cesarean section",
    "ankle fracture ORIF",
    "thyroid nodule",
    "anemia transfusion",
    "DVT",
    "sepsis",
    "abdominal pain vomiting",
    "echocardiogram ejection fraction",
    "sleep apnea CPAP",
    "diabetes hypertension program:cardiopulm",
    "pain type:case year:2020..2022",
    "cancer -breast",
    "fracture OR dislocation",
    "pain",
    "patient",
    "hypertension",
    "opioid",
    "bup induction fentanyl",
    "HCV G3 cirrhosis retreatment",
    "headach",  # misspelled
    "pnemonia",  # misspelled
    "type:recommendation status:published knee",
]


# ---------------------------------------------------------------- corpus


def load_corpus() -> list[dict]:
    with CORPUS.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def paragraphs(body: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", body) if p.strip()]


def plan_text(body: str) -> str:
    """The assessment/plan part of a note: the 'recommendation' a hub would give."""
    paras = paragraphs(body)
    for i, para in enumerate(paras):
        if re.match(r"(ASSESSMENT|IMPRESSION|PLAN|RECOMMENDATION)", para):
            return "\n\n".join(paras[i : i + 3])[:3000]
    return paras[-1][:1500] if paras else ""


def build_cases(n: int, seed: int = 7) -> list[dict]:
    """n cases: the real documents first, then recombinations within each specialty."""
    rng = random.Random(seed)
    docs = load_corpus()
    by_specialty: dict[str, list[dict]] = defaultdict(list)
    for doc in docs:
        by_specialty[doc["specialty"]].append(doc)
    cases = []
    for doc in docs[:n]:
        cases.append(
            {
                "ref": doc["ref"],
                "specialty": doc["specialty"],
                "title": doc["title"],
                "question": doc["summary"],
                "presentation": doc["body"],
                "plan": plan_text(doc["body"]),
                "keywords": doc.get("keywords") or [],
            }
        )
    specialties = list(by_specialty)
    weights = [len(by_specialty[s]) for s in specialties]
    i = 0
    while len(cases) < n:
        specialty = rng.choices(specialties, weights)[0]
        pool = by_specialty[specialty]
        base = rng.choice(pool)
        paras = paragraphs(base["body"])
        mixed = []
        for para in paras:
            if rng.random() < 0.5 and len(pool) > 1:
                other = paragraphs(rng.choice(pool)["body"])
                para = rng.choice(other) if other else para
            mixed.append(para)
        asker = rng.choice(pool)
        cases.append(
            {
                "ref": f"syn-{i:06d}",
                "specialty": specialty,
                "title": rng.choice(pool)["title"],
                "question": asker["summary"],
                "presentation": "\n\n".join(mixed),
                "plan": plan_text(rng.choice(pool)["body"]),
                "keywords": asker.get("keywords") or [],
            }
        )
        i += 1
    return cases


# ---------------------------------------------------------------- Casebook database


def make_app(workdir: Path):
    from app import create_app

    return create_app(
        {
            "SECRET_KEY": "bench",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{workdir / 'casebook.sqlite3'}",
            "CASEBOOK_INDEX_DIR": str(workdir / "index"),
            "CASEBOOK_SEARCH_APPLY": "off",
        }
    )


def load_database(app, cases: list[dict], seed: int = 7) -> dict:
    """Bulk-load programs, topics, users and cases (bypassing the outbox: reindex follows)."""
    from sqlalchemy import insert

    from app.auth.models import Role, User
    from app.auth.operations import create_token, create_user
    from app.cases.models import Case, case_topics
    from app.common import slugify, text_key
    from app.extensions import db
    from app.programs.models import Program, Topic
    from app.recommendations.models import Recommendation

    rng = random.Random(seed)
    with app.app_context():
        db.create_all()
        program_of: dict[str, int] = {}
        programs = {}
        for slug, (name, specialties) in [
            *PROGRAMS.items(),
            (DEFAULT_PROGRAM, ("Primary Care ECHO", [])),
        ]:
            program = Program(slug=slug, name=name, private=slug == PRIVATE, case_template={})
            db.session.add(program)
            db.session.flush()
            programs[slug] = program.id
            for specialty in specialties:
                program_of[specialty] = program.id
        topics = {}
        for specialty in sorted({c["specialty"] for c in cases}):
            name = specialty.replace(" / ", " and ").replace(" - ", ", ")
            topic = Topic(name=name, name_key=text_key(name), slug=slugify(name), synonyms=[])
            db.session.add(topic)
            db.session.flush()
            topics[specialty] = topic.id
        presenter = create_user(
            "presenter@example.org",
            "Presenter",
            Role.PROVIDER,
            password=BENCH_PASSWORD,
            actor=SYSTEM,
        )
        reader = create_user(
            "reader@example.org", "Reader", Role.PROVIDER, password=BENCH_PASSWORD, actor=SYSTEM
        )
        expert = create_user(
            "expert@example.org", "Expert", Role.EXPERT, password=BENCH_PASSWORD, actor=SYSTEM
        )
        db.session.flush()
        token = create_token(reader, "bench", actor=SYSTEM)
        db.session.commit()
        start = datetime(2018, 1, 1)
        for offset in range(0, len(cases), 5000):
            chunk = cases[offset : offset + 5000]
            rows = []
            for case in chunk:
                when = start + timedelta(days=rng.randrange(0, 8 * 365))
                roll = rng.random()
                status = (
                    "draft"
                    if roll < 0.03
                    else "submitted"
                    if roll < 0.06
                    else "recommendations_published"
                )
                rows.append(
                    {
                        "ref": case["ref"],
                        "program_id": program_of.get(case["specialty"], programs[DEFAULT_PROGRAM]),
                        "presenter_id": presenter.id,
                        "title": case["title"][:300],
                        "question": case["question"],
                        "presentation": case["presentation"],
                        "fields": {"keywords": ", ".join(case["keywords"][:12])}
                        if case["keywords"]
                        else {},
                        "status": status,
                        "created_at": when,
                        "updated_at": when,
                        "submitted_at": when,
                        # Bulk inserts skip the session events that set it (cases/counting.py).
                        "counts_on": when.date(),
                    }
                )
            db.session.execute(insert(Case.__table__), rows)
            ids = dict(
                db.session.execute(
                    Case.__table__.select()
                    .with_only_columns(Case.ref, Case.id)
                    .where(Case.ref.in_([c["ref"] for c in chunk]))
                ).all()
            )
            db.session.execute(
                insert(case_topics),
                [{"case_id": ids[c["ref"]], "topic_id": topics[c["specialty"]]} for c in chunk],
            )
            recs = [
                {
                    "case_id": ids[c["ref"]],
                    "author_id": expert.id,
                    "position": 1,
                    "category": "therapeutic",
                    "body": c["plan"],
                    "references": [],
                    "status": "published",
                    "published_at": row["created_at"] + timedelta(days=7),
                    "created_at": row["created_at"],
                    "updated_at": row["created_at"],
                }
                for c, row in zip(chunk, rows, strict=True)
                if c["plan"]
            ]
            if recs:
                db.session.execute(insert(Recommendation.__table__), recs)
            db.session.commit()
        count = db.session.query(User).count()
        db.session.remove()
    return {"token": token, "users": count}


# ---------------------------------------------------------------- FTS5 baseline


def build_fts(workdir: Path, app) -> tuple[float, int]:
    """The same documents (cases and recommendations) in an FTS5 table with porter stemming."""
    from sqlalchemy import select

    from app.cases.models import Case
    from app.extensions import db
    from app.programs.models import Program
    from app.recommendations.models import Recommendation

    path = workdir / "fts.sqlite3"
    path.unlink(missing_ok=True)
    conn = sqlite3.connect(path)
    conn.execute(
        "CREATE VIRTUAL TABLE docs USING fts5(title, question, content, type UNINDEXED, "
        "program UNINDEXED, year UNINDEXED, private UNINDEXED, tokenize='porter unicode61')"
    )
    started = time.perf_counter()
    with app.app_context():
        privacy = dict(db.session.execute(select(Program.id, Program.private)).all())
        slugs = dict(db.session.execute(select(Program.id, Program.slug)).all())
        rows = db.session.execute(
            select(
                Case.id,
                Case.title,
                Case.question,
                Case.presentation,
                Case.program_id,
                Case.created_at,
            )
        )
        conn.executemany(
            "INSERT INTO docs VALUES (?, ?, ?, 'case', ?, ?, ?)",
            (
                (t, q, f"{t}\n\n{q}\n\n{p}", slugs[pid], c.year, int(privacy[pid]))
                for _i, t, q, p, pid, c in rows
            ),
        )
        recs = db.session.execute(
            select(
                Case.title,
                Case.question,
                Recommendation.body,
                Case.program_id,
                Recommendation.created_at,
            ).join(Case, Case.id == Recommendation.case_id)
        )
        conn.executemany(
            "INSERT INTO docs VALUES (?, ?, ?, 'recommendation', ?, ?, ?)",
            ((t, q, b, slugs[pid], c.year, int(privacy[pid])) for t, q, b, pid, c in recs),
        )
    conn.commit()
    seconds = time.perf_counter() - started
    conn.close()
    return seconds, path.stat().st_size


def fts_query(text: str) -> str:
    """Plain words of a query as FTS5 AND terms (field filters dropped)."""
    words = [
        w
        for w in re.findall(r"\w+", re.sub(r"\w+:\S+", " ", text))
        if w not in ("OR", "AND", "NOT")
    ]
    return " ".join(f'"{w}"' for w in words) or '""'


def run_fts(path: Path, queries: list[str], rounds: int) -> list[float]:
    conn = sqlite3.connect(path)
    times = []
    for _ in range(rounds):
        for q in queries:
            match = fts_query(q)
            started = time.perf_counter()
            try:
                conn.execute(
                    "SELECT rowid, title, snippet(docs, 2, '<mark>', '</mark>', '…', 24), "
                    "bm25(docs, 3.0, 1.8, 1.0) AS score FROM docs WHERE docs MATCH ? "
                    "AND private = 0 ORDER BY score LIMIT 20",
                    (match,),
                ).fetchall()
                conn.execute(
                    "SELECT count(*) FROM docs WHERE docs MATCH ? AND private = 0", (match,)
                ).fetchone()
                for column in ("type", "program", "year"):
                    conn.execute(
                        f"SELECT {column}, count(*) FROM docs WHERE docs MATCH ? "  # noqa: S608
                        f"AND private = 0 GROUP BY {column}",
                        (match,),
                    ).fetchall()
            except sqlite3.OperationalError:
                pass
            times.append((time.perf_counter() - started) * 1000)
    conn.close()
    return times


# ---------------------------------------------------------------- the searching worker


def query_worker(workdir: Path, token: str, rounds: int, cold_counts: bool) -> dict:
    """Run in a child process: a fresh worker answering the API, as in production."""
    from app.search.index import index_at

    app = make_app(workdir)
    client = app.test_client()
    headers = {"Authorization": f"Bearer {token}"}
    opened = time.perf_counter()
    client.get("/api/v1/search?q=warmup", headers=headers)
    first_ms = (time.perf_counter() - opened) * 1000
    idx = index_at(app.config["CASEBOOK_INDEX_DIR"])
    times: list[float] = []
    per_query: dict[str, list[float]] = defaultdict(list)
    totals = {}
    for _ in range(rounds):
        for q in QUERIES:
            if cold_counts and idx._snapshot is not None:
                # Forget what was computed for earlier queries (facet counts, highlight
                # patterns, spelling), so every request pays for its own; what is kept per index
                # generation (facet codes, lengths, permission masks, filter masks) stays.
                lru = idx._snapshot.cache.get("lru")
                if lru:
                    for key in [k for k in lru if k[0] in ("counts", "highlight", "correct")]:
                        del lru[key]
            started = time.perf_counter()
            response = client.get(
                "/api/v1/search", query_string={"q": q, "per_page": 20}, headers=headers
            )
            elapsed = (time.perf_counter() - started) * 1000
            assert response.status_code == 200, response.get_data(as_text=True)
            totals[q] = response.get_json()["total"]
            times.append(elapsed)
            per_query[q].append(elapsed)
    if not any(totals.values()):
        raise SystemExit("No query found anything: the index is missing or not searchable.")
    rss_mb = peak_rss_mb()
    slowest = sorted(((statistics.median(v), q) for q, v in per_query.items()), reverse=True)[:5]
    return {
        "times": times,
        "first_request_ms": first_ms,
        "rss_mb": rss_mb,
        "totals": totals,
        "slowest": slowest,
    }


def reindex_load_worker(workdir: Path, token: str, stop: Path, limit_s: float = 900) -> dict:
    """Run in a child process: query in a loop until `stop` exists (or `limit_s` passes)."""
    app = make_app(workdir)
    client = app.test_client()
    headers = {"Authorization": f"Bearer {token}"}

    def total(q: str) -> int | None:
        response = client.get(
            "/api/v1/search", query_string={"q": q, "per_page": 20}, headers=headers
        )
        return response.get_json()["total"] if response.status_code == 200 else None

    before = {q: total(q) for q in QUERIES}  # the database does not change meanwhile
    stop.with_suffix(".ready").touch()  # searching from now on
    times: list[float] = []
    failures = changed = 0
    began = time.perf_counter()
    i = 0
    while not stop.exists() and time.perf_counter() - began < limit_s:
        q = QUERIES[i % len(QUERIES)]
        i += 1
        started = time.perf_counter()
        found = total(q)
        times.append((time.perf_counter() - started) * 1000)
        if found is None:
            failures += 1
        elif found != before[q]:
            changed += 1
    return {"times": times, "failures": failures, "changed": changed}


def under_reindex(args: argparse.Namespace, workdir: Path, meta: dict) -> dict:
    """Time a full reindex while another process keeps searching through the API."""
    stop = workdir / "stop-searching"
    stop.unlink(missing_ok=True)
    stop.with_suffix(".ready").unlink(missing_ok=True)
    command = [sys.executable, __file__, "--worker", "--under-reindex", "--cases"]
    command += [str(args.cases), "--workdir", str(args.workdir), "--token", meta["token"]]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    while not stop.with_suffix(".ready").exists() and child.poll() is None:
        time.sleep(0.2)
    from app.search import reindex

    app = make_app(workdir)
    with app.app_context():
        built = reindex()
    stop.touch()
    out, _ = child.communicate(timeout=600)
    worker = json.loads(out.strip().splitlines()[-1])
    return {
        "reindex_seconds": round(built.seconds, 1),
        "searches_answered": len(worker["times"]),
        "searches_failed": worker["failures"],
        "searches_with_another_total": worker["changed"],
        "search_ms_during_reindex": {
            k: round(v, 1) for k, v in percentiles(worker["times"]).items()
        },
        "slowest_search_ms": round(max(worker["times"]), 1),
    }


def peak_rss_mb() -> float:
    """This process's peak resident memory.

    Linux carries `ru_maxrss` across exec, so in a child started by the (large) building
    process it reports the parent's size; VmHWM belongs to this process's own memory.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentiles(times: list[float]) -> dict[str, float]:
    ordered = sorted(times)

    def pct(p: float) -> float:
        return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]

    return {"p50": pct(50), "p95": pct(95), "p99": pct(99), "n": len(ordered)}


def dir_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument(
        "--workdir", type=Path, default=Path(tempfile.gettempdir()) / "casebook-bench"
    )
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--reuse", action="store_true", help="Keep an existing build.")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--token", help=argparse.SUPPRESS)
    parser.add_argument(
        "--warm-counts",
        action="store_true",
        help="Keep facet counts cached between repeats of a query.",
    )
    parser.add_argument(
        "--under-reindex",
        action="store_true",
        help="Also rebuild the index while another process searches, and report both.",
    )
    parser.add_argument(
        "--queries",
        type=Path,
        help="Time these queries instead (JSON lines with a 'query' field, such as "
        "eval/search/dev/queries.jsonl).",
    )
    args = parser.parse_args()
    if args.queries:
        with args.queries.open(encoding="utf-8") as fh:
            QUERIES[:] = [json.loads(line)["query"] for line in fh if line.strip()]
    workdir = args.workdir / str(args.cases)

    if args.worker and args.under_reindex:
        print(json.dumps(reindex_load_worker(workdir, args.token, workdir / "stop-searching")))
        return
    if args.worker:
        result = query_worker(workdir, args.token, args.rounds, not args.warm_counts)
        print(json.dumps(result))
        return

    report: dict = {"cases": args.cases}
    meta_file = workdir / "meta.json"
    if not (args.reuse and meta_file.exists()):
        shutil.rmtree(workdir, ignore_errors=True)
        workdir.mkdir(parents=True)
        started = time.perf_counter()
        cases = build_cases(args.cases)
        app = make_app(workdir)
        meta = load_database(app, cases)
        report["load_seconds"] = round(time.perf_counter() - started, 1)
        from app.search import reindex

        with app.app_context():
            built = reindex()
        meta["index_seconds"] = built.seconds
        meta["documents"] = built.documents
        meta["fts_seconds"], meta["fts_bytes"] = build_fts(workdir, app)
        meta_file.write_text(json.dumps(meta))
    meta = json.loads(meta_file.read_text())
    index_bytes = dir_size(workdir / "index")
    report.update(
        {
            "documents": meta["documents"],
            "index_build_seconds": round(meta["index_seconds"], 1),
            "index_docs_per_second": round(meta["documents"] / meta["index_seconds"]),
            "index_mb": round(index_bytes / 2**20, 1),
            "fts_build_seconds": round(meta["fts_seconds"], 1),
            "fts_mb": round(meta["fts_bytes"] / 2**20, 1),
        }
    )
    command = [
        sys.executable,
        __file__,
        "--worker",
        "--cases",
        str(args.cases),
        "--workdir",
        str(args.workdir),
        "--rounds",
        str(args.rounds),
        "--token",
        meta["token"],
    ]
    if args.warm_counts:
        command.append("--warm-counts")
    if args.queries:
        command += ["--queries", str(args.queries)]
    child = subprocess.run(command, capture_output=True, text=True, check=False)
    if child.returncode != 0:
        sys.exit(child.stderr[-3000:])
    worker = json.loads(child.stdout.strip().splitlines()[-1])
    report["casebook_api_ms"] = {k: round(v, 1) for k, v in percentiles(worker["times"]).items()}
    report["casebook_first_request_ms"] = round(worker["first_request_ms"], 1)
    report["casebook_worker_rss_mb"] = round(worker["rss_mb"])
    report["casebook_slowest_queries_ms"] = [(q, round(t, 1)) for t, q in worker["slowest"]]
    fts = run_fts(workdir / "fts.sqlite3", QUERIES, args.rounds)
    report["fts5_ms"] = {k: round(v, 1) for k, v in percentiles(fts).items()}
    if args.under_reindex:
        report["under_reindex"] = under_reindex(args, workdir, meta)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
