"""Findings of firm categories (an SSN, a record number, a phone number …) are marked "not an
identifier" only by the coordinators who run the text's program and admins: an author
removes or rewrites them. The web form shows them without a tick box and says why; the
API refuses an acceptance of one with 422 naming the entry; API acceptances name their
category and may bind to the finding's digest."""

from __future__ import annotations

import json
import re

import pytest
from sqlalchemy import func, select

from app.auth import policy
from app.cases.models import Case, CaseStatus, ReviewComment
from app.deid.gate import Acceptance, IdentifiersFound, check, finding_digest, scan_fields
from app.deid.models import DeidOverride
from app.deid.operations import guard
from app.extensions import db
from tests.cases.test_views import as_user, complete_form, text
from tests.support.clients import bearer

SSN_TEXT = "Seen at St. Mary's; SSN 123-45-6789 on the referral."
SSN = "123-45-6789"


@pytest.fixture
def world(world_with_coordinators):
    return world_with_coordinators


def case_count() -> int:
    db.session.rollback()
    return db.session.scalar(select(func.count(Case.id))) or 0


def test_who_may_mark_a_firm_finding(world):
    assert {"SSN", "ID", "EMAIL"} <= policy.FIRM_FINDING_CATEGORIES
    assert not {"NAME", "DATE", "PHONE", "URL", "DEVICE"} & policy.FIRM_FINDING_CATEGORIES
    hcv = world.hcv
    assert policy.can_mark_firm_findings(world.coordinator, hcv)
    assert policy.can_mark_firm_findings(world.admin, hcv)
    assert policy.can_mark_firm_findings(world.admin, None)
    assert policy.can_mark_firm_findings(policy.SYSTEM, None)
    for author in (world.provider, world.expert, world.outsider):
        assert not policy.can_mark_firm_findings(author, hcv)
    assert not policy.can_mark_firm_findings(world.coordinator, None)  # a hub-wide text


def test_the_gate_refuses_a_providers_mark_on_an_ssn_and_takes_a_coordinators(world):
    texts = {"note": SSN_TEXT}
    marks = [
        Acceptance("note", f.start, f.end, "other", f.category, origin=f"accept_findings[{i}]")
        for i, f in enumerate(scan_fields(texts))
    ]
    assert any(f.category == "SSN" for f in scan_fields(texts))
    with pytest.raises(IdentifiersFound) as refused:
        guard(texts, marks, actor=world.provider, program=world.hcv)
    exc = refused.value
    ssn = next(i for i, f in enumerate(scan_fields(texts)) if f.category == "SSN")
    assert exc.field == f"accept_findings[{ssn}]"
    assert "cannot be marked “Not an identifier” by you" in exc.errors[exc.field]
    assert "a coordinator of the program or an admin" in exc.message
    assert SSN not in exc.message and SSN not in str(exc.to_dict())
    [finding] = exc.findings
    assert (finding.category, finding.digest) == ("SSN", finding_digest(SSN))
    assert exc.to_dict()["findings"][0]["markable"] is False
    # the coordinators of the program and admins may mark it
    for marker in (world.coordinator, world.admin):
        kept = guard(texts, marks, actor=marker, program=world.hcv)
        assert "SSN" in {f.category for f, _ in kept}
    # the gate's reading alone (nobody's rights) still marks anything
    assert check(texts, marks)


