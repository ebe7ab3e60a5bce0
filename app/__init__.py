"""Casebook: a case-based learning knowledge base for ECHO-model telementoring programs."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Flask

from app import config as config_module
from app.extensions import (
    BUSY_TIMEOUT_MS,
    configure_postgresql,
    configure_sqlite,
    csrf,
    db,
    limiter,
    login_manager,
    migrate,
)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def _import_models() -> None:
    """Import every model module so the metadata (and Alembic) sees all tables."""
    from app.attendance import models as _attendance  # noqa: F401
    from app.audit import models as _audit  # noqa: F401
    from app.auth import invitations as _invitations  # noqa: F401
    from app.auth import models as _auth  # noqa: F401
    from app.cases import counting as _counting  # noqa: F401  (keeps cases.counts_on in step)
    from app.cases import models as _cases  # noqa: F401
    from app.deid import models as _deid  # noqa: F401
    from app.desk import models as _desk  # noqa: F401
    from app.notifications import models as _notifications  # noqa: F401
    from app.outdated import models as _outdated  # noqa: F401
    from app.practices import claim_terms as _claim_terms  # noqa: F401  (recommendation_terms)
    from app.practices import models as _practices  # noqa: F401
    from app.programs import models as _programs  # noqa: F401
    from app.recommendations import models as _recommendations  # noqa: F401
    from app.search import models as _search  # noqa: F401
    from app.subscriptions import models as _subscriptions  # noqa: F401
    from app.teaching import models as _teaching  # noqa: F401


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Application factory: settings, extensions, blueprints, error handlers and CLI."""
    instance_path = os.environ.get("CASEBOOK_INSTANCE_PATH")
    app = Flask(__name__, instance_path=instance_path, instance_relative_config=True)
    overrides = dict(config or {})
    instance = Path(app.instance_path)
    settings = config_module.from_environment(instance, need_secret="SECRET_KEY" not in overrides)
    settings.update(overrides)
    if "SQLALCHEMY_DATABASE_URI" in overrides:
        settings["SQLALCHEMY_DATABASE_URI"] = config_module.normalise_database_url(
            str(overrides["SQLALCHEMY_DATABASE_URI"])
        )
    config_module.apply_https(settings)
    app.config.from_mapping(settings)
    instance.mkdir(parents=True, exist_ok=True)
    from app.auth.operations import prepare_stand_in_hash

    prepare_stand_in_hash(app)  # with the configured method, before any sign-in

    _import_models()
    db.init_app(app)
    with app.app_context():
        configure_sqlite(
            db.engine,
            begin_immediate=app.config.get("CASEBOOK_SQLITE_BEGIN") != "deferred",
            busy_timeout_ms=int(app.config.get("CASEBOOK_SQLITE_BUSY_TIMEOUT_MS", BUSY_TIMEOUT_MS)),
        )
        configure_postgresql(db.engine)
    migrate.init_app(app, db, directory=str(MIGRATIONS_DIR), render_as_batch=True)
    csrf.init_app(app)
    login_manager.init_app(app)
    limiter.init_app(app)

    from app import web
    from app.inputs import IdConverter

    # Before any blueprint adds its rules: every `<int:...>` becomes an id a column can hold.
    app.url_map.converters["int"] = IdConverter
    from app.admin.views import admin_blueprint
    from app.api import api_blueprint
    from app.attendance.views import attendance_blueprint
    from app.audit.views import audit_blueprint
    from app.auth.invitation_views import invitations_blueprint
    from app.auth.views import auth_blueprint
    from app.cases.views import cases_blueprint
    from app.curriculum.views import curriculum_blueprint
    from app.desk.views import desk_blueprint
    from app.health.views import health_blueprint
    from app.notifications.views import notifications_blueprint
    from app.outdated.views import outdated_blueprint
    from app.practices.views import practices_blueprint
    from app.programs.views import programs_blueprint
    from app.recommendations.views import recommendations_blueprint
    from app.search.views import search_blueprint
    from app.subscriptions.views import subscriptions_blueprint
    from app.teaching.views import teaching_blueprint

    app.register_blueprint(auth_blueprint)
    app.register_blueprint(programs_blueprint)
    app.register_blueprint(cases_blueprint)
    app.register_blueprint(recommendations_blueprint)
    app.register_blueprint(notifications_blueprint)
    app.register_blueprint(audit_blueprint)
    app.register_blueprint(search_blueprint)
    app.register_blueprint(practices_blueprint)
    app.register_blueprint(curriculum_blueprint)
    app.register_blueprint(health_blueprint)
    app.register_blueprint(admin_blueprint)
    app.register_blueprint(desk_blueprint)
    app.register_blueprint(attendance_blueprint)
    app.register_blueprint(invitations_blueprint)
    app.register_blueprint(subscriptions_blueprint)
    app.register_blueprint(outdated_blueprint)
    app.register_blueprint(teaching_blueprint)
    app.register_blueprint(api_blueprint, url_prefix="/api/v1")
    csrf.exempt(api_blueprint)  # the API takes bearer tokens only, never the session cookie

    web.init_app(app)

    from app import search

    search.init_app(app)

    from app.practices import groups

    groups.init_app(app)

    from app.commands import register_commands

    register_commands(app)
    return app


def stop_background(app: Flask, timeout: float = 60.0) -> None:
    """End this app's background threads (search applier, group refresher) after their
    current round: an app torn down while its process goes on must leave no writer behind."""
    from app.practices import groups
    from app.search import snapshots

    for name in (snapshots.EXTENSION, groups.EXTENSION):
        worker = app.extensions.get(name)
        if worker is not None:
            worker.stop(timeout)
