"""Import and export of cases: Markdown files with YAML front matter, and JSON Lines.

Each file is all-or-nothing: every record is checked first, and any problem leaves the
database as it was, with each problem named by file, record and field.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from collections.abc import Callable, Container, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time
from pathlib import Path
from time import sleep
from typing import Any

import frontmatter
import yaml
from flask import current_app
from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import object_session, selectinload

from app.audit.operations import record
from app.auth import policy
from app.auth.models import Role, User
from app.auth.operations import create_user, get_user_by_email
from app.auth.policy import OPEN_STATUSES, Actor, Permission
from app.batch import batch_nice
from app.cases.bulk import NewCases
from app.cases.locking import hold_case
from app.cases.models import Case, CaseStatus, WithdrawalReason, case_topics
from app.cases.operations import (
    REF_PROBLEM,
    CaseData,
    create_case,
    export_age,
    find_case_by_ref,
    free_field_scans,
    key_is_identifier,
    ref_is_identifier,
    ref_scans,
    schedule,
    set_status,
    update_case,
)
from app.common import text_key, utcnow
from app.deid.detector import Finding
from app.deid.gate import (
    SHORT_TEXT,
    Acceptance,
    IdentifiersFound,
    hidden_message,
    parse_acceptances,
    prescan,
    redact,
    remember,
    scanning_once,
    text_variants,
)
from app.deid.models import DeidOverride
from app.deid.parallel import ScanPool
from app.errors import CasebookError, PermissionDenied, ValidationError
from app.extensions import db, reading, reading_engine
from app.inputs import (
    FIELD_KEY,
    MAX_JSON_DEPTH,
    bounded_date,
    check_texts,
    json_depth,
    shown_email,
)
from app.practices.conflicts import NEW_CASE, imported_conflicts
from app.programs.models import Program
from app.programs.operations import find_program, program_for_import, session_on
from app.programs.terms import known_keys
from app.recommendations.models import (
    Annotation,
    Outcome,
    Recommendation,
    RecommendationStatus,
    RecommendationVersion,
)
from app.recommendations.operations import (
    add_recommendation,
    annotate,
    edit_annotation,
    edit_recommendation,
    publish,
    record_outcome,
    versions_seen_by,
)
from app.subscriptions.models import Subscription
from app.subscriptions.operations import announce_cases

MARKDOWN_SUFFIXES = {".md", ".markdown"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
KNOWN_KEYS = {
    "ref",
    "program",
    "session_date",
    "title",
    "age",
    "sex",
    "presenter",
    "question",
    "presentation",
    "topics",
    "fields",
    "recommendations",
    "status",
    "follows",
    "outcomes",
    "presentations",
    "overrides",
    "withdrawn_at",
    "withdrawal_reason",
}
REQUIRED_KEYS = ("ref", "program", "title")
_REF = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")

Progress = Callable[..., Any]


@dataclass
class ImportOptions:
    create_programs: bool = False
    create_authors: bool = False
    # Replace identifiers with [CATEGORY] placeholders instead of rejecting the file.
    redact: bool = False
    # Replace items edited in the app since their last import with the file's version.
    overwrite: bool = False
    # Check and count everything, then roll the file back: nothing is written.
    dry_run: bool = False


@dataclass
class ImportResult:
    path: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: list[str] = field(default_factory=list)
    # Item by item (ref, kind, key and what happened; never text): what the file changed.
    changes: list[str] = field(default_factory=list)
    # Items edited in the app since their last import, left as the app has them.
    conflicts: list[str] = field(default_factory=list)
    # What --redact replaced: file, ref, field, category and offsets; never the text.
    redactions: list[dict[str, Any]] = field(default_factory=list)
    # Recommendations written that may contradict a current best practice (a warning).
    practice_warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        return (
            f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged,"
            f" {len(self.conflicts)} conflicts"
        )


class RecordProblem(Exception):
    def __init__(self, field_name: str | None, message: str) -> None:
        super().__init__(message)
        self.field = field_name
        self.message = message


def _as_written(item: Mapping[str, Any], key: str) -> Any:
    """A field as the file has it (None when absent), for an operation that checks it."""
    return item.get(key)


@dataclass
class SourceFile:
    path: Path
    records: list[tuple[int, dict[str, Any]]]
    problems: list[str]


# ---------------------------------------------------------------- reading files


def collect_files(paths: Iterable[Path]) -> list[Path]:
    """Files named directly, and the case files inside folders (README files skipped)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = [
                candidate
                for candidate in sorted(path.rglob("*"))
                if candidate.is_file()
                and not candidate.name.lower().startswith("readme")
                and candidate.suffix.lower() in MARKDOWN_SUFFIXES | JSONL_SUFFIXES
            ]
            # A folder with nothing to import is a wrong path, not an import of nothing.
            if not found:
                raise ValidationError(
                    f"{path} holds no Markdown (.md) or JSON Lines (.jsonl) files.",
                    field="paths",
                )
            files.extend(found)
        else:
            files.append(path)
    return files


def read_file(path: Path) -> SourceFile:
    suffix = path.suffix.lower()
    try:
        data = path.read_bytes()
    except OSError as exc:
        return SourceFile(path, [], [f"{path}: cannot be read ({exc.strerror})"])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return SourceFile(path, [], [f"{path} line {line}: not UTF-8 text (byte {exc.start})"])
    if suffix in MARKDOWN_SUFFIXES:
        return _read_markdown(path, text)
    if suffix in JSONL_SUFFIXES:
        return _read_jsonl(path, text)
    return SourceFile(path, [], [f"{path}: not a Markdown (.md) or JSON Lines (.jsonl) file"])


def _read_markdown(path: Path, text: str) -> SourceFile:
    if not text.lstrip().startswith("---"):
        return SourceFile(
            path, [], [f"{path}: no YAML front matter (the file must start with ---)"]
        )
    try:
        post = frontmatter.loads(text, handler=_FrontMatter())
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        return SourceFile(path, [], [f"{path}: malformed front matter{where}: {problem}"])
    except RecursionError:
        return SourceFile(path, [], [f"{path}: malformed front matter: nested too deeply to read"])
    meta = dict(post.metadata)
    if not meta:
        return SourceFile(path, [], [f"{path}: the front matter is empty"])
    if "presentation" in meta and post.content.strip():
        return SourceFile(
            path,
            [],
            [
                f"{path} record 1 field 'presentation': given both in the front matter"
                " and as the body"
            ],
        )
    meta.setdefault("presentation", post.content)
    return SourceFile(path, [(1, meta)], [])


class _FrontMatterLoader(yaml.SafeLoader):
    """Safe YAML that leaves dates as text: `session_date: 2026-13-45` then reaches the
    record's own date check, which names the field, instead of failing inside YAML."""


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class _FrontMatter(frontmatter.YAMLHandler):
    def load(self, fm: str, **kwargs: Any) -> Any:
        return yaml.load(fm, Loader=_FrontMatterLoader)  # noqa: S506 - a SafeLoader


def _read_jsonl(path: Path, text: str) -> SourceFile:
    records: list[tuple[int, dict[str, Any]]] = []
    problems: list[str] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        depth = json_depth(line.encode("utf-8", "surrogatepass"))
        if depth > MAX_JSON_DEPTH:
            problems.append(
                f"{path} line {number}: nests {depth} levels deep;"
                f" at most {MAX_JSON_DEPTH} are accepted"
            )
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"{path} line {number}: not valid JSON ({exc.msg}, column {exc.colno})")
            continue
        if not isinstance(value, dict):
            problems.append(f"{path} line {number}: a record must be a JSON object")
            continue
        records.append((number, value))
    if not records and not problems:
        problems.append(f"{path}: no records")
    return SourceFile(path, records, problems)


def shown_ref(ref: Any) -> str | None:
    """A ref as a message may repeat it: None for one that is no ref (never echo control
    characters) or that reads as a patient identifier (the record's number names it)."""
    if not isinstance(ref, str) or not _REF.fullmatch(ref) or ref_is_identifier(ref):
        return None
    return ref


def shown_key(key: Any) -> str | None:
    """An item's key as a message may repeat it: None for one that is no key or that reads
    as a patient identifier."""
    if not isinstance(key, str) or not _KEY.fullmatch(key) or key_is_identifier(key):
        return None
    return key


def shown_name(name: Any) -> str | None:
    """A topic's or a practice's name as a message may repeat it: None for one that is no
    short line of text or that reads as a patient identifier."""
    if not isinstance(name, str) or not name.isprintable() or not 0 < len(name) <= 100:
        return None
    return None if ref_is_identifier(name) else name


