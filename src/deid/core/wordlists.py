"""Closed lists of words that several stages read, in one home: name
particles, titles, months and week days, and the number words. Nothing here
imports anything; recognizers build their patterns from these lists, the name
finder and the stand-ins their sets."""

from __future__ import annotations

# Lower-case words inside a name that are no name of their own ("Ana de la Cruz").
PARTICLES = ("de", "del", "della", "la", "las", "los", "le", "van", "von", "der", "den", "da", "di", "du", "dos", "bin",
             "ibn", "al", "el", "y")

# Titles and the kinship and role words written before a name as one ("Dr.", "Nurse", "Aunt").
TITLES = ("Dr", "Mr", "Mrs", "Ms", "Mx", "Miss", "Prof", "Rev", "Fr", "Sr", "Sgt", "Lt", "Capt", "Col", "Dep", "Det",
          "Doctor", "Professor", "Nurse", "Pastor", "Father", "Mother", "Sister", "Brother", "Reverend", "Rabbi",
          "Imam", "Deacon", "Bishop", "Judge", "Officer", "Deputy", "Detective", "Sergeant", "Captain", "Coach",
          "Counselor", "Counsellor", "Chaplain", "Aunt", "Auntie", "Uncle", "Grandma", "Grandpa", "Nana", "Papa",
          "NP", "PA", "RN",  # a clinician's letters as a title: "NP Fitzgerald"
          # kin and respect titles of the languages mixed into English posts, before a name ("Tita Marivic",
          # "Doña Pilar", "Bà Lien"); not those that are first names too ("Lola", "Don", "Anh")
          "Tita", "Tito", "Kuya", "Manang", "Manong", "Lolo", "Tía", "Tío", "Abuela", "Abuelo", "Doña", "Chị", "Bà",
          "Ông", "Didi", "Bhaiya", "Umm")
TITLE_WORDS = frozenset(t.lower() for t in TITLES)  # the same in lower case, to look a word up
# The titles written short: no one's name on their own ("Deacon" may be; "Dr" is not).
SHORT_TITLE_WORDS = frozenset("dr mr mrs ms mx prof rev fr sr sgt lt capt col dep det np pa rn".split())

# Nursing, counselling, addiction and peer-support credentials written after a name that
# nameparser's list of post-nominals lacks ("RN, BSN", "LCADC"), in lower case.
CARE_CREDENTIALS = frozenset("bsn msn msw adn fnp pmhnp agnp acnp whnp cns cadc cac casac ladc lcadc cprs crps cps prs "
                             "lmft lmhc lpcc licsw lsw lisw bcba slp emt".split())
# and the generations and "Esq." written after a name the same way
NAME_SUFFIXES = frozenset("jr sr ii iii iv esq".split())

# The months in order, and the short forms people write ("Jan", "Sept").
MONTHS_IN_ORDER = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                   "november", "december")
MONTH_WORDS = frozenset(MONTHS_IN_ORDER) | frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
WEEKDAY_WORDS = frozenset("mon tue tues wed thu thur thurs fri sat sun".split())
# the holidays people date things by, as a regular expression (case-insensitive use)
HOLIDAYS = (r"(?:christmas(?:[ \t]+(?:eve|day))?|x-?mas|easter(?:[ \t]+sunday)?|thanksgiving|halloween|"
            r"new[ \t]+year['\u2019]?s(?:[ \t]+(?:eve|day))?|valentine['\u2019]?s(?:[ \t]+day)?|mother['\u2019]?s[ \t]+day|"
            r"father['\u2019]?s[ \t]+day|independence[ \t]+day|(?:the[ \t]+)?(?:fourth|4th)[ \t]+of[ \t]+july|labou?r[ \t]+day|"
            r"memorial[ \t]+day|veterans['\u2019]?[ \t]+day|hanukk?ah|chanukah|passover|ramadan|eid(?:[ \t]+al-\w+)?|diwali|"
            r"yom[ \t]+kippur|rosh[ \t]+hashanah|juneteenth|super[ \t]+bowl[ \t]+sunday|spring[ \t]+break|"
            r"d[ií]a[ \t]+de[ \t]+(?:los[ \t]+)?muertos|day[ \t]+of[ \t]+the[ \t]+dead|cinco[ \t]+de[ \t]+mayo|"
            r"(?:lunar|chinese)[ \t]+new[ \t]+year|mardi[ \t]+gras|good[ \t]+friday|palm[ \t]+sunday|ash[ \t]+wednesday|"
            r"boxing[ \t]+day|st\.?[ \t]+patrick['\u2019]?s[ \t]+day|kwanzaa)")

