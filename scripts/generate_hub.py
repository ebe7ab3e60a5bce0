"""Generate a large hub: twenty programs over ten years, built from the shared corpus's text.

Everything goes in through the domain operations (`app/*/operations.py`), cases and their
items through the bulk path that import uses (`app/cases/bulk.py`): each text passes the
de-identification gate and each change leaves its audit event and search outbox row, as a
user's would. One commit per batch of cases. The same seed and size give
the same content (ids, texts, dates, statuses), on SQLite and on PostgreSQL.

    python scripts/generate_hub.py --cases 2000 \\
        --database-url sqlite:///hub/casebook.sqlite3 --index-dir hub/index

Per 50,000 cases (`--cases` scales the rest): 150,000 recommendations (about a third
edited, so with several versions), 100,000 annotations, 5,000 sessions with a didactic talk,
its presenter and attendance, 5,000 topics with synonyms in a three-level hierarchy
(specialty > frequent term > term), 500 best practices with evidence links, lifecycle
histories and endorsements, 2,000 accounts; 4 of the 20 programs are private, and a fifth of
the cases are follow-ups that record outcomes of the recommendations they follow. Case texts
come from the corpus documents (`../shared/corpus/cases.jsonl` beside the repository),
redacted once per passage, so every passage already passes the gate.

Five accounts can sign in, one per role, as ROLE@hub.example with the password given by
`--password` (for scripts/bench_pages.py); the others have no password.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import click

from app.auth.policy import SYSTEM

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "cases.jsonl"
DEFAULT_PASSWORD = "hub-bench tangerine lighthouse 42"  # noqa: S105 - benchmark data only
DEFAULT_END = date(2026, 11, 27)
YEARS = 10
SIGN_IN_DOMAIN = "hub.example"

# slug, name, specialties of the corpus, private
PROGRAMS: list[tuple[str, str, tuple[str, ...], bool]] = [
    ("heart-lung", "Heart and Lung ECHO", ("Cardiovascular / Pulmonary",), False),
    (
        "musculoskeletal",
        "Musculoskeletal ECHO",
        ("Orthopedic", "Chiropractic", "Podiatry", "Physical Medicine - Rehab"),
        False,
    ),
    (
        "digestive",
        "Digestive Disease ECHO",
        ("Gastroenterology", "Bariatrics", "Diets and Nutritions"),
        False,
    ),
    ("neurology", "Neurology ECHO", ("Neurology", "Sleep Medicine", "Speech - Language"), False),
    ("womens-health", "Women's Health ECHO", ("Obstetrics / Gynecology",), False),
    ("urology", "Urology ECHO", ("Urology",), False),
    (
        "primary-care",
        "Primary Care ECHO",
        ("Consult - History and Phy.", "General Medicine", "Office Notes", "Letters"),
        False,
    ),
    ("ent-dental", "ENT and Dental ECHO", ("ENT - Otolaryngology", "Dentistry"), False),
    (
        "oncology",
        "Hematology and Oncology ECHO",
        ("Hematology - Oncology", "Lab Medicine - Pathology"),
        False,
    ),
    ("eye-care", "Eye Care ECHO", ("Ophthalmology",), False),
    ("neurosurgery", "Neurosurgery ECHO", ("Neurosurgery",), False),
    ("kidney", "Kidney Disease ECHO", ("Nephrology",), False),
    ("pain", "Chronic Pain ECHO", ("Pain Management",), True),
    ("surgery", "Surgical Consults ECHO", ("Surgery", "Cosmetic / Plastic Surgery"), False),
    ("pediatrics", "Pediatrics ECHO", ("Pediatrics - Neonatal",), True),
    ("behavioral-health", "Behavioral Health ECHO", ("Psychiatry / Psychology",), True),
    (
        "hospital-medicine",
        "Hospital Medicine ECHO",
        ("Discharge Summary", "Emergency Room Reports", "Radiology", "Autopsy"),
        False,
    ),
    ("progress-notes", "Care Transitions ECHO", ("SOAP / Chart / Progress Notes",), False),
    (
        "skin-immune",
        "Skin and Immunology ECHO",
        ("Dermatology", "Allergy / Immunology", "Rheumatology"),
        False,
    ),
    (
        "endocrine-palliative",
        "Endocrine and Palliative Care ECHO",
        ("Endocrinology", "Hospice - Palliative Care"),
        True,
    ),
]
TEMPLATE = {
    "sections": [
        {"key": "history", "label": "History", "required": False, "help": ""},
        {"key": "assessment", "label": "Assessment", "required": False, "help": ""},
    ],
    "fields": [],
}
ROLE_SHARES = [
    ("provider", 0.70),
    ("expert", 0.18),
    ("coordinator", 0.07),
    ("curriculum", 0.03),
    ("admin", 0.02),
]
FIRST = "Ada Ben Cora Dev Eli Fay Gus Hana Ivo Jun Kai Lea Max Nia Omar Pia Raj Sol Tess Uma"
LAST = "Abbott Baker Chen Diaz Evans Fox Garcia Hill Ito Jones Khan Lopez Moore Nair Ortiz"
QUESTION_STEMS = [
    "What is the next step in management?",
    "Would you change the current treatment?",
    "Is a referral to specialist care needed now?",
    "Which tests would you order before deciding?",
    "How should this be monitored in primary care?",
]
FOLLOW_UP_STEMS = [
    "The plan from the last presentation was started. Should anything change?",
    "Partial response so far. What would you adjust?",
    "New symptoms since the last visit. How should we proceed?",
]
ANNOTATION_STEMS = {
    "agree": "Agree with this plan. ",
    "dissent": "I would not start with this. ",
    "evidence": "Supporting evidence: ",
    "update": "Update after the session: ",
}
REFERENCES = [
    "National guideline on the management of chronic disease in primary care, 2021",
    "Cochrane review of community telementoring interventions, 2019",
    "Specialty society consensus statement, 2022",
]
OUTCOME_NOTES = [
    "Started as recommended and tolerated well.",
    "Started, then stopped after two weeks because of side effects.",
    "Not started: not covered by the local formulary.",
    "",
]
WITHHELD = "The source passage did not pass the de-identification check and is left out."
PLAN_HEADINGS = re.compile(r"PLAN|RECOMMENDATION|IMPRESSION|ASSESSMENT|DISPOSITION|TREATMENT")
_HEADING = re.compile(r"^([A-Z][A-Z0-9 /&,()'-]{2,60}):\s*(.*)", re.DOTALL)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


@dataclass(frozen=True)
class Plan:
    """How many of each thing a hub of `cases` cases holds (ratios per 50,000 cases)."""

    cases: int

    @property
    def recommendations(self) -> int:
        return 3 * self.cases

    @property
    def annotations(self) -> int:
        return 2 * self.cases

    @property
    def sessions(self) -> int:
        return max(2 * len(PROGRAMS), self.cases // 10)

    @property
    def topics(self) -> int:
        return max(80, self.cases // 10)

    @property
    def practices(self) -> int:
        return max(4, self.cases // 100)

    @property
    def accounts(self) -> int:
        return max(60, self.cases // 25)


# ---------------------------------------------------------------- corpus text


@dataclass
class Document:
    ref: str
    specialty: str
    title: str
    summary: str
    keywords: list[str]
    sections: list[tuple[str, str]]


class Corpus:
    """The corpus documents, with each passage redacted once, when first used."""

    def __init__(self, path: Path) -> None:
        self.documents: list[Document] = []
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    raw = json.loads(line)
                    self.documents.append(
                        Document(
                            raw["ref"],
                            raw.get("specialty") or "",
                            raw.get("title") or raw["ref"],
                            raw.get("summary") or "",
                            [k for k in raw.get("keywords") or [] if isinstance(k, str)],
                            _sections(raw.get("body") or ""),
                        )
                    )
        self.documents.sort(key=lambda d: d.ref)
        self._clean: dict[str, str] = {}

    def clean(self, text: str) -> str:
        """The text with what the gate would flag replaced by [CATEGORY] placeholders."""
        found = self._clean.get(text)
        if found is None:
            from app.deid.gate import redact

            found = redact(text)[0]
            self._clean[text] = found
        return found

    def joined(self, passages: Any) -> str:
        """Passages that pass the gate alone, joined; redacted again in the rare case that
        the join makes something the gate flags (two halves of a name, say)."""
        from app.deid.gate import redact, scan_fields

        text = " ".join(passages)
        return redact(text)[0] if scan_fields({"text": text}) else text


def _sections(body: str) -> list[tuple[str, str]]:
    sections: list[tuple[str, list[str]]] = []
    for paragraph in body.split("\n\n"):
        paragraph = paragraph.strip()
        if not paragraph:
            continue
        match = _HEADING.match(paragraph)
        if match:
            sections.append((match.group(1).strip(), [match.group(2).strip()]))
        elif sections:
            sections[-1][1].append(paragraph)
        else:
            sections.append(("HISTORY", [paragraph]))
    out = [(h, "\n\n".join(p for p in parts if p)) for h, parts in sections]
    return [(h, t) for h, t in out if t] or [("HISTORY", body.strip() or "No details.")]


# ---------------------------------------------------------------- the plan of the hub


@dataclass
class CasePlan:
    number: int
    program: int  # index into PROGRAMS
    session: int  # index into the program's sessions
    on: date
    document: Document
    status: str
    follows: int | None = None  # number of the case followed
    recommendations: int = 0
    annotations: int = 0


@dataclass
class Hub:
    """What has been made so far, by id, so batches can re-read it after each commit."""

    programs: list[int] = field(default_factory=list)
    users: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    members: dict[tuple[int, str], list[int]] = field(default_factory=lambda: defaultdict(list))
    topics: dict[str, int] = field(default_factory=dict)  # text_key(name) -> id
    specialty_topic: dict[str, str] = field(default_factory=dict)
    sessions: list[list[tuple[int, date]]] = field(default_factory=list)
    cases: dict[int, int] = field(default_factory=dict)  # case number -> id
    published: dict[int, list[int]] = field(default_factory=lambda: defaultdict(list))


def status_for(on: date, end: date, rng: random.Random) -> str:
    """Old cases are closed or have their recommendations; the last weeks hold every stage."""
    age = (end - on).days
    if age > 60:
        return "closed" if rng.random() < 0.7 else "recommendations_published"
    return rng.choice(
        ["draft", "submitted", "approved", "presented", "recommendations_published", "closed"]
    )


def program_weights(corpus: Corpus) -> list[float]:
    """Programs with more corpus documents get more sessions and cases (square root, so
    the small ones are not empty)."""
    by_specialty = Counter(d.specialty for d in corpus.documents)
    return [
        (sum(by_specialty[s] for s in group) or len(corpus.documents)) ** 0.5
        for _, _, group, _ in PROGRAMS
    ]


def session_counts(plan: Plan, weights: list[float]) -> list[int]:
    return [max(2, count) for count in _spread(plan.sessions, weights)]


def plan_cases(
    plan: Plan,
    corpus: Corpus,
    sessions: list[list[tuple[int, date]]],
    end: date,
    rng: random.Random,
) -> list[list[CasePlan]]:
    """Cases by program, shared out over the program's sessions."""
    case_counts = _spread(plan.cases, program_weights(corpus))
    number = 0
    out: list[list[CasePlan]] = []
    for p, count in enumerate(case_counts):
        pool = documents_of(corpus, p)
        dates = [on for _, on in sessions[p]]
        per_session = _spread(count, [1.0] * len(dates))
        program_cases: list[CasePlan] = []
        for s, n in enumerate(per_session):
            for _ in range(n):
                number += 1
                document = rng.choice(pool)
                status = status_for(dates[s], end, rng)
                program_cases.append(CasePlan(number, p, s, dates[s], document, status))
        out.append(program_cases)
    return out