def unknown_field(where: str, name: Any, what: str) -> RecordProblem:
    """A field the record should not have: its name is repeated only when it reads as a
    field's name and no identifier (a key of a file can hold any text a value can)."""
    if isinstance(name, str) and FIELD_KEY.fullmatch(name) and not ref_is_identifier(name):
        return RecordProblem(f"{where}.{name}" if where else name, f"is not a known field {what}")
    return RecordProblem(
        where, f"has a field whose name is not repeated: it is not a known field {what}"
    )


def _record_label(path: Path, number: int, raw: dict[str, Any]) -> str:
    unit = "line" if path.suffix.lower() in JSONL_SUFFIXES else "record"
    ref = shown_ref(raw.get("ref"))
    return f"{path} {unit} {number}" + (f" (ref {ref})" if ref else "")


# ---------------------------------------------------------------- importing


def import_paths(
    paths: list[Path],
    options: ImportOptions | None = None,
    *,
    actor: Actor,
    progress: Progress | None = None,
    jobs: int = 1,
) -> list[ImportResult]:
    """Import every file under `paths`; one transaction per file.

    With `jobs` above one (and enough records to pay for starting them) that many worker
    processes scan the files' texts for identifiers ahead of the import; the results are
    the same as with one.

    A dry run rolls each file's changes back before the next file, so that on SQLite other
    writers wait for one file at most; a file whose records follow (or update) cases an
    earlier file defines sees them: those files are run again before it, in its transaction."""
    policy.require(actor, Permission.IMPORT_DATA)
    options = options or ImportOptions()
    sources = [read_file(p) for p in collect_files(paths)]
    sources = _order_by_dependencies(sources)
    results: list[ImportResult] = []
    records = sum(len(s.records) for s in sources if not s.problems)
    pool = (
        ScanPool(jobs, nice=batch_nice(current_app.config))
        if jobs > 1 and records >= PARALLEL_MIN_RECORDS
        else None
    )
    earlier = _earlier_files(sources) if options.dry_run else {}
    # The scans of the import's short texts (topic names, titles), kept from file to file:
    # a name that comes back in many files is scanned once.
    short: dict[str, list[Finding]] = {}
    try:
        if pool is not None:
            known = _known_topic_keys((s.records for s in sources if not s.problems), actor)
            sent: set[tuple[str, bool]] = set()
            for number, source in enumerate(sources):
                if not source.problems:
                    items = _scan_items(source.records, options.redact, known)
                    pool.submit(number, _not_sent(items, sent))

        def one(number: int, source: SourceFile) -> None:
            with scanning_once(short):  # each text of the file is scanned for identifiers once
                if pool is not None:
                    _end_reads()  # other writers go on while the scanning processes finish
                    remember(*pool.results(number))
                if not options.dry_run:
                    results.append(import_source(source, options, actor=actor))
                elif not earlier[number]:
                    results.append(import_source(source, options, actor=actor))
                    db.session.rollback()
                else:
                    # One savepoint around the files it needs and itself, so that neither
                    # `_end_reads` nor releasing a file's own savepoint commits them.
                    replay = db.session.begin_nested()
                    for before in earlier[number]:
                        import_source(sources[before], options, actor=actor)
                    results.append(import_source(source, options, actor=actor))
                    if replay.is_active:
                        replay.rollback()
                    db.session.rollback()

        bar = (
            progress(sources, "Importing", len(sources)) if progress and len(sources) > 1 else None
        )
        if bar is not None:
            with bar as items:
                for number, source in enumerate(items):
                    one(number, source)
        else:
            for number, source in enumerate(sources):
                one(number, source)
    finally:
        if pool is not None:
            pool.close()
        if options.dry_run:
            db.session.rollback()
    return results


# Fewer records than this are scanned in the importing process: starting workers (about
# a second each) would cost more than it saves.
PARALLEL_MIN_RECORDS = 50


def _order_by_dependencies(sources: list[SourceFile]) -> list[SourceFile]:
    """Files whose follow-ups point at refs defined in other files come after those files."""
    defined = {
        raw["ref"]: i
        for i, source in enumerate(sources)
        for _, raw in source.records
        if isinstance(raw.get("ref"), str)
    }
    ordered: list[SourceFile] = []
    state: dict[int, str] = {}

    def visit(i: int) -> None:
        if state.get(i) == "done" or state.get(i) == "visiting":
            return
        state[i] = "visiting"
        for _, raw in sources[i].records:
            target = (
                defined.get(raw.get("follows")) if isinstance(raw.get("follows"), str) else None
            )
            if target is not None and target != i:
                visit(target)
        state[i] = "done"
        ordered.append(sources[i])

    for i in range(len(sources)):
        visit(i)
    return ordered


def _earlier_files(sources: list[SourceFile]) -> dict[int, list[int]]:
    """For each file (in import order), the earlier files defining a ref its records follow
    or update, with the files those need in turn, in import order."""
    defined: dict[str, int] = {}
    needs: dict[int, set[int]] = {}
    for i, source in enumerate(sources):
        direct = {
            defined[value]
            for _, raw in source.records
            for value in (raw.get("ref"), raw.get("follows"))
            if isinstance(value, str) and value in defined
        }
        needs[i] = set(direct).union(*(needs[d] for d in direct))
        for _, raw in source.records:
            if isinstance(raw.get("ref"), str):
                defined.setdefault(raw["ref"], i)
    return {i: sorted(found) for i, found in needs.items()}


def import_source(source: SourceFile, options: ImportOptions, *, actor: Actor) -> ImportResult:
    result = ImportResult(path=str(source.path), problems=list(source.problems))
    if result.problems:
        return result
    seen: dict[str, int] = {}
    for number, raw in source.records:
        ref = raw.get("ref")
        if isinstance(ref, str) and ref in seen:
            result.problems.append(
                f"{_record_label(source.path, number, raw)} field 'ref': duplicate of the record"
                f" at {seen[ref]} in the same file"
            )
        elif isinstance(ref, str):
            seen[ref] = number
    if result.problems:
        return result
    _end_reads()
    if options.redact:
        # Before the file's transaction, not in it: on SQLite other writers wait meanwhile.
        records = [(n, _redact_record(raw, source.path, result)) for n, raw in source.records]
        source = SourceFile(source.path, records, [])
    # Scanned now, so that the gate does not scan holding the lock; a topic already in the
    # vocabulary is left out (the gate does not check it: it passed when it was added).
    prescan(_texts(source.records, _known_topic_keys([source.records], actor)))
    redactions = list(result.redactions)
    for attempt in range(1, IMPORT_ATTEMPTS + 1):
        try:
            return _import_records(source, options, actor, result)
        except (OperationalError, IntegrityError) as exc:
            # Another writer got there first: SQLite busy past its timeout, a PostgreSQL
            # deadlock, or a case, program or account another importer has just created.
            # The file's transaction is gone; a fresh attempt sees what they committed.
            db.session.rollback()
            if attempt == IMPORT_ATTEMPTS:
                result = ImportResult(path=str(source.path))
                result.problems.append(
                    f"{source.path}: the database refused the changes {IMPORT_ATTEMPTS} times"
                    f" ({type(exc.orig).__name__}: other writers were changing the same rows"
                    " or held the database); try this file again"
                )
                return result
            result = ImportResult(path=str(source.path), redactions=list(redactions))
            sleep(random.uniform(0.05, 0.2) * attempt)  # noqa: S311 - spreading retries
    return result


IMPORT_ATTEMPTS = 5


def _end_reads() -> bool:
    """End the session's transaction if it only read (the caller's reads, the vocabulary's
    lookup), so that on SQLite the write lock is not held while a file is scanned: each file
    takes it again for its own short transaction. A dry run's savepoint, or changes the
    caller has not flushed yet, keep theirs (they hold the lock for a reason). Whether it
    ended."""
    session = db.session()
    if session.in_nested_transaction() or session.new or session.dirty or session.deleted:
        return False
    if session.in_transaction():
        # commit, not rollback: what the caller flushed in it is kept, as the file's own
        # commit would have kept it.
        session.commit()
    return True


def _known_topic_keys(
    records: Iterable[list[tuple[int, dict[str, Any]]]], actor: Actor
) -> set[str]:
    """The records' topic keys the vocabulary has as the importer may know it (a name only
    a hidden topic has is a new one to them, `NewCases`), read in a transaction that ends
    at once (beginning deferred on SQLite: it takes no write lock) unless the caller's goes
    on."""
    keys = _topic_keys(records)
    among = policy.knowable_topic_clause(actor)
    if not _end_reads():
        return known_keys(keys, among)
    with reading():
        found = known_keys(keys, among)
        db.session.commit()
    return found