# Number words from one to nine ("ninety-two", "a hundred and five").
UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")

# The US states, DC and Puerto Rico by their postal abbreviations (the places gazetteer,
# ``lexicon.us_places``, names a place's state by these).
US_STATES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California", "CO": "Colorado",
    "CT": "Connecticut", "DE": "Delaware", "DC": "the District of Columbia", "FL": "Florida", "GA": "Georgia",
    "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa", "KS": "Kansas",
    "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan",
    "MN": "Minnesota", "MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
    "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York", "NC": "North Carolina",
    "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania",
    "PR": "Puerto Rico", "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee",
    "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington", "WV": "West Virginia",
    "WI": "Wisconsin", "WY": "Wyoming",
}

# Kinship, care and role words written before a name ("my sister Ana", "her sponsor Cy"), as
# one regular-expression alternation; ``person_nouns.RELATION_WORDS`` holds them as words.
RELATIONS = (
    "wife|husband|partner|boyfriend|girlfriend|fianc[eé]e?|spouse|son|daughter|brother|sister|"
    "mother|mom|mum|father|dad|stepdad|stepmom|grandson|granddaughter|grandma|grandpa|"
    "grandmother|grandfather|aunt|uncle|cousin|nephew|niece|friend|best friend|roommate|"
    "neighbor|neighbour|sponsor|sponsee|counselor|counsellor|therapist|caseworker|case manager|"
    "peer worker|peer|coach|pastor|priest|rabbi|imam|nurse|doctor|physician|psychiatrist|"
    "boss|manager|coworker|co-worker|dealer|kid|baby|child|stepson|stepdaughter|ex|"
    # grandparents as families call them, in English and the languages of many families (not
    # those that are popular first names too: "Lola")
    "granny|gran|nan|nana|nanna|nonna|nonno|oma|opa|abuela|abuelo|abuelita|abuelito|bubbe|bubby|zayde|"
    "lolo|yaya|babcia|dziadek|halmoni|tutu|"
    # aunts and uncles in Spanish and Portuguese, with their accents (without one, "Tia" is a name)
    "tía|tío|titia"
)

# The words a family calls its own by, capitalised as a name is ("When Mom turned ninety",
# "Oma said"): no one's name.
FAMILY_ADDRESS = frozenset("""
mom mum mommy mummy mama momma mamma dad daddy papa pops father mother grandma grandpa granny gran nan nana
nanna gramps grandmother grandfather auntie aunt uncle oma opa abuela abuelo abuelita abuelito nonna nonno
bubbe bubby zayde lolo yaya babcia dziadek halmoni tutu tía tío titia
""".split())

# People by no relation or role: "a guy called Tumble", "a woman of 93", "the old man in bed 3"
# The kinds a place is named by, after its name ("Marlow Falls", "Harlow Mill"): generic words of
# the gazetteers' place names.
PLACE_KINDS = frozenset("falls river creek bay lake springs hollow valley heights hills forest park beach harbor harbour "
                        "ridge grove island mountain canyon county township crossing junction mills flats".split())
# ... and with a capital also these, everyday words in lower case ("a bend", "the point"): what
# ends a place's name written with capitals ("Harlow Mill", "Osprey Bend", "Lantern Point")
NAMED_PLACE_KINDS = PLACE_KINDS | frozenset("mill gap station landing corners fork bluff glen bend point".split())
PEOPLE_WORDS = frozenset("man woman lady gentleman person fellow fella chap bloke someone somebody".split())

# Social, care and recovery roles that are no job title and no kinship word: a capitalised
# word after one of them ("my bunkmate Cruz", "my PT Sunny") is a name. With the job titles
# (``lexicon.occupations``) and the kinship words (``RELATIONS``) they make
# the open vocabulary of person nouns; any word ending in "mate" is one too.
SOCIAL_ROLES = frozenset("""
colleague coworker co-worker workmate classmate teammate mentor mentee landlord landlady tenant
buddy pal guy girl homie homeboy homegirl bestie bff bro sis cuz dude friend ally supervisor boss
employer foreman lead shift-lead pt ot np pa cna lpn rn md doc pcp gp ob obgyn ob-gyn psych shrink prescriber
provider clinician therapist counselor counsellor sponsor sponsee advocate navigator outreach
peer caseworker worker aide helper volunteer carer caregiver cellie celly bunkie celli plug
connect dealer ex date lover hookup crush fiance fiancee partner spouse godmother godfather godson
goddaughter godparent stepbrother stepsister half-brother half-sister in-law mother-in-law
father-in-law sister-in-law brother-in-law son-in-law daughter-in-law grandkid granddad grandmom
granny gramps nan nana papa pops ma pa bf gf hubby wifey bae
facilitator moderator organizer organiser chairperson host greeter secretary treasurer newcomer oldtimer
member attendee participant resident client patient guest visitor roommate housemate flatmate
endo derm rheum neuro ortho onc gastro cardio uro gyno pulmo nephro hemonc
""".split())  # the last line: the clipped names patients give their specialists ("my endo", "the derm")

