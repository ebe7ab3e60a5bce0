"""Teaching sets and saved searches in the browser: /my/teaching-sets, a set's page, its
handout and downloads, adding a case or recommendation to a set, and /my/searches."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any
from urllib.parse import parse_qsl, urlencode

from flask import Blueprint, Response, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from app.auth import policy
from app.auth.models import User
from app.cases.models import Case
from app.deid.gate import Acceptance, IdentifiersFound, finding_digest
from app.deid.operations import overrides_for
from app.deid.web import acceptance_fields
from app.errors import NotFound, ValidationError
from app.extensions import db
from app.inputs import id_value
from app.programs.operations import visible_programs
from app.recommendations.models import Recommendation
from app.teaching import operations as ops
from app.teaching.forms import (
    AddForm,
    GroupForm,
    MoveForm,
    NoteForm,
    RenameForm,
    SearchForm,
    SetForm,
    ShareForm,
    SubjectForm,
)
from app.teaching.models import SavedSearch, TeachingSet

teaching_blueprint = Blueprint("teaching", __name__, template_folder="templates")


def _user() -> Any:
    return current_user._get_current_object()


@teaching_blueprint.app_context_processor
def _helpers() -> dict[str, Any]:
    def search_query() -> str:
        """The search page's own parameters, for "Save this search"."""
        pairs = [(k, v) for k, v in request.args.items(multi=True) if k in ops.SEARCH_PARAMETERS]
        return urlencode(pairs)

    return {"search_query": search_query}


# --- Saved searches ---------------------------------------------------------------------------


def _searches_page(
    values: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
    message: str = "",
    panels: dict[str, Any] | None = None,
    status: int = 200,
) -> Any:
    searches = ops.saved_searches_of(_user())
    return render_template(
        "teaching/searches.html",
        searches=searches,
        described={s.id: dict(parse_qsl(s.query)) for s in searches},
        values=values or {},
        errors=errors or {},
        message=message,
        panels=panels or {},
    ), status


@teaching_blueprint.route("/my/searches")
@login_required
def my_searches() -> Any:
    return _searches_page()


@teaching_blueprint.route("/my/searches", methods=["POST"])
@login_required
def save_search() -> Any:
    form = SearchForm()
    try:
        saved = ops.save_search(_user(), form.name.data, form.query.data, accepted=form.accepted())
        db.session.commit()
    except ValidationError as exc:
        form.show_refusal(exc)
        values = {"name": form.name.data, "query": form.query.data}
        return _searches_page(values, form.problems, form.message, form.panels, 422)
    flash(f"Search saved as “{saved.name}”.", "success")
    return redirect(url_for("teaching.my_searches"), 303)


@teaching_blueprint.route("/my/searches/<int:search_id>")
@login_required
def run_search(search_id: int) -> Any:
    """Opens the search page with the saved parameters: the live search, run now."""
    saved = ops.get_saved_search(_user(), search_id)
    return redirect(url_for("search.search_page") + "?" + _with_marks(saved), 303)


def _with_marks(saved: SavedSearch) -> str:
    """The saved query with its words' findings marked "not an identifier" when it was
    saved ticked again: the search page's gate reads the words afresh and would ask again.
    A tick names the finding's text (its digest), so it accepts nothing else."""
    words = ops.search_texts(saved.name, saved.query).get("q", "")
    marks = [
        Acceptance(
            "q",
            mark.start,
            mark.end,
            mark.reason,
            category=mark.category,
            digest=finding_digest(words[mark.start : mark.end]),
        )
        for mark in overrides_for(saved.__tablename__, saved.id)
        if mark.field == "q" and mark.end <= len(words)
    ]
    return "&".join(part for part in (saved.query, urlencode(acceptance_fields(marks))) if part)