def _import_records(
    source: SourceFile, options: ImportOptions, actor: Actor, result: ImportResult
) -> ImportResult:
    """One attempt at a file's (already redacted) records in one transaction, rolled back
    on any problem."""
    batch = NewCases(actor, state=_content_state)
    if options.dry_run and not db.session().in_nested_transaction():
        # Left open for import_paths to roll back: SQLite's driver begins no transaction
        # before a SAVEPOINT, so releasing the file's own savepoint would commit it.
        db.session.begin_nested()
    try:
        with db.session.begin_nested():
            batch.prime(raw for _, raw in source.records)
            for number, raw in source.records:
                label = _record_label(source.path, number, raw)
                try:
                    outcome = _import_record(raw, options, actor, result, batch)
                except (IdentifiersFound, RecordProblem, ValidationError) as exc:
                    result.problems.extend(record_problems(label, exc))
                    continue
                setattr(result, outcome, getattr(result, outcome) + 1)
            if result.problems:
                raise _Rollback()
            batch.write()
            _warn_of_practice_conflicts(result)
            _announce_new_cases(result, actor)
    except _Rollback:
        result.created = result.updated = result.unchanged = 0
        result.changes, result.conflicts = [], []
        if not options.dry_run:  # a dry run: import_paths rolls the file back
            db.session.rollback()
        return result
    except CasebookError as exc:
        if not options.dry_run:
            db.session.rollback()
        result.problems.append(f"{source.path}: {exc.message}")
        return result
    if not options.dry_run:
        db.session.commit()
    return result


class _Rollback(Exception):
    pass


def _warn_of_practice_conflicts(result: ImportResult) -> None:
    """Name each recommendation the file wrote that may contradict a current best practice:
    imported all the same (the checker warns, never refuses)."""
    db.session.flush()
    for rec, conflict in imported_conflicts(result.changes):
        practice = conflict.practice
        result.practice_warnings.append(
            f"{result.path} (ref {rec.case.ref}) recommendation {rec.key}: may contradict best"
            f" practice {practice.id} “{practice.title}” ({practice.status.value}):"
            f" {conflict.reason}"
        )


def _announce_new_cases(result: ImportResult, actor: Actor) -> None:
    """Followers hear of the open cases the file created, as when a coordinator approves one
    on the web; a case updated by a re-import was announced when it was created."""
    refs = [m.group(1) for m in map(NEW_CASE.fullmatch, result.changes) if m]
    cases: list[Case] = []
    for start in range(0, len(refs), 500):
        chunk = refs[start : start + 500]
        if not _followed(chunk):
            continue  # nobody to tell: the cases need not be read back
        cases.extend(
            db.session.scalars(
                select(Case)
                .where(Case.ref.in_(chunk), Case.status.in_(OPEN_STATUSES))
                .options(selectinload(Case.topics), selectinload(Case.program))
            )
        )
    announce_cases(cases, actor=actor)


def _followed(refs: list[str]) -> bool:
    """Whether anyone follows the program or a topic of one of these cases (one query)."""
    ids = select(Case.id).where(Case.ref.in_(refs))
    subject = or_(
        Subscription.program_id.in_(select(Case.program_id).where(Case.ref.in_(refs))),
        Subscription.topic_id.in_(
            select(case_topics.c.topic_id).where(case_topics.c.case_id.in_(ids))
        ),
    )
    return db.session.scalar(select(Subscription.id).where(subject).limit(1)) is not None


def record_problems(label: str, exc: Exception) -> list[str]:
    """What a refused record says, one line per field: the case and the hub import alike."""
    if isinstance(exc, IdentifiersFound):
        refused = {(f.field, f.start, f.end) for _, f in exc.refused}

        def who(field: str) -> str:
            return f" (only {exc.rule.who_in(field)} can)" if exc.rule.who_in(field) else ""

        return [
            f"{label} field '{f.field}': possible {f.category} at characters {f.start}-{f.end}"
            + (
                f"; its override cannot be given by you{who(f.field)}"
                if (f.field, f.start, f.end) in refused
                else ""
            )
            for f in exc.findings
        ] + [f"{label} field '{h.field}': {hidden_message([h.category])}" for h in exc.hidden]
    if isinstance(exc, RecordProblem):
        where = f" field '{exc.field}'" if exc.field else ""
        return [f"{label}{where}: {exc.message}"]
    assert isinstance(exc, ValidationError)
    out = []
    for name, message in (exc.errors or {exc.field or "": exc.message}).items():
        where = f" field '{name}'" if name else ""
        out.append(f"{label}{where}: {message}")
    return out


def _import_record(
    raw: dict[str, Any],
    options: ImportOptions,
    actor: Actor,
    result: ImportResult,
    batch: NewCases,
) -> str:
    try:
        check_texts(raw)
    except ValidationError as exc:
        raise RecordProblem(exc.field, exc.message.removeprefix(f"{exc.field} ")) from None
    unknown = sorted(set(raw) - KNOWN_KEYS)
    if unknown:
        raise unknown_field("", unknown[0], "of a case record")
    for key in REQUIRED_KEYS:
        if raw.get(key) in (None, ""):
            raise RecordProblem(key, "is required")
    ref = raw["ref"]
    if not isinstance(ref, str) or not _REF.fullmatch(ref):
        raise RecordProblem("ref", "must be 1-64 letters, digits, '.', '_' or '-'")
    if ref_is_identifier(ref):
        raise RecordProblem("ref", REF_PROBLEM)
    program = batch.cached(
        ("program", raw["program"]), lambda: _program(raw["program"], options, actor)
    )
    status = _status(raw.get("status"), raw)
    presenter = batch.cached(
        ("user", raw.get("presenter")),
        lambda: _user(raw.get("presenter"), "presenter", Role.PROVIDER, options, actor),
    )
    if batch.is_pending(raw.get("follows")):
        batch.write()  # a follow-up of a case of the same file
    follows = _follows(raw.get("follows"), program, ref, actor)
    session_date = _date(raw.get("session_date"))
    presentations = _presentations(raw.get("presentations"))
    withdrawal = _withdrawal(raw)
    accepted = _acceptances(raw.get("overrides"), "overrides")
    data = CaseData(
        title=raw.get("title"),  # type: ignore[arg-type]
        question=_text(raw, "question"),
        presentation=_text(raw, "presentation"),
        age=raw.get("age"),
        sex=raw.get("sex"),
        fields=raw.get("fields") or {},
        topics=_list(raw, "topics"),
    )
    # A withdrawn case (rare) goes the operations' way: its withdrawal is recorded there.
    if withdrawal is None and batch.takes(ref, raw):
        if presentations is not None:
            sessions = presentations
        elif session_date is not None:
            sessions = [(session_date, _is_presented(status))]
        else:
            sessions = []
        batch.add(
            ref,
            program,
            data,
            presenter=presenter,
            follows=follows,
            status=status,
            accepted=accepted,
            sessions=sessions,
            dated=session_date,
        )
        result.changes.append(f"{ref} case: created")
        return "created"
    batch.write()  # what follows reads and writes through the ORM
    batch.forget_missing()
    merge = _Merge(ref, options, actor, result)
    case = find_case_by_ref(ref)
    if case is None:
        case = create_case(
            program,
            data,
            presenter=presenter,
            status=status,
            ref=ref,
            follows=follows,
            actor=actor,
            imported=True,
            accepted=accepted,
        )
        case.import_hash = _case_state(case)
        outcome = "created"
    else:
        if not policy.can_view_case(actor, case):
            # Refs are unique: the ref is taken, but whose case (a draft, a private
            # program's) is not the importer's to learn, nor to change.
            raise RecordProblem("ref", f"ref {ref} is already taken by another case")
        if case.program_id != program.id:
            raise RecordProblem("program", f"ref {ref} already belongs to {case.program.slug}")
        policy.require(actor, Permission.IMPORT_DATA, case.program)
        outcome = _update_case(case, data, presenter, follows, status, accepted, merge)
    before = len(case.presentations)
    if presentations is not None:
        for on, presented in presentations:
            schedule(
                case,
                session_on(program, on, actor=actor),
                presented=presented,
                actor=actor,
                imported=True,
            )
    elif session_date is not None:
        session = session_on(program, session_date, actor=actor)
        schedule(case, session, presented=_is_presented(status), actor=actor, imported=True)
    if outcome == "unchanged" and len(case.presentations) != before:
        outcome = "updated"
    if outcome != "unchanged":
        result.changes.append(f"{ref} case: {outcome}")
    _import_recommendations(case, raw.get("recommendations"), merge)
    _import_outcomes(case, raw.get("outcomes"), merge)
    if session_date is not None:
        _date_history(case, session_date)
    if withdrawal is not None and case.withdrawn_at is None:
        # A file never restores: a withdrawal made in the app since stays.
        case.withdrawn_at, case.withdrawal_reason = withdrawal
        record(actor, "case.withdrawn", case, reason=str(case.withdrawal_reason), imported=True)
        outcome = "updated" if outcome == "unchanged" else outcome
    if outcome == "unchanged" and merge.changed:
        outcome = "updated"
    if outcome != "unchanged" or merge.conflicts:
        # What the import did to the case, by count: the items have events of their own.
        record(
            actor,
            "case.imported",
            case,
            outcome=outcome,
            items_created=merge.created,
            items_updated=merge.updated,
            conflicts=merge.conflicts,
        )
    # Later records of the file (follow-ups) must see this one.
    db.session.flush()
    return outcome


