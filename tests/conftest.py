"""Fixtures: an app on a fresh database (SQLite, or PostgreSQL when
CASEBOOK_TEST_DATABASE_URL names a server), and users made through the real operations."""

from __future__ import annotations

import gc
import inspect
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest
from alembic.config import Config as AlembicConfig
from alembic.script import ScriptDirectory
from flask import Flask, g
from flask.testing import FlaskClient
from flask_migrate import stamp
from hypothesis import settings as hypothesis_settings
from jinja2.bccache import Bucket, BytecodeCache
from sqlalchemy import Engine, event
from sqlalchemy.engine.interfaces import Dialect
from sqlalchemy.util import LRUCache
from werkzeug.routing import Rule
from werkzeug.test import TestResponse

from app import create_app, stop_background
from app.auth.models import Role, User
from app.auth.policy import SYSTEM
from app.extensions import db
from tests.support import pg
from tests.support.database import empty_tables, in_fresh_transaction
from tests.support.snapshot import Worlds

PASSWORD = "correct-horse-battery"

# Generated examples per property test (tests/api/test_schemathesis.py: per operation and
# mode). The CI (CI=true, as .ci/run sets) asks the full number; a developer's run asks a
# third of it, still valid and invalid requests of every operation, seeded as in the CI, for
# less than half the CPU of those tests (docs/testing.md). `--hypothesis-profile=ci` asks
# them all.
hypothesis_settings.register_profile("ci", max_examples=15, derandomize=True, database=None)
hypothesis_settings.register_profile("dev", max_examples=5, derandomize=True, database=None)
hypothesis_settings.load_profile("ci" if os.environ.get("CI") == "true" else "dev")
SHARED_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "cases.jsonl"


@pytest.fixture(scope="session")
def database_server() -> Iterator[str | None]:
    """With CASEBOOK_TEST_DATABASE_URL set, one fresh PostgreSQL database for the whole run."""
    base = os.environ.get("CASEBOOK_TEST_DATABASE_URL")
    if not base:
        yield None
        return
    pg.require_server(base)
    url = pg.create_database(base)
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "test", "TESTING": True})
    with app.app_context():
        db.create_all()
        stamp()
        db.engine.dispose()
    try:
        yield url
    finally:
        pg.drop_database(url)


class _RuleWithSharedBuilders(Rule):
    """Each test makes its own app, and generating and compiling the URL builders of its two
    hundred routes (Python code per rule) was most of an app's cost. A builder depends on the
    rule's parts and defaults only and reaches the converters through the rule it is bound
    to, so one compiled per distinct rule serves every app of the process. Parsing a rule's
    text is shared the same way: the parts (regular expressions, weights) depend on the text
    and the map's converter classes only; each rule still gets converters of its own."""

    _builders: ClassVar[dict[tuple[object, ...], Any]] = {}
    _parsed: ClassVar[dict[tuple[object, ...], tuple[list[Any], list[Any], list[Any]]]] = {}
    _converters_made: list[tuple[str, str, Any, Any]] | None = None

    def get_converter(self, variable_name: str, converter_name: str, args: Any, kwargs: Any) -> Any:
        if self._converters_made is not None:
            self._converters_made.append((variable_name, converter_name, args, dict(kwargs)))
        return super().get_converter(variable_name, converter_name, args, kwargs)

    def _parse_rule(self, rule: str) -> Any:
        key = (rule, tuple(self.map.converters.items()))
        kept = self._parsed.get(key)
        if kept is None:
            traced, made = len(self._trace), []
            self._converters_made = made
            try:
                parts = list(super()._parse_rule(rule))
            finally:
                self._converters_made = None
            self._parsed[key] = (parts, self._trace[traced:], made)
            return parts
        parts, trace, made = kept
        self._trace.extend(trace)
        for variable, converter, args, kwargs in made:
            self._converters[variable] = super().get_converter(variable, converter, args, kwargs)
            self.arguments.add(variable)
        return parts

    def _compile_builder(self, append_unknown: bool = True) -> Any:
        defaults = self.defaults or {}
        if any(dynamic and name in defaults for dynamic, name in self._trace):
            return super()._compile_builder(append_unknown)  # a converted default is baked in
        key = (self.rule, tuple(self._trace), tuple(sorted(defaults)), append_unknown)
        builder = self._builders.get(key)
        if builder is None:
            builder = self._builders[key] = super()._compile_builder(append_unknown)
        return builder


Flask.url_rule_class = _RuleWithSharedBuilders


class _CompiledTemplates(BytecodeCache):
    """Templates compiled once per test process, not once per test's app (each app has its
    own Jinja environment). Entries are keyed by the template's source checksum."""

    def __init__(self) -> None:
        self.kept: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.kept.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.kept[bucket.key] = bucket.bytecode_to_string()


