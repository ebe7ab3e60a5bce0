#!/usr/bin/env python3
"""Write set Q (heldout.jsonl): 270 identifier passages and 180 clean passages.

Standard library only; seed 20261213. Run: python3 make_set.py  (writes heldout.jsonl beside it).
A passage is a list of text pieces and (value, CATEGORY) pairs; offsets are recorded while the
text is assembled, so text[start:end] is the value by construction.
"""

from __future__ import annotations

import collections
import datetime as dt
import json
import random
import re
from pathlib import Path

SEED = 20261213
OUT = Path(__file__).with_name("heldout.jsonl")

# ---------------------------------------------------------------------------------------------
# Places: (town, county or district, state, ZIP, area code). ZIPs as remembered, not checked.
# ---------------------------------------------------------------------------------------------
PLACES = [
    # South Jersey: Pinelands and the Delaware Bayshore
    ("Hammonton", "Atlantic", "NJ", "08037", "609"), ("Egg Harbor City", "Atlantic", "NJ", "08215", "609"),
    ("Mays Landing", "Atlantic", "NJ", "08330", "609"), ("Buena", "Atlantic", "NJ", "08310", "856"),
    ("Estell Manor", "Atlantic", "NJ", "08319", "609"), ("Tuckahoe", "Cape May", "NJ", "08250", "609"),
    ("Woodbine", "Cape May", "NJ", "08270", "609"), ("Millville", "Cumberland", "NJ", "08332", "856"),
    ("Port Norris", "Cumberland", "NJ", "08349", "856"), ("Cedarville", "Cumberland", "NJ", "08311", "856"),
    ("Dividing Creek", "Cumberland", "NJ", "08315", "856"), ("Mauricetown", "Cumberland", "NJ", "08329", "856"),
    ("Heislerville", "Cumberland", "NJ", "08324", "856"), ("Pennsville", "Salem", "NJ", "08070", "856"),
    ("Elmer", "Salem", "NJ", "08318", "856"), ("Woodstown", "Salem", "NJ", "08098", "856"),
    ("Chatsworth", "Burlington", "NJ", "08019", "609"), ("Browns Mills", "Burlington", "NJ", "08015", "609"),
    ("New Gretna", "Burlington", "NJ", "08224", "609"), ("Tuckerton", "Ocean", "NJ", "08087", "609"),
    ("Waretown", "Ocean", "NJ", "08758", "609"), ("Forked River", "Ocean", "NJ", "08731", "609"),
    # Berkshires and the Massachusetts hill towns
    ("Great Barrington", "Berkshire", "MA", "01230", "413"), ("Lee", "Berkshire", "MA", "01238", "413"),
    ("Lenox", "Berkshire", "MA", "01240", "413"), ("Otis", "Berkshire", "MA", "01253", "413"),
    ("Becket", "Berkshire", "MA", "01223", "413"), ("Sandisfield", "Berkshire", "MA", "01255", "413"),
    ("New Marlborough", "Berkshire", "MA", "01230", "413"), ("Sheffield", "Berkshire", "MA", "01257", "413"),
    ("Hinsdale", "Berkshire", "MA", "01235", "413"), ("Peru", "Berkshire", "MA", "01235", "413"),
    ("Savoy", "Berkshire", "MA", "01256", "413"), ("Cheshire", "Berkshire", "MA", "01225", "413"),
    ("Adams", "Berkshire", "MA", "01220", "413"), ("Clarksburg", "Berkshire", "MA", "01247", "413"),
    ("Dalton", "Berkshire", "MA", "01226", "413"), ("Worthington", "Hampshire", "MA", "01098", "413"),
    ("Cummington", "Hampshire", "MA", "01026", "413"), ("Chesterfield", "Hampshire", "MA", "01012", "413"),
    ("Shelburne Falls", "Franklin", "MA", "01370", "413"), ("Colrain", "Franklin", "MA", "01340", "413"),
    ("Heath", "Franklin", "MA", "01346", "413"), ("Charlemont", "Franklin", "MA", "01339", "413"),
    ("Ashfield", "Franklin", "MA", "01330", "413"), ("Conway", "Franklin", "MA", "01341", "413"),
    ("Blandford", "Hampden", "MA", "01008", "413"), ("Russell", "Hampden", "MA", "01071", "413"),
    # Salinas Valley and San Benito County
    ("Soledad", "Monterey", "CA", "93960", "831"), ("Gonzales", "Monterey", "CA", "93926", "831"),
    ("Greenfield", "Monterey", "CA", "93927", "831"), ("King City", "Monterey", "CA", "93930", "831"),
    ("Chualar", "Monterey", "CA", "93925", "831"), ("Castroville", "Monterey", "CA", "95012", "831"),
    ("Aromas", "Monterey", "CA", "95004", "831"), ("San Ardo", "Monterey", "CA", "93450", "831"),
    ("San Lucas", "Monterey", "CA", "93954", "831"), ("Bradley", "Monterey", "CA", "93426", "805"),
    ("Jolon", "Monterey", "CA", "93928", "831"), ("Lockwood", "Monterey", "CA", "93932", "831"),
    ("Spreckels", "Monterey", "CA", "93962", "831"), ("Prunedale", "Monterey", "CA", "93907", "831"),
    ("Pajaro", "Monterey", "CA", "95076", "831"), ("Hollister", "San Benito", "CA", "95023", "831"),
    ("San Juan Bautista", "San Benito", "CA", "95045", "831"), ("Tres Pinos", "San Benito", "CA", "95075", "831"),
    ("Paicines", "San Benito", "CA", "95043", "831"),
    # Deep East Texas and the Big Thicket
    ("Woodville", "Tyler", "TX", "75979", "409"), ("Colmesneil", "Tyler", "TX", "75938", "409"),
    ("Warren", "Tyler", "TX", "77664", "409"), ("Spurger", "Tyler", "TX", "77660", "409"),
    ("Kountze", "Hardin", "TX", "77625", "409"), ("Silsbee", "Hardin", "TX", "77656", "409"),
    ("Sour Lake", "Hardin", "TX", "77659", "409"), ("Saratoga", "Hardin", "TX", "77585", "936"),
    ("Batson", "Hardin", "TX", "77519", "936"), ("Livingston", "Polk", "TX", "77351", "936"),
    ("Corrigan", "Polk", "TX", "75939", "936"), ("Onalaska", "Polk", "TX", "77360", "936"),
    ("Goodrich", "Polk", "TX", "77335", "936"), ("Moscow", "Polk", "TX", "75960", "936"),
    ("Newton", "Newton", "TX", "75966", "409"), ("Burkeville", "Newton", "TX", "75932", "409"),
    ("Bon Wier", "Newton", "TX", "75928", "409"), ("Hemphill", "Sabine", "TX", "75948", "409"),
    ("Pineland", "Sabine", "TX", "75968", "409"), ("San Augustine", "San Augustine", "TX", "75972", "936"),
    ("Broaddus", "San Augustine", "TX", "75929", "936"), ("Zavalla", "Angelina", "TX", "75980", "936"),
    ("Diboll", "Angelina", "TX", "75941", "936"), ("Groveton", "Trinity", "TX", "75845", "936"),
    ("Apple Springs", "Trinity", "TX", "75926", "936"),
    # San Luis Valley, Colorado
    ("Alamosa", "Alamosa", "CO", "81101", "719"), ("Monte Vista", "Rio Grande", "CO", "81144", "719"),
    ("Del Norte", "Rio Grande", "CO", "81132", "719"), ("South Fork", "Rio Grande", "CO", "81154", "719"),
    ("La Jara", "Conejos", "CO", "81140", "719"), ("Antonito", "Conejos", "CO", "81120", "719"),
    ("Manassa", "Conejos", "CO", "81141", "719"), ("Sanford", "Conejos", "CO", "81151", "719"),
    ("Romeo", "Conejos", "CO", "81148", "719"), ("Capulin", "Conejos", "CO", "81124", "719"),
    ("San Luis", "Costilla", "CO", "81152", "719"), ("Fort Garland", "Costilla", "CO", "81133", "719"),
    ("Blanca", "Costilla", "CO", "81123", "719"), ("Saguache", "Saguache", "CO", "81149", "719"),
    ("Moffat", "Saguache", "CO", "81143", "719"), ("Crestone", "Saguache", "CO", "81131", "719"),
    ("Creede", "Mineral", "CO", "81130", "719"), ("Hooper", "Alamosa", "CO", "81136", "719"),
    ("Mosca", "Alamosa", "CO", "81146", "719"),
    # Northwest Ohio: the old Black Swamp
    ("Deshler", "Henry", "OH", "43516", "419"), ("Holgate", "Henry", "OH", "43527", "419"),
    ("McClure", "Henry", "OH", "43534", "419"), ("Liberty Center", "Henry", "OH", "43532", "419"),
    ("Hamler", "Henry", "OH", "43524", "419"), ("Ottawa", "Putnam", "OH", "45875", "419"),
    ("Columbus Grove", "Putnam", "OH", "45830", "419"), ("Leipsic", "Putnam", "OH", "45856", "419"),
    ("Continental", "Putnam", "OH", "45831", "419"), ("Kalida", "Putnam", "OH", "45853", "419"),
    ("Glandorf", "Putnam", "OH", "45848", "419"), ("Fort Jennings", "Putnam", "OH", "45844", "419"),
    ("Ottoville", "Putnam", "OH", "45876", "419"), ("Pandora", "Putnam", "OH", "45877", "419"),
    ("Antwerp", "Paulding", "OH", "45813", "419"), ("Hicksville", "Defiance", "OH", "43526", "419"),
    ("Sherwood", "Defiance", "OH", "43556", "419"), ("Ney", "Defiance", "OH", "43549", "419"),
    ("Edgerton", "Williams", "OH", "43517", "419"), ("Montpelier", "Williams", "OH", "43543", "419"),
    ("Pioneer", "Williams", "OH", "43554", "419"), ("Stryker", "Williams", "OH", "43557", "419"),
    ("Archbold", "Fulton", "OH", "43502", "419"), ("Wauseon", "Fulton", "OH", "43567", "419"),
    ("Delta", "Fulton", "OH", "43515", "419"), ("Convoy", "Van Wert", "OH", "45832", "419"),
    ("Ohio City", "Van Wert", "OH", "45874", "419"), ("Wren", "Van Wert", "OH", "45899", "419"),
    # Eastern North Carolina: the Albemarle and Pamlico (Inner Banks)
    ("Swan Quarter", "Hyde", "NC", "27885", "252"), ("Engelhard", "Hyde", "NC", "27824", "252"),
    ("Fairfield", "Hyde", "NC", "27826", "252"), ("Columbia", "Tyrrell", "NC", "27925", "252"),
    ("Plymouth", "Washington", "NC", "27962", "252"), ("Creswell", "Washington", "NC", "27928", "252"),
    ("Roper", "Washington", "NC", "27970", "252"), ("Windsor", "Bertie", "NC", "27983", "252"),
    ("Aulander", "Bertie", "NC", "27805", "252"), ("Colerain", "Bertie", "NC", "27924", "252"),
    ("Bayboro", "Pamlico", "NC", "28515", "252"), ("Arapahoe", "Pamlico", "NC", "28510", "252"),
    ("Vandemere", "Pamlico", "NC", "28587", "252"), ("Belhaven", "Beaufort", "NC", "27810", "252"),
    ("Aurora", "Beaufort", "NC", "27806", "252"), ("Pantego", "Beaufort", "NC", "27860", "252"),
    ("Williamston", "Martin", "NC", "27892", "252"), ("Jamesville", "Martin", "NC", "27846", "252"),
    ("Robersonville", "Martin", "NC", "27871", "252"), ("Gatesville", "Gates", "NC", "27938", "252"),
    ("Sunbury", "Gates", "NC", "27979", "252"), ("Edenton", "Chowan", "NC", "27932", "252"),
    ("Hertford", "Perquimans", "NC", "27944", "252"), ("Winfall", "Perquimans", "NC", "27985", "252"),
    # Sand Mountain and the Tennessee Valley of north-east Alabama
    ("Albertville", "Marshall", "AL", "35950", "256"), ("Boaz", "Marshall", "AL", "35957", "256"),
    ("Guntersville", "Marshall", "AL", "35976", "256"), ("Arab", "Marshall", "AL", "35016", "256"),
    ("Grant", "Marshall", "AL", "35747", "256"), ("Crossville", "DeKalb", "AL", "35962", "256"),
    ("Geraldine", "DeKalb", "AL", "35974", "256"), ("Henagar", "DeKalb", "AL", "35978", "256"),
    ("Ider", "DeKalb", "AL", "35981", "256"), ("Rainsville", "DeKalb", "AL", "35986", "256"),
    ("Fyffe", "DeKalb", "AL", "35971", "256"), ("Sylvania", "DeKalb", "AL", "35988", "256"),
    ("Valley Head", "DeKalb", "AL", "35989", "256"), ("Mentone", "DeKalb", "AL", "35984", "256"),
    ("Collinsville", "DeKalb", "AL", "35961", "256"), ("Section", "Jackson", "AL", "35771", "256"),
    ("Dutton", "Jackson", "AL", "35744", "256"), ("Pisgah", "Jackson", "AL", "35765", "256"),
    ("Stevenson", "Jackson", "AL", "35772", "256"), ("Bridgeport", "Jackson", "AL", "35740", "256"),
    ("Skyline", "Jackson", "AL", "35768", "256"), ("Hollywood", "Jackson", "AL", "35752", "256"),
    # Connecticut's Quiet Corner and Rhode Island's South County
    ("Pomfret", "Windham", "CT", "06258", "860"), ("Woodstock", "Windham", "CT", "06281", "860"),
    ("Dayville", "Windham", "CT", "06241", "860"), ("Danielson", "Windham", "CT", "06239", "860"),
    ("Brooklyn", "Windham", "CT", "06234", "860"), ("Canterbury", "Windham", "CT", "06331", "860"),
    ("Plainfield", "Windham", "CT", "06374", "860"), ("Sterling", "Windham", "CT", "06377", "860"),
    ("Moosup", "Windham", "CT", "06354", "860"), ("Eastford", "Windham", "CT", "06242", "860"),
    ("Chaplin", "Windham", "CT", "06235", "860"), ("Scotland", "Windham", "CT", "06264", "860"),
    ("Willimantic", "Windham", "CT", "06226", "860"), ("Voluntown", "New London", "CT", "06384", "860"),
    ("Oneco", "Windham", "CT", "06373", "860"), ("Jewett City", "New London", "CT", "06351", "860"),
    ("Union", "Tolland", "CT", "06076", "860"), ("Ashford", "Windham", "CT", "06278", "860"),
    ("Abington", "Windham", "CT", "06230", "860"), ("Quinebaug", "Windham", "CT", "06262", "860"),
    ("Charlestown", "Washington", "RI", "02813", "401"), ("Hope Valley", "Washington", "RI", "02832", "401"),
    ("Wyoming", "Washington", "RI", "02898", "401"), ("Carolina", "Washington", "RI", "02812", "401"),
    ("Shannock", "Washington", "RI", "02875", "401"), ("Kenyon", "Washington", "RI", "02836", "401"),
    ("Usquepaug", "Washington", "RI", "02892", "401"), ("Exeter", "Washington", "RI", "02822", "401"),
    ("Peace Dale", "Washington", "RI", "02883", "401"), ("Ashaway", "Washington", "RI", "02804", "401"),
    ("Bradford", "Washington", "RI", "02808", "401"), ("Chepachet", "Providence", "RI", "02814", "401"),
    ("Harmony", "Providence", "RI", "02829", "401"), ("Foster", "Providence", "RI", "02825", "401"),
    ("Pascoag", "Providence", "RI", "02859", "401"), ("Harrisville", "Providence", "RI", "02830", "401"),
    # Northern Mariana Islands and American Samoa
    ("Garapan", "Saipan", "MP", "96950", "670"), ("Susupe", "Saipan", "MP", "96950", "670"),
    ("Chalan Kanoa", "Saipan", "MP", "96950", "670"), ("San Vicente", "Saipan", "MP", "96950", "670"),
    ("Koblerville", "Saipan", "MP", "96950", "670"), ("Dandan", "Saipan", "MP", "96950", "670"),
    ("Kagman", "Saipan", "MP", "96950", "670"), ("Tanapag", "Saipan", "MP", "96950", "670"),
    ("As Lito", "Saipan", "MP", "96950", "670"), ("San Jose", "Tinian", "MP", "96952", "670"),
    ("Songsong", "Rota", "MP", "96951", "670"), ("Sinapalo", "Rota", "MP", "96951", "670"),
    ("Tafuna", "Western District", "AS", "96799", "684"), ("Nu'uuli", "Western District", "AS", "96799", "684"),
    ("Leone", "Western District", "AS", "96799", "684"), ("Ili'ili", "Western District", "AS", "96799", "684"),
    ("Vaitogi", "Western District", "AS", "96799", "684"), ("Aoloau", "Western District", "AS", "96799", "684"),
    ("Fagatogo", "Eastern District", "AS", "96799", "684"), ("Utulei", "Eastern District", "AS", "96799", "684"),
    ("Aua", "Eastern District", "AS", "96799", "684"), ("Faga'alu", "Eastern District", "AS", "96799", "684"),
]
ISLAND = {"MP", "AS"}

