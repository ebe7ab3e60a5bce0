"""Text as a reader sees it, for the gate's second reading.

The gate scans the text as stored, but a reader sees it rendered: Markdown escapes,
emphasis, HTML entities and comments are gone, an invisible character between two digits
or an accent over one is not seen, a Cyrillic "о" reads as a Latin "o" and "٠٣" as "03".
`shown_text` gives that reading (or None when it is the stored text), so that what the
detector would find on the page is found at the gate too.
"""

from __future__ import annotations

import bisect
import html
import re
import unicodedata
from collections.abc import Callable

# An ASCII text without any of these reads on the page as it is stored: no second scan.
# Markdown's typography turns "--" into a dash, which the rules read as a hyphen.
_MARKUP = re.compile(r"[\\*_&<>\[\]`~]|--")
_DASH_RUN = re.compile(r"(?<=\d)-{2,}(?=\d)")
# ASCII control characters no page or editor draws (tab and the line breaks are drawn):
# they are stored as typed (`app.inputs`), and read as absent.
_UNDRAWN_ASCII = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")

# Invisible characters that are not of category Cf (which all go).
_INVISIBLE = frozenset("\u034f\u180e\u00ad\u115f\u1160\u3164\uffa0")
# Unassigned code points Unicode reserves as default-ignorable: drawn as nothing, today and
# once assigned (DerivedCoreProperties.txt, Default_Ignorable_Code_Point).
_IGNORABLE_BLOCKS = ((0x2060, 0x206F), (0xFFF0, 0xFFF8), (0xE0000, 0xE0FFF))
# A blank Braille cell is drawn as a space.
_BLANK = "\u2800"

# Cyrillic and Greek letters drawn as a Latin one, from Unicode's confusables (TR39), each
# to the Latin letter of the same case (the capitals confusables.txt sends to "l" go to "I").
LOOKALIKES: dict[str, str] = {
    # Cyrillic
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
    "С": "C", "Т": "T", "У": "Y", "Х": "X", "Ѕ": "S", "І": "I", "Ј": "J", "Ү": "Y",
    "Ӏ": "I", "Ԍ": "G", "Ԝ": "W", "Ѵ": "V",
    "а": "a", "г": "r", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x",
    "ѕ": "s", "і": "i", "ј": "j", "ү": "y", "һ": "h", "ӏ": "i", "ԁ": "d", "ԛ": "q",
    "ԝ": "w", "ѡ": "w", "ѵ": "v", "ҽ": "e", "Ь": "b",
    # Greek
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M",
    "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X", "Ϲ": "C", "Ϻ": "M",
    "Ϝ": "F", "ϒ": "Y", "Ϳ": "J",
    "α": "a", "γ": "y", "ι": "i", "ν": "v", "ο": "o", "ρ": "p", "σ": "o", "υ": "u",
    "ϲ": "c", "ϳ": "j", "ϱ": "p", "ͺ": "i",
    # Armenian
    "Օ": "O", "Ս": "U", "Տ": "S", "Լ": "L",
    "օ": "o", "ս": "u", "ց": "g", "հ": "h", "ո": "n", "զ": "q",
}  # fmt: skip

# Cherokee capitals drawn as a Latin one (TR39), and their small forms as its small letter.
_CHEROKEE = {
    "\u13a0": "D", "\u13a1": "R", "\u13a2": "T", "\u13aa": "A", "\u13ab": "J", "\u13ac": "E",
    "\u13b3": "W", "\u13b7": "M", "\u13bb": "H", "\u13c0": "G", "\u13c3": "Z", "\u13d2": "R",
    "\u13d4": "W", "\u13d9": "V", "\u13da": "S", "\u13de": "L", "\u13df": "C", "\u13e2": "P",
    "\u13e6": "K", "\u13f4": "B",
}  # fmt: skip
LOOKALIKES.update(_CHEROKEE)
LOOKALIKES.update({c.lower(): latin.lower() for c, latin in _CHEROKEE.items()})
# Latin small capitals read as small letters ("Jᴏhn" is "John"); there is no small capital X.
LOOKALIKES.update(
    {
        unicodedata.lookup(f"LATIN LETTER SMALL CAPITAL {c}"): c.lower()
        for c in "ABCDEFGHIJKLMNOPQRSTUVWYZ"
    }
)


