"""The shapes of the API's bodies and answers, as pydantic models: published in the OpenAPI
document, used to validate requests and to build the answers (app.api.spec says how)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime
from typing import Annotated, Any, Generic, Literal, Self, TypeAlias, TypeVar

from pydantic import (
    AfterValidator,
    AllowInfNan,
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    RootModel,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
    StringConstraints,
    WithJsonSchema,
)
from pydantic.json_schema import SkipJsonSchema

from app.attendance.models import AttendanceSource, CreditType
from app.attendance.operations import MAX_SIGNER, MAX_STATEMENT
from app.auth.models import Role
from app.cases.models import CaseStatus, Sex, WithdrawalReason
from app.deid.gate import ACCEPT_REASONS, Acceptance
from app.inputs import (
    ACCOUNT_EMAIL_PATTERN,
    CATEGORY_PATTERN,
    DATE_PATTERN,
    DIGEST_PATTERN,
    EMAIL_PATTERN,
    FIELD_KEY_PATTERN,
    FIRST_YEAR,
    LAST_YEAR,
    MAX_ID,
    MAX_PAGE,
    NOT_BLANK_PATTERN,
    PLAIN_TEXT_PATTERN,
)
from app.mail import Delivery
from app.outdated.models import OutdatedBecause, PracticeChange, ReviewState
from app.outdated.operations import RESOLUTIONS
from app.practices.models import PracticeStatus, Stance
from app.programs.models import TopicStatus
from app.programs.operations import FIELD_TYPES
from app.recommendations.models import (
    Adoption,
    AnnotationKind,
    PatientStatus,
    RecommendationCategory,
    RecommendationStatus,
)
from app.teaching import operations as teaching


def _enum(enum_cls: Any) -> dict[str, Any]:
    return {"type": "string", "enum": [m.value for m in enum_cls]}


# Text a column can store: no NUL (app.inputs.check_text refuses it, and lone surrogates,
# naming the field) ...
PLAIN = PLAIN_TEXT_PATTERN
# ... and at least one character that is not white space.
NOT_BLANK = NOT_BLANK_PATTERN
TEXT = {"type": "string", "maxLength": 100_000, "pattern": PLAIN}
SHORT = {"type": "string", "maxLength": 300, "pattern": PLAIN}
REQUIRED_TEXT = {"type": "string", "minLength": 1, "maxLength": 100_000, "pattern": NOT_BLANK}
REQUIRED_SHORT = {"type": "string", "minLength": 1, "maxLength": 300, "pattern": NOT_BLANK}
ID = {"type": "integer", "minimum": 1, "maximum": MAX_ID}
DATE = {
    "type": "string",
    "format": "date",
    "pattern": DATE_PATTERN,
    "description": f"YYYY-MM-DD, years {FIRST_YEAR} to {LAST_YEAR}",
}
TOPIC = {"type": "string", "maxLength": 120, "pattern": PLAIN}
REFERENCES = {
    "type": "array",
    "items": {"type": "string", "maxLength": 500, "pattern": PLAIN},
    "maxItems": 50,
}
# ------------------------------------------------------------------ pydantic models


class ApiModel(BaseModel):
    """A shape of the API. Unknown fields are refused (in a body) or a programming error (in
    an answer); patterns are Python's, as jsonschema checks them in the published schema."""

    model_config = ConfigDict(extra="forbid", regex_engine="python-re")


T = TypeVar("T")
# A field a body may leave out but not send as null: the model holds None when it is left
# out, and the published schema (what a body is checked against) has no null.
Omittable: TypeAlias = T | SkipJsonSchema[None]

Text = Annotated[StrictStr, StringConstraints(max_length=100_000, pattern=PLAIN)]
RequiredShort = Annotated[
    StrictStr, StringConstraints(min_length=1, max_length=300, pattern=NOT_BLANK)
]
Topic = Annotated[StrictStr, StringConstraints(max_length=120, pattern=PLAIN)]
# Integers are not strict: JSON does not tell 5 from 5.0, nor does the published schema.
Id = Annotated[int, Field(ge=1, le=MAX_ID)]
# Times as the API has always written them (datetime.isoformat: no zone added or changed).
Time = Annotated[datetime, PlainSerializer(datetime.isoformat, return_type=str)]


def _utc(value: datetime) -> str:
    """RFC 3339, as date-time says: stored times are UTC without an offset."""
    return (value if value.tzinfo else value.replace(tzinfo=UTC)).isoformat()


# Times some answers have always given with their offset (tokens, teaching sets).
UtcTime = Annotated[
    datetime,
    PlainSerializer(_utc, return_type=str),
    WithJsonSchema({"type": "string", "format": "date-time"}),
]


def _accept_reason(value: str) -> str:
    if value not in ACCEPT_REASONS:
        raise ValueError("must be one of: " + ", ".join(ACCEPT_REASONS))
    return value


AcceptReason = Annotated[
    StrictStr,
    AfterValidator(_accept_reason),
    WithJsonSchema({"type": "string", "enum": list(ACCEPT_REASONS)}),
]


class AcceptedFinding(ApiModel):
    field: Annotated[StrictStr, StringConstraints(max_length=200, pattern=PLAIN)]
    start: Annotated[int, Field(ge=0, le=10_000_000)]
    end: Annotated[int, Field(ge=0, le=10_000_000)]
    reason: AcceptReason
    category: Annotated[StrictStr, StringConstraints(pattern=CATEGORY_PATTERN)] = Field(
        description="The finding's category from the 422 answer (required): the acceptance "
        "holds only for a finding of that category at these offsets (an edited text that puts "
        "another identifier there is refused again).",
    )
    digest: Omittable[Annotated[StrictStr, StringConstraints(pattern=DIGEST_PATTERN)]] = Field(
        default=None,
        description="The finding's digest from the 422 answer: given, the acceptance holds "
        "only while the text at these offsets is the text that was refused (send it: an "
        "acceptance kept for an edited text then accepts nothing else).",
    )

    def acceptance(self, origin: str | None = None) -> Acceptance:
        return Acceptance(
            self.field, self.start, self.end, self.reason, self.category, self.digest, origin
        )


