"""The gate reads each text as readers will see it: rendered Markdown, no invisible
characters or marks, look-alike letters and other digits plain. What only that reading
finds is refused at field level, naming the field and the category, never the text."""

from __future__ import annotations

import json
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.auth.policy import SYSTEM
from app.cases.models import Case
from app.cases.transfer import import_paths
from app.deid.detector import scan
from app.deid.gate import (
    Acceptance,
    FieldFinding,
    HiddenFinding,
    IdentifiersFound,
    check,
    hidden_findings,
    hidden_message,
    scan_by_field,
)
from app.deid.parallel import scan_texts
from app.deid.shown import LOOKALIKES, plain_letters, reduced, shown_text
from app.extensions import db
from app.programs.operations import create_program, create_session
from tests.support.clients import bearer

# Each writes an identifier that the page shows and the stored text hides from the rules.
BYPASSES = {
    "html_entity": ("SSN 123&#45;45&#45;6789", {"SSN"}),
    "markdown_escape": ("SSN 123\\-45\\-6789", {"SSN"}),
    "emphasis": ("Patient **John** **Smith**, SSN 123-**45**-6789", {"NAME", "SSN"}),
    "html_comment": ("Call 555<!-- -->-867-5309 after 5.", {"PHONE"}),
    "smart_dashes": ("SSN 123--45--6789", {"SSN"}),
    "entity_without_semicolon": ("SSN 123&#45-45&#45-6789 on file.", {"SSN"}),
    **{
        f"invisible_{ord(c):04X}": (f"SSN 123{c}-45-6789, call 555-86{c}7-5309.", {"SSN", "PHONE"})
        for c in "\u200b\u200c\u200d\u2060\ufeff\u00ad\u034f\u180e"
    },
    "cyrillic_cue": ("Seen with Мr. Smith's wife.", {"NAME"}),
    "cyrillic_name": ("Patient Jоhn Smith seen today.", {"NAME"}),
    "greek_name": ("Patient Jοhn Smith seen today.", {"NAME"}),
    "combining_accents": ("SSN 1\u03012\u03013-45-6789.", {"SSN"}),
    "arabic_indic_date": ("Seen on ٠٣/١٤/٢٠٢٣ in clinic.", {"DATE"}),
    "devanagari_date": ("Seen on ०३/१४/२०२३ in clinic.", {"DATE"}),
}

# Ordinary text that differs as shown and must still pass.
CLEAN = {
    "bold_drugs": "Started **sofosbuvir/velpatasvir** and *ribavirin*; ALT fell.",
    "table": "| Test | Result |\n| --- | --- |\n| ALT | 54 U/L |\n| HbA1c | 7.2% |",
    "lists": "## Plan\n\n1. Taper oxycodone by 10%\n2. Add **naloxone**\n\n- Recheck in 4 weeks",
    "link": 'See the [AASLD guidance](/practices/12 "Guidance") on `DAA` choice.',
    "code_labs": "Labs: `K 4.1`, `Na 138`, `eGFR 28`; platelets 98,000.",
    "spanish": "Paciente con hepatitis C, tratamiento anticipado; también diabetes.",
    "greek_beta": "Continue β-blocker and α-agonist; **HbA1c 7.2%**.",
    "micrograms": "Fentanyl 25 µg/h patch, B12 1000 µg, WBC 7.2 × 10³/µL.",
    "escaped_star": "Pain 7\\*/10 \\_worse\\_ at night &amp; on stairs.",
    "dash_ranges": "Taper 10--20 mg a week; pain 4--6/10 on **day 3**.",
}


@pytest.mark.usefixtures("rules_only")
@pytest.mark.parametrize("kind", sorted(BYPASSES))
def test_a_hidden_identifier_is_refused_naming_field_and_category_not_the_text(kind):
    text, categories = BYPASSES[kind]
    with pytest.raises(IdentifiersFound) as info:
        check({"presentation": "## History\n\n" + text})
    refused = info.value
    assert {h.category for h in refused.hidden} == categories
    assert {h.field for h in refused.hidden} == {"presentation"}
    assert refused.findings == []
    assert refused.field == "presentation"
    assert "once formatting is removed" in refused.errors["presentation"]
    assert refused.message.startswith("presentation: a possible ")
    said = json.dumps(refused.to_dict())
    assert "6789" not in said and "Smith" not in said and "5309" not in said
    assert refused.to_dict()["hidden"][0]["field"] == "presentation"


