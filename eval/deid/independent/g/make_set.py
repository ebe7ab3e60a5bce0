"""Write heldout.jsonl of set G (seeded, deterministic). Runs no detector.

    python3 make_set.py            # needs Faker (pinned version below)

Passages are written with inline markup {CATEGORY:value}; `unmark` strips it and
records each value's offsets, so every gold span equals its text by construction.
"""

import datetime as dt
import json
import os
import random
import re

import faker

import hand
import values as V

SEED = 20261205
FAKER_VERSION = "40.63.0"
HERE = os.path.dirname(os.path.abspath(__file__))
MARK = re.compile(r"\{([A-Z]+):([^{}]*)\}")
CATS = {"NAME", "DATE", "AGE", "PHONE", "FAX", "EMAIL", "URL", "IP", "SSN", "MRN", "ACCOUNT", "LICENSE",
        "VEHICLE", "DEVICE", "ADDRESS", "LOCATION", "ZIP", "FACILITY"}
# Latin-script locales for names; one is drawn per person.
NAME_LOCALES = ["en_US", "es_MX", "es_CO", "es_AR", "pt_BR", "fr_FR", "fr_CA", "de_DE", "it_IT", "pl_PL",
                "vi_VN", "tl_PH", "en_IN", "yo_NG", "ig_NG", "ha_NG", "zu_ZA", "ga_IE", "tr_TR", "sv_SE",
                "nl_NL", "cs_CZ", "hu_HU", "ro_RO", "sq_AL", "sw", "tw_GH", "en_KE", "id_ID", "fi_FI",
                "hr_HR", "lt_LT", "en_NZ", "es_CL", "pt_PT", "de_AT", "da_DK", "uz_UZ", "az_AZ"]