def acceptances(items: Iterable[AcceptedFinding] | None) -> list[Acceptance]:
    """A body's `accept_findings` as the gate's acceptances, each named by its place in the
    body (`accept_findings[0]`) for a refusal."""
    return [item.acceptance(f"accept_findings[{i}]") for i, item in enumerate(items or ())]


AcceptFindings = Annotated[
    list[AcceptedFinding],
    Field(
        description="Findings of the de-identification gate that are not identifiers: the "
        "field and offsets from the 422 answer, with a reason."
    ),
]


class Page(ApiModel, Generic[T]):
    """One page of a list; a subclass per item names it in the document."""

    total: int
    page: int
    per_page: int
    results: list[T]

    @classmethod
    def of(cls, items: list[T]) -> Self:
        """A short list (a case's recommendations, say) as the one page of itself."""
        return cls(total=len(items), page=1, per_page=max(len(items), 1), results=items)


# ---- cases


class Person(ApiModel):
    id: int
    display_name: str


class CaseSession(ApiModel):
    """A session a case is on the agenda of."""

    id: int
    date: date
    number: int
    presented: bool


class ReviewComment(ApiModel):
    body: str
    author: Person | None
    created_at: Time


class RiskSignal(ApiModel):
    field: str
    start: int
    end: int
    kind: str
    label: str
    advice: str


class DeidRisk(ApiModel):
    level: str
    kinds: list[str]
    message: str
    signals: list[RiskSignal]


class Case(ApiModel):
    id: int
    ref: str | None
    program: str
    title: str
    age: str | None
    sex: Sex | None
    status: CaseStatus
    question: str
    presentation: str
    fields: dict[str, Any]
    topics: list[str]
    sessions: list[CaseSession]
    presenter: Person | None
    follows_id: int | None
    follow_up_ids: list[int]
    review_comments: list[ReviewComment]
    deid_risk: DeidRisk | None = Field(
        description="Re-identification warning: quasi-identifiers that together may point at"
        " one person (field, offsets, kind, advice; never the text). A warning, not a refusal."
    )
    created_at: Time
    updated_at: Time
    url: str
    withdrawn_at: Time | None = Field(
        default=None,
        description="Only for the program's coordinators and admins: when the case was"
        " withdrawn (null: it is not). Others never see a withdrawn case (404).",
    )
    withdrawal_reason: WithdrawalReason | None = Field(
        default=None, description="Only with withdrawn_at."
    )


class CasePage(Page[Case]):
    pass


FieldText = Annotated[StrictStr, StringConstraints(max_length=2000, pattern=PLAIN)]
# A number too large for a float (1e400) would be stored as infinity and answered as null.
Scalar = StrictInt | Annotated[StrictFloat, AllowInfNan(False)] | StrictBool
# A value of a program's case-form field; the program's template checks it further.
FieldValue = FieldText | Scalar | list[FieldText | Scalar] | None
# A key is quoted where its value is (errors, audit details), so it is a name, not text.
FieldKey = Annotated[StrictStr, StringConstraints(pattern=FIELD_KEY_PATTERN)]
Age = (
    Annotated[int, Field(ge=0, le=130)]
    | Annotated[StrictStr, StringConstraints(max_length=3, pattern=PLAIN)]
    | None
)


class CaseUpdate(ApiModel):
    """What a body may change of a case; a field left out stays as it is."""

    title: Omittable[RequiredShort] = None
    age: Age = None
    sex: Sex | None = None
    question: Omittable[Text] = None
    presentation: Omittable[Text] = None
    fields: Omittable[dict[FieldKey, FieldValue]] = None
    topics: Omittable[Annotated[list[Topic], Field(max_length=30)]] = None
    accept_findings: Omittable[AcceptFindings] = None


class _CaseStart(ApiModel):
    program: Annotated[StrictStr, StringConstraints(min_length=1, max_length=64, pattern=PLAIN)]
    follows_id: Omittable[Id] = None


# The program comes first, as it always has: of two missing fields, the first is reported.
class CaseCreate(CaseUpdate, _CaseStart):
    title: RequiredShort


class CaseAction(ApiModel):
    action: Literal["submit", "recall", "withdraw", "approve", "return", "close"] = Field(
        description="'recall' takes a submitted or returned case back to draft; 'withdraw' is"
        " its deprecated v1 name (kept as an alias, it does not withdraw: that is"
        " POST /api/v1/cases/{case_id}/withdrawal)."
    )
    comment: Omittable[Annotated[StrictStr, StringConstraints(max_length=5000, pattern=PLAIN)]] = (
        Field(default=None, description="Required with action 'return'.")
    )
    accept_findings: Omittable[AcceptFindings] = None


class Withdrawal(ApiModel):
    case_id: int
    withdrawn_at: Time
    reason: WithdrawalReason


class WithdrawalCreate(ApiModel):
    reason: WithdrawalReason = Field(
        description="Why, as a category: no free text is stored with a withdrawal."
    )


# ---- recommendations, annotations, outcomes

RequiredText = Annotated[
    StrictStr, StringConstraints(min_length=1, max_length=100_000, pattern=NOT_BLANK)
]
References = Annotated[
    list[Annotated[StrictStr, StringConstraints(max_length=500, pattern=PLAIN)]],
    Field(max_length=50),
]


class Annotation(ApiModel):
    id: int
    recommendation_id: int
    author: Person | None
    kind: AnnotationKind
    body: str
    references: list[str]
    created_at: Time


class AnnotationPage(Page[Annotation]):
    pass


class Conflict(ApiModel):
    """A current best practice a recommendation may contradict."""

    practice_id: int
    title: str
    status: str
    reason: str
    url: str
    intentional: bool
    dissent_reason: str | None