def test_the_web_form_shows_no_tick_box_for_a_providers_ssn_and_keeps_the_text(client, world):
    before = case_count()
    as_user(client, world.provider)
    typed = complete_form(action="draft", **{"sections.hpi": SSN_TEXT})
    response = client.post("/programs/hcv/cases/new", data=typed)
    assert response.status_code == 422
    page = text(response)
    boxes = re.findall(r'name="accept_finding" value="([^"]+)"', page)
    assert boxes and not any("|SSN|" in b for b in boxes)  # the facility keeps its box
    assert "A possible SSN cannot be marked “Not an identifier” by you" in page
    assert "only a coordinator of the program or an admin can" in page
    assert "Which DAA regimen is safest with eGFR 28?" in page  # nothing typed is lost
    assert case_count() == before

    # A tick forged for the SSN is refused all the same, and names the field.
    forged = next(
        f"presentation|{f.start}|{f.end}|SSN|{finding_digest(SSN)}"
        for f in scan_fields({"presentation": SSN_TEXT})
        if f.category == "SSN"
    )
    sent = {**typed, "accept_finding": [forged, *boxes]}
    sent.update({f"reason|{k}": "other" for k in sent["accept_finding"]})
    response = client.post("/programs/hcv/cases/new", data=sent)
    assert response.status_code == 422
    assert "cannot be marked “Not an identifier” by you" in text(response)
    assert not re.findall(r'name="accept_finding" value="[^"]*\|SSN\|', text(response))
    assert case_count() == before

    # Another box left empty (the title) is no gate refusal: still no box for the SSN.
    response = client.post("/programs/hcv/cases/new", data={**sent, "title": ""})
    assert response.status_code == 422
    assert f'value="{boxes[0]}" checked' in text(response)  # the ticks are shown again
    assert not re.findall(r'name="accept_finding" value="[^"]*\|SSN\|', text(response))
    # Nor when a tick lacks its reason (no gate refusal either): the SSN keeps its line.
    response = client.post("/programs/hcv/cases/new", data={**typed, "accept_finding": boxes})
    assert "Choose a reason for each finding" in text(response)
    assert not re.findall(r'name="accept_finding" value="[^"]*\|SSN\|', text(response))
    assert "A possible SSN cannot be marked “Not an identifier” by you" in text(response)

    # Rewritten without it, the facility's tick holds and the draft is saved.
    fixed = {**sent, "sections.hpi": "Seen at St. Mary's; the referral is on file."}
    fixed["accept_finding"] = boxes
    assert client.post("/programs/hcv/cases/new", data=fixed).status_code == 303
    assert case_count() == before + 1


def test_a_coordinator_marks_a_record_number_in_their_programs_return_comment(client, world):
    case = world.draft
    case.status = CaseStatus.SUBMITTED
    db.session.commit()
    as_user(client, world.coordinator)
    comment = "Take MRN 55512344 out of the history before resubmitting."
    response = client.post(f"/cases/{case.id}/return", data={"comment": comment})
    assert response.status_code == 422
    (key,) = re.findall(
        r'name="accept_finding" value="(comment\|[^"]*\|ID\|[^"]*)"', text(response)
    )
    assert 'name="deid_firm" value="markable"' in text(response)
    # Ticked without a reason: refused for that, and the box is shown (ticked) again.
    response = client.post(
        f"/cases/{case.id}/return",
        data={"comment": comment, "accept_finding": key, "deid_firm": "markable"},
    )
    assert response.status_code == 422
    assert "Choose a reason for each finding" in text(response)
    assert f'value="{key}" checked' in text(response)
    response = client.post(
        f"/cases/{case.id}/return",
        data={"comment": comment, "accept_finding": key, f"reason|{key}": "not_about_patient"},
    )
    assert response.status_code in (302, 303), text(response)
    db.session.rollback()
    review = db.session.scalar(select(ReviewComment).where(ReviewComment.case_id == case.id))
    assert review.body == comment
    (override,) = db.session.scalars(
        select(DeidOverride).where(DeidOverride.entity_type == "review_comments")
    )
    assert override.category == "ID"


