"""Does a recommendation likely contradict a current best practice?

A text is read clause by clause as *claims*: an action cue and what it acts on. "Check HBV
serologies before every DAA start" claims *do* (check) on {HBV, serologies}; "skip HBsAg
testing" claims *don't* (skip) on {HBsAg, testing}. Negators flip the verb that follows
("do not stop" is *do*, "no need to check" is *don't*), and "X is not needed" claims
*don't* on what comes before it. What a claim acts on runs to the clause's end or to a
word that starts a condition ("before", "until", "while" …), so "do not start DAAs until
the serologies are back" is about DAAs, not about the serologies.

A recommendation contradicts a practice when one of its claims and one of the practice's
(its title and the first sentence of its statement) have opposite polarity and act on the
same thing: a shared clinical word, or a shared concept of the search analyzer (synonyms
and abbreviations, topic synonyms: "HBsAg" meets "HBV serologies" through the Hepatitis B
topic). It is a warning, never a refusal: `scripts/eval_conflicts.py` measures it on
`eval/practices/conflicts.jsonl`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from app.auth import policy
from app.extensions import db
from app.practices.models import BestPractice, EvidenceLink, PracticeStatus, practice_topics
from app.programs.models import Topic
from app.recommendations.models import Recommendation
from app.search.analysis import WORD, ClinicalAnalyzer, glue

# Practices a recommendation is compared with: those the hub currently teaches.
CURRENT = (PracticeStatus.EMERGING, PracticeStatus.ESTABLISHED)

DO, DONT = 1, -1


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Action cues, as lower-cased words (apostrophes split words: "don't" is "don", "t").
DO_VERBS = _words(
    """check checking checked start starting started begin beginning initiate initiating
    continue continuing continued keep keeping maintain maintaining resume restart screen
    screening test testing order ordering obtain document prescribe prescribing co
    coprescribe offer offering give giving dispense provide providing repeat repeating
    monitor monitoring track tracking encourage encouraging support add adding require
    requiring required run review reviewing vaccinate stay always"""
)
DONT_VERBS = _words(
    """skip skipping skipped avoid avoiding stop stopping stopped hold holding discontinue
    discontinuing discontinued defer deferring delay delaying omit withhold withholding
    forgo cease taper tapering tapered wean weaning reduce reducing decrease cut drop
    deprescribe postpone wait waiting cancel"""
)
# Words that turn the next cue around ("do not stop", "no need to check", "without a
# taper"); with no cue close after them they claim *don't* themselves ("no HCC screening").
NEGATORS = _words("not no never don t without against nor")
# "X is not needed", "X is unnecessary": *don't* about what came before.
NOT_NEEDED = re.compile(
    r"\b(?:is|are|be|was|were)\s+(?:not\s+)?(?:needed|necessary|required|indicated|"
    r"unnecessary|recommended)\b"
)
NEGATED_AFTER = re.compile(r"\b(?:unnecessary|not\s+(?:needed|necessary|required|indicated))\b")
# Where what a claim acts on ends: a condition, a reason, a contrast, a time.
BOUNDARIES = _words(
    """before after until unless when while once during because since but so if then
    instead given though although whether rather through with for in at while who
    which that now today"""
)
CLAUSE = re.compile(r"[.;:!?\n()]+|\s[-–—]\s")
REACH = 3  # words between a negator and the cue it turns
OBJECT_WORDS = 8  # content words a claim acts on, at most
# Stems too general to say two claims act on the same thing.
GENERIC = _words(
    """patient dose visit treatment treat therapi medic medicin drug use result care plan
    everi least week month day year time current new first last next risk would should
    can may need mg go ahead now today further instead also onli just all ani sign
    level dure all pleas still even"""
)


@dataclass(frozen=True)
class Claim:
    """An action cue in a clause and the terms (stems and concepts) of what it acts on."""

    polarity: int
    cue: str
    terms: frozenset[str]


@dataclass(frozen=True)
class Contradiction:
    """Why a recommendation likely contradicts a practice: the two claims and what they share."""

    recommendation: Claim
    practice: Claim
    shared: frozenset[str]

    def explain(self) -> str:
        said = "do" if self.recommendation.polarity == DO else "don't"
        return (
            f"the recommendation says “{self.recommendation.cue}” ({said}) where the practice "
            f"says “{self.practice.cue}”"
        )


def _clauses(text: str) -> list[tuple[str, str]]:
    """(lower-cased, as written) of each clause."""
    text = re.sub(r"\]\([^)]*\)", "]", text)  # Markdown link targets are not words
    lowered = glue(text.lower())
    pieces = [c for c in CLAUSE.split(lowered) if c.strip()]
    if len(lowered) != len(text):  # lower-casing changed lengths: quote the lower-cased
        return [(c, c) for c in pieces]
    written = [c for c in CLAUSE.split(text) if c.strip()]
    return (
        list(zip(pieces, written, strict=False))
        if len(written) == len(pieces)
        else [(c, c) for c in pieces]
    )


def claims(text: str, analyzer: ClinicalAnalyzer) -> list[Claim]:
    """Every claim of a text, clause by clause."""
    out: list[Claim] = []
    for clause, written in _clauses(text):
        out.extend(_clause_claims(clause, analyzer, written))
    return out


def _terms_at(clause: str, analyzer: ClinicalAnalyzer) -> list[set[str]]:
    """For each word of the clause (stop words included, by position): its stem unless
    generic, and the concepts that start there."""
    words = WORD.findall(clause)
    at: list[set[str]] = [set() for _ in words]
    for word in analyzer.analyse_query(clause):
        if word.pos >= len(at):
            continue
        if word.text and word.text not in GENERIC and not word.text[:1].isdigit():
            at[word.pos].add(word.text)
        at[word.pos].update(word.concepts)
    return at


def _idiom(words: list[str], i: int) -> bool:
    """A negator that negates nothing: "with or without AFP"."""
    return words[i] == "without" and i >= 2 and words[i - 2 : i] == ["with", "or"]


def _clause_claims(clause: str, analyzer: ClinicalAnalyzer, written: str = "") -> list[Claim]:
    words = WORD.findall(clause)
    shown = WORD.findall(written)
    if len(shown) != len(words):
        shown = words
    terms = _terms_at(clause, analyzer)
    cues: list[tuple[int, int, int]] = []  # (start, end exclusive, polarity)
    i = 0
    while i < len(words):
        word = words[i]
        if word in DO_VERBS or word in DONT_VERBS or (word in NEGATORS and not _idiom(words, i)):
            start, polarity = i, 0
            # A run of cue words read together: "do not stop", "avoid starting",
            # "skip the interaction check", "no need to co-prescribe".
            flips = 0
            j = i
            last_cue = i
            while j < len(words) and j - last_cue <= REACH:
                w = words[j]
                if w in NEGATORS and polarity != 0:
                    break  # a negator turns what follows it: "start X without requiring Y"
                if w in NEGATORS and _idiom(words, j):
                    pass
                elif w in NEGATORS:
                    flips += 1
                    last_cue = j
                elif w in DONT_VERBS:
                    polarity = DONT if polarity == 0 else -polarity
                    last_cue = j
                elif w in DO_VERBS:
                    polarity = DO if polarity == 0 else polarity
                    last_cue = j
                elif w == "need" and j > 0 and words[j - 1] == "no":
                    last_cue = j
                j += 1
            if polarity == 0:
                polarity = DONT if flips else DO
            elif flips % 2:
                polarity = -polarity
            cues.append((start, last_cue + 1, polarity))
            i = last_cue + 1
        else:
            i += 1
    out = []
    for n, (start, end, polarity) in enumerate(cues):
        stop = cues[n + 1][0] if n + 1 < len(cues) else len(words)
        acted: set[str] = set()
        # Content words between the cue words themselves ("skip the interaction check").
        for k in range(start, end):
            if words[k] not in DO_VERBS and words[k] not in DONT_VERBS and words[k] not in NEGATORS:
                acted |= terms[k]
        count = 0
        for k in range(end, stop):
            if words[k] in BOUNDARIES and acted:
                break
            if terms[k]:
                acted |= terms[k]
                count += 1
                if count >= OBJECT_WORDS:
                    break
        cue_text = " ".join(shown[start:end])
        if acted:
            out.append(Claim(polarity, cue_text, frozenset(acted)))
    # "HBV serologies are not needed": a claim about what precedes.
    for match in NOT_NEEDED.finditer(clause):
        before = WORD.findall(clause[: match.start()])
        if not before:
            continue
        acted = set()
        for k in range(len(before) - 1, max(-1, len(before) - 1 - OBJECT_WORDS), -1):
            if before[k] in DONT_VERBS or before[k] in NEGATORS:
                break  # "testing is not needed": a do-verb here names the thing
            acted |= terms[k]
        polarity = DONT if NEGATED_AFTER.search(match.group()) else DO
        if acted:
            out.append(Claim(polarity, match.group(), frozenset(acted)))
    return out


def practice_text(title: str, statement: str) -> str:
    """What a practice asks for: its title and its statement's first sentence."""
    first = re.match(r".+?(?:[.!?](?=\s)|$)", " ".join(statement.split()), re.S)
    return f"{title}.\n{first.group(0) if first else ''}"


