"""A small knowledge base for the search tests, built through the same rows users create."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.auth.models import User
from app.auth.policy import SYSTEM
from app.cases.models import Case
from app.extensions import db, reading_engine
from app.programs.models import Program
from app.programs.operations import create_program, create_session, resolve_topics
from app.search import apply_pending
from app.search.models import SearchOutbox
from tests.support.builders import add_annotation, add_case, add_recommendation


@dataclass
class Library:
    hcv: Program
    oud: Program
    secret: Program
    presenter: User
    expert: User
    hcv_case: Case
    afib_case: Case
    oud_case: Case
    secret_case: Case
    draft_case: Case


def pending() -> int:
    """Outbox rows not yet applied, read in a session of its own (it holds no lock after)."""
    with Session(reading_engine(db.engine)) as reads:
        return reads.scalar(
            select(func.count()).select_from(SearchOutbox).where(SearchOutbox.applied_at.is_(None))
        )


@pytest.fixture
def program(app) -> Program:
    """An open program, its outbox rows applied."""
    found = create_program("hcv", "Hepatitis C ECHO", actor=SYSTEM)
    db.session.commit()
    apply_pending()
    return found


@pytest.fixture
def library(worlds, make_user) -> Library:
    return worlds(__name__, lambda: _library(make_user))


def _library(make_user) -> Library:
    hcv = create_program("hcv", "Hepatitis C ECHO", actor=SYSTEM)
    oud = create_program("oud", "Opioid Use Disorder ECHO", actor=SYSTEM)
    secret = create_program("secret-pilot", "Closed Pilot", private=True, actor=SYSTEM)
    db.session.commit()
    presenter = make_user("provider", programs=["hcv", "oud"])
    expert = make_user("expert", programs=["hcv", "oud"])
    session = create_session(hcv, date(2024, 3, 12), title="Genotype 3 and cirrhosis", actor=SYSTEM)
    hcv_case = add_case(
        hcv,
        presenter,
        "52-year-old man with genotype 3 hepatitis C and compensated cirrhosis",
        question="Which regimen for retreatment after sofosbuvir failure?",
        presentation="## History\n\nPrior DAA failure. Platelets 98.",
        session=session,
        topics=resolve_topics(["Hepatitis C", "Cirrhosis"]),
    )
    rec = add_recommendation(
        hcv_case, expert, "Retreat with sofosbuvir/velpatasvir/voxilaprevir for 12 weeks."
    )
    add_annotation(rec, expert, "Agree; check HBV serologies before starting.")
    add_recommendation(hcv_case, expert, "Unpublished draft about zanubrutinib.", published=False)
    afib_case = add_case(
        oud,
        presenter,
        "74-year-old woman with atrial fibrillation on apixaban and frequent falls",
        question="Continue the DOAC despite falls?",
        presentation="## History\n\nCongestive heart failure, EF 35%.",
    )
    oud_case = add_case(
        oud,
        presenter,
        "31-year-old man smoking fentanyl: low-dose Suboxone start",
        question="How to start buprenorphine without precipitated withdrawal?",
        presentation="## History\n\nOpioid use disorder for 6 years; fentanyl daily.",
        topics=resolve_topics(["Opioid use disorder"]),
    )
    secret_case = add_case(
        secret,
        presenter,
        "Confidential pilot case about xylophagous parasites",
        question="What is xylophagous infestation?",
    )
    draft_case = add_case(
        hcv,
        presenter,
        "Draft about quokka bites",
        status="draft",
        question="Quokka bite management?",
    )
    db.session.commit()
    return Library(
        hcv, oud, secret, presenter, expert, hcv_case, afib_case, oud_case, secret_case, draft_case
    )
