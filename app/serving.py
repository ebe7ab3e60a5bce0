"""What a server process does once, before its first request."""

from __future__ import annotations

import gc


def settle_for_serving() -> None:
    """Take what a server process holds for its life out of the collector's watch.

    Modules, models, routes and templates (some 240,000 objects) would otherwise be walked
    again by every full collection a request sets off: 100 to 150 ms of CPU on a large hub's
    curriculum and candidate pages every few requests (docs/benchmarks.md). Garbage made
    later is collected as before."""
    gc.collect()
    gc.freeze()