def contradiction(
    recommendation: str, practice_claims: Sequence[Claim], analyzer: ClinicalAnalyzer
) -> Contradiction | None:
    """The first pair of opposite claims acting on the same thing, if any."""
    return _first_pair(claims(recommendation, analyzer), practice_claims, same=False)


def agreement(
    recommendation: str, practice_claims: Sequence[Claim], analyzer: ClinicalAnalyzer
) -> Contradiction | None:
    """The first pair of claims with the same polarity acting on the same thing: the
    recommendation gives the practice's advice (the outdated-advice queue's "matches")."""
    return _first_pair(claims(recommendation, analyzer), practice_claims, same=True)


def _first_pair(
    said_claims: Sequence[Claim], practice_claims: Sequence[Claim], *, same: bool
) -> Contradiction | None:
    for said in said_claims:
        for asked in practice_claims:
            if (said.polarity == asked.polarity) != same:
                continue
            shared = said.terms & asked.terms
            if shared:
                return Contradiction(said, asked, frozenset(shared))
    return None


def contradicts(
    recommendation: str, title: str, statement: str, analyzer: ClinicalAnalyzer
) -> Contradiction | None:
    """`contradiction` for one practice given as text (the labelled set's pairs)."""
    return contradiction(
        recommendation, claims(practice_text(title, statement), analyzer), analyzer
    )


