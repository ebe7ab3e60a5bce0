"""Worlds built once per run and shared by its test processes (pytest-xdist's workers).

A world that each process built for itself (the demo, the browser tests' worlds) cost every
worker the same build. The first process to ask builds it into a folder of the run's base
temp folder, which the workers share, holding a lock meanwhile; the others wait on the lock
and then read the same files. Each copies what it serves or restores from them, as a
template database is copied, so no process sees another's writes."""

from __future__ import annotations

import fcntl
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest


def run_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The base temp folder of the whole run: a worker's own is a folder inside it."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def built_once(
    tmp_path_factory: pytest.TempPathFactory, name: str, build: Callable[[Path], Any]
) -> tuple[Path, Any]:
    """`build(folder)` run by the first process of the run that asks for `name`; every
    process gets the folder and what `build` returned (kept as JSON). A build that fails
    leaves nothing behind, and the next process to ask tries again."""
    root = run_folder(tmp_path_factory)
    folder, value = root / name, root / f"{name}.json"
    with (root / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not value.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            built = build(folder)
            value.write_text(json.dumps(built), encoding="utf-8")
    return folder, json.loads(value.read_text(encoding="utf-8"))