@pytest.mark.parametrize("kind", sorted(CLEAN))
def test_ordinary_markdown_and_letters_pass(kind):
    assert check({"presentation": CLEAN[kind], "question": CLEAN[kind]}) == []


def test_an_identifier_found_in_both_readings_blocks_once_with_its_offsets():
    text = "Patient John Smith seen; **SSN 123-45-6789**."
    with pytest.raises(IdentifiersFound) as info:
        check({"presentation": text})
    assert {f.category for f in info.value.findings} >= {"NAME", "SSN"}
    assert info.value.hidden == []


def test_a_finding_marked_not_an_identifier_covers_the_same_value_as_shown():
    text = "Follow the **Smith** protocol, as Mr. Smith described."
    with pytest.raises(IdentifiersFound) as info:
        check({"presentation": text})
    accepted = [Acceptance(f.field, f.start, f.end, "clinical_term") for f in info.value.findings]
    assert accepted and info.value.hidden == []
    assert [f.category for f, _ in check({"presentation": text}, accepted)] == ["NAME"] * len(
        accepted
    )


def test_a_value_found_in_both_readings_is_one_finding_whatever_its_category():
    # In the table's cells the number reads as an ID; rendered, as a phone. The author
    # marked it, so the reading as shown does not refuse it again.
    text = "| Date | Caller | Callback |\n|---|---|---|\n| 11/14 | Esperanza | 505-863-0142 |"
    values = {"presentation": text}
    scanned = scan_by_field(values)
    assert ("ID", "505-863-0142") in {
        (f.category, text[f.start : f.end]) for f in scanned["presentation"]
    }
    shown = shown_text(text) or ""
    assert "PHONE" in {f.category for f in scan(shown)}
    accepted = [Acceptance(f.field, f.start, f.end, "other") for f in scanned["presentation"]]
    assert len(check(values, accepted)) == len(accepted)
    assert hidden_findings(values, scanned) == []


def test_a_submitted_finding_of_the_same_category_covers_a_narrower_one_as_shown():
    # The two readings found one name with different edges: marked, it is the one finding.
    text = "Patient John Smith was seen **today** about her taper."
    shown = shown_text(text) or ""
    assert [(shown[f.start : f.end], f.category) for f in scan(shown)] == [("John Smith", "NAME")]
    wider = text.index("Patient"), text.index(" was")
    values = {"presentation": text}

    def submitted(category: str) -> dict[str, list[FieldFinding]]:
        return {"presentation": [FieldFinding("presentation", *wider, category, 0.9)]}

    assert hidden_findings(values, submitted("NAME")) == []
    assert hidden_findings(values, submitted("ID")) == [HiddenFinding("presentation", "NAME")]


def test_a_submitted_finding_covers_one_shown_finding_and_its_equal_first():
    # A marked name stands for its own rendering; a second name it happens to contain
    # (written apart with an entity) is still refused.
    text = "Seen with John Smith; **Smith** paged J&#111;hn Smith."
    shown = shown_text(text) or ""
    names = [shown[f.start : f.end] for f in scan(shown) if f.category == "NAME"]
    assert names.count("John Smith") == 2
    first = text.index("John Smith")
    marked = FieldFinding("presentation", first, first + len("John Smith"), "NAME", 0.9)
    hidden = hidden_findings({"presentation": text}, {"presentation": [marked]})
    assert HiddenFinding("presentation", "NAME") in hidden


def test_both_kinds_are_refused_together_and_moved_under_a_prefix():
    with pytest.raises(IdentifiersFound) as info:
        check({"body": "Call 603-555-0142.", "note": "SSN 123&#45;45&#45;6789"})
    moved = info.value.within("recommendations[2]")
    assert {f.field for f in moved.findings} == {"recommendations[2].body"}
    assert [(h.field, h.category) for h in moved.hidden] == [("recommendations[2].note", "SSN")]
    assert set(moved.errors) == {"recommendations[2].body", "recommendations[2].note"}
    renamed = info.value.renamed("note", "new_note")
    assert [h.field for h in renamed.hidden] == ["new_note"]