_TEMPLATES = _CompiledTemplates()


def _commit_without_waiting_for_the_disk(dbapi_connection: Any, connection_record: Any) -> None:
    """A test's SQLite file is thrown away after it: its commits need not wait for the disk.
    Each commit flushed the write-ahead log to disk (about 4 ms here) and the last connection
    to close flushed the file again, on every test and every request of a test. What a
    transaction sees and what a killed process leaves are unchanged (the data is written to
    the file all the same; only a crash of the machine could lose it)."""
    dbapi_connection.execute("PRAGMA synchronous=OFF")


# Statements compiled per process, by dialect: see `_share_compiled_statements`.
_DIALECTS: dict[tuple[type, str], Dialect] = {}
_COMPILED: dict[tuple[type, str], LRUCache[Any, Any]] = {}


def _share_compiled_statements(engine: Engine) -> None:
    """Each test's app has an engine of its own, and SQLAlchemy keeps compiled statements per
    engine (keyed by its dialect object): every test compiled each statement it ran again, a
    quarter of the CPU of the tests that use the database. Engines of one kind (the dialect's
    class and driver, the same settings for every test app) share the first one's dialect
    object and a statement cache, so a statement is compiled once per process. That first
    dialect has read the server's version and features on its own first connection, as every
    engine's dialect does; each engine's pool keeps its own dialect for its connections."""
    kind = (type(engine.dialect), engine.url.drivername)
    shared = _DIALECTS.get(kind)
    if shared is None:
        with engine.connect():  # the dialect learns the server's version and features
            pass
        _DIALECTS[kind] = engine.dialect
        _COMPILED[kind] = LRUCache(5000)
    else:
        engine.dialect = shared
    engine._compiled_cache = _COMPILED[kind]


# Migration scripts read once per process: see `_shared_script_directory`.
_SCRIPT_DIRECTORIES: dict[tuple[object, ...], ScriptDirectory] = {}
_script_directory_from_config = ScriptDirectory.from_config


def _shared_script_directory(config: AlembicConfig) -> ScriptDirectory:
    """Each Alembic command (an upgrade, a downgrade, a stamp) made a new script directory,
    which read every migration file again and built the revision graph from them: about
    0.1 CPU s a command, three or four in each migration test. The files do not change during
    a run, so one directory (its scripts loaded once) serves every command of the process
    with the same settings; each command still runs env.py and its migrations afresh."""
    made = _script_directory_from_config(config)
    key = (
        made.dir,
        tuple(made.version_locations),
        made.file_template,
        made.truncate_slug_length,
        made.sourceless,
        made.output_encoding,
        made.timezone,
        repr(made.hooks),
        made.recursive_version_locations,
        repr(sorted(made.messaging_opts.items())),
    )
    return _SCRIPT_DIRECTORIES.setdefault(key, made)


ScriptDirectory.from_config = _shared_script_directory  # type: ignore[assignment,method-assign]


def make_app(database_url: str, index_dir: Path, **extra: object) -> Flask:
    settings: dict[str, object] = {
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "SQLALCHEMY_DATABASE_URI": database_url,
        "CASEBOOK_INDEX_DIR": str(index_dir),
        "WTF_CSRF_ENABLED": False,
        "CASEBOOK_PASSWORD_METHOD": "scrypt:1024:8:1",  # cheap hashing keeps the suite fast
        # Tests read through the fixture's session while requests run in their own; with
        # BEGIN IMMEDIATE those reads would hold the write lock. tests/test_sqlite.py covers
        # the immediate mode that the app uses by default.
        "CASEBOOK_SQLITE_BEGIN": "deferred",
        # Batch work run in the test process (a reindex through the CLI runner) must not
        # lower the priority of the process running the rest of the suite.
        "CASEBOOK_BATCH_NICE": 0,
        # A served world signs in from one address far more often than a person would (the
        # XSS slices ten times, a file's browser tests, a test run again); the limit itself
        # is tested with its own settings (tests/auth/test_rate_limits.py).
        "CASEBOOK_RATELIMIT_SIGN_IN": "10000 per minute",
    }
    settings.update(extra)
    application = create_app(settings)
    with application.app_context():
        if db.engine.dialect.name == "sqlite":
            event.listen(db.engine, "connect", _commit_without_waiting_for_the_disk)
        _share_compiled_statements(db.engine)
    application.jinja_env.bytecode_cache = _TEMPLATES
    # Files the app keeps beside its data (the demo's passwords) stay with this test.
    application.instance_path = str(index_dir.parent)
    return application


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty schema built once; each test starts from a copy of the file."""
    path = tmp_path_factory.mktemp("template") / "casebook.sqlite3"
    template_app = make_app(f"sqlite:///{path}", path.parent / "index")
    with template_app.app_context():
        db.create_all()
        stamp()  # so `casebook init` (an upgrade to head) finds nothing to do
        db.engine.dispose()
    return path


@pytest.fixture(scope="session")
def demo_snapshot(
    tmp_path_factory: pytest.TempPathFactory,
    database_server: str | None,
    request: pytest.FixtureRequest,
) -> Path | None:
    """The demo loaded once per run on SQLite, for every worker (see tests/support/demo.py
    and tests/support/shared.py)."""
    if database_server is not None:
        return None
    from tests.support.demo import build_snapshot
    from tests.support.shared import built_once

    template = request.getfixturevalue("sqlite_template")

    def build(folder: Path) -> None:
        build_snapshot(folder, template)

    folder, _ = built_once(tmp_path_factory, "demo-snapshot", build)
    return folder


@pytest.fixture(scope="session")
def world_snapshots(tmp_path_factory: pytest.TempPathFactory) -> Worlds:
    """This process's worlds, each built once (see tests/support/snapshot.py)."""
    return Worlds(tmp_path_factory.mktemp("worlds"))


