"""The query language, parsed leniently into Whoosh queries. It never raises.

    plain words           all of them (AND); if that finds too little, any of them (OR)
    "a phrase"            the words in order
    a OR b, a AND b       explicit operators (upper case); parentheses group
    NOT a, -a             exclude
    program:hcv  topic:"Hepatitis C"  type:case  status:closed
    year:2024  year:2020..2023  year:>=2021

Unbalanced quotes and parentheses, unknown fields and stray operators fall back to words.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from whoosh import query as wq

from app.common import name_slugs, slugify
from app.search import abbreviations, conditions, drugs, lay, questions
from app.search.analysis import (
    CONCEPT_PREFIX,
    STOP_WORDS,
    WORD,
    ClinicalAnalyzer,
    glue,
    stems_of,
)
from app.search.engine import CoordOr

# The question is in the content too; the title alone gets its own clause (BM25F boost).
TEXT_FIELDS = (("title", 2.5), ("content", 1.0))
FILTER_FIELDS = {"program", "topic", "type", "status", "year"}
TYPE_ALIASES = {
    "case": "case",
    "cases": "case",
    "recommendation": "recommendation",
    "recommendations": "recommendation",
    "rec": "recommendation",
    "recs": "recommendation",
    "annotation": "annotation",
    "annotations": "annotation",
    "note": "annotation",
    "practice": "practice",
    "practices": "practice",
    "best_practice": "practice",
    "bestpractice": "practice",
    "session": "session",
    "sessions": "session",
    "didactic": "session",
}
MIN_YEAR, MAX_YEAR = 1900, 2200
# A relaxed query of this many parts or fewer is keywords: each part is typed on purpose,
# and a common one ("disease", "placement") qualifies a rarer one (engine.COMMON_SHARE).
# A longer one is a sentence, where several common words together say what is wanted.
KEYWORD_PARTS = 3
# A drug named in a keyword query weighs the notes about what it is given for
# (drugs.DRUG_CONDITIONS) this much of a word, as an optional part: only notes naming the
# drug match. In a question the other words already say the context. Chosen on
# eval/search/dev (docs/search.md): 0.2 and 0.5 as optional, or as an alternative.
CONDITION_WEIGHT = 0.2

# A possessive or a contraction's ending ("patient's", "Crohn's", "won't"): analysed, it is a
# word of its own ("s", "t") that every note holds. Blanked (same length: offsets hold).
_CLITIC = re.compile(r"(?<=\w)['\u2019](?:s|t|re|ve|ll|d|m)\b", re.IGNORECASE)
# "can't", "cannot" and "won't" written as the lay forms write them ("cant pee", "sore that
# wont heal"): blanked, "can't" was "can", and no lay form matched. Same length.
_NEGATED = re.compile(r"\b(?:(can)['\u2019]t|(can)not|(won)['\u2019]t)\b", re.IGNORECASE)


# "L sided weakness", "R-sided chest pain": a lone L or R before "sided" or "side" is left or
# right. Read alone, "l" matched every L-spine level and "Tun-L" catheter in the notes.
_SIDED = re.compile(r"\b([LR])(?=[ -]?sided?\b)", re.IGNORECASE)


# "s/p CABG", "h/o stroke", "c/o chest pain", "DM w/ neuropathy": the shorthand a note writes
# for "status post", "history of", "complains of", "with" says how the patient relates to
# what follows, which is what is searched. Analysed, the letters were words of their own
# ("s", "p") that a query then required and that every note holds. Blanked (same length).
_RELATION = re.compile(r"(?<![\w/])(?:s/p|h/o|c/o|w/(?!o))(?![\w/])", re.IGNORECASE)


# "get a chronic pain patient off their opioids": the verb and its "off" are the lay form
# "get off" (taper, discontinue), typed apart. Moved together (same length) so it matches;
# a few words apart at most, and only the verbs of coming off a medicine.
_SEPARATED_OFF = re.compile(
    r"\b(get|gets|getting|got|come|comes|coming|wean|weaning)((?:\s+[\w'\u2019]+){1,5}?)\s+(off)\b",
    re.IGNORECASE,
)


def _sided(match: re.Match) -> str:
    return "left" if match.group(1) in "Ll" else "right"


def _negated(match: re.Match) -> str:
    word = "cant" if (match.group(1) or match.group(2)) else "wont"
    return word.ljust(len(match.group()))


_TOKEN = re.compile(
    r"""
    (?P<lparen>\()
  | (?P<rparen>\))
  | (?P<neg>[-!])(?=["\w(])
  | (?P<plus>\+)(?=["\w(])
  | (?P<field>[A-Za-z_]+):(?P<fvalue>"[^"]*"?|[^\s()]*)
  | "(?P<phrase>[^"]*)"
  | (?P<word>[^\s()"]+)
    """,
    re.VERBOSE,
)


# ---------------------------------------------------------------- syntax tree


@dataclass
class Words:
    text: str


@dataclass
class Phrase:
    text: str


@dataclass
class Filter:
    name: str
    value: str


@dataclass
class Not:
    child: object


@dataclass
class Group:
    op: str  # "and" | "or"
    children: list = field(default_factory=list)


def parse(text: str) -> Group:
    """The syntax tree of a query. Anything unexpected becomes words."""
    tokens = _tokenize(text or "")
    parser = _Parser(tokens)
    return parser.parse_all()


def _tokenize(text: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for match in _TOKEN.finditer(text[:1000]):
        kind = match.lastgroup
        if kind == "fvalue":
            kind = "field"
        if kind == "field":
            name = match.group("field").lower()
            value = match.group("fvalue").strip('"').strip()
            if name in FILTER_FIELDS and value:
                out.append(("filter", f"{name}\x00{value}"))
            else:  # unknown field, or nothing after the colon: just words
                words = f"{match.group('field')} {value}".strip()
                out.append(("word", words))
        elif kind == "phrase":
            phrase = match.group("phrase").strip()
            if phrase:
                out.append(("phrase", phrase))
        elif kind == "word":
            word = match.group("word")
            if word in ("AND", "OR", "NOT"):
                out.append((word.lower(), word))
            elif word == "&&":
                out.append(("and", word))
            elif word == "||":
                out.append(("or", word))
            else:
                out.append(("word", word))
        elif kind is not None:
            out.append((kind, match.group()))
    return out


class _Parser:
    def __init__(self, tokens: list[tuple[str, str]]) -> None:
        self.tokens = tokens
        self.i = 0

    def peek(self) -> str | None:
        return self.tokens[self.i][0] if self.i < len(self.tokens) else None

    def take(self) -> tuple[str, str]:
        token = self.tokens[self.i]
        self.i += 1
        return token

    def parse_all(self) -> Group:
        children = []
        while self.i < len(self.tokens):
            node = self.parse_or()
            if node is not None:
                children.append(node)
            elif self.i < len(self.tokens):
                self.i += 1  # a stray ")" or operator: skip it
        return Group("and", children)

    def parse_or(self):
        left = self.parse_and()
        children = [left] if left is not None else []
        while self.peek() == "or":
            self.take()
            right = self.parse_and()
            if right is not None:
                children.append(right)
        if not children:
            return None
        return children[0] if len(children) == 1 else Group("or", children)

    def parse_and(self):
        children = []
        while True:
            kind = self.peek()
            if kind in (None, "rparen", "or"):
                break
            if kind == "and":
                self.take()
                continue
            node = self.parse_unary()
            if node is not None:
                children.append(node)
        if not children:
            return None
        return children[0] if len(children) == 1 else Group("and", _merge_words(children))

    def parse_unary(self):
        kind = self.peek()
        if kind in ("not", "neg"):
            self.take()
            child = self.parse_unary()
            return Not(child) if child is not None else None
        if kind == "plus":
            self.take()
            return self.parse_unary()
        return self.parse_atom()

    def parse_atom(self):
        kind, value = self.take()
        if kind == "lparen":
            inner = self.parse_or()
            if self.peek() == "rparen":
                self.take()
            return inner
        if kind == "phrase":
            return Phrase(value)
        if kind == "filter":
            name, _, fvalue = value.partition("\x00")
            return Filter(name, fvalue)
        if kind == "word":
            return Words(value)
        return None  # "rparen" with nothing open, handled by the caller


def _merge_words(children: list) -> list:
    """Adjacent plain words form one run, so multi-word concepts ("heart failure") are seen."""
    merged: list = []
    for child in children:
        if isinstance(child, Words) and merged and isinstance(merged[-1], Words):
            merged[-1] = Words(merged[-1].text + " " + child.text)
        else:
            merged.append(child)
    return merged


# ---------------------------------------------------------------- to Whoosh


@dataclass
class Compiled:
    """A Whoosh query, its any-word variant, and what it needs for snippets and spelling."""

    query: wq.Query | None  # None: nothing to match (empty query)
    loose: wq.Query | None  # the same with words OR-ed, when that differs
    highlight_terms: set[str]
    words: list[str]
    filters: list[wq.Query]
    has_text: bool
    # Lay phrases as typed and the clinical terms searched with them ("water pill":
    # diuretic, furosemide …), for "Also searched" on the results.
    expansions: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)


class Compiler:
    def __init__(self, analyzer: ClinicalAnalyzer) -> None:
        self.analyzer = analyzer
        self.highlight: set[str] = set()
        self.words: list[str] = []
        self.expansions: list[tuple[str, tuple[str, ...]]] = []
        # Inside a lay phrase's clinical terms that name drugs of a class ("water pill":
        # diuretic, furosemide, hydrochlorothiazide): those drugs are the members meant.
        self.members_named = False

    def compile(self, tree: Group) -> Compiled:
        strict = self.node(tree, loose=False, positive=True)
        highlight, words = set(self.highlight), list(self.words)
        expansions = list(self.expansions)
        loose = self.node(tree, loose=True, positive=True)
        self.highlight, self.words = highlight, words
        has_text = _has_text(tree)
        loose_q = loose if repr(loose) != repr(strict) else None
        return Compiled(strict, loose_q, self.highlight, self.words, [], has_text, expansions)

    def node(self, node, *, loose: bool, positive: bool):
        if isinstance(node, Words):
            return self.words_query(node.text, loose=loose, positive=positive)
        if isinstance(node, Phrase):
            return self.phrase_query(node.text, positive=positive)
        if isinstance(node, Filter):
            return filter_query(node.name, node.value)
        if isinstance(node, Not):
            return self.node(node.child, loose=False, positive=False)
        if isinstance(node, Group):
            return self.group_query(node, loose=loose, positive=positive)
        return None

    def group_query(self, node: Group, *, loose: bool, positive: bool):
        includes: list[Any] = []
        excludes: list[Any] = []
        filters: list[Any] = []
        for child in node.children:
            if isinstance(child, Not):
                target = excludes
            elif isinstance(child, Filter) and node.op == "and":
                target = filters
            else:
                target = includes
            built = self.node(child, loose=loose, positive=positive)
            if built is not None:
                target.append(built)
        if node.op == "or":
            if not includes:
                return None
            base = includes[0] if len(includes) == 1 else wq.Or(includes)
        elif not includes:
            base = None
        elif len(includes) == 1:
            base = includes[0]
        else:
            base = _and_or(includes, loose)
        if filters:
            base = wq.And(([base] if base is not None else []) + filters)
            if len(base.subqueries) == 1:
                base = base.subqueries[0]
        elif base is None and excludes:
            base = wq.Every()
        if base is None:
            return None
        if excludes:
            exclude = excludes[0] if len(excludes) == 1 else wq.Or(excludes)
            return wq.AndNot(base, exclude)
        return base

    def term_clause(self, token: str, boost: float = 1.0) -> wq.Query:
        return wq.Or([wq.Term(name, token, boost=weight * boost) for name, weight in TEXT_FIELDS])

    def words_query(self, text: str, *, loose: bool, positive: bool, plain: bool = False):
        """Plain words: each a term, a run naming a clinical concept its concept token.

        Unless `plain` (a lay phrase's clinical terms), question scaffolding is dropped and
        lay phrases gain their clinical terms (`questions`, `lay`); population words are
        boosted and stay required when the query is relaxed to any word."""
        text = _NEGATED.sub(_negated, text)
        text = _SIDED.sub(_sided, text)
        text = _RELATION.sub(lambda m: " " * len(m.group()), text)
        text = _SEPARATED_OFF.sub(r"\1 \3\2", text)
        text = _CLITIC.sub(lambda m: " " * len(m.group()), text)
        clauses = []
        required = []
        optional = []
        if positive and not plain:
            self.words.extend(raw_words(text))
        analysed = self.analyzer.analyse_query(text)
        expand = positive and not plain
        question = False
        if expand:
            # Lay phrases first: their words may also be scaffolding ("throwing up").
            phrases = lay.vocabulary().covered([w.text for w in analysed])
            kept = questions.without_scaffolding(analysed, phrases)
            question, analysed = len(kept) < len(analysed), kept
        stems = [w.text for w in analysed]
        present = {w.pos for w in analysed if w.text}
        found = (
            abbreviations.abbreviations().find(text, present, _context(analysed)) if expand else []
        )
        abbreviated = {pos: a for a in found for pos in a.positions}
        # In a relaxed query, course words outside a condition's name weigh less.
        modifiers = _modifiers(analysed, text, abbreviated) if expand and loose else set()
        part_weights: dict[int, float] = {}
        qualifiers: set[int] = set()
        task_only = expand and all(
            questions.optional_weight(w, question) is not None or not w.text for w in analysed
        )
        i = 0
        while i < len(analysed):
            word = analysed[i]
            if word.concepts:
                token = word.concepts[0]
                clause = self.term_clause(token)
                if token.startswith("~topic-"):
                    # Topic synonyms are looser than clinical ones: the words themselves
                    # count more than the topic they belong to.
                    literal = [self.term_clause(w.text) for w in analysed[i : i + word.span]]
                    lit = literal[0] if len(literal) == 1 else wq.And(literal)
                    clause = wq.Or([lit, self.term_clause(token, 0.6)])
                    if positive:
                        self.highlight.update(w.text for w in analysed[i : i + word.span])
                if positive:
                    self.highlight.add(token)
                treated = self.condition_clause(token) if expand and not question else None
                if treated is not None:
                    optional.append(treated)
                clauses.append(clause)
                # Skip the words the concept covers.
                end = word.pos + word.span
                i += 1
                while i < len(analysed) and analysed[i].pos < end:
                    i += 1
                continue
            abbreviation = abbreviated.get(word.pos)
            if abbreviation is not None:
                span = 1
                while i + span < len(analysed) and analysed[i + span].pos in abbreviation.positions:
                    span += 1
                group = analysed[i : i + span]
                clauses.append(self.abbreviation_clause(group, abbreviation))
                if positive:
                    self.expansions.append((abbreviation.typed, abbreviation.expansions))
                i += span
                continue
            span, clinical = lay.vocabulary().match(stems, i) if expand else (0, ())
            weight = questions.optional_weight(word, question) if expand and not task_only else None
            if not span and weight is not None:
                optional.append(self.term_clause(word.text, weight))
                self.highlight.add(word.text)
                i += 1
                continue
            if span and weight is not None and question and _optional(analysed[i : i + span]):
                # When the patient is seen, asked in a question ("at a diabetic's follow up
                # visit"), is optional even where the lay list maps it (follow up), and so
                # is the kind of answer ("meds").
                optional.append(
                    wq.Or([self.lay_clause(analysed[i : i + span], clinical)], boost=weight)
                )
                self.expansions.append((_surface(text, analysed[i : i + span]), clinical))
                i += span
                continue
            if span and weight is not None and not question and _person(analysed[i : i + span]):
                # Who the patient is, typed among keywords ("asthma exacerbation child"), is
                # optional even where the lay list maps it ("child": pediatric), as it is
                # where it does not ("adolescent"): notes mostly give the age as a number.
                lay_words = self.lay_clause(analysed[i : i + span], clinical)
                optional.append(wq.Or([lay_words], boost=weight))
                self.expansions.append((_surface(text, analysed[i : i + span]), clinical))
                i += span
                continue
            if span:
                clause = self.lay_clause(analysed[i : i + span], clinical)
                if positive:
                    self.expansions.append((_surface(text, analysed[i : i + span]), clinical))
            else:
                span, clause = 1, self.term_clause(word.text)
                if positive:
                    self.highlight.add(word.text)
                members = _class_members().get(word.text)
                if members and positive and not self.members_named:
                    clause = wq.Or([clause, self.members_clause(members)])
                if i in modifiers:
                    clause = wq.Or([clause], boost=conditions.MODIFIER_WEIGHT)
                    part_weights[id(clause)] = conditions.MODIFIER_WEIGHT
            group = analysed[i : i + span]
            if expand and any(questions.is_population(w) for w in group):
                clause = wq.Or([clause], boost=questions.POPULATION_BOOST)
                if any(questions.is_required(w) for w in group):
                    required.append(clause)
                elif any(questions.is_qualifier(w, question) for w in group):
                    _without_title_boost(clause)
                    qualifiers.add(id(clause))
            clauses.append(clause)
            i += span
        if not clauses and optional:
            clauses, optional = optional, []
        if not clauses:
            return None
        if not positive:  # "-heart failure" excludes documents with any of the words
            return clauses[0] if len(clauses) == 1 else wq.Or(clauses)
        others = [c for c in clauses if not any(c is r for r in required)]
        if len(clauses) == 1:
            base = clauses[0]
        elif loose and required and others:
            # Relaxed to any word, a population word is still required.
            base = wq.And(
                [
                    *required,
                    others[0] if len(others) == 1 else _coord(others, part_weights, qualifiers),
                ]
            )
        else:
            base = _coord(clauses, part_weights, qualifiers) if loose else wq.And(clauses)
            if isinstance(base, CoordOr) and len(clauses) <= KEYWORD_PARTS:
                base.common_terms = True
        if optional:
            base = wq.AndMaybe(base, optional[0] if len(optional) == 1 else wq.Or(optional))
        return base

    def members_clause(self, members: tuple[str, ...]) -> wq.Query:
        """A drug class's members (their concepts), weighted drugs.CLASS_WEIGHT."""
        self.highlight.update(CONCEPT_PREFIX + m for m in members)
        terms = [self.term_clause(CONCEPT_PREFIX + m) for m in members]
        return wq.Or(terms, boost=drugs.CLASS_WEIGHT)

    def condition_clause(self, token: str) -> wq.Query | None:
        """The conditions a drug concept is given for, weighted CONDITION_WEIGHT, or None."""
        conditions = drugs.DRUG_CONDITIONS.get(token.removeprefix(CONCEPT_PREFIX))
        if not conditions:
            return None
        shown = set(self.highlight)  # the snippet shows the drug, not its condition
        terms = [self.words_query(c, loose=False, positive=True, plain=True) for c in conditions]
        self.highlight = shown
        terms = [t for t in terms if t is not None]
        return wq.Or(terms, boost=CONDITION_WEIGHT) if terms else None

    def abbreviation_clause(self, words: list, found: abbreviations.Found) -> wq.Query:
        """An abbreviation: its own words, or (as much) what it stands for. Where analysis
        dropped a stop word of it ("T&A"), the letters left are not searched alone."""
        terms = [
            self.words_query(t, loose=False, positive=True, plain=True) for t in found.expansions
        ]
        terms = [t for t in terms if t is not None]
        expanded = wq.Or(terms, boost=abbreviations.EXPANSION_WEIGHT) if terms else None
        if not found.whole and expanded is not None:
            return expanded
        literal = [self.term_clause(w.text, found.letters_weight) for w in words]
        self.highlight.update(w.text for w in words)
        lit = literal[0] if len(literal) == 1 else wq.And(literal)
        return lit if expanded is None else wq.Or([lit, expanded])

    def lay_clause(self, words: list, clinical: tuple[str, ...]) -> wq.Query:
        """A lay phrase: its own words, or (weighted lower) the clinical terms it stands for."""
        literal = [self.term_clause(w.text) for w in words]
        self.highlight.update(w.text for w in words)
        lit = literal[0] if len(literal) == 1 else wq.Or([wq.And(literal)], boost=lay.APART_WEIGHT)
        self.members_named = self.names_members(clinical)
        try:
            terms = [self.words_query(t, loose=False, positive=True, plain=True) for t in clinical]
        finally:
            self.members_named = False
        terms = [t for t in terms if t is not None]
        if not terms:
            return lit
        return wq.Or([lit, wq.Or(terms, boost=lay.EXPANSION_WEIGHT)])

    def names_members(self, terms: tuple[str, ...]) -> bool:
        """Some of `terms` name a drug class's member (a lay phrase's own drug names)."""
        members = _all_members()
        return any(
            concept.removeprefix(CONCEPT_PREFIX) in members
            for term in terms
            for word in self.analyzer.analyse_query(term)
            for concept in word.concepts
        )

    def phrase_query(self, text: str, *, positive: bool):
        words = [w for w in self.analyzer.words(text)]
        if not words:
            return None
        if len(words) == 1:
            return self.words_query(text, loose=False, positive=positive)
        stems = [w[0] for w in words]
        concepts = self.analyzer.table.phrases.get(tuple(stems))
        if concepts:
            # A quoted clinical term ("heart failure") is its concept: every form of it,
            # and no positions to check.
            if positive:
                self.highlight.add(concepts[0])
                self.words.extend(raw_words(text))
            return self.term_clause(concepts[0])
        gaps = words[-1][1] - words[0][1] - (len(words) - 1)
        slop = 1 + gaps
        if positive:
            self.highlight.update(stems)
            self.words.extend(raw_words(text))
        return wq.Or(
            [
                wq.Phrase("title", stems, slop=slop, boost=3.0),
                wq.Phrase("content", stems, slop=slop),
            ]
        )


def _without_title_boost(clause: wq.Query) -> None:
    """The title's terms of `clause` weigh as the content's. Who the patient is, asked in a
    question, says little about what a note is about when its title says it ("Well-Child
    Check", "Normal Newborn H&P", "Adult Hydrocephalus")."""
    for sub in getattr(clause, "subqueries", ()):
        if isinstance(sub, wq.Term) and sub.fieldname == "title":
            sub.boost /= dict(TEXT_FIELDS)["title"]
        else:
            _without_title_boost(sub)


def _person(words: list) -> bool:
    """Every word is one of who the patient is (`questions.PERSON`)."""
    return all(questions.is_person(w) for w in words)


@cache
def _class_members() -> dict[str, tuple[str, ...]]:
    """A drug class's stems ("opioid", "benzo") -> its members' concepts."""
    return {
        stem: members
        for forms, members in drugs.DRUG_CLASSES.items()
        for form in forms
        for stem in stems_of(form)
    }


@cache
def _all_members() -> frozenset[str]:
    return frozenset(m for members in drugs.DRUG_CLASSES.values() for m in members)


def _optional(words: list) -> bool:
    """Every word says when or where the patient is seen, or the kind of answer, or is
    scaffolding ("follow up visit", "meds"): optional in a question."""
    return all(
        questions.is_setting(w) or questions.is_answer(w) or questions.is_scaffolding(w)
        for w in words
    )


def _context(analysed: list) -> dict[int, set[str]]:
    """Each kept word's stem and concepts, by position: what ambiguous letters are read by."""
    return {
        w.pos: {w.text, *(c.removeprefix(CONCEPT_PREFIX) for c in w.concepts)}
        for w in analysed
        if w.text
    }


def _surface(text: str, words: list) -> str:
    """The words of `text` at the positions of `words` (analysed), as typed."""
    lowered = text.lower()
    # The analyzer's positions count words after gluing ("a fib"), same length as typed.
    tokens = list(WORD.finditer(glue(lowered) if len(lowered) == len(text) else lowered))
    first, last = words[0].pos, words[-1].pos
    if last >= len(tokens):
        return " ".join(w.text for w in words)
    return text[tokens[first].start() : tokens[last].end()]


def raw_words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text) if w.lower() not in STOP_WORDS]


def _and_or(clauses: list, loose: bool) -> wq.Query:
    return CoordOr(clauses) if loose else wq.And(clauses)


def _coord(
    clauses: list, part_weights: dict[int, float], qualifiers: Collection[int] = ()
) -> CoordOr:
    """Any of `clauses`; those in `part_weights` (by id) weigh that share of the coordination,
    those in `qualifiers` (by id) match only beside another part."""
    coord = CoordOr(clauses)
    if any(id(c) in qualifiers for c in clauses):
        coord.qualifiers = tuple(n for n, c in enumerate(clauses) if id(c) in qualifiers)
    if any(id(c) in part_weights for c in clauses):
        coord.weights = tuple(part_weights.get(id(c), 1.0) for c in clauses)
    return coord


def _typed_words(text: str) -> list[str]:
    """The words of `text` as typed, numbered as the analyzer numbers them."""
    lowered = text.lower()
    if len(lowered) != len(text):
        return [m.group() for m in WORD.finditer(lowered)]
    return [text[m.start() : m.end()] for m in WORD.finditer(glue(lowered))]


def _unread_abbreviation(word: str) -> bool:
    """A word typed in capitals ("PE", "AF") that is no listed abbreviation."""
    return len(word) > 1 and word.isupper() and not abbreviations.abbreviations().expansions(word)


def _modifiers(analysed: list, text: str, abbreviated: dict) -> set[int]:
    """Indexes of `analysed` that are course words outside a condition's name
    (`conditions`): an abbreviation is read as what it stands for, and one typed in capitals
    that is not listed leaves the course word beside it whole."""
    spelled = {
        n: [stems_of(t) for t in abbreviated[w.pos].expansions]
        for n, w in enumerate(analysed)
        if w.pos in abbreviated
    }
    typed = _typed_words(text)
    unread = {
        n
        for n, w in enumerate(analysed)
        if n not in spelled
        and not w.concepts
        and w.pos < len(typed)
        and _unread_abbreviation(typed[w.pos])
    }
    return conditions.condition_phrases().modifiers(
        [w.text for w in analysed], [w.pos for w in analysed], spelled, unread
    )


def _has_text(node) -> bool:
    if isinstance(node, Words | Phrase):
        return True
    if isinstance(node, Group):
        return any(_has_text(c) for c in node.children)
    return False


def _topic_slugs(value: str) -> set[str]:
    return {slugify(value), next(name_slugs(value.strip()))}


def filter_query(name: str, value: str) -> wq.Query | None:
    value = value.strip()
    if not value:
        return None
    if name == "program":
        return wq.Or([wq.Term("program", v.strip().lower()) for v in value.split(",") if v])
    if name == "topic":
        # A topic's name is read as the slug it spells, or the one a topic so named gets.
        slugs = {s for v in value.split(",") if v.strip() for s in _topic_slugs(v)}
        return wq.Or([wq.Term("topics", slug) for slug in sorted(slugs)])
    if name == "type":
        kinds = [TYPE_ALIASES.get(v.strip().lower().replace(" ", "_")) for v in value.split(",")]
        kinds = [k for k in kinds if k]
        if not kinds:
            return wq.NullQuery
        return wq.Or([wq.Term("type", k) for k in kinds])
    if name == "status":
        return wq.Or(
            [
                wq.Term("status", v.strip().lower().replace(" ", "_"))
                for v in value.split(",")
                if v.strip()
            ]
        )
    if name == "year":
        low, high = parse_year_range(value)
        if low is None and high is None:
            return None
        return year_range(low, high)
    return None


def year_range(low: int | None, high: int | None) -> wq.Query:
    return wq.NumericRange("year", low, high)


def parse_year_range(value: str) -> tuple[int | None, int | None]:
    """ "2024", "2020..2023", "2020-2023", ">=2021", ">2020", "<2019", "2020.." -> bounds."""
    text = value.replace(" ", "")
    match = re.fullmatch(r"(>=|<=|>|<)?(\d{4})", text)
    if match:
        op, year = match.group(1), _year(match.group(2))
        if year is None:
            return None, None
        return {
            None: (year, year),
            ">=": (year, None),
            ">": (year + 1, None),
            "<=": (None, year),
            "<": (None, year - 1),
        }[op]
    match = re.fullmatch(r"(\d{4})?(?:\.\.|-|to)(\d{4})?", text)
    if match and (match.group(1) or match.group(2)):
        low = _year(match.group(1)) if match.group(1) else None
        high = _year(match.group(2)) if match.group(2) else None
        if low is not None and high is not None and low > high:
            low, high = high, low
        return low, high
    return None, None


def _year(text: str) -> int | None:
    year = int(text)
    return year if MIN_YEAR <= year <= MAX_YEAR else None


def compile_query(text: str, analyzer: ClinicalAnalyzer) -> Compiled:
    """Parse and compile; on any internal surprise, treat the whole text as plain words."""
    try:
        return Compiler(analyzer).compile(parse(text))
    except Exception:  # noqa: BLE001 - a query must never fail; words are the fallback
        plain = re.sub(r"[^\w\s]", " ", text or "")
        return Compiler(analyzer).compile(Group("and", [Words(plain)] if plain.strip() else []))