# Devices a person carries or has implanted, whose serial or id follows their noun ("the
# transmitter 8GT40X91"): ``recognizers.identifiers.device_serial`` reads them.
DEVICE_NOUNS = ("transmitter", "receiver", "pump", "insulin pump", "sensor", "monitor", "meter", "glucometer",
                "pacemaker", "defibrillator", "implant", "stimulator", "neurostimulator", "hearing aid",
                "cochlear implant", "processor", "CPAP", "BiPAP", "APAP", "ventilator", "concentrator", "nebulizer",
                "inhaler", "wheelchair", "scooter", "walker", "prosthesis", "tracker", "watch", "smartwatch", "phone",
                "cellphone", "iphone", "laptop", "tablet", "ipad", "computer", "router", "modem", "camera", "CGM",
                "device", "unit", "handset", "pod", "port", "patch", "reader", "scanner")

# Acronyms that label an identifier ("VIN", "MAC", "IMEI", "MRN") and acronyms of medical
# devices and tests ("CGM", "CPAP", "PICC"): in capitals they are no name nor organisation,
# even when the model or the name lexicon guesses so (``evidence.keep_reason``: "label").
IDENTIFIER_LABELS = frozenset(
    "id ids vin mac imei meid esn iccid imsi udi sn s/n ssn itin ein tin mbi hicn mrn npi dea dl cdl upin uid "
    "pin puk ip url uuid guid pid sku upc ean isbn iban bic swift acct ref no num dob zip bt addr bdaddr".split())
DEVICE_ACRONYMS = frozenset(
    "cgm cgms fgm bgm cpap bipap apap aicd icd lvad vad picc iud ivc vns dbs tens ecg ekg eeg emg mri ct pet "
    "spect ultrasound dexa hba1c a1c bp hr spo2 o2 iv peg ng ngt trach vp ppm crt crt-d scs rpm tpn sgm isf "
    "ble nfc gps usb wifi lte rfid sim".split())

# The nouns that end an organisation's name and say what it is ("Rosewood Eating Disorder
# Unit", "the Beacon Program"): a capitalised name that ends in one is the organisation, even
# when medical words stand inside it (``evidence.keep_reason``).
ORG_HEADS = frozenset(
    "center centre clinic hospital program programme unit ward wing society association foundation institute services "
    "lounge recovery pharmacy practice associates partners network alliance coalition agency office "
    "department house lodge ministries academy school college university library shelter mission "
    "collective cooperative outreach laboratory consortium council federation fellowship rehab detox".split())

# The kinds of organisation that are everyday or medical nouns too: a name ends in one only with
# a word no dictionary holds before it, or two words and more that are no medicine ("Pellworth
# Corner Drug", "Fenmoor Surgery", "Pathways Family Support"; not "Gateway Drug", "Back Surgery",
# "Peer Support"; a school by its level: "Marrowdale High", not "Sky High": ``addresses.organisation``),
# and then keeps it.
# A service's or a trade's kind ("X Support Line", "X Logistics"): such a kind, everyday too, and
# three words or more name one (``addresses.organisation``).
TRADE_KINDS = frozenset("service network treatment freight logistics trucking transport construction manufacturing "
                        "industries foods motors engineering plan circle group outpatient".split())
# a shop's or a team's kind: everyday too, so a word that says which, or three words, name one
SHOP_KINDS = frozenset("team bakery cafe café diner pub tavern grill salon deli bistro".split())
ORG_WORD_KINDS = SHOP_KINDS | frozenset("drug drugs surgery mutual insurance study trial support housing project initiative trust "
                           "partnership reduction high elementary".split()) | TRADE_KINDS

# Places and things that are given names as people are ("the clinic is called ...", "a bar
# named ..."): the name after them is theirs, no person's.
# (of these, the places of business: the name after them is an organisation's, ``organisations``)
BUSINESS_NOUNS = ("clinic|place|program|programme|center|centre|group|shop|store|pharmacy|church|rehab|house|facility|"
                  "hospital|practice|agency|company|business|bar|cafe|restaurant|diner|motel|hotel|shelter")
