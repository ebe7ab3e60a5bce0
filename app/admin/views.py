"""The admin console's pages: thin views over app/admin/operations.py."""

from __future__ import annotations

import re
from typing import Any

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user

from app.admin import operations as ops
from app.auth import policy
from app.auth.models import Role
from app.auth.policy import Permission, permission_required
from app.common import utcnow
from app.errors import Conflict, NotFound, ValidationError
from app.extensions import db
from app.inputs import id_value
from app.pagination import page_number
from app.programs.models import Program, TopicStatus
from app.programs.operations import create_program, find_program, update_program

admin_blueprint = Blueprint("admin", __name__, template_folder="templates", url_prefix="/admin")

ROLE_OPTIONS = [(r.value, r.label) for r in Role]


def _user() -> Any:
    return current_user._get_current_object()


def _refused(exc: ValidationError | Conflict) -> tuple[dict[str, str], str]:
    db.session.rollback()
    errors = dict(getattr(exc, "errors", None) or {}) or (
        {exc.field: exc.message} if exc.field else {}
    )
    return errors, exc.message


@admin_blueprint.route("")
@permission_required(Permission.ACCEPT_TOPICS)
def home() -> Any:
    user = _user()
    if not policy.can(user, Permission.MANAGE_USERS):  # coordinators: topic review only
        return redirect(url_for("admin.topics"))
    return render_template(
        "admin/home.html",
        accounts=ops.list_accounts(user, per_page=1).total,
        inactive=ops.list_accounts(user, status="inactive", per_page=1).total,
        programs=len(ops.all_programs(user)),
        proposed=ops.list_topics(user, status="proposed", per_page=1).total,
    )


# --- Accounts -------------------------------------------------------------------------------


@admin_blueprint.route("/accounts")
@permission_required(Permission.MANAGE_USERS)
def accounts() -> Any:
    user = _user()
    filters = {k: request.args.get(k, "").strip() for k in ("q", "role", "program", "status")}
    errors: dict[str, str] = {}
    try:
        pager = ops.list_accounts(
            user,
            search=filters["q"],
            role=filters["role"],
            program=filters["program"],
            status=filters["status"],
            page=page_number(request.args.get("page")),
        )
        status = 200
    except ValidationError as exc:
        errors, _ = _refused(exc)
        pager = ops.list_accounts(user, page=1)
        status = 422
    return render_template(
        "admin/accounts.html",
        pager=pager,
        filters=filters,
        errors=errors,
        roles=ROLE_OPTIONS,
        programs=[(p.slug, p.name) for p in ops.all_programs(user)],
    ), status


def _account_form(
    typed: dict[str, Any],
    errors: dict[str, str],
    message: str = "",
    *,
    account: Any = None,
    status: int = 200,
) -> Any:
    user = _user()
    context: dict[str, Any] = {}
    if account is not None:
        context = {
            "tokens": ops.account_tokens(user, account),
            "now": utcnow(),
            "can_deactivate": policy.can_deactivate(user, account),
        }
    return render_template(
        "admin/account.html",
        account=account,
        values=typed,
        errors=errors,
        message=message,
        roles=ROLE_OPTIONS,
        programs=[(p.slug, p.name) for p in ops.all_programs(user)],
        **context,
    ), status


def _typed_account() -> dict[str, Any]:
    return {
        "email": request.form.get("email", "").strip(),
        "display_name": request.form.get("display_name", ""),
        "role": request.form.get("role", ""),
        "programs": request.form.getlist("programs"),
    }


@admin_blueprint.route("/accounts/new", methods=["GET", "POST"])
@permission_required(Permission.MANAGE_USERS)
def new_account() -> Any:
    if request.method == "GET":
        return _account_form({"role": "provider", "programs": []}, {})
    typed = _typed_account()
    try:
        account, password = ops.create_account(
            _user(),
            typed["email"],
            typed["display_name"],
            typed["role"],
            program_slugs=typed["programs"],
        )
        db.session.commit()
    except ValidationError as exc:
        errors, message = _refused(exc)
        return _account_form(typed, errors, message, status=422)
    # The password is in this answer only: never in a flash (the session cookie) or a log.
    return render_template(
        "admin/temporary_password.html", account=account, password=password, created=True
    )