def test_the_api_refuses_an_acceptance_of_an_ssn_naming_the_entry(client, world):
    before = case_count()
    headers = bearer(world.provider)
    body = {"program": "hcv", "title": "HCV case", "question": "Which?", "presentation": SSN_TEXT}
    refused = client.post("/api/v1/cases", json=body, headers=headers)
    assert refused.status_code == 422
    findings = refused.get_json()["findings"]
    assert all(re.fullmatch(r"[0-9a-f]{16}", f["digest"]) for f in findings)
    assert {f["category"]: f["markable"] for f in findings} == {"FACILITY": True, "SSN": False}
    body["accept_findings"] = [
        {k: f[k] for k in ("field", "start", "end", "category", "digest")} | {"reason": "other"}
        for f in findings
    ]
    ssn = next(i for i, f in enumerate(findings) if f["category"] == "SSN")
    answer = client.post("/api/v1/cases", json=body, headers=headers)
    assert answer.status_code == 422
    data = answer.get_json()
    assert data["error"] == "identifiers_found"
    assert data["field"] == f"accept_findings[{ssn}]"
    assert "cannot be marked" in data["errors"][f"accept_findings[{ssn}]"]
    assert data["message"].startswith(f"accept_findings[{ssn}]: the SSN in presentation")
    assert SSN not in answer.get_data(as_text=True)
    assert case_count() == before


def test_an_api_acceptance_names_its_category(client, world):
    headers = bearer(world.provider)
    body = {
        "program": "hcv",
        "title": "HCV case",
        "question": "Which?",
        "presentation": "Seen at St. Mary's.",
        "accept_findings": [{"field": "presentation", "start": 8, "end": 18, "reason": "other"}],
    }
    answer = client.post("/api/v1/cases", json=body, headers=headers)
    assert answer.status_code == 422
    assert answer.get_json()["field"] == "accept_findings[0].category"
    assert answer.get_json()["message"] == "accept_findings[0].category is required."


def test_an_api_acceptance_bound_to_a_digest_accepts_only_that_text(client, world):
    headers = bearer(world.provider)
    body = {"program": "hcv", "title": "HCV case", "question": "Which?"}
    first = "Discussed with Dr. Hope Graves today."
    findings = client.post(
        "/api/v1/cases", json={**body, "presentation": first}, headers=headers
    ).get_json()["findings"]
    [name] = [f for f in findings if f["category"] == "NAME"]
    accept = [
        {**{k: name[k] for k in ("field", "start", "end", "category", "digest")}, "reason": "other"}
    ]
    # The cached acceptance, sent with an edited text holding another name at its offsets:
    edited = first.replace("Hope Graves", "Rose Tillby")
    assert [(f.start, f.end, f.category) for f in scan_fields({"p": edited})] == [
        (name["start"], name["end"], "NAME")
    ]
    answer = client.post(
        "/api/v1/cases",
        json={**body, "presentation": edited, "accept_findings": accept},
        headers=headers,
    )
    assert answer.status_code == 422
    assert answer.get_json()["error"] == "identifiers_found"
    created = client.post(
        "/api/v1/cases",
        json={**body, "presentation": first, "accept_findings": accept},
        headers=headers,
    )
    assert created.status_code == 201, created.get_json()


@pytest.mark.parametrize(
    "note",
    [
        "M**RN**: 555-123-4567 on the referral.",
        "MR\u200bN: 555-123-4567 on the referral.",
        "M&#82;N: 555-123-4567 on the referral.",
    ],
)
def test_a_record_number_whose_cue_is_broken_by_formatting_is_not_let_through_as_a_phone(
    client, world, note
):
    # As typed, the number reads as a phone (a provider may mark that); as shown, "MRN:"
    # stands before it and it reads as a record number, which only coordinators mark.
    [finding] = scan_fields({"presentation": note})
    assert finding.category == "PHONE"
    marks = [Acceptance("presentation", finding.start, finding.end, "other", "PHONE")]
    with pytest.raises(IdentifiersFound) as refused:
        guard({"presentation": note}, marks, actor=world.provider, program=world.hcv)
    assert [h.category for h in refused.value.hidden] == ["ID"]
    assert guard({"presentation": note}, marks, actor=world.coordinator, program=world.hcv)

    before = case_count()
    body = {"program": "hcv", "title": "HCV case", "question": "Which?", "presentation": note}
    [found] = client.post("/api/v1/cases", json=body, headers=bearer(world.provider)).get_json()[
        "findings"
    ]
    body["accept_findings"] = [
        {k: found[k] for k in ("field", "start", "end", "category", "digest")} | {"reason": "other"}
    ]
    answer = client.post("/api/v1/cases", json=body, headers=bearer(world.provider))
    assert answer.status_code == 422
    assert answer.get_json()["hidden"] == [{"field": "presentation", "category": "ID"}]
    assert "555-123-4567" not in answer.get_data(as_text=True)
    assert case_count() == before