# Typographic quotes and dashes (Markdown's typography makes them from ASCII) read as the
# ASCII the rules read them as: the detector scans an ASCII text on its faster paths.
_TYPOGRAPHY = {
    **dict.fromkeys("‘’‚‛′", "'"),
    **dict.fromkeys("“”„‟″", '"'),
    **dict.fromkeys("‐‑‒–−", "-"),
}

_TYPOGRAPHY_TABLE = str.maketrans(_TYPOGRAPHY)

# Signs and strokes drawn as a hyphen that are not dash punctuation (category Pd, which all
# read as "-"): minus signs, the hyphen bullet, horizontal box-drawing lines and their
# halves, the kana length mark (full and half width) and the horizontal strokes of CJK
# ("一", its radical and stroke): "123ー45ー6789" is drawn as an SSN. So are the Hangul
# vowel "ㅡ" (a Korean keyboard's dash; its jamo and half-width forms), bopomofo "ㄧ", the
# Arabic tatweel, the scan lines, a black rectangle, the yang monogram, a syllabics stroke.
_MINUS = frozenset(
    "\u2212\u2796\u02d7\u207b\u208b\u2043\u2e43\u23af\u2500\u2501\u2504\u2505\u2508\u2509\u254c\u254d"
    "\u2574\u2576\u2578\u257a\u23e4\u30fc\uff70\u4e00\u2f00\u31d0"
    "\u3161\u1173\uffa1\u3127\u0640\u23bc\u23bd\u25ac\u268a\u1428"
)

# Super- and subscript digits: one or two are a power ("10³/µL"), a run of three or more
# (separators allowed) is a number written small ("¹²³-⁴⁵-⁶⁷⁸⁹") and reads as one.
_SCRIPT_DIGIT = "[\u2070\u00b9\u00b2\u00b3\u2074-\u2079\u2080-\u2089]"
_SCRIPT_RUN = re.compile(f"{_SCRIPT_DIGIT}(?:[ ./-]?{_SCRIPT_DIGIT}){{2,}}")


def _script_digits(match: re.Match[str]) -> str:
    return "".join(str(unicodedata.digit(c)) if not c.isascii() else c for c in match[0])


def _shown_char(char: str) -> str:
    if char in _TYPOGRAPHY:
        return _TYPOGRAPHY[char]
    category = unicodedata.category(char)
    if category == "Pd" or char in _MINUS:
        return "-"
    # Format and control characters (C1 controls and DEL among them) are not drawn.
    if category in ("Cf", "Cc") or category.startswith("M") or char in _INVISIBLE:
        return ""
    if category == "Cn" and any(low <= ord(char) <= high for low, high in _IGNORABLE_BLOCKS):
        return ""
    if char == _BLANK:
        return " "
    digit = unicodedata.decimal(char, None)
    if digit is not None:
        return str(digit)
    if unicodedata.decomposition(char).startswith(("<super>", "<sub>")):
        return char  # "10³/µL" is a count, as the detector reads it
    return "".join(LOOKALIKES.get(c, c) for c in unicodedata.normalize("NFKC", char))


class _Table(dict[int, str]):
    """str.translate's table, each character worked out the first time it is met (kept for
    a bounded number of characters: a text of every code point must not grow it without end)."""

    def __missing__(self, code: int) -> str:
        value = _shown_char(chr(code))
        if len(self) < _TABLE_MAX:
            self[code] = value
        return value


_TABLE_MAX = 20_000


_TABLE = _Table({code: "" if _UNDRAWN_ASCII.match(chr(code)) else chr(code) for code in range(128)})


