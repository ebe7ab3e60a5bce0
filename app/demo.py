"""`casebook demo`: a demo instance from the corpus in cases/, prepared idempotently."""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Any

from flask import current_app

from app.auth.models import Role
from app.auth.operations import (
    add_membership,
    create_user,
    get_user_by_email,
    password_matches,
    set_password,
)
from app.auth.passwords import password_problem
from app.auth.policy import SYSTEM
from app.cases.transfer import ImportOptions, import_paths
from app.config import PROJECT_ROOT
from app.errors import ValidationError
from app.extensions import db
from app.maintenance import initialise
from app.practices.transfer import load_practices
from app.programs.catalog import load_catalog
from app.programs.operations import visible_programs
from app.search.upkeep import reindex, vocabulary_changed

CORPUS_DIR = PROJECT_ROOT / "cases"
DEMO_ACCOUNTS = [
    (Role.PROVIDER, "provider@demo.casebook.example", "Demo Provider"),
    (Role.EXPERT, "expert@demo.casebook.example", "Demo Expert"),
    (Role.COORDINATOR, "coordinator@demo.casebook.example", "Demo Coordinator"),
    (Role.CURRICULUM, "curriculum@demo.casebook.example", "Demo Curriculum Lead"),
    (Role.ADMIN, "admin@demo.casebook.example", "Demo Admin"),
]


def _credentials_file() -> Path:
    return Path(current_app.instance_path) / "demo-accounts.json"


def _new_password() -> str:
    """12 random URL-safe characters, drawn again in the rare case the password policy
    (length, strength, leaked lists) refuses them."""
    for _ in range(20):
        candidate = secrets.token_urlsafe(9)
        if password_problem(candidate) is None:
            return candidate
    raise RuntimeError("could not draw a demo password that the policy accepts")


def _passwords() -> dict[str, str]:
    """Random passwords made on the first run and kept in the instance folder (mode 0600).
    Any kept one that the password policy now refuses is replaced."""
    path = _credentials_file()
    kept: dict[str, str] = {}
    if path.exists():
        kept = json.loads(path.read_text(encoding="utf-8"))
    passwords = {
        email: kept[email]
        if email in kept and password_problem(kept[email]) is None
        else _new_password()
        for _, email, _ in DEMO_ACCOUNTS
    }
    if passwords != kept:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(passwords, fh, indent=2)
    return passwords


def prepare_demo(
    corpus: Path = CORPUS_DIR,
    *,
    progress: Callable[..., Any] | None = None,
    echo: Callable[[str], Any] = print,
) -> list[tuple[str, str, str]]:
    """Migrate, load the catalog, import the cases and practices, and ensure one account
    per role. Safe to run again. Returns (role, email, password) for each demo account."""
    initialise()
    counts = load_catalog(corpus / "catalog.yaml", actor=SYSTEM)
    echo(
        f"Catalog: {counts['programs']} programs, {counts['sessions']} sessions, "
        f"{counts['topics']} topics, {counts['users']} staff accounts."
    )
    if vocabulary_changed():
        # Brought up to date before the cases are indexed, while it holds little: a rebuild
        # after the import would index every case a second time.
        reindex()
    results = import_paths([corpus], ImportOptions(), actor=SYSTEM, progress=progress)
    rejected = [r for r in results if not r.ok]
    if rejected:
        raise ValidationError(
            "The demo corpus did not import: " + "; ".join(p for r in rejected for p in r.problems)
        )
    created = sum(r.created for r in results)
    updated = sum(r.updated for r in results)
    unchanged = sum(r.unchanged for r in results)
    echo(
        f"Cases: {len(results)} files, {created} created, {updated} updated, {unchanged} unchanged."
    )
    # Re-running merges: what was edited in the app since the last run stays, and is listed.
    for conflict in (c for r in results for c in r.conflicts):
        echo(f"Kept as edited in the app: {conflict}")
    practices_file = corpus / "practices.yaml"
    if practices_file.exists():
        echo(f"Best practices: {load_practices(practices_file, actor=SYSTEM)} loaded.")
    if vocabulary_changed():
        # The index was made before the catalog's topics: their synonyms reach what it
        # holds only through a rebuild (as `casebook import` tells its user to run).
        echo("Rebuilding the search index with the demo's topics.")
        reindex()
    passwords = _passwords()
    accounts = []
    for role, email, name in DEMO_ACCOUNTS:
        user = get_user_by_email(email)
        if user is None:
            user = create_user(email, name, role, password=passwords[email], actor=SYSTEM)
        elif not password_matches(user, passwords[email]):
            set_password(
                user, passwords[email], actor=SYSTEM
            )  # ends its sign-ins: only when it changed
        for program in visible_programs(SYSTEM):
            # The demo provider stays outside private programs, to show what members-only means.
            if not (program.private and role is Role.PROVIDER):
                add_membership(user, program.slug, actor=SYSTEM)
        accounts.append((role.value, email, passwords[email]))
    db.session.commit()
    return accounts
