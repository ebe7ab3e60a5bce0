"""Load benchmark: many signed-in users against a real Casebook server on loopback.

Sets up its own instance (a temporary folder; a SQLite file, or a PostgreSQL database it
creates and drops), loads the demo corpus with `casebook demo --no-serve`, starts the
server, and runs virtual users (asyncio + httpx, each with its own session cookie) for a
bounded time and number of requests. Each user signs in, then loops over a realistic mix:
search pages, case pages, program pages and the home page, API reads (cases, search, a
case) and writes through the API (a new draft case), with a think time between requests.
Optionally a `casebook import` of the shared corpus (../shared/corpus/cases.jsonl) or a
`casebook reindex` runs during the load.

    python scripts/bench_load.py --users 50 --seconds 60 --db sqlite --server waitress
    python scripts/bench_load.py --users 50,100 --db sqlite,postgres \\
        --server waitress,gunicorn-threads,gunicorn-sync --import-during

Per configuration it prints: users, requests, requests/s (and per core), errors by status,
latency p50/p95/p99 and max, how many requests took over 5 s (also per kind of request),
the server's CPU time per request and the load average; then, the server stopped, whether
`casebook index verify` finds the search index in step and the tracebacks in the server's
log. `--writers 4 --creates 200` instead runs four writer processes creating cases at once
and counts what was stored.
Needs the `test` extra (httpx) and, for gunicorn, the `server` extra.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "cases.jsonl"
PG_DEFAULT = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
SERVERS = ("waitress", "gunicorn-threads", "gunicorn-sync")
SLOW_SECONDS = 5.0
GUNICORN_THREADS = 4
# As docs/operations.md runs it: longer than any client's (or proxy's) idle timeout, so the
# server never closes a kept-alive connection just as the client sends on it.
GUNICORN_KEEPALIVE = 75
OPEN_STATUSES = {"approved", "presented", "recommendations_published", "closed"}
SEARCH_TERMS = [
    "hepatitis C cirrhosis",
    "buprenorphine",
    "fentanyl withdrawal",
    "afib",
    "opioid use disorder pregnancy",
    "chronic pain tapering",
    "HCV genotype 3",
    "ADHD",
    "depression adolescent",
    "naloxone",
    "CKD DAA",
    "methadone QTc",
]
# (kind, weight): what a user does next.
MIX = [
    ("search page", 22),
    ("case page", 20),
    ("program page", 8),
    ("home page", 5),
    ("api cases", 12),
    ("api search", 12),
    ("api case", 12),
    ("api write", 5),
    ("health", 4),
]


# ---------------------------------------------------------------- instance and server


BIN = Path(sys.executable).parent  # casebook and gunicorn, installed beside this Python


def casebook(env: dict, *args: str, timeout: float = 1800) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(BIN / "casebook"), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Instance:
    db: str
    workdir: Path
    env: dict
    pg_admin_url: str | None = None
    pg_name: str | None = None
    accounts: dict[str, str] = field(default_factory=dict)
    token: str = ""


def _pg_admin(url: str):
    import psycopg

    plain = url.replace("postgresql+psycopg://", "postgresql://")
    return psycopg.connect(plain, autocommit=True)


def make_instance(db: str, workdir: Path, pg_url: str) -> Instance:
    folder = workdir / db
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    env = {
        **os.environ,
        "CASEBOOK_INSTANCE_PATH": str(folder / "instance"),
        "CASEBOOK_INDEX_DIR": str(folder / "index"),
        "CASEBOOK_SECRET_KEY": "bench-load-secret",
        # Every virtual user signs in from 127.0.0.1: the per-address limit would refuse
        # all but the first few, which measures the limiter, not the server.
        "CASEBOOK_RATELIMIT_SIGN_IN": "100000 per minute",
    }
    instance = Instance(db, folder, env)
    if db == "postgres":
        name = f"casebook_bench_{os.getpid()}"
        with _pg_admin(pg_url) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        instance.pg_admin_url, instance.pg_name = pg_url, name
        env["CASEBOOK_DATABASE_URL"] = pg_url.rsplit("/", 1)[0] + f"/{name}"
    started = time.perf_counter()
    demo = casebook(env, "demo", "--no-serve")
    if demo.returncode != 0:
        raise SystemExit(f"casebook demo failed:\n{demo.stderr[-2000:]}")
    instance.accounts = json.loads((folder / "instance" / "demo-accounts.json").read_text())
    made = casebook(env, "create-token", "provider@demo.casebook.example", "--name", "bench")
    if made.returncode != 0:
        raise SystemExit(f"create-token failed:\n{made.stderr}")
    instance.token = made.stdout.strip().splitlines()[-1]
    print(f"[{db}] instance ready in {time.perf_counter() - started:.0f} s: {folder}", flush=True)
    return instance


def drop_instance(instance: Instance) -> None:
    if instance.pg_name and instance.pg_admin_url:
        with _pg_admin(instance.pg_admin_url) as conn:
            conn.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
                (instance.pg_name,),
            )
            conn.execute(f'DROP DATABASE IF EXISTS "{instance.pg_name}"')


def start_server(
    instance: Instance,
    server: str,
    port: int,
    workers: int,
    threads: int | None,
    keepalive: int = GUNICORN_KEEPALIVE,
):
    if server == "waitress":
        command = [str(BIN / "casebook"), "run", "--port", str(port)]
        if threads:  # else the run command's own default, as the README runs it
            command += ["--threads", str(threads)]
    elif server == "gunicorn-threads":
        command = [str(BIN / "gunicorn"), "--workers", str(workers)]
        command += ["--threads", str(threads or GUNICORN_THREADS)]
        command += [
            "--bind",
            f"127.0.0.1:{port}",
            "--timeout",
            "120",
            "--keep-alive",
            str(keepalive),
            "wsgi:app",
        ]
    else:
        command = [str(BIN / "gunicorn"), "--workers", str(workers), "--worker-class", "sync"]
        command += [
            "--bind",
            f"127.0.0.1:{port}",
            "--timeout",
            "120",
            "--keep-alive",
            str(keepalive),
            "wsgi:app",
        ]
    log = open(instance.workdir / f"server-{server}-{port}.log", "w")  # noqa: SIM115
    proc = subprocess.Popen(
        command, cwd=ROOT, env=instance.env, stdout=log, stderr=subprocess.STDOUT
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"{server} exited at start; see {log.name}")
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=5).status_code == 200:
                return proc, log
        time.sleep(0.5)
    stop_server(proc, log)
    raise SystemExit(f"{server} did not become healthy in 120 s; see {log.name}")


def tree_cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process and its descendants (Linux /proc; 0 elsewhere):
    the server's own cost, steadier than latency on a machine others share."""
    ticks = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    parents, cpu = {}, {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            parents[int(stat.parent.name)] = int(fields[1])
            cpu[int(stat.parent.name)] = (int(fields[11]) + int(fields[12])) / ticks
    tree, total = {pid}, 0.0
    for _ in range(4):  # gunicorn: arbiter, workers; casebook run: one process
        tree |= {p for p, parent in parents.items() if parent in tree}
    for p in tree:
        total += cpu.get(p, 0.0)
    return total


def stop_server(proc: subprocess.Popen, log) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)
    log.close()


