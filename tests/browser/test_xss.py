"""Stored and reflected cross-site scripting, tried in a real browser.

A list of payloads is stored through the domain operations (as users would write them) in
every text field that a page renders; then every page that shows them is opened in headless
Chromium, with dialogs, console messages and a `window.__xss` sentinel watched, and the DOM
searched for anything live the payloads could have planted (event-handler attributes,
inline scripts, frames, `javascript:` URLs). Reflected parameters (search q, next, page)
get the same payloads. One world, one browser, many page loads."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from urllib.parse import quote

import pytest
from flask import Flask

from app.auth.policy import SYSTEM
from app.common import utcnow
from app.extensions import db
from app.search.upkeep import upgrade_index
from tests.browser.conftest import _require_chromium, serving
from tests.conftest import PASSWORD, make_app
from tests.support.shared import built_once

pytestmark = pytest.mark.browser

PAYLOADS = [
    "<script>window.__xss=1;alert(1)</script>",
    '<img src=x onerror="window.__xss=2;alert(2)">',
    '"><svg onload=alert(3)>',
    "'><img src=x onerror=alert(4)>",
    '" autofocus onfocus="alert(5)" x="',
    "' autofocus onfocus='alert(6)' x='",
    "</textarea><script>alert(7)</script>",
    "</title><script>alert(8)</script>",
    "[click me](javascript:alert(9))",
    "[click](JaVaScRiPt:alert(10))",
    "![pic](javascript:alert(11))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxMik8L3NjcmlwdD4=)",
    '<a href="javascript:alert(13)">link</a>',
    '<iframe src="javascript:alert(14)"></iframe>',
    "<details open ontoggle=alert(15)>x</details>",
    "{{ 'ss' ~ 'ti' ~ 7*191 }} {{ config.SECRET_KEY }}",
    "{% print('ss' ~ 'ti' ~ 7*191) %} ${'ss'+'ti'+7*191} #{'ss'+'ti'+7*191}",
    "[x](&#106;avascript:alert(18))",
    '![a" onerror="alert(19)](x.png)',
    "<javascript:alert(20)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(21)>",
    "<b onmouseover=alert(22)>bold</b><style>*{color:red}</style>",
    "<body onload=alert(23)>",
    '<object data="javascript:alert(24)"></object>',
    "[ref][1]\n\n[1]: javascript:alert(25)",
    '<a href="#" onclick="alert(26)">click</a>',
    "javascript:alert(27)",
    "<input onfocus=alert(28) autofocus>",
]
# Template injection would show these; the secret key must never show.
EVALUATED = ("ssti1337",)
SECRET = "xss-suite-secret"
DATABASE = "casebook.sqlite3"

TEMPLATE = {
    "sections": [
        {"key": "hpi", "label": "History of present illness", "required": True},
        {"key": "plan", "label": "Plan"},
    ],
    "fields": [{"key": "history", "label": "Relevant history", "type": "text"}],
}

# Anything live a payload could leave in the page: the app itself uses none of these (its
# Content-Security-Policy forbids inline script), so any hit is an injection.
LIVE_DOM = """() => {
  const hits = [];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      const value = (attr.value || '').replace(/[\\s\\u0000-\\u001f]/g, '').toLowerCase();
      if (name.startsWith('on')) hits.push(el.tagName + '[' + name + ']');
      if (['href', 'src', 'action', 'formaction', 'data', 'xlink:href'].includes(name) &&
          (value.startsWith('javascript:') || value.startsWith('vbscript:') ||
           value.startsWith('data:text/html')))
        hits.push(el.tagName + '[' + name + '=' + value + ']');
    }
    const tag = el.tagName.toLowerCase();
    if (tag === 'script' && !el.src) hits.push('inline script');
    if (['iframe', 'object', 'embed', 'base', 'frame'].includes(tag)) hits.push(tag);
    if (tag === 'meta' && (el.getAttribute('http-equiv') || '').toLowerCase() === 'refresh')
      hits.push('meta refresh');
    if (tag === 'style' && el.closest('main')) hits.push('style in main');
  }
  return hits;
}"""


# What `Watcher.inspect` reads of a page: the sentinel, LIVE_DOM's hits, and which of the
# markers the document's HTML holds (the markup `page.content()` reads).
INSPECT = (
    "(markers) => {"
    f" const hits = ({LIVE_DOM})();"
    " const html = document.documentElement.outerHTML;"
    " return {sentinel: window.__xss ?? null, hits,"
    " markers: markers.filter((m) => html.includes(m))};"
    "}"
)


def passing(operation: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Run an operation; if the gate doubts a payload, mark its findings "not an identifier"
    (the author's override), as the payloads are not about any patient."""
    from app.deid.gate import Acceptance, IdentifiersFound

    try:
        result = operation(*args, **kwargs)
    except IdentifiersFound as exc:
        db.session.rollback()
        accepted = [Acceptance(f.field, f.start, f.end, "other") for f in exc.findings]
        result = operation(*args, **kwargs, accepted=accepted)
    db.session.commit()
    return result


