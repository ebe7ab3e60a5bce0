"""Twenty-third round: names that no list holds. A given name or surname of a language the
name lists lack is found by its slot and its shape: a capitalised word that is no English or
clinical word nor a form of one, as the subject of what only a person does ("X refused AM
meds"), in "Last, First" ("X, Y is a 95 yo"), in lower case after a person's label
("Contact: x y"), after an initial ("C. X is"), after a role or before a credential ("CNA X Y
(cert.", "call from X Y RN at"); and every other mention of such a word, in any case.

The names are made up for these tests (syllables of no language; none is taken from an
evaluation set). Each kind has look-alikes that must stay clean: drugs, devices, clinical
words and their plurals in the same slots.
"""

from __future__ import annotations

import pytest

from app.deid.detector import scan_rules
from tests.deid.needles import covered, touched


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("1415 Rembaabu refused AM meds (10/20).", "Rembaabu"),
        ("0800 Tsaisoolaa resting, family at bedside.", "Tsaisoolaa"),
        ("Nduzaiko was given discharge instructions on wound care.", "Nduzaiko"),
        ("Qoudzeim Ngaiyouqo is a 91-year-old man from Canaan.", "Qoudzeim Ngaiyouqo"),
        ("Action: Teikhaavo to send the protocol to the hub.", "Teikhaavo"),
        ("Videngoo, Tsondudai is a 95 yo female.", "Videngoo, Tsondudai"),
        ("MEDICATIONS for Veebiaqo, Mbeekavu:\n- metoprolol 25 mg daily", "Veebiaqo, Mbeekavu"),
        ("Labs for ROOGHAIKO, VAAVUKHO E (MRN: M0806658) drawn today", "ROOGHAIKO, VAAVUKHO E"),
        ("Contact: deishouzo shiashoo, daughter's cell 603-555-0199", "deishouzo shiashoo"),
        ("Guarantor: fugoozo mayhashei  social 288-52-6949", "fugoozo mayhashei"),
        ("C. Yushooko is a 101 YOF referred for evaluation", "C. Yushooko"),
        ("| 11/02/26 | sacral stage 3 | 4.0 x 3.2 | V. Qaisubo |", "V. Qaisubo"),
        ("Witnesses: CNA Meindeiso Beighayqo (cert. #1584707).", "Meindeiso Beighayqo"),
        ("Hospice aide Dzoubatso Keivouro reports pt sleeping.", "Dzoubatso Keivouro"),
        ("02:14 call from Hubeendo Rongeko RN at the county hospital", "Hubeendo Rongeko"),
        ("Sports physical form: Yushooka Nayfesheeko, grade 10", "Yushooka Nayfesheeko"),
        ("Insurance card (front): VOUJOOBA SODZUROO\nMember ID 3297", "VOUJOOBA SODZUROO"),
        ("this is doctor maidzeeo dictating on meesayhaaro litseiduo medical", "meesayhaaro"),
        ("cna flow sheet - dzingiaso douzhaio turned q2h, ate 50%.", "dzingiaso douzhaio"),
        ("heedzafaio: anybody seen the new orders today?", "heedzafaio"),
        ("Telehealth tech note: Feenumbayo could not connect.", "Feenumbayo"),
        # a later mention in another case
        ("Dr. Nahaveio Yoobetu signed.\nnahaveio called back at 3.", "nahaveio called"[:8]),
    ],
)
def test_a_name_of_no_list_is_found_by_its_slot(text: str, needle: str) -> None:
    assert covered(text, needle), [(text[f.start : f.end], f.category) for f in scan_rules(text)]


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("Lisinopril, Metformin and Nebulizers were reviewed.", "Nebulizers"),
        ("Dialysis was started on day 2. Telemetry was reviewed.", "Telemetry"),
        ("Hemodialysis, Ultrafiltration reviewed at rounds.", "Ultrafiltration"),
        ("Contact: wound care nurse for dressing changes.", "wound care"),
        ("RE: chest pain follow up", "chest pain"),
        ("1415 Nebulizer given, tolerated well.", "Nebulizer"),
        ("Apixaban, Rivaroxaban is the choice.", "Rivaroxaban"),
        ("S. Aureus was grown from the wound.", "Aureus"),
        ("Call from Pharmacy RN at noon.", "Pharmacy"),
        ("Dennie-Morgan folds and Kasabach Merritt phenomenon noted.", "Kasabach"),
        ("plan: continue home meds and recheck in 2 weeks", "plan"),
        ("Pt has Takayasu arteritis and Kikuchi Fujimoto disease.", "Kikuchi"),
        ("Recall notice: Masimo Rad-97 model lot G34 firmware 4.3", "Masimo"),
        ("Phonak Audeo P90 in use.", "Phonak"),
        ("PROTOCOL REMINDER: BRAXTON HICKS CONTRACTIONS AND MARBURG VIRUS", "CONTRACTIONS"),
        ("Evidence: Clin Infect Dis 2019;68:e1-e35", "Infect"),
        ("Titrate Sinemet 10/100 TID.", "Sinemet"),
        ("Patient identifiers: Med rec # M4503802", "identifiers"),
        ("Newborn screen panel: PKU, MCAD, CAH, SCID, SMA", "MCAD"),
        ("Pt w/ hx HTN, CAD s/p PCI, p/w SOB x3d.", "CAD"),
        ("C3D1 of FOLFOX, LOINC 4548-4. Follow-up in clinic.", "FOLFOX"),
        ("born in Jocotenango, Guatemala; came to Needles in 2021", "Guatemala"),
        ("Travel history negative for Lyme, West Nile, Ross River", "Nile"),
        ("Transport by Darnell Pelletier, Bluebird Medical Transport, 08 0213", "Medical"),
        ("Pharmacist: T. Nguyen, RPh  Lic RPH.0028831", "RPh"),
        ("*00482913*   HALVORSEN, BIRGIT M   F/91   ENC 2509180044", "F/"),
    ],
)
def test_clinical_words_in_the_same_slots_stay_clean(text: str, needle: str) -> None:
    assert not touched(text, needle), [
        (text[f.start : f.end], f.category) for f in scan_rules(text)
    ]


# A chat's lines open with their speaker's handle ("quorvani: anybody seen"): stamped with a
# time, or one of several lines so opened. A title or a line opened by a clinical word that
# the lists lack before a colon is no chat (a best practice "nausea: give ondansetron first"
# was refused as naming a person).
@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("[6:06] quorvani: yes he is in 4B", "quorvani"),
        ("quorvani: anybody seen the pt in 4B?\nteshamul: yes, on the unit", "quorvani"),
        ("quorvani: anybody seen the pt in 4B?\nteshamul: yes, on the unit", "teshamul"),
    ],
)
def test_a_chat_handle_of_no_list_is_a_name(text: str, needle: str) -> None:
    assert covered(text, needle)


@pytest.mark.parametrize(
    "text",
    [
        "nausea: give ondansetron first.",
        "abscess: drain it before antibiotics.",
        "tendon: rest it for two weeks.",
        "Plan reviewed.\nnausea: give ondansetron first.",
    ],
)
def test_a_clinical_word_opening_a_line_with_a_colon_is_no_handle(text: str) -> None:
    assert scan_rules(text) == []
