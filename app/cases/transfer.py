"""Import and export of cases: Markdown files with YAML front matter, and JSON Lines.

Each file is all-or-nothing: every record is checked first, and any problem leaves the
database as it was, with each problem named by file, record and field.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from time import sleep
from typing import Any

import frontmatter
import yaml
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session as OrmSession

from app.auth import policy
from app.auth.models import Role, User
from app.auth.operations import create_user, get_user_by_email
from app.auth.policy import Permission
from app.cases.models import Case, CaseStatus
from app.cases.operations import (
    CaseData,
    create_case,
    export_age,
    find_case_by_ref,
    schedule,
    set_status,
    update_case,
)
from app.deid.gate import IdentifiersFound, prescan, redact, scanning_once
from app.errors import CasebookError, ValidationError
from app.extensions import db, reading_engine
from app.inputs import MAX_JSON_DEPTH, bounded_date, check_texts, json_depth
from app.programs.models import Program
from app.programs.operations import find_program, program_for_import, session_on
from app.recommendations.models import Recommendation, RecommendationStatus
from app.recommendations.operations import (
    add_recommendation,
    annotate,
    edit_recommendation,
    publish,
    record_outcome,
)

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


@dataclass
class ImportResult:
    path: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: list[str] = field(default_factory=list)
    # What --redact replaced: file, ref, field, category and offsets; never the text.
    redactions: list[dict[str, Any]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        return f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged"


class RecordProblem(Exception):
    def __init__(self, field_name: str | None, message: str) -> None:
        super().__init__(message)
        self.field = field_name
        self.message = message


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
            for candidate in sorted(path.rglob("*")):
                suffix = candidate.suffix.lower()
                if not candidate.is_file() or candidate.name.lower().startswith("readme"):
                    continue
                if suffix in MARKDOWN_SUFFIXES | JSONL_SUFFIXES:
                    files.append(candidate)
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


def _record_label(path: Path, number: int, raw: dict[str, Any]) -> str:
    unit = "line" if path.suffix.lower() in JSONL_SUFFIXES else "record"
    ref = raw.get("ref")
    shown = isinstance(ref, str) and _REF.match(ref)  # never echo control characters
    return f"{path} {unit} {number}" + (f" (ref {ref})" if shown else "")


# ---------------------------------------------------------------- importing


def import_paths(
    paths: list[Path],
    options: ImportOptions | None = None,
    *,
    actor: User | None = None,
    progress: Progress | None = None,
) -> list[ImportResult]:
    """Import every file under `paths`; one transaction per file."""
    policy.require(actor, Permission.IMPORT_DATA)
    options = options or ImportOptions()
    sources = [read_file(p) for p in collect_files(paths)]
    sources = _order_by_dependencies(sources)
    results: list[ImportResult] = []
    iterator: Iterable[SourceFile] = sources
    bar = progress(sources, "Importing", len(sources)) if progress and len(sources) > 1 else None
    if bar is not None:
        with bar as items:
            for source in items:
                with scanning_once():  # each text of the file is scanned for identifiers once
                    results.append(import_source(source, options, actor=actor))
    else:
        for source in iterator:
            with scanning_once():
                results.append(import_source(source, options, actor=actor))
    return results


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


def import_source(
    source: SourceFile, options: ImportOptions, *, actor: User | None = None
) -> ImportResult:
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
    if options.redact:
        # Before the file's transaction, not in it: on SQLite other writers wait meanwhile.
        records = [(n, _redact_record(raw, source.path, result)) for n, raw in source.records]
        source = SourceFile(source.path, records, [])
    prescan(_texts(source.records))  # scanned now, so the gate does not scan holding the lock
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


def _import_records(
    source: SourceFile, options: ImportOptions, actor: User | None, result: ImportResult
) -> ImportResult:
    """One attempt at a file's (already redacted) records in one transaction, rolled back
    on any problem."""
    try:
        with db.session.begin_nested():
            for number, raw in source.records:
                label = _record_label(source.path, number, raw)
                try:
                    outcome = _import_record(raw, options, actor)
                except IdentifiersFound as exc:
                    for f in exc.findings:
                        result.problems.append(
                            f"{label} field '{f.field}': possible {f.category} at characters"
                            f" {f.start}-{f.end}"
                        )
                    continue
                except RecordProblem as problem:
                    where = f" field '{problem.field}'" if problem.field else ""
                    result.problems.append(f"{label}{where}: {problem.message}")
                    continue
                except ValidationError as exc:
                    for name, message in (exc.errors or {exc.field or "": exc.message}).items():
                        where = f" field '{name}'" if name else ""
                        result.problems.append(f"{label}{where}: {message}")
                    continue
                setattr(result, outcome, getattr(result, outcome) + 1)
                # Later records of the file (follow-ups) must see this one.
                db.session.flush()
            if result.problems:
                raise _Rollback()
    except _Rollback:
        result.created = result.updated = result.unchanged = 0
        db.session.rollback()
        return result
    except CasebookError as exc:
        db.session.rollback()
        result.problems.append(f"{source.path}: {exc.message}")
        return result
    db.session.commit()
    return result


class _Rollback(Exception):
    pass


def _import_record(raw: dict[str, Any], options: ImportOptions, actor: User | None) -> str:
    try:
        check_texts(raw)
    except ValidationError as exc:
        raise RecordProblem(exc.field, exc.message.removeprefix(f"{exc.field} ")) from None
    unknown = sorted(set(raw) - KNOWN_KEYS)
    if unknown:
        raise RecordProblem(unknown[0], "is not a known field of a case record")
    for key in REQUIRED_KEYS:
        if raw.get(key) in (None, ""):
            raise RecordProblem(key, "is required")
    ref = raw["ref"]
    if not isinstance(ref, str) or not _REF.match(ref):
        raise RecordProblem("ref", "must be 1-64 letters, digits, '.', '_' or '-'")
    program = _program(raw["program"], options, actor)
    status = _status(raw.get("status"), raw)
    presenter = _user(raw.get("presenter"), "presenter", Role.PROVIDER, options, actor)
    follows = _follows(raw.get("follows"), program, ref)
    session_date = _date(raw.get("session_date"))
    data = CaseData(
        title=raw.get("title"),  # type: ignore[arg-type]
        question=_text(raw, "question"),
        presentation=_text(raw, "presentation"),
        age=raw.get("age"),
        sex=raw.get("sex"),
        fields=raw.get("fields") or {},
        topics=_list(raw, "topics"),
    )
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
        )
        outcome = "created"
    else:
        if case.program_id != program.id:
            raise RecordProblem("program", f"ref {ref} already belongs to {case.program.slug}")
        policy.require(actor, Permission.IMPORT_DATA, case.program)
        changed = bool(update_case(case, data, actor=actor))
        if case.presenter_id != (presenter.id if presenter else None):
            case.presenter, changed = presenter, True
        if case.follows_id != (follows.id if follows else None):
            case.follows, changed = follows, True
        if case.status is not status:
            set_status(case, status, actor=actor, enforce=False)
            changed = True
        outcome = "updated" if changed else "unchanged"
    if session_date is not None:
        session = session_on(program, session_date, actor=actor)
        before = len(case.presentations)
        schedule(case, session, presented=_is_presented(status), actor=actor)
        if outcome == "unchanged" and len(case.presentations) != before:
            outcome = "updated"
    rec_changed = _import_recommendations(case, raw.get("recommendations"), options, actor)
    out_changed = _import_outcomes(case, raw.get("outcomes"), actor)
    if session_date is not None:
        _date_history(case, session_date)
    if outcome == "unchanged" and (rec_changed or out_changed):
        outcome = "updated"
    return outcome


def _date_history(case: Case, on: date) -> None:
    """Imported history happened at its session, not at import time: date it so."""
    when = datetime.combine(on, time(12, 0))
    if case.created_at > when:
        case.created_at = when
    for recommendation in case.recommendations:
        if recommendation.published_at is not None and recommendation.published_at > when:
            recommendation.published_at = when
        if recommendation.created_at > when:
            recommendation.created_at = when
        for annotation in recommendation.annotations:
            if annotation.created_at > when:
                annotation.created_at = when
    for outcome in case.outcomes:
        if outcome.recorded_at > when:
            outcome.recorded_at = when


REDACTED_KEYS = ("title", "question", "presentation")


def _redact_record(raw: dict[str, Any], path: Path, result: ImportResult) -> dict[str, Any]:
    """A copy of the record with every finding in its free text replaced by [CATEGORY]."""
    ref = raw.get("ref")

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

    out = dict(raw)
    for key in REDACTED_KEYS:
        out[key] = clean(raw.get(key), key)
    if isinstance(raw.get("fields"), dict):
        out["fields"] = {k: clean(v, f"fields.{k}") for k, v in raw["fields"].items()}
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


def _texts(records: list[tuple[int, dict[str, Any]]]) -> Iterator[str]:
    """Every text in the records, as the operations' gates will see it (stripped; topic
    names with single spaces)."""
    stack: list[Any] = [raw for _, raw in records]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
        elif isinstance(value, str) and value.strip():
            yield value.strip()
            if len(value) <= 200 and " ".join(value.split()) != value.strip():
                yield " ".join(value.split())


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


def _program(slug: Any, options: ImportOptions, actor: User | None) -> Program:
    if not isinstance(slug, str):
        raise RecordProblem("program", "must be a program slug")
    program = find_program(slug)
    if program is None:
        if not options.create_programs:
            raise RecordProblem(
                "program", f"unknown program '{slug}' (use --create-programs to create it)"
            )
        try:
            program = program_for_import(slug, slug.replace("-", " ").title(), actor=actor)
        except ValidationError as exc:
            raise RecordProblem("program", exc.message) from None
    policy.require(actor, Permission.IMPORT_DATA, program)
    return program


def _user(
    email: Any, field_name: str, role: Role, options: ImportOptions, actor: User | None
) -> User | None:
    if email in (None, ""):
        return None
    if not isinstance(email, str):
        raise RecordProblem(field_name, "must be an email address")
    user = get_user_by_email(email)
    if user is None:
        if not options.create_authors:
            raise RecordProblem(
                field_name, f"no account with email {email} (use --create-authors to add one)"
            )
        try:
            user = create_user(email, email.split("@")[0], role, actor=actor)
        except ValidationError as exc:
            raise RecordProblem(field_name, exc.message) from None
    return user


def _follows(ref: Any, program: Program, own_ref: str) -> Case | None:
    if ref in (None, ""):
        return None
    if not isinstance(ref, str):
        raise RecordProblem("follows", "must be the ref of an earlier case")
    if ref == own_ref:
        raise RecordProblem("follows", "a case cannot follow itself")
    case = find_case_by_ref(ref)
    if case is None:
        raise RecordProblem("follows", f"no case with ref {ref}")
    if case.program_id != program.id:
        raise RecordProblem("follows", f"case {ref} is in another program")
    return case


def _import_recommendations(
    case: Case, items: Any, options: ImportOptions, actor: User | None
) -> bool:
    """Match recommendations by position; edits keep versions, extras are removed.

    A recommendation the actor may not read (another expert's draft: exports as the actor
    leave it out) is never changed or removed by the actor's import: that is refused, so a
    re-imported export cannot overwrite or drop drafts it did not contain."""
    if items is None:
        items = []
    if not isinstance(items, list):
        raise RecordProblem("recommendations", "must be a list")
    changed = False
    existing = list(case.recommendations)

    def unseen(recommendation: Recommendation) -> bool:
        return actor is not None and not policy.can_view_recommendation(actor, recommendation)

    for index, item in enumerate(items, 1):
        where = f"recommendations[{index}]"
        if not isinstance(item, dict):
            raise RecordProblem(where, "must be a mapping with author, category and body")
        extra = sorted(
            set(item) - {"author", "category", "body", "references", "annotations", "status"}
        )
        if extra:
            raise RecordProblem(f"{where}.{extra[0]}", "is not a known field of a recommendation")
        author = _user(item.get("author"), f"{where}.author", Role.EXPERT, options, actor)
        if author is None:
            raise RecordProblem(f"{where}.author", "is required")
        published = item.get("status", "published") == "published"
        if item.get("status") not in (None, "published", "draft"):
            raise RecordProblem(f"{where}.status", "must be published or draft")
        try:
            if index <= len(existing):
                recommendation = existing[index - 1]
                hidden = unseen(recommendation)  # before the import changes it
                edited = recommendation.author_id != author.id
                if edited:
                    recommendation.author = author
                edited |= edit_recommendation(
                    recommendation,
                    body=item.get("body"),
                    category=item.get("category"),
                    references=item.get("references"),
                    editor=author,
                    actor=actor,
                    imported=True,
                )
                if published and recommendation.status is not RecommendationStatus.PUBLISHED:
                    publish(recommendation, actor=actor)
                    edited = True
                if edited and hidden:
                    raise RecordProblem(where, _UNSEEN)
                changed |= edited
            else:
                hidden = False
                recommendation = add_recommendation(
                    case,
                    author,
                    item.get("body"),
                    item.get("category"),
                    references=item.get("references"),
                    publish=published,
                    actor=actor,
                    imported=True,
                )
                changed = True
        except IdentifiersFound as exc:
            raise exc.within(where) from None
        except ValidationError as exc:
            raise RecordProblem(f"{where}.{exc.field}", exc.message) from None
        annotated = _import_annotations(
            recommendation, item.get("annotations"), where, options, actor
        )
        if annotated and hidden:
            raise RecordProblem(f"{where}.annotations", _UNSEEN)
        changed |= annotated
    for index, stale in enumerate(existing[len(items) :], len(items) + 1):
        if unseen(stale):
            raise RecordProblem(f"recommendations[{index}]", _UNSEEN)
        db.session.delete(stale)
        case.recommendations.remove(stale)
        changed = True
    return changed


_UNSEEN = (
    "would change or remove another expert's unpublished recommendation, which you cannot "
    "see; only its author or an admin can"
)


def _import_annotations(
    recommendation: Recommendation,
    items: Any,
    where: str,
    options: ImportOptions,
    actor: User | None,
) -> bool:
    if items is None:
        items = []
    if not isinstance(items, list):
        raise RecordProblem(f"{where}.annotations", "must be a list")
    wanted = []
    for index, item in enumerate(items, 1):
        at = f"{where}.annotations[{index}]"
        if not isinstance(item, dict):
            raise RecordProblem(at, "must be a mapping with author, kind and body")
        author = _user(item.get("author"), f"{at}.author", Role.EXPERT, options, actor)
        if author is None:
            raise RecordProblem(f"{at}.author", "is required")
        wanted.append((author, item.get("kind"), item.get("body"), item.get("references") or []))
    current = [
        (a.author_id, str(a.kind), a.body, list(a.references)) for a in recommendation.annotations
    ]
    target = [(u.id, k, b.strip() if isinstance(b, str) else b, r) for u, k, b, r in wanted]
    if current == target:
        return False
    for annotation in list(recommendation.annotations):
        recommendation.annotations.remove(annotation)
        db.session.delete(annotation)
    for index, (author, kind, body, references) in enumerate(wanted, 1):
        try:
            annotate(
                recommendation,
                author,
                kind,
                body,
                references=references,
                actor=actor,
                imported=True,
            )
        except IdentifiersFound as exc:
            raise exc.within(f"{where}.annotations[{index}]") from None
        except ValidationError as exc:
            raise RecordProblem(f"{where}.annotations[{index}].{exc.field}", exc.message) from None
    return True


def _import_outcomes(case: Case, items: Any, actor: User | None) -> bool:
    if items is None:
        items = []
    if not isinstance(items, list):
        raise RecordProblem("outcomes", "must be a list")
    if items and case.follows is None:
        raise RecordProblem("outcomes", "only a follow-up (with 'follows') records outcomes")
    changed = False
    for index, item in enumerate(items, 1):
        where = f"outcomes[{index}]"
        if not isinstance(item, dict):
            raise RecordProblem(where, "must be a mapping")
        position = item.get("recommendation")
        earlier = case.follows.recommendations if case.follows else []
        if (
            isinstance(position, bool)
            or not isinstance(position, int)
            or not (1 <= position <= len(earlier))
        ):
            raise RecordProblem(
                f"{where}.recommendation",
                f"must be the number (1 to {len(earlier)}) of a recommendation of the case"
                " it follows",
            )
        recommendation = earlier[position - 1]
        before = next((o for o in case.outcomes if o.recommendation_id == recommendation.id), None)
        snapshot = (
            (str(before.adoption), str(before.patient_status), before.note) if before else None
        )
        try:
            outcome = record_outcome(
                case,
                recommendation,
                item.get("adoption"),
                item.get("patient_status"),
                note=item.get("note") or "",
                actor=actor,
                imported=True,
            )
        except IdentifiersFound as exc:
            raise exc.within(where) from None
        except ValidationError as exc:
            raise RecordProblem(f"{where}.{exc.field}", exc.message) from None
        changed |= snapshot != (str(outcome.adoption), str(outcome.patient_status), outcome.note)
    return changed


# ---------------------------------------------------------------- exporting


def _recommendations_for(actor: User | None, case: Case) -> list[Recommendation]:
    """The case's recommendations the actor may read: another expert's draft stays out."""
    if actor is None:  # the operator at the server's shell
        return list(case.recommendations)
    return [r for r in case.recommendations if policy.can_view_recommendation(actor, r)]


def case_record(case: Case, actor: User | None = None) -> dict[str, Any]:
    """A case in the import format, as `actor` may read it (everything for the operator);
    importing it back gives the same case.

    Outcomes name a recommendation of the earlier case by its number in that case's
    exported list, so they are numbered among the recommendations the actor may read."""
    first = case.first_session
    recommendations = _recommendations_for(actor, case)
    earlier = _recommendations_for(actor, case.follows) if case.follows else []
    numbers = {r.id: number for number, r in enumerate(earlier, 1)}
    out: dict[str, Any] = {
        "ref": case.ref or f"casebook-{case.id}",
        "program": case.program.slug,
        "session_date": first.date.isoformat() if first else None,
        "title": case.title,
        "age": export_age(case.age),
        "sex": str(case.sex) if case.sex else None,
        "presenter": case.presenter.email if case.presenter else None,
        "question": case.question,
        "topics": [t.name for t in case.topics],
        "fields": dict(case.fields or {}),
        "status": str(case.status),
        "follows": (case.follows.ref or f"casebook-{case.follows.id}") if case.follows else None,
        "recommendations": [
            {
                "author": r.author.email,
                "category": str(r.category),
                "status": str(r.status),
                "body": r.body,
                "references": list(r.references),
                "annotations": [
                    {
                        "author": a.author.email,
                        "kind": str(a.kind),
                        "body": a.body,
                        "references": list(a.references),
                    }
                    for a in r.annotations
                ],
            }
            for r in recommendations
        ],
        "outcomes": [
            {
                "recommendation": numbers[o.recommendation_id],
                "adoption": str(o.adoption),
                "patient_status": str(o.patient_status),
                "note": o.note,
            }
            for o in sorted(case.outcomes, key=lambda o: o.recommendation.position)
            if o.recommendation_id in numbers
        ],
        "presentation": case.presentation,
    }
    return {k: v for k, v in out.items() if v not in (None, [], {})}


def cases_for_export(
    actor: User | None, program_slugs: list[str], *, session: OrmSession | None = None
) -> Iterator[Case]:
    stmt = select(Case).join(Program).order_by(Program.slug, Case.created_at, Case.id)
    if program_slugs:
        stmt = stmt.where(Program.slug.in_(program_slugs))
    for case in (session or db.session).scalars(stmt):
        if actor is None or policy.can_view_case(actor, case):
            yield case


def export_cases(
    out: Path, fmt: str, *, actor: User | None = None, program_slugs: list[str] | None = None
) -> int:
    """Write visible cases to a .jsonl file or a folder of Markdown files; returns the count."""
    policy.require(actor, Permission.EXPORT_DATA)
    for slug in program_slugs or []:
        program = find_program(slug)
        if program is None or not policy.can_view_program(actor, program):
            raise ValidationError(f"Unknown program '{slug}'.", field="program")
    if fmt not in ("jsonl", "markdown"):
        raise ValidationError("Format must be jsonl or markdown.", field="format")
    # One long read in a session of its own, which on SQLite holds no write lock.
    with OrmSession(reading_engine(db.engine)) as session:
        return _write_export(out, fmt, actor, program_slugs or [], session)


def _write_export(
    out: Path, fmt: str, actor: User | None, program_slugs: list[str], session: OrmSession
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