# ---------------------------------------------------------------------------------------------
# Names, typed here. No real person is intended; given names and surnames are combined at random.
# ---------------------------------------------------------------------------------------------
GIVEN_F = (
    # Putnam County (Ohio) German Catholic families
    "Alvina Rosella Marcella Dorothea Leona Bernadine Hilda Imelda Agnes Rosalie "
    # Hyde, Tyrrell and Bertie County families
    "Ocie Lettie Velma Eula Edna Mavis Glennie Zelphia Lorraine Iola "
    # Carolinian and Chamorro families of the Northern Marianas
    "Remedios Asuncion Trinidad Magdalena Nieves Escolastica Lourdes Pilar Rufina "
    # Salinas Valley farmworker families
    "Maricela Yesenia Araceli Xochitl Itzel Nayeli Rocio Guillermina Eloisa "
    # Sand Mountain
    "Shelby Kaylee Brandi Tammy Wanda Reba Lorene Opal Jonda "
    # Hammonton Italian families
    "Concetta Carmela Antoinette Annunziata Rosaria Loretta Assunta Giovanna Teresa "
    "Theresa Genevieve Clarabelle Philippina Gertrude Beulah Elvie Retha Dorcas Ethelene Pearlie "
    "Felicidad Consolacion Natividad Rosario Carmen Leticia Marisol Yadira Rosalba Citlali "
    "Lynette Darlene Charlene Kristy Misty Faleula Salote Mele Tupe "
    "Clementine Sparrow Winter Poppy Marigold Tansy Juniper Wren "
    # Samoan given names
    "Fetu Malia Sina Leota Losa "
    # recent baby names
    "Brynlee Kinsley Everleigh Oakley Navy Ensley "
    # words
    "Harmony Liberty Meadow Journey Raven Brook Candida Myrtle Heather Brandy Haven Lyric Olive Coral"
).split()
GIVEN_M = (
    "Urban Alphonse Cletus Linus Leander Norbert Gervase Hubert Sylvester Ambrose Cyril Romanus "
    "Dallas Elwood Hollis Cecil Linwood Thurman Wilbur Jarvis Ervin Tolbert "
    "Vicente Ignacio Ramon Lino Elias Candido Jesse Benigno Estanislao "
    "Rigoberto Efrain Heriberto Jovani Abundio Catarino Fidencio Ulises Nereo "
    "Dewayne Coy Brantley Tanner Colt Buford Truett Lavon Hoyt "
    "Salvatore Carmine Pasquale Vito Rocco Nunzio Angelo Gaetano Sebastiano Gennaro "
    "Clement Bernard Leo Virgil Eugene Ferdinand Othmar Aloys Milton Rudolph Herbert Alton Floyd Dempsey "
    "Francisco Juan Pedro Felix Antonio Tomas Arnulfo Everardo Wenceslao Leobardo Filiberto Juventino "
    "Dwight Lamar Rusty Shannon Terry Travis Iosefa Malakai Ropati "
    "Hawk Forrest Ridge Canyon Stone Steel Cannon Archer Ace "
    "Tavita Sefo Pulu Tasi Fa'alogo "
    "Maverick Bodhi Kasen Legend Zayden Crew "
    "Sterling Cotton Ryder Blaze Ransom Deacon Tracker Gauge"
).split()
SURNAMES = (
    "Schimmoeller Hoying Verhoff Unverferth Siefker Hermiller Wannemacher Niese Hovest Kahle Recker "
    "Kalt Schnipke Fortman Kuhlman Osterhage Inkrott Heitmeyer "
    "Credle Swindell Cahoon Spruill Basnight Bazemore Rascoe Outlaw Speller Ange Midyette Tetterton "
    "Respass Mizelle Hardison "
    "Sablan Taisacan Ogumoro Olopai Rabauliman Igitol Saimon Mangarero Ayuyu Kaipat Tagabuel Teregeyo "
    "Hocog Maratita Mendiola Inos Villagomez Attao Babauta "
    "Sylestine Battise Poncho Celestine Abbey "
    "Zamudio Hurtado Bautista Cisneros Olivera Tapia Barajas Castañeda Villaseñor Ochoa Quiroz "
    "Tidmore Pruett Hollingsworth Weathers Isbell Keener Gilbreath Bearden Tumlin Wigley Hulgan "
    "Ledbetter Creel "
    "DiDonato Bertino Tomasello Colasurdo Capelli Rubba Iuliucci DePalma "
    "Gould Norwood Pierce "
    "Van Dunk DeGroat DeFreese "
    "Tuiasosopo Fuimaono Aumavae Leiato Tauiliili Lutu Sunia "
    # surnames that are clinical words
    "Leach Ricketts Colon Shin Foote Head Hipp Kidd Boyle Cheek Chinn Lipps Armes Nail Bledsoe Gumm Scarr "
    # eponyms whose eponym sits in the clean passages
    "Beck Allen Hawkins Kennedy Speed Patrick Barlow Leopold Cobb Bowen Jefferson Sever Levine Cullen "
    "Kehr Ober Thomas Greenfield Warren Russell Adams Stryker Bradley"
).split()
# two-word surname entries typed above were split: rejoin them
SURNAMES = [s for s in SURNAMES if s not in ("Van", "Dunk")] + ["Van Dunk"]
NICK = ["Bubby", "Sissy", "Doodle", "Pudge", "Tootsie", "Junebug", "Skeeter", "Boo", "Cricket", "Peaches",
        "Tink", "Squirt", "Nana Cee", "Pop", "Biscuit", "Dink", "Taffy", "Smitty", "Bean", "Goose"]