def _update_case(
    case: Case,
    data: CaseData,
    presenter: User | None,
    follows: Case | None,
    status: CaseStatus,
    accepted: list[Acceptance],
    merge: _Merge,
) -> str:
    """The file's content for a case it imported before, unless the app changed the case
    since (then the change is tried in a savepoint and undone, and reported if the file
    changed the case too)."""
    actor = merge.actor
    current, base = _case_state(case), case.import_hash
    savepoint = db.session.begin_nested()
    try:
        changed = bool(update_case(case, data, actor=actor, imported=True, accepted=accepted))
        if case.presenter_id != (presenter.id if presenter else None):
            case.presenter, changed = presenter, True
            record(actor, "case.presenter_changed", case, presenter_id=case.presenter_id)
        if case.follows_id != (follows.id if follows else None):
            case.follows, changed = follows, True
            record(actor, "case.follows_changed", case, follows_id=case.follows_id)
        if case.status is not status:
            set_status(case, status, actor=actor, enforce=False)
            changed = True
        db.session.flush()
    except BaseException:
        savepoint.rollback()
        raise
    incoming = _case_state(case)
    what = _decide(current, base, incoming, merge.options.overwrite) if changed else "unchanged"
    if what in ("kept", "conflict"):
        savepoint.rollback()
        if what == "conflict":
            record(actor, "import.conflict_kept", case)
            merge.note("conflict", "case", case.ref or "")
        return "unchanged"
    savepoint.commit()
    if what == "overwritten":
        record(actor, "import.conflict_overwritten", case)
    if case.import_hash != incoming:
        case.import_hash = incoming
    return "unchanged" if what == "unchanged" else "updated"


def _case_state(case: Case) -> str:
    return _content_state(
        {
            **{name: getattr(case, name) for name in _STATE_FIELDS},
            "topic_ids": [t.id for t in case.topics],
            "presenter_id": case.presenter_id,
            "follows_id": case.follows_id,
            "status": case.status,
        }
    )


_STATE_FIELDS = ("title", "question", "presentation", "age", "sex", "fields")


def _content_state(values: dict[str, Any]) -> str:
    """The fingerprint of a case's content, from its values (a case not yet loaded)."""
    return _fingerprint(
        *(values[name] for name in _STATE_FIELDS[:5]),
        values["fields"] or {},
        sorted(values["topic_ids"]),
        values["presenter_id"],
        values["follows_id"],
        values["status"],
    )


@dataclass
class _Merge:
    """One record's merge of its items into what the database holds, and its tally."""

    ref: str
    options: ImportOptions
    actor: Actor
    result: ImportResult
    created: int = 0
    updated: int = 0
    conflicts: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)

    def note(self, what: str, kind: str, key: str) -> None:
        if what == "created":
            self.created += 1
        elif what in ("updated", "overwritten"):
            self.updated += 1
        elif what == "conflict":
            self.conflicts += 1
            self.result.conflicts.append(
                f"{self.result.path} (ref {self.ref}) {kind} {key}: edited in the app since it"
                " was last imported; kept as the app has it (--overwrite replaces it)"
            )
            return
        else:
            return
        self.result.changes.append(f"{self.ref} {kind} {key}: {what}")


def _decide(current: str, base: str | None, incoming: str, overwrite: bool) -> str:
    """Three-way: the app's content now, as last imported (None: made in the app), and the
    file's. Only what the app has not changed since the import is updated."""
    if current == incoming:
        return "unchanged"
    if base == incoming:
        return "kept"  # the file did not change it; the app's edit stays
    if base == current:
        return "updated"
    return "overwritten" if overwrite else "conflict"


def _fingerprint(*parts: Any) -> str:
    text = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _stripped(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


def _stripped_list(value: Any) -> Any:
    if value is None:
        return []
    if isinstance(value, list):
        return [_stripped(v) for v in value]
    return value


def _recommendation_state(r: Recommendation) -> str:
    return _fingerprint(r.author_id, str(r.category), r.body, list(r.references), str(r.status))


def _annotation_state(a: Annotation) -> str:
    return _fingerprint(a.author_id, str(a.kind), a.body, list(a.references))


def _outcome_state(o: Outcome) -> str:
    return _fingerprint(str(o.adoption), str(o.patient_status), o.note)


_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}$")


def _item_key(item: dict[str, Any], where: str, derived: str) -> str:
    """The item's key in the file, or the one derived from its place (REF/r1, REF/r1/a2)."""
    key = item.get("key")
    if key in (None, ""):
        return derived
    if not isinstance(key, str) or not _KEY.fullmatch(key):
        raise RecordProblem(
            f"{where}.key", "must be 1-100 letters, digits, '.', '_', ':', '/' or '-'"
        )
    # Kept, exported and repeated in import messages as a case's ref is: read the same way.
    if key_is_identifier(key):
        raise RecordProblem(f"{where}.key", KEY_PROBLEM)
    return key


KEY_PROBLEM = (
    "reads as a possible patient identifier (a name, a date or a record, phone or other"
    " number); give the item a neutral key, such as its case's ref and a number, or none"
)


def _taken(model: Any, key: str) -> bool:
    return db.session.scalar(select(model.id).where(model.key == key)) is not None


def _acceptances(items: Any, where: str) -> list[Acceptance]:
    """The file's "not an identifier" overrides, as the gate's acceptances."""
    if items in (None, []):
        return []
    if not isinstance(items, list):
        raise RecordProblem(where, "must be a list")
    try:
        accepted = parse_acceptances(items)
    except ValidationError as exc:
        name = (exc.field or "").replace("accept_findings", where, 1) or where
        raise RecordProblem(name, exc.message) from None
    # Every export names it: one without would accept whatever an edit of the file put at
    # its offsets (an MRN where a name was marked).
    for number, acceptance in enumerate(accepted, 1):
        if not acceptance.category:
            raise RecordProblem(
                f"{where}[{number}].category",
                "is required: the finding's category, as the export writes it (NAME, ID …)",
            )
    return [replace(a, origin=f"{where}[{n}]") for n, a in enumerate(accepted, 1)]


def _presentations(items: Any) -> list[tuple[date, bool]] | None:
    if items is None:
        return None
    if not isinstance(items, list):
        raise RecordProblem("presentations", "must be a list of session_date and presented")
    out = []
    for index, item in enumerate(items, 1):
        where = f"presentations[{index}]"
        if not isinstance(item, dict) or set(item) - {"session_date", "presented"}:
            raise RecordProblem(where, "must be a mapping with session_date and presented")
        try:
            on = bounded_date(item.get("session_date"), "session_date")
        except ValidationError as exc:
            raise RecordProblem(f"{where}.session_date", exc.message) from None
        if on is None:
            raise RecordProblem(f"{where}.session_date", "is required")
        presented = item.get("presented", False)
        if not isinstance(presented, bool):
            raise RecordProblem(f"{where}.presented", "must be true or false")
        out.append((on, presented))
    return out


def _date_history(case: Case, on: date) -> None:
    """Imported history happened at its session, not at import time: date it so. Only
    imported items (with a fingerprint): what was written in the app keeps its dates."""
    when = datetime.combine(on, time(12, 0))
    if case.created_at > when:
        case.created_at = when
    for recommendation in case.recommendations:
        if recommendation.import_hash is not None:
            if recommendation.published_at is not None and recommendation.published_at > when:
                recommendation.published_at = when
            if recommendation.created_at > when:
                recommendation.created_at = when
        for annotation in recommendation.annotations:
            if annotation.import_hash is not None and annotation.created_at > when:
                annotation.created_at = when
    for outcome in case.outcomes:
        if outcome.import_hash is not None and outcome.recorded_at > when:
            outcome.recorded_at = when