class Recommendation(ApiModel):
    id: int
    case_id: int
    author: Person | None
    category: RecommendationCategory
    body: str
    references: list[str]
    status: RecommendationStatus
    version: int
    published_at: Time | None
    created_at: Time
    annotations: list[Annotation]
    conflicts: list[Conflict] = Field(
        default_factory=list,
        description="Only when written, edited or published: current best practices the"
        " text may contradict (a warning; nothing was refused).",
    )


class RecommendationPage(Page[Recommendation]):
    pass


class RecommendationVersion(ApiModel):
    """An earlier text of a recommendation."""

    version: int
    category: RecommendationCategory
    body: str
    references: list[str]
    edited_by: Person | None
    created_at: Time


class RecommendationVersions(ApiModel):
    results: list[RecommendationVersion]


class _RecommendationText(ApiModel):
    body: Omittable[RequiredText] = None
    category: Omittable[RecommendationCategory] = None
    references: Omittable[References] = None
    accept_findings: Omittable[AcceptFindings] = None


class RecommendationUpdate(_RecommendationText):
    """What an edit may change; a field left out stays as it is."""

    version: Omittable[Annotated[int, Field(ge=1)]] = Field(
        default=None,
        description="The version this edit was made from (the `version` read): when another"
        " was saved since, the edit is refused with 409 instead of replacing it unseen.",
    )


class RecommendationCreate(_RecommendationText):
    body: RequiredText
    category: RecommendationCategory
    publish: Omittable[bool] = None


class AnnotationCreate(ApiModel):
    kind: AnnotationKind
    body: RequiredText
    references: Omittable[References] = None
    accept_findings: Omittable[AcceptFindings] = None


class Outcome(ApiModel):
    id: int
    case_id: int
    recommendation_id: int
    adoption: Adoption
    patient_status: PatientStatus
    note: str
    recorded_at: Time


class OutcomePage(Page[Outcome]):
    pass


class OutcomeCreate(ApiModel):
    recommendation_id: Id
    adoption: Adoption
    patient_status: PatientStatus
    note: Omittable[Text] = None
    accept_findings: Omittable[AcceptFindings] = None


# ---- programs and sessions


class Program(ApiModel):
    id: int
    slug: str
    name: str
    description: str
    private: bool
    template: dict[str, Any]


class ProgramPage(Page[Program]):
    pass


class AgendaItem(ApiModel):
    """A case on a session's agenda, for those who may see it listed."""

    case_id: int
    title: str
    status: CaseStatus
    presented: bool


class Session(ApiModel):
    id: int
    program: str
    number: int
    date: date
    title: str
    didactic_topic: str
    didactic_presenter: str
    attendance_count: int | None
    notes: str
    topics: list[str]
    cases: list[AgendaItem] = Field(
        default_factory=list,
        description="The agenda: with one session (read, written or scheduled into), not in a"
        " program's list of sessions.",
    )


class SessionPage(Page[Session]):
    pass


# The hand-written schema these replace is kept as it was, so that a refused body is told
# why in the same words (a date not written YYYY-MM-DD fails the pattern; a pydantic
# Optional[int] would be published as anyOf, "not an accepted value").
SessionDate = Annotated[StrictStr, WithJsonSchema(DATE)]
Short = Annotated[StrictStr, StringConstraints(max_length=300, pattern=PLAIN)]
AttendanceCount = Annotated[
    Annotated[int, Field(ge=0, le=1_000_000)] | None,
    WithJsonSchema({"type": ["integer", "null"], "minimum": 0, "maximum": 1_000_000}),
]


class SessionUpdate(ApiModel):
    """What a body may change of a session; a field left out stays as it is."""

    date: Omittable[SessionDate] = None
    title: Omittable[Short] = None
    didactic_topic: Omittable[Short] = None
    didactic_presenter: Omittable[Short] = None
    attendance_count: AttendanceCount = None
    notes: Omittable[Text] = None
    topics: Omittable[Annotated[list[Topic], Field(max_length=30)]] = None
    accept_findings: Omittable[AcceptFindings] = None


class SessionCreate(SessionUpdate):
    date: SessionDate
    number: Omittable[Annotated[int, Field(ge=1, le=MAX_PAGE)]] = None


class Schedule(ApiModel):
    case_id: Id


# ---- best practices

_ONE_PRACTICE = "Only in the answer about one practice, not in the list of practices."


class SessionRef(ApiModel):
    id: int
    program: str
    number: int
    date: date


class RecommendationRef(ApiModel):
    id: int
    case_id: int
    category: RecommendationCategory
    body: str
    author: str
    session: SessionRef | None


class Evidence(ApiModel):
    id: int
    kind: Literal["session", "case", "recommendation"]
    target_id: int
    note: str


class TimelineCase(ApiModel):
    id: int
    title: str
    note: str


class TimelineRecommendation(RecommendationRef):
    note: str


class TimelineEntry(ApiModel):
    date: date
    program: str
    session_id: int
    session_number: int
    session_title: str
    notes: list[str]
    cases: list[TimelineCase]
    recommendations: list[TimelineRecommendation]


class PracticeOutcomes(ApiModel):
    total: int
    adoption: dict[str, int]
    patient_status: dict[str, int]


class Endorsement(ApiModel):
    expert: str
    stance: Stance
    note: str


class PracticeVersion(ApiModel):
    version: int
    status: PracticeStatus
    title: str
    reason: str
    created_at: Time


class RecommendationDissent(ApiModel):
    """A recommendation marked as departing from a best practice on purpose."""

    id: int
    recommendation_id: int
    case_id: int
    program: str
    practice_id: int
    expert: str | None
    reason: str
    updated_at: Time


