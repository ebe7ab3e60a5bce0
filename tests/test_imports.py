"""How the application's packages hang together: no import cycles anywhere in `app`.

A cycle hides which package depends on which, and works only while every import in it
stays lazy (inside a function); app.search's own rules are in tests/search/test_imports.py."""

from __future__ import annotations

import sys

import grimp


def test_no_import_cycle_in_the_application() -> None:
    # Imports under `if TYPE_CHECKING:` are annotations only: never run, so never a cycle.
    graph = grimp.build_graph(
        "app", include_external_packages=False, exclude_type_checking_imports=True, cache_dir=None
    )
    cycles = set()
    for module in sorted(graph.modules):
        for imported in sorted(graph.find_modules_directly_imported_by(module)):
            back = graph.find_shortest_chain(importer=imported, imported=module)
            if back is not None:
                cycles.add(" -> ".join((module, *back)))
    assert sorted(cycles) == []


def test_the_bytecode_setting_holds_again_after_collection() -> None:
    """tests/conftest.py writes bytecode only while the suite is collected."""
    assert sys.dont_write_bytecode == bool(sys.flags.dont_write_bytecode)