def test_a_coordinator_may_not_mark_a_record_number_in_a_new_topic_name(world):
    # A new topic joins the vocabulary every program reads: what belongs to no program is
    # marked by admins alone, whichever program's session or case names it first.
    from datetime import date

    from app.programs.models import Topic
    from app.programs.operations import create_session

    name = "Hepatitis C MRN 55512344"
    [finding] = scan_fields({"topics[1]": name})
    assert finding.category == "ID"
    marks = [Acceptance("topics[1]", finding.start, finding.end, "other", "ID")]
    with pytest.raises(IdentifiersFound):
        create_session(
            world.hcv, date(2026, 3, 2), topics=[name], actor=world.coordinator, accepted=marks
        )
    db.session.rollback()
    assert db.session.scalar(select(Topic).where(Topic.name == name)) is None
    create_session(world.hcv, date(2026, 3, 2), topics=[name], actor=world.admin, accepted=marks)
    db.session.commit()
    assert db.session.scalar(select(Topic).where(Topic.name == name)) is not None


def test_the_session_form_gives_a_coordinator_a_box_for_the_notes_not_the_new_topic(client, world):
    as_user(client, world.coordinator)
    typed = {
        "date": "2026-05-05",
        "title": "Week 9",
        "notes": "Chart MRN 55512344 was the teaching case.",
        "topics": "Hepatitis C, Referral MRN 55512344",
    }
    response = client.post("/programs/hcv/sessions/new", data=typed)
    assert response.status_code == 422
    page = text(response)
    assert re.findall(r'name="accept_finding" value="notes\|[^"]*\|ID\|', page)
    assert not re.findall(r'name="accept_finding" value="topics\[2\]\|', page)
    assert "only an admin can" in page


def _banner(page: str) -> str:
    """The refusal banner at the top of a form, as text."""
    block = re.search(r'<div class="alert alert-error"[^>]*id="form-problem".*?</div>', page, re.S)
    assert block, "no refusal banner"
    return " ".join(re.sub(r"<[^>]+>", " ", block[0]).split())


def test_the_banner_does_not_offer_a_tick_when_no_finding_on_the_page_has_one(client, world):
    as_user(client, world.provider)
    typed = complete_form(action="draft", question="Patient MRN 48392017: which DAA regimen?")
    response = client.post("/programs/hcv/cases/new", data=typed)
    assert response.status_code == 422
    page = text(response)
    assert not re.findall(r'name="accept_finding"', page)
    banner = _banner(page)
    assert "Nothing was saved: the text may identify a patient." in banner
    assert "tick" not in banner
    assert "Remove or reword it" in banner
    assert "only a coordinator of the program or an admin can" in banner
    assert "48392017" not in banner

    # A finding the provider may mark (the facility) brings the tick back into the advice.
    response = client.post(
        "/programs/hcv/cases/new", data={**typed, "sections.hpi": "Seen at St. Mary's."}
    )
    assert re.findall(r'name="accept_finding"', text(response))
    assert "tick “Not an identifier” and choose a reason" in _banner(text(response))

    # What only the text as shown holds has no box for anyone: the banner says to rewrite it.
    hidden = {**typed, "question": "Which?", "sections.hpi": "SSN 123&#45;45&#45;6789 noted."}
    banner = _banner(text(client.post("/programs/hcv/cases/new", data=hidden)))
    assert "tick" not in banner and "Rewrite it without hidden characters" in banner

    # An admin may tick the record number: the banner says so.
    as_user(client, world.admin)
    response = client.post("/programs/hcv/cases/new", data=typed)
    assert response.status_code == 422
    assert re.findall(r'name="accept_finding" value="question\|[^"]*\|ID\|', text(response))
    assert "tick “Not an identifier” and choose a reason" in _banner(text(response))


