"""The hand-made grouping of recurring recommendations in the demo corpus (cases/README.md,
"Recurring themes"): (case ref, 1-based recommendation index) pairs per theme."""

from __future__ import annotations

THEMES: dict[str, list[tuple[str, int]]] = {
    "T1 naloxone": [
        ("oud-001", 2),
        ("oud-002", 3),
        ("oud-003", 3),
        ("hcv-002", 3),
        ("cp-001", 2),
        ("cp-002", 2),
        ("peri-001", 2),
        ("cp-004", 3),
        ("oud-005", 2),
        ("cp-007", 2),
        ("oud-007", 2),
        ("peri-003", 3),
        ("peri-004", 2),
        ("cp-009", 2),
        ("oud-009", 3),
        ("oud-011", 3),
    ],
    "T2 low-dose buprenorphine": [
        ("oud-001", 1),
        ("oud-005", 1),
        ("oud-007", 1),
        ("peri-003", 1),
        ("oud-011", 1),
    ],
    "T3 HBV serologies": [
        ("hcv-001", 2),
        ("hcv-002", 2),
        ("hcv-003", 2),
        ("hcv-004", 2),
        ("hcv-010", 2),
        ("hcv-012", 3),
    ],
    "T4 opioid and benzodiazepine": [
        ("oud-002", 1),
        ("cp-002", 1),
        ("cp-004", 1),
        ("cp-006", 1),
        ("cp-009", 1),
        ("cp-011", 1),
    ],
    "T5 PHQ-A": [("peds-001", 2), ("peds-003", 1), ("peds-005", 3), ("peds-007", 2)],
    "T6 HCC surveillance": [
        ("hcv-001", 3),
        ("hcv-005", 1),
        ("hcv-006", 2),
        ("hcv-009", 3),
        ("hcv-011", 1),
    ],
}

# Themes no best practice in cases/practices.yaml cites.
UNCITED = {"T2 low-dose buprenorphine", "T4 opioid and benzodiazepine", "T6 HCC surveillance"}

# Recommendations that touch a theme but are about something else: they belong to no theme.
NEAR_MISSES: list[tuple[str, int]] = [
    ("cp-006", 1),
    ("oud-010", 2),
    ("cp-011", 2),  # naloxone mentioned in passing
    ("oud-006", 2),
    ("cp-005", 2),  # low-dose buprenorphine, but not for fentanyl
    ("oud-003", 2),  # an HCV work-up that includes HBV serologies
    ("peds-004", 1),
    ("peds-008", 1),  # PHQ-A named inside a medication plan
]
