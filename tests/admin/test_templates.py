"""The case-form editor: versions, old cases keeping theirs, validation, roles, the API."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from app.audit.models import AuditEvent
from app.auth.operations import create_token
from app.auth.policy import SYSTEM
from app.cases.models import CaseStatus
from app.cases.operations import CaseData, check_complete, create_case, update_case
from app.errors import PermissionDenied, ValidationError
from app.extensions import db
from app.programs.case_templates import save_template, template_of, template_versions
from app.programs.operations import create_program
from tests.cases.test_views import as_user

TEMPLATE = {
    "sections": [{"key": "history", "label": "History", "required": True}],
    "fields": [
        {"key": "genotype", "label": "HCV genotype", "type": "choice", "choices": ["1a", "3"]},
        {"key": "cirrhosis", "label": "Cirrhosis", "type": "boolean", "required": True},
    ],
}


@pytest.fixture
def world(worlds, make_user):
    return worlds(__name__, lambda: _world(make_user))


def _world(make_user):
    program = create_program("hcv", "Hepatitis C ECHO", template=TEMPLATE, actor=SYSTEM)
    db.session.commit()
    return {
        "program": program,
        "admin": make_user("admin"),
        "coordinator": make_user("coordinator", programs=["hcv"]),
        "other_coordinator": make_user("coordinator", email="other.coord@example.org"),
        "provider": make_user("provider", programs=["hcv"]),
    }


def _with(template: dict, **field) -> dict:
    return {**template, "fields": [*template["fields"], field]}


def _case(world, **fields):
    data = CaseData(title="A case", question="What next?", fields=fields)
    return create_case(world["program"], data, presenter=world["provider"], actor=world["provider"])


def test_saving_the_template_makes_a_new_version_with_an_audit_event(world):
    program = world["program"]
    version = save_template(
        program, _with(TEMPLATE, key="egfr", label="eGFR", type="number"), actor=world["admin"]
    )
    db.session.commit()
    assert version.version == 2 and program.template_version == 2
    assert [f["key"] for f in program.template_fields] == ["genotype", "cirrhosis", "egfr"]
    assert [v.version for v in template_versions(program)] == [2, 1]
    event = db.session.scalar(
        select(AuditEvent).where(AuditEvent.action == "program.template_saved")
    )
    assert event.entity_id == program.id and event.details["version"] == 2
    # Saving the same form again makes no version.
    assert save_template(program, program.case_template, actor=world["admin"]) is None


def test_an_old_case_keeps_its_version_and_a_new_required_field_binds_new_cases_only(world):
    program = world["program"]
    old = _case(world, genotype="1a", cirrhosis="yes")
    db.session.commit()
    changed = {
        "sections": TEMPLATE["sections"],
        "fields": [
            TEMPLATE["fields"][1],  # genotype removed
            {"key": "egfr", "label": "eGFR", "type": "number", "required": True},
        ],
    }
    save_template(program, changed, actor=world["admin"])
    db.session.commit()
    assert old.template_version == 1 and "genotype" in str(template_of(old))
    # The old case is still complete without eGFR, and still takes a genotype.
    update_case(
        old,
        CaseData(
            title="A case",
            question="Q?",
            fields={"genotype": "3", "cirrhosis": True},
            presentation="## History\n\nx",
        ),
        actor=world["provider"],
    )
    old.status = CaseStatus.SUBMITTED
    check_complete(old)
    new = _case(world, cirrhosis=True)
    assert new.template_version == 2
    with pytest.raises(ValidationError) as info:
        check_complete(new)
    assert info.value.errors["fields.egfr"] == "eGFR is required."
    with pytest.raises(ValidationError, match="not a field"):
        update_case(
            new,
            CaseData(title="A", question="Q", fields={"genotype": "1a"}),
            actor=world["provider"],
        )


def test_the_case_page_and_edit_form_show_the_version_the_case_was_written_with(client, world):
    old = _case(world, genotype="1a", cirrhosis=True)
    db.session.commit()
    save_template(
        world["program"],
        {
            "sections": TEMPLATE["sections"],
            "fields": [{"key": "egfr", "label": "eGFR", "type": "number"}],
        },
        actor=world["admin"],
    )
    db.session.commit()
    as_user(client, world["provider"])
    page = client.get(f"/cases/{old.id}").get_data(as_text=True)
    assert "HCV genotype" in page
    form = client.get(f"/cases/{old.id}/edit").get_data(as_text=True)
    assert 'name="fields.genotype"' in form and "fields.egfr" not in form
    new_form = client.get("/programs/hcv/cases/new").get_data(as_text=True)
    assert 'name="fields.egfr"' in new_form and "fields.genotype" not in new_form


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"key": "genotype", "label": "Again"}, "template.fields[3].key", "used twice"),
        (
            {"key": "drug", "label": "Drug", "type": "choice"},
            "template.fields[3].choices",
            "needs a list",
        ),
        ({"key": "drug", "label": "  "}, "template.fields[3].label", "label is required"),
        (
            {"key": "drug", "label": "Drug", "type": "date"},
            "template.fields[3].type",
            "type must be one of",
        ),
        ({"key": "Drug X", "label": "Drug"}, "template.fields[3].key", "lowercase letters"),
        ({"key": "drug", "label": "Drug", "help": "a\nb"}, "template.fields[3].help", "one line"),
        (
            {"key": "drug", "label": "Drug", "section": "nowhere"},
            "template.fields[3].section",
            "not a section",
        ),
        (
            {"key": "cirrhosis", "label": "Cirrhosis", "type": "text"},
            "template.fields[2].type",
            "was saved as Yes/no",
        ),
    ],
)
def test_bad_templates_are_refused_naming_the_field(world, change, field, words):
    fields = [
        f
        for f in TEMPLATE["fields"]
        if not (change["key"] == "cirrhosis" and f["key"] == "cirrhosis")
    ]
    template = {
        "sections": TEMPLATE["sections"],
        "fields": [*fields[:2], change] if change["key"] != "cirrhosis" else [fields[0], change],
    }
    with pytest.raises(ValidationError) as info:
        save_template(world["program"], template, actor=world["admin"])
    assert field in info.value.errors and words in info.value.errors[field]


@pytest.mark.parametrize("who", ["coordinator", "provider"])
def test_only_admins_save_the_template(world, who):
    with pytest.raises(PermissionDenied):
        save_template(world["program"], TEMPLATE, actor=world[who])


def test_the_editor_adds_a_field_and_reorders(client, world):
    as_user(client, world["admin"])
    assert client.get("/admin/programs/hcv/template").status_code == 200
    form = {
        "template.sections[1].key": "history",
        "template.sections[1].label": "History",
        "template.sections[1].required": "yes",
        "template.fields[1].key": "genotype",
        "template.fields[1].label": "HCV genotype",
        "template.fields[1].type": "choice",
        "template.fields[1].choices": "1a\n3\n",
        "template.fields[1].order": "2",
        "template.fields[2].key": "cirrhosis",
        "template.fields[2].label": "Cirrhosis",
        "template.fields[2].type": "boolean",
        "template.fields[2].required": "yes",
        "template.fields[2].order": "1",
        "template.fields[3].key": "drugs",
        "template.fields[3].label": "Drugs tried",
        "template.fields[3].type": "multi",
        "template.fields[3].choices": "sofosbuvir\nribavirin",
        "template.fields[3].section": "history",
        "template.fields[3].order": "3",
        "template.fields[4].key": "",
        "template.fields[4].label": "",
        "action": "save",
    }
    preview = client.post("/admin/programs/hcv/template", data={**form, "action": "preview"})
    assert preview.status_code == 200 and 'name="fields.drugs"' in preview.get_data(as_text=True)
    assert world["program"].template_version == 1
    response = client.post("/admin/programs/hcv/template", data=form)
    assert response.status_code == 303
    db.session.expire_all()
    program = world["program"]
    assert program.template_version == 2
    assert [f["key"] for f in program.template_fields] == ["cirrhosis", "genotype", "drugs"]
    assert program.template_fields[2] == {
        "key": "drugs",
        "label": "Drugs tried",
        "type": "multi",
        "required": False,
        "choices": ["sofosbuvir", "ribavirin"],
        "section": "history",
    }


def test_a_bad_editor_form_is_shown_again_with_the_message_by_the_box(client, world):
    as_user(client, world["admin"])
    response = client.post(
        "/admin/programs/hcv/template",
        data={
            "template.fields[1].key": "drug",
            "template.fields[1].label": "Drug tried",
            "template.fields[1].type": "choice",
            "action": "save",
        },
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Field 1: a choice field needs a list of choices." in page
    assert 'value="Drug tried"' in page
    assert world["program"].template_version == 1


def test_coordinators_of_the_program_may_look_but_not_save(client, world):
    as_user(client, world["coordinator"])
    page = client.get("/admin/programs/hcv/template")
    assert page.status_code == 200 and "Save as version" not in page.get_data(as_text=True)
    assert client.post("/admin/programs/hcv/template", data={"action": "save"}).status_code == 403
    as_user(client, world["other_coordinator"])
    assert client.get("/admin/programs/hcv/template").status_code == 403
    as_user(client, world["provider"])
    assert client.get("/admin/programs/hcv/template").status_code == 403


def test_the_api_reads_versions_and_saves_for_admins(client, world):
    headers = {
        who: {"Authorization": f"Bearer {create_token(world[who], actor=SYSTEM)}"}
        for who in ("admin", "coordinator", "provider")
    }
    db.session.commit()
    body = client.get("/api/v1/programs/hcv/template", headers=headers["coordinator"]).get_json()
    assert (
        body["version"] == 1
        and body["current"]
        and body["template"]["fields"][0]["key"] == "genotype"
    )
    put = client.put(
        "/api/v1/programs/hcv/template",
        headers=headers["admin"],
        json=_with(TEMPLATE, key="egfr", label="eGFR", type="number"),
    )
    assert put.status_code == 200 and put.get_json()["version"] == 2
    old = client.get("/api/v1/programs/hcv/template?version=1", headers=headers["admin"])
    assert old.get_json()["current"] is False and len(old.get_json()["template"]["fields"]) == 2
    assert (
        client.get("/api/v1/programs/hcv/template?version=9", headers=headers["admin"]).status_code
        == 404
    )
    assert (
        client.get("/api/v1/programs/hcv/template?version=x", headers=headers["admin"]).status_code
        == 422
    )
    refused = client.put(
        "/api/v1/programs/hcv/template", headers=headers["coordinator"], json=TEMPLATE
    )
    assert refused.status_code == 403
    assert (
        client.get("/api/v1/programs/hcv/template", headers=headers["provider"]).status_code == 403
    )
    bad = client.put(
        "/api/v1/programs/hcv/template",
        headers=headers["admin"],
        json={"fields": [{"key": "drug", "label": "Drug", "type": "choice"}]},
    )
    assert bad.status_code == 422 and bad.get_json()["field"] == "template.fields[1].choices"


@pytest.mark.parametrize(
    ("bounds", "field"),
    [({"min": "x"}, "min"), ({"max": float("inf")}, "max"), ({"min": 5, "max": 1}, "max")],
)
def test_number_bounds_are_checked(world, bounds, field):
    template = _with(TEMPLATE, key="egfr", label="eGFR", type="number", **bounds)
    with pytest.raises(ValidationError) as info:
        save_template(world["program"], template, actor=world["admin"])
    assert f"template.fields[3].{field}" in info.value.errors


def test_move_up_and_down_reorder_rows_without_saving(client, world):
    as_user(client, world["admin"])
    page = client.get("/admin/programs/hcv/template").get_data(as_text=True)
    assert 'value="fields[1]:down"' in page and 'value="fields[2]:up"' in page
    assert 'value="fields[1]:up"' not in page and 'value="fields[2]:down"' not in page
    form = {
        "template.fields[1].key": "genotype",
        "template.fields[1].label": "HCV genotype (typed)",
        "template.fields[1].type": "choice",
        "template.fields[1].choices": "1a\n3",
        "template.fields[1].order": "1",
        "template.fields[2].key": "cirrhosis",
        "template.fields[2].label": "Cirrhosis",
        "template.fields[2].type": "boolean",
        "template.fields[2].required": "yes",
        "template.fields[2].order": "2",
        "move": "fields[2]:up",
    }
    response = client.post("/admin/programs/hcv/template", data=form)
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "Field moved up: save to keep the new order." in page
    # Cirrhosis is now row 1 (its Move down button has the focus), the typed label is kept.
    assert page.index('value="cirrhosis"') < page.index('value="genotype"')
    assert 'value="HCV genotype (typed)"' in page
    assert 'value="fields[1]:down" class="button button-small button-secondary"' in page
    assert "autofocus" in page.split('value="fields[1]:down"')[1].split(">")[0]
    assert world["program"].template_version == 1  # nothing saved
    # Saving the moved rows keeps that order.
    moved = {
        **{k.replace("fields[1]", "fields[9]"): v for k, v in form.items() if "fields[1]" in k},
        **{k.replace("fields[2]", "fields[1]"): v for k, v in form.items() if "fields[2]" in k},
        "template.fields[9].order": "2",
        "template.fields[1].order": "1",
        "action": "save",
    }
    assert client.post("/admin/programs/hcv/template", data=moved).status_code == 303
    db.session.expire_all()
    assert [f["key"] for f in world["program"].template_fields] == ["cirrhosis", "genotype"]
    # Moving the first row up changes nothing; a provider is refused.
    response = client.post("/admin/programs/hcv/template", data={**form, "move": "fields[1]:up"})
    page = response.get_data(as_text=True)
    assert page.index('value="genotype"') < page.index('value="cirrhosis"')
    as_user(client, world["provider"])
    assert client.post("/admin/programs/hcv/template", data=form).status_code == 403


PATIENT = "e.g. like Harriet Quenby, MRN 55512344, DOB 01/02/1960"


def _api_headers(world) -> dict[str, str]:
    headers = {"Authorization": f"Bearer {create_token(world['admin'], actor=SYSTEM)}"}
    db.session.commit()
    return headers


def test_the_api_refuses_a_label_help_or_choice_with_patient_identifiers(client, world):
    headers = _api_headers(world)
    for template, field in (
        (_with(TEMPLATE, key="hist", label="History", help=PATIENT), "template.fields[3].help"),
        (_with(TEMPLATE, key="hist", label="Seen " + PATIENT[6:]), "template.fields[3].label"),
        (
            _with(TEMPLATE, key="drug", label="Drug", type="choice", choices=["none", PATIENT]),
            "template.fields[3].choices[2]",
        ),
        (
            {**TEMPLATE, "sections": [{"key": "history", "label": "History", "help": PATIENT}]},
            "template.sections[1].help",
        ),
        (
            _with(
                TEMPLATE,
                key="dose",
                label="Dose",
                type="number",
                unit="Harriet Quenby MRN 55512344",
            ),
            "template.fields[3].unit",
        ),
    ):
        put = client.put("/api/v1/programs/hcv/template", headers=headers, json=template)
        assert put.status_code == 422, field
        answer = put.get_json()
        assert answer["error"] == "identifiers_found"
        assert {f["field"] for f in answer["findings"]} == {field}
        assert field in answer["message"] and "Quenby" not in put.get_data(as_text=True)
        assert world["program"].template_version == 1


def test_the_api_saves_a_template_once_its_findings_are_marked_not_identifiers(client, world):
    headers = _api_headers(world)
    template = _with(TEMPLATE, key="clinic", label="Referred by", help="e.g. Mercy Hospital")
    refused = client.put("/api/v1/programs/hcv/template", headers=headers, json=template)
    assert refused.status_code == 422
    accept = [
        {**{k: f[k] for k in ("field", "start", "end", "category")}, "reason": "placeholder"}
        for f in refused.get_json()["findings"]
    ]
    put = client.put(
        "/api/v1/programs/hcv/template",
        headers=headers,
        json={**template, "accept_findings": accept},
    )
    assert put.status_code == 200 and put.get_json()["version"] == 2


def test_the_editor_refuses_a_help_text_with_patient_identifiers_by_its_box(client, world):
    as_user(client, world["admin"])
    response = client.post(
        "/admin/programs/hcv/template",
        data={
            "template.fields[1].key": "drug",
            "template.fields[1].label": "Drug tried",
            "template.fields[1].type": "choice",
            "template.fields[1].choices": "none\n" + PATIENT,
            "action": "save",
        },
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    # the choices box is marked, and the panel under it names the choice
    assert 'id="f-template-fields-1-choices" name="template.fields[1].choices"' in page
    assert (
        'aria-describedby="f-template-fields-1-choices-hint f-template-fields-1-choices-error"'
        in page
    )
    assert "Possible identifiers in Field 1: choice 2" in page
    assert world["program"].template_version == 1


def test_the_catalog_refuses_a_template_with_patient_identifiers(world, tmp_path):
    from app.deid.gate import IdentifiersFound
    from app.programs.catalog import load_catalog

    path = tmp_path / "catalog.yaml"
    path.write_text(
        "programs:\n  - slug: hcv\n    name: Hepatitis C ECHO\n    template:\n      fields:\n"
        "        - key: history\n          label: History\n          help: " + PATIENT + "\n"
    )
    with pytest.raises(IdentifiersFound) as refused:
        load_catalog(path, actor=SYSTEM)
    assert {f.field for f in refused.value.findings} == {"template.fields[1].help"}
    assert db.session.get(type(world["program"]), world["program"].id).template_version == 1


def _editor_data(template: dict) -> dict[str, str]:
    """The editor's boxes for a template, as the page names them, saving."""
    data = {"action": "save"}
    for part in ("sections", "fields"):
        for i, entry in enumerate(template[part], 1):
            for attr, value in entry.items():
                if attr == "choices":
                    value = "\n".join(value)
                elif attr == "required":
                    value = "yes" if value else ""
                data[f"template.{part}[{i}].{attr}"] = value
    return data