STREET_WORDS = [
    "Cranberry Bog", "Glassworks", "Salt Hay", "Oyster Shell", "Sugarhouse", "Lettuce Shed", "Artichoke",
    "Stage Coach", "Big Thicket", "Pine Knot", "Log Skidder", "Acequia", "Potato Cellar", "Sheep Dip",
    "Black Swamp", "Drainage Ditch", "Grain Elevator", "Peanut Mill", "Herring Run", "Tar Kiln",
    "Feed Mill", "Fire Tower", "Chair Factory", "Creamery", "Cider Mill", "Iron Furnace", "Bog Iron",
    "Charcoal", "Shad Landing", "Beet Dump", "Sawgrass", "Sandhill Crane", "Tractor Barn", "Packing House",
]
SUFFIXES = ["Rd", "Road", "Ln", "Lane", "St", "Dr", "Ave", "Trl", "Pike", "Way", "Ct", "Cir", "Br", "Holw",
            "Lndg", "Xing", "Pt", "Spgs", "Crk", "Hts", "Gln", "Tpke", "Ter", "Row", "Vw", "Run"]
UNITS = ["Apt", "Unit", "Lot", "Trlr", "#", "Rm", "Bldg", "Spc", "Ste"]

PAYERS = ["NJ FamilyCare", "MassHealth", "Medi-Cal", "STAR+PLUS", "Health First Colorado", "Buckeye",
          "NC Medicaid", "Alabama Medicaid", "CareSource", "Humana Gold", "Aetna Better Health",
          "UnitedHealthcare Community Plan", "BCBS", "Tricare", "Ambetter", "WellCare"]
EMAIL_DOMAINS = ["gmail.com", "yahoo.com", "aol.com", "icloud.com", "outlook.com", "hotmail.com", "att.net",
                 "comcast.net", "verizon.net", "charter.net", "centurylink.net", "embarqmail.com",
                 "ite.net", "blueskynet.as", "pticom.com", "frontier.com"]
SYSTEMS = ["bayshorehealth.org", "berkshirehills-med.org", "salinasvalleycare.org", "pineywoodshs.org",
           "slvrhc.org", "blackswamphealth.org", "albemarlehealth.org", "sandmtnmed.org", "chcc-saipan.org",
           "lbjtmc-as.org"]

VIN_VAL = {**{str(i): i for i in range(10)}, **dict(zip("ABCDEFGH", range(1, 9))),
           **dict(zip("JKLMN", range(1, 6))), "P": 7, "R": 9, **dict(zip("STUVWXYZ", range(2, 10)))}
VIN_W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
WMI = ["1FT", "1GC", "3GN", "1HG", "2T1", "5NP", "1C4", "JTD", "1FM", "3N1", "4T1", "1N4", "KNA", "2HG"]
ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
AGE_WORDS = {90: "ninety", 91: "ninety-one", 92: "ninety-two", 93: "ninety-three", 94: "ninety-four",
             95: "ninety-five", 96: "ninety-six", 97: "ninety-seven", 98: "ninety-eight",
             99: "ninety-nine", 100: "one hundred", 101: "one hundred and one", 102: "a hundred and two",
             103: "one hundred three"}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
ORD = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
       "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
       "eighteenth", "nineteenth", "twentieth", "twenty-first", "twenty-second", "twenty-third",
       "twenty-fourth", "twenty-fifth", "twenty-sixth", "twenty-seventh", "twenty-eighth"]


def luhn_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def _ascii(s: str) -> str:
    return s.lower().replace(" ", "").replace("'", "").replace("ñ", "n")


