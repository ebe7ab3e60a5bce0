from __future__ import annotations

from typing import Any

from flask import Blueprint, render_template
from flask_login import current_user, login_required

from app.programs.operations import recent_sessions, visible_programs

programs_blueprint = Blueprint("programs", __name__, template_folder="templates")


@programs_blueprint.route("/")
@login_required
def home() -> Any:
    user = current_user._get_current_object()
    return render_template(
        "programs/home.html",
        programs=visible_programs(user),
        sessions=recent_sessions(user),
    )
