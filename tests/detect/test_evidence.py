"""Evidence: which guesses are only medical or ordinary words, and which
values are known well enough to go from the whole batch."""

from __future__ import annotations

import pytest

from deid.detect import evidence
from deid.detect.evidence import (
    CERTAIN,
    CONTEXT,
    LEXICON,
    MODEL,
    PATTERN,
    casing,
    keep_reason,
    may_agree,
    spreads,
)
from deid.core.lexicon import is_drug_name, misspelt


def _span(text: str, value: str) -> tuple[int, int]:
    start = text.index(value)
    return start, start + len(value)


@pytest.mark.parametrize("entity, text, value, strength, reason", [
    # the model's mistakes on patient posts: medical terms and ordinary words stay
    ("PERSON", "I have all over muscle pain.", "muscle pain", MODEL, "medical_term"),
    ("PERSON", "SIDE EFFECTS:\nMUSCLE PAIN, leg cramps", "MUSCLE PAIN", MODEL, "medical_term"),
    ("ORGANIZATION", "My Cholesterol was 240.", "Cholesterol", MODEL, "medical_term"),
    ("PERSON", "The symptoms got progressively worse.", "The", MODEL, "common_words"),
    ("PERSON", "Dry mouth and vivid dreams.", "Dry mouth", MODEL, "medical_term"),
    ("LOCATION", "up to 300mg of it", "300mg", MODEL, "measurement"),
    ("LOCATION", "BP was 120/80 mmHg", "120/80 mmHg", MODEL, "measurement"),
    ("LOCATION", "moved to 90210 then", "90210", MODEL, None),            # a bare number is no dose
    ("ORGANIZATION", "answers of ~60 characters", "~60", MODEL, "measurement"),  # a short number is no name
    # what a family calls its own, capitalised as a name: no one's name; a surname that is a trade stays one
    ("PERSON", "When Mom turned ninety she quit.", "Mom", MODEL, "common_words"),
    ("PERSON", "When Oma turned ninety she quit.", "Oma", MODEL, "common_words"),
    ("ORGANIZATION", "Nana said the kratom helped.", "Nana", MODEL, "common_words"),
    ("PERSON", "Baker called me twice.", "Baker", MODEL, None),
    # a person noun alone, or after the word for a people, is no one's name; a capitalised one that
    # is a name too stays a name
    ("PERSON", "Facilitator: Minerva Osei opened.", "Facilitator", MODEL, "common_words"),
    ("PERSON", "as my Scottish gran would say, it rained", "Scottish gran", MODEL, "common_words"),
    ("PERSON", "The Night Nurse came at noon.", "Night Nurse", MODEL, "common_words"),
    ("PERSON", "Hunter drove me home.", "Hunter", MODEL, None),
    ("PERSON", "hey tanner is your last name actually that", "tanner", MODEL, None),
    ("PERSON", "the hashimoto's + methadone thing. endo drew labs last week", "endo", LEXICON, "common_words"),
    ("PERSON", "from Dr. Ellery at Canfield OB-GYN, twice", "Canfield OB-GYN", LEXICON, None),
    # a thing named after "the" with a capitalised word of no name list at its end; a family stays theirs
    ("PERSON", "She opens with the Serenity Prayer, always.", "Serenity Prayer", MODEL, "common_words"),
    ("PERSON", "I read the Harmony Journal nightly.", "Harmony Journal", MODEL, "common_words"),
    ("PERSON", "The Marchetti Family sent flowers.", "Marchetti Family", MODEL, None),
    ("PERSON", "I saw the Grace Whitfield file.", "Grace Whitfield", MODEL, None),
    ("PERSON", "We met under the Harlow Bridge at dusk.", "Harlow Bridge", MODEL, None),
    # an everyday-word name inside a quoted title of everyday words; a name quoted stays a name
    ("PERSON", 'The app "Daily Harmony: Sleep & Calm" helps.', "Harmony", MODEL, "common_words"),
    ("PERSON", 'We read "Grace Under Pressure" in group.', "Grace", MODEL, "common_words"),
    ("PERSON", 'My sponsor "Big Ray Dunn" drove.', "Ray", MODEL, None),
    ("PERSON", 'She said "call me, Hope" and left.', "Hope", MODEL, None),
    ("PERSON", 'My friend "Joy" drove me.', "Joy", MODEL, None),
    ("PERSON", "a song: 'Ruby Skies Over the Harbour' was his", "Ruby", MODEL, "common_words"),
    ("PERSON", "It's Ruby's song, 'Ruby' he called it", "Ruby", MODEL, None),
    ("ORGANIZATION", "Butrans 5 mcg/h patch weekly", "h patch", MODEL, "measurement"),
    # a participant's or a question's code
    ("ORGANIZATION", "INTERVIEWER: And then? P14: Yes, he started it.", "P14", MODEL, "label"),
    ("ORGANIZATION", "Q14. Has your use caused problems?", "Q14", MODEL, "label"),
    # an abbreviation in the plural is no one's name
    ("PERSON", "Comparing the three OTPs near me", "OTPs", MODEL, "common_words"),
    ("ORGANIZATION", "the NPs and ERs all said different things", "NPs", MODEL, "common_words"),
    ("PERSON", "I met Jos at group.", "Jos", MODEL, None),
    ("PERSON", "I met JoAnn at group.", "JoAnn", MODEL, None),
    ("PERSON", "Mason Reyes drove me.", "Mason Reyes", MODEL, None),
    ("ORGANIZATION", "paged about K 2.9 and Mg: 1.4 overnight", "K 2.9", MODEL, "measurement"),  # a lab and its value
    ("ORGANIZATION", "paged about K 2.9 and Mg: 1.4 overnight", "Mg: 1.4", MODEL, "measurement"),
    ("ORGANIZATION", "lives at 82269 now", "82269", MODEL, None),              # five digits may be a ZIP code
    ("PERSON", "Insomnia. Lethargy.", "Lethargy", LEXICON, "medical_term"),
    ("PERSON", "switched to Welbutrin last year", "Welbutrin", MODEL, "medical_term"),  # misspelt drug
    ("ORGANIZATION", "Overall, it helped.", "Overall", MODEL, "common_words"),
    ("PERSON", "i dont know, im tired", "im", LEXICON, "common_words"),
    ("PERSON", "Elevated blood pressure. Woozy feeling when I miss.", "Woozy", MODEL, "common_words"),  # a word, opening
    ("ORGANIZATION", "(Lack of oxygen?) 3)  Foggy, out of sync", "Foggy", MODEL, "common_words"),  # a list item
    ("PERSON", "Still GROGGY in the morning", "GROGGY", MODEL, "common_words"),
    ("ORGANIZATION", "the third Cardiologist said it was the Zoloft", "Cardiologist", MODEL, "common_words"),
    ("PERSON", "Today was my 3rd dose of Zolft (50mg).", "Zolft", MODEL, "medical_term"),  # a letter missing
    ("LOCATION", "I had tried St. John's Wort and Wellbutrin", "St. John's", MODEL, "medical_term"),  # part of a term
    ("ORGANIZATION", "a sad, pathetic, lonley, afraid hermit", "lonley", MODEL, "common_words"),  # two letters swapped
    ("PERSON", "my arms felt like needles, Felt like a knife in my shoulder", "Felt", MODEL, "common_words"),
    ("PERSON", "i also have occasional yawnitis as i call it", "yawnitis", LEXICON, "medical_term"),  # -itis
    ("PERSON", "right now at 5mg Lex with Alprazolam", "Lex", LEXICON, "medical_term"),    # given a dose
    ("PERSON", "slight loss of libido. took l0 mg lexapro", "l0", MODEL, "medical_term"),  # ... or the dose itself
    ("PERSON", "I have been on Avanza (60mg) for months", "Avanza", LEXICON, "medical_term"),
    # a strength of two figures no date has ("25/100", "7.5/325") after the word
    ("PERSON", "his tablets, the Corvane 25/100, wear off by noon", "Corvane", MODEL, "medical_term"),
    ("PERSON", "Switched from Bellorin 7.5/325 to tramadol.", "Bellorin", MODEL, "medical_term"),
    # a table's cell before a cell holding its dose
    ("PERSON", "| Med | Dose |\n|---|---|\n| Orlanna | 180 mg |\n| Thessaly | 1 tab |", "Orlanna", MODEL, "medical_term"),
    ("PERSON", "| Med | Dose |\n|---|---|\n| Orlanna | 180 mg |\n| Thessaly | 1 tab |", "Thessaly", MODEL, "medical_term"),
    ("PERSON", "| Name | Age |\n|---|---|\n| Orlanna | 34 |", "Orlanna", MODEL, None),
    ("PERSON", "I gave Orlanna 2 tabs of my oxy", "Orlanna", MODEL, None),      # a person given pills
    ("ORGANIZATION", "an inability to orgasm, Extremely Frustrating.", "Extremely Frustrating", MODEL, "common_words"),
    ("PERSON", "but luckilly Iam still here", "Iam", MODEL, "common_words"),
    ("PERSON", "glad I did. Took Fri afternoon, nauseous", "Took Fri", MODEL, "common_words"),  # a week day
    ("ORGANIZATION", "a bad headache,  Off & on that evening", "Off &", MODEL, "common_words"),  # "&" is no word
    # a capital in mid-sentence says nothing from a writer who capitalises ordinary words there
    ("PERSON", "Major flushing, Dizzy feeling, good Luck to you", "Luck", MODEL, "common_words"),
    # names stay names
    ("PERSON", "Grace called me.", "Grace", MODEL, None),                 # a popular first name
    ("PERSON", "Later Bill is right.", "Bill", MODEL, None),
    ("PERSON", "looking like Smokey on Friday", "Smokey", MODEL, None),   # one capitalised word mid-sentence
    ("LOCATION", "Now if only Del will make a return", "Del", MODEL, None),  # ... whatever type the model gave
    ("PERSON", "So fitting that Bodega was a detective", "Bodega", MODEL, None),  # "that" is no article here
    ("PERSON", "So , Hela wants them", "Hela", MODEL, None),              # after a comma, still no common word
    ("PERSON", "Marcus Whitfield drove me.", "Marcus Whitfield", MODEL, None),
    ("PERSON", "I met Dorota 10/12 at the clinic", "Dorota", MODEL, None),   # a month and a day: a date
    # a word of a holiday's name
    ("PERSON", "he was found on New Year's Eve at the bus shelter", "Eve", MODEL, "common_words"),
    ("PERSON", "Valentine's Day was the worst of the withdrawals", "Valentine", MODEL, "common_words"),
    ("PERSON", "Eve called me on New Year's Day", "Eve", MODEL, None),
    # a word that is also a name, after an article: the word ("the iris is fine")
    ("PERSON", "the optician says the iris is fine and it's cataracts", "iris", MODEL, "common_words"),
    ("PERSON", "I felt a Hope that day I cannot explain", "Hope", MODEL, "common_words"),
    # a model's guess in lower case where its position makes it the word (``word_position``)
    ("PERSON", "so: wren, jay, coffee, cold, the rain", "jay", MODEL, "common_words"),
    ("PERSON", "thanks to jay, dana and my mom", "jay", MODEL, None),
    ("PERSON", "we read the Iris Murdoch novel in group", "Iris Murdoch", MODEL, None),
    ("PERSON", "Priyanka 5/5 would go again", "Priyanka", MODEL, None),      # a rating
    ("LOCATION", "we moved to Green Bay in May", "Green Bay", MODEL, None),  # a place of ordinary words
    # an organisation's name of ordinary or medical words, ending in the noun of what it is
    ("ORGANIZATION", "my counsellor at Bright Harbor Recovery set it up", "Bright Harbor Recovery", MODEL, None),
    ("ORGANIZATION", "the ketamine at Stillwater Infusion Lounge was covered", "Stillwater Infusion Lounge", MODEL, None),
    ("ORGANIZATION", "I finished the Beacon Program in spring", "the Beacon Program", MODEL, None),
    ("ORGANIZATION", "my Chronic Pain Syndrome flared", "Chronic Pain Syndrome", MODEL, "medical_term"),
    ("ORGANIZATION", "Recovery is slow", "Recovery", MODEL, "common_words"),  # the noun alone
    ("ORGANIZATION", "the intake nurse at Lantern Peer Recovery", "Lantern Peer Recovery", MODEL, None),
    ("ORGANIZATION", "Week two: Severe Pain, then Nausea", "Severe Pain", MODEL, "medical_term"),  # a medical head
    ("ORGANIZATION", "she got me into the Birchfield Chronic Pain Program", "Birchfield Chronic Pain Program", MODEL, None),
    ("ORGANIZATION", "two nights in the Intensive Care Unit", "Intensive Care Unit", MODEL, "common_words"),  # every hospital's
    ("ORGANIZATION", "transferred to the Burn Unit", "Burn Unit", MODEL, "common_words"),
    # a word besides the kind of organisation and medicine names one; the kind alone is every town's
    ("ORGANIZATION", "I walked for the Ohio Harm Reduction Coalition", "the Ohio Harm Reduction Coalition", MODEL, None),
    ("ORGANIZATION", "a grant from the Tidewater Pain Consortium", "the Tidewater Pain Consortium", MODEL, None),
    ("ORGANIZATION", "six weeks in the Outpatient Pain Management Program", "the Outpatient Pain Management Program",
     MODEL, "common_words"),
    ("ORGANIZATION", "she runs the Peer Recovery Support Services", "the Peer Recovery Support Services", MODEL,
     "medical_term"),
    # one everyday word the model took for an organisation, used as the word
    ("ORGANIZATION", "Dusty old letters filled the drawer", "Dusty", MODEL, "common_words"),
    ("ORGANIZATION", "Dusty phoned me after detox", "Dusty", MODEL, None),
    ("ORGANIZATION", "Trump voters and Apple products", "Apple", MODEL, None),   # a company's name before a noun
    ("ORGANIZATION", "I lost my job at Generic and my insurance with it", "Generic", MODEL, None),  # where a business is named
    ("ORGANIZATION", "the pills were Generic and cheap", "Generic", MODEL, "common_words"),           # an adjective
    ("PERSON", "Altho i dont like Hitler tbh", "Hitler", MODEL, None),    # common, but written with a capital
    ("PERSON", "the Mette story", "Mette", MODEL, None),                  # one edit from "matte", not medical
    # a clinical note's shorthand, and the side after it
    ("PERSON", "Hx of asthma, on albuterol", "Hx", MODEL, "medical_term"),
    ("ORGANIZATION", "Bx of R breast pending", "Bx of R", MODEL, "medical_term"),
    ("PERSON", "seen by Mx Arledge today", "Mx Arledge", MODEL, None),     # a title and a name
    # a lower-case guess whose later word is medicine: a medical phrase, its first word an adjective
    ("PERSON", "Pt had frank hemoptysis twice this shift.", "frank hemoptysis twice", MODEL, "medical_term"),
    # a lower-case guess in a passage in another language, its writer capitalising: that language's words
    ("PERSON", "I take methadone every day. Sa gabi sumasakit ang tuhod ko kapag malamig ang hangin.",
     "sumasakit ang tuhod", MODEL, "common_words"),
    ("PERSON", "I take methadone every day. Ayer mi tía lucinda me llevó a la clínica otra vez.",
     "lucinda", MODEL, None),                                       # a kin word before it: a person
    # only guesses are judged this way; recognizers that know keep their findings
    ("PERSON", "my sponsor Chase drove", "Chase", CONTEXT, None),
    ("PERSON", "The symptoms", "The", CERTAIN, None),
    ("DATE_TIME", "The symptoms", "The", MODEL, None),
])
def test_keep_reason(entity, text, value, strength, reason):
    start, end = _span(text, value)
    assert keep_reason(entity, text, start, end, strength) == reason