class G:
    """Value generators bound to one random stream."""

    def __init__(self, rng: random.Random):
        self.r = rng

    def c(self, seq):
        return self.r.choice(seq)

    def digits(self, n: int, first_nonzero: bool = True) -> str:
        s = "".join(self.r.choice("0123456789") for _ in range(n))
        if first_nonzero and s[0] == "0":
            s = str(self.r.randint(1, 9)) + s[1:]
        return s

    def letters(self, n: int, alphabet: str = "ABCDEFGHJKLMNPRSTUVWXYZ") -> str:
        return "".join(self.r.choice(alphabet) for _ in range(n))

    # people ---------------------------------------------------------------------------------
    def person(self, sex: str | None = None) -> dict:
        sex = sex or self.c("FM")
        given = self.c(GIVEN_F if sex == "F" else GIVEN_M)
        sur = self.c(SURNAMES)
        if self.r.random() < 0.08:
            sur = sur + "-" + self.c([s for s in SURNAMES if s != sur and " " not in s])
        return {"g": given, "s": sur, "m": self.c("ABCDEFGHJKLMNPRSTW"), "sex": sex}

    # places ---------------------------------------------------------------------------------
    def place(self, region_of=None) -> tuple:
        if region_of is not None and self.r.random() < 0.7:
            pool = [p for p in PLACES if p[2] == region_of[2]]
            return self.c(pool)
        return self.c(PLACES)

    def zipcode(self, pl) -> str:
        z = pl[3]
        if pl[2] not in ISLAND and self.r.random() < 0.5:
            z = z[:3] + self.digits(2, False)
        if self.r.random() < 0.22:
            z += "-" + self.digits(4, False)
        return z

    def street(self, pl) -> str:
        st = pl[2]
        r = self.r.random()
        num = str(self.r.randint(2, 9899))
        if st == "TX" and r < 0.3:
            return f"{num} FM {self.r.randint(92, 3200)}" if self.r.random() < 0.5 else f"{num} CR {self.r.randint(1000, 4999)}"
        if st == "CO" and r < 0.3:
            return f"{num} County Road {self.c(['T', 'G', '8 S', '12 N', 'Z', '3 E', 'AA'])}"
        if st == "OH" and r < 0.3:
            return f"{self.digits(5)} Road {self.c(['M', 'K-2', '15', 'P', '19-B', 'T'])}"
        if st == "NC" and r < 0.3:
            return f"{num} {self.c(['NC Hwy', 'US Hwy', 'SR'])} {self.c(['45', '94', '264', '32', '13', '1304', '1126'])}"
        if st == "AL" and r < 0.3:
            return f"{num} County Road {self.r.randint(2, 899)}"
        if st == "NJ" and r < 0.3:
            return f"{num} {self.c(['Route 9', 'Rt 49', 'Route 563', 'White Horse Pike', 'Tuckahoe Rd'])}"
        if st == "MA" and r < 0.3:
            return f"{num} {self.c(['Route 8', 'Rte 23', 'Route 112', 'Jacob Ladder Rd', 'Mohawk Trl'])}"
        if st == "CA" and r < 0.3:
            return f"{self.digits(5)} {self.c(['Old Stage Rd', 'Espinosa Rd', 'Hwy 101', 'Cienega Rd', 'Metz Rd'])}"
        if st == "CT" and r < 0.3:
            return f"{num} {self.c(['Route 169', 'Rte 44', 'Route 198', 'Wolf Den Rd', 'Pucker St'])}"
        if st == "RI" and r < 0.3:
            return f"{num} {self.c(['Route 138', 'Post Rd', 'Shannock Village Rd', 'Ten Rod Rd', 'Victory Hwy'])}"
        if st == "MP":
            return f"{self.c(['Chalan', 'Pale', 'Beach Rd', 'Lower Base'])} {self.c(['Monsignor Guerrero', 'Tun Herman Pan', 'Kiya', 'Pale Arnold', 'Ghiyeghi', 'Lalangan'])} {self.c(['Lot', 'Bldg'])} {self.r.randint(3, 9999)}"
        if st == "AS":
            return f"{self.c(['Lot', 'House'])} {self.r.randint(2, 999)} {self.c(['Route 1', 'Route 001', 'Pavaiai Rd', 'Airport Rd', 'Route 011'])}"
        if self.r.random() < 0.12:
            num = f"{num} 1/2"
        d = self.c(["", "", "", "N ", "S ", "E ", "W ", "Old "])
        return f"{num} {d}{self.c(STREET_WORDS)} {self.c(SUFFIXES)}"

    def unit(self) -> str:
        return f"{self.c(UNITS)} {self.c([str(self.r.randint(1, 40)), self.letters(1) , str(self.r.randint(1, 9)) + self.letters(1)])}"

    def pobox(self, pl) -> str:
        if pl[2] == "MP":
            return self.c(["PPP", "Caller Box", "PMB"]) + " " + str(self.r.randint(10, 9999))
        return self.c(["PO Box", "P.O. Box", "Box", "HC 1 Box", "RR 2 Box"]) + " " + str(self.r.randint(2, 2999))

    # numbers --------------------------------------------------------------------------------
    def phone(self, pl=None, spoken=False) -> str:
        ac = pl[4] if pl else self.c(["609", "856", "413", "831", "409", "936", "719", "419", "252", "256"])
        ex = str(self.r.randint(2, 9)) + self.digits(2, False)
        ln = self.digits(4, False)
        if spoken:
            return " ".join(ONES[int(ch)] for ch in ac + ex + ln)
        f = self.c(["({a}) {e}-{l}", "{a}-{e}-{l}", "{a}.{e}.{l}", "{a} {e} {l}", "1-{a}-{e}-{l}",
                    "+1 {a} {e} {l}", "{a}/{e}-{l}", "({a}){e}-{l}", "{a}{e}{l}"])
        s = f.format(a=ac, e=ex, l=ln)
        if self.r.random() < 0.12:
            s += self.c([" ext. ", " x", " ext "]) + str(self.r.randint(10, 4999))
        return s

    def ssn(self, form=None) -> str:
        a = str(self.r.randint(1, 899)).zfill(3)
        if a == "666":
            a = "667"
        b, c = str(self.r.randint(1, 99)).zfill(2), str(self.r.randint(1, 9999)).zfill(4)
        form = form or self.c(["dash", "dash", "space", "none"])
        return {"dash": f"{a}-{b}-{c}", "space": f"{a} {b} {c}", "none": f"{a}{b}{c}"}[form]

    def last4(self) -> str:
        return str(self.r.randint(1, 9999)).zfill(4)

    def mrn(self) -> str:
        k = self.r.randint(0, 7)
        if k == 0:
            return self.digits(7)
        if k == 1:
            return "E" + self.digits(9, False)
        if k == 2:
            return f"{self.digits(2)}-{self.digits(2, False)}-{self.digits(2, False)}-{self.digits(2, False)}"
        if k == 3:
            return "M" + self.digits(8, False)
        if k == 4:
            return self.digits(3) + " " + self.digits(3, False) + " " + self.digits(3, False)
        if k == 5:
            return "00" + self.digits(6)
        if k == 6:
            return self.letters(2) + self.digits(6)
        return self.digits(6) + "-" + self.digits(1, False)

    def member_id(self) -> str:
        k = self.r.randint(0, 5)
        if k == 0:
            return self.letters(3) + self.digits(9, False)
        if k == 1:
            return self.digits(11)
        if k == 2:
            return self.letters(1) + self.digits(8, False)
        if k == 3:
            return self.digits(3) + "-" + self.digits(3, False) + "-" + self.digits(3, False) + "-" + self.letters(1)
        if k == 4:
            return "ZX" + self.letters(1) + self.digits(7, False) + self.digits(2, False)
        return self.digits(9) + self.letters(1)

    def auth(self) -> str:
        return self.c([self.digits(10), "A" + self.digits(9, False), self.digits(4) + "-" + self.digits(6, False),
                       "UR" + self.digits(7, False), self.letters(2) + self.digits(8, False)])

    def npi(self) -> str:
        body = self.c("12") + self.digits(8, False)
        return body + luhn_digit("80840" + body)

    def dea(self, surname: str) -> str:
        letter = surname[0].upper() if surname[0].isalpha() else "X"
        d = [self.r.randint(0, 9) for _ in range(6)]
        chk = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
        return self.c("ABFM") + letter + "".join(map(str, d)) + str(chk)

    def state_license(self, st: str) -> str:
        d = self.digits
        return {
            "NJ": "25MA" + d(6, False) + "00", "MA": "Reg. " + d(6), "CA": self.c("AGC") + d(6),
            "TX": self.c("QNPK") + d(4), "CO": "DR." + d(7, False), "OH": "35." + d(6, False),
            "NC": "20" + d(2, False) + "-" + d(5, False), "AL": "MD." + d(5), "MP": "CNMI-" + d(4),
            "AS": "ASHS-" + d(3),
        }[st]

    def drivers_license(self, st: str) -> str:
        d = self.digits
        return {
            "NJ": self.letters(1) + d(4, False) + " " + d(5, False) + " " + d(5, False), "MA": "S" + d(8, False),
            "CA": self.letters(1) + d(7, False), "TX": d(8), "CO": d(2) + "-" + d(3, False) + "-" + d(4, False),
            "OH": self.letters(2) + d(6, False), "NC": d(12, False) if self.r.random() < 0.5 else d(9),
            "AL": d(8), "MP": "DL" + d(6, False), "AS": "AS" + d(6, False), "CT": d(9), "RI": d(7),
        }[st]

    def plate(self, st: str) -> str:
        L, d = self.letters, self.digits
        return {
            "NJ": self.c([f"{L(1)}{d(2)}-{L(3)}", f"{L(3)}{d(4)}", f"{L(1)}{d(2, False)} {L(3)}"]),
            "MA": self.c([f"{d(1)}{L(3)}{d(2, False)}", f"{d(3)} {L(2)}{d(1, False)}", f"{d(1)}{L(2)}{d(3, False)}"]),
            "CA": f"{d(1)}{L(3)}{d(3, False)}",
            "TX": self.c([f"{L(3)}-{d(4, False)}", f"{L(3)}{d(4, False)}", f"{L(2)}{d(1)}-{L(1)}{d(3, False)}"]),
            "CO": self.c([f"{L(3)}-{L(1)}{d(2, False)}", f"{d(3)}-{L(3)}", f"{L(3)}{d(3, False)}"]),
            "OH": self.c([f"{L(3)} {d(4, False)}", f"{L(3)}{d(4, False)}"]),
            "NC": self.c([f"{L(3)}-{d(4, False)}", f"{L(3)} {d(4, False)}"]),
            "AL": self.c([f"{self.r.randint(1, 67)}{L(2)}{d(3, False)}", f"{self.r.randint(1, 67)}A{d(4, False)}{L(1)}"]),
            "MP": f"{L(3)} {d(3, False)}", "AS": f"{d(4)}", "CT": f"{d(1)}{L(2)}{d(3, False)}",
            "RI": self.c([f"{d(6)}", f"{L(2)}-{d(3, False)}", f"{d(3)}-{d(3, False)}"]),
        }[st]

    def vin(self) -> str:
        A = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
        while True:
            s = list(self.c(WMI) + "".join(self.r.choice(A) for _ in range(5)) + "0"
                     + self.r.choice("DEFGHJKLMNPRST") + self.r.choice(A) + self.digits(6, False))
            total = sum(VIN_VAL[ch] * w for ch, w in zip(s, VIN_W))
            s[8] = "X" if total % 11 == 10 else str(total % 11)
            return "".join(s)

    def serial(self) -> str:
        L, d = self.letters, self.digits
        return self.c([f"{L(2)}{d(7, False)}", f"{d(10)}", f"{L(3)}{d(6, False)}{L(1)}", f"{d(2)}{L(1)}{d(6, False)}",
                       f"{L(1)}{d(4)}-{d(5, False)}", f"{d(4)}-{d(4, False)}-{d(4, False)}", f"SN{d(8, False)}",
                       f"{L(4)}{d(5, False)}"])

    def imei(self) -> str:
        body = self.c(["35", "86", "01", "35"]) + self.digits(12, False)
        return body + luhn_digit(body)

    def mac(self) -> str:
        parts = ["%02x" % self.r.randint(0, 255) for _ in range(6)]
        sep = self.c([":", "-"])
        s = sep.join(parts)
        return s.upper() if self.r.random() < 0.5 else s

    def ipv4(self) -> str:
        r = self.r
        k = r.randint(0, 3)
        if k == 0:
            return f"10.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(2, 254)}"
        if k == 1:
            return f"192.168.{r.randint(0, 255)}.{r.randint(2, 254)}"
        first = r.choice([23, 24, 47, 64, 68, 71, 73, 75, 97, 98, 107, 108, 136, 162, 166, 172, 174, 184, 199, 207, 209])
        return f"{first}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(2, 254)}"

    def ipv6(self) -> str:
        groups = ["%x" % self.r.randint(0, 65535) for _ in range(4)]
        return "2600:" + "%x" % self.r.randint(4096, 65535) + ":" + ":".join(groups[:2]) + "::" + groups[3]

    def email(self, p: dict) -> str:
        g, s = _ascii(p["g"]), _ascii(p["s"])
        dom = self.c(EMAIL_DOMAINS)
        local = self.c([f"{g}.{s}", f"{g[0]}{s}", f"{g}{s}{self.r.randint(1, 99)}", f"{s}.{g}{self.r.randint(50, 99)}",
                        f"{g}_{s}", f"{g}{s[0]}{self.r.randint(1960, 2010)}"])
        return f"{local}@{dom}"

    def staff_email(self, p: dict, domain: str) -> str:
        g, s = _ascii(p["g"]), _ascii(p["s"])
        return f"{self.c([g + '.' + s, g[0] + s, s + g[0]])}@{domain}"

    # dates ----------------------------------------------------------------------------------
    def day(self, y0=2025, y1=2026) -> dt.date:
        start = dt.date(y0, 1, 1).toordinal()
        end = dt.date(y1, 12, 31).toordinal()
        return dt.date.fromordinal(self.r.randint(start, end))

    def dob(self, lo=1935, hi=2008) -> dt.date:
        return self.day(lo, hi)

    def fdate(self, d: dt.date, style: str | None = None) -> str:
        style = style or self.c(["mdy", "mdy", "mdy0", "iso", "long", "dmy_mon", "compact_mon", "mdyy", "long_abbr",
                                 "dotted"])
        mon = MONTHS[d.month - 1]
        return {
            "mdy": f"{d.month}/{d.day}/{d.year}",
            "mdy0": f"{d.month:02d}/{d.day:02d}/{d.year}",
            "mdyy": f"{d.month}/{d.day}/{d.year % 100:02d}",
            "iso": d.isoformat(),
            "long": f"{mon} {d.day}, {d.year}",
            "long_abbr": f"{mon[:3]}. {d.day}, {d.year}" if mon != "May" else f"May {d.day}, {d.year}",
            "dmy_mon": f"{d.day} {mon[:3]} {d.year}",
            "compact_mon": f"{d.day:02d}{mon[:3].upper()}{d.year}",
            "dotted": f"{d.month}.{d.day}.{d.year % 100:02d}",
            "md": f"{d.month}/{d.day}",
            "mon_d": f"{mon[:3]} {d.day}",
            "month_year": f"{mon} {d.year}",
            "my": f"{d.month:02d}/{d.year}",
            "spoken": f"{mon.lower()} {ORD[min(d.day, 28) - 1]}",
            "dash_mon": f"{d.day}-{mon[:3]}",
        }[style]

    def age(self) -> int:
        return self.r.randint(90, 103)


# ---------------------------------------------------------------------------------------------
# name forms
# ---------------------------------------------------------------------------------------------
def full(p):
    return f"{p['g']} {p['s']}"


def last_first(p):
    return f"{p['s'].upper()}, {p['g'].upper()}"


def last_first_mixed(p):
    return f"{p['s']}, {p['g']} {p['m']}."


def initials(p, dots=True):
    s0 = p["s"][0].upper()
    return f"{p['g'][0]}.{s0}." if dots else f"{p['g'][0]}{s0}"


def lower(p):
    return f"{p['g']} {p['s']}".lower()


def fi_last(p):
    return f"{p['g'][0]}. {p['s']}"


# ---------------------------------------------------------------------------------------------
# identifier shapes: each returns a list of str and (value, CATEGORY) pieces
# ---------------------------------------------------------------------------------------------
def fac_name(g: G, pl, kind: str | None = None) -> str:
    town, county = pl[0], pl[1]
    kind = kind or g.c(["hosp", "clinic", "rhc", "health", "pharm", "nh", "hh"])
    if kind == "hosp":
        return g.c([f"{town} Community Hospital", f"{county} Regional Medical Center", f"{county} Memorial Hospital",
                    f"St. {g.c(['Gerard', 'Rita', 'Casimir', 'Ursula', 'Jude', 'Isidore', 'Veronica'])} Hospital - {town}",
                    f"CHRISTUS {g.c(['Hardin', 'Jasper', 'Polk'])} Hospital - {town}" if pl[2] == "TX" else f"{town} Regional Hospital"])
    if kind == "clinic":
        return g.c([f"{town} Family Practice", f"{town} Rural Health Clinic", f"{county} Family Health Center",
                    f"{town} Medical Associates", f"{town} Primary Care"])
    if kind == "rhc":
        return g.c([f"{town} Community Health Center", f"{county} County Health Department", f"{town} Health Center"])
    if kind == "health":
        return f"{county} County Health Department"
    if kind == "pharm":
        return g.c([f"{town} Drug Co.", f"{town} Pharmacy", f"{town} Apothecary", f"{county} Home Infusion"])
    if kind == "nh":
        return g.c([f"{town} Care and Rehabilitation", f"{town} Manor Nursing Home", f"{town} Health Care Center",
                    f"Golden Living - {town}"])
    if kind == "fh":
        return f"{g.c(SURNAMES)} & Sons Funeral Home"
    if kind == "school":
        return g.c([f"{town} Elementary School", f"{town} High School", f"{county} Middle School"])
    if kind == "ems":
        return g.c([f"{town} Volunteer Ambulance", f"{town} Rescue Squad", f"{county} EMS"])
    return f"{town} Home Health"