def one_line(payload: str) -> str:
    return " ".join(payload.split())


def build_payload_world() -> SimpleNamespace:
    """For payload i: a program, a session, an expert whose display name is the payload, a
    case with a review comment, a recommendation, an annotation, a follow-up with an
    outcome note, a practice with evidence, a status reason and a dissent, and a draft."""
    from app.auth.models import Role
    from app.auth.operations import create_user
    from app.cases import lifecycle
    from app.cases.operations import CaseData
    from app.practices.operations import (
        add_evidence,
        change_status,
        propose_practice,
        take_stance,
    )
    from app.programs.operations import create_program, create_session
    from app.recommendations.operations import add_recommendation, annotate, record_outcome

    admin = create_user("admin@example.org", "Admin", Role.ADMIN, password=PASSWORD, actor=SYSTEM)
    provider = create_user(
        "spoke@example.org", "Spoke", Role.PROVIDER, password=PASSWORD, actor=SYSTEM
    )
    coordinator = create_user(
        "hub@example.org", "Hub", Role.COORDINATOR, password=PASSWORD, actor=SYSTEM
    )
    db.session.commit()
    world = SimpleNamespace(admin_email=admin.email, provider_email=provider.email, items=[])
    for i, payload in enumerate(PAYLOADS):
        line = one_line(payload)
        slug = f"x{i:02d}"
        program = passing(
            create_program, slug, line, description=payload, template=TEMPLATE, actor=admin
        )
        from app.auth.operations import add_membership

        for user in (provider, coordinator):
            add_membership(user, slug, actor=SYSTEM)
        expert = create_user(
            f"expert{i}@example.org", line[:120], Role.EXPERT, program_slugs=[slug], actor=SYSTEM
        )
        db.session.commit()
        topic = line[:120]
        session = passing(
            create_session,
            program,
            utcnow().date(),  # held today: the case is scheduled, then marked presented
            title=line,
            didactic_topic=line,
            didactic_presenter=line,
            notes=payload,
            topics=[topic],
            actor=coordinator,
        )
        data = CaseData(
            title=line,
            question=payload,
            presentation=f"## History of present illness\n\n{payload}\n\n## Plan\n\n{payload}",
            age=40,
            sex="female",
            fields={"history": line},
            topics=[topic],
        )
        case = passing(lifecycle.draft_case, program, data, presenter=provider)
        lifecycle.submit_case(case, actor=provider)
        passing(lifecycle.return_case, case, payload, actor=coordinator)
        lifecycle.submit_case(case, actor=provider)
        lifecycle.approve_case(case, actor=coordinator)
        lifecycle.schedule_case(case, session, actor=coordinator)
        lifecycle.mark_presented(case, session, actor=coordinator)
        db.session.commit()
        rec = passing(
            add_recommendation, case, expert, payload, "other", references=[line], actor=expert
        )
        lifecycle.publish_recommendation(rec, actor=expert)
        passing(annotate, rec, expert, "evidence", payload, actor=expert)
        follow_up = passing(
            lifecycle.draft_case,
            program,
            CaseData(title=f"Follow-up {line}", question="Still?", topics=[topic]),
            presenter=provider,
            follows=case,
        )
        passing(record_outcome, follow_up, rec, "adopted", "improved", note=payload, actor=provider)
        practice = passing(
            propose_practice,
            line,
            payload,
            topics=[topic],
            author=expert,
            actor=expert,
            reason=payload,
        )
        passing(add_evidence, practice, case, note=payload, added_by=expert, actor=expert)
        passing(change_status, practice, "emerging", reason=payload, editor=expert, actor=expert)
        passing(take_stance, practice, "dissent", expert=expert, note=payload, actor=expert)
        draft = passing(
            lifecycle.draft_case,
            program,
            CaseData(
                title=line,
                question=payload,
                presentation=payload,
                fields={"history": line},
                topics=[topic],
            ),
            presenter=provider,
        )
        world.items.append(
            SimpleNamespace(
                slug=slug,
                case=case.id,
                follow_up=follow_up.id,
                rec=rec.id,
                practice=practice.id,
                draft=draft.id,
            )
        )
    return world


XSS_SETTINGS: dict[str, Any] = {
    "WTF_CSRF_ENABLED": True,
    "SECRET_KEY": SECRET,
    "CASEBOOK_SEARCH_APPLY": "sync",
}


def _payload_app(folder: Path) -> Flask:
    return make_app(f"sqlite:///{folder / DATABASE}", folder / "index", **XSS_SETTINGS)