def documents_of(corpus: Corpus, program: int) -> list[Document]:
    group = PROGRAMS[program][2]
    return [d for d in corpus.documents if d.specialty in group] or corpus.documents


def _spread(total: int, weights: list[float]) -> list[int]:
    """`total` split in proportion to `weights`, the rounding going to the largest shares."""
    raw = [total * w / sum(weights) for w in weights]
    counts = [int(r) for r in raw]
    for i in sorted(range(len(raw)), key=lambda i: (counts[i] - raw[i], i))[: total - sum(counts)]:
        counts[i] += 1
    return counts


def assign_follow_ups_and_counts(
    programs: list[list[CasePlan]], plan: Plan, rng: random.Random
) -> None:
    """A fifth of the cases follow an earlier closed case of the same program; then the
    recommendations and annotations are shared out (at least one per case that has any)."""
    followable = {"closed", "recommendations_published"}
    for cases in programs:
        earlier: list[CasePlan] = []
        for case in cases:
            if earlier and rng.random() < 0.25:
                case.follows = rng.choice(earlier[-200:]).number
            if case.status in followable:
                earlier.append(case)
    everyone = [c for cases in programs for c in cases]
    open_cases = [c for c in everyone if c.status in ("approved", "presented", *sorted(followable))]
    for case in open_cases:
        case.recommendations = 1
    for case in rng.choices(open_cases, k=max(0, plan.recommendations - len(open_cases))):
        case.recommendations += 1
    for case in rng.choices(open_cases, k=plan.annotations):
        case.annotations += 1