# ---------------------------------------------------------------- background work


def import_corpus(instance: Instance, chunk: int) -> subprocess.CompletedProcess[str]:
    """`casebook import` of the shared corpus into `instance` (during the load, or before it
    with --corpus-first, so that a reindex during the load rebuilds a hub-sized index)."""
    source = corpus_as_import(instance.workdir, chunk)
    args = ["import", str(source), "--create-programs", "--create-authors", "--redact"]
    args += ["--report", str(instance.workdir / "redactions.jsonl")]
    return casebook(instance.env, *args)


def corpus_as_import(folder: Path, chunk: int) -> Path:
    """The shared corpus as import files (one case per document, `chunk` per file: each
    file is one all-or-nothing transaction)."""
    out = folder / "import"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line]
    for start in range(0, len(rows), chunk):
        with (out / f"part-{start // chunk:03d}.jsonl").open("w", encoding="utf-8") as fh:
            for n, doc in enumerate(rows[start : start + chunk], start):
                record = {
                    "ref": f"load-{doc.get('ref') or n}",
                    "program": "load-import",
                    "session_date": f"2025-{n % 12 + 1:02d}-{n % 27 + 1:02d}",
                    "title": (doc.get("title") or f"Imported case {n}")[:200],
                    # The import requires a question for the hub.
                    "question": (doc.get("summary") or doc.get("title") or "Advice?")[:1000],
                    "presentation": doc.get("body") or "",
                    "status": "presented",
                }
                fh.write(json.dumps(record) + "\n")
    return out


@dataclass
class Background:
    kind: str
    seconds: float = 0.0
    returncode: int | None = None
    summary: str = ""