class BestPractice(ApiModel):
    id: int
    title: str
    statement: str
    status: PracticeStatus
    version: int
    topics: list[str]
    superseded_by_id: int | None
    url: str
    evidence: list[Evidence] = Field(default_factory=list, description=_ONE_PRACTICE)
    timeline: list[TimelineEntry] = Field(default_factory=list, description=_ONE_PRACTICE)
    # Left out of a list, never null: the document says no null either.
    outcomes: Omittable[PracticeOutcomes] = Field(default=None, description=_ONE_PRACTICE)
    endorsements: list[Endorsement] = Field(default_factory=list, description=_ONE_PRACTICE)
    versions: list[PracticeVersion] = Field(default_factory=list, description=_ONE_PRACTICE)
    dissents: list[RecommendationDissent] = Field(default_factory=list, description=_ONE_PRACTICE)


class BestPracticePage(Page[BestPractice]):
    pass


class RecommendationDissentCreate(ApiModel):
    practice_id: Id
    reason: RequiredText
    accept_findings: Omittable[AcceptFindings] = None


class PracticeStatusChange(ApiModel):
    status: PracticeStatus
    reason: RequiredText
    superseded_by: Omittable[Id] = None
    accept_findings: Omittable[AcceptFindings] = None


class ProposedRecommendation(ApiModel):
    id: Id
    note: Omittable[Text] = None


class PracticeProposal(ApiModel):
    title: RequiredShort
    statement: RequiredText
    recommendations: Annotated[list[ProposedRecommendation], Field(min_length=1, max_length=50)]
    topics: Omittable[Annotated[list[Topic], Field(max_length=30)]] = None
    status: Omittable[Literal["proposed", "emerging"]] = None
    reason: Omittable[Text] = None
    accept_findings: Omittable[AcceptFindings] = None


# A body that may carry accepted findings of the de-identification gate.
Gated = (
    CaseUpdate
    | CaseAction
    | RecommendationUpdate
    | RecommendationCreate
    | AnnotationCreate
    | OutcomeCreate
    | SessionUpdate
    | RecommendationDissentCreate
    | PracticeStatusChange
    | PracticeProposal
)


# ---- the account, errors, the identifier scan, practice bodies, candidates and curriculum
# figures, search, outdated advice, teaching sets and saved searches


class CurrentAccount(ApiModel):
    """The account behind the token."""

    id: int
    email: str
    display_name: str
    role: str
    programs: list[str] = Field(description="Slugs of the programs you are a member of.")


class ErrorFinding(ApiModel):
    """A possible identifier the de-identification gate found (offsets, never the text)."""

    field: str
    start: int
    end: int
    category: str
    confidence: float
    digest: str = Field(
        description="A digest of the finding's text as the gate read it (never stored or"
        " logged): the body's text, or, for a field a PATCH left out, the stored text. Send it"
        " back with the acceptance to bind it to that text."
    )
    markable: bool = Field(
        description='Whether you may mark this finding "not an identifier" (accept_findings).'
        " Findings of firm categories (SSN, ID, EMAIL, IP, VEHICLE) are marked only"
        " by the program's coordinators and admins; others remove or rewrite them."
    )


class ErrorHidden(ApiModel):
    """A possible identifier only the text as shown holds (formatting or invisible characters
    inside it): the field and the category, no offsets, so it cannot be accepted."""

    field: str
    category: str


class Error(ApiModel):
    """Every refusal: a code, a message naming the field when one is at fault."""

    error: str
    message: str
    field: Omittable[str] = None
    errors: Omittable[dict[str, str]] = None
    findings: Omittable[list[ErrorFinding]] = None
    hidden: Omittable[list[ErrorHidden]] = None


class ScanRequest(ApiModel):
    text: Annotated[StrictStr, StringConstraints(max_length=200_000, pattern=PLAIN)]
    program: Omittable[
        Annotated[StrictStr, StringConstraints(min_length=1, max_length=64, pattern=PLAIN)]
    ] = Field(
        default=None,
        description="The slug of the program the text is for: which findings you may mark "
        "follows from your part in it. Left out: the text belongs to no program (a topic, a "
        "practice, a teaching set), where only admins mark the firm categories.",
    )


class ScanFinding(ApiModel):
    start: int
    end: int
    category: str
    confidence: float
    digest: str = Field(
        description="A digest of the finding's text (never stored or logged), the one a "
        "refused save gives: send it back with the acceptance to bind it to that text."
    )
    markable: bool = Field(
        description='Whether you may mark this finding "not an identifier" (accept_findings) '
        "in the program named (or in what belongs to no program). Findings of firm categories "
        "(SSN, ID, EMAIL, IP, VEHICLE) are marked only by the program's coordinators and "
        "admins; others remove or rewrite them."
    )


class ScanHidden(ApiModel):
    """An identifier only the text as shown holds (rendered Markdown, entities, invisible
    characters, look-alike letters): no offsets to mark; the gate refuses it until the text
    is written plainly. `message` is the gate's refusal wording for the field."""

    field: str
    category: str
    message: str


class ScanResult(ApiModel):
    findings: list[ScanFinding]
    hidden: list[ScanHidden]


def _rules_before_closing(*rules: tuple[str, Any]) -> Any:
    """A JSON-Schema rule pydantic cannot write (a conditional, a one-of), added before
    `additionalProperties`: of two faults in one body, the one reported stays the same."""

    def extra(schema: dict[str, Any]) -> None:
        closed = schema.pop("additionalProperties")
        schema.update(rules)
        schema["additionalProperties"] = closed

    return extra


class PracticeStance(ApiModel):
    """A dissent says why, in `note`."""

    model_config = ConfigDict(
        json_schema_extra=_rules_before_closing(
            ("if", {"properties": {"stance": {"const": "dissent"}}}),
            ("then", {"required": ["note"], "properties": {"note": REQUIRED_TEXT}}),
        )
    )

    stance: Stance
    note: Omittable[Text] = None
    accept_findings: Omittable[AcceptFindings] = None