def test_the_refused_editor_shows_each_finding_in_its_box_and_keeps_what_was_typed(client, world):
    as_user(client, world["admin"])
    typed = _editor_data(
        _with(
            TEMPLATE,
            key="clinic",
            label="Referred by",
            type="choice",
            help="e.g. Mercy Hospital",
            choices=["GP", "Clinic at Mercy Hospital"],
        )
    )
    response = client.post("/admin/programs/hcv/template", data=typed)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Nothing was saved: the text may identify a patient." in page
    assert "Possible identifiers in Field 3: help text" in page
    assert "Possible identifiers in Field 3: choice 2" in page
    assert re.search(r"<mark [^>]*>.*Mercy Hospital", page)
    assert page.count("Not an identifier</label>") >= 2
    assert 'name="accept_finding" value="template.fields[3].help|' in page
    assert 'name="accept_finding" value="template.fields[3].choices[2]|' in page
    # what was typed is shown again, in the boxes of the same names
    assert 'name="template.fields[3].label" value="Referred by"' in page
    assert 'name="template.fields[3].help" value="e.g. Mercy Hospital"' in page
    assert "GP\nClinic at Mercy Hospital</textarea>" in page
    assert world["program"].template_version == 1


def test_the_editor_saves_once_its_findings_are_marked_not_identifiers(client, world):
    as_user(client, world["admin"])
    typed = _editor_data(
        _with(TEMPLATE, key="clinic", label="Referred by", help="e.g. Mercy Hospital")
    )
    page = client.post("/admin/programs/hcv/template", data=typed).get_data(as_text=True)
    keys = re.findall(r'name="accept_finding" value="([^"]+)"', page)
    assert keys and all(k.startswith("template.fields[3].help|") for k in keys)
    # ticked without a reason: refused, the tick kept
    response = client.post("/admin/programs/hcv/template", data={**typed, "accept_finding": keys})
    assert response.status_code == 422
    assert "Choose a reason for each finding" in response.get_data(as_text=True)
    assert f'value="{keys[0]}" checked' in response.get_data(as_text=True)
    reasons = {f"reason|{k}": "placeholder" for k in keys}
    response = client.post(
        "/admin/programs/hcv/template", data={**typed, "accept_finding": keys, **reasons}
    )
    assert response.status_code == 303
    assert world["program"].template_version == 2
    assert world["program"].template_fields[2]["help"] == "e.g. Mercy Hospital"
    events = db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == "deid.finding_overridden")
    ).all()
    assert {(e.details["field"], e.details["reason"]) for e in events} == {
        ("template.fields[3].help", "placeholder")
    }


def test_a_form_name_with_a_line_break_after_it_is_no_row_of_the_editor(client, world):
    # "$" also matches before a final line break: a second box named so was read as the
    # same row, and what it held replaced the label typed in the row's own box.
    as_user(client, world["admin"])
    response = client.post(
        "/admin/programs/hcv/template",
        data={
            "template.sections[1].key": "history",
            "template.sections[1].label": "History",
            "template.fields[1].key": "genotype",
            "template.fields[1].label": "HCV genotype",
            "template.fields[1].type": "choice",
            "template.fields[1].choices": "1a\n3",
            "template.fields[1].label\n": "Another label",
            "action": "save",
        },
    )
    assert response.status_code == 303
    db.session.expire_all()
    assert [f["label"] for f in world["program"].template_fields] == ["HCV genotype"]