def _account_values(account: Any) -> dict[str, Any]:
    return {
        "email": account.email,
        "display_name": account.display_name,
        "role": account.role.value,
        "programs": [m.program.slug for m in account.memberships],
    }


@admin_blueprint.route("/accounts/<int:user_id>", methods=["GET", "POST"])
@permission_required(Permission.MANAGE_USERS)
def account(user_id: int) -> Any:
    user = _user()
    account = ops.get_account(user, user_id)
    if request.method == "GET":
        return _account_form(_account_values(account), {}, account=account)
    typed = _typed_account()
    typed["email"] = account.email
    try:
        changed = ops.update_account(
            user,
            account,
            display_name=typed["display_name"],
            role=typed["role"],
            program_slugs=typed["programs"],
        )
        db.session.commit()
    except ValidationError as exc:
        errors, message = _refused(exc)
        account = ops.get_account(user, user_id)
        return _account_form(typed, errors, message, account=account, status=422)
    flash(
        f"Saved {account.display_name}'s account." if changed else "Nothing to change.", "success"
    )
    return redirect(url_for("admin.account", user_id=account.id), 303)


@admin_blueprint.route("/accounts/<int:user_id>/deactivate", methods=["POST"])
@permission_required(Permission.MANAGE_USERS)
def deactivate(user_id: int) -> Any:
    user = _user()
    account = ops.get_account(user, user_id)
    try:
        revoked = ops.deactivate_account(user, account)
        db.session.commit()
    except Conflict as exc:
        _refused(exc)
        flash(exc.message, "error")
        return redirect(url_for("admin.account", user_id=user_id), 303)
    flash(
        f"{account.display_name} is deactivated: sign-in refused, sign-ins ended"
        + (f", {_tokens(revoked)} revoked." if revoked else "."),
        "success",
    )
    return redirect(url_for("admin.account", user_id=user_id), 303)


@admin_blueprint.route("/accounts/<int:user_id>/reactivate", methods=["POST"])
@permission_required(Permission.MANAGE_USERS)
def reactivate(user_id: int) -> Any:
    user = _user()
    account = ops.get_account(user, user_id)
    ops.reactivate_account(user, account)
    db.session.commit()
    flash(f"{account.display_name} can sign in again.", "success")
    return redirect(url_for("admin.account", user_id=user_id), 303)


@admin_blueprint.route("/accounts/<int:user_id>/reset-password", methods=["POST"])
@permission_required(Permission.MANAGE_USERS)
def reset_password(user_id: int) -> Any:
    user = _user()
    account = ops.get_account(user, user_id)
    reset = ops.reset_password(user, account)
    db.session.commit()
    if reset.tokens_revoked:
        flash(f"{_tokens(reset.tokens_revoked)} of {account.display_name} revoked.", "info")
    return render_template(
        "admin/temporary_password.html", account=account, password=reset.password, created=False
    )


def _tokens(n: int | None) -> str:
    return f"{n} API token{'' if n == 1 else 's'}"


@admin_blueprint.route(
    "/accounts/<int:user_id>/tokens/<int:account_token_id>/revoke", methods=["POST"]
)
@permission_required(Permission.MANAGE_USERS)
def revoke_token(user_id: int, account_token_id: int) -> Any:
    user = _user()
    account = ops.get_account(user, user_id)
    api_token = ops.revoke_account_token(user, account, account_token_id)
    db.session.commit()
    flash(f"Token {api_token.prefix}… revoked.", "success")
    return redirect(url_for("admin.account", user_id=user_id) + "#tokens", 303)


# --- Programs ---------------------------------------------------------------------------------

_PROGRAM_LABELS = {"name": "Name", "description": "Description"}


@admin_blueprint.route("/programs")
@permission_required(Permission.MANAGE_PROGRAMS)
def programs() -> Any:
    user = _user()
    listed = ops.all_programs(user)
    return render_template(
        "admin/programs.html",
        programs=listed,
        staff={p.id: ops.program_staff(p) for p in listed},
    )


