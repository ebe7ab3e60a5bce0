"""Benchmark `casebook import` on the shared corpus: cases a second, topics, write-lock hold.

Builds import files from ../shared/corpus/cases.jsonl (one case per document: its
specialty as the program, its summary as the question, its body as the presentation, its
keywords as the topics, which gives about 9,600 topics for the 2,435 documents), then runs
`casebook import --create-programs --redact` on them in a fresh SQLite database (and, with
--postgres, in a fresh PostgreSQL database). Prints the cases a second of the import itself,
the time until every case is searchable, the topics in the vocabulary, and how long the
longest transaction held the database (on SQLite: the write lock; every web writer waits
that long at worst).

    python scripts/bench_import.py [--docs 300] [--per-file 100] [--postgres [URL]]
        [--jobs 1 2] [--corpus PATH] [--workdir DIR] [--profile FILE] [--vocabulary]

With several --jobs values each is run in turn on a fresh database (the processes that
scan for identifiers ahead of the import; the default is the number of CPUs).
--vocabulary adds every keyword of the documents as a topic before the import (not timed):
a hub whose vocabulary already has the names the files bring.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import re
import shutil
import sys
import tempfile
import threading
import time
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "cases.jsonl"
PG_DEFAULT = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
sys.path.insert(0, str(ROOT))


def program_slug(specialty: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", specialty.lower()).strip("-")[:64] or "general"


def build_files(
    corpus: Path, out: Path, docs: int | None, per_file: int
) -> tuple[int, dict[str, str]]:
    """Import files from the corpus; returns the cases and the distinct keywords (by key,
    first spelling)."""
    rows = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line]
    rows = rows[:docs] if docs else rows
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    keywords: dict[str, str] = {}
    for start in range(0, len(rows), per_file):
        with (out / f"part-{start // per_file:04d}.jsonl").open("w", encoding="utf-8") as fh:
            for n, doc in enumerate(rows[start : start + per_file], start):
                topics = [k for k in doc.get("keywords") or [] if 0 < len(k.strip()) <= 120]
                for k in topics:
                    keywords.setdefault(" ".join(k.casefold().split()), " ".join(k.split()))
                record = {
                    "ref": doc.get("ref") or f"doc-{n}",
                    "program": program_slug(doc.get("specialty") or "general"),
                    "session_date": f"{2016 + n % 10}-{n % 12 + 1:02d}-{n % 27 + 1:02d}",
                    "title": (doc.get("title") or f"Imported case {n}")[:300],
                    "question": doc.get("summary") or doc.get("title") or "Advice?",
                    "presentation": doc.get("body") or "",
                    "topics": topics,
                    "status": "presented",
                }
                fh.write(json.dumps(record) + "\n")
    return len(rows), keywords


class LockWatch:
    """How long each transaction held the database for writing, by thread: on SQLite from
    its BEGIN IMMEDIATE (or, for one begun deferred, its first write) to its COMMIT or
    ROLLBACK; every other writer waits meanwhile."""

    def __init__(self) -> None:
        self.began: dict[int, float | None] = {}
        self.longest: dict[str, float] = defaultdict(float)
        self.count: dict[str, int] = defaultdict(int)
        # SQL statements sent, by thread (the importer's and the search applier's)
        self.statements: dict[str, int] = defaultdict(int)

    def attach(self, engine) -> None:
        from sqlalchemy import event

        from app.extensions import READ_ONLY, _reading

        @event.listens_for(engine, "begin")
        def _begin(conn) -> None:
            deferred = conn.get_execution_options().get(READ_ONLY) or _reading.get()
            self.began[id(conn)] = None if deferred else time.perf_counter()

        @event.listens_for(engine, "before_cursor_execute")
        def _statement(conn, cursor, statement, parameters, context, executemany) -> None:
            self.statements[_who()] += 1
            first = statement.lstrip()[:6].upper()
            if self.began.get(id(conn), 0) is None and first not in ("SELECT", "PRAGMA"):
                self.began[id(conn)] = time.perf_counter()

        def _end(conn) -> None:
            started = self.began.pop(id(conn), None)
            if started is None:
                return
            who = _who()
            self.longest[who] = max(self.longest[who], time.perf_counter() - started)
            self.count[who] += 1

        event.listen(engine, "commit", _end)
        event.listen(engine, "rollback", _end)


def _who() -> str:
    who = threading.current_thread().name
    return "import" if who == "MainThread" else who


class WorkerCPU:
    """CPU seconds of the import's scanning processes, read from /proc just before the pool
    shuts them down (they are the forkserver's children, not this process's)."""

    def __init__(self) -> None:
        self.seconds = 0.0

    def __enter__(self) -> WorkerCPU:
        from app.deid.parallel import ScanPool

        self.original = close = ScanPool.close

        def counting_close(pool: ScanPool) -> None:
            ticks = os.sysconf("SC_CLK_TCK")
            for process in list(pool.executor._processes.values()):
                try:
                    fields = Path(f"/proc/{process.pid}/stat").read_text().rsplit(")", 1)[1]
                except OSError:
                    continue
                utime, stime = fields.split()[11:13]
                self.seconds += (int(utime) + int(stime)) / ticks
            close(pool)

        ScanPool.close = counting_close  # type: ignore[method-assign]
        return self

    def __exit__(self, *exc: object) -> None:
        from app.deid.parallel import ScanPool

        ScanPool.close = self.original  # type: ignore[method-assign]


@contextmanager
def postgres_database(url: str):
    """A fresh database on the server of `url`, dropped afterwards."""
    import psycopg
    from sqlalchemy.engine import make_url

    admin = make_url(url)
    name = f"casebook_bench_import_{int(time.time())}"
    dsn = admin.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield admin.set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run(
    label: str,
    url: str,
    files: Path,
    workdir: Path,
    cases: int,
    profile: Path | None,
    jobs: int | None = None,
    vocabulary: list[str] | None = None,
):
    from sqlalchemy import func, select

    from app import create_app
    from app.extensions import db
    from app.programs.models import Topic

    app = create_app(
        {
            "SECRET_KEY": "bench",
            "SQLALCHEMY_DATABASE_URI": url,
            "CASEBOOK_INDEX_DIR": str(workdir / f"index-{label}"),
            "CASEBOOK_INSTANCE_PATH": str(workdir),
        }
    )
    runner = app.test_cli_runner()
    context = app.app_context()
    context.push()
    result = runner.invoke(args=["init"])
    if result.exit_code != 0:
        raise SystemExit(f"{label}: casebook init failed:\n{result.output}")
    if vocabulary:
        from app.programs.operations import add_topics

        for start in range(0, len(vocabulary), 2000):
            add_topics(vocabulary[start : start + 2000])
        db.session.commit()
    watch = LockWatch()
    watch.attach(db.engine)
    args = ["import", str(files), "--create-programs", "--create-authors", "--redact"]
    args += ["--report", str(workdir / f"redactions-{label}.jsonl"), "--index-timeout", "0"]
    if jobs is not None:
        args += ["--jobs", str(jobs)]
    profiler = cProfile.Profile(time.thread_time) if profile else None  # CPU, not waits
    load = os.getloadavg()
    workers = WorkerCPU()
    started, cpu = time.perf_counter(), time.thread_time()
    if profiler:
        profiler.enable()
    with workers:
        result = runner.invoke(args=args)
    if profiler:
        profiler.disable()
        profiler.dump_stats(str(profile))
    imported = time.perf_counter() - started
    cpu = time.thread_time() - cpu
    import_lock = watch.longest["import"]
    import_transactions = watch.count["import"]
    import_statements = watch.statements["import"]
    from app.search.applier import wait_until_indexed

    wait_until_indexed(0, 3600, None)
    searchable = time.perf_counter() - started
    topics = db.session.scalar(select(func.count(Topic.id)))
    db.session.remove()
    context.pop()
    rejected = [line for line in result.output.splitlines() if line.startswith("REJECTED")]
    print(f"\n== {label}" + (f", --jobs {jobs}" if jobs is not None else ""))
    print(result.output.strip().splitlines()[-1] if result.output.strip() else "(no output)")
    if rejected:
        print(f"{len(rejected)} files rejected, e.g. {rejected[0]}")
    print(
        f"import:            {cases} cases in {imported:.1f} s = {cases / imported:.1f} cases/s"
        f" (CPU {cpu:.1f} s in the importing thread)"
    )
    print(f"searchable after:  {searchable:.1f} s")
    print(f"topics:            {topics:,}")
    print(
        f"longest write transaction of the import: {import_lock:.2f} s"
        f" ({import_transactions} transactions)"
    )
    print(
        f"CPU per case:      {cpu * 1000 / cases:.2f} ms importing thread"
        f" + {workers.seconds * 1000 / cases:.2f} ms scanning processes"
        f"; load average {load[0]:.2f} before, {os.getloadavg()[0]:.2f} after"
    )
    print(
        f"SQL statements:    {import_statements / cases:.2f} a case in the importing thread"
        f" ({import_statements:,} in all)"
    )
    for who, seconds in sorted(watch.longest.items()):
        if who != "import":
            print(f"longest write transaction of {who}: {seconds:.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="the shared corpus")
    parser.add_argument("--docs", type=int, default=0, help="only the first N documents")
    parser.add_argument("--per-file", type=int, default=100, help="cases per import file")
    parser.add_argument(
        "--postgres", nargs="?", const=PG_DEFAULT, default=None, metavar="URL",
        help=f"also import into a fresh PostgreSQL database on this server ({PG_DEFAULT})",
    )  # fmt: skip
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument(
        "--jobs", type=int, nargs="+", default=[None], metavar="N",
        help="scanning processes of the import; several values: one run each",
    )  # fmt: skip
    parser.add_argument("--profile", type=Path, default=None, help="cProfile stats of SQLite")
    parser.add_argument(
        "--vocabulary", action="store_true",
        help="add the documents' keywords as topics before the import (not timed)",
    )  # fmt: skip
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"skipped: no corpus at {args.corpus} (give its path with --corpus)")
        return
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="casebook-bench-import-"))
    workdir.mkdir(parents=True, exist_ok=True)
    files = workdir / "import"
    cases, keywords = build_files(args.corpus, files, args.docs or None, args.per_file)
    print(
        f"{cases} cases from {args.corpus.name} in files of {args.per_file},"
        f" {len(keywords):,} distinct keywords; work folder {workdir}"
    )
    for jobs in args.jobs:
        # A file of its own per run: the previous run's search applier thread may still
        # hold its database open, and a new file under the same name would share its
        # -wal and -shm files ("file is not a database").
        db_file = workdir / f"casebook-jobs{jobs}.sqlite3"
        for old in (db_file, *(db_file.with_name(db_file.name + e) for e in ("-wal", "-shm"))):
            old.unlink(missing_ok=True)
        shutil.rmtree(workdir / "index-SQLite", ignore_errors=True)
        names = list(keywords.values()) if args.vocabulary else None
        run("SQLite", f"sqlite:///{db_file}", files, workdir, cases, args.profile, jobs, names)
        if args.postgres:
            with postgres_database(args.postgres) as url:
                run("PostgreSQL", url, files, workdir, cases, None, jobs, names)


if __name__ == "__main__":
    main()
