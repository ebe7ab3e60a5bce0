"""De-identification tools over the API: scan text without storing anything."""

from __future__ import annotations

from typing import Any

from flask import jsonify, request

from app.api.views import api_blueprint
from app.deid.gate import scan_fields
from app.errors import ValidationError

MAX_SCAN_CHARS = 200_000


@api_blueprint.post("/deid/scan")
def deid_scan() -> Any:
    """Findings in `text`: offsets, category and confidence; the text is not kept or logged."""
    payload = request.get_json(silent=True)
    if not isinstance(payload, dict) or not isinstance(payload.get("text"), str):
        raise ValidationError('Send JSON like {"text": "…"}.', field="text")
    text = payload["text"]
    if len(text) > MAX_SCAN_CHARS:
        raise ValidationError(f"Text must be at most {MAX_SCAN_CHARS:,} characters.", field="text")
    findings = [
        {"start": f.start, "end": f.end, "category": f.category, "confidence": f.confidence}
        for f in scan_fields({"text": text})
    ]
    return jsonify({"findings": findings})