def shape_ur_review(g: G):
    pl = g.place()
    pt, cm, rev, md = g.person(), g.person("F"), g.person(), g.person()
    adm = g.day()
    hosp = fac_name(g, pl, "hosp")
    snf_pl = g.place(pl)
    return [
        "CONCURRENT REVIEW - case management\nPt: ", (last_first(pt), "NAME"), "   MRN ", (g.mrn(), "MRN"),
        "   DOB ", (g.fdate(g.dob(1938, 1990)), "DATE"), "\nPayer: ", g.c(PAYERS), " ID ", (g.member_id(), "ACCOUNT"),
        "   Auth # ", (g.auth(), "ACCOUNT"), "\nFacility: ", (hosp, "FACILITY"), ", ", (pl[0], "LOCATION"), ", ", pl[2],
        "\nAdmit ", (g.fdate(adm, "mdy"), "DATE"), " (obs to inpatient ", (g.fdate(adm + dt.timedelta(1), "md"), "DATE"),
        "). Called reviewer ", (full(rev), "NAME"), " at ", (g.phone(), "PHONE"), "; clinicals faxed to ",
        (g.phone(), "FAX"), ". ", (rev["g"], "NAME"), " approved 3 days, next review ",
        (g.fdate(adm + dt.timedelta(4), "mon_d"), "DATE"), ". Attending ", "Dr. ", (fi_last(md), "NAME"),
        " requests SNF at ", (fac_name(g, snf_pl, "nh"), "FACILITY"), " in ", (snf_pl[0], "LOCATION"),
        ". Daughter lives on ", (g.street(snf_pl), "ADDRESS"), ", ", (g.zipcode(snf_pl), "ZIP"),
        ".\n-- ", (full(cm), "NAME"), ", RN CM  ", (g.staff_email(cm, g.c(SYSTEMS)), "EMAIL"),
    ]


def shape_lactation(g: G):
    pl = g.place()
    mom, baby, dad, ibclc = g.person("F"), g.person(), g.person("M"), g.person("F")
    baby["s"] = mom["s"]
    born = g.day(2025, 2026)
    lc = g.r.random() < 0.5
    nm = (lambda p: lower(p)) if lc else full
    first = (lambda p: p["g"].lower()) if lc else (lambda p: p["g"])
    return [
        "lactation home visit - " if lc else "Lactation Home Visit - ", (nm(mom), "NAME"), " and baby ",
        (first(baby), "NAME"), "\naddress: " if lc else "\nAddress: ", (g.street(pl), "ADDRESS"), " ",
        (g.unit(), "ADDRESS"), ", ", (pl[0], "LOCATION"), " ", pl[2], " ", (g.zipcode(pl), "ZIP"),
        " (", (pl[1], "LOCATION"), " County)\nbaby born " if lc else " County)\nBaby born ",
        (g.fdate(born, g.c(["mdy", "long", "md"])), "DATE"), " at ", (fac_name(g, g.place(pl), "hosp"), "FACILITY"),
        ", 38+5 wk, birth weight 3.21 kg, today 3.05 kg (-5%). ",
        (first(mom), "NAME"), " reports nipple pain 6/10 on the left. ", (first(baby), "NAME"),
        " latches well after repositioning; 8-10 feeds a day.\nRental pump: Medela Symphony, serial ",
        (g.serial(), "DEVICE"), ", due back ", (g.fdate(born + dt.timedelta(45), "mon_d"), "DATE"),
        ". Partner ", (dad["g"], "NAME"), " cell ", (g.phone(pl), "PHONE"), ".\nWIC # ", (g.digits(9), "ACCOUNT"),
        "  Next visit ", (g.fdate(born + dt.timedelta(12), "dash_mon"), "DATE"), ".\n", (initials(ibclc, False), "NAME"),
        ", IBCLC",
    ]


def shape_line_list(g: G):
    pl = g.place()
    nh = fac_name(g, pl, "nh")
    rows = []
    onset = g.day(2025, 2026)
    for k in range(4):
        p = g.person()
        old = k < 2
        a = g.age() if old else g.r.randint(71, 89)
        rows += ["\n| ", (initials(p, g.r.random() < 0.5), "NAME"), " | "]
        rows += [(str(a), "AGE") if old else str(a), " | ", (g.fdate(g.dob(1923, 1954), "mdy0"), "DATE"), " | ",
                 (g.mrn(), "MRN"), " | ", (g.fdate(onset + dt.timedelta(k), "md"), "DATE"), " | ",
                 g.c(["V/D", "D", "V", "D, fever 38.1"]), " |"]
    inf = g.person("F")
    return [
        "Outbreak line list - acute gastroenteritis\nFacility: ", (nh, "FACILITY"), ", ", (g.street(pl), "ADDRESS"),
        ", ", (pl[0], "LOCATION"), ", ", pl[2], " ", (g.zipcode(pl), "ZIP"), "\nReported to ", (pl[1], "LOCATION"),
        " County Health Dept ", (g.fdate(onset + dt.timedelta(3), "mdy"), "DATE"), "; fax ", (g.phone(pl), "FAX"),
        "\n| Res | Age | DOB | MR# | Onset | Sx |\n|---|---|---|---|---|---|", *rows,
        "\nInfection preventionist: ", (full(inf), "NAME"), " ", (g.phone(pl), "PHONE"), ". Stool kits sent to state lab.",
    ]


def shape_vaers(g: G):
    pl = g.place()
    pt, rep = g.person(), g.person()
    vax = g.day(2025, 2026)
    old = g.r.random() < 0.45
    a = g.age() if old else None
    return [
        "VACCINE ADVERSE EVENT REPORT (draft before online submission)\n1. Patient name: ", (full(pt), "NAME"),
        "\n2. Address: ", (g.street(pl), "ADDRESS"), ", ", (pl[0], "LOCATION"), ", ", pl[2], " ", (g.zipcode(pl), "ZIP"),
        "\n3. Phone: ", (g.phone(pl), "PHONE"), "   E-mail: ", (g.email(pt), "EMAIL"),
        "\n4. Date of birth: ", (g.fdate(g.dob(1924, 2005), "mdy0"), "DATE"),
        *(["   5. Age: ", (str(a), "AGE")] if old else ["   5. Age: ", str(g.r.randint(19, 88))]),
        "\n6. Date vaccinated: ", (g.fdate(vax, "mdy0"), "DATE"), "   7. Onset: ", (g.fdate(vax + dt.timedelta(1), "mdy0"), "DATE"),
        "\n8. Vaccine: RSVPreF3, lot unlabelled here, left deltoid\n9. Administered at: ",
        (fac_name(g, pl, g.c(["pharm", "clinic", "rhc"])), "FACILITY"),
        "\n10. Reporter: ", (full(rep), "NAME"), ", PharmD, ", (g.phone(pl), "PHONE"),
        "\n11. Medical record number: ", (g.mrn(), "MRN"),
        "\nSubmitted from workstation ", (g.ipv4(), "IP"), "; confirmation ", (g.digits(7), "ACCOUNT"), ".",
    ]


def shape_death_invest(g: G):
    pl = g.place()
    dec, inv, dep, nok = g.person(), g.person(), g.person(), g.person()
    found = g.day()
    a = g.age()
    st = pl[2]
    return [
        "MEDICAL EXAMINER - DEATH INVESTIGATION\nCase ", (f"ME-{found.year % 100}-{g.digits(4)}", "ACCOUNT"),
        "\nDecedent: ", (last_first(dec), "NAME"), "  Age ", (str(a), "AGE"), "  SSN ", (g.ssn(), "SSN"),
        "\nResidence: ", (g.street(pl), "ADDRESS"), ", ", (pl[0], "LOCATION"), " ", (g.zipcode(pl), "ZIP"),
        "\nFound ", (g.fdate(found, g.c(["mdy", "compact_mon", "long"])), "DATE"),
        " in the driver's seat of a parked pickup, ", st, " tag ", (g.plate(st), "VEHICLE"), ", VIN ",
        (g.vin(), "VEHICLE"), ", behind ", (fac_name(g, pl, "pharm"), "FACILITY"),
        ". Deputy ", (fi_last(dep), "NAME"), " (", (pl[1], "LOCATION"), " County SO) on scene. Pacemaker present, serial ",
        (g.serial(), "DEVICE"), " - interrogation requested. Last seen alive ",
        (g.fdate(found - dt.timedelta(1), g.c(["md", "mon_d"])), "DATE"), " by neighbor ",
        (nok["g"], "NAME"), ".\nNOK: ", (full(nok), "NAME"), ", ", (g.phone(), "PHONE"),
        ".\nRelease to ", (fac_name(g, pl, "fh"), "FACILITY"), ". Investigator ", (initials(inv), "NAME"),
    ]


def shape_mci(g: G):
    pl = g.place()
    day = g.day()
    bus_st = g.c(["NJ", "MA", "CA", "TX", "CO", "OH", "NC", "AL"])
    rows = []
    for k in range(3):
        p = g.person()
        tag = g.c(["", "T-", "#"]) + g.digits(6)
        color = g.c(["RED", "YELLOW", "GREEN", "BLACK" if k == 2 else "GREEN"])
        nm = g.c([last_first(p), lower(p), full(p), p["g"] + " (no last name given)"])
        if nm.endswith("given)"):
            rows += ["\n", (tag, "ACCOUNT"), "  ", color, "  ", (p["g"], "NAME"), " (no last name given)"]
        else:
            rows += ["\n", (tag, "ACCOUNT"), "  ", color, "  ", (nm, "NAME")]
            if g.r.random() < 0.5:
                rows += [" of ", (g.place(pl)[0], "LOCATION")]
        if k == 0 and g.r.random() < 0.7:
            rows += ["  age ", (str(g.age()), "AGE")]
        else:
            rows += ["  age ", str(g.r.randint(8, 79))]
        rows += ["  -> ", (fac_name(g, g.place(pl), "hosp"), "FACILITY")]
    ic = g.person()
    return [
        "MCI TRIAGE TAG LOG - charter bus vs. box truck, ", (g.street(pl), "ADDRESS"), " at the county line, ",
        (pl[0], "LOCATION"), ", ", (g.fdate(day, "mdy"), "DATE"), "\nBus: ", bus_st, " plate ",
        (g.plate(bus_st), "VEHICLE"), ", VIN ", (g.vin(), "VEHICLE"), "; truck tag ", (g.plate(pl[2]), "VEHICLE"),
        "\nTag #  Color  Name  Age  Destination", *rows,
        "\nMedical group supervisor ", (full(ic), "NAME"), ", radio relay via ", (fac_name(g, pl, "ems"), "FACILITY"),
        ", callback ", (g.phone(pl), "PHONE"), ".",
    ]