@pytest.fixture
def worlds(app: Flask, world_snapshots: Worlds, request: pytest.FixtureRequest):
    """`worlds(key, build)`: what `build()` returns, built by the first test of this process
    that asks for `key` and restored for each later one. Settings from
    @pytest.mark.app_config are part of the key."""
    marker = request.node.get_closest_marker("app_config")
    settings = repr(sorted(marker.kwargs.items())) if marker else ""

    def get(key: str, build):
        return world_snapshots.get(app, key + settings, build)

    return get


@pytest.fixture
def world_with_coordinators(worlds, make_user):
    """`build_world` and two coordinators (tests/support/builders.py), one world for every
    file that asks for it."""
    from tests.support.builders import build_world_with_coordinators

    return worlds("world_with_coordinators", lambda: build_world_with_coordinators(make_user))


@pytest.fixture
def demo_data(app: Flask, demo_snapshot: Path | None, world_snapshots: Worlds) -> dict[str, str]:
    """The demo corpus in this test's database and index; the accounts' passwords."""
    from tests.support.demo import load_demo, write_accounts

    if demo_snapshot is not None:
        return load_demo(app, demo_snapshot)
    # PostgreSQL: loaded by this process's first test, its rows restored for the others.
    accounts = world_snapshots.get(app, "demo", lambda: load_demo(app, None))
    write_accounts(accounts)
    return accounts


@pytest.fixture
def app(
    tmp_path: Path, database_server: str | None, request: pytest.FixtureRequest
) -> Iterator[Flask]:
    """Settings can be changed per test with @pytest.mark.app_config(KEY=value)."""
    marker = request.node.get_closest_marker("app_config")
    extra = marker.kwargs if marker else {}
    if database_server is None:
        database_file = tmp_path / "casebook.sqlite3"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), database_file)
    url = database_server or f"sqlite:///{database_file}"
    application = make_app(url, tmp_path / "index", **extra)
    with application.app_context():
        yield application
        stop_background(application)  # a thread left running writes into the next test's data
        db.session.remove()
        if database_server is not None:
            in_fresh_transaction(empty_tables)
        db.engine.dispose()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def make_user(app: Flask):
    from app.auth.operations import create_user

    def factory(role: str | Role = "provider", *, email: str | None = None, programs=()) -> User:
        role = Role(role)
        count = db.session.query(User).count()
        user = create_user(
            email or f"{role.value}{count}@example.org",
            f"{role.label} {count}",
            role,
            password=PASSWORD,
            program_slugs=programs,
            actor=SYSTEM,
        )
        db.session.commit()
        return user

    return factory


def sign_in(client: FlaskClient, user: User) -> None:
    response = client.post(
        "/sign-in", data={"email": user.email, "password": PASSWORD}, follow_redirects=False
    )
    assert response.status_code == 302, response.get_data(as_text=True)


def page_as(app: Flask, user: User, url: str) -> TestResponse:
    """`url` fetched by a fresh client signed in as `user`."""
    # The test's app context outlives each request: Flask-Login would keep the user it
    # loaded for an earlier request and the sign-in would see someone already signed in.
    g.pop("_login_user", None)
    reader = app.test_client()
    sign_in(reader, user)
    return reader.get(url)


# Tests between two collections over the whole heap; see `_settle_heap`.
FULL_COLLECTION_EVERY = 100
_tests_since_full_collection = 0


