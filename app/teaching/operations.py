"""Teaching sets and saved searches.

A saved search keeps the search page's query-string parameters under a name and re-runs the
live search when opened: it never freezes results, so what it finds is always what the
user may see now. A teaching set is an ordered list of cases and recommendations with the
owner's Markdown note on each; shared with a program, its members see it. Every reader gets
the items narrowed to what they may see (a private, withdrawn or draft one is simply left
out, uncounted), so sharing a set never shows anyone a case the policy hides from them.
Titles, descriptions, notes and search names pass the de-identification gate; the audit
trail records ids, never their text."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, cast
from urllib.parse import parse_qsl, urlencode

from sqlalchemy import delete, func, select
from sqlalchemy.orm import selectinload

from app.audit.operations import record
from app.auth import policy
from app.auth.models import User
from app.auth.policy import Actor, Viewer, write_operation
from app.cases.models import Case
from app.common import utcnow
from app.deid.gate import Acceptance, GatedFields
from app.deid.models import DeidOverride
from app.deid.operations import guard, remember_overrides
from app.errors import NotFound, ValidationError
from app.extensions import db
from app.programs.models import Program
from app.recommendations.models import Recommendation
from app.search.operations import filter_words
from app.search.params import setting_value
from app.search.words import guard_words
from app.teaching.models import SavedSearch, TeachingSet, TeachingSetItem

NAME_MAX = 120
QUERY_MAX = 2000
TITLE_MAX = 200
TEXT_MAX = 10_000
ITEMS_MAX = 200
# What the gate checks in each form, with the label the form shows. A saved search keeps
# every parameter of the search page (app/search/views.py) but the page being looked at, and
# shows the filters again as typed, so each passes the gate under its own name.
SEARCH_TEXTS = GatedFields(
    {
        "name": "Name",
        "q": "Search words",
        "type": "Type",
        "program": "Program",
        "topic": "Topic",
        "status": "Status",
        "year_from": "From year",
        "year_to": "To year",
        "sort": "Sort",
        "case": "Case",
        "group": "Group",
        "correct": "Correct spelling",
    }
)
# The search parameters, in the order a saved query keeps them.
SEARCH_PARAMETERS = tuple(name for name in SEARCH_TEXTS.labels if name != "name")
SEARCH_NAME_TEXTS = GatedFields({"name": "Name"})
# Read by the search-words gate (`app.search.words`), as the search page reads its words:
# the name, and every parameter kept as typed (a filter's value is shown again too).
SEARCH_FILTERS = ("type", "program", "topic", "status")
SEARCH_WORDS = ("q", "name", *SEARCH_FILTERS)
SET_TEXTS = GatedFields({"title": "Title", "description": "Description"})
NOTE_TEXTS = GatedFields({"note": "Note"})


def _signed_in(actor: Viewer, message: str = "Sign in to keep teaching sets.") -> User:
    return policy.require_own_account(actor, message)


def _text(value: Any, name: str, limit: int, *, required: bool = False) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(f"{name.capitalize()} must be text.", field=name)
    value = value.strip()
    if required and not value:
        raise ValidationError(f"Give the {name}.", field=name)
    if len(value) > limit:
        raise ValidationError(f"The {name} must be at most {limit:,} characters.", field=name)
    return value


# --- Saved searches ---------------------------------------------------------------------------


def normalise_query(raw: str) -> str:
    """The search parameters of a query string ("q=hcv&type=case", with or without "?"),
    known ones only, blanks dropped, settings as the page reads them (`setting_value`), in
    a fixed order; a query with none is refused."""
    if not isinstance(raw, str) or len(raw) > QUERY_MAX:
        raise ValidationError(
            f"The search must be a query string of at most {QUERY_MAX:,} characters.",
            field="query",
        )
    pairs = []
    for key, value in parse_qsl(raw.strip().lstrip("?"), keep_blank_values=False):
        if key not in SEARCH_PARAMETERS or not value.strip():
            continue
        # A setting is kept as the page reads it; what it ignores is not stored.
        kept = value.strip() if key in SEARCH_WORDS else setting_value(key, value)
        if kept is not None:
            pairs.append((key, kept))
    pairs.sort(key=lambda pair: SEARCH_PARAMETERS.index(pair[0]))
    if not pairs:
        raise ValidationError("Search for something before saving the search.", field="query")
    return urlencode(pairs)


def search_texts(name: str, query: str) -> dict[str, str]:
    """The gate's texts of a saved search: its name and each parameter of its query (as
    `normalise_query` keeps it), the values of a repeated parameter joined."""
    values: dict[str, list[str]] = {}
    for key, value in parse_qsl(query):
        values.setdefault(key, []).append(value)
    # A filter's value is read as the search page reads it (its slug's hyphens as spaces).
    return SEARCH_TEXTS.texts(
        name=name,
        **{
            key: filter_words(key, v, " ") if key in SEARCH_FILTERS else " ".join(v)
            for key, v in values.items()
        },
    )


def saved_searches_of(actor: Viewer) -> list[SavedSearch]:
    user = _signed_in(actor, "Sign in to keep searches.")
    return list(
        db.session.scalars(
            select(SavedSearch)
            .where(SavedSearch.owner_id == user.id)
            .order_by(func.lower(SavedSearch.name), SavedSearch.id)
        )
    )


def get_saved_search(actor: Viewer, search_id: int) -> SavedSearch:
    saved = db.session.get(SavedSearch, search_id)
    if saved is None:
        _signed_in(actor, "Sign in to keep searches.")
        raise NotFound("No such saved search.")
    policy.require_own_saved_search(actor, saved)
    return saved


@write_operation
def save_search(
    actor: Actor, name: str, query: str, *, accepted: Iterable[Acceptance] = ()
) -> SavedSearch:
    """Keep the search (its query-string parameters) under a name of the user's."""
    user = _signed_in(actor, "Sign in to keep searches.")
    name = _text(name, "name", NAME_MAX, required=True)
    query = normalise_query(query)
    # The name is a search's few words too, the words themselves by default.
    overridden = guard_words(search_texts(name, query), accepted, actor=actor, words=SEARCH_WORDS)
    saved = SavedSearch(owner_id=user.id, name=name, query=query)
    db.session.add(saved)
    db.session.flush()
    remember_overrides(saved, overridden, actor=actor, new=True)
    record(actor, "saved_search.saved", saved)
    return saved


