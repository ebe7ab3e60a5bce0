"""The one place where Markdown becomes HTML: rendered, then sanitized with bleach."""

from __future__ import annotations

import html as html_lib
import threading

import bleach
import markdown as markdown_lib
from markupsafe import Markup

_EXTENSIONS = ["extra", "sane_lists", "smarty"]

ALLOWED_TAGS = frozenset(
    {
        "a",
        "abbr",
        "b",
        "blockquote",
        "br",
        "code",
        "dd",
        "del",
        "dl",
        "dt",
        "em",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "i",
        "li",
        "ol",
        "p",
        "pre",
        "strong",
        "sub",
        "sup",
        "table",
        "tbody",
        "td",
        "th",
        "thead",
        "tr",
        "ul",
    }
)
ALLOWED_ATTRIBUTES = {"a": ["href", "title"], "abbr": ["title"], "th": ["align"], "td": ["align"]}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})

# bleach's Cleaner keeps parser state between calls, so threads sharing one corrupt each
# other's output (IndexError deep in html5lib under a threaded server): one per thread.
_local = threading.local()


def _cleaner() -> bleach.Cleaner:
    cleaner = getattr(_local, "cleaner", None)
    if cleaner is None:
        cleaner = _local.cleaner = bleach.Cleaner(
            tags=ALLOWED_TAGS,
            attributes=ALLOWED_ATTRIBUTES,
            protocols=ALLOWED_PROTOCOLS,
            strip=True,
        )
    return cleaner


def _nofollow(attrs: dict, new: bool = False) -> dict:
    attrs[(None, "rel")] = "nofollow noopener"
    return attrs


def render(source: str | None) -> Markup:
    """Render user Markdown to safe HTML. Raw HTML in the source is stripped, not trusted."""
    if not source:
        return Markup("")
    html = markdown_lib.markdown(source, extensions=_EXTENSIONS, output_format="html")
    cleaned = _cleaner().clean(html)
    linked = bleach.linkify(cleaned, callbacks=[_nofollow], parse_email=False)
    return Markup(linked)  # noqa: S704 - sanitized just above


def plain_text(source: str | None) -> str:
    """Markdown reduced to its text, for snippets and search."""
    if not source:
        return ""
    html = markdown_lib.markdown(source, extensions=_EXTENSIONS)
    # bleach leaves text HTML-escaped (smarty's “ is "&ldquo;"); callers want text, which
    # the template escapes once, so unescape here or it shows as "&ldquo;" on the page.
    return html_lib.unescape(bleach.clean(html, tags=set(), strip=True))