async def run_background(kind: str, instance: Instance, delay: float, chunk: int) -> Background:
    await asyncio.sleep(delay)
    started = time.perf_counter()
    if kind == "import":
        done = await asyncio.to_thread(import_corpus, instance, chunk)
    else:
        done = await asyncio.to_thread(casebook, instance.env, "reindex")
    lines = (done.stdout.strip().splitlines() or [""])[-1:]
    lines += [line.strip() for line in done.stderr.splitlines() if line.startswith("  - ")][:2]
    return Background(kind, time.perf_counter() - started, done.returncode, " / ".join(lines))


def checked_after(instance: Instance, log_path: Path | None) -> dict:
    """After a run (the server stopped): whether the search index is in step with the
    database (`casebook index verify`), and the tracebacks in the server's log."""
    verified = casebook(instance.env, "index", "verify")
    lines = [line.strip() for line in verified.stdout.splitlines() if line.strip()]
    tracebacks: list[str] = []
    if log_path is not None:
        text = log_path.read_text(encoding="utf-8", errors="replace")
        for block in text.split("Traceback (most recent call last):")[1:]:
            last = [line for line in block.splitlines() if line and not line.startswith(" ")]
            tracebacks.append(last[0][:200] if last else "?")
    return {
        "index_in_step": verified.returncode == 0,
        "index_verify": " / ".join(lines[-3:])[:400],
        "tracebacks": len(tracebacks),
        "traceback_errors": dict(Counter(tracebacks).most_common(5)),
    }


def print_checks(checks: dict) -> None:
    step = "in step" if checks["index_in_step"] else "NOT in step"
    print(f"  afterwards: search index {step} ({checks['index_verify']})")
    print(f"  server log: {checks['tracebacks']} tracebacks {checks['traceback_errors'] or ''}")


# ---------------------------------------------------------------- virtual users


@dataclass
class Result:
    kind: str
    status: str  # HTTP status, or the exception's class
    seconds: float


@dataclass
class Shared:
    base: str
    token: str
    deadline: float
    max_requests: int
    think: float
    case_ids: list[int]
    programs: list[str]
    sent: int = 0
    results: list[Result] = field(default_factory=list)


CSRF = re.compile(r'<meta name="csrf-token" content="([^"]+)"')


async def timed(shared: Shared, kind: str, call) -> httpx.Response | None:
    started = time.perf_counter()
    try:
        response = await call
        status = str(response.status_code)
    except httpx.HTTPError as exc:
        response, status = None, type(exc).__name__
    shared.results.append(Result(kind, status, time.perf_counter() - started))
    return response


def _write_body(n: int, programs: list[str]) -> dict:
    return {
        "program": random.choice(programs),
        "title": f"Load test draft {n}: adult with chronic hepatitis C and diabetes",
        "question": "Which direct-acting antiviral regimen and how to monitor glucose?",
        "presentation": "## History\n\nTreatment-naive, genotype 1a, no cirrhosis on elastography.",
    }


async def user(n: int, shared: Shared, email: str, password: str, delay: float) -> None:
    await asyncio.sleep(delay)  # users arrive over the ramp-up, not all at once
    api = {"Authorization": f"Bearer {shared.token}"}
    kinds = [k for k, _ in MIX]
    weights = [w for _, w in MIX]
    async with httpx.AsyncClient(base_url=shared.base, timeout=30.0) as client:
        page = await timed(shared, "sign-in", client.get("/sign-in"))
        token = CSRF.search(page.text) if page is not None else None
        data = {"email": email, "password": password, "csrf_token": token.group(1) if token else ""}
        await timed(shared, "sign-in", client.post("/sign-in", data=data))
        while time.monotonic() < shared.deadline and shared.sent < shared.max_requests:
            shared.sent += 1
            kind = random.choices(kinds, weights)[0]
            await timed(shared, kind, _request(client, kind, shared, api))
            if shared.think:
                await asyncio.sleep(random.uniform(0, 2 * shared.think))


def _request(client: httpx.AsyncClient, kind: str, shared: Shared, api: dict):
    case_id = random.choice(shared.case_ids)
    term = random.choice(SEARCH_TERMS)
    calls = {
        "search page": lambda: client.get("/search", params={"q": term}),
        "case page": lambda: client.get(f"/cases/{case_id}"),
        "program page": lambda: client.get(f"/programs/{random.choice(shared.programs)}"),
        "home page": lambda: client.get("/"),
        "api cases": lambda: client.get("/api/v1/cases?per_page=20", headers=api),
        "api search": lambda: client.get("/api/v1/search", params={"q": term}, headers=api),
        "api case": lambda: client.get(f"/api/v1/cases/{case_id}", headers=api),
        "api write": lambda: client.post(
            "/api/v1/cases", json=_write_body(shared.sent, shared.programs), headers=api
        ),
        "health": lambda: client.get("/healthz"),
    }
    return calls[kind]()


