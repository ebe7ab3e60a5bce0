"""Batch work (an import's identifier scan, a rebuild's indexing processes) yields the CPU
to requests.

On a small server the batch processes would otherwise take every core from the web workers
while they run, and pages slow down for everyone. Only processes that hold no lock anyone
waits for are lowered: a lowered process holding one would keep the others waiting longer,
and a process cannot raise its priority again. The import's own process (it writes) and
the rebuild's own process (it holds the index's apply lock while it replays and swaps)
keep their priority."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Mapping


def batch_nice(config: Mapping[str, object]) -> int:
    """CASEBOOK_BATCH_NICE from the app's config, within what `nice` accepts (0 to 19;
    0 keeps batch work at full priority)."""
    value = config.get("CASEBOOK_BATCH_NICE", 10)
    return max(0, min(19, value if isinstance(value, int) else 10))


def lower_priority(steps: int) -> None:
    """Lower this process's CPU priority by `steps` (where the system allows it)."""
    if steps > 0 and hasattr(os, "nice"):
        with contextlib.suppress(OSError):
            os.nice(steps)
