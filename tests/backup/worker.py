"""A separate process that backs up and is killed (SIGKILL) at a chosen point."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from app.backup import operations
from tests.conftest import make_app


def die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def main() -> None:
    url, index_dir, out, point = sys.argv[1:]
    app = make_app(url, Path(index_dir))
    if point == "copying" and url.startswith("sqlite"):
        # Copy page by page and die once part of the file is written.
        def copy_partly(source_path: Path, target: Path) -> None:
            source, copy = sqlite3.connect(source_path), sqlite3.connect(target)

            def progress(status: int, remaining: int, total: int) -> None:
                if 0 < remaining < total:
                    copy.commit()
                    die()

            source.backup(copy, pages=1, progress=progress)

        operations._backup_sqlite = copy_partly  # type: ignore[assignment]
    elif point == "copying":
        # Die while pg_dump writes; the test ends the orphaned pg_dump.
        def run_and_die(command: list[str], name: str) -> None:
            child = subprocess.Popen(command)  # noqa: S603
            print(child.pid, flush=True)
            target = Path(next(a for a in command if a.startswith("--file=")).split("=", 1)[1])
            while child.poll() is None and not target.exists():
                time.sleep(0.01)
            die()

        operations._run = run_and_die  # type: ignore[assignment]
    elif point == "manifest":
        operations._write_durably = lambda path, content: die()  # type: ignore[assignment]
    elif point == "rename":
        real = operations._write_durably

        def write_then_die(path: Path, content: str) -> None:
            real(path, content)
            die()

        operations._write_durably = write_then_die  # type: ignore[assignment]
    with app.app_context():
        operations.backup(Path(out))
    sys.exit("the backup finished: it should have been killed")


if __name__ == "__main__":
    main()