def shape_pt(g: G):
    pl = g.place()
    pt, ther = g.person(), g.person()
    start = g.day()
    code = g.letters(6, "ABCDEFGHJKMNPQRSTUVWXYZ23456789")
    return [
        "Physical Therapy Plan of Care\nPatient: ", (last_first_mixed(pt), "NAME"), "   DOB: ",
        (g.fdate(g.dob(1940, 2004), g.c(["mdy", "iso", "dmy_mon"])), "DATE"), "   MRN: ", (g.mrn(), "MRN"),
        "\nReferral: Dr. ", (fi_last(g.person()), "NAME"), ", ", (fac_name(g, pl, "clinic"), "FACILITY"),
        "\nPayer auth ", (g.auth(), "ACCOUNT"), " for 12 visits, ", (g.fdate(start, "md"), "DATE"), " to ",
        (g.fdate(start + dt.timedelta(56), "md"), "DATE"),
        "\nDx: R rotator cuff tendinopathy. Hawkins-Kennedy positive, painful arc 80-120 deg, ER 4/5.\n",
        (pt["g"], "NAME"), " drives 40 min from ", (g.place(pl)[0], "LOCATION"), " ", (g.zipcode(pl)[:5], "ZIP"),
        " and works nights at ", (fac_name(g, pl, g.c(["nh", "pharm"])), "FACILITY"),
        ". Home program: ", (f"https://{g.c(['hep', 'go', 'ex'])}.{g.c(SYSTEMS)}/p/{code}", "URL"),
        " (last login from ", (g.ipv4(), "IP"), "). Home TENS unit serial ", (g.serial(), "DEVICE"), ".\n",
        (full(ther), "NAME"), ", PT, DPT  Lic. ", (g.c(["PT", "PT-", "40QA"]) + g.digits(5), "LICENSE"),
        "  NPI ", (g.npi(), "LICENSE"),
    ]


def shape_signout(g: G):
    pl = g.place()
    lines = []
    for k in range(3):
        p = g.person()
        old = k == 0
        a = g.age() if old else g.r.randint(24, 88)
        bed = str(g.r.randint(201, 460))
        lines += ["\n", bed, " - ", (f"{p['g']} {p['s'][0]}".lower(), "NAME"), " ",
                  ((str(a), "AGE") if old else str(a)), g.c(["m", "f", "yo"]), " (", (g.mrn(), "MRN"), ") ",
                  g.c(["chf exac, net neg 1.2L, recheck bmp 0400",
                       "dka closing gap, ag 14, transition to sq when ag<12",
                       "cap on ctx/azithro, o2 2L, wean",
                       "etoh w/d, ciwa q2h, last score 9",
                       "gi bleed, hgb 7.9 -> 8.4, keep type and screen active"]),
                  "; from ", (g.place(pl)[0].lower(), "LOCATION"), "; ", g.c(["dtr", "son", "wife", "niece", "hcpoa"]), " (", (lower(g.person()), "NAME"), ") ", g.c(["calls", "may call", "at bedside"]),
                  " ", (g.phone(pl), "PHONE")]
    res, nite = g.person(), g.person()
    return [
        "night sign-out, ", (fac_name(g, pl, "hosp").lower(), "FACILITY"), " 4 west, ",
        (g.fdate(g.day(), g.c(["md", "mon_d"])), "DATE"), "\nfrom ", (res["g"].lower(), "NAME"), " to ",
        (nite["g"].lower(), "NAME"), " (pager ", (g.digits(4) + "-" + g.digits(3, False), "PHONE"), ")", *lines,
    ]


def shape_path(g: G):
    pl = g.place()
    pt, path, surg = g.person(), g.person(), g.person()
    coll = g.day()
    return [
        "SURGICAL PATHOLOGY REPORT   Accession: ", (f"S{coll.year % 100}-{g.digits(5)}", "ACCOUNT"),
        "\nPatient: ", (last_first(pt), "NAME"), "   MRN: ", (g.mrn(), "MRN"), "   DOB: ",
        (g.fdate(g.dob(1930, 1995), "mdy0"), "DATE"),
        "\nPatient address: ", (g.street(pl), "ADDRESS"), ", ", (g.place(pl)[0], "LOCATION"), " ", (g.zipcode(pl), "ZIP"),
        "\nCollected: ", (g.fdate(coll, "mdy0"), "DATE"),
        "   Received: ", (g.fdate(coll + dt.timedelta(1), "mdy0"), "DATE"),
        "\nSubmitting: ", (fac_name(g, pl, g.c(["hosp", "clinic"])), "FACILITY"), ", ", (pl[0], "LOCATION"),
        "; Dr. ", (fi_last(surg), "NAME"), "; copy by fax to ", (g.phone(pl), "FAX"),
        "\nDIAGNOSIS: Skin, left forearm, shave: Bowen disease (squamous cell carcinoma in situ), margins clear by 1.2 mm.\n"
        "GROSS: tan-pink shave, 0.9 x 0.7 x 0.1 cm, inked blue, trisected, entirely submitted in A1.\n"
        "Electronically signed ", (full(path), "NAME"), ", MD  NPI ", (g.npi(), "LICENSE"), "  ",
        (g.fdate(coll + dt.timedelta(3), "mdy"), "DATE"),
    ]


def shape_peer(g: G):
    pl = g.place()
    pt, sponsor, peer = g.person(), g.person(), g.person()
    nick = g.c(NICK)
    st = pl[2]
    lc = g.r.random() < 0.5
    f = (lambda s: s.lower()) if lc else (lambda s: s)
    out = [
        f("Peer Recovery Support - contact note\n"), (f(pt["g"]), "NAME"), " (", f("goes by "), (nick, "NAME"),
        ") ", f("met me at the sober living house, "), (f(g.street(pl)), "ADDRESS"), ", ",
        (f(pl[0]), "LOCATION"), ". ", f("day 41. "), (f(pt["g"]), "NAME"),
        f(" has a sponsor now, "), (f(sponsor["g"]), "NAME"), f(", and goes to the tuesday meeting at "),
        (fac_name(g, pl, "rhc"), "FACILITY"), f(". Online meeting link: "),
        (f"https://{g.c(['us02web.zoom.us/j', 'meet.recoverylink.org/r', 'aa-district9.live/m'])}/{g.digits(10)}", "URL"),
        f(". Car impounded after the last stop, "), st, f(" plate "), (g.plate(st), "VEHICLE"),
        f("; we called the tow lot together. Ankle monitor (court) serial "), (g.serial(), "DEVICE"),
        f(". Medicaid ID "), (g.member_id(), "ACCOUNT"), f(" for the bus pass. "),
    ]
    if g.r.random() < 0.6:
        out += [f("Benefits form needed SSN "), (g.ssn(), "SSN"), f(". ")]
    out += [f("Cell "), (g.phone(pl), "PHONE"), f(". Next contact "),
            (g.fdate(g.day(), g.c(["md", "mon_d", "spoken"])), "DATE"), ".\n- ", (f(peer["g"]), "NAME"), " ",
            (peer["s"][0], "NAME"), f(", CPRS")]
    return out


def shape_infusion(g: G):
    pl = g.place()
    pt, md, rph, rn = g.person(), g.person(), g.person(), g.person("F")
    d = g.day()
    return [
        "HOME INFUSION DELIVERY TICKET\nDeliver to: ", (full(pt), "NAME"), "\n", (g.street(pl), "ADDRESS"),
        *( [" ", (g.unit(), "ADDRESS")] if g.r.random() < 0.4 else []),
        "\n", (pl[0], "LOCATION"), ", ", pl[2], " ", (g.zipcode(pl), "ZIP"), "   Ph ", (g.phone(pl), "PHONE"),
        "\nRx# ", (g.digits(7), "ACCOUNT"), "  ertapenem 1 g IV q24h x 14 days, start ", (g.fdate(d, "mdy"), "DATE"),
        "\nPrescriber: ", (fi_last(md), "NAME"), "  NPI ", (g.npi(), "LICENSE"), "  DEA ", (g.dea(md["s"]), "LICENSE"),
        "\nEquipment: CADD-Solis VIP pump S/N ", (g.serial(), "DEVICE"), "; backup pump S/N ", (g.serial(), "DEVICE"),
        "; IV pole; sharps container\nPharmacy: ", (fac_name(g, pl, "pharm"), "FACILITY"), "  fax ", (g.phone(pl), "FAX"),
        "\nRN ", (rn["g"], "NAME"), " to visit ", (g.fdate(d + dt.timedelta(1), g.c(["md", "mon_d"])), "DATE"),
        "; driver ", (rph["g"], "NAME"), ". Gate code 4471, dog in yard.",
    ]


def shape_member_call(g: G):
    pl = g.place()
    pt, rep = g.person(), g.person()
    return [
        "Member services call - transcript excerpt\nAgent: Thank you for calling ", g.c(PAYERS),
        ", this is ", (rep["g"], "NAME"), ". Can I have the member's full name?\nCaller: ", (lower(pt), "NAME"),
        ", ", g.c(["I'm calling for myself", "it's for my mother, I'm on the release", "my son"]),
        ".\nAgent: Date of birth?\nCaller: ", (g.fdate(g.dob(1930, 2010), g.c(["long", "spoken", "mdy"])), "DATE"),
        ".\nAgent: And the address we have?\nCaller: ", (g.street(pl).lower(), "ADDRESS"), ", ",
        (pl[0].lower(), "LOCATION"), ", zip ", (g.zipcode(pl)[:5], "ZIP"),
        ".\nAgent: Last four of the social?\nCaller: ", (g.last4(), "SSN"),
        ".\nAgent: Verified. Member ID ", (g.member_id(), "ACCOUNT"), ". I see a portal lockout from ",
        (g.c([g.ipv4(), g.ipv6()]), "IP"), ". Best e-mail?\nCaller: ", (g.email(pt), "EMAIL"),
        ".\nAgent: The reset link goes there. Your PCP is at ", (fac_name(g, pl, "clinic"), "FACILITY"),
        "; callback ", (g.phone(pl), "PHONE"), ". Reference ", (g.digits(10), "ACCOUNT"), ".",
    ]