# ---------------------------------------------------------------- against the hub's practices


@dataclass
class Conflict:
    """A current practice a recommendation likely contradicts."""

    practice: BestPractice
    reason: str
    shared: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "practice_id": self.practice.id,
            "title": self.practice.title,
            "status": str(self.practice.status),
            "reason": self.reason,
            "url": f"/practices/{self.practice.id}",
        }


class Checker:
    """The current practices with their claims, the topic tree and the analyzer, read once:
    for one recommendation, or for every recommendation an import wrote."""

    def __init__(self, topic_ids: Iterable[int] | None = None) -> None:
        """`topic_ids`: read only the practices that can bear on them (on them, or a broader
        or narrower topic): one recommendation's check need not load every practice's
        evidence."""
        from app.practices.groups import topic_analyzer

        self.parent_of: dict[int, int | None] = {
            child: parent for child, parent in db.session.execute(select(Topic.id, Topic.parent_id))
        }
        self.children: dict[int, list[int]] = {}
        for child, parent in self.parent_of.items():
            if parent is not None:
                self.children.setdefault(parent, []).append(child)
        current = select(BestPractice).where(BestPractice.status.in_(CURRENT))
        if topic_ids is not None:
            on_topics = select(practice_topics.c.practice_id).where(
                practice_topics.c.topic_id.in_(sorted(self.related_topic_ids(topic_ids)))
            )
            current = current.where(BestPractice.id.in_(on_topics))
        self.practices = list(
            db.session.scalars(
                current.options(
                    selectinload(BestPractice.topics),
                    # where its evidence lies decides whose warnings may name it
                    selectinload(BestPractice.evidence).selectinload(EvidenceLink.session),
                    selectinload(BestPractice.evidence).selectinload(EvidenceLink.case),
                    selectinload(BestPractice.evidence)
                    .selectinload(EvidenceLink.recommendation)
                    .selectinload(Recommendation.case),
                ).order_by(BestPractice.id)
            )
        )
        self.analyzer = topic_analyzer() if self.practices else None
        self._claims: dict[int, list[Claim]] = {}

    def related_topic_ids(self, topic_ids: Iterable[int]) -> set[int]:
        """The topics, their broader topics and their narrower topics."""
        found: set[int] = set()
        for topic_id in topic_ids:
            node: int | None = topic_id
            while node is not None and node not in found:  # broader (a cycle must not hang)
                found.add(node)
                node = self.parent_of.get(node)
            stack = list(self.children.get(topic_id, ()))
            while stack:  # narrower
                node = stack.pop()
                if node not in found:
                    found.add(node)
                    stack.extend(self.children.get(node, ()))
        return found

    def practices_for_topics(self, topic_ids: Iterable[int]) -> list[BestPractice]:
        """Current practices on these topics or their broader and narrower ones."""
        ids = self.related_topic_ids(topic_ids)
        return [p for p in self.practices if any(t.id in ids for t in p.topics)]

    def conflicts(self, body: str, topic_ids: Iterable[int], program: Any) -> list[Conflict]:
        """The practices `body` likely contradicts, among those open to everyone who sees
        `program` (the recommendation's): a warning names the practice to its readers."""
        practices = [
            p
            for p in self.practices_for_topics(topic_ids)
            if policy.practice_open_to_program(p, program)
        ]
        if not practices or not (body or "").strip() or self.analyzer is None:
            return []
        found = []
        said = claims(body, self.analyzer)  # once, not once per practice
        for practice in practices:
            if practice.id not in self._claims:
                text = practice_text(practice.title, practice.statement)
                self._claims[practice.id] = claims(text, self.analyzer)
            hit = _first_pair(said, self._claims[practice.id], same=False)
            if hit is not None:
                found.append(Conflict(practice, hit.explain(), _shared_words(hit.shared)))
        return found


