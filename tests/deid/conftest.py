"""Fixtures shared by the de-identification tests."""

from __future__ import annotations

import pytest

from app.deid import tagger


@pytest.fixture
def rules_only(monkeypatch):
    """The gate's readings are what a test pins, not what the learned tagger finds as
    written: it finds some identifiers as written (a name in look-alike letters, a phone
    number with an invisible character), which refuses them too, as found rather than
    hidden (test_gate_shown.py's test_with_the_tagger_every_bypass_is_still_refused)."""
    monkeypatch.setattr(tagger, "_MODEL", None)
    monkeypatch.setattr(tagger, "_LOADED", True)