# Unicode's bidirectional controls (UAX #9): a right-to-left override draws the letters and
# digits after it in reverse order ("\u202ettenroH teirraH" shows "Harriet Hornett"), in a
# browser, an edit box and an editor alike, up to its pop (or the paragraph's end).
_RLO, _LRO, _PDF = "\u202e", "\u202d", "\u202c"
_EMBEDDINGS = frozenset("\u202a\u202b\u2066\u2067\u2068")  # pushed, no override
_ISOLATE_END = "\u2069"
_PARAGRAPH = re.compile(r"([\n\r\x1c-\x1e\x85\u2029])")


def _override_levels(line: str) -> list[tuple[str, int]]:
    """Each character of `line` but the controls, with the level it is drawn at: an
    override's level (odd for right to left), else the even one at or above its embedding's
    (a Latin letter or digit is drawn left to right inside a right-to-left embedding)."""
    stack: list[tuple[int, bool]] = [(0, False)]  # (level, overridden right to left or not)
    out: list[tuple[str, int]] = []
    for char in line:
        level = stack[-1][0]
        if char in (_RLO, _LRO) or char in _EMBEDDINGS:
            odd = char in (_RLO, "\u202b", "\u2067")
            stack.append((level + 1 + ((level + 1) % 2 != odd), char == _RLO))
        elif char in (_PDF, _ISOLATE_END):
            if len(stack) > 1:
                stack.pop()
        else:
            out.append((char, level if stack[-1][1] else level + level % 2))
    return out


def _visual_order(text: str) -> str:
    """`text` in the order its characters are drawn where a right-to-left override reverses
    them (UAX #9's rule L2 over the levels of `_override_levels`), line by line."""
    lines = _PARAGRAPH.split(text)
    for i in range(0, len(lines), 2):
        if _RLO not in lines[i]:
            continue
        chars = _override_levels(lines[i])
        top = max((level for _, level in chars), default=0)
        for floor in range(top, 0, -1):
            start = None
            for j in range(len(chars) + 1):
                inside = j < len(chars) and chars[j][1] >= floor
                if inside and start is None:
                    start = j
                elif not inside and start is not None:
                    chars[start:j] = chars[start:j][::-1]
                    start = None
        lines[i] = "".join(c for c, _ in chars)
    return "".join(lines)


def plain_letters(text: str) -> str:
    """`text` with invisible characters gone, every decimal digit ASCII, look-alike letters
    Latin (NFKC otherwise, but for super- and subscripts). Accented letters stay as written
    ("José", "Muñoz": read as the stored text is); a mark that composes with nothing (an
    accent over a digit, a stack of them) goes."""
    if text.isascii():
        return _UNDRAWN_ASCII.sub("", text)
    if _RLO in text:
        text = _visual_order(text)
    return _SCRIPT_RUN.sub(_script_digits, unicodedata.normalize("NFC", text).translate(_TABLE))


def shown_text(text: str) -> str | None:
    """The text as a reader sees it, or None when it reads as stored. Every text is read as
    Markdown: the gate does not know where a text is shown, and one shown escaped (a title)
    also goes into Markdown exports and handouts. Not cached here: only the gate's block
    (`gate.scanning_once`) keeps renderings, beside its scans and for as long."""
    markup = bool(_MARKUP.search(text))
    undrawn = bool(_UNDRAWN_ASCII.search(text))
    if text.isascii() and not markup and not undrawn:
        return None
    shown = text
    if markup:
        # Imported here: reading most texts never needs the renderer (import time matters).
        from app.content.markdown import shown_parts

        # A link's address and a tooltip (a link's or an abbreviation's title) are shown
        # too, entities decoded: each is read on a line of its own. The sanitizer writes
        # "?" for a control character that the text as typed shows as nothing.
        shown, attributes = shown_parts(_UNDRAWN_ASCII.sub("", text) if undrawn else text)
        shown = "\n".join([shown, *attributes])
    # A run of dashes between digits reads as one ("123&#45-45" shows as "123--45").
    shown = _DASH_RUN.sub("-", plain_letters(shown))
    # Only typographic quotes and dashes made plain: the rules read those alike already.
    if shown == text or shown == text.translate(_TYPOGRAPHY_TABLE):
        return None
    return shown