@pytest.mark.parametrize("entity, value, strength, known", [
    ("PERSON", "Marcus Whitfield", MODEL, True),      # every word a known name
    ("PERSON", "Loretta", CONTEXT, True),             # "my sister Loretta"
    ("LOCATION", "Lakeside Recovery Center", PATTERN, True),
    ("PERSON", "Chase", CONTEXT, False),              # a common word: never spread from context alone
    ("PERSON", "Chase", CERTAIN, True),               # ... but a roster name is known
    ("PERSON", "Marcus", MODEL, False),               # one guess is no knowledge
    ("PERSON", "muscle pain", MODEL, False),
    ("ORGANIZATION", "Cholesterol", CONTEXT, False),
    ("PERSON", "The", CONTEXT, False),
    ("PERSON", "Muscle Pain", MODEL, False),
    ("EMAIL_ADDRESS", "a@b.org", PATTERN, False),     # only names and places go batch-wide
])
def test_spreads(entity, value, strength, known):
    assert spreads(entity, value, strength) is known


@pytest.mark.parametrize("entity, value, agrees", [
    ("PERSON", "Dayton", True),
    ("LOCATION", "Zanesville", True),
    ("PERSON", "wean", False),        # lower case: not written as a name
    ("ORGANIZATION", "RLS", False),   # an abbreviation in capitals
    ("PERSON", "The", False),
    ("PERSON", "Night Sweats", False),
    ("DATE_TIME", "Dayton", False),
    ("PERSON", "ishawna", True),     # lower case: see agrees_in_lower_case
])
def test_guesses_that_may_add_up(entity, value, agrees):
    assert may_agree(entity, value) is agrees


