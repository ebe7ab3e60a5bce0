"""The learned tagger beside the rules (app/deid/tagger.py): it only adds findings, it reads
what the rules found, it is safe to call from several threads, and its model records what it
was trained on."""

from __future__ import annotations

import json
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from app.deid import detector, scan, tagger

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT / "eval" / "deid"

TEXTS = [
    "Pt lives at 41 quarry gate with her son Teodor, moved from Brackenfield last spring.",
    "Seen with her daughter. BP 124/78, HR 88, INR 1.2. Continue Eliquis 5 mg.",
    "Name | DOB | MRN\nsolvei haraldsen | 03/14/1951 | 40817223",
    "The patient tolerated the procedure well and was sent to recovery in stable condition.",
]


def _sample(every: int = 17) -> list[str]:
    texts = list(TEXTS)
    for name in ("planted.jsonl", "realistic.jsonl", "clean.jsonl"):
        lines = (EVAL / name).read_text(encoding="utf-8").splitlines()
        texts += [json.loads(line)["text"] for line in lines[::every]]
    return texts


def test_the_shipped_model_says_what_it_was_trained_on() -> None:
    assert tagger.MODEL_PATH.exists() and tagger.SETTINGS_PATH.exists()
    settings = json.loads(tagger.SETTINGS_PATH.read_text(encoding="utf-8"))
    trained = settings["trained_on"]
    independent = {Path(p).parent.name for p in trained if "/independent/" in p}
    assert independent == set("abcdefghijklmno")  # the development sets only, never a held-out one
    assert {p for p in trained if "/independent/" not in p} == {
        "eval/deid/clean.jsonl",
        "eval/deid/realistic.jsonl",
    }
    assert all(len(sha) == 64 for sha in trained.values())
    assert settings["crfsuite"]["algorithm"] == "lbfgs"
    assert set(settings["thresholds"]) <= set(tagger.DETECTOR_CATEGORY)
    assert tagger.MODEL_PATH.stat().st_size < 4_000_000


def test_the_tagger_only_adds_to_what_the_rules_find() -> None:
    for text in _sample():
        rules = detector.scan_rules(text)
        both = scan(text)
        assert set(rules) <= set(both)
        added = [f for f in both if f not in rules]
        for f in added:
            assert not any(f.start < r.end and r.start < f.end for r in rules)
            assert f.category in detector.CATEGORIES
            assert text[f.start : f.end].strip() == text[f.start : f.end]


def test_without_a_model_the_detector_runs_on_its_rules(monkeypatch) -> None:
    monkeypatch.setattr(tagger, "_MODEL", None)
    monkeypatch.setattr(tagger, "_LOADED", True)
    for text in TEXTS:
        assert detector._scan(text) == detector.scan_rules(text)


def test_threads_get_the_same_findings() -> None:
    texts = _sample(every=41)
    alone = [scan(t) for t in texts]
    with ThreadPoolExecutor(max_workers=4) as pool:
        together = list(pool.map(scan, texts * 3))
    assert together == alone * 3


def test_features_read_the_rules_findings_and_the_line() -> None:
    text = "Name: x\nLives in Oakvale"
    tokens = tagger.tokenize(text)
    found = [detector.Finding(17, 24, "LOCATION", 0.9)]
    feats = tagger.features(text, tokens, found)
    assert [t.word for t in tokens] == ["Name", ":", "x", "Lives", "in", "Oakvale"]
    assert "colon" in feats[2] and "l1" in feats[2] and "lp=2" in feats[2]
    assert "r=LOCATION" in feats[5] and "lp=0" in feats[3] and "l1" not in feats[3]
    assert "rr=LOCATION" in feats[4]


def test_features_mark_another_mention_of_a_name_the_rules_found() -> None:
    # made-up names: the rules find the first mention; the lower-case ones are marked
    text = "Seen with Tamsin Oduya today. tamsin called back; oduya family here."
    tokens = tagger.tokenize(text)
    s = text.index("Tamsin")
    found = [detector.Finding(s, s + len("Tamsin Oduya"), "NAME", 0.9)]
    feats = dict(zip((t.start for t in tokens), tagger.features(text, tokens, found), strict=True))
    assert "seen=NAME" in feats[text.index("tamsin")]
    assert "seen=NAME" in feats[text.index("oduya")]
    assert "ss" in feats[text.index("tamsin")] and "ss" in feats[text.index("oduya")]
    assert not any(f.startswith("seen=") for f in feats[text.index("called")])
    assert not any(f.startswith("seen=") for f in feats[s])  # the finding itself: r=NAME
    # a sentence with no capital nor listed name is tagged when it names a found name again
    text = "Seen with Tamsin Oduya today. then oduya called back."
    tokens = tagger.tokenize(text)
    rule = ["NAME" if s <= t.start < s + len("Tamsin Oduya") else "" for t in tokens]
    covered = [bool(r) for r in rule]
    assert not any(tagger.worth_tagging(tokens, text, covered)[-5:])
    assert all(tagger.worth_tagging(tokens, text, covered, tagger.seen_words(tokens, rule)))