@teaching_blueprint.route("/my/searches/<int:search_id>/rename", methods=["POST"])
@login_required
def rename_search(search_id: int) -> Any:
    form = RenameForm()
    try:
        ops.rename_search(_user(), search_id, form.name.data, accepted=form.accepted())
        db.session.commit()
    except ValidationError as exc:
        form.show_refusal(exc)
        # each saved search's rename box is told apart by its id on the page
        errors = {f"name-{search_id}": form.problems.get("name", form.message)}
        values = {f"name-{search_id}": form.name.data}
        return _searches_page(values, errors, form.message, form.panels, 422)
    flash("Search renamed.", "success")
    return redirect(url_for("teaching.my_searches"), 303)


@teaching_blueprint.route("/my/searches/<int:search_id>/delete", methods=["POST"])
@login_required
def delete_search(search_id: int) -> Any:
    ops.delete_search(_user(), search_id)
    db.session.commit()
    flash("Saved search deleted.", "success")
    return redirect(url_for("teaching.my_searches"), 303)


# --- Teaching sets ----------------------------------------------------------------------------


def _sets_page(
    values: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
    message: str = "",
    panels: dict[str, Any] | None = None,
    status: int = 200,
) -> Any:
    own, shared = ops.teaching_sets_of(_user())
    return render_template(
        "teaching/sets.html",
        own=own,
        shared=shared,
        values=values or {},
        errors=errors or {},
        message=message,
        panels=panels or {},
    ), status


@teaching_blueprint.route("/my/teaching-sets")
@login_required
def my_sets() -> Any:
    return _sets_page()


@teaching_blueprint.route("/my/teaching-sets", methods=["POST"])
@login_required
def create_set() -> Any:
    form = SetForm()
    try:
        teaching_set = ops.create_set(
            _user(), form.title.data, form.description.data, accepted=form.accepted()
        )
        db.session.commit()
    except ValidationError as exc:
        form.show_refusal(exc)
        values = {"title": form.title.data, "description": form.description.data}
        return _sets_page(values, form.problems, form.message, form.panels, 422)
    flash("Teaching set created: add cases and recommendations from their pages.", "success")
    return redirect(url_for("teaching.teaching_set", set_id=teaching_set.id), 303)


def _set_page(
    teaching_set: TeachingSet,
    *,
    form: str = "",
    item_id: int | None = None,
    values: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
    message: str = "",
    panels: dict[str, Any] | None = None,
    status: int = 200,
) -> Any:
    user = _user()
    contents = ops.set_contents(user, teaching_set)
    programs = []
    if contents.can_edit:
        programs = [
            p
            for p in visible_programs(user)
            if policy.can_share_teaching_set(user, teaching_set, p)
        ]
    return render_template(
        "teaching/set.html",
        contents=contents,
        teaching_set=teaching_set,
        programs=programs,
        form=form,
        item_id=item_id,
        values=values or {},
        errors=errors or {},
        message=message,
        panels=panels or {},
    ), status


@teaching_blueprint.route("/teaching-sets/<int:set_id>")
@login_required
def teaching_set(set_id: int) -> Any:
    return _set_page(ops.get_set(_user(), set_id))


@teaching_blueprint.route("/teaching-sets/<int:set_id>", methods=["POST"])
@login_required
def update_set(set_id: int) -> Any:
    user = _user()
    found = ops.get_set(user, set_id)
    policy.require_edit_teaching_set(user, found)
    form = SetForm()
    try:
        ops.update_set(
            user,
            found,
            title=form.title.data,
            description=form.description.data,
            accepted=form.accepted(),
        )
        db.session.commit()
    except ValidationError as exc:
        form.show_refusal(exc)
        found = ops.get_set(user, set_id)
        return _set_page(
            found,
            form="edit",
            values={"title": form.title.data, "description": form.description.data},
            errors=form.problems,
            message=form.message,
            panels=form.panels,
            status=422,
        )
    flash("Teaching set saved.", "success")
    return redirect(url_for("teaching.teaching_set", set_id=set_id), 303)


