"""Each pattern, function and cue kind of the detector is defined once: a second definition
under the same name replaces the first for every rule that names it, silently."""

from __future__ import annotations

import ast
import collections
from pathlib import Path

from app.deid import detector


def _module_definitions() -> tuple[collections.Counter, collections.Counter]:
    tree = ast.parse(Path(detector.__file__).read_text(encoding="utf-8"))
    names: collections.Counter = collections.Counter()
    kinds: collections.Counter = collections.Counter()
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.ClassDef):
            names[node.name] += 1
        targets = (
            node.targets
            if isinstance(node, ast.Assign)
            else [node.target]
            if isinstance(node, ast.AnnAssign)
            else []
        )
        for t in targets:
            if isinstance(t, ast.Name):
                names[t.id] += 1
            elif (
                isinstance(t, ast.Subscript)
                and isinstance(t.value, ast.Name)
                and t.value.id == "TRIGGERS"
                and isinstance(t.slice, ast.Constant)
            ):
                kinds[t.slice.value] += 1
    return names, kinds


def test_no_name_and_no_cue_kind_is_defined_twice():
    names, kinds = _module_definitions()
    assert sum(names.values()) > 1000  # the module was read
    assert [n for n, k in names.items() if k > 1] == []
    assert [n for n, k in kinds.items() if k > 1] == []