# A number shaped like an SSN or a phone number (3-2-4 or 3-3-4 groups) written with a letter
# drawn like a digit ("l23-45-6789"): "l", "I" and "|" are drawn as 1, "O" and "o" as 0.
_DRAWN_DIGIT = "[0-9lI|Oo]"
_DIGIT_SHAPE = re.compile(
    rf"(?<![\w|-]){_DRAWN_DIGIT}{{3}}[-. ]{_DRAWN_DIGIT}{{2,3}}[-. ]{_DRAWN_DIGIT}{{4}}(?![\w|-])"
)
_AS_DIGITS = str.maketrans("lI|Oo", "111" + "00")
_FEWEST_DIGITS = 6


def _as_digits(match: re.Match[str]) -> str:
    shape = match[0]
    return (
        shape.translate(_AS_DIGITS) if sum(c.isdigit() for c in shape) >= _FEWEST_DIGITS else shape
    )


def digits_as_drawn(text: str) -> str | None:
    """The text with each number shaped like an SSN or a phone number (`_DIGIT_SHAPE`) that
    holds a letter drawn like a digit read with that digit; None when there is none. Only
    where most of the shape is digits already: "l23-45-6789" reads "123-45-6789"."""
    if not any(c in text for c in "lI|Oo"):
        return None
    drawn = _DIGIT_SHAPE.sub(_as_digits, text)
    return None if drawn == text else drawn


# An image: Markdown's, inline or by reference, and HTML's with its alt attribute.
_IMAGE = re.compile(
    r"!\[([^\[\]\n]*)\](?:\([^()\n]*\)|\[[^\[\]\n]*\])"
    r"|<img\b[^<>]*?\balt\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'<>]+))[^<>]*>",
    re.IGNORECASE,
)


def _alt(match: re.Match[str]) -> str:
    return next((group for group in match.groups() if group is not None), "")


def alt_in_place(text: str) -> str | None:
    """The text as shown with each image's alt text where the image stands, as a screen
    reader reads it (and a page whose image did not load shows it); None without an image.
    `shown_text` reads alt text on a line of its own: an SSN split around an image
    ("SSN ![123-45](x)-6789") is whole only in place."""
    if "![" not in text and "<img" not in text.lower():
        return None
    placed = _IMAGE.sub(_alt, text)
    if placed == text:
        return None
    return shown_text(placed) or placed


# A page shows "\r\n" and "\r" (a browser's form sends "\r\n"), a vertical tab, a form feed
# and Unicode's line and paragraph separators as a line break, and a line break inside a
# paragraph as a space: between digits or dashes it is read so ("617-555\n-0142" shows
# "617-555 -0142"), but for a hard break (two spaces before it) or a list item's line.
_LINE_BREAK = re.compile(r"\r\n?|[\x0b\x0c\u2028\u2029]")
_JOINED_LINES = re.compile(
    r"(?<=[\d-])([ \t]?)\n(?=(?P<item>[ \t]*(?:\d{1,9}\.|-)[ \t])|[ \t]*[\d-])"
)
# A list item's line is one only in a list: the page's Markdown starts a list at the start of
# a block alone (after a blank line, a heading or a rule), and in a paragraph "- 6789" is its
# text ("SSN 123-45\n- 6789" shows "SSN 123-45 - 6789"); "1)" starts none anywhere. A
# block's first line, read back from a line break, is the one after a blank line, a heading,
# a rule or the text's start.
_LIST_ITEM = re.compile(r"[ \t]{0,3}(?:>[ \t]?)*[ \t]*(?:\d{1,9}\.|[-+*])[ \t]")
_BLOCK_ENDS = re.compile(
    r"[ \t]*(?:>[ \t]?)*[ \t]*(?:#{1,6}(?:[ \t].*)?|(?:[-*_][ \t]*){3,}|=+[ \t]*)?$"
)