def _program(slug: str) -> Program:
    program = find_program(slug)
    if program is None:
        raise NotFound("No such program.")
    return program


def _program_form(
    program: Program | None,
    typed: dict[str, Any],
    errors: dict[str, str],
    message: str = "",
    panels: Any = None,
    status: int = 200,
) -> Any:
    return render_template(
        "admin/program.html",
        program=program,
        values=typed,
        errors=errors,
        message=message,
        panels=panels or {},
        staff=ops.program_staff(program) if program is not None else {},
        member_email=request.form.get("email", "") if request.method == "POST" else "",
    ), status


def _program_values(program: Program) -> dict[str, Any]:
    return {
        "slug": program.slug,
        "name": program.name,
        "description": program.description,
        "private": program.private,
    }


def _typed_program() -> dict[str, Any]:
    return {
        "slug": request.form.get("slug", "").strip(),
        "name": request.form.get("name", ""),
        "description": request.form.get("description", ""),
        "private": request.form.get("private") == "yes",
    }


@admin_blueprint.route("/programs/new", methods=["GET", "POST"])
@permission_required(Permission.MANAGE_PROGRAMS)
def new_program() -> Any:
    from app.deid.forms import show_refusal
    from app.deid.web import acceptances_from_form

    if request.method == "GET":
        return _program_form(None, {"private": False}, {})
    typed = _typed_program()
    try:
        program = create_program(
            typed["slug"],
            typed["name"],
            description=typed["description"],
            private=typed["private"],
            actor=_user(),
            accepted=acceptances_from_form(request.form),
        )
        db.session.commit()
    except ValidationError as exc:
        texts = {"name": typed["name"], "description": typed["description"]}
        errors, message, panels = show_refusal(exc, texts, _PROGRAM_LABELS)
        return _program_form(None, typed, errors, message, panels, status=422)
    flash(f"Program {program.name} created. Add its coordinators and experts.", "success")
    return redirect(url_for("admin.program", slug=program.slug), 303)


@admin_blueprint.route("/programs/<slug>", methods=["GET", "POST"])
@permission_required(Permission.MANAGE_PROGRAMS)
def program(slug: str) -> Any:
    from app.deid.forms import show_refusal
    from app.deid.web import acceptances_from_form

    program = _program(slug)
    if request.method == "GET":
        return _program_form(program, _program_values(program), {})
    typed = _typed_program()
    typed["slug"] = program.slug
    try:
        update_program(
            program,
            actor=_user(),
            accepted=acceptances_from_form(request.form),
            name=typed["name"],
            description=typed["description"],
            private=typed["private"],
        )
        db.session.commit()
    except ValidationError as exc:
        texts = {"name": typed["name"], "description": typed["description"]}
        errors, message, panels = show_refusal(exc, texts, _PROGRAM_LABELS)
        return _program_form(_program(slug), typed, errors, message, panels, status=422)
    flash(f"Saved {program.name}.", "success")
    return redirect(url_for("admin.program", slug=slug), 303)


@admin_blueprint.route("/programs/<slug>/members", methods=["POST"])
@permission_required(Permission.MANAGE_PROGRAMS)
def add_member(slug: str) -> Any:
    program = _program(slug)
    try:
        member = ops.add_program_member(_user(), program, request.form.get("email", ""))
        db.session.commit()
    except ValidationError as exc:
        errors, message = _refused(exc)
        program = _program(slug)
        return _program_form(program, _program_values(program), errors, message, status=422)
    flash(f"{member.display_name} ({member.role.label}) is now a member.", "success")
    return redirect(url_for("admin.program", slug=slug) + "#members", 303)


@admin_blueprint.route("/programs/<slug>/members/<int:user_id>/remove", methods=["POST"])
@permission_required(Permission.MANAGE_PROGRAMS)
def remove_member(slug: str, user_id: int) -> Any:
    program = _program(slug)
    member = ops.remove_program_member(_user(), program, user_id)
    db.session.commit()
    flash(f"{member.display_name} is no longer a member.", "success")
    return redirect(url_for("admin.program", slug=slug) + "#members", 303)