def test_citation_fields_keep_their_rules_as_shown():
    # A reference may name its authors; a phone number hidden in it is still refused.
    assert check({"references[1]": "**Smith J**, Jоnes K. Hepatology 2020."}) == []
    with pytest.raises(IdentifiersFound) as info:
        check({"references[1]": "Smith J. Call 603&#45;555&#45;0142."})
    assert [h.category for h in info.value.hidden] == ["PHONE"]


def test_a_plain_ascii_text_is_not_read_twice():
    assert shown_text("Patient seen 03/14/2023, ALT 54 (ULN 40); plan: taper.") is None
    assert shown_text("**bold**") == "bold"
    assert shown_text("Paciente José Muñoz, también") is None  # accents read as written
    assert shown_text("J\u0301ose") == "Jose"  # a mark composing with nothing goes


def test_the_reading_keeps_counts_and_removes_only_what_is_not_seen():
    assert plain_letters("10³/µL, x²") == "10³/μL, x²"
    assert plain_letters("1\u200b2\u00ad3\ufeff") == "123"
    assert plain_letters("٠١٢٣٤٥٦٧٨٩ ०१२ ０１２") == "0123456789 012 012"
    assert reduced("Jоhn  Smith") == reduced("john smith") == "johnsmith"
    assert reduced("Muñoz-Pérez") == "munozperez"


def test_the_reading_remembers_a_bounded_number_of_characters():
    from app.deid import shown

    plain_letters("".join(map(chr, range(0x4E00, 0x4E00 + 30_000))))
    assert len(shown._TABLE) <= shown._TABLE_MAX
    assert plain_letters("\u0663\u200b") == "3"  # still read once full


def test_the_lookalike_table_maps_letters_of_other_scripts_to_latin_of_the_same_case():
    scripts = ("CYRILLIC", "GREEK", "ARMENIAN", "CHEROKEE", "LATIN LETTER SMALL CAPITAL")
    for letter, latin in LOOKALIKES.items():
        name = unicodedata.name(letter)
        assert name.startswith(scripts), name
        assert latin.isascii() and latin.isalpha() and len(latin) == 1
        if letter != "Ь":  # the capital soft sign is drawn as a small "b"
            assert letter.isupper() == latin.isupper(), (name, latin)
    assert plain_letters("Мr. Jоhn Ѕmith, Рatient") == "Mr. John Smith, Patient"
    assert plain_letters("\u13abohn \u054fmith, J\u1d0fhn \ua731mith") == "John Smith, John smith"


def test_import_workers_scan_the_text_as_shown_too():
    found = scan_texts([("SSN 123&#45;45&#45;6789", False), ("Plain text.", False)])
    assert "SSN 123-45-6789" in found
    assert [f.category for f in found["SSN 123-45-6789"]] == ["SSN"]
    assert set(found) == {"SSN 123&#45;45&#45;6789", "Plain text.", "SSN 123-45-6789"}


def test_hidden_messages_name_each_category_once():
    assert hidden_message(["SSN"]).startswith("A possible SSN appears")
    assert "phone number and name appear" in hidden_message(["PHONE", "NAME", "PHONE"])


@pytest.fixture
def program(app, make_user):
    program = create_program("hcv", "Hepatitis C ECHO", actor=SYSTEM)
    db.session.commit()
    return program