REDACTED_KEYS = ("title", "question", "presentation")


def _redact_record(raw: dict[str, Any], path: Path, result: ImportResult) -> dict[str, Any]:
    """A copy of the record with every finding in its free text replaced by [CATEGORY]."""
    ref = shown_ref(raw.get("ref"))  # the report names the record, never an identifier

    def clean(value: Any, where: str) -> Any:
        if not isinstance(value, str) or not value:
            return value
        text, findings = redact(value)
        for f in findings:
            result.redactions.append(
                {
                    "file": str(path),
                    "ref": ref,
                    "field": where,
                    "category": f.category,
                    "start": f.start,
                    "end": f.end,
                }
            )
        return text

    return _map_redacted(raw, clean)


def _map_redacted(raw: dict[str, Any], clean: Callable[[Any, str], Any]) -> dict[str, Any]:
    """A copy of the record with `clean(value, field)` in place of each text that --redact
    redacts."""
    out = dict(raw)
    for key in REDACTED_KEYS:
        out[key] = clean(raw.get(key), key)
    if isinstance(raw.get("fields"), dict):
        out["fields"] = {k: _clean_field(k, v, clean) for k, v in raw["fields"].items()}
    if isinstance(raw.get("recommendations"), list):
        recs = []
        for i, rec in enumerate(raw["recommendations"], 1):
            if isinstance(rec, dict):
                rec = dict(rec)
                rec["body"] = clean(rec.get("body"), f"recommendations[{i}].body")
                if isinstance(rec.get("references"), list):
                    rec["references"] = [
                        clean(r, f"recommendations[{i}].references[{j}]")
                        for j, r in enumerate(rec["references"], 1)
                    ]
                if isinstance(rec.get("versions"), list):
                    rec["versions"] = [
                        dict(
                            v, body=clean(v.get("body"), f"recommendations[{i}].versions[{j}].body")
                        )
                        if isinstance(v, dict)
                        else v
                        for j, v in enumerate(rec["versions"], 1)
                    ]
                if isinstance(rec.get("annotations"), list):
                    rec["annotations"] = [
                        dict(
                            a,
                            body=clean(
                                a.get("body"), f"recommendations[{i}].annotations[{j}].body"
                            ),
                        )
                        if isinstance(a, dict)
                        else a
                        for j, a in enumerate(rec["annotations"], 1)
                    ]
            recs.append(rec)
        out["recommendations"] = recs
    if isinstance(raw.get("outcomes"), list):
        out["outcomes"] = [
            dict(o, note=clean(o.get("note"), f"outcomes[{i}].note")) if isinstance(o, dict) else o
            for i, o in enumerate(raw["outcomes"], 1)
        ]
    return {k: v for k, v in out.items() if k in raw}


def _clean_field(key: Any, value: Any, clean: Callable[[Any, str], Any]) -> Any:
    """A case field's value through `clean`, each text of a list too, named as the gate
    names them; a key that is not a name (refused by the case's checks) is not repeated."""
    where = f"fields.{key}" if isinstance(key, str) and FIELD_KEY.fullmatch(key) else "fields"
    if isinstance(value, list):
        return [clean(v, f"{where}[{i}]") for i, v in enumerate(value, 1)]
    return clean(value, where)


# Keys of a record and of its items whose values no gate checks (refs, dates, choices,
# accounts, overrides): scanning them ahead would be wasted. Only free text is scanned; a
# gate that did check one of them would scan it itself.
_NOT_GATED = frozenset(
    {
        "ref",
        "program",
        "session_date",
        "status",
        "follows",
        "withdrawn_at",
        "withdrawal_reason",
        "age",
        "sex",
        "presenter",
        "presentations",
        "overrides",
        "key",
        "author",
        "category",
        "version",
        "at",
        "kind",
        "recommendation",
        "adoption",
        "patient_status",
    }
)


def _texts(records: list[tuple[int, dict[str, Any]]], known: Container[str] = ()) -> Iterator[str]:
    """Every free text in the records, as the operations' gates will see it (stripped;
    topic names with single spaces), but the topic names whose key is `known` (in the
    vocabulary: the gates check only new names)."""
    # (value, keyed): keyed while the dicts are records and items, whose keys are known;
    # a form's `fields` may name its own "status", whose value is free text all the same.
    stack: list[tuple[Any, bool]] = []
    for _, raw in records:
        raw = dict(raw)
        if isinstance(raw.get("topics"), list):
            raw["topics"] = [
                n for n in raw["topics"] if not (isinstance(n, str) and _topic_key(n) in known)
            ]
        stack.append((raw, True))
    for _, raw in records:
        if isinstance(raw.get("ref"), str):
            yield from ref_scans(raw["ref"])
    while stack:
        value, keyed = stack.pop()
        if isinstance(value, dict):
            if keyed and isinstance(value.get("fields"), dict):
                yield from free_field_scans(value["fields"])
            stack.extend(
                (item, keyed and key != "fields")
                for key, item in value.items()
                if not (keyed and key in _NOT_GATED)
            )
        elif isinstance(value, list):
            stack.extend((item, keyed) for item in value)
        elif isinstance(value, str):
            yield from text_variants(value)


def _topic_key(name: str) -> str:
    return text_key(" ".join(name.split()))


def _topic_keys(files: Iterable[list[tuple[int, dict[str, Any]]]]) -> set[str]:
    """The keys of the topic names of these files' records."""
    return {
        _topic_key(name)
        for records in files
        for _, raw in records
        if isinstance(raw.get("topics"), list)
        for name in raw["topics"]
        if isinstance(name, str)
    }