class PracticeEvidence(ApiModel):
    """Exactly one of session_id, case_id, recommendation_id."""

    model_config = ConfigDict(
        json_schema_extra=_rules_before_closing(
            (
                "oneOf",
                [
                    {"required": ["session_id"]},
                    {"required": ["case_id"]},
                    {"required": ["recommendation_id"]},
                ],
            ),
        )
    )

    session_id: Omittable[Id] = None
    case_id: Omittable[Id] = None
    recommendation_id: Omittable[Id] = None
    note: Omittable[Text] = None
    accept_findings: Omittable[AcceptFindings] = None


class CandidatePractice(ApiModel):
    label: str
    cohesion: float
    sessions: list[SessionRef]
    recommendation_count: int
    recommendation_ids: list[int] = Field(description="Every member you may see.")
    recommendations: list[RecommendationRef] = Field(
        description="The most typical members (at most 5), most typical first."
    )


class CandidatePracticePage(Page[CandidatePractice]):
    pass


class SearchFacet(ApiModel):
    value: str
    label: str
    count: int


class SearchHit(ApiModel):
    type: str
    id: int
    ref: str | None
    title: str
    url: str
    score: float
    snippet: str = Field(description="HTML: escaped text, <mark> on matches.")
    program: str | None
    topics: list[str]
    date: date | None
    category: str | None = Field(description="A recommendation's.")
    related: SearchHit | None = Field(
        description="Under a case: its best-matching recommendation or annotation."
    )
    more: int = Field(description="Further matches from the same case.")


class AlsoSearched(ApiModel):
    """A plain-language phrase of the query and the clinical terms searched with it."""

    model_config = ConfigDict(populate_by_name=True, serialize_by_alias=True)

    for_: str = Field(alias="for")
    terms: list[str]


class SearchResults(ApiModel):
    total: int = Field(description="Matching documents.")
    results_total: int = Field(description="Results, grouped by case.")
    took_ms: float
    page: int
    per_page: int
    results: list[SearchHit]
    facets: dict[str, list[SearchFacet]]
    matched_any_word: bool
    suggestion: str | None = Field(description="Did you mean: a likely respelling, not searched.")
    corrected_query: str | None = Field(
        description="The respelled query the results are for (null: as typed)."
    )
    original_query: str | None = Field(
        description="The query as typed, when corrected_query was searched."
    )
    also_searched: list[AlsoSearched]


class SimilarCases(ApiModel):
    results: list[SearchHit]


class OutdatedAdvice(ApiModel):
    """A recommendation to review: a best practice it cites or gives was superseded or retired."""

    id: int
    recommendation_id: int
    case_id: int
    program: str
    author: str | None
    # null when the practice is private to programs the reader is not in (its successor too)
    practice_id: int | None
    practice_title: str | None
    change: PracticeChange
    replacement_id: int | None
    replacement_title: str | None
    # null with the practice: that it cites the advice or agrees with it tells of it
    because: OutdatedBecause | None
    state: ReviewState
    note: str
    annotation_id: int | None
    resolved_by: str | None
    resolved_at: Time | None
    created_at: Time


class OutdatedAdvicePage(Page[OutdatedAdvice]):
    pass


def _resolution(value: str) -> str:
    if value not in RESOLUTIONS:
        raise ValueError("must be one of: " + ", ".join(RESOLUTIONS))
    return value


class OutdatedAdviceResolve(ApiModel):
    resolution: Annotated[
        StrictStr,
        AfterValidator(_resolution),
        WithJsonSchema({"type": "string", "enum": [str(s) for s in RESOLUTIONS]}),
    ]
    note: Omittable[Text] = None
    accept_findings: Omittable[AcceptFindings] = None


# curriculum figures


class TopicMonths(ApiModel):
    topic: str
    total: int
    by_month: list[int] = Field(description="Cases in each of `months`, in order.")


class TopicTrend(ApiModel):
    topic: str
    cases: int
    previous: int = Field(description="Cases in the period of the same length before.")
    change: int


class RecurringQuestion(ApiModel):
    question: str
    case_ids: list[int]


class TopicGap(ApiModel):
    topic: str
    cases: int
    programs: list[str]


class TopicTeaching(ApiModel):
    topic: str
    broader_topic: str | None
    talks: int
    talks_on_broader_topic: int
    cases: int
    practices: dict[str, int]
    taught_never_presented: bool
    presented_often_never_taught: bool


class PresenterRow(ApiModel):
    presenter: str
    cases: int
    by_topic: list[int] = Field(description="Cases on each of the coverage's `topics`.")


class PresenterTopics(ApiModel):
    presenter: str
    cases: int
    by_topic: dict[str, int] = Field(description="Cases by topic, most first.")


class PresenterCoverage(ApiModel):
    note: str
    topics: list[str]
    topic_count: int
    presenters: list[PresenterRow]


class MoreRows(ApiModel):
    total: int
    shown: int
    next: str | None


class CurriculumFigures(ApiModel):
    program: str | None
    start: date
    end: date
    cases: int
    months: list[str]
    topic_frequency: list[TopicMonths]
    rising_topics: list[TopicTrend]
    recurring_questions: list[RecurringQuestion]
    gaps: list[TopicGap]
    teaching_coverage: list[TopicTeaching]
    coverage: PresenterCoverage
    more: dict[str, MoreRows] = Field(
        description="Per list: total rows, rows shown here, and the URL of its second page"
        " (null when all are shown)."
    )


CurriculumRow = (
    TopicMonths | TopicTrend | RecurringQuestion | TopicGap | TopicTeaching | PresenterTopics
)


class CurriculumList(Page[CurriculumRow]):
    """A page of one curriculum list, in the shape of every paged list."""

    program: str | None
    start: date
    end: date
    months: Omittable[list[str]] = Field(default=None, description="Only in the list of topics.")


# teaching sets and saved searches


