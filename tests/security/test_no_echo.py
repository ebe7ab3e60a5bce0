"""A refusal never quotes what was typed: a text that did not pass the gate may hold a
patient's details, and messages reach the screen, the API's answer, the shell and the logs."""

from __future__ import annotations

import json
import logging

import pytest

from app.attendance.operations import import_attendance_csv
from app.errors import ValidationError
from app.programs.case_templates import save_template
from tests.support.builders import build_world
from tests.support.clients import bearer

SECRET = "Patient Harriet Quenby MRN 55512344"


@pytest.fixture
def world(worlds, make_user):
    def build():
        w = build_world(make_user)
        w.coordinator = make_user("coordinator", programs=["hcv"])
        return w

    return worlds(__name__, build)


def test_a_case_field_outside_its_choices_is_refused_without_quoting_it(
    client, world, app, caplog, tmp_path
) -> None:
    caplog.set_level(logging.DEBUG)
    headers = bearer(world.provider)
    for fields, message in (
        ({"genotype": SECRET}, "HCV genotype: must be one of: 1a, 1b, 2, 3."),
        ({"substances": ["alcohol", SECRET]}, "must each be one of: alcohol, cannabis"),
    ):
        body = {"program": "hcv", "title": "HCV choices", "fields": fields}
        response = client.post("/api/v1/cases", json=body, headers=headers)
        assert response.status_code == 422
        assert message in response.get_json()["message"]
        assert "Quenby" not in response.get_data(as_text=True)

    path = tmp_path / "cases.jsonl"
    line = {
        "program": "hcv",
        "title": "HCV choices",
        "presenter": world.provider.email,
        "status": "draft",
        "fields": {"genotype": SECRET},
    }
    path.write_text(json.dumps(line) + "\n")
    result = app.test_cli_runner().invoke(args=["import", str(path)])
    assert result.exit_code != 0 and "Quenby" not in result.output
    assert not any("Quenby" in record.getMessage() for record in caplog.records)


def test_an_unknown_topic_is_refused_without_quoting_its_name(client, world) -> None:
    headers = bearer(world.provider)
    follow = client.post("/api/v1/me/subscriptions", json={"topic": SECRET}, headers=headers)
    assert follow.status_code == 404
    assert "Quenby" not in follow.get_data(as_text=True)

    admin = bearer(world.admin)
    topic = client.get("/api/v1/admin/topics", headers=admin).get_json()["results"][0]
    for refused in (
        client.patch(f"/api/v1/admin/topics/{topic['id']}", json={"parent": SECRET}, headers=admin),
        client.post(
            f"/api/v1/admin/topics/{topic['id']}/merge", json={"into": SECRET}, headers=admin
        ),
    ):
        assert refused.status_code == 404
        assert "No topic has that name" in refused.get_json()["message"]
        assert "Quenby" not in refused.get_data(as_text=True)


def test_a_bad_template_key_is_refused_without_quoting_it(world) -> None:
    template = {"fields": [{"key": SECRET, "label": "History"}]}
    with pytest.raises(ValidationError) as refused:
        save_template(world.hcv, template, actor=world.admin)
    assert refused.value.field == "template.fields[1].key"
    assert "the key must start with a letter" in refused.value.message
    assert "Quenby" not in json.dumps(refused.value.to_dict())


def test_an_attendance_report_cell_is_not_quoted_back(world) -> None:
    report = (
        "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes)\n"
        f"Marcus Bell,marcus@example.org,{SECRET},06/10/2025 12:31:00 PM,30\n"
    )
    with pytest.raises(ValidationError) as refused:
        import_attendance_csv(
            world.second, report.encode(), filename="zoom.csv", actor=world.coordinator
        )
    assert refused.value.report.problems == [(2, "join time is not a date and time")]
    assert "Quenby" not in refused.value.message