# --- Program staff (admins and the program's coordinators) --------------------------------


def _staff_page(program: Program, email: str = "", errors: Any = None, status: int = 200) -> Any:
    return render_template(
        "admin/staff.html",
        program=program,
        staff=ops.staff_of(program),
        email=email,
        errors=errors or {},
    ), status


@admin_blueprint.route("/programs/<slug>/staff", methods=["GET", "POST"])
# Coordinators and admins, refused before the slug is read; the policy then keeps
# coordinators to their own programs.
@permission_required(Permission.REVIEW_CASE)
def program_staff_page(slug: str) -> Any:
    program = _program(slug)
    policy.require_manage_program_staff(_user(), program)
    if request.method == "GET":
        return _staff_page(program)
    email = request.form.get("email", "")
    try:
        member = ops.add_program_staff(_user(), program, email)
        db.session.commit()
    except (ValidationError, Conflict) as exc:
        errors, _ = _refused(exc)
        return _staff_page(_program(slug), email, errors, status=422)
    flash(f"{member.display_name} ({member.role.label}) joined the staff.", "success")
    return redirect(url_for("admin.program_staff_page", slug=slug), 303)


@admin_blueprint.route("/programs/<slug>/staff/<int:user_id>/remove", methods=["POST"])
@permission_required(Permission.REVIEW_CASE)
def remove_program_staff(slug: str, user_id: int) -> Any:
    program = _program(slug)
    member = ops.remove_program_staff(_user(), program, user_id)
    db.session.commit()
    flash(f"{member.display_name} is no longer on the staff.", "success")
    return redirect(url_for("admin.program_staff_page", slug=slug), 303)


# --- Topics -----------------------------------------------------------------------------------


@admin_blueprint.route("/topics")
@permission_required(Permission.ACCEPT_TOPICS)
def topics() -> Any:
    user = _user()
    filters = {k: request.args.get(k, "").strip() for k in ("q", "status")}
    errors: dict[str, str] = {}
    status = 200
    try:
        pager = ops.list_topics(
            user,
            search=filters["q"],
            status=filters["status"],
            page=page_number(request.args.get("page")),
        )
    except ValidationError as exc:
        errors, _ = _refused(exc)
        pager = ops.list_topics(user)
        status = 422
    return render_template(
        "admin/topics.html",
        pager=pager,
        filters=filters,
        errors=errors,
        statuses=[(s.value, s.value.capitalize()) for s in TopicStatus],
        counts=ops.topic_link_counts(user, (t.id for t in pager.items)),
    ), status


def _topic_page(
    topic: Any,
    typed: dict[str, Any],
    errors: dict[str, str],
    message: str = "",
    panels: Any = None,
    status: int = 200,
) -> Any:
    return render_template(
        "admin/topic.html",
        topic=topic,
        values=typed,
        errors=errors,
        message=message,
        panels=panels or {},
        counts=ops.topic_link_counts(_user(), [topic.id])[topic.id],
    ), status


def _topic_values(topic: Any) -> dict[str, Any]:
    return {
        "synonyms": ", ".join(topic.synonyms or []),
        "description": topic.description,
        "parent": topic.parent.name if topic.parent else "",
        "target": "",
    }