def discover(base: str, token: str) -> tuple[list[int], list[str]]:
    headers = {"Authorization": f"Bearer {token}"}
    me = httpx.get(f"{base}/api/v1/me", headers=headers, timeout=30).json()
    listed = httpx.get(f"{base}/api/v1/programs", headers=headers).json()["results"]
    programs = [p["slug"] for p in listed]
    private = {p["slug"] for p in listed if p.get("private")}
    member = [p.get("slug", p) if isinstance(p, dict) else p for p in me.get("programs", [])]
    cases = httpx.get(f"{base}/api/v1/cases?per_page=100", headers=headers, timeout=30).json()
    # Users rotate over every demo role: visit only cases all of them may see (open cases of
    # public programs), or the policy's 404s would be counted as errors.
    ids = [
        c["id"]
        for c in cases["results"]
        if c["status"] in OPEN_STATUSES and c["program"] not in private
    ]
    return ids or [1], [p for p in programs if p in member] or programs


# ---------------------------------------------------------------- concurrent writers


def database_url(instance: Instance) -> str:
    return instance.env.get("CASEBOOK_DATABASE_URL") or (
        f"sqlite:///{instance.workdir / 'instance' / 'casebook.sqlite3'}"
    )


def writers(instance: Instance, processes: int, creates: int) -> dict:
    """`processes` separate app processes (as server workers are: SQLite in BEGIN IMMEDIATE
    mode, the search applier thread) each create `creates` cases through the API at once;
    then count what arrived. The same worker as tests/test_concurrency.py, at full size."""
    from sqlalchemy import create_engine, text

    tag = f"w{os.getpid()}x{int(time.time())}"
    tokens = []
    for _n in range(processes):
        made = casebook(instance.env, "create-token", "provider@demo.casebook.example")
        if made.returncode != 0:
            raise SystemExit(f"create-token failed:\n{made.stderr}")
        tokens.append(made.stdout.strip().splitlines()[-1])
    url = database_url(instance)
    engine = create_engine(url)
    with engine.connect() as conn:
        program = (
            conn.execute(
                text(
                    "SELECT p.slug FROM programs p"
                    " JOIN program_memberships m ON m.program_id = p.id"
                    " JOIN users u ON u.id = m.user_id WHERE u.email = :email ORDER BY p.id"
                ),
                {"email": "provider@demo.casebook.example"},
            )
            .scalars()
            .first()
        )
    started = time.perf_counter()
    procs = []
    for writer, token in enumerate(tokens):
        title = f"Writer {tag} process {writer} case {{n}}"  # {n}: the worker's count
        body = json.dumps({"program": program, "title": title, "question": "Which regimen?"})
        procs.append(
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "tests.support.workers",
                    url,
                    instance.env["CASEBOOK_INDEX_DIR"],
                    "post",
                    token,
                    "/api/v1/cases",
                    str(creates),
                    body,
                ],
                cwd=ROOT,
                env=instance.env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )  # fmt: skip
        )
    statuses: Counter = Counter()
    slowest, died = 0.0, []
    for proc in procs:
        out, err = proc.communicate(timeout=1800)
        if proc.returncode != 0:
            died.append(err.strip().splitlines()[-1:] or ["?"])
            continue
        report = json.loads(out.strip().splitlines()[-1])
        statuses.update(report["statuses"])
        slowest = max(slowest, report["slowest"])
    seconds = time.perf_counter() - started
    with engine.connect() as conn:
        rows = (
            conn.execute(
                text("SELECT title FROM cases WHERE title LIKE :tag"),
                {"tag": f"Writer {tag} process %"},
            )
            .scalars()
            .all()
        )
    engine.dispose()
    expected = processes * creates
    return {
        "processes": processes,
        "creates": creates,
        "seconds": round(seconds, 1),
        "statuses": dict(statuses),
        "errors": sum(n for status, n in statuses.items() if status != "201") + len(died),
        "died": died,
        "stored": len(rows),
        "lost": expected - len(set(rows)) if not died else None,
        "duplicates": len(rows) - len(set(rows)),
        "slowest_s": slowest,
    }