def _not_sent(items: list[tuple[str, bool]], sent: set[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """The items not handed to the scanning processes with an earlier file: a short text
    (a topic name) once per import, whose scan the import keeps from file to file. A long
    one goes with each file naming it: its scan is kept for its file only."""
    out = []
    for text, redacting in items:
        if (text, redacting) in sent or (text, True) in sent:
            continue
        if len(text) <= SHORT_TEXT:
            sent.add((text, redacting))
        out.append((text, redacting))
    return out


def _scan_items(
    records: list[tuple[int, dict[str, Any]]], redacting: bool, known: Container[str] = ()
) -> list[tuple[str, bool]]:
    """What the import of these records scans, for `deid.parallel.scan_texts`: the texts
    the gates check (but topic names whose key is `known`) and, with --redact, the texts
    redaction reads (flagged True: their redacted forms are what the gates check)."""
    if not redacting:
        return [(text, False) for text in _texts(records, known)]
    items: list[tuple[str, bool]] = []

    def collect(value: Any, where: str) -> None:
        if isinstance(value, str) and value:
            items.append((value, True))

    rest = [(number, _map_redacted(raw, collect)) for number, raw in records]
    items.extend((text, False) for text in _texts(rest, known))
    return items


def _is_presented(status: CaseStatus) -> bool:
    return status in (CaseStatus.PRESENTED, CaseStatus.RECOMMENDATIONS_PUBLISHED, CaseStatus.CLOSED)


def _text(raw: dict[str, Any], key: str) -> str:
    value = raw.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise RecordProblem(key, "must be text")
    return value


def _list(raw: dict[str, Any], key: str) -> list[Any]:
    value = raw.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise RecordProblem(key, "must be a list")
    return value


def _date(value: Any) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date | str):
        try:
            return bounded_date(value, "session_date")
        except ValidationError as exc:
            raise RecordProblem("session_date", exc.message.removeprefix("session_date ")) from None
    raise RecordProblem("session_date", "must be a date written YYYY-MM-DD")


def _status(value: Any, raw: dict[str, Any]) -> CaseStatus:
    if value in (None, ""):
        if raw.get("recommendations"):
            return CaseStatus.RECOMMENDATIONS_PUBLISHED
        return CaseStatus.PRESENTED if raw.get("session_date") else CaseStatus.SUBMITTED
    try:
        return CaseStatus(value)
    except ValueError:
        raise RecordProblem(
            "status", "must be one of: " + ", ".join(s.value for s in CaseStatus)
        ) from None


def _withdrawal(raw: dict[str, Any]) -> tuple[datetime, WithdrawalReason] | None:
    when, reason = raw.get("withdrawn_at"), _as_written(raw, "withdrawal_reason")
    if when in (None, "") and reason in (None, ""):
        return None
    if isinstance(when, str):
        try:
            when = datetime.fromisoformat(when)
        except ValueError:
            when = None
    if not isinstance(when, datetime) or when.tzinfo is not None:
        raise RecordProblem("withdrawn_at", "must be a date and time written YYYY-MM-DDTHH:MM:SS")
    try:
        return when, WithdrawalReason(reason)
    except ValueError:
        raise RecordProblem(
            "withdrawal_reason", "must be one of: " + ", ".join(r.value for r in WithdrawalReason)
        ) from None


def _program(slug: Any, options: ImportOptions, actor: Actor) -> Program:
    if not isinstance(slug, str):
        raise RecordProblem("program", "must be a program slug")
    program = find_program(slug)
    if program is not None and not policy.can_view_program(actor, program):
        program = None  # a private program is as absent as a missing one to outsiders
    if program is None:
        if not options.create_programs:
            raise RecordProblem("program", "no such program (use --create-programs to create it)")
        try:
            program = program_for_import(slug, slug.replace("-", " ").title(), actor=actor)
        except ValidationError as exc:
            raise RecordProblem("program", exc.message) from None
    try:
        policy.require_import(actor, program)
    except PermissionDenied as exc:
        if not policy.can_view_program(actor, program):
            raise  # refused as the creation of a missing program is: nothing said of it
        raise RecordProblem("program", exc.message) from None  # this record is refused
    return program


def _user(
    email: Any, field_name: str, role: Role, options: ImportOptions, actor: Actor
) -> User | None:
    if email in (None, ""):
        return None
    if not isinstance(email, str):
        raise RecordProblem(field_name, "must be an email address")
    user = get_user_by_email(email)
    if user is not None and not policy.can_name_in_import(actor, user):
        user = None  # as a missing one; creating it is refused as any taken email is
    if user is None:
        if not options.create_authors:
            shown = shown_email(email)  # not repeated when it is no email address
            named = f"no account with email {shown}" if shown else "no such account"
            raise RecordProblem(field_name, f"{named} (use --create-authors to add one)")
        try:
            user = create_user(email, email.split("@")[0], role, actor=actor, imported=True)
        except ValidationError as exc:
            raise RecordProblem(field_name, exc.message) from None
    return user


def _follows(ref: Any, program: Program, own_ref: str, actor: Actor) -> Case | None:
    if ref in (None, ""):
        return None
    if not isinstance(ref, str):
        raise RecordProblem("follows", "must be the ref of an earlier case")
    if ref == own_ref:
        raise RecordProblem("follows", "a case cannot follow itself")
    case = find_case_by_ref(ref)
    if case is None or not policy.can_view_case(actor, case):
        shown = shown_ref(ref)
        raise RecordProblem("follows", f"no case with ref {shown}" if shown else "no such case")
    if case.program_id != program.id:
        shown = shown_ref(ref)
        named = f"case {shown}" if shown else "that case"
        raise RecordProblem("follows", f"{named} is in another program")
    return case


_RECOMMENDATION_KEYS = {
    "key",
    "author",
    "category",
    "body",
    "references",
    "annotations",
    "status",
    "overrides",
    "versions",
    "published_version",
}
_VERSION_KEYS = {"version", "author", "category", "body", "references", "at"}


def _import_recommendations(case: Case, items: Any, merge: _Merge) -> None:
    """Merge the file's recommendations by key: new keys are added, items imported earlier
    are updated unless edited in the app since, and nothing is ever removed.

    A recommendation the actor may not read (another expert's draft: exports as the actor
    leave it out) is never changed by the actor's import: that is refused."""
    actor, options = merge.actor, merge.options
    if items is None:
        items = []
    if not isinstance(items, list):
        raise RecordProblem("recommendations", "must be a list")
    existing = {r.key: r for r in case.recommendations}
    for index, item in enumerate(items, 1):
        where = f"recommendations[{index}]"
        if not isinstance(item, dict):
            raise RecordProblem(where, "must be a mapping with author, category and body")
        extra = sorted(set(item) - _RECOMMENDATION_KEYS)
        if extra:
            raise unknown_field(where, extra[0], "of a recommendation")
        key = _item_key(item, where, f"{merge.ref}/r{index}")
        author = _user(item.get("author"), f"{where}.author", Role.EXPERT, options, actor)
        if author is None:
            raise RecordProblem(f"{where}.author", "is required")
        published = item.get("status", "published") == "published"
        if item.get("status") not in (None, "published", "draft"):
            raise RecordProblem(f"{where}.status", "must be published or draft")
        accepted = _acceptances(item.get("overrides"), f"{where}.overrides")
        published_version = _published_version(item, where, published)
        incoming = _fingerprint(
            author.id,
            item.get("category"),
            _stripped(item.get("body")),
            _stripped_list(item.get("references")),
            "published" if published else "draft",
        )
        recommendation = existing.get(key)
        hidden = False
        try:
            if recommendation is None:
                if _taken(Recommendation, key):
                    raise RecordProblem(f"{where}.key", f"{key} is already the key of another item")
                recommendation = _add_with_history(
                    case, author, item, where, published, accepted, merge, published_version
                )
                recommendation.key, recommendation.import_hash = key, incoming
                merge.note("created", "recommendation", key)
            else:
                hidden = not policy.can_view_recommendation(actor, recommendation)
                what = _decide(
                    _recommendation_state(recommendation),
                    recommendation.import_hash,
                    incoming,
                    options.overwrite,
                )
                if what in ("updated", "overwritten"):
                    if hidden:
                        raise RecordProblem(where, _UNSEEN)
                    # the case's share lock before this item's row (a purge's lock order)
                    hold_case(case)
                    if recommendation.author_id != author.id:
                        recommendation.author = author
                        record(
                            actor,
                            "recommendation.author_changed",
                            recommendation,
                            author_id=author.id,
                        )
                    edit_recommendation(
                        recommendation,
                        body=_as_written(item, "body"),
                        category=_as_written(item, "category"),
                        references=item.get("references"),
                        editor=author,
                        actor=actor,
                        imported=True,
                        accepted=accepted,
                    )
                    if published:
                        publish(recommendation, actor=actor, imported=True)
                if what == "conflict":
                    record(actor, "import.conflict_kept", recommendation, case_id=case.id)
                elif what == "overwritten":
                    record(actor, "import.conflict_overwritten", recommendation, case_id=case.id)
                if what in ("unchanged", "updated", "overwritten"):
                    recommendation.import_hash = incoming
                merge.note(what, "recommendation", key)
        except IdentifiersFound as exc:
            raise exc.within(where) from None
        except ValidationError as exc:
            raise RecordProblem(f"{where}.{exc.field}", exc.message) from None
        before = merge.created + merge.updated
        _import_annotations(recommendation, item.get("annotations"), where, merge)
        if hidden and merge.created + merge.updated != before:
            raise RecordProblem(f"{where}.annotations", _UNSEEN)


_UNSEEN = (
    "would change another expert's unpublished recommendation, which you cannot "
    "see; only its author or an admin can"
)


def _add_with_history(
    case: Case,
    author: User,
    item: dict[str, Any],
    where: str,
    published: bool,
    accepted: list[Acceptance],
    merge: _Merge,
    published_version: int | None = None,
) -> Recommendation:
    """A new recommendation; given `versions`, its history is replayed through the same
    operations (every earlier text passes the gate too), then numbered, signed and dated
    as the file says. An existing recommendation keeps the history it has.

    The version that was published is the file's `published_version`; a file without it
    says nothing of which were drafts, so only the current text counts as published."""
    actor = merge.actor
    history = _versions(item.get("versions"), where, merge)
    first = history[0] if history else item
    number = 1  # the version being replayed, for the message
    try:
        recommendation = add_recommendation(
            case,
            author,
            _as_written(first, "body"),
            _as_written(first, "category"),
            references=first.get("references"),
            publish=published,
            actor=actor,
            imported=True,
            accepted=accepted,
        )
        for number, version in enumerate(history[1:], 2):  # noqa: B007 - named on failure
            edit_recommendation(
                recommendation,
                body=_as_written(version, "body"),
                category=_as_written(version, "category"),
                references=version.get("references"),
                editor=version["editor"],
                actor=actor,
                imported=True,
                accepted=accepted,
            )
    except (IdentifiersFound, ValidationError) as exc:
        if not history:
            raise
        if isinstance(exc, IdentifiersFound):
            raise exc.within(f"versions[{number}]") from None
        raise RecordProblem(f"{where}.versions[{number}].{exc.field}", exc.message) from None
    if history:
        # The current text, when the history in the file stops short of it.
        edit_recommendation(
            recommendation,
            body=_as_written(item, "body"),
            category=_as_written(item, "category"),
            references=item.get("references"),
            editor=author,
            actor=actor,
            imported=True,
            accepted=accepted,
        )
        db.session.flush()
        for row, version in zip(recommendation.versions, history, strict=False):
            row.edited_by, row.created_at = version["editor"], version["at"]
    if published:
        if published_version is not None and published_version > recommendation.version:
            raise RecordProblem(
                f"{where}.published_version",
                f"must be the number of one of its versions (1 to {recommendation.version})",
            )
        recommendation.published_version = published_version or recommendation.version
    return recommendation


def _published_version(item: dict[str, Any], where: str, published: bool) -> int | None:
    """The file's number of the version that was published, if it gives one."""
    value = item.get("published_version")
    if value is None:
        return None
    if not published:
        raise RecordProblem(f"{where}.published_version", "is given only for a published one")
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise RecordProblem(f"{where}.published_version", "must be a version number (1 or more)")
    return value


def _versions(items: Any, where: str, merge: _Merge) -> list[dict[str, Any]]:
    """The file's earlier texts of a recommendation, numbered 1, 2 … in order."""
    if items in (None, []):
        return []
    if not isinstance(items, list):
        raise RecordProblem(f"{where}.versions", "must be a list")
    out = []
    for number, item in enumerate(items, 1):
        at = f"{where}.versions[{number}]"
        if not isinstance(item, dict):
            raise RecordProblem(at, "must be a mapping with version, body and category")
        extra = sorted(set(item) - _VERSION_KEYS)
        if extra:
            raise unknown_field(at, extra[0], "of a version")
        if item.get("version") != number:
            raise RecordProblem(f"{at}.version", f"must be {number} (versions count up from 1)")
        when = _time(item["at"], f"{at}.at") if "at" in item else utcnow()
        editor = _user(item.get("author"), f"{at}.author", Role.EXPERT, merge.options, merge.actor)
        out.append({**item, "editor": editor, "at": when})
    return out


def _time(value: Any, where: str) -> datetime:
    try:
        when = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        raise RecordProblem(where, "must be a time written YYYY-MM-DDTHH:MM:SS") from None
    if when.tzinfo is not None:  # stored as naive UTC, like every time in the app
        when = when.astimezone(UTC).replace(tzinfo=None)
    return when


def _import_annotations(
    recommendation: Recommendation, items: Any, where: str, merge: _Merge
) -> None:
    actor, options = merge.actor, merge.options
    if items is None:
        items = []
    if not isinstance(items, list):
        raise RecordProblem(f"{where}.annotations", "must be a list")
    existing = {a.key: a for a in recommendation.annotations}
    for index, item in enumerate(items, 1):
        at = f"{where}.annotations[{index}]"
        if not isinstance(item, dict):
            raise RecordProblem(at, "must be a mapping with author, kind and body")
        extra = sorted(set(item) - {"key", "author", "kind", "body", "references", "overrides"})
        if extra:
            raise unknown_field(at, extra[0], "of an annotation")
        key = _item_key(item, at, f"{recommendation.key}/a{index}")
        author = _user(item.get("author"), f"{at}.author", Role.EXPERT, options, actor)
        if author is None:
            raise RecordProblem(f"{at}.author", "is required")
        accepted = _acceptances(item.get("overrides"), f"{at}.overrides")
        incoming = _fingerprint(
            author.id,
            item.get("kind"),
            _stripped(item.get("body")),
            _stripped_list(item.get("references")),
        )
        annotation = existing.get(key)
        try:
            if annotation is None:
                if _taken(Annotation, key):
                    raise RecordProblem(f"{at}.key", f"{key} is already the key of another item")
                annotation = annotate(
                    recommendation,
                    author,
                    _as_written(item, "kind"),
                    _as_written(item, "body"),
                    references=item.get("references"),
                    actor=actor,
                    imported=True,
                    accepted=accepted,
                )
                annotation.key, annotation.import_hash = key, incoming
                merge.note("created", "annotation", key)
                continue
            what = _decide(
                _annotation_state(annotation), annotation.import_hash, incoming, options.overwrite
            )
            if what in ("updated", "overwritten"):
                edit_annotation(
                    annotation,
                    author=author,
                    kind=_as_written(item, "kind"),
                    body=_as_written(item, "body"),
                    references=item.get("references"),
                    actor=actor,
                    accepted=accepted,
                )
            if what == "conflict":
                record(actor, "import.conflict_kept", annotation)
            elif what == "overwritten":
                record(actor, "import.conflict_overwritten", annotation)
            if what in ("unchanged", "updated", "overwritten"):
                annotation.import_hash = incoming
            merge.note(what, "annotation", key)
        except IdentifiersFound as exc:
            raise exc.within(at) from None
        except ValidationError as exc:
            raise RecordProblem(f"{at}.{exc.field}", exc.message) from None


def _import_outcomes(case: Case, items: Any, merge: _Merge) -> None:
    """Outcomes name a recommendation of the case followed, by key or by number."""
    actor = merge.actor
    if items is None:
        items = []
    if not isinstance(items, list):
        raise RecordProblem("outcomes", "must be a list")
    if items and case.follows is None:
        raise RecordProblem("outcomes", "only a follow-up (with 'follows') records outcomes")
    # Those the importer may read: another expert's draft is as absent as a missing one.
    earlier = _recommendations_for(actor, case.follows) if case.follows else []
    for index, item in enumerate(items, 1):
        where = f"outcomes[{index}]"
        if not isinstance(item, dict):
            raise RecordProblem(where, "must be a mapping")
        extra = sorted(
            set(item) - {"key", "recommendation", "adoption", "patient_status", "note", "overrides"}
        )
        if extra:
            raise unknown_field(where, extra[0], "of an outcome")
        recommendation = _followed_recommendation(item.get("recommendation"), earlier, where)
        by_key = {o.key: o for o in case.outcomes}
        explicit = item.get("key") not in (None, "")
        key = _item_key(item, where, f"{merge.ref}/o/{recommendation.key}")
        before = by_key.get(key) if explicit else None
        if before is not None and before.recommendation_id != recommendation.id:
            raise RecordProblem(f"{where}.key", f"{key} is the outcome of another recommendation")
        before = before or next(
            (o for o in case.outcomes if o.recommendation_id == recommendation.id), None
        )
        accepted = _acceptances(item.get("overrides"), f"{where}.overrides")
        incoming = _fingerprint(
            item.get("adoption"), item.get("patient_status"), _stripped(item.get("note") or "")
        )
        if before is None:
            what = "created"
            if _taken(Outcome, key):
                raise RecordProblem(f"{where}.key", f"{key} is already the key of another item")
        else:
            key = before.key
            what = _decide(
                _outcome_state(before), before.import_hash, incoming, merge.options.overwrite
            )
        if what in ("created", "updated", "overwritten"):
            try:
                outcome = record_outcome(
                    case,
                    recommendation,
                    _as_written(item, "adoption"),
                    _as_written(item, "patient_status"),
                    note=item.get("note") or "",
                    actor=actor,
                    imported=True,
                    accepted=accepted,
                )
            except IdentifiersFound as exc:
                raise exc.within(where) from None
            except ValidationError as exc:
                raise RecordProblem(f"{where}.{exc.field}", exc.message) from None
            outcome.key = key
        else:
            outcome = before  # type: ignore[assignment]
        if what == "conflict":
            record(actor, "import.conflict_kept", outcome)
        elif what == "overwritten":
            record(actor, "import.conflict_overwritten", outcome)
        if what != "conflict" and what != "kept":
            outcome.import_hash = incoming
        merge.note(what, "outcome", key)


def _followed_recommendation(
    spec: Any, earlier: list[Recommendation], where: str
) -> Recommendation:
    if isinstance(spec, str):
        found = next((r for r in earlier if r.key == spec), None)
        if found is None:
            # Not repeated when it could hold typed text or reads as an identifier.
            named = f" {shown}" if (shown := shown_key(spec)) else ""
            raise RecordProblem(
                f"{where}.recommendation", f"no recommendation{named} in the case it follows"
            )
        return found
    if isinstance(spec, bool) or not isinstance(spec, int) or not (1 <= spec <= len(earlier)):
        raise RecordProblem(
            f"{where}.recommendation",
            f"must be the key or the number (1 to {len(earlier)}) of a recommendation of the"
            " case it follows",
        )
    return earlier[spec - 1]


# ---------------------------------------------------------------- exporting


def _recommendations_for(actor: Actor, case: Case) -> list[Recommendation]:
    """The case's recommendations the actor may read: another expert's draft stays out."""
    return [r for r in case.recommendations if policy.can_view_recommendation(actor, r)]


def case_record(case: Case, actor: Actor) -> dict[str, Any]:
    """A case in the import format, as `actor` may read it (everything for the operator);
    importing it back gives the same case, with its items' keys and, for the review team of
    its program who import it, the "not an identifier" overrides (field, offsets, category
    and reason: no text) the gate needs to accept it.

    Outcomes name the recommendation of the earlier case by its key."""
    first = case.first_session
    recommendations = _recommendations_for(actor, case)
    # Where an author kept a possible identifier is the review team's to read, as on the
    # case page; an importer (of that team) gets them back with the rest.
    _overrides = (
        _overrides_by_entity(case)
        if policy.can_see_kept_identifiers(actor, case)
        else lambda _entity: []
    )
    visible = {r.id for r in _recommendations_for(actor, case.follows)} if case.follows else set()
    out: dict[str, Any] = {
        "ref": case.ref or f"casebook-{case.id}",
        "program": case.program.slug,
        "session_date": first.date.isoformat() if first else None,
        "presentations": _presentations_record(case),
        "title": case.title,
        "age": export_age(case.age),
        "sex": str(case.sex) if case.sex else None,
        "presenter": case.presenter.email if case.presenter else None,
        "question": case.question,
        "topics": [t.name for t in case.topics],
        "fields": dict(case.fields or {}),
        "status": str(case.status),
        "withdrawn_at": case.withdrawn_at.isoformat() if case.withdrawn_at else None,
        "withdrawal_reason": str(case.withdrawal_reason) if case.withdrawal_reason else None,
        # the earlier case's ref only when the actor may read it (a withdrawn one: not)
        "follows": (case.follows.ref or f"casebook-{case.follows.id}")
        if case.follows is not None and policy.can_view_case(actor, case.follows)
        else None,
        "overrides": _overrides(case),
        "recommendations": [
            _without_empty(
                {
                    "key": r.key,
                    "author": r.author.email,
                    "category": str(r.category),
                    "status": str(r.status),
                    "published_version": _published_number(actor, r),
                    "body": r.body,
                    "references": list(r.references),
                    "overrides": _overrides(r),
                    # As the actor may read them (no draft's text for another reader),
                    # numbered from 1 as an import reads them.
                    "versions": [
                        {**_version_record(v), "version": number}
                        for number, v in enumerate(versions_seen_by(actor, r), 1)
                    ],
                    "annotations": [
                        _without_empty(
                            {
                                "key": a.key,
                                "author": a.author.email,
                                "kind": str(a.kind),
                                "body": a.body,
                                "references": list(a.references),
                                "overrides": _overrides(a),
                            },
                            keep=("references",),
                        )
                        for a in r.annotations
                    ],
                },
                keep=("references", "annotations"),
            )
            for r in recommendations
        ],
        "outcomes": [
            _without_empty(
                {
                    "key": o.key,
                    "recommendation": o.recommendation.key,
                    "adoption": str(o.adoption),
                    "patient_status": str(o.patient_status),
                    "note": o.note,
                    "overrides": _overrides(o),
                }
            )
            for o in sorted(case.outcomes, key=lambda o: o.recommendation.position)
            if o.recommendation_id in visible
        ],
        "presentation": case.presentation,
    }
    return {k: v for k, v in out.items() if v not in (None, [], {})}


def _published_number(actor: Actor, recommendation: Recommendation) -> int | None:
    """Which of the exported versions (numbered from 1) is the published text."""
    if recommendation.status is not RecommendationStatus.PUBLISHED:
        return None
    seen = [v.version for v in versions_seen_by(actor, recommendation)]
    published = recommendation.published_version or recommendation.version
    return next((n for n, v in enumerate(seen, 1) if v >= published), None)


def _version_record(version: RecommendationVersion) -> dict[str, Any]:
    return _without_empty(
        {
            "version": version.version,
            "author": version.edited_by.email if version.edited_by else None,
            "category": str(version.category),
            "body": version.body,
            "references": list(version.references),
            "at": version.created_at.isoformat(),
        },
        keep=("references",),
    )


def _without_empty(item: dict[str, Any], keep: tuple[str, ...] = ()) -> dict[str, Any]:
    return {k: v for k, v in item.items() if k in keep or v not in (None, [])}


def _presentations_record(case: Case) -> list[dict[str, Any]] | None:
    """Every session of the case, when `session_date` and the status do not already say
    it all (one session, presented as the status implies)."""
    rows = sorted(
        ((p.session.date, p.presented) for p in case.presentations), key=lambda row: row[0]
    )
    if len(rows) <= 1 and all(presented == _is_presented(case.status) for _, presented in rows):
        return None
    return [{"session_date": on.isoformat(), "presented": presented} for on, presented in rows]


def _overrides_by_entity(case: Case) -> Callable[[Any], list[dict[str, Any]]]:
    """The overrides of the case and its items, read in one query."""
    entities: list[Case | Recommendation | Outcome | Annotation] = [
        case,
        *case.recommendations,
        *case.outcomes,
    ]
    entities += [a for r in case.recommendations for a in r.annotations]
    wanted: dict[str, list[int]] = {}
    for entity in entities:
        wanted.setdefault(entity.__tablename__, []).append(entity.id)
    stmt = (
        select(DeidOverride)
        .where(
            or_(
                *(
                    (DeidOverride.entity_type == table) & DeidOverride.entity_id.in_(ids)
                    for table, ids in wanted.items()
                )
            )
        )
        .order_by(DeidOverride.field, DeidOverride.start, DeidOverride.end, DeidOverride.id)
    )
    found: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for o in (object_session(case) or db.session).scalars(stmt):
        found.setdefault((o.entity_type, o.entity_id), []).append(
            {
                "field": o.field,
                "start": o.start,
                "end": o.end,
                "category": o.category,
                "reason": o.reason,
            }
        )
    return lambda entity: found.get((entity.__tablename__, entity.id), [])


def cases_for_export(
    actor: Actor, program_slugs: list[str], *, session: OrmSession | None = None
) -> Iterator[Case]:
    stmt = select(Case).join(Program).order_by(Program.slug, Case.created_at, Case.id)
    if program_slugs:
        stmt = stmt.where(Program.slug.in_(program_slugs))
    for case in (session or db.session).scalars(stmt):
        if policy.can_view_case(actor, case):
            yield case


def export_cases(
    out: Path, fmt: str, *, actor: Actor, program_slugs: list[str] | None = None
) -> int:
    """Write visible cases to a .jsonl file or a folder of Markdown files; returns the count."""
    policy.require(actor, Permission.EXPORT_DATA)
    for slug in program_slugs or []:
        program = find_program(slug)
        if program is None or not policy.can_view_program(actor, program):
            raise ValidationError("No such program.", field="program")
    if fmt not in ("jsonl", "markdown"):
        raise ValidationError("Format must be jsonl or markdown.", field="format")
    if fmt == "jsonl" and out.is_dir():
        raise ValidationError(f"{out} is a folder: name the .jsonl file to write.", field="out")
    if fmt == "markdown" and out.exists() and not out.is_dir():
        raise ValidationError(
            f"{out} is a file: name the folder to write the Markdown files in.", field="out"
        )
    # One long read in a session of its own, which on SQLite holds no write lock.
    with OrmSession(reading_engine(db.engine)) as session:
        return _write_export(out, fmt, actor, program_slugs or [], session)


def _write_export(
    out: Path, fmt: str, actor: Actor, program_slugs: list[str], session: OrmSession
) -> int:
    # Follow-ups come after the cases they follow, so the file imports in one pass.
    cases = _follow_up_order(list(cases_for_export(actor, program_slugs, session=session)))
    if fmt == "jsonl":
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("w", encoding="utf-8") as fh:
            for case in cases:
                fh.write(json.dumps(case_record(case, actor), ensure_ascii=False) + "\n")
    else:  # markdown
        for case in cases:
            record = case_record(case, actor)
            body = record.pop("presentation", "")
            target = out / record["program"] / f"{record['ref']}.md"
            target.parent.mkdir(parents=True, exist_ok=True)
            front = yaml.dump(
                record, Dumper=_BlockDumper, sort_keys=False, allow_unicode=True, width=100
            )
            target.write_text(f"---\n{front}---\n{body}\n", encoding="utf-8")
    return len(cases)


def _follow_up_order(cases: list[Case]) -> list[Case]:
    placed: set[int] = set()
    ordered: list[Case] = []
    by_id = {c.id: c for c in cases}

    def place(case: Case) -> None:
        if case.id in placed:
            return
        placed.add(case.id)
        if case.follows_id in by_id:
            place(by_id[case.follows_id])
        ordered.append(case)

    for case in cases:
        place(case)
    return ordered


class _BlockDumper(yaml.SafeDumper):
    """Multi-line strings as `|` blocks, so exported Markdown stays readable."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_BlockDumper.add_representer(str, _represent_str)