@write_operation
def rename_search(
    actor: Actor, search_id: int, name: str, *, accepted: Iterable[Acceptance] = ()
) -> SavedSearch:
    saved = get_saved_search(actor, search_id)
    name = _text(name, "name", NAME_MAX, required=True)
    overridden = guard_words(
        SEARCH_NAME_TEXTS.texts(name=name), accepted, actor=actor, words=SEARCH_WORDS
    )
    saved.name = name
    remember_overrides(saved, overridden, actor=actor, fields=["name"])
    record(actor, "saved_search.renamed", saved)
    return saved


@write_operation
def delete_search(actor: Actor, search_id: int) -> None:
    saved = get_saved_search(actor, search_id)
    record(actor, "saved_search.deleted", saved)
    _forget_overrides(SavedSearch.__tablename__, [saved.id])
    db.session.delete(saved)


# --- Teaching sets: reading -------------------------------------------------------------------


def teaching_sets_of(actor: Viewer) -> tuple[list[TeachingSet], list[TeachingSet]]:
    """(the user's own sets, the sets shared with a program they belong to), newest first."""
    user = _signed_in(actor)
    order = (TeachingSet.updated_at.desc(), TeachingSet.id.desc())
    own = list(
        db.session.scalars(
            select(TeachingSet)
            .where(TeachingSet.owner_id == user.id)
            .options(selectinload(TeachingSet.program))
            .order_by(*order)
        )
    )
    shared: list[TeachingSet] = []
    if user.program_ids:
        shared = list(
            db.session.scalars(
                select(TeachingSet)
                .where(
                    TeachingSet.owner_id != user.id,
                    TeachingSet.program_id.in_(sorted(user.program_ids)),
                )
                .options(selectinload(TeachingSet.program), selectinload(TeachingSet.owner))
                .order_by(*order)
            )
        )
    return own, shared


def get_set(actor: Viewer, set_id: int) -> TeachingSet:
    """The set, if the actor may see it (NotFound otherwise, as for a missing one)."""
    teaching_set = db.session.get(TeachingSet, set_id)
    if teaching_set is None:
        raise NotFound("No such teaching set.")
    policy.require_view_teaching_set(actor, teaching_set)
    return teaching_set


def get_item(
    actor: Viewer, teaching_set: TeachingSet, item_id: int, *, to_remove: bool = False
) -> TeachingSetItem:
    """An item of the set that the actor may see; `to_remove`: also one hidden from the
    set's editor since it was added (they may take it out, never read it)."""
    item = db.session.get(TeachingSetItem, item_id)
    if item is None or item.set_id != teaching_set.id:
        raise NotFound("No such item in this teaching set.")
    if not _shown(actor, item) and not (
        to_remove and policy.can_edit_teaching_set(actor, teaching_set)
    ):
        raise NotFound("No such item in this teaching set.")
    return item