THING_NOUNS = BUSINESS_NOUNS + "|meeting|podcast|show|book|app|website|site|page|channel|forum|drug|pill|product|brand|street|road|town|city"

# Words that say what kind of organisation one is, not which ("Community Mental Health
# Center", "Outpatient Pain Management Program"): a name of these and medical words alone is
# every town's; one word besides them names one ("Kentucky Harm Reduction Coalition").
ORG_KINDS = frozenset(
    "community public national general family internal physical occupational speech mental behavioral behavioural "
    "health healthcare medical primary urgent emergency intensive critical care services service social human "
    "outpatient inpatient residential day night regional county city state local university college teaching "
    "women's children's veterans veterans' senior seniors youth student students pediatric paediatric adult "
    "addiction recovery treatment pain management harm reduction substance abuse use disorder disorders wellness "
    "rehabilitation rehab specialty surgical surgery dental eye vision heart cancer crisis support peer counseling "
    "counselling therapy detox sober living infusion sleep spine neurology psychiatric psychiatry orthopedic "
    "sports medicine integrative holistic free clinic insurance plan medicaid medicare and of for & new main central north "
    "south east west".split())

# The specialties a practice is named by ("Corbel Neurology", "Merryvale Dialysis"), in lower case.
SPECIALTIES = ("neurology", "cardiology", "oncology", "orthopedics", "orthopaedics", "pediatrics", "paediatrics",
               "dermatology", "urology", "psychiatry", "radiology", "gastroenterology", "rheumatology", "pulmonology",
               "endocrinology", "podiatry", "dialysis", "wellness", "medicine")

# Payment apps, whose name comes before a person's handle ("Venmo @...", "Zelle to ..."): the
# name is no part of the handle, nor a person's.
PAYMENT_APPS = frozenset("venmo paypal zelle cashapp".split())
# Where people have a user name: platforms, apps and services, in lower case, one word each
# (their common short forms too: "ig", "insta", "snap", "fb"); a user name stands after them,
# and a line's label that is one ("Kik: ...") names no speaker.
PLATFORMS = PAYMENT_APPS | frozenset("""
reddit discord telegram whatsapp kik snapchat snap instagram insta ig tiktok twitter facebook fb messenger
threads bluesky mastodon tumblr twitch youtube steam xbox psn playstation signal skype viber wechat
pinterest linkedin grindr tinder hinge bumble wattpad quora imgur spotify soundcloud
""".split())

# Public offices held for a place (a town's mayor, a county's coroner, a parish's priest): few hold
# one, so the office and the place name its holder. Not a nation's ministers or a prison's governor.
OFFICES = ("mayor", "deputy mayor", "sheriff", "undersheriff", "coroner", "postmaster", "postmistress", "alderman",
           "alderwoman", "selectman", "selectwoman", "councilman", "councilwoman", "councilor", "councillor",
           "county commissioner", "town clerk", "county clerk", "clerk", "constable", "marshal", "town marshal",
           "police chief", "fire chief", "chief of police", "justice of the peace", "magistrate", "judge", "pastor",
           "priest", "rabbi", "imam", "vicar", "rector", "principal", "superintendent", "postman", "game warden",
           "harbormaster", "harbourmaster", "reeve")


# Words that follow a subject: what a person did or does ("my niece dawn drove", "sunny
# said"); the recognizers of lower-case names and the mentions of a name that is also a word
# read a lower-case word before one of these as a person.
SUBJECT_VERBS = tuple("""
said says told tells came comes drove drives took takes called calls asked asks helped helps quit went goes
got gets gave gives made makes sent sends brought brings died passed lives lived works worked picked found
knew knows thinks thought wants wanted needed needs showed stayed left moved started stopped tried kept
texted visited visits used uses was is has had does did will would could can should
keeps talked talks sat sits stood drank drinks smoked smokes paid pays
swears swore promised promises admits admitted insists insisted warned warns reckons met hugged laughed cried
""".split())
# Given names that are abstract nouns (the virtues, the seasons): as a subject of any verb in
# lower case, the word ("hope says a lot", "summer drew to a close"); greeted, a name ("thx faith")
ABSTRACT_NAMES = ("hope", "faith", "grace", "joy", "charity", "patience", "prudence", "mercy", "honor", "honour",
                  "serenity", "harmony", "destiny", "trinity", "unity", "liberty", "justice", "love", "summer",
                  "autumn", "winter", "spring", "felicity", "verity", "constance", "temperance", "chastity", "bliss")
