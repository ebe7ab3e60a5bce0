"""JSON Schemas of the API's bodies and answers: published in the OpenAPI document and used
to validate requests."""

from __future__ import annotations

from typing import Any

from app.api.base import SPEC
from app.cases.models import CaseStatus, Sex, WithdrawalReason
from app.deid.gate import ACCEPT_REASONS
from app.inputs import FIRST_YEAR, LAST_YEAR, MAX_ID, MAX_PAGE, PLAIN_TEXT_PATTERN
from app.recommendations.models import (
    Adoption,
    AnnotationKind,
    PatientStatus,
    RecommendationCategory,
)


def _enum(enum_cls: Any) -> dict[str, Any]:
    return {"type": "string", "enum": [m.value for m in enum_cls]}


# Text a column can store: no NUL (app.inputs.check_text refuses it, and lone surrogates,
# naming the field) ...
PLAIN = PLAIN_TEXT_PATTERN
# ... and at least one character that is not white space.
NOT_BLANK = "^[^\\u0000]*[^\\s\\u0000][^\\u0000]*$"
TEXT = {"type": "string", "maxLength": 100_000, "pattern": PLAIN}
SHORT = {"type": "string", "maxLength": 300, "pattern": PLAIN}
REQUIRED_TEXT = {"type": "string", "minLength": 1, "maxLength": 100_000, "pattern": NOT_BLANK}
REQUIRED_SHORT = {"type": "string", "minLength": 1, "maxLength": 300, "pattern": NOT_BLANK}
ID = {"type": "integer", "minimum": 1, "maximum": MAX_ID}
DATE = {
    "type": "string",
    "format": "date",
    "pattern": f"^(19[0-9]{{2}}|2[01][0-9]{{2}}|{LAST_YEAR})-[0-9]{{2}}-[0-9]{{2}}$",
    "description": f"YYYY-MM-DD, years {FIRST_YEAR} to {LAST_YEAR}",
}
TOPIC = {"type": "string", "maxLength": 120, "pattern": PLAIN}
REFERENCES = {
    "type": "array",
    "items": {"type": "string", "maxLength": 500, "pattern": PLAIN},
    "maxItems": 50,
}
ACCEPT = {
    "type": "array",
    "description": "Findings of the de-identification gate that are not identifiers: the "
    "field and offsets from the 422 answer, with a reason.",
    "items": {
        "type": "object",
        "required": ["field", "start", "end", "reason"],
        "properties": {
            "field": {"type": "string", "maxLength": 200, "pattern": PLAIN},
            "start": {"type": "integer", "minimum": 0, "maximum": 10_000_000},
            "end": {"type": "integer", "minimum": 0, "maximum": 10_000_000},
            "reason": {"type": "string", "enum": list(ACCEPT_REASONS)},
        },
        "additionalProperties": False,
    },
}
FIELD_VALUE = {
    "anyOf": [
        {"type": "string", "maxLength": 2000, "pattern": PLAIN},
        {"type": "number"},
        {"type": "boolean"},
        {
            "type": "array",
            "items": {
                "anyOf": [
                    {"type": "string", "maxLength": 2000, "pattern": PLAIN},
                    {"type": ["number", "boolean"]},
                ]
            },
        },
        {"type": "null"},
    ]
}

ERROR = SPEC.schema(
    "Error",
    {
        "type": "object",
        "required": ["error", "message"],
        "properties": {
            "error": {"type": "string"},
            "message": {"type": "string"},
            "field": {"type": "string"},
            "errors": {"type": "object", "additionalProperties": {"type": "string"}},
            "findings": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "field": {"type": "string"},
                        "start": {"type": "integer"},
                        "end": {"type": "integer"},
                        "category": {"type": "string"},
                        "confidence": {"type": "number"},
                    },
                },
            },
        },
    },
)

PROGRAM = SPEC.schema(
    "Program",
    {
        "type": "object",
        "properties": {
            "id": {"type": "integer"},
            "slug": {"type": "string"},
            "name": {"type": "string"},
            "description": {"type": "string"},
            "private": {"type": "boolean"},
            "template": {"type": "object"},
        },
    },
)

SESSION = SPEC.schema(
    "Session",
    {
        "type": "object",
        "properties": {
            "id": {"type": "integer"},
            "program": {"type": "string"},
            "number": {"type": "integer"},
            "date": {"type": "string"},
            "title": {"type": "string"},
            "didactic_topic": {"type": "string"},
            "didactic_presenter": {"type": "string"},
            "attendance_count": {"type": ["integer", "null"]},
            "notes": {"type": "string"},
            "topics": {"type": "array", "items": {"type": "string"}},
            "cases": {"type": "array", "items": {"type": "object"}},
        },
    },
)

