"""Another Casebook worker process for the Redis rate-limit test: spends sign-in attempts on
the shared counters and prints their status codes."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.conftest import make_app


def main() -> None:
    url, prefix, count, folder = sys.argv[1], sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])
    app = make_app(
        f"sqlite:///{folder / 'worker.sqlite3'}",
        folder / "worker-index",
        RATELIMIT_STORAGE_URI=url,
        RATELIMIT_KEY_PREFIX=prefix,
        CASEBOOK_RATELIMIT_SIGN_IN="4 per minute",
    )
    client = app.test_client()
    codes = [client.post("/sign-in", data={}).status_code for _ in range(count)]
    print(" ".join(map(str, codes)))


if __name__ == "__main__":
    main()
