"""JSON API v1. Authenticated with `Authorization: Bearer <token>` only."""

from app.api.views import api_blueprint

__all__ = ["api_blueprint"]
