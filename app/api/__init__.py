"""JSON API v1. Authenticated with `Authorization: Bearer <token>` only."""

from app.api import resources as _resources  # noqa: F401  (registers the routes)
from app.api.base import SPEC, api_blueprint

__all__ = ["SPEC", "api_blueprint"]
from app.api import admin as _admin  # noqa: F401,E402  (the admin console)
from app.api import desk as _desk  # noqa: F401,E402  (the session desk and attendance)
from app.api import invitations as _invitations  # noqa: F401,E402  (invitations by e-mail)
from app.api import outdated as _outdated  # noqa: F401,E402  (the outdated-advice queue)
from app.api import practices as _practices  # noqa: F401,E402  (practices and curriculum)
from app.api import search as _search  # noqa: F401,E402  (search and similar cases)
from app.api import subscriptions as _subscriptions  # noqa: F401,E402  (following topics)
from app.api import teaching as _teaching  # noqa: F401,E402  (teaching sets, saved searches)
from app.api import templates as _templates  # noqa: F401,E402  (programs' case forms)
from app.api import tokens as _tokens  # noqa: F401,E402  (the caller's API tokens)