def _line_break(match: re.Match[str]) -> str:
    return " \n" if match[0] == "\r\n" else "\n"


def _list_lines(text: str) -> tuple[list[int], list[bool]]:
    """The start of each line of `text` (its breaks already "\n"), and whether the page shows
    the line in a list: its block (lines since a blank line, a heading, a rule or the text's
    start) opens with a list item. One pass: a text of many short lines is read in linear
    time, not once per line."""
    starts: list[int] = []
    listed: list[bool] = []
    first: int | None = None
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        starts.append(start)
        if _BLOCK_ENDS.fullmatch(text, start, end):
            first = None
            listed.append(False)
        else:
            if first is None:
                first = start
            listed.append(_LIST_ITEM.match(text, first) is not None)
        start = end + 1
    return starts, listed


def _joined_line(text: str, items_apart: bool) -> Callable[[re.Match[str]], str]:
    lines: tuple[list[int], list[bool]] | None = None

    def in_a_list(at: int) -> bool:
        nonlocal lines
        if lines is None:
            lines = _list_lines(text)
        starts, listed = lines
        return listed[bisect.bisect_right(starts, at) - 1]

    def joined(match: re.Match[str]) -> str:
        if match["item"] is not None and (items_apart or in_a_list(match.start())):
            return match[0]
        return f"{match[1]} "

    return joined


def as_lines_shown(text: str, *, items_apart: bool = False) -> str:
    """`text` with its line breaks as a page shows them, one character for one (every offset
    is the text's own): what the gate's scans read. `items_apart`: every line that reads as
    a list item a line of its own, as a reader of the text as typed sees it (the detector
    reads a list of names by its lines)."""
    if "\n" not in text and text.isprintable():
        return text
    text = _LINE_BREAK.sub(_line_break, text)
    return _JOINED_LINES.sub(_joined_line(text, items_apart), text) if "\n" in text else text


# A paragraph's next line is drawn after one space whatever its indentation (Markdown and
# a browser drop it): "617-555\n    -0142" shows "617-555 -0142". The one-for-one reading
# of `as_lines_shown` keeps the indentation, which parts the groups too far to be read.
_INDENTED_LINE = re.compile(
    r"(?<=[\d-])[ \t]?\n(?![ \t]*(?:\d{1,9}[.)]|[-+*])[ \t])[ \t]+(?=[\d-])"
)


# So is a run of spaces next to a hyphen between digit groups: "617-555     -0142" shows
# "617-555 -0142". Only beside a hyphen: a lab table's columns of numbers stay apart. The
# spaces and hyphens are those the detector reads as such (no-break and wide spaces, an en
# dash), and runs on both sides of one hyphen ("617  -  555") are each one space.
_RUN_SPACE = "[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]"
_RUN_HYPHEN = "[-\u2010-\u2013\u2212\ufe63]"
_SPACED_HYPHEN = re.compile(
    f"(?:(?<=\\d{_RUN_HYPHEN})|(?<={_RUN_SPACE}{_RUN_HYPHEN})){_RUN_SPACE}{{2,}}(?=\\d)"
    f"|(?<=\\d){_RUN_SPACE}{{2,}}(?={_RUN_HYPHEN}{_RUN_SPACE}*\\d)"
)
_ONE_SPACE = re.compile(f"{_INDENTED_LINE.pattern}|{_SPACED_HYPHEN.pattern}")


# An identifier's cue ending a line, its number starting the next: one line on the page
# ("SSN\n123-45 -6789"), but for a list item's line.
_CUE_LINE = re.compile(
    r"(?i)\b(?:ssn|ss\s*#|social\s+security(?:\s+number)?|mrn|dob|phone|tel|fax|cell|mobile)"
    r"[ \t]*[:#]?[ \t]?(\n)(?![ \t]*(?:\d{1,9}[.)]|[-+*])[ \t])(?=[ \t]*\d)"
)


def _cue_line(match: re.Match[str]) -> str:
    return match[0][: match.start(1) - match.start()] + " "


