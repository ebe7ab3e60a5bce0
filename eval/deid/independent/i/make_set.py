#!/usr/bin/env python3
"""Write set I: held-out de-identification passages (heldout.jsonl beside this file).

Standard library only, seeded: running it again writes the same bytes.

A passage is a template.  In a template:
  <<a|b|c>>        one alternative, chosen at random (plain text, resolved first)
  {kind} {kind:k}  a generated value; with a key, the same person/value again in this passage
                   (person keys: {full:a} {last:a} ...; {full:b~a} is a relative of a: same surname)
  [[value|CAT]]    a hand-written value with its category
Gold spans are recorded while the text is assembled, so offsets cannot drift.
No identifier value (the exact span text, case ignored) appears in more than two passages.
"""

from __future__ import annotations

import collections
import json
import random
import re
import sys
from pathlib import Path

from values import NEG, VALUES, Person, pick_person
from templates import CLEAN, HAND, HAND_CLEAN, IDENT

SEED = 20261205_9
HERE = Path(__file__).resolve().parent

TOKEN = re.compile(r"\{(\w+)(?::([\w~]+))?\}|\[\[(.+?)\|([A-Z]+)\]\]")
CHOICE = re.compile(r"<<(.*?)>>", re.S)

PERSON_FORMS = {
    "full": lambda p: f"{p.first} {p.last}",
    "first": lambda p: p.first,
    "last": lambda p: p.last,
    "lf": lambda p: f"{p.last}, {p.first}",
    "LF": lambda p: f"{p.last.upper()}, {p.first.upper()}",
    "FULL": lambda p: f"{p.first.upper()} {p.last.upper()}",
    "LAST": lambda p: p.last.upper(),
    "init": lambda p: f"{p.first[0]}. {p.last}",
    "inits": lambda p: f"{p.first[0]}.{p.mid}. {p.last}",
    "fml": lambda p: f"{p.first} {p.mid}. {p.last}",
    "lower": lambda p: f"{p.first} {p.last}".lower(),
    "lowerf": lambda p: p.first.lower(),
    "nick": lambda p: p.nick,
    "nickfull": lambda p: f"{p.nick} {p.last}",
    "lfi": lambda p: f"{p.last}, {p.first[0]}.",
    "lfm": lambda p: f"{p.last}, {p.first} {p.mid}",
}

# words that follow a person's sex; never part of a span
PRONOUNS = {
    "she": ("she", "he"), "She": ("She", "He"), "her": ("her", "his"), "Her": ("Her", "His"),
    "him": ("her", "him"), "FM": ("F", "M"), "title": ("Mrs", "Mr"), "lady": ("lady", "gentleman"),
    "mom": ("mom", "dad"), "sexo": ("femenino", "masculino"), "woman": ("woman", "man"),
}


class Builder:
    def __init__(self, rnd: random.Random, used: collections.Counter) -> None:
        self.rnd, self.used = rnd, used
        self.text: list[str] = []
        self.spans: list[list] = []
        self.pos = 0
        self.people: dict[str, Person] = {}
        self.keyed: dict[str, tuple[str, str | None]] = {}
        self.values: set[str] = set()

    def add(self, value: str, cat: str | None) -> None:
        if cat:
            self.spans.append([self.pos, self.pos + len(value), cat])
            self.values.add(value.lower())
        self.text.append(value)
        self.pos += len(value)

    def fresh(self, make) -> tuple[str, str | None]:
        for _ in range(200):
            value, cat = make(self.rnd)
            if cat is None or self.used[value.lower()] < 2:
                return value, cat
        raise SystemExit(f"value pool exhausted near {value!r}")

    def person(self, key: str | None) -> Person:
        if key is None:
            return pick_person(self.rnd, self.used)
        # "fM~a": person f, male, a relative of a (same surname)
        name, _, rel = key.partition("~")
        if name not in self.people:
            kin = self.person(rel) if rel else None
            sex = name[-1] if len(name) > 1 and name[-1] in "MF" else None
            self.people[name] = pick_person(self.rnd, self.used, kin, sex)
        return self.people[name]

    def render(self, template: str) -> None:
        def choose(m: re.Match) -> str:
            alts = m.group(1).split("|")
            return self.rnd.choice([a for a in alts if self.used[a.lower()] < 2] or alts)

        template = CHOICE.sub(choose, template)
        pos = 0
        for m in TOKEN.finditer(template):
            self.add(template[pos : m.start()], None)
            pos = m.end()
            if m.group(3) is not None:
                self.add(m.group(3), m.group(4))
                continue
            kind, key = m.group(1), m.group(2)
            if kind in PRONOUNS:
                self.add(PRONOUNS[kind][self.person(key).sex == "M"], None)
            elif kind in PERSON_FORMS:
                self.add(PERSON_FORMS[kind](self.person(key)), "NAME")
            elif kind == "email" and key and key in self.people:
                p = self.people[key]
                self.add(*self.fresh(lambda r: VALUES["email_of"](r, p)))
            elif kind in NEG:
                self.add(NEG[kind](self.rnd), None)
            elif kind in VALUES:
                if key and key in self.keyed:
                    self.add(*self.keyed[key])
                    continue
                value = self.fresh(VALUES[kind])
                if key:
                    self.keyed[key] = value
                self.add(*value)
            else:
                raise SystemExit(f"unknown placeholder {kind}")
        self.add(template[pos:], None)

    def done(self) -> tuple[str, list[list]]:
        for v in self.values:
            self.used[v] += 1
        return "".join(self.text), self.spans


def build() -> list[dict]:
    rnd = random.Random(SEED)
    used: collections.Counter = collections.Counter()
    # reserve hand-written values so that no generated value repeats them
    for _, tmpl in HAND:
        for m in TOKEN.finditer(tmpl):
            if m.group(3) is not None:
                used[m.group(3).lower()] = 2
    jobs: list[tuple[str, str, str]] = []
    per_template = 5
    for name, tmpl in IDENT:
        for _ in range(per_template):
            jobs.append(("id", name, tmpl))
    for name, tmpl in HAND:
        jobs.append(("id", name, tmpl))
    for name, tmpl in CLEAN:
        for _ in range(5):
            jobs.append(("clean", name, tmpl))
    for name, tmpl in HAND_CLEAN:
        jobs.append(("clean", name, tmpl))
    rnd.shuffle(jobs)
    rows = []
    for n, (kind, name, tmpl) in enumerate(jobs, 1):
        b = Builder(rnd, used)
        b.render(tmpl.strip("\n"))
        text, spans = b.done()
        if kind == "clean" and spans:
            raise SystemExit(f"clean template {name} produced spans")
        if kind == "id" and not spans:
            raise SystemExit(f"identifier template {name} produced no spans")
        rows.append(
            {"id": f"I-P{n:03d}-{kind}-{name}", "split": "heldout", "carrier": "", "text": text, "spans": spans}
        )
    return rows


def main() -> int:
    rows = build()
    out = HERE / "heldout.jsonl"
    with out.open("w", encoding="utf-8", newline="\n") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} passages to {out.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