def test_training_variants_keep_the_gold_offsets() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    import train_deid_tagger

    text = "Seen by Ana Ruiz\nat Elm Clinic"
    assert train_deid_tagger.varied(text, 0) == "seen by ana ruiz\nat elm clinic"
    assert train_deid_tagger.varied(text, 1) == "Seen by Ana Ruiz at Elm Clinic"
    assert train_deid_tagger.varied(text, 2) is None
    assert train_deid_tagger.varied("\u0130stanbul", 0) is None  # lower case is longer


def test_plain_prose_is_not_tagged_but_a_line_with_a_name_is() -> None:
    text = "she was seen today and is doing well.\nfollow up with dr pereira next week."
    tokens = tagger.tokenize(text)
    keep = tagger.worth_tagging(tokens, text, [False] * len(tokens))
    first = [k for t, k in zip(tokens, keep, strict=True) if t.end <= text.index("\n")]
    assert not any(first) and all(keep[len(first) :])


def test_the_training_script_refuses_a_set_that_is_not_a_development_set() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    import train_deid_tagger

    assert train_deid_tagger.parse_sets("a,q") == ["a", "q"]
    for held_out in ("s",):
        with pytest.raises(SystemExit):
            train_deid_tagger.parse_sets(f"a,{held_out}")


@pytest.mark.parametrize(
    ("text", "added"),
    [
        # made-up values, none from an evaluation set
        ("At Brannock Valley Regional, the patient was awakened and extubated.", "FACILITY"),
        (
            "Lives with wife at Rural Route 2, Box 518 Pelham Flats. Hypertension controlled.",
            "LOCATION",
        ),
    ],
)
def test_the_tagger_finds_what_the_rules_leave(text: str, added: str) -> None:
    rules = detector.scan_rules(text)
    new = [f for f in scan(text) if f not in rules]
    assert [f.category for f in new] == [added]


def _added(text: str, part: str, category: str) -> list[detector.Finding]:
    """What the scan keeps of a tagger finding on ``part`` of ``text`` (the model aside)."""
    rules = detector.scan_rules(text)
    s = text.index(part)
    both = detector.with_tagger(text, rules, [(s, s + len(part), category, 0.99)])
    return [f for f in both if f not in rules]