def test_api_refuses_a_hidden_identifier_with_422_naming_the_field(program, client, make_user):
    user = make_user("provider", programs=["hcv"])
    body = {
        "program": "hcv",
        "title": "HCV case",
        "question": "Which regimen?",
        "presentation": "## History\n\nSSN 123&#45;45&#45;6789, seen with Мr. Smith.",
    }
    response = client.post("/api/v1/cases", json=body, headers=bearer(user))
    assert response.status_code == 422, response.get_json()
    answer = response.get_json()
    assert answer["error"] == "identifiers_found"
    assert answer["field"] == "presentation"
    assert {(h["field"], h["category"]) for h in answer["hidden"]} == {
        ("presentation", "SSN"),
        ("presentation", "NAME"),
    }
    assert "once formatting is removed" in answer["errors"]["presentation"]
    assert "6789" not in json.dumps(answer) and "Smith" not in json.dumps(answer)
    # It cannot be ticked: a made-up acceptance changes nothing.
    body["accept_findings"] = [{"field": "presentation", "start": 0, "end": 5, "reason": "other"}]
    assert client.post("/api/v1/cases", json=body, headers=bearer(user)).status_code == 422
    assert db.session.scalar(select(func.count(Case.id))) == 0


def test_import_names_file_record_and_field_of_a_hidden_identifier(program, tmp_path: Path):
    create_session(program, date(2026, 3, 10), actor=SYSTEM)
    db.session.commit()
    path = tmp_path / "cases.jsonl"
    record = {
        "ref": "hcv-1",
        "program": "hcv",
        "title": "HCV case",
        "presentation": "Seen on ٠٣/١٤/٢٠٢٣; call 555<!-- -->-867-5309.",
        "question": "Which regimen?",
        "status": "presented",
        "session_date": "2026-03-10",
    }
    path.write_text(json.dumps(record) + "\n")
    [result] = import_paths([path], actor=SYSTEM)
    assert not result.ok
    said = " ".join(result.problems)
    assert "line 1 (ref hcv-1) field 'presentation': A possible " in said
    assert "once formatting is removed" in said
    assert "5309" not in said and "٢٠٢٣" not in said
    assert db.session.scalar(select(func.count(Case.id))) == 0


def test_web_form_shows_the_refusal_in_a_panel_and_keeps_the_input(app, client, make_user):
    from tests.cases.test_views import as_user, complete_form, text
    from tests.support.builders import build_world

    world = build_world(make_user)
    as_user(client, world.provider)
    typed = complete_form(action="submit", **{"sections.hpi": "SSN 123&#45;45&#45;6789 on file."})
    response = client.post("/programs/hcv/cases/new", data=typed)
    assert response.status_code == 422
    page = text(response)
    assert "Nothing was saved: the text may identify a patient." in page
    assert 'class="deid-hidden error">A possible SSN appears once formatting is removed' in page
    assert 'name="accept_finding"' not in page  # nothing to tick
    assert "SSN 123&amp;#45;45&amp;#45;6789 on file." in page  # the input is kept
    assert (
        db.session.scalar(select(func.count(Case.id)).where(Case.title.like("61-year-old%"))) == 0
    )


def test_typographic_quotes_and_dashes_alone_need_no_second_reading():
    assert shown_text("Mr. Smith’s “wife” – seen") is None
    assert shown_text("SSN 123–45–6789") is None  # the rules fold the dash themselves
    assert shown_text("SSN 123--45--6789") == "SSN 123-45-6789"


# What the page shows besides its text: a link's or abbreviation's tooltip, and characters
# a reader reads as a hyphen, a digit or a Latin letter.
SHOWN_ELSEWHERE = {
    "link_title": ('See [guidance](/practices/12 "SSN 123&#45;45&#45;6789").', {"SSN"}),
    "abbr_title": ('Seen <abbr title="Call 555&#45;867&#45;5309">pt</abbr>.', {"PHONE"}),
    "abbreviation": ("HCV genotype 1a.\n\n*[HCV]: SSN 123\u200b-45-6789", {"SSN"}),
    "link_href": ("See [the note](/notes?ssn=123&#45;45&#45;6789).", {"SSN"}),
    **{
        f"dash_{ord(c):04X}": (f"SSN 123{c}45{c}6789 on file.", {"SSN"})
        for c in "\u2014\u2015\u2e3a\ufe58\u2796\u02d7\u207b\u2043\u2500"
    },
    "superscripts": (
        "SSN \u00b9\u00b2\u00b3-\u2074\u2075-\u2076\u2077\u2078\u2079 on file.",
        {"SSN"},
    ),
    "subscripts": (
        "SSN \u2081\u2082\u2083-\u2084\u2085-\u2086\u2087\u2088\u2089 on file.",
        {"SSN"},
    ),
    "armenian_o": ("Patient J\u0585hn Smith seen today.", {"NAME"}),
    "cherokee_j": ("Patient \u13abohn Smith seen today.", {"NAME"}),
    "small_capital_o": ("Patient J\u1d0fhn Smith seen today.", {"NAME"}),
    "c1_control": ("SSN 123\u0085-45-6789 on file.", {"SSN"}),
    "delete": ("SSN 123\x7f-45-6789 on file.", {"SSN"}),
}


