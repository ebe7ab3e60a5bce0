"""Markdown is rendered and sanitized in one place."""

from __future__ import annotations

from app.content.markdown import plain_text, render


def test_renders_markdown_formatting():
    html = str(
        render(
            "## Plan\n\n- **Sofosbuvir** 400 mg\n- Check *HBV*\n\n| a | b |\n|---|---|\n| 1 | 2 |"
        )
    )
    assert "<h2>Plan</h2>" in html
    assert "<strong>Sofosbuvir</strong>" in html
    assert "<table>" in html


def test_strips_scripts_handlers_and_dangerous_links():
    html = str(
        render(
            '<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n'
            "[click](javascript:alert(3)) <iframe src='https://x'></iframe>"
        )
    )
    assert "<script" not in html and "onerror" not in html and "<iframe" not in html
    assert "<img" not in html
    assert "javascript:" not in html


def test_links_get_nofollow():
    html = str(render("See https://www.hcvguidelines.org for details."))
    assert 'href="https://www.hcvguidelines.org"' in html
    assert 'rel="nofollow noopener"' in html


def test_plain_text_drops_markup():
    assert plain_text("## Plan\n\n**Treat** now.").split() == ["Plan", "Treat", "now."]
    assert plain_text(None) == ""


def test_threads_rendering_at_once_get_what_one_thread_gets():
    """A threaded server renders many pages at once; one shared bleach Cleaner broke there."""
    import threading

    sources = [
        f"## Plan {i}\n\n**Start** sofosbuvir/velpatasvir; check *HBsAg* first.\n\n"
        f"| week | test |\n|---|---|\n| {i} | ALT |\n\n<script>alert({i})</script> [link](https://example.org/{i})"
        for i in range(40)
    ]
    expected = [str(render(s)) for s in sources]
    wrong: list[int] = []
    failures: list[str] = []

    def worker() -> None:
        for _ in range(20):
            for i, source in enumerate(sources):
                try:
                    if str(render(source)) != expected[i]:
                        wrong.append(i)
                except Exception as exc:  # noqa: BLE001 - counted below
                    failures.append(type(exc).__name__)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == [] and wrong == []


def test_excerpts_show_quotes_not_entities(app):
    from app.content.markdown import plain_text
    from app.programs.views import excerpt

    assert plain_text('Say "no" & <b>mean</b> it') == "Say “no” & mean it"
    with app.test_request_context():
        from flask import render_template_string

        html = render_template_string("{{ body | excerpt }}", body='Use "low-dose" <i>only</i>')
    assert "&amp;ldquo;" not in html and "“low-dose”" in html and "<i>" not in html
    assert excerpt("&lt;script&gt;") == "<script>"  # text; the template escapes it once


def test_the_same_text_renders_the_same_every_time_and_html_stays_stripped():
    """Rendered texts are kept per process: a second rendering is the first one, sanitized."""
    source = "**Start** now <script>alert(1)</script> [x](javascript:alert(2)) https://example.org"
    first, second = str(render(source)), str(render(source))
    assert first == second
    assert "<script" not in second and "javascript:" not in second
    assert 'rel="nofollow noopener"' in second
    assert plain_text(source) == plain_text(source) == plain_text(f"{source}")
    assert "<" not in plain_text(source)


def test_footnotes_and_abbreviations_of_one_text_do_not_leak_into_the_next():
    """Each thread reuses one Markdown converter; it starts afresh for every text."""
    with_definitions = "HCV is treatable.[^1]\n\n[^1]: Since 2014.\n\n*[HCV]: hepatitis C virus"
    assert "footnote" in str(render(with_definitions))
    later = str(render("HCV again, no notes here."))
    assert "footnote" not in later and "<abbr" not in later


def test_links_are_added_in_the_cleaning_pass_as_a_second_pass_added_them():
    """Cleaning and linkifying share one parse of the HTML: the same output as cleaning,
    then linkifying the cleaned HTML, on the demo corpus and on hostile input."""
    from pathlib import Path

    import bleach

    from app.content.markdown import (
        ALLOWED_ATTRIBUTES,
        ALLOWED_PROTOCOLS,
        ALLOWED_TAGS,
        _converter,
        _nofollow,
        _sanitized_html,
    )

    sources = [
        "<script>alert(1)</script> www.example.com and https://example.org/a_(b)?c=1&d=2",
        "[x](javascript:alert(1)) [y](https://example.org 'title') <a href='http://x'>x</a>",
        "mail a@b.example; `https://in.code` and\n\n```\nhttps://in.block\n```",
        '<img src=x onerror=alert(1)> <a href="https://x.example" rel="opener">t</a>',
        '&lt;script&gt; https://x.example/?a=<b>bold</b> **strong** _em_ "quoted" -- dash',
        "| a | b |\n|---|---|\n| https://t.example | <em>x</em> |",
    ]
    root = Path(__file__).resolve().parents[2] / "cases"
    sources += [p.read_text(encoding="utf-8") for p in sorted(root.rglob("*.md"))]
    assert len(sources) > 10
    cleaner = bleach.Cleaner(
        tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, protocols=ALLOWED_PROTOCOLS, strip=True
    )
    for source in sources:
        cleaned = cleaner.clean(_converter().convert(source))
        two_passes = bleach.linkify(cleaned, callbacks=[_nofollow], parse_email=False)
        assert _sanitized_html(source) == two_passes, source[:80]
