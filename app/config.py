"""Settings from the environment, with safe single-machine defaults."""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
LEDGER_KEY_LENGTH = 32  # at least, in characters: a short key could be guessed


def _secret_key(instance_path: Path) -> str:
    """The key from the environment, else one generated once and kept in the instance folder."""
    key = os.environ.get("CASEBOOK_SECRET_KEY")
    if key:
        return key
    key_file = instance_path / "secret_key"
    if key_file.exists():
        return key_file.read_text(encoding="utf-8").strip()
    instance_path.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32)
    fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(key)
    return key


def from_environment(instance_path: Path, *, need_secret: bool = True) -> dict[str, object]:
    """Build the Flask config mapping for an instance folder."""
    database_url = os.environ.get("CASEBOOK_DATABASE_URL") or (
        f"sqlite:///{instance_path / 'casebook.sqlite3'}"
    )
    index_dir = os.environ.get("CASEBOOK_INDEX_DIR") or str(PROJECT_ROOT / "search_index")
    remember_days = _int_setting("CASEBOOK_REMEMBER_DAYS", 30)
    https = os.environ.get("CASEBOOK_HTTPS", "").strip().lower() in ("1", "true", "yes", "on")
    settings: dict[str, object] = {
        "SECRET_KEY": _secret_key(instance_path) if need_secret else None,
        "SQLALCHEMY_DATABASE_URI": normalise_database_url(database_url),
        # Database errors must not carry statement parameters (patient text) into logs.
        "SQLALCHEMY_ENGINE_OPTIONS": {"hide_parameters": True, "pool_pre_ping": True},
        "CASEBOOK_INDEX_DIR": index_dir,
        # Purges recorded outside the database, re-applied by a restore (app/deid/ledger.py);
        # unset: purge-ledger.jsonl in the instance folder.
        "CASEBOOK_PURGE_LEDGER": os.environ.get("CASEBOOK_PURGE_LEDGER") or None,
        # The key of the ledger's hashes, kept apart from the instance folder (docs/operations.md).
        "CASEBOOK_PURGE_LEDGER_KEY": _ledger_key(),
        # Behind HTTPS: HSTS on every answer and cookies sent over HTTPS only (see apply_https).
        "CASEBOOK_HTTPS": https,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        "WTF_CSRF_TIME_LIMIT": None,
        "MAX_CONTENT_LENGTH": 16 * 1024 * 1024,
        "CASEBOOK_PAGE_SIZE": 20,
        # Accounts: see README "Configuration".
        "CASEBOOK_REMEMBER_DAYS": remember_days,
        "REMEMBER_COOKIE_DURATION": timedelta(days=remember_days),
        "CASEBOOK_SESSION_HOURS": _int_setting("CASEBOOK_SESSION_HOURS", 12),
        "CASEBOOK_TOKEN_DAYS": _int_setting("CASEBOOK_TOKEN_DAYS", 90),
        "CASEBOOK_LOCKOUT_THRESHOLD": _int_setting("CASEBOOK_LOCKOUT_THRESHOLD", 5),
        "CASEBOOK_LOCKOUT_MINUTES": _int_setting("CASEBOOK_LOCKOUT_MINUTES", 1),
        "RATELIMIT_STORAGE_URI": os.environ.get("CASEBOOK_RATELIMIT_STORAGE_URI") or "memory://",
        "RATELIMIT_HEADERS_ENABLED": True,
        "CASEBOOK_RATELIMIT_SIGN_IN": os.environ.get("CASEBOOK_RATELIMIT_SIGN_IN")
        or "10 per minute;100 per hour",
        "CASEBOOK_RATELIMIT_TOKENS": os.environ.get("CASEBOOK_RATELIMIT_TOKENS") or "60 per minute",
        # How far batch work (an import's scan, a reindex) lowers its CPU priority: app/batch.py
        "CASEBOOK_BATCH_NICE": _int_setting("CASEBOOK_BATCH_NICE", 10, minimum=0),
    }
    settings.update(_mail_settings())
    return settings


def _mail_settings() -> dict[str, object]:
    """SMTP settings (README "Mail"); a malformed CASEBOOK_SMTP_URL stops the start."""
    from app import mail

    found = mail.from_environment()
    if found["CASEBOOK_SMTP_URL"]:
        mail.parse_smtp_url(str(found["CASEBOOK_SMTP_URL"]))
    return found


def _ledger_key() -> str | None:
    """CASEBOOK_PURGE_LEDGER_KEY, or the content of the file CASEBOOK_PURGE_LEDGER_KEY_FILE."""
    key = os.environ.get("CASEBOOK_PURGE_LEDGER_KEY")
    path = os.environ.get("CASEBOOK_PURGE_LEDGER_KEY_FILE")
    if not key and path:
        try:
            key = Path(path).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise ValueError(
                f"CASEBOOK_PURGE_LEDGER_KEY_FILE {path} cannot be read ({exc.strerror})."
            ) from None
    if not key:
        return None
    if len(key) < LEDGER_KEY_LENGTH:
        raise ValueError(
            f"CASEBOOK_PURGE_LEDGER_KEY must be at least {LEDGER_KEY_LENGTH} characters "
            "(e.g. 64 random hex digits)."
        )
    return key


def _int_setting(name: str, default: int, minimum: int = 1) -> int:
    raw = os.environ.get(name)
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ValueError(f"{name} must be a whole number, not {raw!r}.") from None
    if value < minimum:
        raise ValueError(f"{name} must be {minimum} or more.")
    return value


def apply_https(settings: dict[str, object]) -> None:
    """With CASEBOOK_HTTPS on, the session and remember-me cookies are Secure as well as
    HttpOnly and SameSite=Lax, and links made outside a request use https."""
    if settings.get("CASEBOOK_HTTPS"):
        settings.update(
            SESSION_COOKIE_SECURE=True,
            REMEMBER_COOKIE_SECURE=True,
            PREFERRED_URL_SCHEME="https",
        )


def normalise_database_url(url: str) -> str:
    """Accept the usual `postgresql://` spelling and use the psycopg 3 driver for it."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url