def _build_payload_files(folder: Path) -> dict[str, Any]:
    """The payload world's database and index in `folder`; its ids and emails."""
    app = _payload_app(folder)
    with app.app_context():
        db.create_all()
        world = build_payload_world()
        db.session.commit()
        upgrade_index()  # built here, not by the first search page a slice visits
        db.session.remove()
        db.engine.dispose()  # the file whole, nothing left in a journal
    return {**vars(world), "items": [vars(item) for item in world.items]}


@pytest.fixture(scope="module")
def xss_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SimpleNamespace]:
    """The payload world, built once per run (tests/support/shared.py), served from a copy
    of its files: the slices a worker runs sign in and write there, not in the others'."""
    _require_chromium()
    source, built = built_once(tmp_path_factory, "xss-world", _build_payload_files)
    tmp = tmp_path_factory.mktemp("xss")
    shutil.copytree(source, tmp, dirs_exist_ok=True)
    world = SimpleNamespace(
        **{**built, "items": [SimpleNamespace(**item) for item in built["items"]]}
    )
    with serving(_payload_app(tmp)) as url:
        yield SimpleNamespace(url=url, world=world)


class Watcher:
    """One signed-in browser context whose pages report anything a payload ran."""

    def __init__(self, browser: Any, base_url: str, email: str | None) -> None:
        self.context = browser.new_context(base_url=base_url)
        # A bound, not a speed check: slices share the machine with the rest of the suite.
        self.context.set_default_navigation_timeout(120_000)
        self.page = self.context.new_page()
        self.executed: list[str] = []
        self.loads = 0
        self.page.on("dialog", self._dialog)
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda exc: self.executed.append(f"page error: {exc}"))
        if email:
            self.page.goto("/sign-in")
            self.page.fill("#email", email)
            self.page.fill("#password", PASSWORD)
            with self.page.expect_navigation():
                self.page.click("button[type=submit]")
            assert "/sign-in" not in self.page.url, f"{email} could not sign in"

    def _dialog(self, dialog: Any) -> None:
        self.executed.append(f"dialog {dialog.type}: {dialog.message} at {self.page.url}")
        dialog.dismiss()

    def _console(self, message: Any) -> None:
        text = message.text
        if "Content Security Policy" in text or "__xss" in text:
            self.executed.append(f"console: {text[:200]} at {self.page.url}")

    def visit(self, path: str) -> int:
        response = self.page.goto(path)
        self.loads += 1
        self.inspect(path)
        return response.status if response else 0

    def inspect(self, path: str) -> None:
        # One round trip to the browser per page (the sentinel, the live DOM, the markers)
        # instead of three, and the page's HTML is searched where it is, not sent over.
        seen = self.page.evaluate(INSPECT, [*EVALUATED, SECRET])
        if seen["sentinel"] is not None:
            self.executed.append(f"window.__xss={seen['sentinel']} at {path}")
        for hit in seen["hits"]:
            self.executed.append(f"live {hit} at {path}")
        for marker in seen["markers"]:
            self.executed.append(f"template evaluated ({marker}) at {path}")

    def close(self) -> None:
        self.context.close()


def stored_pages(item: SimpleNamespace) -> list[str]:
    return [
        f"/programs/{item.slug}",
        f"/programs/{item.slug}/sessions/1",
        f"/programs/{item.slug}/sessions/1/edit",
        f"/cases/{item.case}",
        f"/cases/{item.case}/letter",
        f"/cases/{item.follow_up}",
        f"/recommendations/{item.rec}/versions",
        f"/practices/{item.practice}",
        f"/practices/{item.practice}/edit",
        f"/practices/{item.practice}/versions",
        f"/audit/case/{item.case}",
    ]


def test_the_watcher_sees_a_payload_that_runs(browser, xss_server):
    """The control: on a page that does not escape (and has no CSP), the hooks fire."""
    watcher = Watcher(browser, xss_server.url, None)
    try:
        watcher.page.set_content("<p>" + " ".join(PAYLOADS[:3]) + " ssti1337</p>")
        # Until the broken image has failed and its handler has run (set after the script's).
        watcher.page.wait_for_function("() => window.__xss === 2")
        watcher.inspect("unescaped page")
    finally:
        watcher.close()
    found = " | ".join(watcher.executed).lower()
    assert "dialog alert" in found and "window.__xss" in found
    assert "live img[onerror]" in found and "live svg[onload]" in found
    assert "inline script" in found and "template evaluated (ssti1337)" in found