# ---------------------------------------------------------------- one configuration


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def summarise(results: list[Result], seconds: float) -> dict:
    times = [r.seconds for r in results]
    errors = Counter(r.status for r in results if not r.status.startswith(("2", "3")))
    kinds = defaultdict(list)
    for r in results:
        kinds[r.kind].append(r)
    return {
        "requests": len(results),
        "rps": round(len(results) / seconds, 1) if seconds else 0.0,
        "errors": dict(errors),
        "p50_ms": round(percentile(times, 50) * 1000),
        "p95_ms": round(percentile(times, 95) * 1000),
        "p99_ms": round(percentile(times, 99) * 1000),
        "max_ms": round(max(times, default=0) * 1000),
        "over_5s": sum(t > SLOW_SECONDS for t in times),
        "kinds": {
            kind: {
                "n": len(rs),
                "p50_ms": round(percentile([r.seconds for r in rs], 50) * 1000),
                "p95_ms": round(percentile([r.seconds for r in rs], 95) * 1000),
                "errors": sum(not r.status.startswith(("2", "3")) for r in rs),
            }
            for kind, rs in sorted(kinds.items())
        },
    }


async def load(
    instance: Instance, base: str, args, users: int, server_pid: int
) -> tuple[dict, Background | None]:
    case_ids, programs = discover(base, instance.token)
    cpu_before, load_before = tree_cpu_seconds(server_pid), os.getloadavg()
    roles = sorted(instance.accounts.items())
    started = time.monotonic()
    shared = Shared(
        base, instance.token, started + args.seconds, args.max_requests, args.think,
        case_ids, programs,
    )  # fmt: skip
    background = None
    if args.during != "nothing":
        background = asyncio.create_task(
            run_background(args.during, instance, args.seconds / 6, args.import_chunk)
        )
    await asyncio.gather(
        *(user(n, shared, *roles[n % len(roles)], n * args.ramp / users) for n in range(users))
    )
    elapsed = time.monotonic() - started
    cpu = tree_cpu_seconds(server_pid) - cpu_before
    load_after = os.getloadavg()
    finished = await background if background is not None else None
    summary = summarise(shared.results, elapsed)
    summary["rps_per_core"] = round(summary["rps"] / (os.cpu_count() or 1), 1)
    summary["server_cpu_s"] = round(cpu, 1)
    summary["cpu_ms_per_request"] = round(1000 * cpu / max(1, summary["requests"]), 1)
    summary["loadavg_before"] = [round(x, 2) for x in load_before]
    summary["loadavg_after"] = [round(x, 2) for x in load_after]
    return summary, finished