def shape_seating(g: G):
    pl = g.place()
    pt, atp, pt2 = g.person(), g.person(), g.person()
    st = pl[2]
    a = g.age() if g.r.random() < 0.6 else None
    return [
        "Seating & Mobility Clinic - repair/eval ticket\nClient: ", (full(pt), "NAME"),
        *([", ", (str(a), "AGE"), " y/o"] if a else [", ", str(g.r.randint(19, 88)), " y/o"]),
        "   Chart ", (g.mrn(), "MRN"), "\nMedicaid ", (g.member_id(), "ACCOUNT"), "   SSN on application ",
        (g.ssn(g.c(["dash", "space"])), "SSN"),
        "\nChair: Permobil M3 Corpus, serial ", (g.serial(), "DEVICE"), "; joystick module serial ", (g.serial(), "DEVICE"),
        "\nTransport: ramp van ", st, " ", (g.plate(st), "VEHICLE"), ", VIN ", (g.vin(), "VEHICLE"),
        "\nHome: ", (g.street(pl), "ADDRESS"), ", ", (pl[0], "LOCATION"), " ", (g.zipcode(pl), "ZIP"),
        ". Ramp 1:12 at the side door.\nATP ", (full(atp), "NAME"), " (RESNA cert ", (g.digits(5), "LICENSE"), "); PT ",
        (fi_last(pt2), "NAME"), ". Vendor fax ", (g.phone(pl), "FAX"), ".",
    ]


def shape_drive_up(g: G):
    pl = g.place()
    d = g.day()
    rows = []
    for k in range(3):
        p = g.person()
        st = pl[2] if k else g.c(["NJ", "MA", "CA", "TX", "CO", "OH", "NC", "AL"])
        home = g.place(pl)
        rows += ["\n", (g.plate(st), "VEHICLE"), " | ", (g.c([last_first(p), full(p), lower(p)]), "NAME"), " | ",
                 (g.fdate(g.dob(1938, 2018), "mdy"), "DATE"), " | ", (home[0], "LOCATION"), " ",
                 (g.zipcode(home), "ZIP"), " | ", (g.mrn(), "MRN"), " | ", (g.phone(pl), "PHONE"), " | ",
                 g.c(["flu A/B + COVID", "strep", "COVID only", "RSV + COVID"])]
        if k == 1:
            rows += [" | SSN last 4 ", (g.last4(), "SSN")]
    lead = g.person()
    return [
        "Drive-up testing lane log - ", (fac_name(g, pl, g.c(["health", "rhc"])), "FACILITY"), " lot, ",
        (g.street(pl), "ADDRESS"), ", ", (pl[0], "LOCATION"), "\n", (g.fdate(d, g.c(["long", "mdy", "dmy_mon"])), "DATE"),
        "\nPlate | Name | DOB | Town/ZIP | EHR # | Phone | Test", *rows,
        "\nResults: ", (f"https://results.{g.c(SYSTEMS)}/r/{g.letters(5, 'abcdefghjkmnpqrstuvwxyz')}{g.digits(3)}", "URL"),
        " (lookups logged by IP, e.g. ", (g.ipv4(), "IP"), "). Lane lead ", (lead["g"], "NAME"), " ",
        (lead["s"], "NAME"), "; second shift ", (g.c(GIVEN_F + GIVEN_M), "NAME"), ". DL checked: ",
        (g.drivers_license(pl[2]), "LICENSE"), ".",
    ]


def shape_sae(g: G):
    pl = g.place()
    pi, crc, subj = g.person(), g.person("F"), g.person()
    onset = g.day()
    old = g.r.random() < 0.5
    return [
        "SERIOUS ADVERSE EVENT - initial report to sponsor\nSite: ", (fac_name(g, pl, g.c(["hosp", "clinic"])), "FACILITY"),
        ", ", (pl[0], "LOCATION"), ", ", pl[2], "   PI: ", (full(pi), "NAME"), ", MD (NPI ", (g.npi(), "LICENSE"), ")",
        "\nSubject 014-", g.digits(3, False), ", initials ", (initials(subj, False), "NAME"),
        ", ", *([(str(g.age()), "AGE"), " years"] if old else [str(g.r.randint(40, 88)), " years"]),
        ", DOB ", (g.fdate(g.dob(1926, 1985), "my"), "DATE"), ", lives in ", (g.place(pl)[0], "LOCATION"), " (",
        (pl[1], "LOCATION"), " County)",
        "\nEvent: hospitalization for symptomatic bradycardia, HR 38, onset ", (g.fdate(onset, g.c(["dmy_mon", "mdy"])), "DATE"),
        ", admitted to ", (fac_name(g, g.place(pl), "hosp"), "FACILITY"), " (hospital MRN ", (g.mrn(), "MRN"),
        "). Study drug held from ", (g.fdate(onset, "md"), "DATE"), ". Dual-chamber pacemaker placed, serial ",
        (g.serial(), "DEVICE"), ".\nCRC: ", (full(crc), "NAME"), "  ", (g.staff_email(crc, g.c(SYSTEMS)), "EMAIL"),
        "  ", (g.phone(pl), "PHONE"), "  fax ", (g.phone(pl), "FAX"),
    ]


def shape_nbs(g: G):
    pl = g.place()
    mom, md = g.person("F"), g.person()
    born = g.day()
    sex = g.c(["Boy", "Girl"])
    return [
        "NEWBORN SCREENING - follow-up call\nKit/card no. ", (g.digits(8), "ACCOUNT"), "   Infant: Baby ", sex, " ",
        (mom["s"], "NAME"), "   Birth: ", (g.fdate(born, g.c(["mdy0", "iso"])), "DATE"), " 06:42",
        "\nBirth hospital: ", (fac_name(g, pl, "hosp"), "FACILITY"), "   Infant MRN ", (g.mrn(), "MRN"),
        "\nMother: ", (last_first(mom), "NAME"), "   Mother's MRN ", (g.mrn(), "MRN"),
        "\nAddress: ", (g.street(pl), "ADDRESS"), ", ", (pl[0], "LOCATION"), ", ", pl[2], " ", (g.zipcode(pl), "ZIP"),
        "\nPhone ", (g.phone(pl), "PHONE"), "; alt ", (g.phone(pl), "PHONE"),
        "\nResult: elevated C3 acylcarnitine, repeat requested. PCP: Dr. ", (fi_last(md), "NAME"), ", ",
        (fac_name(g, g.place(pl), "clinic"), "FACILITY"), ", fax ", (g.phone(pl), "FAX"), ". Spoke with ",
        (mom["g"], "NAME"), " on ", (g.fdate(born + dt.timedelta(6), "mon_d"), "DATE"), ".",
    ]


def shape_meals(g: G):
    pl = g.place()
    pt, cg, drv, rd = g.person(), g.person(), g.person(), g.person("F")
    st = pl[2]
    a = g.age() if g.r.random() < 0.5 else None
    return [
        "Medically tailored meals - referral\nClient: ", (full(pt), "NAME"),
        *([" (age ", (str(a), "AGE"), ")"] if a else []),
        "\nDeliver: ", (g.street(pl), "ADDRESS"), *([", ", (g.pobox(pl), "ADDRESS")] if g.r.random() < 0.3 else []),
        ", ", (pl[0], "LOCATION"), " ", (g.zipcode(pl), "ZIP"), "\nPhone ", (g.phone(pl), "PHONE"),
        "   E-mail ", (g.email(pt), "EMAIL"), "\nPlan ID ", (g.member_id(), "ACCOUNT"),
        "\nDiet: renal, 2 g sodium, 60 g protein, fluid 1.5 L; no grapefruit (tacrolimus).\nCaregiver ",
        (cg["g"], "NAME"), " signs for boxes; ", (drv["g"], "NAME"), " drives the ", st, " van ", (g.plate(st), "VEHICLE"),
        " on ", g.c(["Tuesdays", "Mon/Thu", "Fridays"]), ". Menu page: ",
        (f"https://{g.c(['order', 'menu', 'meals'])}.{g.c(SYSTEMS)}/c/{g.digits(6)}", "URL"),
        "\nReferred by ", (full(rd), "NAME"), ", RD, ", (fac_name(g, pl, g.c(["clinic", "hh"])), "FACILITY"), ".",
    ]


def shape_epcs(g: G):
    pl = g.place()
    md = g.person()
    user = _ascii(md["g"][0] + md["s"]).replace("-", "")
    d = g.day()
    t = f"{g.r.randint(6, 22):02d}:{g.r.randint(0, 59):02d}"
    return [
        "EPCS two-factor audit - ", (fac_name(g, pl, g.c(["clinic", "rhc", "hosp"])), "FACILITY"), ", ",
        (pl[0], "LOCATION"), " site\n",
        (d.isoformat(), "DATE"), " ", t, " user=", (user, "NAME"), " npi=", (g.npi(), "LICENSE"), " dea=",
        (g.dea(md["s"]), "LICENSE"), " token_serial=", (g.serial(), "DEVICE"), " src=", (g.ipv4(), "IP"),
        " rx=", (g.digits(8), "ACCOUNT"), " patient_mrn=", (g.mrn(), "MRN"), " result=SIGNED\n",
        (d.isoformat(), "DATE"), " ", t, " user=", (user, "NAME"), " src=", (g.c([g.ipv4(), g.ipv6()]), "IP"),
        " event=TOKEN_MISMATCH\nReviewed by compliance (", (full(g.person()), "NAME"), ", ",
        (g.phone(pl), "PHONE"), ") on ", (g.fdate(d + dt.timedelta(2), "mdy"), "DATE"), "; prescriber phone ",
        (g.phone(pl), "PHONE"), ". Token re-issued to ", (md["g"], "NAME"), ".",
    ]


SHAPES = {
    "ur_review": shape_ur_review, "lactation": shape_lactation, "line_list": shape_line_list,
    "vaers": shape_vaers, "death_invest": shape_death_invest, "mci_tags": shape_mci, "pt_plan": shape_pt,
    "signout": shape_signout, "path_report": shape_path, "peer_recovery": shape_peer,
    "home_infusion": shape_infusion, "member_call": shape_member_call, "seating": shape_seating,
    "drive_up": shape_drive_up, "sae": shape_sae, "nbs": shape_nbs, "meals": shape_meals, "epcs_audit": shape_epcs,
}