@admin_blueprint.route("/topics/<int:topic_id>", methods=["GET", "POST"])
@permission_required(Permission.ACCEPT_TOPICS)
def topic(topic_id: int) -> Any:
    from app.deid.forms import show_refusal
    from app.deid.web import acceptances_from_form

    user = _user()
    topic = ops.get_topic(user, topic_id)
    if request.method == "GET":
        return _topic_page(topic, _topic_values(topic), {})
    typed = {
        "synonyms": request.form.get("synonyms", ""),
        "description": request.form.get("description", ""),
        "parent": request.form.get("parent", ""),
        "target": "",
    }
    synonyms = [s.strip() for s in typed["synonyms"].split(",") if s.strip()]
    try:
        changed = ops.edit_topic(
            user,
            topic,
            synonyms=synonyms,
            description=typed["description"],
            parent_name=typed["parent"],
            accepted=acceptances_from_form(request.form),
        )
        db.session.commit()
    except ValidationError as exc:
        texts = {"description": typed["description"]}
        labels = {"description": "Description"}
        for i, synonym in enumerate(synonyms, 1):
            texts[f"synonyms[{i}]"] = synonym
            labels[f"synonyms[{i}]"] = f"synonym {i}"
        errors, message, panels = show_refusal(exc, texts, labels)
        if any(k.startswith("synonyms[") for k in errors):
            errors.setdefault("synonyms", "Possible patient identifiers in a synonym.")
        return _topic_page(ops.get_topic(user, topic_id), typed, errors, message, panels, 422)
    flash(f"Saved {topic.name}." if changed else "Nothing to change.", "success")
    return redirect(url_for("admin.topic", topic_id=topic_id), 303)


@admin_blueprint.route("/topics/<int:topic_id>/status", methods=["POST"])
@permission_required(Permission.ACCEPT_TOPICS)
def topic_status(topic_id: int) -> Any:
    user = _user()
    topic = ops.get_topic(user, topic_id)
    action = request.form.get("action", "")
    steps = {"accept": ops.accept_topic, "retire": ops.retire_topic, "restore": ops.restore_topic}
    if action not in steps:
        flash("Choose accept, retire or restore.", "error")
        return redirect(url_for("admin.topic", topic_id=topic_id), 303)
    try:
        steps[action](user, topic)
        db.session.commit()
    except Conflict as exc:
        _refused(exc)
        flash(exc.message, "error")
        return redirect(url_for("admin.topic", topic_id=topic_id), 303)
    flash(f"{topic.name} is {topic.status.value}.", "success")
    back = request.form.get("back") == "list"
    return redirect(
        url_for("admin.topics") if back else url_for("admin.topic", topic_id=topic_id), 303
    )


@admin_blueprint.route("/topics/<int:topic_id>/merge", methods=["POST"])
@permission_required(Permission.MANAGE_VOCABULARY)
def merge_topic(topic_id: int) -> Any:
    user = _user()
    topic = ops.get_topic(user, topic_id)
    name = topic.name
    target = request.form.get("target", "")
    try:
        result = ops.merge_topics(user, topic, target)
        db.session.commit()
    except ValidationError as exc:
        errors, message = _refused(exc)
        topic = ops.get_topic(user, topic_id)
        return _topic_page(
            topic, {**_topic_values(topic), "target": target}, errors, message, status=422
        )
    flash(
        f"Merged {name} into {result.target.name}: {result.cases} cases, {result.sessions} "
        f"sessions and {result.practices} practices moved; {name} is now a synonym.",
        "success",
    )
    return redirect(url_for("admin.topic", topic_id=result.target.id), 303)


# --- Audit --------------------------------------------------------------------------------------


@admin_blueprint.route("/audit")
@permission_required(Permission.VIEW_AUDIT)
def audit() -> Any:
    kind = request.args.get("kind", "programs")
    if kind not in ops.AUDIT_KINDS:
        kind = "programs"
    pager = ops.audit_events(
        _user(),
        kind,
        page=page_number(request.args.get("page")),
        older_than=id_value(request.args.get("older")),
        newer_than=id_value(request.args.get("newer")),
    )
    return render_template("admin/audit.html", pager=pager, kind=kind, kinds=ops.AUDIT_KINDS)


# --- Case-form templates --------------------------------------------------------------------

_ROW = re.compile(r"^template\.(sections|fields)\[(\d+)\]\.(\w+)$")
_MOVE = re.compile(r"^(sections|fields)\[(\d+)\]:(up|down)$")


