"""The one place where Markdown becomes HTML: rendered, then sanitized with bleach."""

from __future__ import annotations

import html as html_lib
import re
import threading
import unicodedata
import urllib.parse
from collections.abc import Iterable, MutableMapping
from functools import lru_cache, partial
from html.parser import HTMLParser

import bleach
import markdown as markdown_lib
from bleach.linkifier import LinkifyFilter
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

# Markdown converters and bleach's Cleaner keep parser state between calls, so threads
# sharing one corrupt each other's output (IndexError deep in html5lib under a threaded
# server): one of each per thread, reused (building a converter loads its extensions,
# which cost more than converting a case's text).
_local = threading.local()


def _converter() -> markdown_lib.Markdown:
    converter = getattr(_local, "converter", None)
    if converter is None:
        converter = _local.converter = markdown_lib.Markdown(
            extensions=_EXTENSIONS, output_format="html"
        )
    return converter.reset()


def _cleaner() -> bleach.Cleaner:
    cleaner = getattr(_local, "cleaner", None)
    if cleaner is None:
        # Links are added and marked in the same pass as the cleaning: one parse of the
        # HTML rather than two (cleaned, then parsed again by bleach.linkify).
        linkify = partial(LinkifyFilter, callbacks=[_nofollow], parse_email=False)
        cleaner = _local.cleaner = bleach.Cleaner(
            tags=ALLOWED_TAGS,
            attributes=ALLOWED_ATTRIBUTES,
            protocols=ALLOWED_PROTOCOLS,
            strip=True,
            filters=[linkify],
        )
    return cleaner


def _text_cleaner() -> bleach.Cleaner:
    cleaner = getattr(_local, "text_cleaner", None)
    if cleaner is None:
        cleaner = _local.text_cleaner = bleach.Cleaner(tags=set(), strip=True)
    return cleaner


def _nofollow(
    attrs: MutableMapping[tuple[str | None, str], str], new: bool = False
) -> MutableMapping[tuple[str | None, str], str]:
    attrs[(None, "rel")] = "nofollow noopener"
    return attrs


def render(source: str | None, *, cached: bool = True) -> Markup:
    """Render user Markdown to safe HTML. Raw HTML in the source is stripped, not trusted.
    Not `cached` for a text that has not passed the gate (a preview, a refused form's): it
    is not kept in memory."""
    if not source:
        return Markup("")
    render_html = _sanitized_html if cached else _sanitized_html.__wrapped__
    return Markup(render_html(str(source)))  # noqa: S704 - sanitized in _sanitized_html


def render_draft(source: str | None) -> Markup:
    """`render`, not cached: a text as typed, not yet through the gate."""
    return render(source, cached=False)


def plain_text(source: str | None, *, cached: bool = True) -> str:
    """Markdown reduced to its text, for snippets and search (and the gate, not `cached`:
    a text it refuses is not kept in memory)."""
    if not source:
        return ""
    # bleach leaves text HTML-escaped (smarty's “ is "&ldquo;"); callers want text, which
    # the template escapes once, so unescape here or it shows as "&ldquo;" on the page.
    text = _text(str(source)) if cached else _text.__wrapped__(str(source))
    return html_lib.unescape(text)


# A line that ends in a number's digit or dash, then one that starts with one: the page draws
# them apart (paragraphs, a heading, a list's items, a quote; a line break inside a paragraph
# between two numbers is one the gate reads joined, so a passed text has none), and a
# one-line excerpt or snippet that ran them together would read "SSN 123-45 6789". Such a
# break is drawn "¶". Spaces and marks around the numbers count for nothing; the gap is taken
# whole, so a break is drawn once.
BLOCK_END = "\ue003"  # private-use: never typed; where the "¶" goes


def number_breaks(after: str = "") -> re.Pattern[str]:
    """The breaks between two numbers; `sub(NUMBER_BREAK_DRAWN, ...)` puts BLOCK_END at each.
    `after`: characters that may follow the number's end (a snippet's match marks), the
    break drawn after them."""
    end = f"[{after}]?" if after else ""
    return re.compile(rf"(?<=[\d/.-])({end})([^\w\n]*\n[^\w]*)(?=[\d/-])")


