# Transitional: search imports from here until it moves to app.api.base.
from app.api.base import api_blueprint, api_user  # noqa: F401