def print_summary(label: str, users: int, summary: dict, background: Background | None) -> None:
    errors = ", ".join(f"{k}: {v}" for k, v in sorted(summary["errors"].items())) or "none"
    print(
        f"\n== {label}\n"
        f"users {users}  requests {summary['requests']}  rps {summary['rps']}"
        f" ({summary['rps_per_core']}/core)  errors {errors}\n"
        f"server CPU {summary['server_cpu_s']} s = {summary['cpu_ms_per_request']} ms/request;"
        f" load average before {summary['loadavg_before']}, after {summary['loadavg_after']}\n"
        f"latency ms: p50 {summary['p50_ms']}  p95 {summary['p95_ms']}  p99 {summary['p99_ms']}"
        f"  max {summary['max_ms']}  over 5 s: {summary['over_5s']}"
    )
    for kind, k in summary["kinds"].items():
        print(
            f"  {kind:<13} n {k['n']:>6}  p50 {k['p50_ms']:>6}  p95 {k['p95_ms']:>6}"
            f"  errors {k['errors']}"
        )
    if background is not None:
        print(
            f"  during the load: casebook {background.kind} took {background.seconds:.0f} s,"
            f" exit {background.returncode}: {background.summary[:400]}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", default="50", help="Comma-separated, e.g. 50,100.")
    parser.add_argument("--seconds", type=float, default=60.0, help="Load time per run.")
    parser.add_argument("--max-requests", type=int, default=200_000, help="Cap per run.")
    parser.add_argument("--think", type=float, default=1.0, help="Mean think time (s).")
    parser.add_argument(
        "--ramp", type=float, default=None, help="Users arrive over this many seconds."
    )
    parser.add_argument("--db", default="sqlite", help="sqlite, postgres or both (comma).")
    parser.add_argument("--server", default="waitress", help=f"Comma-separated: {SERVERS}.")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes.")
    parser.add_argument(
        "--threads",
        type=int,
        default=None,
        help=f"Threads per gunicorn worker (default {GUNICORN_THREADS}) or waitress"
        " (default: as `casebook run`).",
    )
    parser.add_argument(
        "--keep-alive",
        type=int,
        default=GUNICORN_KEEPALIVE,
        help="gunicorn's --keep-alive, seconds (default as docs/operations.md).",
    )
    parser.add_argument("--import-during", dest="during", action="store_const", const="import")
    parser.add_argument("--reindex-during", dest="during", action="store_const", const="reindex")
    parser.add_argument(
        "--corpus-first",
        action="store_true",
        help="Import the shared corpus before the load (a reindex during it then rebuilds "
        "some 2,500 cases, not the demo's 54).",
    )
    parser.add_argument("--import-chunk", type=int, default=250, help="Cases per import file.")
    parser.add_argument(
        "--writers", type=int, default=0, help="Instead of users: this many writer processes."
    )
    parser.add_argument("--creates", type=int, default=200, help="Cases each writer creates.")
    parser.add_argument("--pg-url", default=PG_DEFAULT, help="Server to create the DB on.")
    parser.add_argument("--workdir", type=Path, default=None, help="Kept when given.")
    parser.add_argument("--json", type=Path, default=None, help="Also write results here.")
    parser.set_defaults(during="nothing")
    args = parser.parse_args()
    if args.ramp is None:
        args.ramp = min(10.0, args.seconds / 6)
    dbs = [d.strip() for d in args.db.split(",") if d.strip()]
    servers = [s.strip() for s in args.server.split(",") if s.strip()]
    user_counts = [int(u) for u in args.users.split(",") if u.strip()]
    bad = [s for s in servers if s not in SERVERS] + [
        d for d in dbs if d not in ("sqlite", "postgres")
    ]
    if bad:
        parser.error(f"unknown: {', '.join(bad)}")
    if (args.during == "import" or args.corpus_first) and not CORPUS.exists():
        parser.error(f"--import-during and --corpus-first need {CORPUS}")
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="casebook-load-"))
    workdir.mkdir(parents=True, exist_ok=True)
    print(
        f"bench_load: {args.seconds:.0f} s per run, think {args.think} s, "
        f"ramp-up {args.ramp:.0f} s, "
        f"{os.cpu_count()} CPUs, during the load: {args.during}; workdir {workdir}",
        flush=True,
    )
    report = []
    for db in dbs:
        instance = make_instance(db, workdir, args.pg_url)
        try:
            if args.corpus_first:
                first = import_corpus(instance, args.import_chunk)
                if first.returncode != 0:
                    raise SystemExit(f"import of the corpus failed:\n{first.stderr[-2000:]}")
                print(f"[{db}] corpus imported: {first.stdout.strip().splitlines()[-1:]}")
            if args.writers:
                result = writers(instance, args.writers, args.creates)
                checks = checked_after(instance, None)
                print(f"\n== {db} · {args.writers} writer processes × {args.creates} creates\n"
                      f"{json.dumps(result)}", flush=True)  # fmt: skip
                print_checks(checks)
                report.append({"db": db, "mode": "writers", **result, **checks})
                continue
            for server in servers:
                for users in user_counts:
                    port = free_port()
                    proc, log = start_server(
                        instance, server, port, args.workers, args.threads, args.keep_alive
                    )
                    try:
                        summary, background = asyncio.run(
                            load(instance, f"http://127.0.0.1:{port}", args, users, proc.pid)
                        )
                    finally:
                        stop_server(proc, log)
                    checks = checked_after(instance, Path(log.name))
                    shape = (
                        f"{args.workers}×{args.threads or GUNICORN_THREADS} threads,"
                        f" keep-alive {args.keep_alive} s"
                        if server == "gunicorn-threads"
                        else f"{args.workers} workers"
                        if server == "gunicorn-sync"
                        else f"{args.threads or 'default'} threads"
                    )
                    label = f"{db} · {server} ({shape}) · {users} users · {args.during} during"
                    print_summary(label, users, summary, background)
                    print_checks(checks)
                    report.append(
                        {
                            "db": db,
                            "server": server,
                            "shape": shape,
                            "users": users,
                            "seconds": args.seconds,
                            "think": args.think,
                            "ramp": args.ramp,
                            "during": args.during,
                            **summary,
                            "background": background.__dict__ if background else None,
                            **checks,
                        }
                    )
        finally:
            drop_instance(instance)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2))
    if args.workdir is None:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
