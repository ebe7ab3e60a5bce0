"""Questions written as sentences: the scaffolding words dropped, the population kept.

"pregnant patient on suboxone wants to taper" is, for a search, "pregnant suboxone taper":
the words that say how something is asked ("what should we do", "patient", "wants") are in
every case, so requiring them (all the words) finds little and ranking by any of them
brings up whatever repeats them. They are dropped when at least one other word is left, so
a query of only such words ("patient") still searches for them.

Population words (pregnancy, children, older adults) change which case answers: a taper in
pregnancy is not a taper in a 40-year-old man. They weigh POPULATION_BOOST times, and when
a query is relaxed to any of its words, the pregnancy words stay required
(`query.Compiler`).

Lists chosen on the development set in `eval/search/dev/` (its README has the figures).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from app.search.analysis import AnalysedWord, stem

SCAFFOLDING_WORDS = """
what which who whom whose when where why how whether
should shall would could can may might must will do does did doing
we our us you your me my mine someone somebody anyone anybody
patient patients pt pts people guy lady client
want wants wanted wanting need needs needed try trying tried ask asking asks
like best good proper way ways approach approaches option options
anything something thing things else please help advice advise recommend
think thoughts know get getting got go going really just also still currently here
keep keeps kept about regarding concerning
manage managing management handle handling deal dealing
look looking bad worse possible possibly next done not better up
had having been being very so too
won doesn isn don didn wasn aren hasn haven couldn wouldn shouldn cant wont
""".split()  # noqa: SIM905 (a word list reads better as text)
# The auxiliaries and intensifiers a sentence carries ("who had a seizure", "is very slow"),
# and what is left of a contraction once its "n't" is blanked ("won't heal": "won"), or
# "can't", "cannot", "won't" as query.py writes them for the lay forms ("cant", "wont").
# Compared after stemming, so a word whose stem is a clinical word's is not here: "extremely"
# (extremity), "quite" (quit smoking), "person" (personality), "right" (the right knee);
# tests/search/test_scaffolding.py checks the list against the clinical vocabulary.
SCAFFOLDING = frozenset(stem(w) for w in SCAFFOLDING_WORDS)

# Words that say what kind of answer is wanted ("how do we treat", "what is the workup"):
# a note about the condition answers whether or not it says them, so they are optional
# (they add to the score, never required), unless nothing else is left.
TASK_WORDS = """
treat treats treated treating treatment treatments workup work evaluate evaluating evaluation
eval evals assess assessing assessment care
""".split()  # noqa: SIM905
# "eval" is how a provider types evaluation ("peds ADHD eval").
# "management" among keywords says the kind of answer as "treatment" does ("chronic pain
# opioid management": the pain management notes say it in their title); in a sentence ("how
# do we manage") it is scaffolding. One stem for both, so it is dropped only beside other
# scaffolding, and optional as a task word otherwise.
KEYWORD_TASK = frozenset(stem(w) for w in ("manage", "management"))
TASK = frozenset(stem(w) for w in TASK_WORDS) | KEYWORD_TASK
TASK_WEIGHT = 0.3
# In a question (scaffolding was dropped), words that say what kind of answer is asked for
# ("what surgery is done for", "what is causing", "should we start", "what now") are
# optional too; in keywords they stay required ("stress test", "hernia surgery").
ANSWER_WORDS = """
surgery surgeries surgical operation operate procedure procedures step steps
cause causes causing start starting stop stopping safe safely now
test tests testing medication medications medicine medicines therapy diagnosis diagnose
check checks checking checked
lab labs bloodwork med meds newly recently found
""".split()  # noqa: SIM905
# "what should I check": what to look at is the answer, not a word the note must hold.
# "what labs and meds for someone newly found to have HIV": the kinds of answer, and how
# the condition came to light, said in a provider's shorthand.
ANSWER = frozenset(stem(w) for w in ANSWER_WORDS)
# Where the patient is seen ("in the hospital", "fainted at school"): in a question the
# setting rarely names what is wrong, and notes write it in passing (every admission says
# "hospital"), so it is optional as the kind of answer is.
# When, too: "at a diabetic's follow up visit" asks about the patient, not about notes that
# say "follow-up" ("Cataract Extraction Followup").
SETTING_WORDS = """
hospital hospitals school clinic office home
visit visits appointment appointments follow followup followups
night nights nighttime overnight morning mornings evening evenings daytime
""".split()  # noqa: SIM905
# The time of day, too ("low sugars at night"): notes say it in passing ("at night",
# "in the morning") or as "nocturnal", which the query does not type.
SETTING = frozenset(stem(w) for w in SETTING_WORDS)

# Who the patient is, in words notes mostly write as a number or not at all ("a 78-year-old
# male"): optional too, a small boost where a note does say it. Pregnancy and the newborn
# period are not here: notes name them, and they change the answer (POPULATION below).
PERSON_WORDS = """
man men woman women boy boys girl girls male female gentleman adult adults young older
elderly geriatric child children kid kids teen teens teenager teenagers adolescent adolescents
peds paeds
""".split()  # noqa: SIM905
PERSON = frozenset(stem(w) for w in PERSON_WORDS)
PERSON_WEIGHT = 0.5
OPTIONAL_PERSON = True

POPULATION_WORDS = """
pregnant pregnancy pregnancies perinatal prenatal antenatal postpartum peripartum
breastfeeding lactating lactation
child children childhood kid kids pediatric paediatric peds paeds infant infants baby babies
newborn newborns neonate neonates neonatal toddler toddlers
adolescent adolescents teen teens teenager teenagers youth
elderly geriatric older
""".split()  # noqa: SIM905
POPULATION = frozenset(stem(w) for w in POPULATION_WORDS)
POPULATION_BOOST = 1.25
# Required when relaxed: pregnancy and the perinatal period only. Notes state them in words,
# while age is mostly a number ("78-year-old"), so requiring "elderly" or "child" lost the
# relevant notes (development set: questions 0.417 with every population word required,
# 0.459 with these; see eval/search/dev/README.md).
REQUIRED = frozenset(
    stem(w)
    for w in """
    pregnant pregnancy pregnancies perinatal prenatal antenatal postpartum peripartum
    breastfeeding lactating lactation
    """.split()  # noqa: SIM905
)


def without_scaffolding(
    words: Sequence[AnalysedWord], phrases: Collection[int] = ()
) -> list[AnalysedWord]:
    """`words` less the question scaffolding, unless nothing else would be left.

    A word inside a clinical concept ("do not resuscitate") is kept with its concept, and
    so is one at an index in `phrases` (inside a lay phrase: "throwing up", "bad back")."""
    covered: set[int] = set()
    for word in words:
        if word.concepts:
            covered.update(range(word.pos, word.pos + word.span))
    sentence = any(
        w.text in SCAFFOLDING and w.text not in KEYWORD_TASK and w.pos not in covered
        for n, w in enumerate(words)
        if n not in phrases
    )
    kept = [
        w
        for n, w in enumerate(words)
        if w.pos in covered
        or n in phrases
        or w.text not in SCAFFOLDING
        or (w.text in KEYWORD_TASK and not sentence)
    ]
    if not kept or all(not w.text for w in kept):
        return list(words)
    return kept


def is_scaffolding(word: AnalysedWord) -> bool:
    return word.text in SCAFFOLDING


def is_setting(word: AnalysedWord) -> bool:
    return word.text in SETTING


def is_answer(word: AnalysedWord) -> bool:
    return word.text in ANSWER


def is_task(word: AnalysedWord) -> bool:
    return word.text in TASK


def optional_weight(word: AnalysedWord, question: bool = False) -> float | None:
    """The weight of an optional word (a task or who the patient is), None when required.
    `question`: the query was asked as a sentence (it had scaffolding)."""
    if word.text in TASK or (question and (word.text in ANSWER or word.text in SETTING)):
        return TASK_WEIGHT
    if OPTIONAL_PERSON and word.text in PERSON:
        return PERSON_WEIGHT
    return None


def is_person(word: AnalysedWord) -> bool:
    return word.text in PERSON


def is_population(word: AnalysedWord) -> bool:
    return word.text in POPULATION


def is_qualifier(word: AnalysedWord, question: bool) -> bool:
    """In a question relaxed to any word, a population word that is not required says who
    the patient is, not what is wrong: it adds to the score of a note matching another part
    and matches nothing alone ("Well-Child Check" is no answer to "a toddler with a seizure
    and a fever")."""
    return question and word.text in POPULATION and word.text not in REQUIRED


def is_required(word: AnalysedWord) -> bool:
    """A population word that stays required when the query is relaxed to any word."""
    return word.text in REQUIRED
