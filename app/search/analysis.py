"""Clinical text analysis: words, stems, and the abbreviations and synonyms clinicians use.

One fused tokenizer (a single pass, no filter chain) keeps indexing fast. Each word is
lower-cased, dropped if it is a stop word, and stemmed (Porter). Runs of stems that name a
clinical concept ("hepatitis c", "hcv", "hep c") also emit a *concept token* ("~hcv") at the
same position, spanning the same characters. A query uses the concept token in place of the
words, so either form finds both; highlighting marks the span because the token carries the
characters.

Broader concepts are emitted too (a note on buprenorphine also carries "~moud"), so
"MOUD" finds buprenorphine cases while "buprenorphine" stays specific.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from whoosh.analysis import Token, Tokenizer
from whoosh.formats import Frequency
from whoosh.lang.porter import stem as porter_stem
from whoosh.system import pack_uint

from app.search.drugs import DRUG_NAMES

WORD = re.compile(r"\w+(?:\.\w+)*", re.UNICODE)
# "A-fib" and "a flutter" are glued into one word ("a_fib") before the stop word "a" is
# dropped: otherwise the form would be the bare "fib" and every FIB-4 score in a liver note
# would read as atrial fibrillation. Same length, so character offsets hold. Applied to
# lower-cased text (the pre-check is a plain substring test, cheap on every document).
GLUED = re.compile(r"\ba[ -](fib|flutter)\b(?![ -]?\d)")  # not "a FIB-4 score"
GLUED_ANY_CASE = re.compile(GLUED.pattern, re.IGNORECASE)


def glue(lowered: str) -> str:
    """`lowered` with the stop-word abbreviations joined into single words."""
    if "fib" not in lowered and "flutter" not in lowered:
        return lowered
    return GLUED.sub(r"a_\1", lowered)


CONCEPT_PREFIX = "~"
MAX_PHRASE = 6

# Short and clinically empty; single letters stay (hepatitis C, vitamin D).
STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "has",
        "have",
        "he",
        "her",
        "his",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "she",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "to",
        "was",
        "were",
        "which",
        "with",
    ]
)

# (concept, [forms…], [broader concepts…]). A form is words as a clinician writes them.
CLINICAL_SYNONYMS: list[tuple[str, list[str], list[str]]] = [
    ("hcv", ["hcv", "hepatitis c", "hep c", "hepatitis c virus", "chronic hepatitis c"], []),
    ("hbv", ["hbv", "hepatitis b", "hep b", "hepatitis b virus"], []),
    ("hiv", ["hiv", "human immunodeficiency virus"], []),
    ("aids", ["aids", "acquired immunodeficiency syndrome"], ["hiv"]),
    ("daa", ["daa", "daas", "direct acting antiviral", "direct acting antivirals"], []),
    ("sof-vel", ["sofosbuvir velpatasvir", "epclusa"], ["daa"]),
    ("gle-pib", ["glecaprevir pibrentasvir", "mavyret"], ["daa"]),
    ("sof-vel-vox", ["sofosbuvir velpatasvir voxilaprevir", "vosevi"], ["daa"]),
    ("ledi-sof", ["ledipasvir sofosbuvir", "harvoni"], ["daa"]),
    ("retreatment", ["retreatment", "re treatment", "retreated"], []),
    ("svr", ["svr", "svr12", "sustained virologic response", "sustained virological response"], []),
    ("hcc", ["hcc", "hepatocellular carcinoma", "hepatoma"], []),
    ("cirrhosis", ["cirrhosis", "cirrhotic", "liver cirrhosis"], []),
    ("nafld", ["nafld", "masld", "nash", "mash", "fatty liver", "hepatic steatosis"], []),
    ("oud", ["oud", "opioid use disorder", "opioid addiction", "opioid dependence"], ["sud"]),
    (
        "moud",
        [
            "moud",
            "mat",
            "medication for opioid use disorder",
            "medications for opioid use disorder",
            "medication assisted treatment",
            "opioid agonist therapy",
        ],
        [],
    ),
    (
        "buprenorphine",
        [
            "buprenorphine",
            "bup",
            "bupe",
            "suboxone",
            "subutex",
            "zubsolv",
            "sublocade",
            "brixadi",
            "buprenorphine naloxone",
        ],
        ["moud"],
    ),
    ("methadone", ["methadone", "dolophine", "methadose"], ["moud"]),
    ("naltrexone", ["naltrexone", "vivitrol", "xr ntx", "ntx"], ["moud"]),
    ("naloxone", ["naloxone", "narcan"], []),
    ("fentanyl", ["fentanyl", "imf", "illicitly manufactured fentanyl"], []),
    ("sud", ["sud", "substance use disorder", "substance abuse", "drug abuse"], []),
    ("aud", ["aud", "alcohol use disorder", "alcoholism", "alcohol abuse", "etoh abuse"], ["sud"]),
    ("etoh", ["etoh", "alcohol"], []),
    ("pwid", ["pwid", "ivdu", "idu", "injection drug use", "intravenous drug use"], []),
    ("nows", ["nows", "nas", "neonatal abstinence syndrome", "neonatal opioid withdrawal"], []),
    ("afib", ["afib", "a fib", "af", "atrial fibrillation", "auricular fibrillation"], []),
    ("aflutter", ["atrial flutter", "aflutter", "a flutter"], []),
    (
        "chf",
        ["chf", "hf", "heart failure", "congestive heart failure", "cardiac failure", "ccf"],
        [],
    ),
    (
        "hfref",
        ["hfref", "heart failure with reduced ejection fraction", "systolic heart failure"],
        ["chf"],
    ),
    (
        "hfpef",
        ["hfpef", "heart failure with preserved ejection fraction", "diastolic heart failure"],
        ["chf"],
    ),
    ("mi", ["mi", "myocardial infarction", "heart attack", "ami"], ["cad"]),
    ("stemi", ["stemi", "st elevation myocardial infarction"], ["mi", "cad"]),
    ("nstemi", ["nstemi", "non st elevation myocardial infarction"], ["mi", "cad"]),
    ("cad", ["cad", "coronary artery disease", "ischemic heart disease", "ihd"], []),
    ("cabg", ["cabg", "coronary artery bypass graft", "coronary artery bypass grafting"], []),
    ("pci", ["pci", "percutaneous coronary intervention", "coronary stent"], []),
    ("htn", ["htn", "hypertension", "high blood pressure"], []),
    ("hld", ["hld", "hyperlipidemia", "dyslipidemia", "high cholesterol"], []),
    (
        "doac",
        [
            "doac",
            "doacs",
            "noac",
            "noacs",
            "direct oral anticoagulant",
            "direct oral anticoagulants",
        ],
        ["anticoagulation"],
    ),
    ("apixaban", ["apixaban", "eliquis"], ["doac", "anticoagulation"]),
    ("rivaroxaban", ["rivaroxaban", "xarelto"], ["doac", "anticoagulation"]),
    ("dabigatran", ["dabigatran", "pradaxa"], ["doac", "anticoagulation"]),
    ("edoxaban", ["edoxaban", "savaysa"], ["doac", "anticoagulation"]),
    ("warfarin", ["warfarin", "coumadin", "vka", "vitamin k antagonist"], ["anticoagulation"]),
    (
        "anticoagulation",
        [
            "anticoagulation",
            "anticoagulant",
            "anticoagulants",
            "anticoagulated",
            "blood thinner",
            "blood thinners",
        ],
        [],
    ),
    ("dvt", ["dvt", "deep vein thrombosis", "deep venous thrombosis"], ["vte"]),
    ("pulmonary-embolism", ["pulmonary embolism", "pulmonary emboli"], ["vte"]),
    ("vte", ["vte", "venous thromboembolism"], []),
    ("stroke", ["stroke", "cva", "cerebrovascular accident", "cerebral infarction"], []),
    ("tia", ["tia", "transient ischemic attack"], []),
    ("dka", ["dka", "diabetic ketoacidosis"], ["dm"]),
    ("dm", ["dm", "diabetes", "diabetes mellitus", "diabetic"], []),
    ("t2dm", ["t2dm", "dm2", "type 2 diabetes", "type ii diabetes", "niddm"], ["dm"]),
    ("t1dm", ["t1dm", "dm1", "type 1 diabetes", "type i diabetes", "iddm"], ["dm"]),
    (
        "copd",
        [
            "copd",
            "chronic obstructive pulmonary disease",
            "emphysema",
            "chronic obstructive lung disease",
        ],
        [],
    ),
    ("osa", ["osa", "obstructive sleep apnea"], []),
    ("pneumonia", ["pneumonia", "pna"], []),
    ("uri", ["uri", "upper respiratory infection", "upper respiratory tract infection"], []),
    ("uti", ["uti", "utis", "urinary tract infection", "urinary tract infections"], []),
    ("bph", ["bph", "benign prostatic hyperplasia", "benign prostatic hypertrophy"], []),
    (
        "ckd",
        [
            "ckd",
            "chronic kidney disease",
            "chronic renal insufficiency",
            "chronic renal failure",
            "renal impairment",
        ],
        [],
    ),
    ("aki", ["aki", "acute kidney injury", "acute renal failure", "arf"], []),
    ("esrd", ["esrd", "end stage renal disease", "end stage kidney disease"], ["ckd"]),
    (
        "lap-chole",
        ["lap chole", "laparoscopic cholecystectomy", "lap cholecystectomy"],
        ["cholecystectomy"],
    ),
    ("cholecystectomy", ["cholecystectomy", "chole"], []),
    ("gerd", ["gerd", "gastroesophageal reflux disease", "acid reflux", "reflux disease"], []),
    (
        "gi-bleed",
        [
            "gi bleed",
            "gib",
            "ugib",
            "lgib",
            "gastrointestinal bleeding",
            "gastrointestinal hemorrhage",
        ],
        [],
    ),
    ("ibd", ["ibd", "inflammatory bowel disease"], []),
    (
        "nsaid",
        ["nsaid", "nsaids", "nonsteroidal anti inflammatory", "non steroidal anti inflammatory"],
        [],
    ),
    ("ppi", ["ppi", "ppis", "proton pump inhibitor", "proton pump inhibitors"], []),
    ("ssri", ["ssri", "ssris", "selective serotonin reuptake inhibitor"], []),
    ("mdd", ["mdd", "major depressive disorder", "major depression"], ["depression"]),
    ("depression", ["depression", "depressive disorder", "depressed mood"], []),
    ("gad", ["gad", "generalized anxiety disorder"], []),
    ("ptsd", ["ptsd", "post traumatic stress disorder", "posttraumatic stress disorder"], []),
    (
        "adhd",
        ["adhd", "attention deficit hyperactivity disorder", "attention deficit disorder"],
        [],
    ),
    ("sle", ["sle", "lupus", "systemic lupus erythematosus"], []),
    ("tb", ["tb", "tuberculosis"], []),
    ("sti", ["sti", "std", "sexually transmitted infection", "sexually transmitted disease"], []),
    ("ekg", ["ekg", "ecg", "electrocardiogram"], []),
    ("echo", ["echocardiogram", "tte", "tee", "transthoracic echocardiogram"], []),
    ("ct", ["ct", "cat scan", "computed tomography"], []),
    ("mri", ["mri", "magnetic resonance imaging"], []),
    ("sob", ["sob", "shortness of breath", "dyspnea"], []),
    ("abx", ["abx", "antibiotic", "antibiotics"], []),
    ("tka", ["tka", "tkr", "total knee arthroplasty", "total knee replacement"], []),
    ("tha", ["tha", "thr", "total hip arthroplasty", "total hip replacement"], []),
    ("acl", ["acl", "anterior cruciate ligament"], []),
    # Procedures, findings and tests as they are abbreviated in notes and queries.
    ("fracture", ["fracture", "fractures", "fx"], []),
    ("orif", ["orif", "open reduction internal fixation"], []),
    ("egd", ["egd", "esophagogastroduodenoscopy", "upper endoscopy", "upper gi endoscopy"], []),
    ("ercp", ["ercp", "endoscopic retrograde cholangiopancreatography"], []),
    (
        "turp",
        ["turp", "transurethral resection of the prostate", "transurethral prostatectomy"],
        [],
    ),
    ("hysterectomy", ["hysterectomy"], []),
    ("tah", ["tah", "total abdominal hysterectomy"], ["hysterectomy"]),
    ("bso", ["bso", "bilateral salpingo oophorectomy"], []),
    ("d-and-c", ["d&c", "dilation and curettage", "dilatation and curettage"], []),
    (
        "cesarean",
        ["cesarean section", "caesarean section", "c section", "cesarean delivery", "lscs"],
        [],
    ),
    ("appendectomy", ["appendectomy", "appy"], []),
    ("lap-appy", ["lap appy", "laparoscopic appendectomy"], ["appendectomy"]),
    (
        "cardiac-cath",
        ["cardiac catheterization", "heart catheterization", "cardiac cath", "heart cath", "cath"],
        [],
    ),
    ("cxr", ["cxr", "chest x ray", "chest xray", "chest radiograph"], []),
    ("ef", ["ef", "ejection fraction", "lvef"], []),
    ("eeg", ["eeg", "electroencephalogram", "electroencephalography"], []),
    ("emg", ["emg", "electromyography", "electromyogram"], []),
    ("ncs", ["ncs", "ncv", "nerve conduction study", "nerve conduction studies"], []),
    ("pft", ["pft", "pfts", "pulmonary function test", "pulmonary function tests"], []),
    ("lft", ["lft", "lfts", "liver function test", "liver function tests", "liver enzymes"], []),
    ("a1c", ["a1c", "hba1c", "hemoglobin a1c", "glycated hemoglobin"], []),
    ("bmi", ["bmi", "body mass index"], []),
    ("chemo", ["chemo", "chemotherapy"], []),
    ("xrt", ["xrt", "radiation therapy", "radiotherapy"], []),
    # Conditions.
    ("cancer", ["cancer", "cancers", "carcinoma", "malignancy", "malignant neoplasm"], []),
    ("mets", ["mets", "metastases", "metastasis", "metastatic disease"], ["cancer"]),
    ("bcc", ["bcc", "basal cell carcinoma"], ["cancer"]),
    ("scc", ["scc", "squamous cell carcinoma"], ["cancer"]),
    ("cll", ["cll", "chronic lymphocytic leukemia"], ["cancer"]),
    ("nhl", ["nhl", "non hodgkin lymphoma", "non hodgkins lymphoma"], ["cancer"]),
    ("oa", ["oa", "osteoarthritis", "degenerative joint disease", "djd"], []),
    ("aaa", ["aaa", "abdominal aortic aneurysm"], []),
    ("pvd", ["pvd", "peripheral vascular disease", "peripheral arterial disease"], []),
    ("sbo", ["sbo", "small bowel obstruction"], []),
    ("uc", ["ulcerative colitis"], ["ibd"]),
    ("crohn", ["crohn", "crohns", "crohn disease", "regional enteritis"], ["ibd"]),
    ("seizure", ["seizure", "seizures", "sz", "convulsion", "convulsions"], []),
    ("lbp", ["lbp", "low back pain", "lumbago"], []),
    ("cts", ["cts", "carpal tunnel syndrome"], []),
    ("bppv", ["bppv", "benign paroxysmal positional vertigo"], []),
    ("aom", ["aom", "acute otitis media"], ["otitis-media"]),
    ("otitis-media", ["otitis media", "middle ear infection"], []),
    ("ich", ["ich", "intracerebral hemorrhage", "intracranial hemorrhage"], []),
    ("sah", ["sah", "subarachnoid hemorrhage"], []),
    ("sdh", ["sdh", "subdural hematoma"], []),
    ("tbi", ["tbi", "traumatic brain injury"], []),
    ("loc", ["loc", "loss of consciousness"], []),
    ("als", ["als", "amyotrophic lateral sclerosis"], []),
    ("ptx", ["ptx", "pneumothorax"], []),
    ("ocd", ["ocd", "obsessive compulsive disorder"], []),
    ("mva", ["mva", "mvc", "motor vehicle accident", "motor vehicle collision"], []),
    ("gsw", ["gsw", "gunshot wound"], []),
    ("ruq", ["ruq", "right upper quadrant"], []),
    ("rlq", ["rlq", "right lower quadrant"], []),
    ("luq", ["luq", "left upper quadrant"], []),
    ("llq", ["llq", "left lower quadrant"], []),
]

CLINICAL_SYNONYMS.extend(DRUG_NAMES)

# Genotypes: "G3", "GT3" and "genotype 3" are the same thing in hepatitis C notes.
for _gt in ("1", "1a", "1b", "2", "3", "3a", "4", "5", "6"):
    CLINICAL_SYNONYMS.append((f"gt{_gt}", [f"g{_gt}", f"gt{_gt}", f"genotype {_gt}"], []))


# Abbreviations whose Porter stem is an everyday word (NOWS "now", METS "met", AIDS "aid"):
# stemmed, every "now" in a note read as neonatal opioid withdrawal (the demo's Topic lists
# NOWS as a synonym), every "met" as metastases and every "first aid" as AIDS.
UNSTEMMED: frozenset[str] = frozenset({"nows", "mets", "aids"})


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """Porter stem of a lower-cased word (numbers, short words and UNSTEMMED stay)."""
    if len(word) > 3 and word.isalpha() and word not in UNSTEMMED:
        return porter_stem(word)
    return word


def stems_of(text: str) -> list[str]:
    """The stems of a phrase, stop words dropped: the key a synonym form is matched by."""
    out = []
    for match in WORD.finditer(glue(text.lower())):
        word = match.group()
        if word not in STOP_WORDS:
            out.append(stem(word))
    return out


@dataclass(frozen=True)
class SynonymTable:
    """Stemmed word sequences -> the concept tokens they carry."""

    phrases: Mapping[tuple[str, ...], tuple[str, ...]]
    # First stem of any phrase -> longest phrase length starting with it.
    firsts: Mapping[str, int]

    @classmethod
    def build(
        cls,
        groups: Iterable[tuple[str, Sequence[str], Sequence[str]]],
    ) -> SynonymTable:
        phrases: dict[tuple[str, ...], list[str]] = {}
        for concept, forms, broader in groups:
            tokens = [CONCEPT_PREFIX + concept] + [CONCEPT_PREFIX + b for b in broader]
            for form in forms:
                key = tuple(stems_of(form))
                if not key or len(key) > MAX_PHRASE:
                    continue
                target = phrases.setdefault(key, [])
                for token in tokens:
                    if token not in target:
                        target.append(token)
        firsts: dict[str, int] = {}
        for key in phrases:
            firsts[key[0]] = max(firsts.get(key[0], 0), len(key))
        return cls({k: tuple(v) for k, v in phrases.items()}, firsts)

    def digest(self) -> str:
        import hashlib

        text = repr(sorted(self.phrases.items()))
        return hashlib.sha256(text.encode()).hexdigest()[:16]


def topic_groups(topics: Iterable[tuple[str, str, Sequence[str]]]) -> list:
    """Synonym groups from the Topic vocabulary: (slug, name, synonyms) each."""
    return [(f"topic-{slug}", [name, *synonyms], []) for slug, name, synonyms in topics]


def default_table(
    topics: Iterable[tuple[str, str, Sequence[str]]] = (),
    *,
    broader: bool = True,
    drugs: bool = True,
) -> SynonymTable:
    """The built-in groups and the Topic vocabulary. Without `broader`, a form carries its own
    concept only (buprenorphine is not also MOUD): for comparing texts with each other,
    where a shared drug class would make every methadone note like every buprenorphine one.
    Without `drugs`, the brand and generic names of `drugs.py` are plain words: a concept
    token per drug of a medication list weighs the list twice when texts are compared.
    """
    groups = CLINICAL_SYNONYMS
    if not drugs:
        names = {concept for concept, _f, _b in DRUG_NAMES}
        groups = [g for g in groups if g[0] not in names]
    if not broader:
        groups = [(c, f, []) for c, f, _b in groups]
    return SynonymTable.build([*groups, *topic_groups(topics)])


@dataclass(frozen=True)
class AnalysedWord:
    """A word of a query after analysis: its stem, or the concept tokens it starts."""

    text: str  # the stem ("" for a stop word)
    pos: int
    span: int = 1  # words covered (concepts only)
    concepts: tuple[str, ...] = ()


class ClinicalAnalyzer(Tokenizer):
    """Tokenizer, lower-caser, stop words, Porter stemming and concept tokens in one pass."""

    def __init__(self, table: SynonymTable | None = None) -> None:
        self.table = table or default_table()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ClinicalAnalyzer) and self.table == other.table

    def __hash__(self) -> int:
        return id(self)

    def words(self, value: str) -> list[tuple[str, int, int, int]]:
        """(stem, position, startchar, endchar) of every word that is not a stop word."""
        out = []
        lowered = value.lower()
        if len(lowered) != len(value):  # lower-casing moved offsets: glue the original
            lowered = GLUED_ANY_CASE.sub(lambda m: m.group()[0] + "_" + m.group(1), value)
        else:
            lowered = glue(lowered)
        for pos, match in enumerate(WORD.finditer(lowered)):
            word = match.group().lower()
            if word not in STOP_WORDS:
                out.append((stem(word), pos, match.start(), match.end()))
        return out

    @staticmethod
    def words_fast(value: str) -> list[tuple[str, int, int, int]]:
        """As `words` without character offsets: one C-level pass of the regex (indexing)."""
        stops = STOP_WORDS
        return [
            (stem(word), pos, 0, 0)
            for pos, word in enumerate(WORD.findall(glue(value.lower())))
            if word not in stops
        ]

    def concepts(self, words: list[tuple[str, int, int, int]]) -> Iterator[tuple[int, int, str]]:
        """(index of first word, number of words, concept token) for each concept found."""
        return self.concept_spans([w[0] for w in words])

    def concept_spans(self, stems: list[str]) -> Iterator[tuple[int, int, str]]:
        """`concepts` over a list of stems."""
        firsts = self.table.firsts
        phrases = self.table.phrases
        n = len(stems)
        covered_until = -1
        covered: set[str] = set()
        starts = [i for i, s in enumerate(stems) if s in firsts]
        for i in starts:
            longest = firsts[stems[i]]
            for length in range(min(longest, n - i), 0, -1):
                key = tuple(stems[i : i + length])
                found = phrases.get(key)
                if found is None:
                    continue
                if i >= covered_until:
                    covered = set()
                fresh = [c for c in found if c not in covered]
                for concept in fresh:
                    yield i, length, concept
                covered.update(fresh)
                covered_until = max(covered_until, i + length)
                break

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: object,
    ) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        token.stopped = False
        token.boost = 1.0
        words = self.words(value) if chars or keeporiginal else self.words_fast(value)
        extra: dict[int, list[tuple[int, str]]] = {}
        for i, length, concept in self.concepts(words):
            extra.setdefault(i, []).append((length, concept))
        for i, (text, pos, start, end) in enumerate(words):
            token.text = text
            if keeporiginal:
                token.original = value[start:end]
            if positions:
                token.pos = start_pos + pos
            if chars:
                token.startchar = start_char + start
                token.endchar = start_char + end
            yield token
            for length, concept in extra.get(i, ()):
                token.text = concept
                if chars:
                    token.endchar = start_char + words[i + length - 1][3]
                yield token

    def term_counts(self, value: str) -> Counter:
        """Each term of `value` (stems and concept tokens) and how often it occurs."""
        stops = STOP_WORDS
        stems = [stem(w) for w in WORD.findall(glue(value.lower())) if w not in stops]
        counts = Counter(stems)
        for _i, _length, concept in self.concept_spans(stems):
            counts[concept] += 1
        return counts

    def analyse_query(self, value: str) -> list[AnalysedWord]:
        """The words of a query, with the concepts each run of words starts."""
        words = self.words(value)
        found: dict[int, tuple[int, list[str]]] = {}
        for i, length, concept in self.concepts(words):
            span, concepts = found.setdefault(i, (length, []))
            concepts.append(concept)
        return [
            AnalysedWord(
                text,
                pos,
                found[i][0] if i in found else 1,
                tuple(found[i][1]) if i in found else (),
            )
            for i, (text, pos, _start, _end) in enumerate(words)
        ]


class ClinicalFrequency(Frequency):
    """Frequencies of a clinical field, counted without a token stream (indexing speed).

    The same terms and counts as `Frequency` over `ClinicalAnalyzer` tokens.
    """

    def word_values(self, value, analyzer, **kwargs):
        if not isinstance(analyzer, ClinicalAnalyzer) or not isinstance(value, str):
            return super().word_values(value, analyzer, **kwargs)
        fb = self.field_boost
        return (
            (term, freq, freq * fb, pack_uint(freq))
            for term, freq in analyzer.term_counts(value).items()
        )