SetTitle = Annotated[
    StrictStr, StringConstraints(min_length=1, max_length=teaching.TITLE_MAX, pattern=NOT_BLANK)
]
SetText = Annotated[StrictStr, StringConstraints(max_length=teaching.TEXT_MAX, pattern=PLAIN)]


class TeachingSetSummary(ApiModel):
    id: int
    title: str
    owner: str = Field(description="The owner's display name.")
    program: str | None = Field(description="Shared with (a slug).")
    mine: bool
    updated_at: UtcTime


class TeachingSetSummaryPage(Page[TeachingSetSummary]):
    pass


class TeachingSetItem(ApiModel):
    id: int
    position: int
    kind: Literal["case", "recommendation"]
    case_id: int
    case_title: str
    question: str
    recommendation_ids: list[int]
    note: str = Field(description="Markdown.")


class TeachingSet(TeachingSetSummary):
    description: str = Field(description="Markdown.")
    can_edit: bool
    hidden_item_ids: list[int] = Field(
        description="For the set's editor: items since hidden from them (a case withdrawn, a"
        " program left), which they may remove (DELETE) but not read."
    )
    items: list[TeachingSetItem] = Field(description="Only those the caller may see.")


class NewTeachingSet(ApiModel):
    title: SetTitle
    description: Omittable[SetText] = None
    accept_findings: Omittable[AcceptFindings] = None


class TeachingSetChange(ApiModel):
    """What to change; program: a slug to share with, null for nobody."""

    title: Omittable[SetTitle] = None
    description: Omittable[SetText] = None
    # One type with null, as before: a refusal names the bound, not "an accepted value".
    program: Annotated[
        Annotated[StrictStr, StringConstraints(max_length=64, pattern=PLAIN)] | None,
        WithJsonSchema({"type": ["string", "null"], "maxLength": 64, "pattern": PLAIN}),
    ] = None
    accept_findings: Omittable[AcceptFindings] = None


class NewTeachingSetItem(ApiModel):
    # No description: a body matching neither form is told so in the usual words.
    model_config = ConfigDict(
        json_schema_extra={
            "oneOf": [{"required": ["case_id"]}, {"required": ["recommendation_id"]}]
        }
    )

    case_id: Omittable[Id] = None
    recommendation_id: Omittable[Id] = None
    note: Omittable[SetText] = None
    accept_findings: Omittable[AcceptFindings] = None


class TeachingSetItemChange(ApiModel):
    note: Omittable[SetText] = None
    position: Omittable[Annotated[int, Field(ge=1, le=teaching.ITEMS_MAX)]] = None
    accept_findings: Omittable[AcceptFindings] = None


class ExportedCase(ApiModel):
    id: int
    title: str
    question: str
    program: str


class ExportedRecommendation(ApiModel):
    id: int
    category: str
    body: str
    references: list[str]


class ExportedItem(ApiModel):
    kind: Literal["case", "recommendation"]
    note: str
    case: ExportedCase
    recommendations: list[ExportedRecommendation]


class ExportedTeachingSet(ApiModel):
    """A set as the caller sees it (format=json)."""

    id: int
    title: str
    description: str
    items: list[ExportedItem]


class TeachingSetHandout(ApiModel):
    """A set as a Markdown handout (format=md)."""

    format: Literal["md"]
    markdown: str


class TeachingSetExport(RootModel[ExportedTeachingSet | TeachingSetHandout]):
    pass


class SavedSearch(ApiModel):
    id: int
    name: str
    query: str = Field(
        description="The search's parameters as a query string: run it with"
        " GET /api/v1/search?{query}."
    )
    created_at: UtcTime


class SavedSearchPage(Page[SavedSearch]):
    pass


class NewSavedSearch(ApiModel):
    name: Annotated[
        StrictStr,
        StringConstraints(min_length=1, max_length=teaching.NAME_MAX, pattern=NOT_BLANK),
    ]
    query: Annotated[
        StrictStr,
        StringConstraints(min_length=1, max_length=teaching.QUERY_MAX, pattern=PLAIN),
    ]
    accept_findings: Omittable[AcceptFindings] = None


class Deletion(ApiModel):
    deleted: int = Field(description="The id of what was deleted.")


# ------------------------------------------------------------------ accounts and their
# tokens, case forms, invitations, subscriptions, the coordinator's desk, administration


# A number answered as it is held: 0 stays 0, 1.0 stays 1.0.
Number = Annotated[int | float, WithJsonSchema({"type": "number"})]


def _one_of(values: tuple[str, ...]) -> AfterValidator:
    def check(value: str) -> str:
        if value not in values:
            raise ValueError("must be one of: " + ", ".join(values))
        return value

    return AfterValidator(check)


def _listed(values: tuple[str, ...]) -> WithJsonSchema:
    return WithJsonSchema({"type": "string", "enum": list(values)})


# Words a model's method answers with (a str, not a Literal to the type checker).
_TOKEN_STATUSES = ("active", "expired", "revoked")
_INVITATION_STATUSES = ("pending", "expired", "revoked", "accepted")
_STAFF_ROLES = ("coordinator", "expert")
_DESK_STATUSES = ("draft", "published")


# ---- API tokens


class ApiToken(ApiModel):
    id: int
    name: str
    prefix: str = Field(description="The token's first characters.")
    created_at: UtcTime
    expires_at: UtcTime
    last_used_at: UtcTime | None
    revoked_at: UtcTime | None
    status: Annotated[StrictStr, _one_of(_TOKEN_STATUSES), _listed(_TOKEN_STATUSES)]


class ApiTokenPage(Page[ApiToken]):
    pass


# ---- case forms

TemplateKey = FieldKey
TemplateText = Annotated[StrictStr, StringConstraints(max_length=300, pattern=PLAIN)]
FieldType = Annotated[StrictStr, _one_of(FIELD_TYPES), _listed(FIELD_TYPES)]


class CaseTemplateSection(ApiModel):
    key: TemplateKey
    label: TemplateText
    required: Omittable[StrictBool] = None
    help: Omittable[TemplateText] = None