def _shared_words(shared: Iterable[str]) -> list[str]:
    return sorted(s.removeprefix("~") for s in shared)


def any_current_practice() -> bool:
    """Whether there is anything to compare with (a hub without practices skips the work)."""
    stmt = select(BestPractice.id).where(BestPractice.status.in_(CURRENT)).limit(1)
    return db.session.scalar(stmt) is not None


def find_conflicts(body: str, topic_ids: Iterable[int], program: Any) -> list[Conflict]:
    """Current practices on the case's topics (and broader and narrower ones) that a
    recommendation's text in `program` likely contradicts. Reads only; never refuses
    anything."""
    if not (body or "").strip() or not any_current_practice():
        return []
    topic_ids = list(topic_ids)
    return Checker(topic_ids).conflicts(body, topic_ids, program)


@dataclass
class CheckedConflict:
    """A likely conflict of a saved recommendation, with the dissent recorded on it if any."""

    conflict: Conflict
    dissent: Any = None  # RecommendationDissent

    def to_dict(self) -> dict[str, Any]:
        out = self.conflict.to_dict()
        out["intentional"] = self.dissent is not None
        out["dissent_reason"] = self.dissent.reason if self.dissent is not None else None
        return out


def check_recommendation(recommendation: Any) -> list[CheckedConflict]:
    """The current practices a saved recommendation likely contradicts, each with the dissent
    its author recorded (practices it was marked as departing from on purpose)."""
    from app.practices.models import RecommendationDissent

    case = recommendation.case
    found = find_conflicts(recommendation.body, [t.id for t in case.topics], case.program)
    if not found:
        return []
    dissents = {
        d.practice_id: d
        for d in db.session.scalars(
            select(RecommendationDissent).where(
                RecommendationDissent.recommendation_id == recommendation.id
            )
        )
    }
    return [CheckedConflict(c, dissents.get(c.practice.id)) for c in found]


def unresolved(checked: Iterable[CheckedConflict]) -> list[CheckedConflict]:
    """Those not marked intentional."""
    return [c for c in checked if c.dissent is None]


IMPORTED = re.compile(r"(\S+) recommendation (\S+): (?:created|updated|overwritten)")
NEW_CASE = re.compile(r"(\S+) case: created")


def imported_conflicts(changes: Sequence[str]) -> list[tuple[Any, Conflict]]:
    """For an import's list of changes ("REF case: created", "REF recommendation KEY:
    updated" …): each recommendation it wrote, with the practices it may contradict."""
    from app.cases.models import Case
    from app.recommendations.models import Recommendation

    keys = [m.group(2) for m in map(IMPORTED.fullmatch, changes) if m]
    refs = [m.group(1) for m in map(NEW_CASE.fullmatch, changes) if m]
    if not (keys or refs) or not any_current_practice():
        return []
    stmt = (
        select(Recommendation)
        .join(Case, Case.id == Recommendation.case_id)
        .options(selectinload(Recommendation.case).selectinload(Case.topics))
        .order_by(Recommendation.id)
    )
    found: dict[int, Any] = {}
    for chunk in range(0, max(len(keys), len(refs)), 500):
        where = []
        if keys[chunk : chunk + 500]:
            where.append(Recommendation.key.in_(keys[chunk : chunk + 500]))
        if refs[chunk : chunk + 500]:
            where.append(Case.ref.in_(refs[chunk : chunk + 500]))
        for rec in db.session.scalars(stmt.where(or_(*where))):
            found[rec.id] = rec
    checker = Checker()
    out = []
    for rec in found.values():
        for conflict in checker.conflicts(
            rec.body, [t.id for t in rec.case.topics], rec.case.program
        ):
            out.append((rec, conflict))
    return out