def _settle_heap() -> None:
    """What has survived so far out of the cyclic collector's watch (as
    `app.serving.settle_for_serving` does for a server). A test process holds the app, the test
    modules and the caches they fill, and every full collection walked all of it: a search
    index rebuild collects once per batch, which cost a second or more per rebuild late in a
    worker's run. Frozen after each test, a collection walks only the objects made since.
    Some of what a test leaves becomes garbage later (module fixtures, the last test's app),
    so every FULL_COLLECTION_EVERY tests the heap is collected whole: frozen for good, that
    garbage made a worker grow to 3 GB."""
    global _tests_since_full_collection
    _tests_since_full_collection += 1
    if _tests_since_full_collection >= FULL_COLLECTION_EVERY:
        _tests_since_full_collection = 0
        gc.unfreeze()
    gc.collect()
    gc.freeze()


@pytest.hookimpl(wrapper=True)
def pytest_collection(session: pytest.Session) -> Iterator[object]:
    """Test modules are imported with their asserts rewritten, about 7 CPU s for the suite in
    each worker, and cached as bytecode beside them for the next run; where
    PYTHONDONTWRITEBYTECODE is set (as on the 2-core machine and in the CI) nothing was
    cached and every worker of every run paid it again. Bytecode is written while the
    suite is collected (the test modules and the app's modules they import first); the
    setting holds again for the rest of the run."""
    setting = sys.dont_write_bytecode
    sys.dont_write_bytecode = False
    try:
        return (yield)
    finally:
        sys.dont_write_bytecode = setting


def pytest_collection_finish(session: pytest.Session) -> None:
    _settle_heap()


def pytest_sessionfinish(session: pytest.Session) -> None:
    children = sys.modules.get("tests.support.children")
    if children is not None:  # its forkserver, if a test started one, ends with the run
        children.stop()
    databases = sys.modules.get("tests.support.pg")
    if databases is not None:  # the PostgreSQL databases the run dropped in the background
        databases.drop_pending()


@pytest.hookimpl(trylast=True)
def pytest_runtest_logfinish(nodeid: str, location: tuple[str, int | None, str]) -> None:
    _settle_heap()


# Files whose tests are slices of one long check (each slice starts its own world): xdist
# hands their tests to workers one by one instead of the whole file to one worker, so the
# slices run side by side instead of making the run's tail.
SPREAD_FILES = frozenset({"tests/api/test_schemathesis.py", "tests/browser/test_xss.py"})


@pytest.hookimpl(tryfirst=True, optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    class SpreadSlices(LoadFileScheduling):
        slices_first = False

        def _split_scope(self, nodeid: str) -> str:
            path = nodeid.split("::", 1)[0]
            return nodeid if path in SPREAD_FILES else path

        def _assign_work_unit(self, node: Any) -> None:
            # xdist hands out the files with the most tests first, which left the slices
            # (one test each, the longest tests of the run) for the end, where a worker
            # finishing one made the tail while the other idled. They go first instead.
            if not self.slices_first:
                self.slices_first = True
                for scope in reversed(list(self.workqueue)):
                    if scope.split("::", 1)[0] in SPREAD_FILES:
                        self.workqueue.move_to_end(scope, last=False)
            super()._assign_work_unit(node)

    return SpreadSlices(config, log)


_POSTGRES_WORDS = ("CASEBOOK_TEST_DATABASE_URL", "support import pg", "database_server", "postgres")


def _reaches_postgres(module: object) -> bool:
    """A module that may open a database other than through the `app` fixture."""
    try:
        source = inspect.getsource(module)  # type: ignore[arg-type]
    except (OSError, TypeError):
        return True
    return any(word in source for word in _POSTGRES_WORDS)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """On the PostgreSQL pass, a test that never opens a database (the detector's, the
    analyzer's) would only repeat the SQLite pass's answer: it is left out."""
    if not os.environ.get("CASEBOOK_TEST_DATABASE_URL"):
        return
    keep, repeat = [], []
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        module = getattr(item, "module", None)
        if names & {"app", "database_server"} or _reaches_postgres(module):
            keep.append(item)
        else:
            repeat.append(item)
    if repeat:
        config.hook.pytest_deselected(items=repeat)
        items[:] = keep


@pytest.fixture
def smtp_sink(app: Flask):
    """A local SMTP server the app sends its mail to (CASEBOOK_SMTP_URL points at it)."""
    from tests.support.smtp import smtp_sink as start_sink

    with start_sink() as sink:
        app.config["CASEBOOK_SMTP_URL"] = sink.url
        app.config["CASEBOOK_MAIL_FROM"] = "casebook@example.org"
        app.config["CASEBOOK_BASE_URL"] = "https://casebook.example.org"
        yield sink