class CaseTemplateField(ApiModel):
    key: TemplateKey
    label: TemplateText
    type: Omittable[FieldType] = None
    required: Omittable[StrictBool] = None
    help: Omittable[TemplateText] = None
    choices: Omittable[Annotated[list[TemplateText], Field(max_length=100)]] = None
    section: Omittable[TemplateKey] = None
    unit: Omittable[Annotated[StrictStr, StringConstraints(max_length=40, pattern=PLAIN)]] = None
    min: Omittable[Number] = None
    max: Omittable[Number] = None


class CaseTemplate(ApiModel):
    """A program's case form as sent; what is left out is not sent on."""

    sections: Omittable[Annotated[list[CaseTemplateSection], Field(max_length=50)]] = None
    fields: Omittable[Annotated[list[CaseTemplateField], Field(max_length=200)]] = None


class CaseTemplateChanges(CaseTemplate):
    """A case form to save, with the gate's findings its sender says are not identifiers."""

    accept_findings: Omittable[AcceptFindings] = None


class SavedTemplateSection(ApiModel):
    key: str
    label: str
    required: bool = False
    help: str = ""


class SavedTemplateField(ApiModel):
    """A field of a saved form. A form imported from a backup keeps attributes this API
    does not write, as they were given."""

    model_config = ConfigDict(extra="allow")

    key: str
    label: str
    type: str = "text"
    required: bool = False
    help: str = ""
    choices: list[str] = Field(default_factory=list)
    section: str = ""
    unit: Any = None
    min: Number = 0
    max: Number = 0


class SavedCaseTemplate(ApiModel):
    sections: list[SavedTemplateSection] = Field(default_factory=list)
    fields: list[SavedTemplateField] = Field(default_factory=list)


class CaseTemplateVersion(ApiModel):
    program: str
    version: int
    current: bool
    created_at: Time
    template: SavedCaseTemplate


# ---- accounts, invitations

AccountName = Annotated[
    StrictStr, StringConstraints(min_length=1, max_length=120, pattern=NOT_BLANK)
]
ProgramSlugs = Annotated[
    list[Annotated[StrictStr, StringConstraints(max_length=80, pattern=PLAIN)]],
    Field(max_length=200, description="Program slugs: the account's memberships, all of them."),
]


class Account(ApiModel):
    id: int
    email: str
    display_name: str
    role: Role
    programs: list[str]
    active: bool
    must_change_password: bool
    created_at: UtcTime
    last_login_at: UtcTime | None


class AccountPage(Page[Account]):
    pass


class TemporaryPassword(ApiModel):
    account: Account
    temporary_password: str = Field(
        description="Shown once; its holder must change it at the next sign-in."
    )
    tokens_revoked: Omittable[int] = Field(
        default=None, description="Only after a reset: the account's API tokens it revoked."
    )


class NewAccount(ApiModel):
    email: Annotated[
        StrictStr,
        StringConstraints(max_length=254, pattern=ACCOUNT_EMAIL_PATTERN),
    ]
    display_name: AccountName
    role: Role
    programs: Omittable[ProgramSlugs] = None


class AccountChanges(ApiModel):
    """What a body may change of an account; a field left out stays as it is."""

    display_name: Omittable[AccountName] = None
    role: Omittable[Role] = None
    programs: Omittable[ProgramSlugs] = None


class Invitation(ApiModel):
    id: int
    account: Account
    status: Annotated[StrictStr, _one_of(_INVITATION_STATUSES), _listed(_INVITATION_STATUSES)]
    created_at: UtcTime
    expires_at: UtcTime
    sent_at: UtcTime | None


class InvitationPage(Page[Invitation]):
    pass


class IssuedInvitation(ApiModel):
    invitation: Invitation
    delivery: Delivery = Field(
        description="sent: mailed; off: no SMTP server is configured; failed: the mail server"
        " refused or did not answer (send again later)."
    )
    link: Omittable[str] = Field(
        default=None,
        description="Only when the mail was not sent: pass it on yourself. Shown once.",
    )


class NewInvitation(ApiModel):
    email: Annotated[StrictStr, StringConstraints(max_length=254, pattern=EMAIL_PATTERN)] = Field(
        description="An address: something@somewhere.tld"
    )
    display_name: Omittable[
        Annotated[StrictStr, StringConstraints(max_length=120, pattern=PLAIN)]
    ] = Field(default=None, description="Blank: the start of the email address.")
    role: Role
    programs: Omittable[
        Annotated[
            list[Annotated[StrictStr, StringConstraints(max_length=64, pattern=PLAIN)]],
            Field(max_length=100),
        ]
    ] = None


# ---- subscriptions


class Subscription(ApiModel):
    id: int
    kind: Literal["topic", "program"]
    name: str
    slug: str
    created_at: UtcTime


class Subscriptions(ApiModel):
    results: list[Subscription]
    daily_email: bool


class NewSubscription(ApiModel):
    """One of topic (a name, synonym or slug) or program (a slug)."""

    model_config = ConfigDict(
        json_schema_extra={"oneOf": [{"required": ["topic"]}, {"required": ["program"]}]}
    )

    topic: Omittable[
        Annotated[StrictStr, StringConstraints(min_length=1, max_length=120, pattern=PLAIN)]
    ] = None
    program: Omittable[
        Annotated[StrictStr, StringConstraints(min_length=1, max_length=64, pattern=PLAIN)]
    ] = None


class DigestPreference(ApiModel):
    daily_email: StrictBool


class DigestItem(ApiModel):
    kind: str
    message: str
    url: str
    created_at: UtcTime


class DigestPage(Page[DigestItem]):
    pass


# ---- the coordinator's desk, attendance and credit


class RecommendationBrief(ApiModel):
    id: int
    position: int
    status: Annotated[StrictStr, _one_of(_DESK_STATUSES), _listed(_DESK_STATUSES)]
    category: RecommendationCategory
    author: str | None
    body: str


