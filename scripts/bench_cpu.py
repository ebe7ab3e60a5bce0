"""CPU time and SQL statements per request, for each kind of request of the load mix.

Latency under load depends on everything else the machine runs; the CPU a request costs
does not (much). This drives the app in this process with Flask's test client (no server,
no network) and reads `time.thread_time()` around each request: the CPU of the serving
thread, which is what caps requests per second per core. It also counts the SQL statements
each request sends (from this thread only; the search applier runs in its own).

By default it builds its own instance like scripts/bench_load.py (a temporary folder; the
demo corpus; a SQLite file, or with `--db postgres` a database it creates and drops). With
`--database-url` and `--index-dir` it uses an existing instance instead, such as a hub from
scripts/generate_hub.py (signing in as ROLE@hub.example; its `api write` requests add draft
cases to that database).

    python scripts/bench_cpu.py                        # demo corpus, SQLite
    python scripts/bench_cpu.py --db postgres --json after.json --compare before.json
    python scripts/bench_cpu.py --database-url sqlite:///hub/casebook.sqlite3 \\
        --index-dir hub/index --profile "case page"

Bounded: one warm-up round, then `--repeat` rounds; each round sends one request of every
kind, so drift in the machine's speed spreads over all kinds alike. `--profile KIND` then
runs cProfile over `--repeat` more requests of that kind (`mix`: of the weighted mix) and
prints where the time goes.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import random
import re
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_load import MIX, OPEN_STATUSES, PG_DEFAULT, SEARCH_TERMS  # noqa: E402

HUB_PASSWORD = "hub-bench tangerine lighthouse 42"  # noqa: S105 - generate_hub's default
HUB_ROLES = ("provider", "expert", "coordinator", "curriculum", "admin")
CSRF = re.compile(r'<meta name="csrf-token" content="([^"]+)"')
KINDS = [kind for kind, _ in MIX] + ["sign-in"]


class StatementCounter:
    """SQL statements sent by the thread that serves the requests."""

    def __init__(self, engine: Any) -> None:
        from sqlalchemy import event

        self.count = 0
        self.thread = threading.get_ident()
        event.listen(engine, "before_cursor_execute", self._seen)

    def _seen(self, *_: Any) -> None:
        if threading.get_ident() == self.thread:
            self.count += 1


def sign_in(app: Any, email: str, password: str) -> Any:
    client = app.test_client()
    page = client.get("/sign-in")
    token = CSRF.search(page.get_data(as_text=True))
    data = {"email": email, "password": password, "csrf_token": token.group(1) if token else ""}
    response = client.post("/sign-in", data=data)
    if response.status_code != 302:
        raise SystemExit(f"signing in as {email} failed (HTTP {response.status_code})")
    return client


class Mix:
    """Requests of the load mix, as bench_load.py sends them, against the test client."""

    def __init__(self, app: Any, accounts: dict[str, str], token: str) -> None:
        self.app = app
        self.accounts = sorted(accounts.items())
        self.clients = [sign_in(app, email, password) for email, password in self.accounts]
        self.api = {"Authorization": f"Bearer {token}"}
        api = app.test_client()
        listed = api.get("/api/v1/programs", headers=self.api).get_json()["results"]
        me = api.get("/api/v1/me", headers=self.api).get_json()
        member = {p.get("slug") if isinstance(p, dict) else p for p in me.get("programs", [])}
        private = {p["slug"] for p in listed if p.get("private")}
        self.programs = [p["slug"] for p in listed if p["slug"] in member] or [
            p["slug"] for p in listed
        ]
        cases = []  # by status: the drafts `api write` adds would fill a first page
        for status in sorted(OPEN_STATUSES):
            url = f"/api/v1/cases?per_page=100&status={status}"
            cases += api.get(url, headers=self.api).get_json()["results"]
        self.case_ids = sorted(
            c["id"] for c in cases if c["status"] in OPEN_STATUSES and c["program"] not in private
        ) or [1]
        self.n = 0

    def send(self, kind: str) -> int:
        self.n += 1
        rng = random.Random(self.n)
        client = self.clients[self.n % len(self.clients)]
        case_id, term = rng.choice(self.case_ids), rng.choice(SEARCH_TERMS)
        if kind == "sign-in":
            email, password = self.accounts[self.n % len(self.accounts)]
            fresh = self.app.test_client()
            page = fresh.get("/sign-in")
            token = CSRF.search(page.get_data(as_text=True))
            data = {"email": email, "password": password, "csrf_token": token.group(1)}
            return fresh.post("/sign-in", data=data).status_code
        if kind == "search page":
            return client.get("/search", query_string={"q": term}).status_code
        if kind == "case page":
            return client.get(f"/cases/{case_id}").status_code
        if kind == "program page":
            return client.get(f"/programs/{rng.choice(self.programs)}").status_code
        if kind == "home page":
            return client.get("/").status_code
        if kind == "api cases":
            return client.get("/api/v1/cases?per_page=20", headers=self.api).status_code
        if kind == "api search":
            return client.get(
                "/api/v1/search", query_string={"q": term}, headers=self.api
            ).status_code
        if kind == "api case":
            return client.get(f"/api/v1/cases/{case_id}", headers=self.api).status_code
        if kind == "api write":
            body = {
                "program": rng.choice(self.programs),
                "title": f"CPU bench draft {self.n}: adult with chronic hepatitis C and diabetes",
                "question": "Which direct-acting antiviral regimen and how to monitor glucose?",
                "presentation": "## History\n\nTreatment-naive, genotype 1a, no cirrhosis.",
            }
            return client.post("/api/v1/cases", json=body, headers=self.api).status_code
        if kind == "health":
            return client.get("/healthz").status_code
        raise ValueError(kind)


def measure(mix: Mix, counter: StatementCounter, kinds: list[str], repeat: int) -> dict:
    samples: dict[str, dict[str, list[float]]] = {
        k: {"cpu": [], "wall": [], "sql": []} for k in kinds
    }
    statuses: dict[str, set[int]] = {k: set() for k in kinds}
    for kind in kinds:  # warm-up: templates, caches, index readers
        mix.send(kind)
    for _ in range(repeat):
        for kind in kinds:
            before, cpu, wall = counter.count, time.thread_time(), time.perf_counter()
            statuses[kind].add(mix.send(kind))
            samples[kind]["cpu"].append((time.thread_time() - cpu) * 1000)
            samples[kind]["wall"].append((time.perf_counter() - wall) * 1000)
            samples[kind]["sql"].append(counter.count - before)
    return {
        kind: {
            "cpu_ms_mean": round(statistics.fmean(s["cpu"]), 2),
            "cpu_ms_median": round(statistics.median(s["cpu"]), 2),
            "wall_ms_median": round(statistics.median(s["wall"]), 2),
            "sql_mean": round(statistics.fmean(s["sql"]), 1),
            "statuses": sorted(statuses[kind]),
        }
        for kind, s in samples.items()
    }


def weighted_mix(rows: dict) -> float:
    total = sum(w for k, w in MIX if k in rows)
    return sum(rows[k]["cpu_ms_mean"] * w for k, w in MIX if k in rows) / max(1, total)


def print_table(rows: dict, before: dict | None) -> None:
    head = f"{'request':<14} {'CPU ms':>8} {'median':>8} {'wall ms':>8} {'SQL':>6}"
    if before:
        head += f" {'before':>8} {'change':>8}"
    print(head + "  status")
    print("-" * len(head))
    for kind, r in rows.items():
        line = (
            f"{kind:<14} {r['cpu_ms_mean']:>8.1f} {r['cpu_ms_median']:>8.1f}"
            f" {r['wall_ms_median']:>8.1f} {r['sql_mean']:>6.1f}"
        )
        if before and kind in before:
            was = before[kind]["cpu_ms_mean"]
            line += f" {was:>8.1f} {100 * (r['cpu_ms_mean'] - was) / was:>+7.0f}%"
        print(line + "  " + "/".join(str(s) for s in r["statuses"]))
    mixed = weighted_mix(rows)
    line = f"{'mix (weighted)':<14} {mixed:>8.1f}"
    if before:
        was = weighted_mix(before)
        line += f" {'':>8} {'':>8} {'':>6} {was:>8.1f} {100 * (mixed - was) / was:>+7.0f}%"
    print(line)


def profile(mix: Mix, kind: str, repeat: int, top: int) -> None:
    profiler = cProfile.Profile(time.thread_time)  # CPU of this thread, not waiting
    rng = random.Random(0)
    kinds, weights = [k for k, _ in MIX], [w for _, w in MIX]
    profiler.enable()
    for _ in range(repeat):
        mix.send(kind if kind != "mix" else rng.choices(kinds, weights)[0])
    profiler.disable()
    for order in ("tottime", "cumulative"):
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out).strip_dirs().sort_stats(order)
        stats.print_stats(top)
        print(f"\n--- profile of {repeat} × {kind}, by {order} (CPU seconds)\n")
        print(out.getvalue().split("\n", 4)[-1].rstrip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", default="sqlite", choices=("sqlite", "postgres"))
    parser.add_argument("--pg-url", default=PG_DEFAULT, help="server to create the DB on")
    parser.add_argument("--database-url", help="an existing instance instead of the demo")
    parser.add_argument("--index-dir", type=Path, help="its search index (with --database-url)")
    parser.add_argument("--password", default=HUB_PASSWORD, help="of ROLE@hub.example")
    parser.add_argument("--repeat", type=int, default=40, help="rounds of every kind")
    parser.add_argument("--kinds", default=",".join(KINDS), help="comma-separated")
    parser.add_argument(
        "--profile", action="append", default=[], metavar="KIND", help="a kind, or mix"
    )
    parser.add_argument("--top", type=int, default=30, help="profile lines")
    parser.add_argument(
        "--keep",
        type=Path,
        help="SQLite: build the demo instance in this folder and keep it, or reuse it",
    )
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--compare", type=Path, help="figures of an earlier --json run")
    args = parser.parse_args()
    kinds = [k.strip() for k in args.kinds.split(",") if k.strip()]
    unknown = sorted(set(kinds + args.profile) - set(KINDS) - {"mix"})
    if unknown:
        parser.error(f"unknown kind {unknown[0]!r}; one of {', '.join(KINDS)}")
    if bool(args.database_url) != bool(args.index_dir):
        parser.error("--database-url and --index-dir go together")
    if args.keep and args.db != "sqlite":
        parser.error("--keep is for SQLite")
    args.repeat = max(1, min(args.repeat, 1000))

    instance = None
    if args.database_url:
        os.environ["CASEBOOK_DATABASE_URL"] = args.database_url
        os.environ["CASEBOOK_INDEX_DIR"] = str(args.index_dir)
        os.environ.setdefault("CASEBOOK_SECRET_KEY", "bench-cpu")
        accounts = {f"{role}@hub.example": args.password for role in HUB_ROLES}
    elif args.keep and (args.keep / "sqlite" / "instance" / "demo-accounts.json").exists():
        folder = args.keep / "sqlite"  # a demo instance an earlier --keep run made
        os.environ.pop("CASEBOOK_DATABASE_URL", None)  # its SQLite file, in the instance
        os.environ["CASEBOOK_INSTANCE_PATH"] = str(folder / "instance")
        os.environ["CASEBOOK_INDEX_DIR"] = str(folder / "index")
        os.environ["CASEBOOK_SECRET_KEY"] = "bench-load-secret"  # noqa: S105 - as bench_load
        accounts = json.loads((folder / "instance" / "demo-accounts.json").read_text())
    else:
        from bench_load import make_instance

        workdir = args.keep or Path(tempfile.mkdtemp(prefix="casebook-cpu-"))
        workdir.mkdir(parents=True, exist_ok=True)
        instance = make_instance(args.db, workdir, args.pg_url)
        os.environ.update(instance.env)
        accounts = instance.accounts
        if args.keep:
            instance = None  # kept for the next run (its api write requests add drafts)
    os.environ["CASEBOOK_RATELIMIT_SIGN_IN"] = "100000 per minute"
    os.environ["CASEBOOK_RATELIMIT_TOKENS"] = "100000 per minute"

    from app import create_app
    from app.auth.operations import create_token, get_user_by_email
    from app.auth.policy import SYSTEM
    from app.extensions import db

    app = None
    try:
        app = create_app()
        with app.app_context():
            provider = min(e for e in accounts if e.startswith("provider@"))
            token = create_token(get_user_by_email(provider), "bench_cpu", days=1, actor=SYSTEM)
            db.session.commit()
            counter = StatementCounter(db.engine)
            dialect = db.engine.dialect.name
        mix = Mix(app, accounts, token)
        print(
            f"bench_cpu: {dialect}, {len(mix.case_ids)} open cases in the mix,"
            f" {args.repeat} rounds; load average {os.getloadavg()[0]:.1f}",
            flush=True,
        )
        rows = measure(mix, counter, kinds, args.repeat)
        before = json.loads(args.compare.read_text()) if args.compare else None
        print_table(rows, before)
        if args.json:
            args.json.write_text(json.dumps(rows, indent=2))
        for kind in args.profile:
            profile(mix, kind, args.repeat, args.top)
    finally:
        if instance is not None:
            import shutil

            from bench_load import drop_instance

            if app is not None:
                with app.app_context():
                    db.engine.dispose()
            drop_instance(instance)
            shutil.rmtree(instance.workdir.parent, ignore_errors=True)


if __name__ == "__main__":
    main()