NUMBER_BREAK_DRAWN = rf"\1{BLOCK_END}\2"
_NUMBER_LINES = number_breaks()


def plain_line(source: str | None) -> str:
    """`plain_text` on one line, as an excerpt shows it: its lines joined by a space, but
    for a break between two numbers, drawn "¶"."""
    text = _NUMBER_LINES.sub(NUMBER_BREAK_DRAWN, plain_text(source))
    return " ".join(text.split()).replace(BLOCK_END, " ¶")


def shown_parts(source: str) -> tuple[str, list[str]]:
    """What a reader sees of `source`, not cached: its text (as `plain_text`), and the
    title and href values of the sanitized HTML, entities decoded (a link's href only when
    its text is not that address already); then the alt and title values that sanitizing
    drops (an image's alt, a form field's placeholder, value or label, an aria-label), which
    a Markdown export's reader sees or hears."""
    converted = _converter().convert(source)
    text = html_lib.unescape(_text_cleaner().clean(converted))
    dropping = any(f"{name}=" in converted for name in _SHOWN_DROPPED)
    if not dropping and "href=" not in converted:
        return text, []
    reader = _Attributes()
    reader.feed(_cleaner().clean(converted))
    reader.close()
    if dropping:
        dropped = _Attributes(names=_SHOWN_DROPPED, links=False)
        dropped.feed(converted)
        dropped.close()
        kept = set(reader.values)
        reader.values += [v for v in dropped.values if v not in kept]
    return text, reader.values


# Attributes whose values a viewer shows (or speaks) as text; only `title` survives sanitizing.
_SHOWN_DROPPED = ("title", "alt", "placeholder", "value", "label", "aria-label")


# A percent-encoded letter, digit or "-._~" is that character (RFC 3986, 6.2.2.2), and a
# browser shows it so ("%31%32%33" is "123" in the address it shows on hover); no address
# needs it encoded, so decoding changes no ordinary one ("%20" stays).
_UNRESERVED = re.compile(r"%(?:3[0-9]|[46][1-9A-Fa-f]|[57][0-9Aa]|2[DdEe]|5[Ff]|7[Ee])")


# A percent-encoded character outside ASCII (its UTF-8 bytes) is shown decoded by a browser:
# "%EF%BC%91" as "１", a full-width digit that reads as "1", "%E2%80%93" as "–". Decoded
# unless it is a letter: a digit, an invisible character or a mark, a compatibility form
# (full width), a dash, sign or symbol, a modifier letter (the kana length mark "ー") and
# the letters drawn as a horizontal stroke; an encoded "é" stays, so an ordinary address
# reads as typed.
_ENCODED_UTF8 = re.compile(r"%[C-Fc-f][0-9A-Fa-f](?:%[89ABab][0-9A-Fa-f]){1,3}")
# CJK "一", the Hangul vowel "ㅡ" (jamo and half width), bopomofo "ㄧ", a syllabics stroke.
_STROKE_LETTERS = frozenset("\u4e00\u3161\u1173\uffa1\u3127\u1428")


def _hidden_char(char: str) -> bool:
    category = unicodedata.category(char)
    return (
        not category.startswith("L")
        or category == "Lm"
        or char in _STROKE_LETTERS
        or (unicodedata.normalize("NFKC", char) != char)
    )


def _utf8(match: re.Match[str]) -> str:
    try:
        char = urllib.parse.unquote(match[0], errors="strict")
    except UnicodeDecodeError:
        return match[0]
    return char if _hidden_char(char) else match[0]


def _plain_address(href: str) -> str:
    if "%" not in href:
        return href
    return _ENCODED_UTF8.sub(_utf8, _UNRESERVED.sub(lambda m: chr(int(m[0][1:], 16)), href))