# ---------------------------------------------------------------- loading


class Generator:
    def __init__(
        self,
        corpus: Corpus,
        plan: Plan,
        *,
        seed: int,
        end: date,
        password: str,
        batch: int,
        echo: Any = print,
        progress: bool = True,
    ) -> None:
        self.corpus, self.plan, self.end = corpus, plan, end
        self.rng = random.Random(seed)
        self.password, self.batch = password, batch
        self.echo, self.progress = echo, progress
        self.hub = Hub()
        self._pools: dict[int, list[Document]] = {}
        self.withheld = 0  # cases whose text as shown still held a finding
        self.withheld_practices = 0  # practices whose first sentence read as a name in a title

    # -- plumbing

    def _bar(self, length: int, label: str) -> Any:
        if not self.progress:
            return _NoBar()
        return click.progressbar(length=length, label=label, show_pos=True, file=sys.stderr)

    def _commit(self) -> None:
        from app.extensions import db

        db.session.commit()
        db.session.expunge_all()  # keeps memory flat at 50,000 cases

    # -- steps

    def run(self) -> dict[str, int]:
        started = time.perf_counter()
        self.make_programs()
        self.make_topics()
        self.make_accounts()
        self.make_sessions()
        cases = plan_cases(self.plan, self.corpus, self.hub.sessions, self.end, self.rng)
        assign_follow_ups_and_counts(cases, self.plan, self.rng)
        self.make_cases(cases)
        self.make_practices()
        if self.withheld:
            self.echo(f"{self.withheld:,} cases hold a neutral text for a passage left out.")
        if self.withheld_practices:
            self.echo(
                f"{self.withheld_practices:,} best practices hold a neutral statement for a"
                " sentence left out."
            )
        self.echo(f"Hub generated in {time.perf_counter() - started:.0f} s.")
        return counts()

    def make_programs(self) -> None:
        from app.programs.operations import create_program

        for slug, name, specialties, private in PROGRAMS:
            program = create_program(
                slug,
                name,
                description="Teleconsultation program for " + ", ".join(specialties) + ".",
                template=TEMPLATE,
                private=private,
                actor=SYSTEM,
            )
            self.hub.programs.append(program.id)
        self._commit()

    def make_topics(self) -> None:
        """Specialties, then the corpus's most frequent keywords under them, then the rest;
        leftover keywords become synonyms of the topic whose name they contain."""
        from app.common import text_key
        from app.deid.gate import IdentifiersFound
        from app.programs.models import Topic
        from app.programs.operations import create_topic

        frequency: Counter[str] = Counter()
        spelled: dict[str, str] = {}
        home: dict[str, Counter[str]] = defaultdict(Counter)
        for document in self.corpus.documents:
            for keyword in document.keywords:
                name = " ".join(keyword.split())
                key = text_key(name)
                if not name or len(name) > 100 or key in spelled:
                    if key in spelled:
                        frequency[key] += 1
                        home[key][document.specialty] += 1
                    continue
                spelled[key] = name
                frequency[key] += 1
                home[key][document.specialty] += 1
        specialties = sorted({s for _, _, group, _ in PROGRAMS for s in group})
        ranked = sorted(frequency, key=lambda k: (-frequency[k], k))
        wanted = max(0, self.plan.topics - len(specialties))
        chosen, leftover = ranked[:wanted], ranked[wanted:]
        second = chosen[: max(1, len(chosen) // 6)]
        by_name: dict[str, int] = {}
        # A synonym is a leftover keyword that contains a topic's whole name, e.g.
        # "atrial fibrillation" gets "paroxysmal atrial fibrillation".
        synonyms: dict[str, list[str]] = defaultdict(list)
        chosen_set = set(chosen)
        for key in leftover:
            words = key.split()
            for size in range(len(words) - 1, 0, -1):
                hits = [
                    " ".join(words[i : i + size])
                    for i in range(len(words) - size + 1)
                    if " ".join(words[i : i + size]) in chosen_set
                ]
                if hits and len(synonyms[hits[0]]) < 3:
                    synonyms[hits[0]].append(spelled[key])
                    break
        total = len(specialties) + len(chosen)
        with self._bar(total, "Topics") as bar:
            for specialty in specialties:
                topic = create_topic(
                    specialty, description=f"The {specialty} specialty.", actor=SYSTEM
                )
                by_name[text_key(specialty)] = topic.id
                self.hub.specialty_topic[specialty] = topic.name
                bar.update(1)
            level_two: dict[str, list[int]] = defaultdict(list)
            for rank, key in enumerate(chosen):
                specialty = home[key].most_common(1)[0][0]
                specialty = specialty if specialty in self.hub.specialty_topic else specialties[0]
                if rank < len(second):
                    parent_id = by_name[text_key(specialty)]
                else:
                    siblings = level_two.get(specialty) or level_two[specialties[0]]
                    parent_id = (
                        siblings[rank % len(siblings)] if siblings else by_name[text_key(specialty)]
                    )
                parent = self._get(Topic, parent_id)
                try:
                    topic = create_topic(
                        spelled[key], synonyms=synonyms.get(key, []), parent=parent, actor=SYSTEM
                    )
                except IdentifiersFound:
                    try:
                        topic = create_topic(spelled[key], parent=parent, actor=SYSTEM)
                    except IdentifiersFound:
                        bar.update(1)
                        continue
                by_name[key] = topic.id
                if rank < len(second):
                    level_two[specialty].append(topic.id)
                bar.update(1)
                if rank % 500 == 499:
                    self._commit()
        self.hub.topics = by_name
        self._commit()

    def make_accounts(self) -> None:
        from app.auth.operations import create_user

        first, last = FIRST.split(), LAST.split()
        counts = _spread(self.plan.accounts - len(ROLE_SHARES), [s for _, s in ROLE_SHARES])
        slugs = [slug for slug, *_ in PROGRAMS]
        with self._bar(self.plan.accounts, "Accounts") as bar:
            for (role, _), count in zip(ROLE_SHARES, counts, strict=True):
                # The account that signs in for this role: member of a public and a private
                # program where its role has members.
                member_of = [] if role in ("admin", "curriculum") else ["heart-lung", "pain"]
                user = create_user(
                    f"{role}@{SIGN_IN_DOMAIN}",
                    f"Hub {role.capitalize()}",
                    role,
                    password=self.password,
                    program_slugs=member_of,
                    actor=SYSTEM,
                )
                self._remember(user.id, role, member_of)
                bar.update(1)
                for n in range(count):
                    name = f"{self.rng.choice(first)} {self.rng.choice(last)}"
                    if role in ("provider", "coordinator"):
                        member_of = [slugs[n % len(slugs)]]
                        if self.rng.random() < 0.2:
                            member_of.append(self.rng.choice(slugs))
                    elif role == "expert":
                        member_of = [slugs[n % len(slugs)]] + self.rng.sample(slugs, 2)
                    else:
                        member_of = []
                    member_of = sorted(set(member_of))
                    user = create_user(
                        f"{role}{n:05d}@{SIGN_IN_DOMAIN}",
                        name,
                        role,
                        program_slugs=member_of,
                        actor=SYSTEM,
                    )
                    self._remember(user.id, role, member_of)
                    bar.update(1)
                    if n % 200 == 199:
                        self._commit()
        self._commit()

    def _remember(self, user_id: int, role: str, slugs: list[str]) -> None:
        index = {slug: i for i, (slug, *_) in enumerate(PROGRAMS)}
        self.hub.users[role].append(user_id)
        for slug in slugs:
            self.hub.members[(index[slug], role)].append(user_id)

    def _member(self, program: int, role: str) -> int:
        members = self.hub.members.get((program, role)) or self.hub.users[role]
        return self.rng.choice(members)

    def make_sessions(self) -> None:
        from app.auth.models import User
        from app.programs.models import Program
        from app.programs.operations import create_session

        counts = session_counts(self.plan, program_weights(self.corpus))
        start = self.end - timedelta(days=365 * YEARS)
        topic_names = {
            i: [self.hub.specialty_topic[s] for s in group if s in self.hub.specialty_topic]
            for i, (_, _, group, _) in enumerate(PROGRAMS)
        }
        with self._bar(sum(counts), "Sessions") as bar:
            for p, count in enumerate(counts):
                program = self._get(Program, self.hub.programs[p])
                documents = [
                    d for d in self._documents(p) if d.keywords and self._topic(d.keywords[0])
                ]
                step = (self.end - start).days / count
                dates: list[tuple[int, date]] = []
                for i in range(count):
                    on = start + timedelta(days=int(step * (i + 1)))
                    presenter = self._get(User, self._member(p, "expert"))
                    talk = (
                        self._topic(self.rng.choice(documents).keywords[0])
                        if documents
                        else topic_names[p][0]
                    )
                    session = create_session(
                        program,
                        on,
                        didactic_topic=talk,
                        didactic_presenter=presenter.display_name,
                        attendance_count=self.rng.randint(8, 60),
                        notes="Didactic talk followed by case discussions.",
                        topics=sorted({talk, topic_names[p][0]}),
                        actor=SYSTEM,
                    )
                    dates.append((session.id, on))
                    bar.update(1)
                self.hub.sessions.append(dates)
                self._commit()

    def _documents(self, program: int) -> list[Document]:
        if program not in self._pools:
            self._pools[program] = documents_of(self.corpus, program)
        return self._pools[program]

    def _topic(self, name: str) -> str | None:
        from app.common import text_key

        key = text_key(" ".join(name.split()))
        return " ".join(name.split()) if key in self.hub.topics else None

    def _get(self, model: Any, ident: int) -> Any:
        from app.extensions import db

        return db.session.get(model, ident)

    # -- cases

    def case_content(self, case: CasePlan) -> tuple[Any, list[str]]:
        from app.cases.operations import CaseData

        document = case.document
        sections = document.sections
        keep = max(1, min(len(sections), self.rng.randint(2, 4)))
        first = self.rng.randint(0, len(sections) - keep)
        chosen = sections[first : first + keep]
        body = "\n\n".join(
            f"## {heading.capitalize()}\n\n{self.corpus.clean(text)}" for heading, text in chosen
        )
        summary = self.corpus.clean(document.summary or document.title)
        if case.follows is not None:
            title = "Follow-up: " + document.title
            question = self.rng.choice(FOLLOW_UP_STEMS)
        else:
            title = document.title
            question = f"{summary} {self.rng.choice(QUESTION_STEMS)}"
        topics = [self.hub.specialty_topic.get(document.specialty)] + [
            self._topic(k) for k in document.keywords[:6]
        ]
        names = list(dict.fromkeys(t for t in topics if t))[:5]
        data = CaseData(
            title=self.corpus.clean(title)[:300],
            question=question,
            presentation=body,
            age=self.rng.randint(18, 95),
            sex=self.rng.choice(["female", "male"]),
            topics=names,
        )
        return data, names

    def _plan_sentences(self, document: Document) -> list[str]:
        texts = [t for h, t in document.sections if PLAN_HEADINGS.search(h)] or [
            document.sections[-1][1]
        ]
        sentences = [s.strip() for t in texts for s in _SENTENCE.split(self.corpus.clean(t))]
        return [s for s in sentences if 20 <= len(s) <= 600] or [
            "Continue the current plan and review at the next session."
        ]

    def make_cases(self, programs: list[list[CasePlan]]) -> None:
        """Session by session in date order, so follow-ups come after what they follow;
        one batch of the bulk path (app/cases/bulk.py) per commit."""
        from app.cases.bulk import NewCases
        from app.deid.gate import scanning_once

        everyone = sorted(
            (c for cases in programs for c in cases), key=lambda c: (c.on, c.program, c.number)
        )
        with self._bar(len(everyone), "Cases") as bar:
            for start in range(0, len(everyone), self.batch):
                batch = NewCases(actor=SYSTEM)
                plans = everyone[start : start + self.batch]
                # As an import does: the gate still checks every text, but a text joined
                # here and checked again by the bulk path is scanned once (per batch, so
                # the remembered scans do not grow with the hub).
                with scanning_once():
                    for case in plans:
                        self.make_case(case, batch)
                        bar.update(1)
                    batch.write()
                self._written(batch, plans)
                self._commit()
                if self.progress and not sys.stderr.isatty():  # a log: a line a batch
                    self.echo(f"  {start + len(plans):,} cases, {time.process_time():.0f} s of CPU")

    def _written(self, batch: Any, plans: list[CasePlan]) -> None:
        """The ids of the cases written so far, and their published recommendations."""
        for plan in plans:
            ref = _ref(plan.number)
            if ref in batch.written and plan.number not in self.hub.cases:
                self.hub.cases[plan.number] = batch.written[ref]
                if plan.status in ("recommendations_published", "closed"):
                    self.hub.published[plan.program].extend(batch.recommendations[ref])

    def make_case(self, plan: CasePlan, batch: Any) -> None:
        from app.auth.models import User
        from app.cases.bulk import NewAnnotation, NewOutcome, NewRecommendation
        from app.cases.models import Case, CaseStatus
        from app.deid.gate import IdentifiersFound, redact
        from app.programs.models import Program
        from app.recommendations.models import Recommendation

        rng = self.rng
        program = self._get(Program, self.hub.programs[plan.program])
        presenter = self._get(User, self._member(plan.program, "provider"))
        follows = None
        if plan.follows:
            if batch.is_pending(_ref(plan.follows)):
                batch.write()  # the case it follows is in this batch
            follows_id = self.hub.cases.get(plan.follows) or batch.written.get(_ref(plan.follows))
            follows = self._get(Case, follows_id) if follows_id else None
        data, _ = self.case_content(plan)
        status = CaseStatus(plan.status)
        moment = datetime.combine(plan.on, datetime.min.time()) - timedelta(
            days=rng.randint(3, 20), minutes=rng.randint(0, 600)
        )
        # History as it happened: the case was written before its session, not today.
        times = (moment, moment + timedelta(hours=2) if status is not CaseStatus.DRAFT else None)
        sessions = []
        _, on = self.hub.sessions[plan.program][plan.session]
        if status in (
            CaseStatus.APPROVED,
            CaseStatus.PRESENTED,
            CaseStatus.RECOMMENDATIONS_PUBLISHED,
            CaseStatus.CLOSED,
        ):
            sessions.append((on, status is not CaseStatus.APPROVED))
        publish = status in (CaseStatus.RECOMMENDATIONS_PUBLISHED, CaseStatus.CLOSED)
        sentences = self._plan_sentences(plan.document)
        recommendations = []
        for i in range(plan.recommendations):
            author = self._get(User, self._member(plan.program, "expert"))
            body = self.corpus.joined(
                sentences[(i + j) % len(sentences)] for j in range(rng.randint(1, 2))
            )
            category = rng.choice(["diagnostic", "therapeutic", "referral", "monitoring", "other"])
            references = [rng.choice(REFERENCES)] if rng.random() < 0.2 else []
            bodies = [body]
            edits = 0 if rng.random() < 0.67 else (1 if rng.random() < 0.85 else 2)
            for e in range(edits):
                extra = sentences[(i + e + 3) % len(sentences)]
                bodies.append(
                    self.corpus.joined([bodies[-1].strip(), extra])
                    if e == 0
                    else f"Revised: {body}"
                )
            recommendations.append(
                NewRecommendation(author, category, bodies, references, published=publish)
            )
        others = self._plan_sentences(rng.choice(self._documents(plan.program)))
        for _ in range(plan.annotations):
            kind = rng.choice(sorted(ANNOTATION_STEMS))
            rng.choice(recommendations).annotations.append(
                NewAnnotation(
                    self._get(User, self._member(plan.program, "expert")),
                    kind,
                    self.corpus.joined([ANNOTATION_STEMS[kind] + rng.choice(others)]),
                    [rng.choice(REFERENCES)] if kind == "evidence" else [],
                )
            )
        outcomes = []
        if follows is not None and status is not CaseStatus.DRAFT:
            earlier = self._session_scalars(
                Recommendation, Recommendation.case_id == follows.id, Recommendation.position
            )
            outcomes = [
                NewOutcome(
                    recommendation,
                    rng.choice(["adopted", "adopted", "partly", "not_adopted"]),
                    rng.choice(["improved", "improved", "unchanged", "worse", "unknown"]),
                    rng.choice(OUTCOME_NOTES),
                )
                for recommendation in earlier
            ]
        case = {
            "presenter": presenter,
            "follows": follows,
            "status": status,
            "accepted": [],
            "sessions": sessions,
            "items": recommendations,
            "outcomes": outcomes,
            "times": times,
        }
        try:
            batch.add(_ref(plan.number), program, data, **case)
        except IdentifiersFound:
            # Passages that pass alone can still meet across a join: redact the whole,
            # the recommendations and annotations too.
            data.title, data.question, data.presentation = (
                redact(data.title)[0],
                redact(data.question)[0],
                redact(data.presentation)[0],
            )
            for item in recommendations:
                item.bodies = [redact(b)[0] for b in item.bodies]
                for note in item.annotations:
                    note.body = redact(note.body)[0]
            for _attempt in range(len(recommendations) + 2):
                try:
                    batch.add(_ref(plan.number), program, data, **case)
                    break
                except IdentifiersFound as found:
                    # What only the text as shown holds (Markdown joining two lines into
                    # a name, an HTML entity) has no offsets to redact, and one redaction
                    # can make another finding: a neutral text takes the text's place.
                    refused = {f.field for f in found.findings} | {h.field for h in found.hidden}
                    _withhold(data, recommendations, refused)
                    self.withheld += 1
            else:
                raise RuntimeError(f"case {plan.number}: texts still refused after withholding")

    def _session_scalars(self, model: Any, where: Any, order: Any) -> list[Any]:
        from sqlalchemy import select

        from app.extensions import db

        return list(db.session.scalars(select(model).where(where).order_by(order)))

    # -- best practices

    def make_practices(self) -> None:
        from app.auth.models import User
        from app.deid.gate import IdentifiersFound
        from app.practices.models import BestPractice
        from app.practices.operations import (
            add_evidence,
            change_status,
            edit_practice,
            propose_from_recommendations,
            take_stance,
        )
        from app.programs.models import Session
        from app.recommendations.models import Recommendation

        rng = self.rng
        made: list[int] = []
        programs = [p for p in range(len(PROGRAMS)) if len(self.hub.published[p]) >= 2]
        if not programs:
            return
        with self._bar(self.plan.practices, "Best practices") as bar:
            for n in range(self.plan.practices):
                p = programs[n % len(programs)]
                ids = rng.sample(self.hub.published[p], min(3, len(self.hub.published[p])))
                recommendations = [self._get(Recommendation, i) for i in ids]
                author = self._get(User, self._member(p, "expert"))
                lead = recommendations[0]
                topics = [t.name for t in lead.case.topics][:3]
                sentence = _SENTENCE.split(lead.body)[0][:280]
                subject = topics[-1] if topics else PROGRAMS[p][1]
                # A title opens with its subject capitalised: "nausea: give …" reads to the
                # gate as a user name before a colon, and is refused.
                subject = subject[:1].upper() + subject[1:]
                proposal = {
                    "notes": {r.id: "Discussed at the session." for r in recommendations[:1]},
                    "topics": topics,
                    "author": author,
                    "actor": SYSTEM,
                }
                try:
                    practice = propose_from_recommendations(
                        recommendations, f"{subject}: {sentence}"[:300], sentence, **proposal
                    )
                except IdentifiersFound:
                    # A sentence that passes inside its recommendation can still read as
                    # a name in a title: the proposal then names its subject alone, with a
                    # neutral statement.
                    practice = propose_from_recommendations(
                        recommendations, f"Practice {n + 1} on {subject}", WITHHELD, **proposal
                    )
                    self.withheld_practices += 1
                session_id, _ = rng.choice(self.hub.sessions[p])
                add_evidence(
                    practice,
                    self._get(Session, session_id),
                    note="Didactic on this topic.",
                    added_by=author,
                    actor=SYSTEM,
                )
                add_evidence(
                    practice,
                    lead.case,
                    note="The case that raised it.",
                    added_by=author,
                    actor=SYSTEM,
                )
                stage = rng.random()
                if stage < 0.15 and made:
                    successor_of = self._get(BestPractice, rng.choice(made))
                    if str(successor_of.status) in ("proposed", "emerging", "established"):
                        change_status(
                            successor_of,
                            "superseded",
                            reason="A newer practice replaces it.",
                            editor=author,
                            superseded_by=practice,
                            actor=SYSTEM,
                        )
                if stage > 0.3:
                    change_status(
                        practice,
                        "emerging",
                        reason="Seen in several cases.",
                        editor=author,
                        actor=SYSTEM,
                    )
                if stage > 0.55:
                    edit_practice(
                        practice,
                        title=practice.title,
                        # A paragraph of its own: a first sentence cut after "Dr." (the
                        # corpus's own redaction) would read "Dr. Review" as a name.
                        statement=practice.statement + "\n\nReview at each follow-up.",
                        reason="Added when to review.",
                        topics=topics,
                        editor=author,
                        actor=SYSTEM,
                    )
                    change_status(
                        practice,
                        "established",
                        reason="Endorsed by the hub.",
                        editor=author,
                        actor=SYSTEM,
                    )
                if stage > 0.9:
                    change_status(
                        practice,
                        "retired",
                        reason="No longer current.",
                        editor=author,
                        actor=SYSTEM,
                    )
                for expert_id in sorted(
                    set(rng.sample(self.hub.users["expert"], min(3, len(self.hub.users["expert"]))))
                ):
                    expert = self._get(User, expert_id)
                    dissent = rng.random() < 0.2
                    take_stance(
                        practice,
                        "dissent" if dissent else "endorse",
                        expert=expert,
                        note="Evidence is still thin." if dissent else "",
                        actor=SYSTEM,
                    )
                made.append(practice.id)
                bar.update(1)
                if n % 50 == 49:
                    self._commit()
        self._commit()


_ITEM_FIELD = re.compile(r"recommendations\[(\d+)\]\.(?:annotations\[(\d+)\]\.)?body")


def _withhold(data: Any, recommendations: list[Any], fields: set[str]) -> None:
    """Put WITHHELD in place of each refused text: a case's field or an item's body (the
    gate numbers items from 1)."""
    for name in fields & {"title", "question", "presentation"}:
        setattr(data, name, WITHHELD)
    for name in fields:
        match = _ITEM_FIELD.fullmatch(name)
        if match is None:
            continue
        item = recommendations[int(match.group(1)) - 1]
        if match.group(2) is None:
            item.bodies = [WITHHELD]
        else:
            item.annotations[int(match.group(2)) - 1].body = WITHHELD


def _ref(number: int) -> str:
    return f"hub-{number:06d}"


class _NoBar:
    def __enter__(self) -> _NoBar:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def update(self, n: int) -> None:
        return None


def counts() -> dict[str, int]:
    from sqlalchemy import func, select

    from app.audit.models import AuditEvent
    from app.auth.models import User
    from app.cases.models import Case
    from app.extensions import db
    from app.practices.models import BestPractice, BestPracticeVersion, EvidenceLink
    from app.programs.models import Program, Session, Topic
    from app.recommendations.models import (
        Annotation,
        Outcome,
        Recommendation,
        RecommendationVersion,
    )
    from app.search.models import SearchOutbox

    models = {
        "programs": Program,
        "accounts": User,
        "topics": Topic,
        "sessions": Session,
        "cases": Case,
        "recommendations": Recommendation,
        "recommendation versions": RecommendationVersion,
        "annotations": Annotation,
        "outcomes": Outcome,
        "best practices": BestPractice,
        "practice versions": BestPracticeVersion,
        "evidence links": EvidenceLink,
        "audit events": AuditEvent,
        "search outbox rows": SearchOutbox,
    }
    out = {
        name: db.session.scalar(select(func.count()).select_from(m)) for name, m in models.items()
    }
    out["follow-ups"] = db.session.scalar(
        select(func.count()).select_from(Case).where(Case.follows_id.is_not(None))
    )
    return out


# ---------------------------------------------------------------- canonical dump


def canonical_dump() -> Iterator[str]:
    """The hub's content as sorted lines: texts, dates, statuses and links by natural keys,
    without ids' or clocks' accidents (audit times, password hashes)."""
    from sqlalchemy import func, select

    from app.audit.models import AuditEvent
    from app.auth.models import User
    from app.cases.models import Case
    from app.extensions import db
    from app.practices.models import BestPractice
    from app.programs.models import Program, Session, Topic
    from app.recommendations.models import Outcome, Recommendation
    from app.search.models import SearchOutbox

    def line(*parts: Any) -> str:
        return json.dumps(parts, default=str, ensure_ascii=False)

    s = db.session
    for p in s.scalars(select(Program).order_by(Program.slug)):
        yield line("program", p.slug, p.name, p.private, p.case_template)
    for u in s.scalars(select(User).order_by(User.email)):
        slugs = sorted(m.program.slug for m in u.memberships)
        yield line("user", u.email, u.display_name, str(u.role), slugs)
    for t in s.scalars(select(Topic).order_by(Topic.name_key)):
        yield line("topic", t.name, t.slug, t.synonyms, t.parent.name if t.parent else None)
    for x in s.scalars(select(Session).order_by(Session.program_id, Session.number)):
        yield line(
            "session",
            x.program.slug,
            x.number,
            x.date,
            x.title,
            x.didactic_topic,
            x.didactic_presenter,
            x.attendance_count,
            x.notes,
            [t.name for t in x.topics],
        )
    for c in s.scalars(select(Case).order_by(Case.ref)):
        yield line(
            "case",
            c.ref,
            c.program.slug,
            c.presenter.email if c.presenter else None,
            c.title,
            c.age,
            str(c.sex),
            c.question,
            c.presentation,
            str(c.status),
            c.follows.ref if c.follows else None,
            [t.name for t in c.topics],
            sorted((p.session.number, p.presented) for p in c.presentations),
            c.created_at,
            c.submitted_at,
        )
    for r in s.scalars(select(Recommendation).order_by(Recommendation.id)):
        yield line(
            "recommendation",
            r.case.ref,
            r.position,
            r.author.email,
            str(r.category),
            r.body,
            r.references,
            str(r.status),
            r.version,
            [(v.version, v.body) for v in r.versions],
            [(str(a.kind), a.author.email, a.body, a.references) for a in r.annotations],
        )
    for o in s.scalars(select(Outcome).order_by(Outcome.id)):
        yield line(
            "outcome",
            o.case.ref,
            o.recommendation.case.ref,
            o.recommendation.position,
            str(o.adoption),
            str(o.patient_status),
            o.note,
        )
    for b in s.scalars(select(BestPractice).order_by(BestPractice.id)):
        evidence = [
            (e.kind, e.note, e.session_id and e.session.number, e.case_id and e.case.ref)
            for e in b.evidence
        ]
        yield line(
            "practice",
            b.title,
            b.statement,
            str(b.status),
            b.version,
            b.superseded_by.title if b.superseded_by else None,
            [t.name for t in b.topics],
            evidence,
            [(v.version, str(v.status), v.reason) for v in b.versions],
            sorted((e.expert.email, str(e.stance), e.note) for e in b.endorsements),
        )
    for action, n in s.execute(
        select(AuditEvent.action, func.count())
        .group_by(AuditEvent.action)
        .order_by(AuditEvent.action)
    ):
        yield line("audit", action, n)
    for kind, n in s.execute(
        select(SearchOutbox.entity_type, func.count())
        .group_by(SearchOutbox.entity_type)
        .order_by(SearchOutbox.entity_type)
    ):
        yield line("outbox", kind, n)


# ---------------------------------------------------------------- command line


def generate(
    app: Any,
    corpus_path: Path,
    cases: int,
    *,
    seed: int = 1,
    end: date = DEFAULT_END,
    password: str = DEFAULT_PASSWORD,
    batch: int = 250,
    index: bool = True,
    echo: Any = print,
    progress: bool = True,
) -> dict[str, int]:
    """Build the hub in `app`'s database (which must hold no cases yet); returns the counts."""
    from sqlalchemy import func, select

    from app.cases.models import Case
    from app.extensions import db
    from app.maintenance import initialise

    with app.app_context():
        initialise()
        if db.session.scalar(select(func.count()).select_from(Case)):
            raise SystemExit("The database already holds cases; give an empty one.")
        corpus = Corpus(corpus_path)
        generator = Generator(
            corpus,
            Plan(cases),
            seed=seed,
            end=end,
            password=password,
            batch=batch,
            echo=echo,
            progress=progress,
        )
        result = generator.run()
        db.session.remove()  # the applier writes in its own session (SQLite: one writer)
        from app.maintenance import refresh_planner_statistics

        refresh_planner_statistics()
        if index:
            from app.search.applier import apply_pending
            from app.search.outbox import pending_count

            started, total = time.perf_counter(), pending_count()
            db.session.remove()
            echo(f"Indexing {total:,} changes …")
            apply_pending(app)
            echo(f"Search index up to date in {time.perf_counter() - started:.0f} s.")
        refresh_groups(echo=echo, progress=progress)
        return result


def refresh_groups(*, echo: Any = print, progress: bool = True) -> None:
    """The recurring-question and recommendation groups computed and stored now, as the
    last step: a hub left with them stale would have a benchmark's first request wake the
    background refresher, whose work (and statements) the benchmark would count as its own."""
    from app.curriculum.cli import ProgressBars
    from app.practices.groups import refresh

    started = time.perf_counter()
    if progress:
        bars = ProgressBars()
        try:
            stored = refresh(progress=bars)
        finally:
            bars.close()
    else:
        stored = refresh()
    told = ", ".join(f"{count or 0:,} {kind.value} groups" for kind, count in stored.items())
    echo(f"Groups stored in {time.perf_counter() - started:.0f} s: {told}.")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=2000, help="cases in the hub (target 50000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--corpus", type=Path, default=DEFAULT_CORPUS, help="the shared corpus (JSON Lines)"
    )
    parser.add_argument("--database-url", required=True, help="SQLAlchemy URL of an empty database")
    parser.add_argument("--index-dir", type=Path, required=True, help="search index folder")
    parser.add_argument("--batch", type=int, default=250, help="cases per commit")
    parser.add_argument("--end", type=date.fromisoformat, default=DEFAULT_END, help="last day")
    parser.add_argument("--password", default=DEFAULT_PASSWORD, help="of the ROLE@ accounts")
    parser.add_argument("--no-index", action="store_true", help="leave the index changes pending")
    args = parser.parse_args(argv)
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]
    if args.cases < 1:
        parser.error("--cases must be 1 or more")
    if args.batch < 1:
        parser.error("--batch must be 1 or more")
    if not args.corpus.is_file():
        parser.error(
            f"--corpus: no corpus file at {args.corpus} (the shared corpus of de-identified"
            " documents, JSON Lines with ref, specialty, title, summary, body, keywords)"
        )
    from sqlalchemy import text
    from sqlalchemy.exc import ArgumentError, OperationalError

    from app import create_app

    try:
        app = create_app(
            {
                "SQLALCHEMY_DATABASE_URI": args.database_url,
                "CASEBOOK_INDEX_DIR": str(args.index_dir),
                "CASEBOOK_SEARCH_APPLY": "off",  # indexed once at the end, not during the load
                "SECRET_KEY": "generate-hub",
            }
        )
        with app.app_context():
            from app.extensions import db

            db.session.execute(text("SELECT 1"))
            db.session.remove()
    except (ArgumentError, OperationalError) as exc:
        problem = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        parser.error(f"--database-url: cannot open the database ({problem})")
    plan = Plan(args.cases)
    print(
        f"Generating a hub of {plan.cases:,} cases, {plan.recommendations:,} recommendations,"
        f" {plan.annotations:,} annotations, {plan.sessions:,} sessions, {plan.topics:,} topics,"
        f" {plan.practices:,} best practices, {plan.accounts:,} accounts (seed {args.seed})."
    )
    result = generate(
        app,
        args.corpus,
        args.cases,
        seed=args.seed,
        end=args.end,
        password=args.password,
        batch=args.batch,
        index=not args.no_index,
    )
    width = max(len(k) for k in result)
    for name, value in result.items():
        print(f"  {name:<{width}}  {value:>9,}")
    print(f"Sign in as ROLE@{SIGN_IN_DOMAIN} (provider, expert, coordinator, curriculum, admin).")


if __name__ == "__main__":
    main()
