#!/usr/bin/env python3
"""Write carriers.py: sentences from the public de-identified transcription corpus.

usage: extract_carriers.py CASES_JSONL > carriers.py

Kept: a sentence of 70-200 characters, ending with a period, with no digit run of three or
more, no month or weekday, no placeholder ("Sample", "XYZ", "Month DD"), no title before a name,
and no capitalised word after the first other than a few sentence words (so no institution or
place slips in unlabelled). EPONYM sentences may also hold instrument, suture and drug names
from a typed list: real operative text full of surnames that are not patients.
"""

import json
import random
import re
import sys

ALLOW = set("I The He She His Her This There We Patient No".split())
EPONYMS = set(
    "Metzenbaum Bovie Allis Kocher Babcock Kelly Mayo Foley Deaver Richardson Weitlaner Adson "
    "DeBakey Penrose Jackson Pratt Vicryl Monocryl Prolene Marcaine Xylocaine Kerlix Tegaderm "
    "Betadine Dermabond Trendelenburg Hasson Veress Ioban Bair Hugger Gelfoam Surgicel Xeroform "
    "Coban Ace Hemovac Blake Doppler Seldinger Tuohy Yankauer Frazier Crile Ochsner Heaney "
    "Kerrison Cobb Gelpi Hohmann Homan Steri Strips Mersilene Ethibond Maxon Hurricaine Bookwalter "
    "Balfour Army Navy Senn Ray Tec Duoderm Jones Lembert Connell Pfannenstiel Kittner Schnidt "
    "Mixter Debakey Satinsky Castroviejo Bard Luer Lok Robinson Cushing Sims Graves Pederson "
    "Hegar Pratt Sarot Finochietto Bookwalter Gigli Lahey Potts Dilaudid Ancef Toradol Zofran "
    "Versed Fentanyl Propofol Kenalog Depo Medrol".split()
)
BAD = re.compile(
    r"Sample|XYZ|ABC|XXX|YYYY|Month|\bDD\b|Dr\.|Mr\.|Mrs\.|Ms\.|Hospital|Clinic|University|"
    r"Center|County|\d{3,}|\d+/\d+|\d+-\d+-\d+|@|http|www|January|February|March|April|May\b|June|July|August|"
    r"September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
)


def main() -> None:
    plain, epon = [], []
    for line in open(sys.argv[1], encoding="utf-8"):
        row = json.loads(line)
        for s in re.split(r"(?<=[.])\s+", row["body"].replace("\n", " ")):
            s = re.sub(r"\s+", " ", s.strip())
            if not (70 <= len(s) <= 200) or BAD.search(s) or not s.endswith(".") or not s[0].isupper():
                continue
            words = [p for w in re.findall(r"\b[A-Z][A-Za-z'-]*", s)[1:] if not w.isupper()
                     for p in w.strip("'-").split("-") if p]
            words = [w[:-2] if w.endswith("'s") else w.rstrip("'") for w in words]
            if re.match(r"[A-Z ]+:", s) or re.search(r"\b[B-HJ-Z]\b", s):
                continue
            if all(w in ALLOW for w in words):
                plain.append((row["ref"], s))
            elif all(w in ALLOW or w in EPONYMS for w in words) and any(w in EPONYMS for w in words):
                epon.append((row["ref"], s))
    rng = random.Random(20261208)
    plain = sorted(set(plain))
    epon = sorted(set(epon))
    plain = rng.sample(plain, 260)
    epon = rng.sample(epon, min(90, len(epon)))
    print('"""Sentences from public de-identified transcriptions (written by extract_carriers.py)."""')
    print()
    print("PLAIN = [")
    for ref, s in plain:
        print(f"    ({ref!r}, {s!r}),")
    print("]")
    print()
    print("EPONYM = [")
    for ref, s in epon:
        print(f"    ({ref!r}, {s!r}),")
    print("]")


if __name__ == "__main__":
    main()