class _Attributes(HTMLParser):
    """The values of the `names` attributes of HTML and, with `links`, of links' hrefs (the
    parser decodes their entities)."""

    def __init__(self, names: Iterable[str] = ("title",), *, links: bool = True) -> None:
        super().__init__(convert_charrefs=True)
        self.names = tuple(names)
        self.links = links
        self.values: list[str] = []
        self._href: str | None = None
        self._link_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: Iterable[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.values += [value for name in self.names if (value := found.get(name))]
        if tag == "a" and self.links:
            self._href, self._link_text = found.get("href"), []

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            self._link_text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._href is not None:
            href, text = _plain_address(self._href.strip()), "".join(self._link_text).strip()
            # A linked address (linkify's "www.x.org" gets "http://") is read once, as text.
            if href and href not in (text, f"mailto:{text}", f"http://{text}", f"https://{text}"):
                self.values.append(href)
            self._href = None


# Markdown syntax taken out of stored text for search snippets: a handful of regular
# expressions over the few thousand characters shown, not a render (which would cost a
# millisecond a hit). A heading becomes a label ("## History" -> "History:").
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t#]*:?[ \t]*$", re.M)
_MD_QUOTE = re.compile(r"^[ \t]*>[ \t]?", re.M)
# A list item's mark is drawn (a bullet, its number): a snippet's lines run together, and
# "SSN 123-45" then an item "6789" must not read "SSN 123-45 6789".
_MD_BULLET = re.compile(r"^[ \t]*[-*+][ \t]+", re.M)
_MD_RULE = re.compile(r"^[ \t]*(?:(?:[-*_][ \t]*){3,}|\|?[ \t:]*-{3,}[-|: \t]*)$", re.M)
# Nothing is taken out that the page shows, so that no two parts are joined that the page
# and the gate read apart ("123-~~45~~-6789"): an image is not drawn (nor its alt text),
# "~~" is no strikethrough here, a pipe inside a line is one (a table row's first and last
# go), and a fragment's leftover mark goes only where a space or the fragment's edge is
# beside it.
# An image's or a link's text holds no bracket: in "![[x](y)" the page draws "![" as
# characters and links "x"; taking the whole run out would join what stands around it.
_MD_IMAGE = re.compile(r"!\[[^\[\]\n]*\]\([^)\n]*\)")
_MD_LINK = re.compile(r"\[([^\[\]\n]*)\]\([^)\n]*\)")
_MD_EMPHASIS = re.compile(r"(?<![\w*])(\*\*|__|\*|`+)(?=\S)(.+?)(?<=\S)\1(?![\w*])")
_MD_PIPE = re.compile(r"^[ \t]*\|[ \t]*|[ \t]*\|[ \t]*$", re.M)
# In a fragment cut out of a longer text, an emphasis or heading mark may have lost its pair.
_MD_LEFTOVER = re.compile(r"(?<!\S)(?:\*\*|__)|(?:\*\*|__)(?!\S)|(?<!\S)#{1,6}(?=\s)")


def strip_syntax(source: str, *, fragment: bool = False) -> str:
    """Markdown as a reader sees it, without rendering: no heading, list, quote, emphasis,
    link or table marks; headings end in a colon, as field labels do. A `fragment` (cut
    anywhere) also loses the marks whose other half was cut off."""
    if not source:
        return ""
    text = _MD_HEADING.sub(r"\1:", source)
    text = _MD_RULE.sub("", text)
    text = _MD_BULLET.sub("• ", _MD_QUOTE.sub("", text))
    if "![" in text:
        text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_EMPHASIS.sub(r"\2", text)
    if "|" in text:
        text = _MD_PIPE.sub("", text)
    if fragment:
        text = _MD_LEFTOVER.sub("", text)
    return text


# Both depend on the source alone, and the same texts (a case's presentation, its
# recommendations, their excerpts) are shown again and again: converting them was most of
# a case page's time. Bounded, in this process's memory only: a text that is edited or
# purged is no longer asked for and ages out.
CACHED_TEXTS = 1024


@lru_cache(maxsize=CACHED_TEXTS)
def _sanitized_html(source: str) -> str:
    return _cleaner().clean(_converter().convert(source))


@lru_cache(maxsize=CACHED_TEXTS)
def _text(source: str) -> str:
    return _text_cleaner().clean(_converter().convert(source))
