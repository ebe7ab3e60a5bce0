"""De-identification detector: finds HIPAA Safe Harbor identifiers in free text.

Usage::

    from app.deid import scan, Finding, CATEGORIES
    findings = scan(text)   # sorted by start, non-overlapping
"""

from app.deid.detector import CATEGORIES, Finding, scan

__all__ = ["CATEGORIES", "Finding", "scan"]