def unmark(marked):
    out, spans, pos = [], [], 0
    for m in MARK.finditer(marked):
        out.append(marked[pos:m.start()])
        cat, val = m.group(1), m.group(2)
        assert cat in CATS, cat
        start = sum(len(x) for x in out)
        out.append(val)
        assert val and val == val.strip(), repr(val)
        spans.append([start, start + len(val), cat])
        pos = m.end()
    out.append(marked[pos:])
    text = "".join(out)
    assert "{" not in text and "}" not in text, text
    return text, spans


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.fk = {}

    def faker(self, loc):
        if loc not in self.fk:
            f = faker.Faker(loc)
            f.seed_instance(self.r.randrange(1 << 30))
            self.fk[loc] = f
        return self.fk[loc]

    def c(self, seq):
        return self.r.choice(seq)

    def p(self, prob):
        return self.r.random() < prob

    def digits(self, n):
        return "".join(str(self.r.randrange(10)) for _ in range(n))

    def alnum(self, n):
        return "".join(self.c("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(n))

    # ---- names
    def first(self):
        k = self.r.random()
        if k < 0.2:
            return self.c(V.WORD_FIRST)
        if k < 0.35:
            return self.c(V.RARE_FIRST)
        return self._clean(self.faker(self.c(NAME_LOCALES)).first_name())

    def last(self):
        if self.p(0.35):
            return self.c(V.SURNAMES)
        return self._clean(self.faker(self.c(NAME_LOCALES)).last_name())

    @staticmethod
    def _clean(s):
        s = s.strip()
        assert s and "{" not in s and "}" not in s
        return s

    def person(self, style=None):
        f, l = self.first(), self.last()
        style = style or self.c(["fl", "fl", "fl", "lf", "fml", "FL", "lfU", "fl_low", "f.l"])
        if style == "fl":
            return f"{f} {l}"
        if style == "lf":
            return f"{l}, {f}"
        if style == "fml":
            return f"{f} {self.c('ABCDEFGHJKLMNPRSTW')}. {l}"
        if style == "FL":
            return f"{f} {l}".upper()
        if style == "lfU":
            return f"{l}, {f}".upper()
        if style == "fl_low":
            return f"{f} {l}".lower()
        return f"{f[0]}. {l}"

    # ---- dates
    def date(self, lo=1925, hi=2026):
        start = dt.date(lo, 1, 1).toordinal()
        end = dt.date(hi, 12, 28).toordinal()
        return dt.date.fromordinal(self.r.randrange(start, end))

    def fmt_date(self, d, kind=None):
        ords = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}
        words = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                 "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
                 "seventeenth", "eighteenth", "nineteenth", "twentieth", "twenty-first", "twenty-second",
                 "twenty-third", "twenty-fourth", "twenty-fifth", "twenty-sixth", "twenty-seventh",
                 "twenty-eighth", "twenty-ninth", "thirtieth", "thirty-first"]
        kind = kind or self.c(["mdY", "mdY", "mdy", "ISO", "dMonY", "Month d, Y", "Mon d", "d Month Y",
                               "m-d-Y", "m.d.Y", "Ymd", "Month Y", "m/d", "ordinal", "Month dth",
                               "d-Mon-y", "MON d Y", "spoken", "Mon. d, Y", "m/d/Y pad"])
        m, day, y = d.month, d.day, d.year
        M, Mo = d.strftime("%B"), d.strftime("%b")
        suf = ords.get(day, "th")
        return {
            "mdY": f"{m}/{day}/{y}", "mdy": f"{m}/{day}/{y % 100:02d}", "ISO": d.isoformat(),
            "dMonY": f"{day:02d}{Mo.upper()}{y}", "Month d, Y": f"{M} {day}, {y}", "Mon d": f"{Mo} {day}",
            "d Month Y": f"{day} {M} {y}", "m-d-Y": f"{m:02d}-{day:02d}-{y}", "m.d.Y": f"{m:02d}.{day:02d}.{y}",
            "Ymd": f"{y}{m:02d}{day:02d}", "Month Y": f"{M} {y}", "m/d": f"{m}/{day}",
            "ordinal": f"{day}{suf} of {M}", "Month dth": f"{M} {day}{suf}",
            "d-Mon-y": f"{day}-{Mo}-{y % 100:02d}", "MON d Y": f"{Mo.upper()} {day} {y}",
            "spoken": f"{M.lower()} {words[day]}", "Mon. d, Y": f"{Mo}. {day}, {y}" if Mo != "May" else f"May {day}, {y}",
            "m/d/Y pad": f"{m:02d}/{day:02d}/{y}",
        }[kind]

    def D(self, lo=2024, hi=2026, kind=None):
        return "{DATE:%s}" % self.fmt_date(self.date(lo, hi), kind)

    def DOB(self, kind=None):
        return "{DATE:%s}" % self.fmt_date(self.date(1925, 2024), kind or self.c(["mdY", "m/d/Y pad", "ISO",
                                                                                  "Month d, Y", "dMonY", "m-d-Y"]))

    # ---- ages over 89
    def age(self):
        n = self.r.randrange(90, 108)
        w = {90: "ninety", 91: "ninety-one", 92: "ninety-two", 93: "ninety three", 94: "ninety-four",
             95: "ninety five", 96: "ninety-six", 97: "ninety-seven", 98: "ninety eight", 99: "ninety-nine",
             100: "one hundred", 101: "a hundred and one", 102: "one hundred two", 103: "103", 104: "104",
             105: "105", 106: "106", 107: "107"}[n]
        form = self.c(["{A} y/o", "{A}yo", "{A}-year-old", "{A} year old", "{A} yrs", "{A}F", "{A}M",
                       "age {A}", "aged {A}", "{A} y.o.", "{W}-year-old", "{W} years old", "{A} YO", "({A})"])
        if "{W}" in form:
            return form.replace("{W}", "{AGE:%s}" % w)
        return form.replace("{A}", "{AGE:%d}" % n)

    # ---- contact numbers
    def phone_raw(self):
        a = self.c(["606", "276", "304", "928", "505", "575", "907", "808", "337", "985", "956", "605",
                    "406", "701", "918", "423", "671", "670", "684"])
        x, y = self.digits(3), self.digits(4)
        x = str(self.r.randrange(2, 10)) + x[1:]
        return self.c([f"({a}) {x}-{y}", f"{a}-{x}-{y}", f"{a}.{x}.{y}", f"{a}{x}{y}", f"+1 {a} {x} {y}",
                       f"1-{a}-{x}-{y}", f"{x}-{y}", f"({a}){x}-{y}", f"{a} {x} {y}", f"{a}/{x}-{y}",
                       f"({a}) {x}-{y} ext. {self.digits(3)}", f"{a}-{x}-{y} x{self.digits(4)}",
                       f"+1 ({a}) {x}-{y}", f"{a}–{x}–{y}"])

    def PH(self):
        return "{PHONE:%s}" % self.phone_raw()

    def FX(self):
        return "{FAX:%s}" % self.phone_raw()

    def email(self, name=None):
        f = self.faker(self.c(["en_US", "es_MX", "fr_FR", "pt_BR", "tl_PH", "vi_VN", "en_IN"]))
        if name is None:
            name = self.c([f"{self.first()}.{self.last()}", f"{self.first()[0]}{self.last()}{self.digits(2)}",
                           f"{self.last()}_{self.first()}"])
        user = f.user_name() if self.p(0.5) else name.lower().replace(" ", "").replace(",", "")
        user = re.sub(r"[^a-z0-9._-]", "", user) or f.user_name()
        user = re.sub(r"^[._-]+|[._-]+$", "", user) or f.user_name()
        dom = self.c(["gmail.com", "yahoo.com", "hotmail.com", "aol.com", "icloud.com", "outlook.com",
                      "gci.net", "hawaiiantel.net", "windstream.net", "frontiernet.net", "att.net",
                      f.domain_name(), "ihs.gov", "navajo-nsn.gov", "ykhc.org", "cox.net"])
        return "{EMAIL:%s@%s}" % (user, dom)

    def url(self):
        f = self.faker("en_US")
        u = f.user_name()
        return "{URL:%s}" % self.c([
            f"https://www.facebook.com/{u}", f"facebook.com/{u}.{self.digits(3)}", f"instagram.com/{u}",
            f"https://www.tiktok.com/@{u}", f"@{u}", f"https://www.gofundme.com/f/help-{u}",
            f"https://www.caringbridge.org/visit/{u}", f"https://{f.domain_name()}/{u}",
            f"https://us02web.zoom.us/j/{self.digits(11)}", f"https://doxy.me/{u}",
            f"https://meet.google.com/{self.c('abcdefghijk')}{self.c('mnopqrst')}x-{u[:4]}-{self.c('uvwyz')}qa",
            f"http://www.{u}.com", f"youtube.com/@{u}", f"https://www.linkedin.com/in/{u}",
            f"https://venmo.com/u/{u}", f"https://cash.app/${u}", f"https://x.com/{u}",
            f"https://www.snapchat.com/add/{u}", f"https://bit.ly/{self.alnum(7)}"])

    def ip(self):
        f = self.faker("en_US")
        return "{IP:%s}" % self.c([f.ipv4_public(), f.ipv4_private(), f.ipv6(), f"{f.ipv4_public()}:{self.r.randrange(1024, 65535)}",
                                   f.ipv4_public()])

    def ssn_raw(self):
        s = self.faker("en_US").ssn()
        a, b, c = s.split("-")
        return self.c([s, s, f"{a} {b} {c}", f"{a}{b}{c}", f"{a}.{b}.{c}", f"{a}-{b}{c}"])

    def SSN(self):
        return "{SSN:%s}" % self.ssn_raw()

    # ---- numbers tied to records
    def mrn_raw(self):
        return self.c([self.digits(7), self.digits(8), f"{self.digits(2)}-{self.digits(3)}-{self.digits(3)}",
                       f"E{self.digits(9)}", f"{self.c('MKHV')}{self.digits(6)}", f"00{self.digits(6)}",
                       f"{self.digits(3)} {self.digits(3)} {self.digits(2)}", f"{self.digits(4)}{self.c('ABX')}{self.digits(3)}"])

    def MRN(self):
        return "{MRN:%s}" % self.mrn_raw()

    def acct_raw(self):
        f = self.faker(self.c(["en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "nl_NL"]))
        return self.c([self.digits(10), f"{self.alnum(3)}{self.digits(9)}", f"{self.digits(4)}-{self.digits(6)}",
                       f.bban(), f"{self.digits(1)}{self.alnum(2)}{self.digits(1)}-{self.alnum(3)}-{self.alnum(4)}",
                       f"W{self.digits(9)}", f"{self.digits(12)}", f"H{self.digits(8)}", f"ZGP{self.digits(8)}",
                       f"{self.digits(3)}-{self.digits(2)}-{self.digits(5)}"])

    def ACC(self):
        return "{ACCOUNT:%s}" % self.acct_raw()

    def npi(self):
        base = "80840" + "".join([str(self.r.randrange(1, 3))] + [str(self.r.randrange(10)) for _ in range(8)])
        total = 0
        for i, ch in enumerate(reversed(base)):
            d = int(ch)
            if i % 2 == 0:
                d *= 2
                d = d - 9 if d > 9 else d
            total += d
        chk = (10 - total % 10) % 10
        return base[5:] + str(chk)

    def dea(self, last):
        first = self.c("ABFGM")
        second = last[0].upper() if last[0].upper() in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" else "X"
        ds = [self.r.randrange(10) for _ in range(6)]
        chk = (ds[0] + ds[2] + ds[4] + 2 * (ds[1] + ds[3] + ds[5])) % 10
        return first + second + "".join(map(str, ds)) + str(chk)

    def lic_raw(self):
        return self.c([f"{self.c(['MD', 'DO', 'RN', 'APRN', 'PA', 'RPh', 'LCSW'])}{self.digits(5)}",
                       f"{self.digits(2)}-{self.digits(5)}", f"{self.c('ABCDKMRSTW')}{self.digits(7)}",
                       f"{self.digits(3)}-{self.digits(3)}-{self.digits(3)}", f"{self.c('DLKS')}{self.digits(8)}"])

    def vin(self):
        return self.faker("en_US").vin()

    def plate(self):
        loc = self.c(["en_US", "en_US", "es_MX", "en_CA", "fil_PH", "en_AU"])
        try:
            return self.faker(loc).license_plate()
        except AttributeError:
            return self.faker("en_US").license_plate()

    def serial(self):
        return self.c([f"{self.alnum(3)}{self.digits(6)}{self.c('HNRSU')}", f"SN{self.digits(8)}",
                       f"{self.digits(2)}{self.alnum(2)}{self.digits(5)}", f"8G{self.alnum(4)}",
                       f"(01){self.digits(14)}(21){self.alnum(8)}", f"{self.digits(15)}",
                       f"{self.alnum(2)}-{self.digits(6)}-{self.alnum(2)}"])

    # ---- places
    def town(self):
        return self.c(V.TOWNS)

    def zip(self):
        z = self.digits(5)
        return z + ("-" + self.digits(4) if self.p(0.2) else "")

    def street(self, case=None):
        num = self.c([str(self.r.randrange(1, 99999)), str(self.r.randrange(1, 999)), f"{self.r.randrange(1, 400)} 1/2",
                      f"HC {self.r.randrange(60, 90)} Box {self.r.randrange(1, 999)}"])
        if num.startswith("HC"):
            s = num
        else:
            stem = self.c(V.STREET_STEMS + [self.last() for _ in range(3)])
            full, ab = self.c(V.SUFFIXES)
            suf = self.c([full, ab, ab + "."] if ab != full else [full])
            pre = self.c(["", "", "", "N ", "S. ", "E ", "West ", "NW "])
            s = f"{num} {pre}{stem} {suf}"
            if self.p(0.3):
                s += self.c([", ", " "]) + f"{self.c(V.UNITS)}{'' if self.p(0.3) else ' '}{self.c([str(self.r.randrange(1, 40)), self.c('ABCD'), str(self.r.randrange(100, 420))])}"
        if self.p(0.08):
            s = self.c([f"PO Box {self.r.randrange(1, 9999)}", f"P.O. Box {self.r.randrange(1, 999)}",
                        f"RR {self.r.randrange(1, 9)} Box {self.r.randrange(1, 300)}", f"Rural Route {self.r.randrange(1, 5)}, Box {self.r.randrange(1, 300)}"])
        case = case or self.c(["as", "as", "as", "up", "low"])
        return s.upper() if case == "up" else s.lower() if case == "low" else s

    def facility(self):
        if self.p(0.4):
            return self.c(V.FACILITY_FIXED)
        return self.c(V.FACILITY_KINDS).format(t=self.town()[0])

    def residence(self):
        return self.c(["{t} Nursing and Rehab", "{t} Manor Care Home", "{t} Senior Living", "{t} Assisted Living",
                       "{t} Veterans Home", "{t} Elder Care Center"]).format(t=self.town()[0])

    def dl_raw(self):
        return self.c([f"{self.c('ABCDFGHKMNSTW')}{self.digits(8)}", f"{self.c('ABKMS')}{self.digits(3)}-{self.digits(3)}-{self.digits(3)}",
                       self.digits(9), f"{self.digits(3)}-{self.digits(2)}-{self.digits(4)}", f"{self.c('DHLW')}{self.digits(7)}",
                       f"{self.digits(2)}-{self.digits(3)}-{self.digits(4)}"])

    def Fk(self, *kinds):
        return "{FACILITY:%s}" % self.c(kinds).format(t=self.town()[0])

    def F(self):
        return "{FACILITY:%s}" % self.facility()

    def N(self, style=None):
        return "{NAME:%s}" % self.person(style)

    def addr_block(self, sep=", ", case=None):
        t, st = self.town()
        if case == "up":
            t, st = t.upper(), st.upper()
        elif case == "low":
            t, st = t.lower(), st.lower()
        return "{ADDRESS:%s}%s{LOCATION:%s}, %s {ZIP:%s}" % (self.street(case), sep, t, st, self.zip())


import shapes  # noqa: E402  (shapes use Gen and the helpers above)


def main():
    if faker.VERSION != FAKER_VERSION:
        print(f"warning: Faker {faker.VERSION}, set written with {FAKER_VERSION}; output will differ")
    g = Gen(SEED)
    rows = []
    planted, clean = [], []
    for k, m in enumerate(hand.PLANTED):
        planted.append((f"h{k:02d}", m))
    for k, m in enumerate(hand.CLEAN):
        clean.append((f"h{k:02d}", m))
    names = sorted(shapes.PLANTED)
    for i in range(shapes.N_PLANTED):
        # scarce categories (SSN, URL, DEVICE, VEHICLE, LICENSE, FAX) drawn more often after two rounds
        name = names[i % len(names)] if i < 2 * len(names) else g.c(names + shapes.SCARCE)
        m = shapes.PLANTED[name](g)
        if name not in ("chat", "speech", "registration") and g.p(0.14):
            m = shapes.up(m) if g.p(0.5) else shapes.low(m)
        planted.append((f"g{name}", m))
    cnames = sorted(shapes.CLEAN)
    for i in range(shapes.N_CLEAN):
        name = cnames[i % len(cnames)] if i < 2 * len(cnames) else g.c(cnames)
        clean.append((f"g{name}", shapes.CLEAN[name](g)))
    items = [("P", k, m) for k, m in planted] + [("N", k, m) for k, m in clean]
    g.r.shuffle(items)
    np = nn = 0
    for kind, k, m in items:
        text, spans = unmark(m.strip("\n"))
        if kind == "P":
            np += 1
            rid = f"G-P{np:03d}-{k}"
            assert spans, rid
        else:
            nn += 1
            rid = f"G-N{nn:03d}-{k}"
            assert not spans, rid
        rows.append({"id": rid, "split": "heldout", "carrier": "", "text": text, "spans": spans})
    with open(os.path.join(HERE, "heldout.jsonl"), "w", encoding="utf-8", newline="\n") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} rows: {np} planted, {nn} clean")


if __name__ == "__main__":
    main()
