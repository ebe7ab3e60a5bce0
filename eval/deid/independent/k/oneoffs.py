"""Hand-written one-off identifier passages for set K (values typed here, not drawn)."""

from __future__ import annotations


def S(v, c):
    return (v, c)


ONEOFFS = [
    ("pr_urbanizacion", ["Dirección: ", S("Urb. Las Brisas, Calle 4 D-12", "ADDRESS"), ", ", S("Utuado", "LOCATION"), ", PR ", S("00641", "ZIP"),
                         ". Paciente ", S("Wilfredo Santiago Irizarry", "NAME"), " vive con su nieta ", S("Yarelis", "NAME"), "."]),
    ("star_route", ["Mail to ", S("Star Route Box 61", "ADDRESS"), ", ", S("Challis", "LOCATION"), " ", S("83226", "ZIP"),
                    "; he checks the box on Fridays. Spouse ", S("Verla Quist", "NAME"), " has no phone."]),
    ("rv_park", [S("Dwight Abernathy", "NAME"), " is living in a camper at ", S("Lot 14, Bitterroot RV Park, 3350 Hwy 93 N", "ADDRESS"),
                 ", ", S("Salmon", "LOCATION"), ". Hep C Ab positive ", S("10/02/2026", "DATE"), "."]),
    ("dob_words", ["Patient states date of birth ", S("five twelve thirty-one", "DATE"), ", which makes her ", S("ninety-five", "AGE"),
                   "; name ", S("Ottilie Brandvold", "NAME"), ", spelled with a V."]),
    ("spaced_mrn", ["MRN: ", S("00 4471 2093", "MRN"), "    Unit No. ", S("K-228-01", "MRN"), "    Pt: ", S("HALVORSEN-NAKAI, JOLENE", "NAME")]),
    ("nickname", [S("Clarence \"Bubba\" Thibodeaux", "NAME"), " (goes by ", S("Bubba", "NAME"), ") walked out AMA on ", S("Oct 30", "DATE"),
                  "; last seen at ", S("Fontenot's Bait & Tackle", "FACILITY"), "."]),
    ("obfuscated_email", ["Pt asked that results go to ", S("rhonda dot pettaway at windstream dot net", "EMAIL"), " (she spelled it out); ",
                          "no texts to ", S("606-785-0139", "PHONE"), "."]),
    ("phone_words", ["Callback number given as ", S("two oh seven, four five four, eight eight one two", "PHONE"), " — daughter ",
                     S("Marguerite", "NAME"), "'s landline in ", S("Eastport", "LOCATION"), "."]),
    ("holiday_date", ["Fell on the ice ", S("New Year's Day 2026", "DATE"), " outside ", S("Lusk Senior Center", "FACILITY"),
                      "; brought in by neighbor ", S("Orrin Tolliver", "NAME"), "."]),
    ("bare_domain", ["Sells eggs through ", S("hostetlerpasturedpoultry.com", "URL"), "; ", S("Amos Hostetler", "NAME"), " (", S("97", "AGE"),
                     ") still does chores daily."]),
    ("ip_port", ["VPN session from ", S("10.214.7.33", "IP"), ":8443 by user ", S("kbegay2", "NAME"), " opened chart ", S("IHS-584102", "MRN"), "."]),
    ("table_age", ["Name | Age | Unit\n", S("Fenwick, Ada", "NAME"), " | ", S("104", "AGE"), " | 2 South\n", S("Ngozi Adeyemi-Ross", "NAME"), " | 71 | 2 South"]),
    ("lower_vin", ["tow yard called re: pt's truck, vin ", S("1ftfw1e59jfa27736", "VEHICLE"), ", plate ", S("wy 12-3456", "VEHICLE"),
                   ", owner ", S("lacey whitehorse", "NAME"), "."]),
    ("zip_first", ["Pol. adres: ", S("ul. Słowackiego 14/3", "ADDRESS"), ", ", S("37-450", "ZIP"), " ", S("Stalowa Wola", "LOCATION"),
                   "; syn ", S("Grzegorz Wąsik", "NAME"), " tel. ", S("+48 601 442 918", "PHONE")]),
    ("tribal_id", ["Tribal enrollment # ", S("401-A-1277", "SSN"), ", ", S("Northern Cheyenne Reservation", "LOCATION"), "; CHR ",
                   S("Delphine Two Moons", "NAME"), " coordinates rides from ", S("Lame Deer", "LOCATION"), "."]),
    ("medicaid_es", ["Número de Medicaid ", S("7730014529", "ACCOUNT"), "; tarjeta del Plan Vital ", S("MPV 0099 1847 22", "ACCOUNT"),
                     ". Madre: ", S("Nilda Cruz de Jesús", "NAME"), "."]),
    ("fax_header", [S("2077330142", "FAX"), "  ", S("03/04/2026", "DATE"), " 10:14  P.002/006  FROM ", S("MACHIAS FAMILY HEALTH", "FACILITY"),
                    "\nRe: ", S("O'SHAUGHNESSY, BRIDGET", "NAME"), " — biopsy report attached"]),
    ("eircode", ["Irish visitor, address ", S("14 Bóthar na Trá", "ADDRESS"), ", ", S("Spiddal", "LOCATION"), ", Co. Galway ", S("H91 X2K8", "ZIP"),
                 "; PPSN ", S("8841302QA", "SSN"), "; EHIC card ", S("80372 000 0046 1190 22", "ACCOUNT"), "."]),
    ("hearing_aid_lost", ["Lost left hearing aid (Oticon, SN ", S("2218J4471", "DEVICE"), ") on the ", S("Ocracoke", "LOCATION"),
                          " ferry ", S("7/19", "DATE"), "; family friend ", S("Tobias Gaskill", "NAME"), " found it."]),
    ("gps_landmark", ["Directions for home health: green trailer, ", S("3rd drive past mile marker 42 on Navajo Route 12", "ADDRESS"), ", ",
                      S("Lukachukai", "LOCATION"), "; ask for ", S("Harrison Tsinnijinnie", "NAME"), "."]),
]