SESSION_FIELDS = {
    "date": DATE,
    "number": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE},
    "title": SHORT,
    "didactic_topic": SHORT,
    "didactic_presenter": SHORT,
    "attendance_count": {"type": ["integer", "null"], "minimum": 0, "maximum": 1_000_000},
    "notes": TEXT,
    "topics": {"type": "array", "items": TOPIC, "maxItems": 30},
    "accept_findings": ACCEPT,
}
SPEC.schema(
    "SessionCreate",
    {
        "type": "object",
        "required": ["date"],
        "properties": SESSION_FIELDS,
        "additionalProperties": False,
    },
)
SPEC.schema(
    "SessionUpdate",
    {
        "type": "object",
        "properties": {k: v for k, v in SESSION_FIELDS.items() if k != "number"},
        "additionalProperties": False,
    },
)

CASE = SPEC.schema(
    "Case",
    {
        "type": "object",
        "properties": {
            "id": {"type": "integer"},
            "ref": {"type": ["string", "null"]},
            "program": {"type": "string"},
            "title": {"type": "string"},
            "age": {"type": ["string", "null"]},
            "sex": {"type": ["string", "null"]},
            "status": _enum(CaseStatus),
            "question": {"type": "string"},
            "presentation": {"type": "string"},
            "fields": {"type": "object"},
            "topics": {"type": "array", "items": {"type": "string"}},
            "sessions": {"type": "array", "items": {"type": "object"}},
            "presenter": {"type": ["object", "null"]},
            "follows_id": {"type": ["integer", "null"]},
            "follow_up_ids": {"type": "array", "items": {"type": "integer"}},
            "review_comments": {"type": "array", "items": {"type": "object"}},
            "deid_risk": {
                "type": ["object", "null"],
                "description": "Re-identification warning: quasi-identifiers that together"
                " may point at one person (field, offsets, kind, advice; never the text)."
                " A warning, not a refusal.",
            },
            "url": {"type": "string"},
            "withdrawn_at": {
                "type": ["string", "null"],
                "description": "Only for the program's coordinators and admins: when the case"
                " was withdrawn (null: it is not). Others never see a withdrawn case (404).",
            },
            "withdrawal_reason": {"anyOf": [_enum(WithdrawalReason), {"type": "null"}]},
        },
    },
)
WITHDRAWAL = SPEC.schema(
    "Withdrawal",
    {
        "type": "object",
        "required": ["case_id", "withdrawn_at", "reason"],
        "properties": {
            "case_id": {"type": "integer"},
            "withdrawn_at": {"type": "string"},
            "reason": _enum(WithdrawalReason),
        },
    },
)
SPEC.schema(
    "WithdrawalCreate",
    {
        "type": "object",
        "required": ["reason"],
        "properties": {
            "reason": {
                **_enum(WithdrawalReason),
                "description": "Why, as a category: no free text is stored with a withdrawal.",
            }
        },
        "additionalProperties": False,
    },
)

CASE_FIELDS = {
    "title": REQUIRED_SHORT,
    "age": {
        "anyOf": [
            {"type": "integer", "minimum": 0, "maximum": 130},
            {"type": "string", "maxLength": 3, "pattern": PLAIN},
            {"type": "null"},
        ]
    },
    "sex": {"anyOf": [_enum(Sex), {"type": "null"}]},
    "question": TEXT,
    "presentation": TEXT,
    "fields": {
        "type": "object",
        "propertyNames": {"maxLength": 64, "pattern": PLAIN},
        "additionalProperties": FIELD_VALUE,
    },
    "topics": {"type": "array", "items": TOPIC, "maxItems": 30},
    "accept_findings": ACCEPT,
}
SPEC.schema(
    "CaseCreate",
    {
        "type": "object",
        "required": ["program", "title"],
        "properties": {
            "program": {"type": "string", "minLength": 1, "maxLength": 64, "pattern": PLAIN},
            "follows_id": ID,
            **CASE_FIELDS,
        },
        "additionalProperties": False,
    },
)
SPEC.schema(
    "CaseUpdate", {"type": "object", "properties": CASE_FIELDS, "additionalProperties": False}
)
SPEC.schema(
    "CaseAction",
    {
        "type": "object",
        "required": ["action"],
        "properties": {
            "action": {
                "type": "string",
                "enum": ["submit", "recall", "withdraw", "approve", "return", "close"],
                "description": "'recall' takes a submitted or returned case back to draft; "
                "'withdraw' is its deprecated v1 name (kept as an alias, it does not withdraw:"
                " that is POST /api/v1/cases/{case_id}/withdrawal).",
            },
            "comment": {
                "type": "string",
                "maxLength": 5000,
                "pattern": PLAIN,
                "description": "Required with action 'return'.",
            },
            "accept_findings": ACCEPT,
        },
        "additionalProperties": False,
    },
)
SPEC.schema(
    "Schedule",
    {
        "type": "object",
        "required": ["case_id"],
        "properties": {"case_id": ID},
        "additionalProperties": False,
    },
)

