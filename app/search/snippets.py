"""Snippets: the part of a hit's stored text shown under its title, matches marked.

Built from the stored text of the displayed hits only, found with a regex of the query's
words (no re-analysis, no positions or character offsets in the index).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from app.content.markdown import BLOCK_END, NUMBER_BREAK_DRAWN, number_breaks, strip_syntax
from app.deid.shown import as_lines_shown
from app.search.engine import Corpus, Highlighter
from app.search.index import Snapshot
from app.search.snapshots import cached

SNIPPET_CHARS = 220


SNIPPET_SCAN = 8_000  # characters of a document searched for the matched words


def snippet(highlighter: Highlighter | None, text: str) -> str:
    text = text[:SNIPPET_SCAN]
    spans = highlighter.spans(text) if highlighter is not None and text else []
    return build_snippet(text, spans)


def highlighter_for(snap: Snapshot, corpus: Corpus, terms: Iterable[str]) -> Highlighter | None:
    key = tuple(sorted(terms))
    if not key:
        return None
    return cached(snap, ("highlight", key), lambda: Highlighter.build(key, corpus))


# A field label at the start of a line of the shown text: "Question:", "HISTORY OF PRESENT
# ILLNESS:", a Markdown heading once strip_syntax has made it "History:".
LABEL = re.compile(r"^[ \t]*([A-Za-z][A-Za-z0-9 /&'(),-]{0,48}):(?=\s|$)", re.MULTILINE)
# The same in stored text (Markdown): a "Label:" line or a heading line.
SOURCE_LABEL = re.compile(
    r"[ \t]*(?:#{1,6}[ \t]+([^\n]{1,60}?)[ \t#:]*$|([A-Za-z][A-Za-z0-9 /&'(),-]{0,48}):(?=\s|$))",
    re.MULTILINE,
)
MARK_OPEN, MARK_CLOSE, LINE_JOIN = "\ue000", "\ue001", "\ue002"  # private-use: never typed
# A paragraph or heading the page shows on a line of its own, after a line that ends in a
# digit or dash and starting with one: "Call 617-555", a blank line, then "0142" (or a
# heading "# 0142") must not read "Call 617-555 0142" (the rule: `number_breaks`). Markdown's
# marks count for nothing (emphasis, code, a link's bracket, a table's pipes and its
# delimiter row): once lines are read as the gate reads them (`as_lines_shown` has joined the
# lines of one paragraph), a line break left between the two is one the page draws (a blank
# line of any space, a rule, a quote, a heading, a row). A match's mark may end the number.
_BLOCK_BREAK = number_breaks(after=MARK_OPEN + MARK_CLOSE)
LABEL_LOOKBACK = 4_000  # characters searched back for the field a window starts in


def build_snippet(text: str, spans: list[tuple[int, int]], width: int = SNIPPET_CHARS) -> str:
    """The window of `text` (stored Markdown) with the most matches, as the reader sees it:
    Markdown syntax out, escaped, matches in <mark>, field labels in <span
    class="snippet-label">; a window inside a field starts with that field's label. Only the
    window is processed, not the whole text."""
    if not text:
        return ""
    # Line breaks as the page (and the gate) reads them, offsets kept: "\r\n", "\r", a
    # vertical tab or a line separator is one, and a blank line made of them a paragraph's.
    text = as_lines_shown(text)
    spans = sorted(set(spans))
    if not spans:
        window_start = 0
        window_end = min(len(text), width)
        if window_end < len(text):
            window_end = _trim_end(text, 0, window_end, width)
    else:
        best_start, best_count = spans[0][0], 0
        j = 0
        for i, (start, _end) in enumerate(spans):
            while j < len(spans) and spans[j][1] <= start + width:
                j += 1
            if j - i > best_count:
                best_start, best_count = start, j - i
        lead = width // 5
        window_start = max(0, best_start - lead)
        if window_start:
            space = text.rfind(" ", 0, window_start + 1)
            window_start = space + 1 if space >= 0 and window_start - space < 30 else window_start
        window_end = min(len(text), window_start + width)
        if window_end < len(text):
            window_end = _trim_end(text, window_start, window_end, width)
    # The window with its matches marked by characters no one types, then its Markdown out.
    pieces = []
    cursor = window_start
    for start, end in spans:
        if start < cursor or end > window_end:
            continue
        pieces += [text[cursor:start], MARK_OPEN, text[start:end], MARK_CLOSE]
        cursor = end
    pieces.append(text[cursor:window_end])
    mid_line = window_start > 0 and text[window_start - 1] != "\n"
    window = _BLOCK_BREAK.sub(NUMBER_BREAK_DRAWN, "".join(pieces))
    shown = strip_syntax((LINE_JOIN if mid_line else "") + window, fragment=True)
    shown = shown.replace(LINE_JOIN, "").replace(BLOCK_END, " ¶")
    found = [(m.start(1), m.end()) for m in LABEL.finditer(shown)]
    parts = []
    cursor = 0
    for i, (a, b) in enumerate(found):
        parts.append(_marked(shown[cursor:a]))
        # A label followed at once by another ("Presentation:" then "History:") says
        # nothing: left out.
        if i + 1 == len(found) or shown[b : found[i + 1][0]].strip():
            parts.append(_label_html(html.escape(shown[a:b])))
        cursor = b
    parts.append(_marked(shown[cursor:]))
    body = " ".join("".join(parts).split())
    prefix = "…" if window_start > 0 else ""
    if window_start > 0 and not (found and not shown[: found[0][0]].strip()):
        field = _field_before(text, window_start)
        if field:  # the field the window is in
            prefix = f"{_label_html(html.escape(field))} {prefix}"
    suffix = "…" if window_end < len(text) else ""
    return f"{prefix}{body}{suffix}"


def _marked(shown: str) -> str:
    escaped = html.escape(shown)
    return escaped.replace(MARK_OPEN, "<mark>").replace(MARK_CLOSE, "</mark>")


def _field_before(text: str, at: int) -> str | None:
    """The label of the field `at` is in: the nearest label line before it, as "Label:"."""
    floor = max(0, at - LABEL_LOOKBACK)
    line_end = at
    while line_end >= floor:
        newline = text.rfind("\n", floor, line_end)
        if newline < 0 and floor > 0:
            return None  # looked back far enough
        line_start = newline + 1
        m = SOURCE_LABEL.match(text, line_start, line_end)
        if m:
            heading, label = m.group(1), m.group(2)
            return f"{heading.rstrip(':').strip()}:" if heading else f"{label}:"
        if newline < 0:
            return None
        line_end = newline
    return None


def _label_html(escaped: str) -> str:
    return f'<span class="snippet-label">{escaped}</span>'


def _trim_end(text: str, start: int, end: int, width: int) -> int:
    """`end` moved back to a space, unless that loses more than half the window."""
    space = text.rfind(" ", start, end)
    return space if space > start + width // 2 else end
