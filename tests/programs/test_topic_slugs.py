"""New topics get free slugs from a few lookups, whatever the number of names."""

from __future__ import annotations

import re

from sqlalchemy import event

from app.common import text_key
from app.extensions import db
from app.programs.operations import add_topics


def test_many_new_topics_look_their_slugs_up_once_each(app):
    """Each new name's slug was looked up with 19 numbered ones besides: an import file
    adding 1,000 topics read 20,000 candidate slugs in 40 statements."""
    add_topics(["Hepatitis"])
    lookups: list[str] = []

    def remember(_conn, _cursor, statement, *_args) -> None:
        if "topics.slug IN" in statement:
            lookups.append(statement)

    event.listen(db.engine, "before_cursor_execute", remember)
    try:
        added = add_topics([f"Condition {n}" for n in range(600)] + ["hepatitis!", "Hepatitis?"])
    finally:
        event.remove(db.engine, "before_cursor_execute", remember)
    assert len(lookups) <= 3  # 602 plain slugs (two statements of 500), then the numbered
    slugs = {t.slug for t in added.values()}
    assert len(slugs) == 602 and "condition-0" in slugs
    # Neither takes "hepatitis", nor a number telling how many topics are spelt alike.
    odd = {added[text_key(n)].slug for n in ("hepatitis!", "Hepatitis?")}
    assert len(odd) == 2 and all(re.fullmatch(r"hepatitis-[0-9a-f]{8}", s) for s in odd)
