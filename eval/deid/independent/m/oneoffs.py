"""Set M hand-written identifier passages: `[[value|CATEGORY]]` marks a gold span.

NPIs, DEAs, VINs and the IMEI below carry valid check digits (computed with values.py).
"""

ONEOFFS: list[tuple[str, str]] = [
    (
        "nickquote",
        'Seen with her brother [[Thorvald "Tuck" Brekke-Lunde|NAME]]; he prefers "[[Tuck|NAME]]" and asks that calls go to [[(435) 528-7710 ext. 3|PHONE]].',
    ),
    (
        "particles",
        "Consult for [[Marie-Odile de la Houssaye|NAME]] from Mme. [[D'Aquin|NAME]]'s referral; son [[Jean-Baptiste St. Romain|NAME]] is POA.",
    ),
    (
        "gridaddr",
        "New address per pt: [[1200 N 300 W|ADDRESS]], [[Spring City|LOCATION]] UT [[84662-0417|ZIP]] (the grid, not a street name).",
    ),
    (
        "prurb",
        "Dirección postal: [[Urb. Alturas de Utuado, Calle Yagrumo K-4|ADDRESS]], [[Utuado|LOCATION]] PR [[00641-2290|ZIP]]; residencia física: [[Bo. Caonillas, Carr. 140 Km 12.3|ADDRESS]].",
    ),
    (
        "ruralroute",
        "Mail returned from [[RR 3 Box 41-B|ADDRESS]], [[Eutaw|LOCATION]], AL [[35462|ZIP]]; new mailing address [[PO Box 77|ADDRESS]], [[Livingston|LOCATION]] [[35470|ZIP]].",
    ),
    (
        "vanityline",
        "Pt's husband runs the crawfish boiler line, [[337-CRAWDAD|PHONE]] ([[337-272-9323|PHONE]]); best reached evenings.",
    ),
    (
        "intlphone",
        "Emergency contact: daughter [[Ayumi Kitagawa-Thune|NAME]], Stavanger number [[+47 912 40 377|PHONE]], or via her husband at [[0047 915 88 021|PHONE]].",
    ),
    (
        "partialssn",
        "Identity verified: [[Odessa Threadgill|NAME]], SSN ending in [[8812|SSN]], DOB [[2/9/1931|DATE]]; the card on file reads XXX-XX-[[8812|SSN]].",
    ),
    (
        "platestate",
        "Security: patient's daughter parked a black Tahoe with Louisiana plates [[RKT 418|VEHICLE]] in the ambulance bay; her Alabama tag [[27CB884|VEHICLE]] truck also there.",
    ),
    (
        "vinfull",
        "Crash report attached: 2014 F-250, VIN [[1FT7W2BT7EEA40117|VEHICLE]], registered to [[Ottmar Kothmann|NAME]], [[Fredericksburg|LOCATION]].",
    ),
    (
        "npidea",
        "Rx signed: [[Lorin Okerlund|NAME]], MD -- NPI [[2260181591|LICENSE]], DEA [[AO8194829|LICENSE]]; covering: [[K. St. Romain|NAME]], NP, DEA [[AS9935187|LICENSE]].",
    ),
    (
        "ageword",
        "Mrs. [[Hisako Oshiro|NAME]] turned [[one hundred and one|AGE]] on [[Memorial Day 2025|DATE]]; her younger sister is [[ninety-seven|AGE]].",
    ),
    (
        "initialsdate",
        "Verbal order read back and verified. [[T.O.V.|NAME]] [[03/14/26|DATE]] 1420 / cosigned [[JMK|NAME]] [[3/15|DATE]].",
    ),
    (
        "zipplus",
        "Statement returned: [[PO Box 118|ADDRESS]], [[Pigeon|LOCATION]] MI [[48755-0118|ZIP]]. Forwarding to [[4410 M-53|ADDRESS]], [[Bad Axe|LOCATION]] MI [[48413-9204|ZIP]].",
    ),
    (
        "serials",
        "Explant: ICD s/n [[RZX617044S|DEVICE]] and RA lead s/n [[PJN4471902|DEVICE]] returned to the manufacturer for [[Ilarion Basargin|NAME]].",
    ),
    (
        "imeiwatch",
        "Fall-detection watch IMEI [[358955597971145|DEVICE]] registered to [[Agafia Reutov|NAME]]; alerts go to [[(503) 981-4406|PHONE]].",
    ),
    (
        "hullid",
        "Shrimp boat [[LA 4419 FJ|VEHICLE]] (hull [[SZY43KVJG323|VEHICLE]]) owned by the patient's son [[Euclide Zeringue|NAME]] of [[Golden Meadow|LOCATION]].",
    ),
    (
        "aircraft",
        "Crop duster pilot [[Halvor Opsahl|NAME]], aircraft [[N4471K|VEHICLE]], down in a field near [[Caro|LOCATION]]; airman cert [[3418827|LICENSE]].",
    ),
    (
        "oldvin",
        "His 1987 pickup (VIN last six [[527601|VEHICLE]]) and horse trailer plate [[TX 71C 4R8|VEHICLE]] are still at the ranch.",
    ),
    (
        "labelafter2",
        "[[44719-23|MRN]] (chart) / [[0093-22718|ACCOUNT]] (HAR) / [[Jarvela, Impi A|NAME]] (pt) / [[19 Dec 1929|DATE]] (born) / [[96|AGE]] (yrs)",
    ),
    (
        "teletype2",
        "MSG FM [[ROGERS CITY CLINIC|FACILITY]] TO RADIOLOGY // PT [[NIEMI SULO R|NAME]] // DOB [[12JUL30|DATE]] // CB [[9897342281|PHONE]] // FAX [[9897342290|FAX]] // END",
    ),
    (
        "dentalmix",
        "Tooth #19 fractured. [[Kolton Peay|NAME]]'s mom [[Shaylee|NAME]] texted from [[435-851-0326|PHONE]]; Medicaid dental ID [[0012847795|ACCOUNT]].",
    ),
    (
        "faxsheet",
        "FAX TO: [[Greensboro Home Health|FACILITY]]  NUMBER: [[334.624.8809|FAX]]  FROM: [[DeeAnn Haycock|NAME]]  CALLBACK: [[334.624.8801 x22|PHONE]]  PAGES: 3",
    ),
    (
        "blog",
        "Mother posts updates at [[https://www.caringbridge.org/site/verlapfluger|URL]] and [[verlapfluger.blogspot.com|URL]]; please do not reply there.",
    ),
    (
        "ipport",
        "Remote monitor heartbeat lost from [[2601:2c1:8f00:41a2::7|IP]]; last good at [[173.18.200.41|IP]]:8443 on [[Feb. 3rd 2026|DATE]].",
    ),
    (
        "macaddr",
        "Home hub for [[Noboru Matsumura|NAME]]: MAC [[00-1B-63-84-45-E6|DEVICE]], concentrator s/n [[1011D4418|DEVICE]].",
    ),
    (
        "emailodd",
        "Send results to [[odile.sarpy@cox.net|EMAIL]] (not [[osarpy@cox.net|EMAIL]], that one bounced).",
    ),
    (
        "compoundsur",
        "Pt [[María de la Rosa Menesses|NAME]] (goes by Sra. [[Menesses|NAME]]) lives with [[Tadashi Yamasaki-Hovland|NAME]] in [[Vacherie|LOCATION]].",
    ),
    (
        "holiday",
        "Last seen well on [[Pioneer Day 2025|DATE]]; symptoms began the weekend after [[Mardi Gras 2026|DATE]].",
    ),
    (
        "facilityonly",
        "Transferred from [[Gunnison Valley Hospital|FACILITY]] to [[Sevier Valley Care Center|FACILITY]]; records to [[St. James Parish Hospital|FACILITY]] by request.",
    ),
]
