"""Development-time generator for ``data/intl_first.txt.gz`` and ``data/intl_last.txt.gz``.

Not imported at run time.  Needs ``faker`` (MIT licence), whose person providers hold given
names and surnames for many locales.  Only Latin-script lists are taken (plus the romanised
Japanese ones); names are lower-cased, accents kept (the detector folds them), and any that
are common English words or clinical terms are left out so that they never become uncued
names.

Run: ``PYTHONPATH=. python app/deid/_build_intl_names.py``
"""

from __future__ import annotations

import importlib
import re
import unicodedata

from app.deid._build_data import _write
from app.deid.lexicon import DATA_DIR, _read_gz, _read_txt

LOCALES = [
    "cs_CZ",
    "da_DK",
    "de_AT",
    "de_CH",
    "de_DE",
    "en_GB",
    "en_IE",
    "en_IN",
    "en_KE",
    "en_NG",
    "en_NZ",
    "en_PK",
    "es_AR",
    "es_CL",
    "es_CO",
    "es_ES",
    "es_MX",
    "et_EE",
    "fi_FI",
    "fr_BE",
    "fr_CA",
    "fr_CH",
    "fr_FR",
    "ga_IE",
    "ha_NG",
    "hr_HR",
    "hu_HU",
    "id_ID",
    "ig_NG",
    "is_IS",
    "it_IT",
    "ja_JP",
    "lt_LT",
    "lv_LV",
    "nl_BE",
    "nl_NL",
    "no_NO",
    "pl_PL",
    "pt_BR",
    "pt_PT",
    "ro_RO",
    "sk_SK",
    "sl_SI",
    "sv_SE",
    "sw",
    "tr_TR",
    "tw_GH",
    "uz_UZ",
    "vi_VN",
    "yo_NG",
    "zu_ZA",
    "en_US",
]
FIRST_ATTRS = (
    "first_names",
    "first_names_male",
    "first_names_female",
    "first_romanized_names",
    "first_names_nonbinary",
)
LAST_ATTRS = ("last_names", "last_romanized_names", "last_names_male", "last_names_female")
WORD = re.compile(r"^[a-zà-öø-ÿā-ɏḀ-ỿ'-]{3,}$")


# Languages, peoples and words of clinical Latin that some locales also list as names.
_NOT_NAMES = """danish english french german dutch polish czech slovak irish scottish welsh spanish
    italian turkish greek russian arabic hindi urdu bengali punjabi tamil chinese japanese
    korean vietnamese thai persian hebrew swahili yoruba igbo hausa somali amharic african
    american asian european indian pakistani nigerian ghanaian kenyan mexican cuban haitian
    filipino latino latina hispanic christian muslim jewish hindu sikh buddhist catholic
    pars plana merocel ana anca alt ast tia perla"""
NOT_NAMES = set(_NOT_NAMES.split())


def _names(cls, attrs) -> set[str]:
    out: set[str] = set()
    for a in attrs:
        v = getattr(cls, a, None)
        if not v or not isinstance(v, (list, tuple, dict)):
            continue
        for n in v:
            for part in str(n).split():
                out.add(unicodedata.normalize("NFC", part.lower()))
    return out


def _fold(w: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", w) if not unicodedata.combining(c))


def main() -> None:
    common = _read_gz("common_words.txt.gz")
    clinical = _read_txt("clinical_terms.txt")
    first: set[str] = set()
    last: set[str] = set()
    for loc in LOCALES:
        try:
            mod = importlib.import_module(f"faker.providers.person.{loc}")
        except ImportError:
            continue
        first |= _names(mod.Provider, FIRST_ATTRS)
        last |= _names(mod.Provider, LAST_ATTRS)

    def keep(w: str) -> bool:
        f = _fold(w)
        return (
            bool(WORD.match(w))
            and f not in common
            and f not in clinical
            and w not in common
            and f not in NOT_NAMES
        )

    _write("intl_first.txt.gz", {_fold(w) for w in first if keep(w)})
    _write("intl_last.txt.gz", {_fold(w) for w in last if keep(w)})
    assert DATA_DIR.exists()


if __name__ == "__main__":
    main()