class SentConflict(ApiModel):
    """A current best practice a recommendation just published may contradict."""

    recommendation_id: int
    practice_id: int
    title: str
    status: str
    reason: str
    url: str


class RecommendationsSent(ApiModel):
    id: int
    case_id: int
    sent_at: Time
    sent_by: str | None
    recommendation_ids: list[int]
    conflicts: list[SentConflict] = Field(
        default_factory=list,
        description="Only when sent: current best practices the drafts just published on the"
        " hub's behalf may contradict (a warning, as when an expert publishes).",
    )


class DeskAgendaItem(ApiModel):
    case_id: int
    title: str
    presenter: str | None
    status: CaseStatus


class DeskSession(ApiModel):
    session_id: int
    number: int
    date: date
    title: str
    didactic_topic: str
    didactic_presenter: str
    agenda: list[DeskAgendaItem]


class WaitingReview(ApiModel):
    case_id: int
    title: str
    submitted_at: Time | None


class PresentedCase(ApiModel):
    case_id: int
    title: str
    presenter: str | None
    session_id: int
    session_date: date
    recommendations: list[RecommendationBrief]
    sent: list[RecommendationsSent]
    overdue: bool


class SessionDesk(ApiModel):
    program: str
    review_days: int
    upcoming: list[DeskSession]
    waiting_review: list[WaitingReview]
    presented: list[PresentedCase]


class Participant(ApiModel):
    user_id: int
    name: str
    minutes: int | None
    source: AttendanceSource


class Attendance(ApiModel):
    session_id: int
    attendance_count: int | None
    participants: list[Participant]


class Attendee(ApiModel):
    user_id: Id
    minutes: Annotated[
        Annotated[int, Field(ge=0, le=1440)] | None,
        WithJsonSchema({"type": ["integer", "null"], "minimum": 0, "maximum": 1440}),
    ] = None


class AttendanceList(ApiModel):
    participants: Annotated[list[Attendee], Field(max_length=5000)]


class SendRecommendations(ApiModel):
    publish_drafts: Omittable[StrictBool] = None


class TranscriptSession(ApiModel):
    session_id: int
    program: str
    date: date
    title: str
    minutes: int | None
    evaluated: bool
    credits: Number
    note: str


class Transcript(ApiModel):
    total_credits: Number
    sessions: list[TranscriptSession]


class EvaluationAnswers(ApiModel):
    rating: Annotated[int, Field(ge=1, le=5, description="1 (poor) to 5 (excellent).")]
    will_change_practice: StrictBool


class Evaluation(ApiModel):
    session_id: int
    rating: int
    will_change_practice: bool
    submitted_at: Time


class EvaluationResults(ApiModel):
    session_id: int
    participants: int
    responses: int
    average_rating: float | None
    ratings: dict[str, int] = Field(
        description='How many gave each rating, "1" (poor) to "5" (excellent).'
    )
    will_change_practice: int


class CreditRule(ApiModel):
    credit_type: CreditType
    credits_per_session: Number
    minimum_minutes: int
    evaluation_required: bool
    accreditation_statement: str
    signer_name: str
    signer_title: str


Signer = Annotated[StrictStr, StringConstraints(max_length=MAX_SIGNER, pattern=PLAIN)]


class CreditRuleChanges(ApiModel):
    credit_type: CreditType
    credits_per_session: Annotated[
        int | float,
        Field(gt=0, le=100),
        WithJsonSchema({"type": "number", "exclusiveMinimum": 0, "maximum": 100}),
    ]
    minimum_minutes: Annotated[int, Field(ge=0, le=1440)]
    evaluation_required: StrictBool
    accreditation_statement: Omittable[
        Annotated[StrictStr, StringConstraints(max_length=MAX_STATEMENT, pattern=PLAIN)]
    ] = Field(default=None, description="Printed on certificates; absent keeps the one saved.")
    signer_name: Omittable[Signer] = None
    signer_title: Omittable[Signer] = None
    accept_findings: Omittable[AcceptFindings] = None


# ---- administration: program staff and the topic vocabulary


class StaffMember(ApiModel):
    id: int
    display_name: str
    email: str
    role: Annotated[StrictStr, _one_of(_STAFF_ROLES), _listed(_STAFF_ROLES)]


class StaffMemberPage(Page[StaffMember]):
    pass


class NewStaffMember(ApiModel):
    email: Annotated[StrictStr, StringConstraints(max_length=254, pattern=PLAIN)]


class VocabularyTopic(ApiModel):
    id: int
    name: str
    slug: str
    status: TopicStatus
    synonyms: list[str]
    parent_id: int | None


class VocabularyTopicPage(Page[VocabularyTopic]):
    pass


class TopicAction(ApiModel):
    action: Literal["accept", "retire", "restore"]


class TopicChanges(ApiModel):
    """What a body may change of a topic; a field left out stays as it is."""

    synonyms: Omittable[Annotated[list[Topic], Field(max_length=50)]] = None
    description: Omittable[
        Annotated[StrictStr, StringConstraints(max_length=2000, pattern=PLAIN)]
    ] = None
    parent: Annotated[
        Annotated[StrictStr, StringConstraints(max_length=120, pattern=PLAIN)] | None,
        WithJsonSchema(
            {
                "type": ["string", "null"],
                "maxLength": 120,
                "pattern": PLAIN,
                "description": "The broader topic's name; null or empty for none.",
            }
        ),
    ] = None
    accept_findings: Omittable[AcceptFindings] = None


class TopicMerge(ApiModel):
    into: AccountName = Field(
        description="The name (or a synonym) of the topic that absorbs this one."
    )


class MovedLinks(ApiModel):
    cases: int
    sessions: int
    practices: int


class TopicMerged(ApiModel):
    topic: VocabularyTopic
    merged_topic_id: int
    moved: MovedLinks