# ---------------------------------------------------------------------------------------------
# clean passages: hard negatives only (no date more specific than a year, no person, no place)
# ---------------------------------------------------------------------------------------------
EPONYMS = [
    "Beck Depression Inventory score 17", "Allen test normal bilaterally", "Hawkins-Kennedy test positive",
    "Speed test negative", "FABER (Patrick) test positive on the right", "Barlow and Ortolani maneuvers negative",
    "Leopold maneuvers: vertex", "Cobb angle 23 degrees", "Bowen disease of the shin", "Jefferson fracture of C1",
    "Sever disease of the calcaneus", "Levine sign during the episode", "Cullen sign absent", "Kehr sign present",
    "Ober test tight on the left", "Thomas test shows hip flexor tightness", "Bradley method classes",
    "Greenfield filter in place since 2014", "distal splenorenal (Warren) shunt", "Russell sign on the knuckles",
    "Adams forward bend test", "Lee-White clotting time", "Stryker frame", "Dalton's law of partial pressures",
    "Ottawa ankle rules negative", "Columbia Suicide Severity Rating Scale: no ideation",
    "Vermont Oxford Network criteria", "Delta hepatitis coinfection ruled out", "continental breakfast tray",
    "repeat C-section counselling", "industry-sponsored trial", "Apgar 8 and 9", "Braden 15",
    "Hoehn and Yahr stage 2", "Glasgow Coma Scale 15", "Wells score 1.5",
]
DRUGS = [
    "ertapenem 1 g IV q24h", "cefazolin 2 g q8h", "vancomycin trough 15-20", "apixaban 5 mg BID",
    "sacubitril/valsartan 49/51 mg", "buprenorphine/naloxone 8/2 mg film", "metformin ER 750 mg",
    "tacrolimus trough 6.1 ng/mL", "ondansetron 4 mg ODT", "oseltamivir 75 mg BID x 5 days",
    "nirsevimab 50 mg IM", "RSVPreF3 0.5 mL IM", "lidocaine 2% with epinephrine", "cephalexin 500 mg QID",
    "domperidone is not available in the US", "fenugreek, no good evidence", "lanolin after feeds",
]
PUMPS = ["CADD-Solis VIP", "BD Alaris 8015", "Sapphire Multi-Therapy", "Curlin 6000"]
TOKENS = ["YubiKey 5 NFC", "Imprivata ID", "RSA SecurID 700"]
CHAIRS = ["Permobil M3 Corpus", "Quantum Q6 Edge 3", "Ki Mobility Catalyst 5", "TiLite Aero Z"]
ANALYZERS = ["Abbott ID NOW", "Cepheid GeneXpert Xpress", "BD Veritor Plus", "Sofia 2"]
DEVICES = [
    "Medela Symphony", "Spectra S1", "CADD-Solis VIP", "Permobil M3 Corpus", "Quantum Q6 Edge 3",
    "Empi Select TENS", "YubiKey 5 NFC", "Zoll X Series", "Lifepak 15", "Ottobock C-Leg 4",
    "Dexcom G7", "Omnipod 5", "BD Alaris 8015", "Welch Allyn Connex", "Abbott ID NOW",
]
MEASURES = [
    "weight 3.05 kg, down 5% from birth", "HR 38, PR 240 ms", "BP 148/92", "SpO2 94% on 2 L/min",
    "hemoglobin 8.4 g/dL", "potassium 5.6 mmol/L", "creatinine 1.9 mg/dL", "anion gap 14",
    "lactate 2.3 mmol/L", "INR 2.4", "ALT 41 U/L", "TSH 3.2 mIU/L", "margins clear by 1.2 mm",
    "0.9 x 0.7 x 0.1 cm", "ramp slope 1:12", "seat width 18 in, depth 17 in", "ER strength 4/5",
    "painful arc 80-120 degrees", "C3 acylcarnitine 1.2 umol/L (cutoff 5.0)", "38+5 weeks",
    "ciwa score 9", "fluid 1.5 L/day", "2 g sodium", "temperature 38.1 C", "PHQ-9 of 12",
]
WORD_PHRASES = [
    "harmony between the teams", "liberty to refuse", "a journey of recovery", "brook no delay",
    "candida intertrigo", "myrtle oil is not recommended", "heather honey", "a safe haven law",
    "olive oil for cradle cap", "coral snake bite protocol", "raven-black stool", "cotton swab",
    "sterling silver allergy", "ransom of time", "a blaze of erythema", "meadow saffron (colchicine source)",
    "head of bed 30 degrees", "shin splints", "cheek swab", "nail bed pallor", "colon prep", "kidd antigen",
    "leach field contamination", "rickets on the wrist film",
]
# time words that are not identifiers: a year alone, durations, relative days, frequencies
NOT_DATES = [
    "Last similar episode in 2019.", "Post-op day 2.", "Hospital day 3.", "Follow up in 2 weeks.",
    "Symptoms since the 1990s.", "Repeat in 6-8 weeks.", "Seen every 3 months.", "Day 41 of recovery.",
    "Guideline updated 2024.", "Started in spring 2023.", "Two days ago.", "Due back in 45 days.",
    "Recheck at 0400.", "Next review in 72 hours.", "Cohort until 48 h symptom-free.",
]


def sentence_case(text: str) -> str:
    # "mmol/L. Head of bed" would read as the initial and surname "L. Head": use a semicolon there
    text = re.sub(r"(?<=\b[A-Za-z])\. ", "; ", text)
    out = list(text)
    for i in range(2, len(out)):
        if out[i - 2] == "." and out[i - 1] == " " and out[i].islower():
            out[i] = out[i].upper()
    return "".join(out)


CLEAN_SHAPES = {
    "ur_criteria": lambda g: f"Concurrent review criteria: inpatient if {g.c(MEASURES)} or {g.c(MEASURES)}; "
    f"observation otherwise. Document {g.c(EPONYMS)} when relevant. Peer-to-peer within 24 hours of a denial.",
    "lactation_teach": lambda g: f"Lactation teaching: hand expression before pumping; {g.c(DEVICES[:2])} on the "
    f"initiation setting for the first days. {g.c(MEASURES)}. {g.c(WORD_PHRASES)}. {g.c(DRUGS)}.",
    "outbreak_measures": lambda g: f"Outbreak control: contact plus precautions 48 h after last symptom; "
    f"bleach 1:10 for surfaces; cohort staff. Case definition: 3 or more loose stools in 24 h or vomiting x2. "
    f"{g.c(MEASURES)}.",
    "vaers_howto": lambda g: f"How to report: any clinically significant event after vaccination, even if unsure of "
    f"cause. Record the lot and site. Example: {g.c(DRUGS)}; {g.c(MEASURES)}. {g.c(EPONYMS)}.",
    "me_protocol": lambda g: f"Death investigation protocol: photograph before moving; note rigor and livor; "
    f"interrogate any implanted device ({g.c(DEVICES)}). Vitreous potassium {g.r.randint(6, 14)}.{g.r.randint(0, 9)} "
    f"mmol/L; {g.c(EPONYMS)}.",
    "mci_criteria": lambda g: f"START triage: walking wounded GREEN; RR over 30 RED; cap refill over 2 s RED; "
    f"obeys commands else RED. Pediatric: JumpSTART. {g.c(MEASURES)}. {g.c(WORD_PHRASES)}.",
    "pt_exercise": lambda g: f"Exercise plan: {g.c(EPONYMS)}; sidelying ER 3 x 10 with 1 lb; scapular retraction "
    f"2 x 15. {g.c(MEASURES)}. Empi Select TENS 20 min, 80 Hz.",
    "signout_todo": lambda g: f"to do overnight: {g.c(['f/u', 'check', 'recheck'])} {g.c(MEASURES).lower()}; "
    f"{g.c(DRUGS)}; {g.c(WORD_PHRASES)}; call if {g.c(MEASURES).lower()}.",
    "path_gross": lambda g: f"GROSS: {g.c(['tan-pink shave', 'ellipse of skin', 'core biopsy', 'polyp'])}, "
    f"{g.c(MEASURES)}, inked, entirely submitted. MICRO: {g.c(EPONYMS)}. Ki-67 about {g.r.randint(5, 40)}%.",
    "peer_principles": lambda g: f"peer support principles: meet people where they are; {g.c(WORD_PHRASES)}; "
    f"harm reduction kits with {g.c(DRUGS)}; naloxone 4 mg nasal. {g.c(MEASURES)}.",
    "infusion_teach": lambda g: f"Home infusion teaching: SASH flush, {g.c(DRUGS)}, pump {g.c(PUMPS)}; "
    f"change dressing weekly. {g.c(MEASURES)}. {g.c(EPONYMS)}.",
    "member_script": lambda g: f"Agent script: verify two identifiers before any PHI; offer interpreter line; "
    f"never read back the full number. Escalate if {g.c(MEASURES).lower()}. {g.c(WORD_PHRASES)}.",
    "seating_specs": lambda g: f"Seating specs: {g.c(CHAIRS)}; {g.c(MEASURES)}; tilt 45 degrees, recline 120. "
    f"{g.c(EPONYMS)}. {g.c(WORD_PHRASES)}.",
    "testing_protocol": lambda g: f"Drive-up testing protocol: stay in the vehicle, windows down for the swab; "
    f"{g.c(ANALYZERS)} runs 13 minutes. {g.c(DRUGS)}. {g.c(MEASURES)}.",
    "sae_definitions": lambda g: f"An SAE is fatal, life-threatening, hospitalizing, disabling or a congenital "
    f"anomaly. Report within 24 hours. {g.c(EPONYMS)}; {g.c(MEASURES)}; {g.c(DRUGS)}.",
    "nbs_panel": lambda g: f"Newborn screen panel: PKU, MCAD, CAH, SCID, SMA, CCHD by pulse ox. "
    f"{g.c(MEASURES)}. {g.c(EPONYMS)}. Repeat at 7-14 days if first sample before 24 hours.",
    "meal_plan": lambda g: f"Menu: {g.c(['renal', 'cardiac', 'diabetic', 'low-FODMAP'])} plan, {g.c(MEASURES)}; "
    f"{g.c(WORD_PHRASES)}; {g.c(DRUGS)}.",
    "epcs_policy": lambda g: f"EPCS policy: two-factor signing with {g.c(TOKENS)} hardware token; logical access "
    f"controls reviewed monthly; version 4.2.1 of the signing module. {g.c(DRUGS)}. {g.c(EPONYMS)}.",
}


# ---------------------------------------------------------------------------------------------
# assembly
# ---------------------------------------------------------------------------------------------
def assemble(pieces):
    text, spans = [], []
    pos = 0
    for p in pieces:
        if isinstance(p, tuple):
            value, cat = p
            assert value == value.strip() and value, (value, cat)
            spans.append([pos, pos + len(value), cat])
            text.append(value)
            pos += len(value)
        else:
            text.append(p)
            pos += len(p)
    s = "".join(text)
    for a, b, c in spans:
        assert s[a:b] == s[a:b].strip()
    return s, spans


def main() -> None:
    rng = random.Random(SEED)
    g = G(rng)
    uses: collections.Counter = collections.Counter()
    rows = []
    names = sorted(SHAPES)
    order = [n for n in names for _ in range(15)]
    rng.shuffle(order)
    for shape in order:
        for _attempt in range(5000):
            text, spans = assemble(SHAPES[shape](g))
            vals = {text[a:b].lower() for a, b, c in spans if c != "AGE"}
            if all(uses[v] < 2 for v in vals):
                break
        else:
            raise SystemExit(f"could not place shape {shape}")
        for v in vals:
            uses[v] += 1
        rows.append((shape, text, spans))
    clean = []
    cnames = sorted(CLEAN_SHAPES)
    corder = [n for n in cnames for _ in range(10)]
    rng.shuffle(corder)
    for shape in corder:
        text = CLEAN_SHAPES[shape](g)
        if g.r.random() < 0.5:
            text += " " + g.c(NOT_DATES)
        clean.append((shape, sentence_case(text)))
    allrows = [("id", s, t, sp) for s, t, sp in rows] + [("clean", s, t, []) for s, t in clean]
    rng.shuffle(allrows)
    with OUT.open("w", encoding="utf-8", newline="\n") as fh:
        for i, (kind, shape, text, spans) in enumerate(allrows, 1):
            row = {"id": f"Q-P{i:03d}-{kind}-{shape}", "split": "heldout", "carrier": "", "text": text,
                   "spans": spans}
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