def _scan(client, user, **body):
    response = client.post("/api/v1/deid/scan", json=body, headers=bearer(user))
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def test_the_scan_says_which_findings_the_caller_may_mark_in_the_program_named(client, world):
    # Without a program: the rule of what belongs to no program (admins alone mark firm ones).
    for user in (world.provider, world.coordinator):
        found = _scan(client, user, text=SSN_TEXT)["findings"]
        assert {f["category"]: f["markable"] for f in found} == {"FACILITY": True, "SSN": False}
    assert all(f["markable"] for f in _scan(client, world.admin, text=SSN_TEXT)["findings"])
    # In hcv, its coordinator may mark the SSN; a provider, or another program's coordinator, not.
    found = _scan(client, world.coordinator, text=SSN_TEXT, program="hcv")["findings"]
    assert {f["category"]: f["markable"] for f in found} == {"FACILITY": True, "SSN": True}
    for user in (world.provider, world.outsider):
        found = _scan(client, user, text=SSN_TEXT, program="hcv")["findings"]
        assert {f["category"]: f["markable"] for f in found} == {"FACILITY": True, "SSN": False}
    # Each finding carries the digest the save's refusal gives, to bind an acceptance to it.
    body = {"program": "hcv", "title": "HCV case", "question": "Which?", "presentation": SSN_TEXT}
    refused = client.post("/api/v1/cases", json=body, headers=bearer(world.provider)).get_json()
    scanned = _scan(client, world.provider, text=SSN_TEXT, program="hcv")["findings"]
    assert [
        {k: f[k] for k in ("start", "end", "category", "digest", "markable")} for f in scanned
    ] == [
        {k: f[k] for k in ("start", "end", "category", "digest", "markable")}
        for f in refused["findings"]
    ]
    assert SSN not in str(scanned)


def test_the_scan_names_no_program_the_caller_may_not_see(client, world):
    response = client.post(
        "/api/v1/deid/scan",
        json={"text": SSN_TEXT, "program": "nowhere"},
        headers=bearer(world.provider),
    )
    assert response.status_code == 404
    assert response.get_json()["field"] == "program"


@pytest.mark.parametrize("note", ["M**RN**: 555-123-4567 on the referral."])
def test_the_scan_reports_what_the_save_refuses_as_shown(client, world, note):
    # As typed the number reads as a phone a provider may mark; as shown it is a record
    # number behind "MRN:", which the save refuses them: the scan says so too.
    scanned = _scan(client, world.provider, text=note, program="hcv")
    assert [(f["category"], f["markable"]) for f in scanned["findings"]] == [("PHONE", True)]
    assert [(h["field"], h["category"]) for h in scanned["hidden"]] == [("text", "ID")]
    body = {"program": "hcv", "title": "HCV case", "question": "Which?", "presentation": note}
    refused = client.post("/api/v1/cases", json=body, headers=bearer(world.provider)).get_json()
    assert [h["category"] for h in refused["hidden"]] == ["ID"]
    # The program's coordinator may mark the record number: for them it is no hidden finding.
    scanned = _scan(client, world.coordinator, text=note, program="hcv")
    assert scanned["hidden"] == []
    assert "555-123-4567" not in str(scanned)


@pytest.mark.parametrize(
    ("key", "value", "rule"),
    [
        *(
            ("digest", digest, "digest from the 422 answer: 16 characters, each 0-9 or a-f")
            for digest in ("123-45-6789", "ABCDEF0123456789", "0123", "")
        ),
        ("category", "facility", "category from the 422 answer, in capitals (NAME, PHONE …)"),
    ],
)
def test_a_malformed_digest_or_category_is_refused_saying_what_it_is(
    client, world, key, value, rule
):
    accept = {"field": "presentation", "start": 8, "end": 18, "category": "FACILITY"}
    body = {
        "program": "hcv",
        "title": "HCV case",
        "question": "Which?",
        "presentation": "Seen at St. Mary's.",
        "accept_findings": [{**accept, "reason": "other", key: value}],
    }
    answer = client.post("/api/v1/cases", json=body, headers=bearer(world.provider))
    assert answer.status_code == 422
    data = answer.get_json()
    assert data["field"] == f"accept_findings[0].{key}"
    assert data["message"] == f"accept_findings[0].{key} must be the finding's {rule}."