def _shown(actor: Viewer, item: TeachingSetItem) -> bool:
    if item.case is not None:
        return policy.can_list_case(actor, item.case)
    rec = item.recommendation
    return (
        rec is not None
        and rec.case.withdrawn_at is None
        and str(rec.status) == "published"
        and policy.can_view_recommendation(actor, rec)
    )


@dataclass
class ShownItem:
    """One item as a reader sees it: for a case, its published recommendations the reader
    may see; for a recommendation, the case it answers."""

    item: TeachingSetItem
    case: Case
    recommendations: list[Recommendation] = field(default_factory=list)

    @property
    def kind(self) -> Literal["case", "recommendation"]:
        return "case" if self.item.case_id else "recommendation"


@dataclass
class SetContents:
    teaching_set: TeachingSet
    items: list[ShownItem]
    can_edit: bool
    # For its editor only: items since hidden from them (a case withdrawn, a program left),
    # by id alone, so that they can be removed without being read.
    hidden: list[int] = field(default_factory=list)


def _loaded_items(teaching_set: TeachingSet) -> list[TeachingSetItem]:
    """The items with what a page shows of them, in a fixed number of queries."""
    return list(
        db.session.scalars(
            select(TeachingSetItem)
            .where(TeachingSetItem.set_id == teaching_set.id)
            .options(
                selectinload(TeachingSetItem.case).selectinload(Case.program),
                selectinload(TeachingSetItem.case)
                .selectinload(Case.recommendations)
                .selectinload(Recommendation.author),
                selectinload(TeachingSetItem.recommendation)
                .selectinload(Recommendation.case)
                .selectinload(Case.program),
                selectinload(TeachingSetItem.recommendation).selectinload(Recommendation.author),
            )
            .order_by(TeachingSetItem.position, TeachingSetItem.id)
        )
    )


def set_contents(actor: Viewer, teaching_set: TeachingSet) -> SetContents:
    """The set's items the actor may see, in order; the rest are left out without a trace."""
    policy.require_view_teaching_set(actor, teaching_set)
    shown: list[ShownItem] = []
    hidden: list[int] = []
    can_edit = policy.can_edit_teaching_set(actor, teaching_set)
    for item in _loaded_items(teaching_set):
        if not _shown(actor, item):
            if can_edit:
                hidden.append(item.id)
            continue
        if item.case is not None:
            recs = [
                r
                for r in sorted(item.case.recommendations, key=lambda r: (r.position, r.id))
                if str(r.status) == "published" and policy.can_view_recommendation(actor, r)
            ]
            shown.append(ShownItem(item, item.case, recs))
        elif item.recommendation is not None:
            shown.append(ShownItem(item, item.recommendation.case, [item.recommendation]))
    return SetContents(teaching_set, shown, can_edit, hidden)


# --- Teaching sets: writing -------------------------------------------------------------------


def _forget_overrides(entity_type: str, ids: list[int]) -> None:
    """A deleted set's (or item's, or search's) "not an identifier" marks go with it."""
    if ids:
        db.session.execute(
            delete(DeidOverride).where(
                DeidOverride.entity_type == entity_type, DeidOverride.entity_id.in_(ids)
            )
        )


def _touch(teaching_set: TeachingSet) -> None:
    teaching_set.updated_at = utcnow()


@write_operation
def create_set(
    actor: Actor,
    title: str,
    description: str = "",
    *,
    accepted: Iterable[Acceptance] = (),
) -> TeachingSet:
    """A new, empty teaching set of the actor's, shared with nobody."""
    user = _signed_in(actor)
    title = _text(title, "title", TITLE_MAX, required=True)
    description = _text(description, "description", TEXT_MAX)
    overridden = guard(SET_TEXTS.texts(title=title, description=description), accepted, actor=actor)
    teaching_set = TeachingSet(owner_id=user.id, title=title, description=description)
    db.session.add(teaching_set)
    db.session.flush()
    remember_overrides(teaching_set, overridden, actor=actor, new=True)
    record(actor, "teaching_set.created", teaching_set)
    return teaching_set


@write_operation
def update_set(
    actor: Actor,
    teaching_set: TeachingSet,
    *,
    title: str,
    description: str,
    accepted: Iterable[Acceptance] = (),
) -> TeachingSet:
    policy.require_edit_teaching_set(actor, teaching_set)
    title = _text(title, "title", TITLE_MAX, required=True)
    description = _text(description, "description", TEXT_MAX)
    overridden = guard(SET_TEXTS.texts(title=title, description=description), accepted, actor=actor)
    teaching_set.title, teaching_set.description = title, description
    _touch(teaching_set)
    remember_overrides(teaching_set, overridden, actor=actor, fields=["title", "description"])
    record(actor, "teaching_set.edited", teaching_set)
    return teaching_set