@teaching_blueprint.route("/teaching-sets/<int:set_id>/share", methods=["POST"])
@login_required
def share_set(set_id: int) -> Any:
    user = _user()
    found = ops.get_set(user, set_id)
    policy.require_edit_teaching_set(user, found)
    slug = ShareForm().program.data
    if not slug:
        ops.unshare_set(user, found)
        db.session.commit()
        flash("The set is yours alone again.", "success")
        return redirect(url_for("teaching.teaching_set", set_id=set_id), 303)
    from app.programs.operations import find_program

    program = find_program(slug)
    if program is None or not policy.can_view_program(user, program):
        return _set_page(
            found,
            form="share",
            errors={"program": "Choose a program you belong to."},
            message="Choose a program you belong to.",
            status=422,
        )
    ops.share_set(user, found, program)
    db.session.commit()
    flash(f"Shared with {program.name}: its members see the set.", "success")
    return redirect(url_for("teaching.teaching_set", set_id=set_id), 303)


@teaching_blueprint.route("/teaching-sets/<int:set_id>/delete", methods=["POST"])
@login_required
def delete_set(set_id: int) -> Any:
    user = _user()
    ops.delete_set(user, ops.get_set(user, set_id))
    db.session.commit()
    flash("Teaching set deleted.", "success")
    return redirect(url_for("teaching.my_sets"), 303)


@teaching_blueprint.route("/teaching-sets/<int:set_id>/items/<int:item_id>/note", methods=["POST"])
@login_required
def set_note(set_id: int, item_id: int) -> Any:
    user = _user()
    found = ops.get_set(user, set_id)
    item = ops.get_item(user, found, item_id)
    form = NoteForm()
    try:
        ops.set_note(user, item, form.note.data, accepted=form.accepted())
        db.session.commit()
    except ValidationError as exc:
        form.show_refusal(exc)
        return _set_page(
            ops.get_set(user, set_id),
            form="note",
            item_id=item_id,
            values={"note": form.note.data},
            errors=form.problems,
            message=form.message,
            panels=form.panels,
            status=422,
        )
    flash("Note saved.", "success")
    return redirect(url_for("teaching.teaching_set", set_id=set_id) + f"#item-{item_id}", 303)


@teaching_blueprint.route("/teaching-sets/<int:set_id>/items/<int:item_id>/move", methods=["POST"])
@login_required
def move_item(set_id: int, item_id: int) -> Any:
    user = _user()
    found = ops.get_set(user, set_id)
    item = ops.get_item(user, found, item_id)
    try:
        ops.move_item(user, item, MoveForm().place())
        db.session.commit()
    except ValidationError as exc:
        db.session.rollback()
        flash(exc.message, "error")
    return redirect(url_for("teaching.teaching_set", set_id=set_id) + f"#item-{item_id}", 303)


@teaching_blueprint.route(
    "/teaching-sets/<int:set_id>/items/<int:item_id>/remove", methods=["POST"]
)
@login_required
def remove_item(set_id: int, item_id: int) -> Any:
    user = _user()
    found = ops.get_set(user, set_id)
    ops.remove_item(user, ops.get_item(user, found, item_id, to_remove=True))
    db.session.commit()
    flash("Removed from the set.", "success")
    return redirect(url_for("teaching.teaching_set", set_id=set_id), 303)


@teaching_blueprint.route("/teaching-sets/<int:set_id>/handout")
@login_required
def handout(set_id: int) -> Any:
    """A clean page to print for a session: no navigation, print styles."""
    user = _user()
    return render_template(
        "teaching/handout.html", contents=ops.set_contents(user, ops.get_set(user, set_id))
    )


@teaching_blueprint.route("/teaching-sets/<int:set_id>/export.<fmt>")
@login_required
def export(set_id: int, fmt: str) -> Response:
    user = _user()
    found = ops.get_set(user, set_id)
    if fmt == "json":
        body = json.dumps(ops.export_json(user, found), indent=2, ensure_ascii=False) + "\n"
        mimetype = "application/json"
    elif fmt == "md":
        body, mimetype = ops.export_markdown(user, found), "text/markdown"
    else:
        raise NotFound("Export as json or md.")
    return Response(
        body,
        mimetype=mimetype,
        headers={"Content-Disposition": f'attachment; filename="teaching-set-{set_id}.{fmt}"'},
    )