# Each payload is stored in all of these, on its own program, session, case, follow-up,
# recommendation, practice, expert and draft.
STORED_FIELDS = (
    "program name",
    "program description",
    "session title",
    "didactic topic",
    "didactic presenter",
    "session notes",
    "topic name",
    "case title",
    "case question",
    "case section: history of present illness",
    "case section: plan",
    "case text field",
    "review comment",
    "recommendation body",
    "recommendation reference",
    "annotation body",
    "follow-up title",
    "outcome note",
    "practice title",
    "practice statement",
    "practice proposal reason",
    "practice status reason",
    "evidence note",
    "endorsement note",
    "expert display name",
    "draft title, question and presentation (edit form)",
)


def _lists(w: SimpleNamespace, world: SimpleNamespace, statuses: dict[str, int]) -> None:
    for path in (
        "/",
        "/practices",
        "/practices/candidates",
        "/curriculum",
        "/sessions/upcoming",
        "/review",
        "/search?q=alert",
        "/search?q=javascript",
        "/search?q=click",
    ):
        statuses[path] = w.admin.visit(path)
    # Search snippets are built from the stored text and marked up by the app.
    statuses["/search?q=onerror"] = w.admin.visit("/search?q=onerror")
    snippets = w.admin.page.locator(".result-snippet").count()
    assert snippets > 0, "the search for a payload word found nothing to show"
    for path in ("/my/cases", "/notifications", "/search?q=alert"):
        statuses[f"provider {path}"] = w.provider.visit(path)


def _stored(first: int, last: int):
    """Each item's pages, `stored_pages(item)[first:last]`; the last slice adds the draft's
    edit form, which only its presenter opens."""

    def visit(w: SimpleNamespace, world: SimpleNamespace, statuses: dict[str, int]) -> None:
        for item in world.items:
            for path in stored_pages(item)[first:last]:
                statuses[path] = w.admin.visit(path)
            if last == STORED_PAGES:
                path = f"/cases/{item.draft}/edit"
                statuses[f"provider {path}"] = w.provider.visit(path)

    return visit


def _reflected(w: SimpleNamespace, world: SimpleNamespace, statuses: dict[str, int]) -> None:
    for payload in PAYLOADS:
        q = quote(payload, safe="")
        w.admin.visit(f"/search?q={q}")
        w.admin.visit(f"/programs/x00?page={q}")
        w.anonymous.visit(f"/sign-in?next={q}")
    for q in (quote(p, safe="") for p in PAYLOADS[:8]):  # the markup breakouts
        w.admin.visit(f"/practices?status={q}")
        w.admin.visit(f"/curriculum?program={q}&start={q}")


STORED_PAGES = 11  # len(stored_pages(item))
STORED_SLICES = {"programs": (0, 3), "cases": (3, 6), "rest": (6, STORED_PAGES)}
# Groups of pages, each its own test so that xdist runs them side by side (tests/conftest.py
# spreads this file): lists and searches, each payload's stored pages in slices that
# together are all of stored_pages() (checked below), and the reflected parameters.
PAGE_GROUPS = {
    "lists": _lists,
    **{f"stored-{name}": _stored(*bounds) for name, bounds in STORED_SLICES.items()},
    "reflected": _reflected,
}


@pytest.mark.parametrize("group", list(PAGE_GROUPS))
def test_no_stored_or_reflected_payload_runs_in_the_browser(browser, xss_server, capsys, group):
    world = xss_server.world
    w = SimpleNamespace(
        admin=Watcher(browser, xss_server.url, world.admin_email),
        provider=Watcher(browser, xss_server.url, world.provider_email),
        anonymous=Watcher(browser, xss_server.url, None),
    )
    watchers = (w.admin, w.provider, w.anonymous)
    try:
        statuses: dict[str, int] = {}
        PAGE_GROUPS[group](w, world, statuses)
        executed = [line for watcher in watchers for line in watcher.executed]
        loads = sum(watcher.loads for watcher in watchers)
    finally:
        for watcher in watchers:
            watcher.close()
    failed = {path: status for path, status in statuses.items() if status != 200}
    assert not failed, f"pages that did not render: {failed}"
    assert executed == [], "\n".join(executed[:40])
    with capsys.disabled():
        print(
            f"\nXSS {group}: {len(PAYLOADS)} payloads x {len(STORED_FIELDS)} stored fields, "
            f"{loads} page loads "
            f"({len(statuses)} stored-content pages), {len(executed)} executions"
        )


def test_the_stored_page_slices_are_every_stored_page():
    item = SimpleNamespace(slug="x00", case=1, follow_up=2, rec=3, practice=4, draft=5)
    pages = stored_pages(item)
    assert len(pages) == STORED_PAGES
    sliced = [pages[a:b] for a, b in STORED_SLICES.values()]
    assert [path for part in sliced for path in part] == pages


def test_the_payloads_fit_every_field():
    """Topic and display names hold 120 characters: longer payloads would be cut."""
    assert len(PAYLOADS) >= 20
    assert all(len(one_line(p)) <= 120 for p in PAYLOADS)
