"""Batch work yields the CPU to requests: the import's scan workers and a reindex's indexing
processes run below normal priority, as CASEBOOK_BATCH_NICE says; the import's own process
(it holds the write lock) and the reindex's (it holds the apply lock) keep theirs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from flask import Flask

from app import batch
from app.config import from_environment
from app.deid.parallel import ScanPool
from app.search.cli import reindex_command

pytestmark = pytest.mark.skipif(not hasattr(os, "nice"), reason="no process priorities here")


def test_scan_workers_run_below_the_importer() -> None:
    mine = os.nice(0)
    with ScanPool(1, nice=5) as pool:
        theirs = pool.executor.submit(os.nice, 0).result(timeout=120)
    assert theirs == min(19, mine + 5)
    assert os.nice(0) == mine


def test_scan_workers_keep_the_priority_when_set_to_zero() -> None:
    mine = os.nice(0)
    with ScanPool(1, nice=0) as pool:
        assert pool.executor.submit(os.nice, 0).result(timeout=120) == mine


def test_setting_is_clamped_to_what_nice_accepts() -> None:
    assert batch.batch_nice({}) == 10
    assert batch.batch_nice({"CASEBOOK_BATCH_NICE": 0}) == 0
    assert batch.batch_nice({"CASEBOOK_BATCH_NICE": 40}) == 19
    assert batch.batch_nice({"CASEBOOK_BATCH_NICE": "x"}) == 10


def test_reindex_lowers_only_its_indexing_processes(
    app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its own process later holds the index's apply lock, which web workers wait for."""
    from app.search import upkeep

    lowered: list[int] = []
    monkeypatch.setattr(batch, "lower_priority", lowered.append)
    asked: list[int] = []
    real = upkeep.reindex

    def reindex(*args, **kwargs):
        asked.append(kwargs["nice"])
        return real(*args, **kwargs)

    monkeypatch.setattr(upkeep, "reindex", reindex)
    app.config["CASEBOOK_BATCH_NICE"] = 7
    result = app.test_cli_runner().invoke(reindex_command, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert lowered == [] and asked == [7]


def test_a_bad_setting_is_refused_at_start(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CASEBOOK_BATCH_NICE", "-3")
    with pytest.raises(ValueError, match="CASEBOOK_BATCH_NICE must be 0 or more"):
        from_environment(tmp_path, need_secret=False)
