"""0004_account_security gives tokens issued before it an expiry instead of none."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from flask_migrate import upgrade
from sqlalchemy import text

from app.common import utcnow
from app.extensions import db
from tests.conftest import make_app


def test_tokens_from_before_the_upgrade_get_ninety_days(tmp_path: Path) -> None:
    app = make_app(f"sqlite:///{tmp_path / 'm.sqlite3'}", tmp_path / "index")
    with app.app_context():
        upgrade(revision="0003_practice_endorsements")
        with db.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO users (email, display_name, role, active, created_at) "
                    "VALUES ('old@example.org', 'Old', 'expert', 1, :now)"
                ),
                {"now": utcnow()},
            )
            conn.execute(
                text(
                    "INSERT INTO api_tokens (user_id, name, token_hash, prefix, created_at) "
                    "VALUES (1, 'legacy', :hash, 'cbk_legacy00', :now)"
                ),
                {"hash": "0" * 64, "now": utcnow()},
            )
        upgrade()
        with db.engine.connect() as conn:
            expires = conn.execute(text("SELECT expires_at FROM api_tokens")).scalar_one()
        if isinstance(expires, str):
            from datetime import datetime

            expires = datetime.fromisoformat(expires)
        assert timedelta(days=89) < expires - utcnow() <= timedelta(days=90)
        db.engine.dispose()
