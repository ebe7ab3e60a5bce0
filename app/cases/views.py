"""Case pages."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import Blueprint, render_template
from flask_login import current_user, login_required

from app.cases.queries import case_page, get_visible_case

cases_blueprint = Blueprint("cases", __name__, template_folder="templates")


@cases_blueprint.route("/cases/<int:case_id>")
@login_required
def case(case_id: int) -> Any:
    user = current_user._get_current_object()
    page = case_page(user, get_visible_case(user, case_id))
    return render_template("cases/case.html", page=page, today=date.today())