# --- Adding to a set --------------------------------------------------------------------------


def _subject() -> Case | Recommendation:
    """The case (?case=) or recommendation (?recommendation=) to add, if the user sees it."""
    from app.cases.queries import get_visible_case

    subject = SubjectForm.read()
    rec_id = subject.recommendation_id()
    if rec_id:
        rec = db.session.get(Recommendation, rec_id)
        if rec is None or not policy.can_view_recommendation(_user(), rec):
            raise NotFound("No such recommendation.")
        return rec
    case_id = subject.case_id()
    if not case_id:
        raise NotFound("Name a case or a recommendation to add.")
    return get_visible_case(_user(), case_id)


def _add_page(
    subject: Case | Recommendation,
    values: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
    message: str = "",
    panels: dict[str, Any] | None = None,
    status: int = 200,
) -> Any:
    own, _ = ops.teaching_sets_of(_user())
    return render_template(
        "teaching/add.html",
        subject=subject,
        is_case=isinstance(subject, Case),
        own=own,
        values=values or {},
        errors=errors or {},
        message=message,
        panels=panels or {},
    ), status


@teaching_blueprint.route("/teaching-sets/add")
@login_required
def add_form() -> Any:
    return _add_page(_subject(), {"set_id": request.args.get("set", "")})


def _new_set(user: User, title: str, accepted: list[Acceptance]) -> TeachingSet:
    """A set made from the add form, whose title box is `new_title`: its findings and the
    author's acceptances are named by that box, both ways."""
    as_title = [replace(a, field="title") if a.field == "new_title" else a for a in accepted]
    try:
        return ops.create_set(user, title, accepted=as_title)
    except IdentifiersFound as exc:
        raise exc.renamed("title", "new_title") from None


@teaching_blueprint.route("/teaching-sets/add", methods=["POST"])
@login_required
def add_item() -> Any:
    user = _user()
    subject = _subject()
    form = AddForm()
    try:
        accepted = form.accepted()
        if form.set_id.data == "new":
            target = _new_set(user, form.new_title.data, accepted)
        else:
            found = db.session.get(TeachingSet, id_value(form.set_id.data) or 0)
            # Another's set answers as a missing one: the choice tells nothing of which exist.
            if found is None or not policy.can_edit_teaching_set(user, found):
                raise ValidationError("Choose one of your sets, or a new one.", field="set_id")
            target = found
        kind = {"case": subject} if isinstance(subject, Case) else {"recommendation": subject}
        ops.add_item(user, target, note=form.note.data, accepted=accepted, **kind)
        target_id, title = target.id, target.title
        db.session.commit()
    except ValidationError as exc:
        form.show_refusal(exc)
        values = {k: v for k, v in form.values().items() if k in ("set_id", "new_title", "note")}
        return _add_page(_subject(), values, form.problems, form.message, form.panels, 422)
    flash(f"Added to “{title}”.", "success")
    return redirect(url_for("teaching.teaching_set", set_id=target_id), 303)


@teaching_blueprint.route("/teaching-sets/from-group", methods=["POST"])
@login_required
def from_group() -> Any:
    """The curriculum page's "Open as teaching set": the group's cases, in a new set."""
    user = _user()
    ids = GroupForm().case_ids()[: ops.ITEMS_MAX]
    cases = [db.session.get(Case, i) for i in dict.fromkeys(ids)]
    teaching_set = ops.create_set_from_group(user, [c for c in cases if c is not None])
    set_id = teaching_set.id
    db.session.commit()
    flash("A teaching set of the group's cases: add notes, then share or print it.", "success")
    return redirect(url_for("teaching.teaching_set", set_id=set_id), 303)
