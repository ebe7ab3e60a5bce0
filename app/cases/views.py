from __future__ import annotations

from flask import Blueprint

cases_blueprint = Blueprint("cases", __name__, template_folder="templates")