RECOMMENDATION = SPEC.schema(
    "Recommendation",
    {
        "type": "object",
        "properties": {
            "id": {"type": "integer"},
            "case_id": {"type": "integer"},
            "author": {"type": "object"},
            "category": _enum(RecommendationCategory),
            "body": {"type": "string"},
            "references": {"type": "array", "items": {"type": "string"}},
            "status": {"type": "string", "enum": ["draft", "published"]},
            "version": {"type": "integer"},
            "published_at": {"type": ["string", "null"]},
            "created_at": {"type": "string"},
            "annotations": {"type": "array", "items": {"type": "object"}},
            "conflicts": {
                "type": "array",
                "description": "Only when written, edited or published: current best "
                "practices the text may contradict (a warning; nothing was refused).",
                "items": {
                    "type": "object",
                    "properties": {
                        "practice_id": {"type": "integer"},
                        "title": {"type": "string"},
                        "status": {"type": "string"},
                        "reason": {"type": "string"},
                        "url": {"type": "string"},
                        "intentional": {"type": "boolean"},
                        "dissent_reason": {"type": ["string", "null"]},
                    },
                },
            },
        },
    },
)
SPEC.schema(
    "RecommendationCreate",
    {
        "type": "object",
        "required": ["body", "category"],
        "properties": {
            "body": REQUIRED_TEXT,
            "category": _enum(RecommendationCategory),
            "references": REFERENCES,
            "publish": {"type": "boolean"},
            "accept_findings": ACCEPT,
        },
        "additionalProperties": False,
    },
)
SPEC.schema(
    "RecommendationUpdate",
    {
        "type": "object",
        "properties": {
            "body": REQUIRED_TEXT,
            "category": _enum(RecommendationCategory),
            "references": REFERENCES,
            "accept_findings": ACCEPT,
        },
        "additionalProperties": False,
    },
)
ANNOTATION = SPEC.schema(
    "Annotation",
    {
        "type": "object",
        "properties": {
            "id": {"type": "integer"},
            "recommendation_id": {"type": "integer"},
            "author": {"type": "object"},
            "kind": _enum(AnnotationKind),
            "body": {"type": "string"},
            "references": {"type": "array", "items": {"type": "string"}},
            "created_at": {"type": "string"},
        },
    },
)
SPEC.schema(
    "AnnotationCreate",
    {
        "type": "object",
        "required": ["kind", "body"],
        "properties": {
            "kind": _enum(AnnotationKind),
            "body": REQUIRED_TEXT,
            "references": REFERENCES,
            "accept_findings": ACCEPT,
        },
        "additionalProperties": False,
    },
)
OUTCOME = SPEC.schema(
    "Outcome",
    {
        "type": "object",
        "properties": {
            "id": {"type": "integer"},
            "case_id": {"type": "integer"},
            "recommendation_id": {"type": "integer"},
            "adoption": _enum(Adoption),
            "patient_status": _enum(PatientStatus),
            "note": {"type": "string"},
            "recorded_at": {"type": "string"},
        },
    },
)
SPEC.schema(
    "OutcomeCreate",
    {
        "type": "object",
        "required": ["recommendation_id", "adoption", "patient_status"],
        "properties": {
            "recommendation_id": ID,
            "adoption": _enum(Adoption),
            "patient_status": _enum(PatientStatus),
            "note": TEXT,
            "accept_findings": ACCEPT,
        },
        "additionalProperties": False,
    },
)
SPEC.schema(
    "ScanRequest",
    {
        "type": "object",
        "required": ["text"],
        "properties": {"text": {"type": "string", "maxLength": 200_000, "pattern": PLAIN}},
        "additionalProperties": False,
    },
)
SCAN_RESULT = SPEC.schema(
    "ScanResult",
    {
        "type": "object",
        "properties": {
            "findings": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "start": {"type": "integer"},
                        "end": {"type": "integer"},
                        "category": {"type": "string"},
                        "confidence": {"type": "number"},
                    },
                },
            }
        },
    },
)


def page_of(ref: dict[str, str]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {
            "total": {"type": "integer"},
            "page": {"type": "integer"},
            "per_page": {"type": "integer"},
            "results": {"type": "array", "items": ref},
        },
    }
