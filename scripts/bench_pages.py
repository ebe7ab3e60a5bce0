"""Page and API benchmark: every GET page and endpoint, as each role, with SQL counts.

Against an existing instance (a database URL and its search index folder; e.g. a hub from
scripts/generate_hub.py), one worker (Flask's test client, in this process): signs in as
ROLE@hub.example for each role (and makes each an API token), then requests every GET route
of the app's url_map, N times each, with real ids from the data in the URL. Prints route,
role, status, p50/p95/p99 in ms and SQL statements per request (counted with a SQLAlchemy
`before_cursor_execute` listener: a number that grows with the data is an N+1).

    python scripts/bench_pages.py --database-url sqlite:///hub/casebook.sqlite3 \\
        --index-dir hub/index --repeat 20 --out docs/benchmarks.md

Bounded: at most --repeat requests per route and role, and a route stops repeating once
it has used --route-seconds; routes not reached within --max-minutes are listed as such.
Routes whose URL needs a parameter the script cannot fill are listed too, so a new route
is never left out unseen. Signing in and the tokens write to the database (sign-ins,
tokens, audit events); nothing else does.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.auth.policy import SYSTEM
from app.serving import settle_for_serving

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

ROLES = ("provider", "expert", "coordinator", "curriculum", "admin")
DEFAULT_PASSWORD = "hub-bench tangerine lighthouse 42"  # noqa: S105 - generate_hub's default
DOMAIN = "hub.example"
SIZES = ("cases", "recommendations", "annotations", "sessions", "topics", "best practices")
SKIPPED_ENDPOINTS = {"static", "search.static"}
# Query strings that make a route do its real work.
QUERIES = {
    "search.search_page": "q={term}",
    "api.api_search": "q={term}",
    "search.similar_fragment": "case_id={case_id}",
}


@dataclass
class Targets:
    """Real values for the URL parameters, chosen so every role may see them."""

    values: dict[str, Any]
    term: str

    def fill(self, rule: Any) -> tuple[str | None, str | None]:
        """(url, None), or (None, the parameter that cannot be filled)."""
        values = {}
        for name in sorted(rule.arguments):
            if name not in self.values:
                return None, name
            values[name] = self.values[name]
        url = rule.build(values, append_unknown=False)[1]
        query = QUERIES.get(rule.endpoint)
        if query:
            url += "?" + query.format(term=self.term, **self.values)
        return url, None


def choose_targets() -> Targets:
    """A closed follow-up case of a public program (with recommendations, annotations and
    outcomes), its session, its most annotated recommendation and the practice with the
    most evidence."""
    from sqlalchemy import func, select

    from app.cases.models import Case, CasePresentation, CaseStatus
    from app.extensions import db
    from app.practices.models import EvidenceLink
    from app.programs.models import Program, Session, Topic
    from app.recommendations.models import Annotation, Outcome, Recommendation

    s = db.session
    recommendations = (
        select(Recommendation.case_id, func.count().label("n"))
        .group_by(Recommendation.case_id)
        .subquery()
    )
    case_id = s.scalar(
        select(Case.id)
        .join(Program, Program.id == Case.program_id)
        .join(recommendations, recommendations.c.case_id == Case.id)
        .where(
            Program.private.is_(False),
            Case.status == CaseStatus.CLOSED,
            Case.follows_id.is_not(None),
            Case.id.in_(select(Outcome.case_id)),
        )
        .order_by(recommendations.c.n.desc(), Case.id)
        .limit(1)
    ) or s.scalar(select(Case.id).order_by(Case.id).limit(1))
    if case_id is None:
        raise SystemExit("The database holds no cases: generate a hub first.")
    case = s.get(Case, case_id)
    recommendation_id = s.scalar(
        select(Recommendation.id)
        .outerjoin(Annotation, Annotation.recommendation_id == Recommendation.id)
        .where(Recommendation.case_id == case_id)
        .group_by(Recommendation.id)
        .order_by(func.count(Annotation.id).desc(), Recommendation.id)
        .limit(1)
    )
    session = s.scalar(
        select(Session)
        .join(CasePresentation, CasePresentation.session_id == Session.id)
        .where(CasePresentation.case_id == case_id)
        .limit(1)
    ) or s.scalar(select(Session).where(Session.program_id == case.program_id).limit(1))
    practice_id = s.scalar(
        select(EvidenceLink.practice_id)
        .group_by(EvidenceLink.practice_id)
        .order_by(func.count().desc(), EvidenceLink.practice_id)
        .limit(1)
    )
    term = s.scalar(select(Topic.name).join(Case.topics).where(Case.id == case_id).limit(1))
    values: dict[str, Any] = {
        "case_id": case_id,
        "slug": case.program.slug,
        "kind": "case",
        "entity_id": case_id,
        "name": "topics",  # /curriculum/<name>.csv
    }
    if recommendation_id is not None:
        values["recommendation_id"] = recommendation_id
    if session is not None:
        values.update(session_id=session.id, number=session.number)
    if practice_id is not None:
        values["practice_id"] = practice_id
    return Targets(values, term or "pain")


@dataclass
class Result:
    route: str
    role: str
    status: str
    times_ms: list[float] = field(default_factory=list)
    # CPU time of this process per request: on a shared machine the wall time includes
    # waiting for a core, the CPU time does not (nor does it include the database server's).
    cpu_ms: list[float] = field(default_factory=list)
    statements: list[int] = field(default_factory=list)
    note: str = ""

    def percentile(self, q: float, values: list[float] | None = None) -> float:
        ordered = sorted(self.times_ms if values is None else values)
        if not ordered:
            return float("nan")
        # nearest rank: with 20 samples p95 is the 19th, p99 the 20th
        rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
        return ordered[rank - 1]

    @property
    def sql(self) -> str:
        if not self.statements:
            return "-"
        low, high = min(self.statements), max(self.statements)
        return str(low) if low == high else f"{low}-{high}"


class StatementCounter:
    def __init__(self, engine: Any) -> None:
        from sqlalchemy import event

        self.count = 0
        event.listen(engine, "before_cursor_execute", self._seen)

    def _seen(self, *_: Any) -> None:
        self.count += 1


def sign_in(app: Any, role: str, password: str) -> tuple[Any, str]:
    """A test client signed in as ROLE@hub.example, and an API token of that account."""
    from app.auth.operations import create_token, get_user_by_email
    from app.extensions import db

    email = f"{role}@{DOMAIN}"
    client = app.test_client()
    response = client.post("/sign-in", data={"email": email, "password": password})
    if response.status_code != 302:
        raise SystemExit(
            f"Signing in as {email} failed (HTTP {response.status_code}): give the hub's"
            " --password, or generate the hub with scripts/generate_hub.py."
        )
    with app.app_context():
        token = create_token(get_user_by_email(email), "bench_pages", days=1, actor=SYSTEM)
        db.session.commit()
    return client, token


def get_routes(app: Any) -> list[Any]:
    rules = [
        r
        for r in app.url_map.iter_rules()
        if "GET" in r.methods and r.endpoint not in SKIPPED_ENDPOINTS
    ]
    return sorted(rules, key=lambda r: r.rule)


def run(args: argparse.Namespace) -> tuple[list[Result], dict[str, Any]]:
    from app import create_app
    from app.extensions import db

    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": args.database_url,
            "CASEBOOK_INDEX_DIR": str(args.index_dir),
            "CASEBOOK_SEARCH_APPLY": "off",  # no applier thread adding its queries to the counts
            # Nor a groupings refresh (run `casebook curriculum refresh` before the benchmark).
            "CASEBOOK_GROUPS_REFRESH": "off",
            "SECRET_KEY": "bench-pages",
            "WTF_CSRF_ENABLED": False,
            "RATELIMIT_ENABLED": False,
        }
    )
    skip = [re.compile(pattern) for pattern in args.skip]
    load_start = os.getloadavg()[0]
    results: list[Result] = []
    deadline = time.perf_counter() + args.max_minutes * 60
    # Set up in an app context, then request outside it: each request gets its own
    # context and database session, as under a server.
    with app.app_context():
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from generate_hub import counts

        sizes: dict[str, Any] = {k: v for k, v in counts().items() if k in SIZES}
        sizes["database"] = db.engine.dialect.name
        targets = choose_targets()
        counter = StatementCounter(db.engine)
        db.session.remove()
    clients = {role: sign_in(app, role, args.password) for role in args.roles}
    if args.gc_freeze:  # as a server does once the app is made
        settle_for_serving()
    sizes["gc"] = "frozen" if args.gc_freeze else "collected"  # text: sizes' ints are counts
    for rule in get_routes(app):
        url, missing = targets.fill(rule)
        if url is None:
            results.append(Result(rule.rule, "-", "-", note=f"no value for <{missing}>"))
            continue
        if any(p.search(rule.rule) for p in skip):
            results.append(Result(url, "-", "-", note="skipped (--skip)"))
            continue
        for role in args.roles:
            client, token = clients[role]
            api = rule.rule.startswith("/api/")
            headers = {"Authorization": f"Bearer {token}"} if api else {}
            result = Result(url, role, "")
            results.append(result)
            if time.perf_counter() > deadline:
                result.note = "not reached (--max-minutes)"
                continue
            client.get(url, headers=headers)  # warm-up: templates, caches, index readers
            spent = 0.0
            statuses: set[int] = set()
            for _ in range(args.repeat):
                before = counter.count
                started, cpu = time.perf_counter(), time.process_time()
                response = client.get(url, headers=headers)
                elapsed = time.perf_counter() - started
                result.cpu_ms.append((time.process_time() - cpu) * 1000)
                result.statements.append(counter.count - before)
                result.times_ms.append(elapsed * 1000)
                statuses.add(response.status_code)
                spent += elapsed
                if spent > args.route_seconds:
                    result.note = f"{len(result.times_ms)} requests (--route-seconds)"
                    break
            result.status = "/".join(str(s) for s in sorted(statuses))
            if args.verbose:
                print(f"  {result.status} {role:<11} {url}", file=sys.stderr)
    # This process is the one worker: its peak resident memory after serving every route.
    sizes["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    sizes["load"] = f"{load_start:.1f} and {os.getloadavg()[0]:.1f}"
    return results, sizes


def markdown(results: list[Result], sizes: dict[str, Any], args: argparse.Namespace) -> str:
    described = ", ".join(f"{v:,} {k}" for k, v in sizes.items() if isinstance(v, int))
    lines = [
        f"Database: {sizes.get('database')}; hub: {described}.",
        f"Each route and role: one warm-up request, then up to {args.repeat} requests"
        f" (one worker, Flask test client); times in ms; SQL = statements per request.",
        f"Peak resident memory of the worker: {sizes.get('peak_rss_mb', 0):.0f} MB."
        f" Load average (1 min) at the start and the end: {sizes.get('load', '?')}.",
        "CPU = this process's CPU time per request, p50 (the database server's is not in it)."
        + (
            " The app's objects were frozen out of the collector (`gc.freeze()`, as a server does)."
            if sizes.get("gc") == "frozen"
            else " The app's objects were left to the collector (`--no-gc-freeze`)."
        ),
        "",
        "| route | role | status | p50 | p95 | p99 | CPU | SQL | note |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for r in results:
        if r.times_ms:
            figures = (
                f"{r.percentile(50):.1f} | {r.percentile(95):.1f} | {r.percentile(99):.1f}"
                f" | {r.percentile(50, r.cpu_ms):.1f}"
            )
        else:
            figures = " | | | "
        lines.append(f"| `{r.route}` | {r.role} | {r.status} | {figures} | {r.sql} | {r.note} |")
    return "\n".join(lines) + "\n"


def write_section(path: Path, label: str, body: str) -> None:
    """Put the table in `path` as the section for this database and size: replaced when the
    file has one already, added at the end otherwise (so notes written around it stay)."""
    start, end = f"<!-- bench_pages: {label} -->", "<!-- /bench_pages -->"
    section = f"{start}\n### {label}\n\n{body}{end}\n"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Page and API benchmark\n"
    if start in text:
        before, _, rest = text.partition(start)
        text = before + section + "\n" + rest.partition(end)[2].lstrip("\n")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def table(results: list[Result]) -> str:
    header = (
        f"{'route':<58} {'role':<11} {'status':>7} {'p50':>8} {'p95':>8} {'p99':>8}"
        f" {'CPU':>8} {'SQL':>7}"
    )
    out = [header, "-" * len(header)]
    for r in results:
        if r.times_ms:
            out.append(
                f"{r.route[:58]:<58} {r.role:<11} {r.status:>7} {r.percentile(50):>8.1f}"
                f" {r.percentile(95):>8.1f} {r.percentile(99):>8.1f}"
                f" {r.percentile(50, r.cpu_ms):>8.1f} {r.sql:>7}"
                + (f"  {r.note}" if r.note else "")
            )
        else:
            out.append(f"{r.route[:58]:<58} {r.role:<11} {'':>7} {r.note}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--index-dir", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=20, help="requests per route and role")
    parser.add_argument("--route-seconds", type=float, default=10.0, help="time per route, role")
    parser.add_argument("--max-minutes", type=float, default=20.0, help="for the whole run")
    parser.add_argument("--roles", default=",".join(ROLES), help="comma-separated")
    parser.add_argument("--skip", action="append", default=[], metavar="REGEX", help="routes")
    parser.add_argument("--password", default=DEFAULT_PASSWORD, help="of the ROLE@ accounts")
    parser.add_argument("--out", type=Path, help="also write the table as Markdown here")
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument(
        "--no-gc-freeze",
        dest="gc_freeze",
        action="store_false",
        help="leave the app's objects to the collector (wsgi.py freezes them)",
    )
    args = parser.parse_args(argv)
    args.roles = [r.strip() for r in args.roles.split(",") if r.strip()]
    unknown = sorted(set(args.roles) - set(ROLES))
    if unknown:
        parser.error(f"--roles: unknown role {unknown[0]!r} (one of {', '.join(ROLES)})")
    if args.repeat < 1:
        parser.error("--repeat must be 1 or more")
    if not args.index_dir.is_dir():
        parser.error(f"--index-dir: no folder at {args.index_dir}")
    from sqlalchemy.exc import ArgumentError, OperationalError

    try:
        results, sizes = run(args)
    except (ArgumentError, OperationalError) as exc:
        problem = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        parser.error(f"--database-url: cannot use the database ({problem})")
    print(table(results))
    print(f"Peak resident memory of this worker: {sizes['peak_rss_mb']:.0f} MB")
    if args.out:
        label = f"{sizes['database']}, {sizes.get('cases', 0):,} cases"
        write_section(args.out, label, markdown(results, sizes, args))
        print(f"Written to {args.out} (section '{label}').")


if __name__ == "__main__":
    main()