@pytest.mark.parametrize("value, expected", [
    ("muscle pain", "lower"), ("Muscle Pain", "title"), ("MUSCLE PAIN", "upper"), ("McDonald's pain", "mixed"),
])
def test_casing(value, expected):
    assert casing(value) == expected


@pytest.mark.parametrize("word, expected", [
    ("nausia", True), ("palpatations", True), ("Welbutrin", True), ("Sertaline", True), ("sinificant", True),
    ("Mette", False), ("kaite", False), ("Smokey", False), ("Matej", False),   # names from elsewhere
    ("emma", False), ("obama", False), ("nausea", True),
    ("lonley", True), ("Zolft", True), ("Prosac", True), ("Clonozpam", True),   # swaps, short drug names
    ("Lantos", True),   # one edit from "Lantus": a model's guess of it alone is kept (the lexicon still takes it)
    ("grian", False), ("Tzigane", False),
    ("Incocid", True), ("stillnox", True), ("Withdrawl", True), ("Nauseaus", True),   # long drug list, long words
    ("Jennifer", False), ("Hargrove", False), ("Whitfield", False),
])
def test_misspelt(word, expected):
    assert misspelt(word) is expected or (expected and evidence.is_plain(word))


@pytest.mark.parametrize("term, expected", [
    ("effexorxr", True), ("effexor xr", True), ("seroquel-xr", True), ("lexapro", True), ("paper", False),
])
def test_drug_names_with_their_release_form(term, expected):
    assert is_drug_name(term) is expected


