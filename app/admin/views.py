"""The admin console's pages: thin views over app/admin/operations.py."""

from __future__ import annotations

import re
from typing import Any

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user

from app.admin import operations as ops
from app.admin.forms import (
    MergeForm,
    ProgramForm,
    TemplateForm,
    TopicForm,
    TopicStatusForm,
)
from app.auth import policy
from app.auth.forms import AccountForm, EmailForm
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
_CHOICE = re.compile(r"\.choices\[\d+\]$")


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


@admin_blueprint.route("/accounts/new", methods=["GET", "POST"])
@permission_required(Permission.MANAGE_USERS)
def new_account() -> Any:
    if request.method == "GET":
        return _account_form({"role": "provider", "programs": []}, {})
    typed = AccountForm().typed()
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
    typed = AccountForm().typed()
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
    member_email: str = "",
) -> Any:
    return render_template(
        "admin/program.html",
        program=program,
        values=typed,
        errors=errors,
        message=message,
        panels=panels or {},
        staff=ops.program_staff(program) if program is not None else {},
        member_email=member_email,
    ), status


def _program_values(program: Program) -> dict[str, Any]:
    return {
        "slug": program.slug,
        "name": program.name,
        "description": program.description,
        "private": program.private,
    }


@admin_blueprint.route("/programs/new", methods=["GET", "POST"])
@permission_required(Permission.MANAGE_PROGRAMS)
def new_program() -> Any:
    if request.method == "GET":
        return _program_form(None, {"private": False}, {})
    form = ProgramForm()
    try:
        program = create_program(
            form.slug.data,
            form.name.data,
            description=form.description.data,
            private=form.is_private(),
            actor=_user(),
            accepted=form.accepted(),
        )
        db.session.commit()
    except ValidationError as exc:
        form.show_refusal(exc)
        return _program_form(
            None, form.typed(), form.problems, form.message, form.panels, status=form.status
        )
    flash(f"Program {program.name} created. Add its coordinators and experts.", "success")
    return redirect(url_for("admin.program", slug=program.slug), 303)


@admin_blueprint.route("/programs/<slug>", methods=["GET", "POST"])
@permission_required(Permission.MANAGE_PROGRAMS)
def program(slug: str) -> Any:
    program = _program(slug)
    if request.method == "GET":
        return _program_form(program, _program_values(program), {})
    form = ProgramForm()
    try:
        update_program(
            program,
            actor=_user(),
            accepted=form.accepted(),
            name=form.name.data,
            description=form.description.data,
            private=form.is_private(),
        )
        db.session.commit()
    except ValidationError as exc:
        form.show_refusal(exc)
        typed = {**form.typed(), "slug": slug}
        return _program_form(
            _program(slug), typed, form.problems, form.message, form.panels, status=form.status
        )
    flash(f"Saved {program.name}.", "success")
    return redirect(url_for("admin.program", slug=slug), 303)


@admin_blueprint.route("/programs/<slug>/members", methods=["POST"])
@permission_required(Permission.MANAGE_PROGRAMS)
def add_member(slug: str) -> Any:
    program = _program(slug)
    form = EmailForm()
    try:
        member = ops.add_program_member(_user(), program, form.email.data)
        db.session.commit()
    except ValidationError as exc:
        errors, message = _refused(exc)
        program = _program(slug)
        return _program_form(
            program,
            _program_values(program),
            errors,
            message,
            status=422,
            member_email=form.email.data,
        )
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
    email = EmailForm().email.data
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
        readable=policy.readable_topic_ids(user, (t.parent_id for t in pager.items if t.parent_id)),
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
        readable=policy.readable_topic_ids(
            _user(), [c.id for c in topic.children] + ([topic.parent_id] if topic.parent_id else [])
        ),
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
    user = _user()
    topic = ops.get_topic(user, topic_id)
    if request.method == "GET":
        return _topic_page(topic, _topic_values(topic), {})
    form = TopicForm()
    try:
        changed = ops.edit_topic(
            user,
            topic,
            synonyms=form.synonym_list(),
            description=form.description.data,
            parent_name=form.parent.data,
            accepted=form.accepted(),
        )
        db.session.commit()
    except ValidationError as exc:
        form.show_refusal(exc)
        return _topic_page(
            ops.get_topic(user, topic_id),
            form.typed(),
            form.problems,
            form.message,
            form.panels,
            form.status,
        )
    flash(f"Saved {topic.name}." if changed else "Nothing to change.", "success")
    return redirect(url_for("admin.topic", topic_id=topic_id), 303)


@admin_blueprint.route("/topics/<int:topic_id>/status", methods=["POST"])
@permission_required(Permission.ACCEPT_TOPICS)
def topic_status(topic_id: int) -> Any:
    user = _user()
    topic = ops.get_topic(user, topic_id)
    form = TopicStatusForm()
    action = form.action.data
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
    return redirect(
        url_for("admin.topics") if form.to_list() else url_for("admin.topic", topic_id=topic_id),
        303,
    )


@admin_blueprint.route("/topics/<int:topic_id>/merge", methods=["POST"])
@permission_required(Permission.MANAGE_VOCABULARY)
def merge_topic(topic_id: int) -> Any:
    user = _user()
    topic = ops.get_topic(user, topic_id)
    name = topic.name
    target = MergeForm().target.data
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
        f"sessions and {result.practices} practices moved; "
        + (
            f"{name} is now a synonym."
            if result.names_kept
            else f"{name} is not kept as a synonym: only private programs used it."
        ),
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


def _template_page(
    program: Program,
    typed: dict[str, Any],
    errors: dict[str, str],
    message: str = "",
    status: int = 200,
    *,
    moved: tuple[str, int, str] | None = None,
    notice: str = "",
    panels: dict[str, Any] | None = None,
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
        panels=panels or {},
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
    form = TemplateForm()
    move = form.move_asked()
    if move:
        typed, moved = form.template(move)
        what = "Section" if moved and moved[0] == "sections" else "Field"
        message = f"{what} moved {move[2]}: save to keep the new order." if moved else ""
        return _template_page(program, typed, {}, moved=moved, notice=message)
    typed, _ = form.template()
    try:
        if form.previewing():
            return _template_page(program, check_template(program, typed), {})
        saved = save_template(program, typed, actor=_user(), accepted=form.accepted())
        db.session.commit()
    except ValidationError as exc:
        form.show_refusal(exc)
        errors = form.problems
        # One box holds a field's choices: a finding in one of them marks that box.
        for key in list(errors):
            errors.setdefault(_CHOICE.sub(".choices", key), errors[key])
        return _template_page(program, typed, errors, form.message, status=422, panels=form.panels)
    if saved is None:
        flash("No changes to save.", "info")
    else:
        flash(f"Saved version {saved.version} of the {program.name} case form.", "success")
    return redirect(url_for("admin.program_template", slug=slug), 303)
