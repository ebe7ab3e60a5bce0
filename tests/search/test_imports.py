"""How app.search hangs together: Whoosh only inside it, its file format only in
format.py, no import cycles through it, and the API a client of it, never the reverse."""

from __future__ import annotations

import re

import grimp
import pytest

SEARCH = "app.search"
FORMAT = "app.search.format"
# Whoosh's file format: its codecs, files, columns and length encoding.
FORMAT_IMPORT = re.compile(r"\bwhoosh\.(?:codec|filedb|columns|util\.numeric)\b")


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    # Imports under `if TYPE_CHECKING:` are annotations only: never run, so never a cycle.
    return grimp.build_graph(
        "app", include_external_packages=True, exclude_type_checking_imports=True, cache_dir=None
    )


def _in_search(module: str) -> bool:
    return module == SEARCH or module.startswith(SEARCH + ".")


def test_whoosh_is_imported_only_inside_app_search(graph: grimp.ImportGraph) -> None:
    importers = graph.find_modules_that_directly_import("whoosh")
    assert importers, "the graph should see app.search's own Whoosh imports"
    assert sorted(m for m in importers if not _in_search(m)) == []


def test_whooshs_file_format_is_read_only_in_format_py(graph: grimp.ImportGraph) -> None:
    readers = {
        (details["importer"], details["line_contents"])
        for importer in graph.find_modules_that_directly_import("whoosh")
        for details in graph.get_import_details(importer=importer, imported="whoosh")
        if FORMAT_IMPORT.search(details["line_contents"])
    }
    assert readers, "format.py's own imports should be found"
    assert sorted(line for importer, line in readers if importer != FORMAT) == []


def test_no_import_cycle_runs_through_app_search(graph: grimp.ImportGraph) -> None:
    cycles = []
    for module in sorted(m for m in graph.modules if _in_search(m)):
        for imported in sorted(graph.find_modules_directly_imported_by(module)):
            if not imported.startswith("app"):
                continue
            back = graph.find_shortest_chain(importer=imported, imported=module)
            if back is not None:
                cycles.append(" -> ".join((module, *back)))
    assert cycles == []


def test_the_api_calls_search_and_search_never_calls_the_api(graph: grimp.ImportGraph) -> None:
    assert graph.find_shortest_chain(importer="app.api.search", imported=SEARCH) is not None
    search_modules = sorted(m for m in graph.modules if _in_search(m))
    assert [m for m in search_modules if graph.chain_exists(m, "app.api", as_packages=True)] == []