def lines_joined(text: str) -> tuple[str, list[int]] | None:
    """`text` as `as_lines_shown` reads it, each line break between digits or dashes with
    the indentation around it as the one space a page draws (and a run of spaces by a hyphen
    between digits, `_SPACED_HYPHEN`), a line break between a cue and
    its number as a space, and for each character of that reading its offset in `text` (one
    more at the end); None when no such break."""
    spaced = "  " in text or "\t" in text or not text.isascii()
    if "\n" not in text and text.isprintable() and not (spaced and _SPACED_HYPHEN.search(text)):
        return None
    broken = _LINE_BREAK.sub(_line_break, text)  # one character for one
    indented = _ONE_SPACE.search(broken) is not None
    if not indented and not _CUE_LINE.search(broken):
        return None
    lines = _CUE_LINE.sub(_cue_line, as_lines_shown(text))  # one character for one
    if not indented:
        return lines, list(range(len(text) + 1))
    parts: list[str] = []
    places: list[int] = []
    last = 0
    for match in _ONE_SPACE.finditer(broken):
        parts.append(lines[last : match.start()])
        places.extend(range(last, match.start()))
        parts.append(" ")
        places.append(match.start())
        last = match.end()
    parts.append(lines[last:])
    places.extend(range(last, len(text) + 1))
    return "".join(parts), places


# A hyphen gluing a word to a number shaped like an SSN or phone ("no-123-45-6789"), or a
# patient's cue or title to a capitalized name ("Patient-John Smith"), parts them as a space
# does: a reader sees the number and the name whole.
_GLUED_HYPHEN = re.compile(
    r"(?<=[A-Za-z])-(?=\d{3}[-. ]\d{2,3}[-. ]\d{4}(?![\w-]))"
    r"|(?:(?<=\bpatient)|(?<=\bPatient)|(?<=\bPATIENT)|(?<=\bpt)|(?<=\bPt)|(?<=\bPT)"
    r"|(?<=\bMr)|(?<=\bMrs)|(?<=\bMs)|(?<=\bDr))-(?=[A-Z][a-z])"
)


def hyphens_parted(text: str) -> str:
    """`text` with each gluing hyphen (`_GLUED_HYPHEN`) read as a space, one character for
    one."""
    return _GLUED_HYPHEN.sub(" ", text) if "-" in text else text


def _hides(char: str) -> bool:
    """Whether `plain_letters` reads `char` as nothing or as a Latin letter or digit."""
    value = _TABLE[ord(char)]
    return not value or any(c.isascii() and c.isalnum() for c in value)


def typed_text(text: str) -> str | None:
    """The text as typed (an edit box, the API, an export in a text editor show it so, its
    Markdown not rendered) read as `plain_letters` reads it; None when `shown_text` already
    reads all of it (a text without Markdown) or no character is hidden or drawn as another.
    Rendering drops HTML comments, tags' attributes and images: an SSN with an invisible
    character in it, put there, is read by no other reading. A comment's character
    references are read decoded (a renderer showing raw HTML as text decodes them)."""
    if not _MARKUP.search(text):
        return None  # `shown_text` reads the text itself
    # A comment's character references read as their characters: a renderer that shows raw
    # HTML as text decodes them ("<!-- SSN &#49;23-45-6789 -->").
    decoded = _COMMENT.sub(_decoded, text) if "<!--" in text and "&" in text else text
    hidden = (
        decoded != text
        or bool(_UNDRAWN_ASCII.search(text))
        or (
            not text.isascii()
            and (_SCRIPT_RUN.search(text) or any(_hides(c) for c in set(text) if not c.isascii()))
        )
    )
    if not hidden:
        return None
    typed = plain_letters(decoded)
    return None if typed == text else typed


_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)


def _decoded(match: re.Match[str]) -> str:
    return html.unescape(match[0])


def reduced(value: str) -> str:
    """A finding's value compared across the two readings: its letters and digits only,
    without accents."""
    bare = unicodedata.normalize("NFKD", plain_letters(value).casefold())
    return "".join(c for c in bare if c.isalnum())