@pytest.mark.parametrize(
    ("text", "part", "category"),
    [
        # made-up passages of the kinds the tagger took for identifiers in real notes
        (
            "Tests given: Spelling Test, Trail Making Test A & B, Color Trails.",
            "Color Trails",
            "FACILITY",
        ),
        ("Boston Naming Test, Second Edition: low average.", "Boston", "FACILITY"),
        (
            "Grade 2 encephalopathy by West Haven criteria, lactulose started.",
            "West Haven",
            "FACILITY",
        ),
        (
            "Recommend Superior Gluteal Nerve Block, left.",
            "Superior Gluteal Nerve Block",
            "FACILITY",
        ),
        ("Labs will be coordinated at Health Center before surgery.", "Health Center", "FACILITY"),
        ("Albumin 4520 (normal 3150-4500), IgG 4.1.", "3150-4500", "PHONE"),
        ("Thiamine 210 (87-280) and B6 normal.", "87-280", "PHONE"),
        ("Dementia (290.40 & 438), gait disorder.", "290.40 & 438", "PHONE"),
        ("Thoracic spine pain (724.1), bone scan ordered.", "724.1", "PHONE"),
        ("Temperature rises at night. Reassurance given.", "Reassurance", "PHONE"),
        ("Fixed flexion of about 10-15 degrees at both knees.", "10-15", "DATE"),
        ("Erosion on series 6 images 12-14.", "12-14", "DATE"),
        ("RLE 3 3 4 4 3 4 1 1 on manual testing.", "3 4 4 3 4 1 1", "DATE"),
        ("Pulmonary artery 33/19 with a mean of 25.", "33/19", "DATE"),
        ("TMs, canals and nasal mucosa are clear.", "TMs", "ID"),
        ("Echo shows mild AI and trace MR.", "AI", "NAME"),
        ("Closed with separate Keith needles at the end.", "Keith", "NAME"),
        # made-up eponyms before a hyphenated head or a procedure's or disease's suffix
        ("Drained with a dorrance kellner t-tube.", "dorrance kellner", "NAME"),
        ("History of a bellamy tolliver cholecystectomy.", "bellamy tolliver", "NAME"),
        ("Known Harwell-Ostrom arthropathy, stable.", "Harwell-Ostrom", "NAME"),
        # procedure codes are no ZIP codes
        ("Release of the ulnar nerve at the elbow (64718).", "64718", "LOCATION"),
        ("Fusion at C5-C6 (22554, 22585) with cages.", "22554, 22585", "LOCATION"),
        ("This justifies CPT Code 77470.", "77470", "LOCATION"),
        ("Sacral, single level. 64484 LT, injection.", "64484", "LOCATION"),
        ("Trunk range of motion limited in lateral side bend.", "lateral side bend", "ADDRESS"),
        (
            "Massage for 7 to 10 days on each side two to three times daily.",
            "each side two",
            "ADDRESS",
        ),
        ("Discharged on Isordil 20 tid and aspirin.", "Isordil 20 tid", "ADDRESS"),
        ("She finished high school in Germany.", "Germany", "LOCATION"),
        ("Seen at St. Mary's for review in March.", "March", "LOCATION"),
        # a journal citation's pages
        ("Chronic Pelvic Pain. Obstet Gynecol. 2020;135(3):e98-e109.", "e98-e109", "ID"),
        ("Opioid guideline. JAMA. 2016;315(15):1624-1645.", "1624-1645", "PHONE"),
        ("A trial. Lancet 2019; 393: 1537-1546.", "1537-1546", "PHONE"),
        ("She is bilingual, German and English.", "German and English", "LOCATION"),
    ],
)
def test_a_tagger_finding_without_its_categorys_shape_is_dropped(
    text: str, part: str, category: str
) -> None:
    assert _added(text, part, category) == []


@pytest.mark.parametrize(
    ("text", "part", "category"),
    [
        # made-up values, none from an evaluation set
        (
            "At Brannock Valley Regional, the patient was extubated.",
            "Brannock Valley Regional",
            "FACILITY",
        ),
        ("Will discuss with Dr. Hale at Corrie Hill Surgery.", "Hill Surgery", "FACILITY"),
        ("Mother works for Penhallow Grocery in town.", "Penhallow Grocery", "FACILITY"),
        ("Found by his wife (431-7706) at home.", "431-7706", "PHONE"),
        (
            "call me back at six two seven, three one four, oh eight eight two",
            "six two seven, three one four, oh eight eight two",
            "PHONE",
        ),
        ("Seen 10/23 for fever.", "10/23", "DATE"),
        ("Readmitted Christmas Eve 2021 with cellulitis.", "Christmas Eve 2021", "DATE"),
        ("Visit numbers V40087213 and V40091377.", "V40091377", "ID"),
        ("Pt lives at 2207 w alder ridge with her son.", "2207 w alder ridge", "ADDRESS"),
        ("ATV rollover on Gander Hollow trail last week.", "Gander Hollow trail", "ADDRESS"),
        ("Spoke with Kendra about the results.", "Kendra", "NAME"),
        ("For the pt from Tallowvale (58213) we recommend rest.", "58213", "LOCATION"),
        ("Home: 41 Road 7 (58213), gravel lane past the tower.", "58213", "LOCATION"),
    ],
)
def test_a_tagger_finding_with_its_categorys_shape_is_kept(
    text: str, part: str, category: str
) -> None:
    assert [(f.category, text[f.start : f.end]) for f in _added(text, part, category)] == [
        (category, part)
    ]


def test_a_lone_surrogate_gives_no_tagger_candidates_and_the_rules_still_run() -> None:
    # crfsuite takes UTF-8 only; a lone surrogate (possible from JSON "\ud800") raised SystemError
    text = "At Brannock Valley Regional, MRN 40817223, \ud800 the patient was extubated."
    model = tagger.get()
    assert model is not None
    assert model.candidates(text, detector.scan_rules(text)) == []
    assert scan(text) == detector.scan_rules(text)
    assert [f.category for f in scan(text)] == ["ID"]
