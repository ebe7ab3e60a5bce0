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
