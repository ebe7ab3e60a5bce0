"""Where a regular expression backtracks more than linearly, read from its parsed form.

Python's engine backtracks: a run of one character that two parts of a pattern can both
take is split between them in every way before the match fails, quadratic in the run's
length (cubic for three parts, and so on). Two shapes do it:

- two repetitions in a row, with only parts between that may match nothing or the same
  character, the first able to give characters back ("\\s*:?\\s*", "[ \\t]*(?:is)?[ \\t]*");
- a repetition of a part that can itself take a run of the character ("(?:\\s*,?)*").

A possessive repetition ("\\s*+") or an atomic group gives nothing back, so a run it takes
is never split. Each character is judged by probes: one of each kind a text holds.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

# the engine's own parser (Python 3.11+), which typeshed does not describe
_parser: Any = importlib.import_module("re._parser")
C: Any = importlib.import_module("re._constants")

# one character of each kind that can make a long run in a text
PROBES = "".join(dict.fromkeys(" \t\n0aA.,-:;#|/()'\"*_+=&@%~\\é•"))
# a repetition bounded above this is treated as unbounded: its cost grows with the run
LONG = 40

_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)


def _category(cat: Any, ch: str) -> bool:
    if cat in (C.CATEGORY_DIGIT, C.CATEGORY_UNI_DIGIT):
        return unicodedata.category(ch) == "Nd"
    if cat in (C.CATEGORY_NOT_DIGIT, C.CATEGORY_UNI_NOT_DIGIT):
        return unicodedata.category(ch) != "Nd"
    if cat in (C.CATEGORY_SPACE, C.CATEGORY_UNI_SPACE):
        return ch.isspace()
    if cat in (C.CATEGORY_NOT_SPACE, C.CATEGORY_UNI_NOT_SPACE):
        return not ch.isspace()
    if cat in (C.CATEGORY_WORD, C.CATEGORY_UNI_WORD):
        return ch.isalnum() or ch == "_"
    if cat in (C.CATEGORY_NOT_WORD, C.CATEGORY_UNI_NOT_WORD):
        return not (ch.isalnum() or ch == "_")
    raise ValueError(f"unknown category {cat}")


def _one(op: Any, av: Any, ch: str, ignore: bool) -> bool:
    """Whether a one-character item matches ch (any case under IGNORECASE)."""
    forms = {ch, ch.lower(), ch.upper()} if ignore else {ch}
    if op is C.LITERAL:
        return any(ord(f) == av for f in forms)
    if op is C.NOT_LITERAL:
        return all(ord(f) != av for f in forms)
    if op is C.ANY:
        return ch != "\n"
    if op is C.IN:
        items = list(av)
        negate = bool(items) and items[0][0] is C.NEGATE
        hit = False
        for iop, iav in items[negate:]:
            if iop is C.LITERAL:
                hit = any(ord(f) == iav for f in forms)
            elif iop is C.RANGE:
                hit = any(iav[0] <= ord(f) <= iav[1] for f in forms)
            elif iop is C.CATEGORY:
                hit = _category(iav, ch)
            else:
                raise ValueError(f"unknown set item {iop}")
            if hit:
                break
        return hit != negate
    raise ValueError(f"not a one-character item {op}")


_ONE = (C.LITERAL, C.NOT_LITERAL, C.ANY, C.IN)
_ZERO_WIDTH = (C.AT, C.ASSERT, C.ASSERT_NOT)


@dataclass(frozen=True)
class Node:
    """A parsed item with the flags in force where it stands."""

    op: Any
    av: Any
    ignore: bool
    # Its children, and each check's answer per character, made once: the checks of a
    # pattern ask them again for every part and probe character around them.
    kids: list[list[Node]] | None = field(default=None, compare=False, repr=False)
    answers: dict[tuple[str, str], bool] = field(default_factory=dict, compare=False, repr=False)


def _seq(items: Any, ignore: bool) -> list[Node]:
    return [Node(op, av, ignore) for op, av in items]


def _children(n: Node) -> list[list[Node]]:
    """The sequences inside a node (each alternative of a branch is one)."""
    kids = n.kids
    if kids is None:
        kids = _make_children(n)
        object.__setattr__(n, "kids", kids)
    return kids


def _make_children(n: Node) -> list[list[Node]]:
    if n.op is C.BRANCH:
        return [_seq(alt, n.ignore) for alt in n.av[1]]
    if n.op is C.SUBPATTERN:
        _, add, rm, body = n.av
        ignore = (n.ignore or bool(add & re.IGNORECASE)) and not rm & re.IGNORECASE
        return [_seq(body, ignore)]
    if n.op in _REPEATS:
        return [_seq(n.av[2], n.ignore)]
    if n.op is C.ATOMIC_GROUP:
        return [_seq(n.av, n.ignore)]
    if n.op in (C.ASSERT, C.ASSERT_NOT):
        return [_seq(n.av[1], n.ignore)]
    if n.op is C.GROUPREF_EXISTS:
        _, yes, no = n.av
        return [_seq(yes, n.ignore)] + ([_seq(no, n.ignore)] if no else [])
    return []


def _remembered(check: Callable[[Node, str], bool]) -> Callable[[Node, str], bool]:
    name = check.__name__

    def remembered(n: Node, ch: str) -> bool:
        key = (name, ch)
        answer = n.answers.get(key)
        if answer is None:
            answer = n.answers[key] = check(n, ch)
        return answer

    return remembered


def _long(n: Node) -> bool:
    return n.op in _REPEATS and n.av[1] > LONG


def fits(seq: list[Node], ch: str) -> bool:
    """Whether seq can match a run of ch (the empty run included)."""
    return all(_fits(n, ch) for n in seq)


@_remembered
def _fits(n: Node, ch: str) -> bool:
    if n.op in _ONE:
        return _one(n.op, n.av, ch, n.ignore)
    if n.op is C.AT:
        # no word boundary inside a run of one character; other anchors are let pass
        return n.av is not C.AT_BOUNDARY
    if n.op in (C.ASSERT, C.ASSERT_NOT):
        return True
    if n.op in _REPEATS and n.av[0] == 0:
        return True
    if n.op is C.GROUPREF:
        return False
    return any(fits(s, ch) for s in _children(n))


def _takes(seq: list[Node], ch: str) -> bool:
    """Whether seq can match a non-empty run of ch."""
    return fits(seq, ch) and any(_takes_one(n, ch) for n in seq)


@_remembered
def _takes_one(n: Node, ch: str) -> bool:
    if n.op in _ONE:
        return _one(n.op, n.av, ch, n.ignore)
    if n.op in _ZERO_WIDTH or n.op is C.GROUPREF:
        return False
    return any(_takes(s, ch) for s in _children(n))


def head(seq: list[Node], ch: str) -> bool:
    """Whether seq can begin with a long run of ch taken by one repetition."""
    for n in seq:
        if _head(n, ch):
            return True
        if not _fits(n, ch):
            return False
    return False


@_remembered
def _head(n: Node, ch: str) -> bool:
    if n.op in _REPEATS and n.av[1] > LONG and _takes(_children(n)[0], ch):
        return True
    if n.op in (C.ASSERT, C.ASSERT_NOT):
        return False
    return any(head(s, ch) for s in _children(n))


def tail(seq: list[Node], ch: str) -> bool:
    """Whether seq can end with a long run of ch that it gives back a character at a time."""
    for n in reversed(seq):
        if _tail(n, ch):
            return True
        if not _fits(n, ch):
            return False
    return False


@_remembered
def _tail(n: Node, ch: str) -> bool:
    if n.op is C.POSSESSIVE_REPEAT or n.op is C.ATOMIC_GROUP:
        return False
    if n.op in (C.ASSERT, C.ASSERT_NOT):
        return False
    if n.op in (C.MAX_REPEAT, C.MIN_REPEAT) and n.av[1] > LONG and _takes(_children(n)[0], ch):
        return True
    return any(tail(s, ch) for s in _children(n))


def _walk(seq: list[Node], final: bool = True):
    """Each sequence, and whether it is final: nothing after it can make the engine come back
    into it (the whole pattern, a look-around's or an atomic group's body)."""
    yield seq, final
    for n in seq:
        inner = n.op in (C.ASSERT, C.ASSERT_NOT, C.ATOMIC_GROUP)
        for s in _children(n):
            yield from _walk(s, inner)


def _never_fails(n: Node) -> bool:
    """Whether n matches at every position (an optional part): a split before it is never
    tried again when it is last in a final sequence."""
    return n.op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT) and n.av[0] == 0


def _show(n: Node) -> str:
    return f"{n.op}{'' if n.av is None else ' ' + str(n.av)[:60]}"


def _run_characters(seqs: list[list[Node]]) -> list[str]:
    """The probe characters some long repetition among seqs takes."""
    bodies = [_children(n)[0] for seq in seqs for n in seq if _long(n)]
    return [ch for ch in PROBES if any(_takes(body, ch) for body in bodies)]


def split_runs(pattern: re.Pattern[str]) -> list[str]:
    """Each place where a run of one character can be split between parts: empty if none."""
    top = _seq(_parser.parse(pattern.pattern, pattern.flags), bool(pattern.flags & re.I))
    walked = list(_walk(top))
    # only a character some long repetition takes can make a run that is split
    probes = _run_characters([seq for seq, _ in walked])
    found = []
    for k, (seq, final) in enumerate(walked):
        for ch in probes:
            for i, first in enumerate(seq):
                if not tail([first], ch):
                    continue
                for j, second in enumerate(seq[i + 1 :], i + 1):
                    if final and all(_never_fails(n) for n in seq[j + 1 :]):
                        break  # the first way the run is split is the one taken
                    if head([second], ch):
                        where = f"part {i} and part {j} of sequence {k}"
                        found.append(f"a run of {ch!r} split between {where}: {_show(first)}")
                        break
                    if not _fits(second, ch):
                        break
            for i, n in enumerate(seq):
                if n.op in (C.MAX_REPEAT, C.MIN_REPEAT) and n.av[1] > 1:
                    body = _children(n)[0]
                    if _takes(body, ch) and (head(body, ch) or tail(body, ch)):
                        where = f"part {i} of sequence {k}"
                        found.append(
                            f"a run of {ch!r} split between repeats of {where}: {_show(n)}"
                        )
    return found


# ----------------------------------------------------------------------------- pumping
_FILL = "a0A .-:#/(,'"


def _fills(n: Node) -> list[str]:
    """A few shortest texts n matches (look-arounds and back-references read as empty)."""
    if n.op is C.LITERAL:
        return [chr(n.av)]
    if n.op is C.IN:
        own = [chr(v if op is C.LITERAL else v[0]) for op, v in n.av if op in (C.LITERAL, C.RANGE)]
        return [next((c for c in _FILL + "".join(own) if _one(n.op, n.av, c, n.ignore)), "~")]
    if n.op in _ONE:
        return [next((c for c in _FILL if _one(n.op, n.av, c, n.ignore)), "~")]
    if n.op is C.AT and n.av is C.AT_BOUNDARY:
        return [" ", ""]  # between two words
    if n.op in _ZERO_WIDTH or n.op is C.GROUPREF:
        return [""]
    if n.op in _REPEATS:
        least = n.av[0]
        return [f * least for f in _seq_fills(_children(n)[0])[:2]] if least else [""]
    return [f for s in _children(n) for f in _seq_fills(s)][:6]


def _seq_fills(seq: list[Node]) -> list[str]:
    out = [""]
    for n in seq:
        out = [a + b for a in out for b in _fills(n)][:6]
    return out


def _prefixes(seq: list[Node], cap: int = 40) -> list[str]:
    """Texts that match seq up to each of its parts, inside groups and branches too."""
    found: list[str] = [""]
    heads = [""]
    for n in seq:
        inner = []
        if n.op in (C.BRANCH, C.SUBPATTERN, C.ATOMIC_GROUP, *_REPEATS):
            inner = [p for s in _children(n) for p in _prefixes(s, cap)]
        found += [h + p for h in heads[:3] for p in inner]
        heads = [h + f for h in heads for f in _fills(n)][:6]
        found += heads
    return list(dict.fromkeys(found))[:cap]


def pumps(pattern: re.Pattern[str]) -> list[tuple[str, str]]:
    """(start, character) pairs: a text that may start a match, then a long run of a
    character that some repetition of the pattern takes."""
    top = _seq(_parser.parse(pattern.pattern, pattern.flags), bool(pattern.flags & re.I))
    chars = _run_characters([seq for seq, _ in _walk(top)])
    return [(start, ch) for start in _prefixes(top) for ch in chars]


def detector_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Every compiled pattern held by the detector's modules, by the name that holds it."""
    from app.deid import detector, lexicon, tagger

    seen: dict[tuple[str, int], str] = {}
    found: list[tuple[str, re.Pattern[str]]] = []

    def walk(obj: object, name: str, depth: int) -> None:
        if isinstance(obj, re.Pattern):
            if (obj.pattern, obj.flags) not in seen:
                seen[(obj.pattern, obj.flags)] = name
                found.append((name, obj))
        elif depth > 4:
            return
        elif isinstance(obj, dict):
            for k, v in obj.items():
                walk(k, f"{name}[key]", depth + 1)
                walk(v, f"{name}[{k!r}]", depth + 1)
        elif isinstance(obj, list | tuple | set | frozenset):
            for i, v in enumerate(obj):
                walk(v, f"{name}[{i}]", depth + 1)
        elif (
            type(obj).__module__.startswith("app.deid")
            and hasattr(obj, "__dict__")
            and not isinstance(obj, type)
        ):
            for k, v in vars(obj).items():
                walk(v, f"{name}.{k}", depth + 1)

    for module in (detector, lexicon, tagger):
        for k, v in vars(module).items():
            walk(v, f"{module.__name__.rsplit('.', 1)[1]}.{k}", 0)
    return found