@write_operation
def share_set(actor: Actor, teaching_set: TeachingSet, program: Program) -> TeachingSet:
    """Share the set with one program (instead of any other): its members see it."""
    policy.require_share_teaching_set(actor, teaching_set, program)
    teaching_set.program = program
    _touch(teaching_set)
    record(actor, "teaching_set.shared", teaching_set, program_id=program.id)
    return teaching_set


@write_operation
def unshare_set(actor: Actor, teaching_set: TeachingSet) -> TeachingSet:
    policy.require_edit_teaching_set(actor, teaching_set)
    if teaching_set.program_id is not None:
        record(actor, "teaching_set.unshared", teaching_set, program_id=teaching_set.program_id)
    teaching_set.program = None
    _touch(teaching_set)
    return teaching_set


def unshare_sets_no_longer_seen(
    *, actor: Actor, owner: User | None = None, program: Program | None = None
) -> int:
    """Sets shared with a program their owner may no longer see stop being shared (called
    by the checked change, in its transaction: a membership removed, a role changed, a
    program made private), narrowed to `owner` and/or `program`. Returns how many were."""
    query = select(TeachingSet).where(TeachingSet.program_id.is_not(None))
    if owner is not None:
        query = query.where(TeachingSet.owner_id == owner.id)
    if program is not None:
        query = query.where(TeachingSet.program_id == program.id)
    unshared = 0
    for teaching_set in db.session.scalars(query).all():
        shared_with = teaching_set.program
        if shared_with is None or policy.keeps_teaching_set_shared(teaching_set.owner, shared_with):
            continue
        record(actor, "teaching_set.unshared", teaching_set, program_id=shared_with.id)
        teaching_set.program = None
        unshared += 1
    return unshared


@write_operation
def delete_set(actor: Actor, teaching_set: TeachingSet) -> None:
    policy.require_edit_teaching_set(actor, teaching_set)
    record(actor, "teaching_set.deleted", teaching_set)
    _forget_overrides(TeachingSetItem.__tablename__, [i.id for i in teaching_set.items])
    _forget_overrides(TeachingSet.__tablename__, [teaching_set.id])
    db.session.delete(teaching_set)


@write_operation
def add_item(
    actor: Actor,
    teaching_set: TeachingSet,
    *,
    case: Case | None = None,
    recommendation: Recommendation | None = None,
    note: str = "",
    accepted: Iterable[Acceptance] = (),
) -> TeachingSetItem:
    """Put a case or a recommendation (one of them) at the end of the set, with a note."""
    if (case is None) == (recommendation is None):
        policy.require_edit_teaching_set(actor, teaching_set)
        raise ValidationError("Name one case or one recommendation to add.", field="case_id")
    subject: Case | Recommendation = case if case is not None else recommendation  # type: ignore[assignment]
    policy.require_add_to_teaching_set(actor, teaching_set, subject)
    note = _text(note, "note", TEXT_MAX)
    column = TeachingSetItem.case_id if case is not None else TeachingSetItem.recommendation_id
    existing = db.session.scalar(
        select(TeachingSetItem.id).where(
            TeachingSetItem.set_id == teaching_set.id, column == subject.id
        )
    )
    if existing is not None:
        what = "case" if case is not None else "recommendation"
        raise ValidationError(f"This {what} is in the set already.", field=f"{what}_id")
    count, last = db.session.execute(
        select(func.count(), func.max(TeachingSetItem.position)).where(
            TeachingSetItem.set_id == teaching_set.id
        )
    ).one()
    if count >= ITEMS_MAX:
        raise ValidationError(f"A set holds at most {ITEMS_MAX} items.", field="case_id")
    overridden = guard(NOTE_TEXTS.texts(note=note), accepted, actor=actor)
    item = TeachingSetItem(
        case=case, recommendation=recommendation, note=note, position=(last or 0) + 1
    )
    teaching_set.items.append(item)  # keeps a loaded list in step for moves and removals
    db.session.flush()
    remember_overrides(item, overridden, actor=actor, new=True)
    _touch(teaching_set)
    record(
        actor,
        "teaching_set.item_added",
        teaching_set,
        **cast(
            dict[str, Any],
            {"case_id": case.id} if case is not None else {"recommendation_id": subject.id},
        ),
    )
    return item


def _editable_item(actor: Actor, item: TeachingSetItem) -> TeachingSet:
    teaching_set = item.teaching_set
    policy.require_edit_teaching_set(actor, teaching_set)
    return teaching_set


