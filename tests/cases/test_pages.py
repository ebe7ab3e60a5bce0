"""The case page: what it shows, to whom, and that user Markdown stays harmless."""

from __future__ import annotations

import itertools

import pytest
from sqlalchemy import select

from app.auth import policy
from app.auth.models import Role
from app.auth.policy import visible_case_clause
from app.cases.models import Case, CaseStatus
from app.cases.queries import field_rows
from app.extensions import db
from tests.conftest import sign_in
from tests.support.builders import add_case, build_world


@pytest.fixture
def world(worlds, make_user):
    return worlds(__name__, lambda: _world(make_user))


def _world(make_user):
    return build_world(make_user)


def page(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.get_data(as_text=True)[:2000]
    return response.get_data(as_text=True)


def test_case_page_shows_facts_question_fields_and_presentation(client, world):
    sign_in(client, world.provider)
    html = page(client, f"/cases/{world.case.id}")
    assert "58-year-old man with genotype 1a HCV and compensated cirrhosis" in html
    assert "Question for the hub" in html
    assert "simplified 12-week sofosbuvir/velpatasvir course" in html
    assert world.provider.display_name in html
    assert "Hepatitis C" in html  # topic
    assert "Closed" in html
    # Structured fields with their template labels and units, in template order.
    assert "HCV genotype" in html and "Baseline HCV RNA" in html
    assert "2,340,000" in html and "IU/mL" in html
    assert html.index("HCV genotype") < html.index("Baseline HCV RNA") < html.index("FIB-4")
    assert "4.1" in html
    # Presentation Markdown rendered.
    assert "<h2>History of present illness</h2>" in html
    assert "<li>omeprazole 20 mg daily</li>" in html


def test_case_breadcrumbs_lead_through_program_and_session(client, world):
    sign_in(client, world.provider)
    html = page(client, f"/cases/{world.case.id}")
    crumbs = html[html.index('aria-label="Breadcrumb"') :]
    crumbs = crumbs[: crumbs.index("</nav>")]
    assert 'href="/"' in crumbs
    assert 'href="/programs/hcv"' in crumbs
    assert 'href="/programs/hcv/sessions/1"' in crumbs
    assert f'aria-current="page">Case {world.case.id}<' in crumbs


def test_case_page_shows_published_recommendations_with_annotations_in_order(client, world):
    sign_in(client, world.provider)
    html = page(client, f"/cases/{world.case.id}")
    assert "<strong>sofosbuvir/velpatasvir 400/100 mg</strong>" in html
    assert "Therapeutic" in html
    assert world.expert.display_name in html
    assert "AASLD-IDSA HCV Guidance 2023." in html
    assert "Unpublished draft advice" not in html
    assert html.index("Check <strong>HBV DNA</strong>") < html.index("Eight weeks of glecaprevir")
    assert "Evidence" in html and "Dissent" in html
    # The outcome recorded later at the follow-up is shown against the recommendation.
    assert "What happened" in html and "Adopted" in html


def test_case_page_links_to_follow_up_and_back(client, world):
    sign_in(client, world.provider)
    html = page(client, f"/cases/{world.case.id}")
    assert f'href="/cases/{world.follow_up.id}"' in html
    html = page(client, f"/cases/{world.follow_up.id}")
    assert f'href="/cases/{world.case.id}"' in html
    assert "Outcomes recorded at this follow-up" in html
    assert f'href="/cases/{world.case.id}#rec-{world.rec.id}"' in html
    assert "Adopted" in html and "Improved" in html
    assert "HCV RNA <strong>undetectable</strong>" in html


def test_age_is_shown_as_stored(client, world):
    sign_in(client, world.provider)
    html = page(client, f"/cases/{world.elderly.id}")
    assert "<dd>90+</dd>" in html
    assert "Female" in html
    assert "No recommendations have been published" in html
    assert "Not presented" in html


def test_provider_cannot_see_another_providers_draft(client, world):
    sign_in(client, world.provider)
    html = page(client, f"/cases/{world.draft.id}", 404)
    assert "No such case." in html
    assert "unfinished draft" not in html


def test_presenter_and_admin_see_the_draft(client, world):
    sign_in(client, world.other_provider)
    assert "unfinished draft" in page(client, f"/cases/{world.draft.id}")
    client.post("/sign-out")
    sign_in(client, world.admin)
    assert "unfinished draft" in page(client, f"/cases/{world.draft.id}")


def test_private_program_case_is_404_for_non_member(client, world):
    sign_in(client, world.provider)
    html = page(client, f"/cases/{world.private_case.id}", 404)
    assert "Pregnant patient" not in html


def test_private_program_case_is_visible_to_member_and_admin(client, world):
    sign_in(client, world.member)
    assert "Pregnant patient at 28 weeks" in page(client, f"/cases/{world.private_case.id}")
    client.post("/sign-out")
    sign_in(client, world.admin)
    assert "Pregnant patient at 28 weeks" in page(client, f"/cases/{world.private_case.id}")


def test_unknown_case_is_404_with_styled_error_page(client, world):
    sign_in(client, world.provider)
    html = page(client, "/cases/999999", 404)
    assert 'class="panel error-panel"' in html and "Not found" in html
    assert "Back to your programs" in html


def test_case_page_requires_sign_in(client, world):
    response = client.get(f"/cases/{world.case.id}")
    assert response.status_code == 302


def test_script_in_presentation_is_not_rendered_as_a_tag(client, world):
    case = add_case(
        world.hcv,
        world.provider,
        "Case with hostile text",
        question="<script>alert('q')</script>Is this safe?",
        presentation=(
            "## History\n\n<script>alert('x')</script>\n\n"
            '<img src=x onerror="alert(1)"> [link](javascript:alert(2))'
        ),
        status=CaseStatus.APPROVED,
    )
    db.session.commit()
    sign_in(client, world.provider)
    html = page(client, f"/cases/{case.id}")
    assert "<script" not in html
    assert "onerror" not in html
    assert "javascript:" not in html
    assert "<img" not in html


def test_script_in_title_is_escaped(client, world):
    case = add_case(world.hcv, world.provider, "<script>alert(1)</script>", status="approved")
    db.session.commit()
    sign_in(client, world.provider)
    html = page(client, f"/cases/{case.id}")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_fields_without_template_entry_are_still_shown(world):
    rows = field_rows(world.hcv.case_template, {"genotype": "1a", "extra_note": "x", "empty": ""})
    assert [(r.label, r.value) for r in rows] == [("HCV genotype", "1a"), ("Extra note", "x")]


def test_visibility_clause_agrees_with_policy(app, make_user, world):
    """The SQL used for counts must say exactly what policy.can_view_case says."""
    users = [None, world.provider, world.other_provider, world.expert, world.admin]
    users += [make_user(role, programs=["hcv"]) for role in (Role.COORDINATOR, Role.CURRICULUM)]
    for status, presenter in itertools.product(CaseStatus, (world.provider, world.other_provider)):
        add_case(world.hcv, presenter, f"{status} case", status=status)
    db.session.commit()
    cases = db.session.scalars(select(Case).where(Case.program_id == world.hcv.id)).all()
    for user in users:
        seen = set(
            db.session.scalars(
                select(Case.id).where(Case.program_id == world.hcv.id, visible_case_clause(user))
            )
        )
        expected = {c.id for c in cases if policy.can_view_case(user, c)}
        assert seen == expected, user