def test_a_patch_is_refused_for_findings_of_stored_text_with_their_digest(client, world):
    # The gate checks a case's content as it would be saved: a PATCH of the title alone is
    # refused for the stored presentation's finding, whose digest the client never sent.
    headers = bearer(world.provider)
    body = {"program": "hcv", "title": "HCV case", "question": "Which?"}
    presentation = "Discussed with Dr. Hope Graves today."
    [name] = [
        f
        for f in client.post(
            "/api/v1/cases", json={**body, "presentation": presentation}, headers=headers
        ).get_json()["findings"]
        if f["category"] == "NAME"
    ]
    accept = [
        {**{k: name[k] for k in ("field", "start", "end", "category", "digest")}, "reason": "other"}
    ]
    created = client.post(
        "/api/v1/cases",
        json={**body, "presentation": presentation, "accept_findings": accept},
        headers=headers,
    )
    assert created.status_code == 201, created.get_json()
    path = f"/api/v1/cases/{created.get_json()['id']}"
    refused = client.patch(path, json={"title": "HCV case, week 2"}, headers=headers)
    assert refused.status_code == 422
    [again] = refused.get_json()["findings"]
    assert (again["field"], again["digest"]) == ("presentation", finding_digest("Hope Graves"))
    answer = client.patch(
        path, json={"title": "HCV case, week 2", "accept_findings": accept}, headers=headers
    )
    assert answer.status_code == 200, answer.get_json()


def _scan_command(app, tmp_path, *options: str) -> list[dict]:
    path = tmp_path / "note.txt"
    path.write_text(SSN_TEXT)
    result = app.test_cli_runner().invoke(args=["deid-scan", "--json", *options, str(path)])
    assert result.exit_code == 1, result.output
    line = json.loads(result.output)
    assert SSN not in result.output
    return line["findings"]


def test_the_scan_command_says_which_findings_the_account_may_mark(app, world, tmp_path):
    """As the API's scan does: the operator by default, else the account --as names, in the
    program --program names (what belongs to no program without it)."""
    found = _scan_command(app, tmp_path)
    assert [(f["category"], f["markable"]) for f in found] == [("FACILITY", True), ("SSN", True)]
    assert set(found[0]) == {"start", "end", "category", "confidence", "markable"}
    cases = {
        (world.coordinator.email, "hcv"): True,
        (world.coordinator.email, None): False,
        (world.provider.email, "hcv"): False,
        (world.outsider.email, "hcv"): False,
        (world.admin.email, None): True,
    }
    for (email, program), ssn_markable in cases.items():
        options = ["--as", email, *(["--program", program] if program else [])]
        found = _scan_command(app, tmp_path, *options)
        assert {f["category"]: f["markable"] for f in found} == {
            "FACILITY": True,
            "SSN": ssn_markable,
        }, (email, program)


def test_the_scan_command_names_no_program_the_account_may_not_see(app, world, tmp_path):
    path = tmp_path / "note.txt"
    path.write_text(SSN_TEXT)
    runner = app.test_cli_runner()
    for slug in ("nowhere", "perinatal-sud"):
        result = runner.invoke(
            args=["deid-scan", "--as", world.provider.email, "--program", slug, str(path)]
        )
        assert result.exit_code == 1 and "No such program. [program]" in result.output
    plain = runner.invoke(args=["deid-scan", "--as", world.provider.email, str(path)])
    assert "SSN (characters" in plain.output and "only an admin may mark it" in plain.output
