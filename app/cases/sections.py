"""A presentation is Markdown with one `## Heading` per section of the program's template."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

_HEADING = re.compile(r"^##\s+(.+?)\s*#*\s*$", re.MULTILINE)


def split_sections(presentation: str | None) -> list[tuple[str, str]]:
    """[(heading, body)] in order; text before the first heading has the heading ""."""
    text = presentation or ""
    parts: list[tuple[str, str]] = []
    matches = list(_HEADING.finditer(text))
    start = 0
    heading = ""
    for match in matches:
        body = text[start : match.start()].strip()
        if heading or body:
            parts.append((heading, body))
        heading, start = match.group(1).strip(), match.end()
    body = text[start:].strip()
    if heading or body:
        parts.append((heading, body))
    return parts


def sections_by_key(
    presentation: str | None, template_sections: Iterable[Mapping[str, object]]
) -> tuple[dict[str, str], str]:
    """Bodies of the template's sections by key, and the rest (untemplated) as Markdown."""
    labels = {str(s["label"]).strip().lower(): str(s["key"]) for s in template_sections}
    found: dict[str, str] = {}
    rest: list[str] = []
    for heading, body in split_sections(presentation):
        key = labels.get(heading.lower())
        if key is not None and key not in found:
            found[key] = body
        elif heading:
            rest.append(f"## {heading}\n\n{body}".rstrip())
        elif body:
            rest.append(body)
    return found, "\n\n".join(rest)


def join_sections(
    bodies: Mapping[str, str], template_sections: Iterable[Mapping[str, object]], rest: str = ""
) -> str:
    """The inverse of sections_by_key: template sections in order, then the rest."""
    return join_sections_with_spans(bodies, template_sections, rest)[0]


def join_sections_with_spans(
    bodies: Mapping[str, str], template_sections: Iterable[Mapping[str, object]], rest: str = ""
) -> tuple[str, dict[str, tuple[int, int]]]:
    """join_sections, and where each section's body (and "rest") lies in the joined text,
    so that offsets into the presentation can be shown against the box they were typed in."""
    parts: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    position = 0
    for section in template_sections:
        body = (bodies.get(str(section["key"])) or "").strip()
        if not body:
            continue
        if parts:
            position += 2
        heading = f"## {section['label']}\n\n"
        spans[str(section["key"])] = (position + len(heading), position + len(heading) + len(body))
        parts.append(heading + body)
        position += len(heading) + len(body)
    if rest.strip():
        if parts:
            position += 2
        spans["rest"] = (position, position + len(rest.strip()))
        parts.append(rest.strip())
    return "\n\n".join(parts), spans