@pytest.mark.usefixtures("rules_only")
@pytest.mark.parametrize("kind", sorted(SHOWN_ELSEWHERE))
def test_what_a_tooltip_or_a_lookalike_shows_is_refused(kind):
    text, categories = SHOWN_ELSEWHERE[kind]
    with pytest.raises(IdentifiersFound) as info:
        check({"presentation": text})
    assert {h.category for h in info.value.hidden} == categories
    assert info.value.findings == []


def test_a_tooltip_repeating_a_link_or_plain_words_passes():
    for text in (
        'See the [AASLD guidance](/practices/12 "AASLD guidance, 2023") on DAAs.',
        "HCV genotype 1a.\n\n*[HCV]: hepatitis C virus",
        "Fentanyl 25 µg/h, WBC 7.2 × 10³/µL, platelets 98 × 10⁹/L; pain—worse at night.",
    ):
        assert check({"presentation": text}) == [], text
    # A linked address is one finding, not two (its text and its href).
    text = 'At https://www.hcvguidelines.org/treatment and www.aasld.org [AASLD](/p/12 "AASLD").'
    with pytest.raises(IdentifiersFound) as info:
        check({"presentation": text})
    assert [f.category for f in info.value.findings] == ["URL", "URL"]
    assert info.value.hidden == []


def test_the_reading_folds_dashes_script_digits_and_controls():
    assert shown_text("123\u201445\u20156789") == "123-45-6789"
    assert plain_letters("¹²³-⁴⁵-⁶⁷⁸⁹ and 10³/µL, x²") == "123-45-6789 and 10³/μL, x²"
    assert plain_letters("12\u00853\x7f4") == "1234"
    assert plain_letters("J\u0585hn \u13abohn J\u1d0fhn") == "John John John"


def test_an_accepted_finding_covers_only_the_same_value_as_often_as_it_is_written():
    url = "Guidance: https://www.ncbi.nlm.nih.gov/pmc/articles/PMC5558675309/"
    text = url + "\n\nPatient's cell: 555&#45;867&#45;5309."
    with pytest.raises(IdentifiersFound) as info:
        check({"presentation": text})
    assert [h.category for h in info.value.hidden] == ["PHONE"]  # in the first refusal
    accepted = [Acceptance(f.field, f.start, f.end, "other") for f in info.value.findings]
    with pytest.raises(IdentifiersFound) as info:
        check({"presentation": text}, accepted)
    assert [h.category for h in info.value.hidden] == ["PHONE"]
    # The same phone written once plainly and once hidden: one mark does not cover both.
    twice = "Cell 555-867-5309; home 555&#45;867&#45;5309."
    with pytest.raises(IdentifiersFound) as info:
        check({"presentation": twice})
    accepted = [Acceptance(f.field, f.start, f.end, "other") for f in info.value.findings]
    assert len(accepted) == 1
    with pytest.raises(IdentifiersFound) as info:
        check({"presentation": twice}, accepted)
    assert [h.category for h in info.value.hidden] == ["PHONE"]