# Adverbs between a subject and its verb: "bill also says", "my niece dawn just drove me"
SUBJECT_ADVERBS = (r"(?:also|just|never|always|still|even|then|now|almost|finally|already|actually|literally|really|"
                   r"basically|[a-z]{3,}ly)")

# Words a writer addresses someone by that are no one's name: deities and endearments
# ("Thank you, Lord", "Hi honey,", "Morning sunshine").
ADDRESS_WORDS = frozenset(
    "god lord jesus christ allah buddha krishna "
    "honey hon hun sweetie sweetheart sweetpea babe baby darling dear dearest love lovey sunshine "
    "buddy bud pal mate bro brah sis doc chief champ boss kiddo sugar angel sir madam ma'am maam".split())

# The words a letter closes with, before its signature ("Love,", "Kind regards,"): no name
# (``names.sign_off_name``, ``roles``).
VALEDICTION = (r"(?i:love|lots[ \t]+of[ \t]+love|much[ \t]+love|all[ \t]+my[ \t]+love|with[ \t]+love|hugs|xo|xoxo|"
                r"cheers|best|all[ \t]+the[ \t]+best|warmly|sincerely|yours|yours[ \t]+truly|regards|kind[ \t]+regards|"
                r"respectfully|gratefully|with[ \t]+gratitude|thankfully|peace|take[ \t]+care|be[ \t]+well|blessings|"
                r"stay[ \t]+safe|stay[ \t]+strong)")
# Words that greet, thank or take leave of someone, before the name they address
# ("Hi Fleur,", "Thank you, Odile"): ``names.greeting_name`` and ``word_sense``.
GREETINGS = ("hi", "hey", "hello", "hiya", "dear", "thanks", "thank you", "thx", "bye", "goodbye", "congrats",
             "congratulations", "good job", "well done", "welcome back", "love you", "miss you")

# The nouns of a habit, an appetite, a feeling or a way of being, which end like a doer's noun
# ("-er", "-ist") but name no trade: what a person does to or for themselves, or is like ("a light
# sleeper", "a people pleaser", "a daily user", "a chronic worrier", "a perfectionist"); and the
# nouns of a tie or a standing of the same shape ("a single father", "a dog owner", "a team
# player", "a care giver", "a gene carrier"). ``recognizers.jobs`` takes none of them for a job, whatever stands before them.
HABIT_NOUNS = frozenset("""
drinker smoker user abuser taker popper snorter vaper chewer eater overeater binger sleeper napper snorer riser
thinker overthinker worrier believer learner pleaser biter seeker lover hater sufferer survivor fighter
dreamer feeler gambler spender shopper saver talker listener follower watcher goer flyer flier traveller
traveler achiever overachiever underachiever procrastinator perfectionist optimist pessimist realist idealist
introvert extrovert loner junkie addict hypochondriac metabolizer metaboliser responder nonresponder wetter
breather hugger bloomer starter sinner viewer
""".split())
KIN_DOERS = frozenset("mother father brother sister daughter grandmother grandfather stepfather stepmother stepbrother "
                      "stepsister godmother godfather".split())
NOT_TRADES = KIN_DOERS | frozenset("""
partner member owner holder neighbor neighbour sponsor dealer player master caller man woman giver caregiver carrier
""".split())

# Short forms of job titles, read as the title they shorten where a job stands and a modifier
# makes it one ("a pharmacy tech", "a large-animal vet"): never alone ("he was a vet, two tours").
SHORT_TITLES = {"tech": "technician", "vet": "veterinarian", "admin": "administrator"}

# Lab tests written before their value ("K 3.1", "WBC 14", "INR 2.4"): a reading, not an
# identifier or a name.
LAB_TESTS = frozenset("wbc rbc plt hgb hct mcv gfr egfr bun crp esr ldh alt ast alp ggt tsh psa inr ptt ldl hdl "
                      "vldl ck cpk bnp ana rpr hcv hbv hiv hpv cd vl sat k na cl mg ca phos co2 hco3 cr glu a1c "
                      "trop lactate ph pco2 po2 spo2 fio2".split())
# The sections of a clinical note ("Resp:", "NEURO:", "A/P:"): a heading, no speaker's name.
NOTE_SECTIONS = frozenset("resp neuro cv gi gu heme endo psych id skin ext abd heent msk renal social dispo a/p plan "
                          "assessment hpi ros pmh psh fhx shx meds allergies labs vitals exam cardiac pulm lungs "
                          "access lines pain activity nutrition diet".split())