_RE_CALLS = {
    "compile",
    "search",
    "match",
    "fullmatch",
    "finditer",
    "findall",
    "sub",
    "subn",
    "split",
}
# where a call takes its flags, by position, when they are not given by name
_FLAGS_AT = {"compile": 1, "search": 2, "match": 2, "fullmatch": 2, "finditer": 2, "findall": 2}


def inline_patterns(module: ModuleType) -> list[tuple[str, re.Pattern[str]]]:
    """Patterns written in a call inside a function ("re.match(rf'\\s+{SUFFIX}', s)"), read
    from the module's source, named by the function and their rank in it; those built from a
    run's own values (names found in the text) cannot be read and are left out."""
    found = []
    module_name = module.__name__.rsplit(".", 1)[1]
    for func in ast.walk(ast.parse(inspect.getsource(module))):
        if not isinstance(func, ast.FunctionDef):
            continue
        calls = [
            node
            for node in ast.walk(func)
            if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "re"
            and node.func.attr in _RE_CALLS
            and node.args
        ]
        for rank, call in enumerate(calls):
            at = _FLAGS_AT.get(getattr(call.func, "attr", ""))
            flags_node = next((k.value for k in call.keywords if k.arg == "flags"), None)
            if flags_node is None and at is not None and len(call.args) > at:
                flags_node = call.args[at]
            try:
                text = _value(call.args[0], module)
                flags = _value(flags_node, module) if flags_node is not None else 0
            except NameError:
                continue  # built from a local value
            if isinstance(text, str) and isinstance(flags, int):
                found.append((f"{module_name}.{func.name}()#{rank}", re.compile(text, flags)))
    return found


def _value(node: ast.expr, module: ModuleType) -> object:
    # the module's own source, evaluated over its own constants
    return eval(compile(ast.Expression(node), "<pattern>", "eval"), dict(vars(module)))  # noqa: S307