@write_operation
def set_note(
    actor: Actor, item: TeachingSetItem, note: str, *, accepted: Iterable[Acceptance] = ()
) -> TeachingSetItem:
    """Replace the note on an item (Markdown; empty for none)."""
    teaching_set = _editable_item(actor, item)
    note = _text(note, "note", TEXT_MAX)
    overridden = guard(NOTE_TEXTS.texts(note=note), accepted, actor=actor)
    item.note = note
    remember_overrides(item, overridden, actor=actor, fields=["note"])
    _touch(teaching_set)
    record(actor, "teaching_set.note_changed", teaching_set, item_id=item.id)
    return item


@write_operation
def remove_item(actor: Actor, item: TeachingSetItem) -> None:
    teaching_set = _editable_item(actor, item)
    record(actor, "teaching_set.item_removed", teaching_set, item_id=item.id)
    _forget_overrides(TeachingSetItem.__tablename__, [item.id])
    teaching_set.items.remove(item)
    _renumber(teaching_set.items)
    _touch(teaching_set)


@write_operation
def move_item(actor: Actor, item: TeachingSetItem, position: int) -> TeachingSetItem:
    """Move an item to `position` among the items the actor is shown (1 is first; past the
    end is last); the others close up. Items the actor may no longer see keep their place."""
    teaching_set = _editable_item(actor, item)
    if isinstance(position, bool) or not isinstance(position, int) or position < 1:
        raise ValidationError("Position must be a whole number from 1.", field="position")
    items = [i for i in teaching_set.items if i.id != item.id]
    shown = [i for i in items if _shown(actor, i)]
    index = min(position, len(shown) + 1) - 1
    if index < len(shown):
        items.insert(items.index(shown[index]), item)
    else:
        items.insert(items.index(shown[-1]) + 1 if shown else len(items), item)
    _renumber(items)
    _touch(teaching_set)
    record(actor, "teaching_set.item_moved", teaching_set, item_id=item.id, position=item.position)
    return item


def _renumber(items: Sequence[TeachingSetItem]) -> None:
    for number, item in enumerate(items, 1):
        item.position = number


@write_operation
def create_set_from_group(actor: Actor, cases: Sequence[Case]) -> TeachingSet:
    """A set of a recurring-question group's cases (the curriculum page's "Open as teaching
    set"): those the actor finds in lists. Its title names no case's question and counts
    none: the set may be shared with a program that sees none or only some of them (a
    private program's), and the owner renames it."""
    user = _signed_in(actor)
    shown = [c for c in dict.fromkeys(cases) if policy.can_list_case(user, c)]
    if len(shown) < 1:
        raise NotFound("No such group of cases.")
    teaching_set = create_set(user, "Recurring question")
    for case in shown[:ITEMS_MAX]:
        add_item(user, teaching_set, case=case)
    return teaching_set


# --- Export -----------------------------------------------------------------------------------


def export_json(actor: Viewer, teaching_set: TeachingSet) -> dict[str, Any]:
    """The set as the actor sees it, for a JSON download and the API."""
    contents = set_contents(actor, teaching_set)
    return {
        "id": teaching_set.id,
        "title": teaching_set.title,
        "description": teaching_set.description,
        "items": [
            {
                "kind": shown.kind,
                "note": shown.item.note,
                "case": {
                    "id": shown.case.id,
                    "title": shown.case.title,
                    "question": shown.case.question,
                    "program": shown.case.program.slug,
                },
                "recommendations": [
                    {
                        "id": r.id,
                        "category": str(r.category),
                        "body": r.body,
                        "references": list(r.references or []),
                    }
                    for r in shown.recommendations
                ],
            }
            for shown in contents.items
        ],
    }


def export_markdown(actor: Viewer, teaching_set: TeachingSet) -> str:
    """The set as a Markdown handout (title, description, each case's question, the
    recommendations and the notes)."""
    data = export_json(actor, teaching_set)
    lines = [f"# {data['title']}", ""]
    if data["description"]:
        lines += [data["description"], ""]
    for number, item in enumerate(data["items"], 1):
        case = item["case"]
        lines += [f"## {number}. {case['title']}", ""]
        if case["question"]:
            lines += [f"**Question:** {case['question']}", ""]
        for rec in item["recommendations"]:
            lines += [f"### Recommendation ({rec['category']})", "", rec["body"], ""]
            lines += [f"- {ref}" for ref in rec["references"]]
            if rec["references"]:
                lines.append("")
        if item["note"]:
            lines += ["**Note:**", "", item["note"], ""]
    return "\n".join(lines).rstrip() + "\n"