def _typed_template(
    move: tuple[str, int, str] | None = None,
) -> tuple[dict[str, list[dict[str, Any]]], tuple[str, int, str] | None]:
    """The editor's rows as typed, in the order asked for, without removed or blank rows;
    with `move` (part, row number in the form, up or down) one row swaps with its neighbour.
    Also returns where the moved row now is (part, position from 1, direction)."""
    rows: dict[tuple[str, int], dict[str, Any]] = {}
    for name in request.form:
        match = _ROW.match(name)
        if match:
            part, index, attr = match.group(1), int(match.group(2)), match.group(3)
            value = request.form.get(name, "")
            rows.setdefault((part, index), {})[attr] = value.strip()
    out: dict[str, list[dict[str, Any]]] = {"sections": [], "fields": []}
    for (part, index), row in sorted(rows.items()):
        if row.pop("remove", "") or not (row.get("key") or row.get("label")):
            continue
        try:
            order = float(row.pop("order", "") or index)
        except ValueError:
            order = index
        row["required"] = row.get("required") == "yes"
        if part == "fields":
            row["choices"] = [c.strip() for c in row.get("choices", "").splitlines() if c.strip()]
            for bound in ("min", "max"):
                row[bound] = _number(row.get(bound, ""))
        out[part].append({**row, "_order": (order, index), "_row": index})
    moved = None
    for part in out:
        out[part].sort(key=lambda r: r.pop("_order"))
        rows_in_order = [r.pop("_row") for r in out[part]]
        if move is not None and move[0] == part and move[1] in rows_in_order:
            at = rows_in_order.index(move[1])
            to = at - 1 if move[2] == "up" else at + 1
            if 0 <= to < len(out[part]):
                out[part][at], out[part][to] = out[part][to], out[part][at]
                at = to
            moved = (part, at + 1, move[2])
    return out, moved


def _number(text: str) -> Any:
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        return text  # refused by the check, naming the box
    return int(number) if number.is_integer() else number  # inf and nan are refused there


def _template_page(
    program: Program,
    typed: dict[str, Any],
    errors: dict[str, str],
    message: str = "",
    status: int = 200,
    *,
    moved: tuple[str, int, str] | None = None,
    notice: str = "",
) -> Any:
    from app.cases.forms import case_form_class
    from app.programs.case_templates import FIELD_TYPE_LABELS, template_versions

    # A move is not checked yet: the preview stays the saved form until "Preview".
    preview = typed if not errors and moved is None else program.case_template
    return render_template(
        "admin/template.html",
        program=program,
        values=typed,
        saved_keys={f["key"] for f in program.template_fields}
        | {s["key"] for s in program.template_sections},
        errors=errors,
        message=message,
        can_save=policy.can(_user(), Permission.MANAGE_PROGRAMS, program),
        type_options=list(FIELD_TYPE_LABELS.items()),
        versions=template_versions(program),
        preview_sections=preview.get("sections", []),
        preview_fields=preview.get("fields", []),
        preview_form=case_form_class(preview)(formdata=None),
        moved=moved,
        notice=notice,
    ), status


@admin_blueprint.route("/programs/<slug>/template", methods=["GET", "POST"])
# Coordinators and admins, refused before the slug is looked at; view_template then
# narrows coordinators to their own programs.
@permission_required(Permission.REVIEW_CASE)
def program_template(slug: str) -> Any:
    from app.programs.case_templates import check_template, save_template, view_template

    program = _program(slug)
    view_template(_user(), program)
    if request.method == "GET":
        return _template_page(program, program.case_template, {})
    move = _MOVE.match(request.form.get("move", ""))
    if move:
        typed, moved = _typed_template((move.group(1), int(move.group(2)), move.group(3)))
        what = "Section" if moved and moved[0] == "sections" else "Field"
        message = f"{what} moved {move.group(3)}: save to keep the new order." if moved else ""
        return _template_page(program, typed, {}, moved=moved, notice=message)
    typed, _ = _typed_template()
    try:
        if request.form.get("action") == "preview":
            return _template_page(program, check_template(program, typed), {})
        saved = save_template(program, typed, actor=_user())
        db.session.commit()
    except ValidationError as exc:
        errors, message = _refused(exc)
        return _template_page(program, typed, errors, message, status=422)
    if saved is None:
        flash("No changes to save.", "info")
    else:
        flash(f"Saved version {saved.version} of the {program.name} case form.", "success")
    return redirect(url_for("admin.program_template", slug=slug), 303)