def test_api_refuses_a_tooltip_and_a_phone_behind_an_accepted_url(program, client, make_user):
    user = make_user("provider", programs=["hcv"])
    headers = bearer(user)
    body = {"program": "hcv", "title": "HCV case", "question": "Which regimen?"}
    tooltip = 'See [guidance](/practices/12 "SSN 123&#45;45&#45;6789").'
    r = client.post("/api/v1/cases", json={**body, "presentation": tooltip}, headers=headers)
    assert r.status_code == 422
    assert r.get_json()["hidden"] == [{"field": "presentation", "category": "SSN"}]
    assert "6789" not in r.get_data(as_text=True)
    text = (
        "Guidance: https://www.ncbi.nlm.nih.gov/pmc/articles/PMC5558675309/\n\n"
        "Patient's cell: 555&#45;867&#45;5309."
    )
    r = client.post("/api/v1/cases", json={**body, "presentation": text}, headers=headers)
    assert r.status_code == 422
    refused = r.get_json()
    assert refused["hidden"] == [{"field": "presentation", "category": "PHONE"}]
    accept = [
        {
            "field": f["field"],
            "start": f["start"],
            "end": f["end"],
            "reason": "other",
            "category": f["category"],
        }
        for f in refused["findings"]
    ]
    r = client.post(
        "/api/v1/cases",
        json={**body, "presentation": text, "accept_findings": accept},
        headers=headers,
    )
    assert r.status_code == 422
    assert r.get_json()["hidden"] == [{"field": "presentation", "category": "PHONE"}]
    assert db.session.scalar(select(func.count()).select_from(Case)) == 0


@pytest.mark.parametrize("kind", sorted(BYPASSES))
def test_the_scan_preview_reports_what_the_gate_refuses_as_shown(kind):
    from app.deid.gate import preview

    text = "## History\n\n" + BYPASSES[kind][0]
    with pytest.raises(IdentifiersFound) as info:
        check({"text": text})
    found = preview({"text": text})
    assert found and found.findings == info.value.findings
    assert found.hidden == info.value.hidden
    assert found.hidden_messages() == {"text": info.value.errors["text"]}


@pytest.mark.parametrize("kind", sorted(CLEAN))
def test_the_scan_preview_passes_ordinary_markdown(kind):
    from app.deid.gate import preview

    assert not preview({"text": CLEAN[kind]})


HIDDEN_TEXT = "## History\n\nSSN 123&#45;45&#45;6789, seen with Мr. Smith."


def test_the_scan_api_reports_hidden_identifiers_as_the_gate_words_them(app, client, make_user):
    response = client.post(
        "/api/v1/deid/scan", json={"text": HIDDEN_TEXT}, headers=bearer(make_user("provider"))
    )
    assert response.status_code == 200, response.get_json()
    answer = response.get_json()
    with pytest.raises(IdentifiersFound) as info:
        check({"text": HIDDEN_TEXT})
    assert answer["findings"] == []
    assert {(h["field"], h["category"]) for h in answer["hidden"]} == {
        ("text", "SSN"),
        ("text", "NAME"),
    }
    assert {h["message"] for h in answer["hidden"]} == {info.value.errors["text"]}
    said = json.dumps(answer)
    assert "6789" not in said and "Smith" not in said


def test_the_scan_command_reports_hidden_identifiers_and_exits_1(app, tmp_path: Path):
    path = tmp_path / "note.md"
    path.write_text(HIDDEN_TEXT)
    runner = app.test_cli_runner()
    plain = runner.invoke(args=["deid-scan", str(path)])
    assert plain.exit_code == 1
    assert "2 possible identifiers" in plain.output
    assert "appear once formatting is removed" in plain.output
    assert "6789" not in plain.output and "Smith" not in plain.output
    as_json = runner.invoke(args=["deid-scan", "--json", str(path)])
    assert as_json.exit_code == 1
    line = json.loads(as_json.output)
    assert line["findings"] == []
    assert {h["category"] for h in line["hidden"]} == {"SSN", "NAME"}


@pytest.mark.parametrize("kind", sorted(BYPASSES) + sorted(SHOWN_ELSEWHERE))
def test_with_the_tagger_every_bypass_is_still_refused(kind):
    text, categories = {**BYPASSES, **SHOWN_ELSEWHERE}[kind]
    with pytest.raises(IdentifiersFound) as info:
        check({"presentation": text})
    refused = info.value
    assert categories <= {h.category for h in refused.hidden} | {
        f.category for f in refused.findings
    }