def test_without_the_medical_lexicon_only_ordinary_words_keep_a_guess():
    text = "Myalgia was bad. The symptoms got worse."
    assert keep_reason("ORGANIZATION", text, 0, 7, MODEL, medical=False) is None
    assert keep_reason("PERSON", text, 17, 20, MODEL, medical=False) == "common_words"
    assert keep_reason("ORGANIZATION", text, 0, 7, MODEL) == "medical_term"


@pytest.mark.parametrize("text, start, capitalises", [
    ("Dizzy feeling, Extreme tiredness, good Luck", 39, True),   # "Extreme" mid-sentence
    ("looking like Smokey on Friday", 13, False),                 # days and names are not ordinary words
    ("could you make Boo from monster Inc", 15, False),           # nor short forms everyone capitalises
    ("I felt fine. Then it got worse.", -1, False),               # capitals that open sentences say nothing
])
def test_a_writer_who_capitalises_ordinary_words(text, start, capitalises):
    assert evidence.capitalises(text, start) is capitalises


@pytest.mark.parametrize("word, too", [
    ("Adams", True), ("Ishawna", True), ("Obama", True),      # name-only, no word, mostly capitalised
    ("Mason", False), ("Will", False), ("Grace", False), ("Saver", False), ("Nausia", False), ("Rose", False),
])
def test_which_words_of_a_known_name_go_in_lower_case_too(word, too):
    assert evidence.lower_case_too(word) is too


def test_a_term_of_several_words_inside_a_guess_counts_as_one():
    text = "BIG TIME BRAIN ZAPS, DRY MOUTH"
    listed = {"brain zaps"}
    assert keep_reason("ORGANIZATION", text, 0, 19, MODEL) is None            # "ZAPS" alone is no word
    assert keep_reason("ORGANIZATION", text, 0, 19, MODEL, lambda t: t.lower() in listed) == "common_words"
