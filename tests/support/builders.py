"""Build cases, recommendations, annotations and outcomes directly as rows.

Stand-ins until app/cases/operations.py offers the real actions; programs, sessions and
users are still made through their operations by the tests themselves.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from app.auth.models import User
from app.auth.policy import SYSTEM
from app.cases.models import Case, CasePresentation, CaseStatus, Sex
from app.extensions import db
from app.programs.models import Program, Session
from app.recommendations.models import (
    Adoption,
    Annotation,
    AnnotationKind,
    Outcome,
    PatientStatus,
    Recommendation,
    RecommendationCategory,
    RecommendationStatus,
)


def add_case(
    program: Program,
    presenter: User | None,
    title: str = "58-year-old man with genotype 1a HCV",
    *,
    status: CaseStatus | str = CaseStatus.PRESENTED,
    age: str | None = "58",
    sex: Sex | str | None = Sex.MALE,
    question: str = "Is a 12-week course appropriate?",
    presentation: str = "## History of present illness\n\nFound on routine screening.",
    fields: dict[str, Any] | None = None,
    session: Session | None = None,
    presented: bool = True,
    follows: Case | None = None,
    topics: list[Any] = (),  # type: ignore[assignment]
) -> Case:
    case = Case(
        program=program,
        presenter=presenter,
        title=title,
        age=age,
        sex=Sex(sex) if sex else None,
        question=question,
        presentation=presentation,
        fields=fields or {},
        status=CaseStatus(status),
        follows=follows,
        topics=list(topics),
    )
    db.session.add(case)
    if session is not None:
        case.presentations.append(CasePresentation(session=session, presented=presented))
    db.session.flush()
    return case


def add_recommendation(
    case: Case,
    author: User,
    body: str = "Treat with **sofosbuvir/velpatasvir** for 12 weeks.",
    *,
    category: RecommendationCategory | str = RecommendationCategory.THERAPEUTIC,
    published: bool = True,
    references: list[str] | None = None,
    position: int | None = None,
) -> Recommendation:
    recommendation = Recommendation(
        case=case,
        author=author,
        body=body,
        category=RecommendationCategory(category),
        references=references or [],
        position=position or len(case.recommendations) + 1,
        status=RecommendationStatus.PUBLISHED if published else RecommendationStatus.DRAFT,
        published_at=datetime(2025, 1, 20, 9, 0) if published else None,
        published_version=1 if published else None,
    )
    db.session.add(recommendation)
    db.session.flush()
    return recommendation


def add_annotation(
    recommendation: Recommendation,
    author: User,
    body: str = "Agreed; check HBV DNA first.",
    *,
    kind: AnnotationKind | str = AnnotationKind.AGREE,
    created_at: datetime | None = None,
    references: list[str] | None = None,
) -> Annotation:
    annotation = Annotation(
        recommendation=recommendation,
        author=author,
        body=body,
        kind=AnnotationKind(kind),
        references=references or [],
    )
    if created_at is not None:
        annotation.created_at = created_at
    db.session.add(annotation)
    db.session.flush()
    return annotation


def add_outcome(
    follow_up: Case,
    recommendation: Recommendation,
    *,
    adoption: Adoption | str = Adoption.ADOPTED,
    patient_status: PatientStatus | str = PatientStatus.IMPROVED,
    note: str = "",
    recorded_by: User | None = None,
) -> Outcome:
    outcome = Outcome(
        case=follow_up,
        recommendation=recommendation,
        adoption=Adoption(adoption),
        patient_status=PatientStatus(patient_status),
        note=note,
        recorded_by_id=recorded_by.id if recorded_by else None,
    )
    db.session.add(outcome)
    db.session.flush()
    return outcome


HCV_TEMPLATE = {
    "sections": [
        {
            "key": "hpi",
            "label": "History of present illness",
            "required": True,
            "help": "How HCV was found, symptoms, course.",
        },
        {"key": "medications", "label": "Medications", "required": True},
        {"key": "assessment", "label": "Assessment"},
    ],
    "fields": [
        {
            "key": "genotype",
            "label": "HCV genotype",
            "type": "choice",
            "choices": ["1a", "1b", "2", "3"],
            "required": True,
        },
        {
            "key": "hcv_rna",
            "label": "Baseline HCV RNA",
            "type": "number",
            "unit": "IU/mL",
            "min": 0,
            "max": 100000000,
        },
        {"key": "fib4", "label": "FIB-4 index", "type": "number"},
        {
            "key": "substances",
            "label": "Substances used",
            "type": "multi",
            "choices": ["alcohol", "cannabis", "fentanyl"],
        },
    ],
}


def build_world(make_user: Any) -> Any:
    """Two programs (one private), sessions, cases in several states, recommendations,
    annotations and a follow-up with outcomes; returns them by name."""
    from types import SimpleNamespace

    from app.programs.operations import create_program, create_session

    hcv = create_program(
        "hcv",
        "Hepatitis C ECHO",
        description="A teleECHO clinic that helps primary care clinicians **cure hepatitis C**.",
        template=HCV_TEMPLATE,
        actor=SYSTEM,
    )
    perinatal = create_program(
        "perinatal-sud",
        "Perinatal Substance Use ECHO",
        description="A closed program for perinatal teams.",
        private=True,
        actor=SYSTEM,
    )
    first = create_session(
        hcv,
        datetime(2025, 1, 14).date(),
        title="Simplified HCV treatment in primary care",
        didactic_topic="Simplified DAA treatment",
        didactic_presenter="Dana Whitfield, MD",
        attendance_count=24,
        notes="Hub agreed to review **HBV serology** on every case.",
        topics=["Hepatitis C", "Hepatitis B"],
        actor=SYSTEM,
    )
    second = create_session(
        hcv,
        datetime(2025, 6, 10).date(),
        title="Kidney disease and post-SVR follow-up",
        didactic_topic="DAAs in chronic kidney disease",
        attendance_count=19,
        actor=SYSTEM,
    )
    closed_session = create_session(
        perinatal,
        datetime(2025, 3, 4).date(),
        title="Buprenorphine in pregnancy",
        didactic_topic="Buprenorphine dosing in the third trimester",
        actor=SYSTEM,
    )
    db.session.commit()

    provider = make_user("provider", email="marcus@example.org", programs=["hcv"])
    other_provider = make_user("provider", email="carla@example.org", programs=["hcv"])
    expert = make_user("expert", email="dana@example.org", programs=["hcv"])
    member = make_user("provider", email="rosa@example.org", programs=["perinatal-sud"])
    admin = make_user("admin", email="admin@example.org")

    from app.programs.operations import find_topic

    case = add_case(
        hcv,
        provider,
        "58-year-old man with genotype 1a HCV and compensated cirrhosis",
        status=CaseStatus.CLOSED,
        age="58",
        sex="male",
        question="Is a simplified 12-week sofosbuvir/velpatasvir course appropriate?",
        presentation=(
            "## History of present illness\n\nReferred after a reactive antibody.\n\n"
            "## Medications\n\n- omeprazole 20 mg daily\n- lisinopril 10 mg daily"
        ),
        fields={"genotype": "1a", "hcv_rna": 2340000, "fib4": 4.1, "substances": ["alcohol"]},
        session=first,
        presented=True,
        topics=[find_topic("Hepatitis C")],
    )
    rec = add_recommendation(
        case,
        expert,
        "Treat with **sofosbuvir/velpatasvir 400/100 mg** daily for 12 weeks.",
        references=["AASLD-IDSA HCV Guidance 2023."],
    )
    add_annotation(
        rec,
        expert,
        "Check **HBV DNA** before starting.",
        kind="evidence",
        created_at=datetime(2025, 1, 21, 8, 0),
    )
    add_annotation(
        rec,
        expert,
        "Eight weeks of glecaprevir/pibrentasvir also works.",
        kind="dissent",
        created_at=datetime(2025, 1, 22, 8, 0),
    )
    add_recommendation(case, expert, "Unpublished draft advice.", published=False)
    follow_up = add_case(
        hcv,
        provider,
        "Follow-up: SVR12 after sofosbuvir/velpatasvir",
        status=CaseStatus.PRESENTED,
        age="58",
        sex="male",
        follows=case,
        question="Does he still need HCC surveillance?",
        session=second,
        presented=True,
    )
    add_outcome(
        follow_up,
        rec,
        adoption="adopted",
        patient_status="improved",
        note="SVR12 achieved; HCV RNA **undetectable**.",
    )
    elderly = add_case(
        hcv,
        other_provider,
        "Older woman with HCV and CKD stage 4",
        status=CaseStatus.APPROVED,
        age="90+",
        sex="female",
        session=second,
        presented=False,
    )
    draft = add_case(
        hcv,
        other_provider,
        "Carla's unfinished draft about a DAA failure",
        status=CaseStatus.DRAFT,
        session=second,
        presented=False,
    )
    private_case = add_case(
        perinatal,
        member,
        "Pregnant patient at 28 weeks on buprenorphine",
        status=CaseStatus.PRESENTED,
        age="29",
        sex="female",
        session=closed_session,
    )
    db.session.commit()
    return SimpleNamespace(
        hcv=hcv,
        perinatal=perinatal,
        first=first,
        second=second,
        closed_session=closed_session,
        provider=provider,
        other_provider=other_provider,
        expert=expert,
        member=member,
        admin=admin,
        case=case,
        rec=rec,
        follow_up=follow_up,
        elderly=elderly,
        draft=draft,
        private_case=private_case,
    )


def build_world_with_coordinators(make_user: Any) -> Any:
    """`build_world` with a coordinator who runs hcv and one who runs perinatal-sud only (a
    coordinator of another program than the open cases')."""
    w = build_world(make_user)
    w.coordinator = make_user("coordinator", email="coord@example.org", programs=["hcv"])
    w.outsider = make_user("coordinator", email="elsewhere@example.org", programs=["perinatal-sud"])
    return w


def hbv_practices(author: User) -> tuple[Any, Any]:
    """A current best practice on Hepatitis C and the one that will supersede it."""
    from tests.outdated.conftest import current_practice

    practice = current_practice(
        "Check HBV serologies before every DAA start",
        "Check HBsAg and anti-HBc before starting DAAs.",
        topics=["Hepatitis C"],
        author=author,
    )
    successor = current_practice(
        "Check HBV serologies and HBV DNA before DAAs",
        "Check HBsAg, anti-HBc and HBV DNA before starting DAAs.",
        topics=["Hepatitis C"],
        author=author,
    )
    return practice, successor


def supersede(practice: Any, successor: Any, editor: User) -> None:
    """`practice` superseded by `successor`: its advice is queued for review."""
    from app.practices.operations import change_status

    change_status(
        practice,
        "superseded",
        reason="HBV DNA too.",
        editor=editor,
        superseded_by=successor,
        actor=SYSTEM,
    )
    db.session.commit()


def practice_citing_private_evidence(w: Any, private_expert: User) -> Any:
    """A practice of `build_world`'s expert citing its open case, then cited by
    `private_expert` on the private case (a recommendation, and the case itself, taken
    back), then superseded: the events of its trail an outsider may not read."""
    from app.practices.operations import add_evidence, remove_evidence

    practice, successor = hbv_practices(w.expert)
    add_evidence(practice, w.case, added_by=w.expert, actor=w.expert)
    private_rec = add_recommendation(
        w.private_case, private_expert, "Check HBV serologies before starting DAAs."
    )
    add_evidence(practice, private_rec, added_by=private_expert, actor=private_expert)
    link = add_evidence(practice, w.private_case, added_by=private_expert, actor=private_expert)
    db.session.commit()
    remove_evidence(link, actor=private_expert)
    supersede(practice, successor, w.expert)
    return practice
