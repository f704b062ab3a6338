"""Medicine that looks like a name (``medical_names``, through ``evidence.keep_reason``):
a guessed person or organisation that the words around it make a disease, a procedure,
a unit or a condition's abbreviation stays; a person stays a person. Sentences of our own."""

from __future__ import annotations

import re

import pytest

from deid.core.lexicon import fold, is_drug_name, is_medical_term
from deid.detect.evidence import LEXICON, MODEL, keep_reason
from deid.detect.medical_names import (
    condition_abbreviation,
    eponymous,
    medical_abbreviation,
    unit_after_number,
    unknown_listed_with_medicine,
)


def _at(text: str, value: str) -> tuple[int, int]:
    """The first whole-word occurrence of ``value``."""
    m = re.search(rf"(?<!\w){re.escape(value)}(?!\w)", text)
    assert m is not None
    return m.span()


@pytest.mark.parametrize("text, value, medical", [
    # an eponym of the ontologies, with a possessive that owns nothing
    ("Fourteen years of Crohn's and two resections.", "Crohn", True),
    ("my brother has Tourette's, and so does his boy", "Tourette", True),
    ("She said Sjögren's can flare in winter.", "Sjögren", True),
    ("they think it's Hashimoto's ruled in by the labs", "Hashimoto", True),
    # any capitalised name a disease's or a sign's head word follows
    ("I was told it was Bertolli's syndrome.", "Bertolli", True),
    ("a positive Yarrow's sign, then the scan", "Yarrow", True),
    # a procedure's head word without a possessive
    ("After the Kasai procedure he grew.", "Kasai", True),
    ("my physio did the Semont maneuver twice", "Semont", True),
    # a device's or an appliance's head word: the device named after its maker or inventor
    ("they used the Tarrow lift to get me in the chair", "Tarrow", True),
    ("Quillen catheter changed on nights, draining clear", "Quillen", True),
    ("still wearing the Brandis collar after the fusion", "Brandis", True),
    ("Tarrow's lift broke", "Tarrow", False),                  # a person's lift: owned
    # a pair of names that names a disease, whatever follows
    ("Charcot-Marie-Tooth runs in my mother's family.", "Charcot-Marie-Tooth", True),
    # a person's possessive: something owned follows, or a popular first name with no disease word
    ("Crohn's mother drove me home.", "Crohn", False),
    ("We stayed at Taylor's for a week.", "Taylor", False),
    ("Addison's car broke down again.", "Addison", False),
    ("Megan's surgery went fine.", "Megan", False),      # a person's surgery: a procedure word owned
    # a popular first name's illness, where no disease is named after it
    ("Karen's cancer came back last spring.", "Karen", False),
    ("because Marisol's dementia is worse", "Marisol", False),
    ("Tobias's syndrome is rare, the doctors said.", "Tobias", False),
    ("she has Bell's palsy on the left side", "Bell", True),    # named by the ontology
    ("my mom has Addison's disease", "Addison", True),
    ("Mirela Voss called me.", "Voss", False),
    ("since the flu in Corvallis I get winded", "Corvallis", False),   # "I" heads no disease here
    ("we toured the Brightwater complex", "Brightwater", False),       # an everyday noun is no disease's head
    ("then Quarles signs the order", "Quarles", False),                 # "signs" a verb here
    # after an article or a possessive of the writer's, a name before a medical word names it
    ("I broke my foot, a Tremaine fracture, last spring", "Tremaine", True),
    ("The Ostrowe fundoplication fixed my reflux", "Ostrowe", True),
    ("the physio did a Halbrook's test on my hip", "Halbrook", True),
    ("she had a Lindqvist's cyst drained twice", "Lindqvist", True),
    ("my Pelham arthroscopy is next month", "Pelham", True),
    # a schedule or an instrument named after its author, its medical words between
    ("we're doing a slow Ashcombe taper off the clonazepam", "Ashcombe", True),
    ("my pain doc wants me on the Fenwick protocol first", "Fenwick", True),
    ("She scored 24 on the Harwell Anxiety Inventory at intake.", "Harwell", True),
    ("The nurse ran the Lindqvist Pain Questionnaire again.", "Lindqvist Pain Questionnaire", True),
    ("Positive Spurling's test on the left, so the MRI got ordered.", "Spurling", True),  # a result, then the test
    ("Sarah's protocol for mornings is coffee, then meds.", "Sarah", False),   # a person's own
    ("Marcus's test came back clean, thank god.", "Marcus", False),
    ("kratom helped Aaliyah taper off oxycodone", "Aaliyah", False),         # "taper" a verb: no article
    ("Dr. Quist had Marisol taper down slowly", "Marisol", False),
    ("the Dunmore Recovery Network sent a peer", "Dunmore", False),           # no instrument's head word
    # a name told something, or a person's own: no article before it
    ("I told Kelsey migraines run in my family", "Kelsey", False),
    ("Megan's fracture healed slowly", "Megan", False),
    ("the Okafor family drove me", "Okafor", False),
    ("I go to the Okafor Spine Center now", "Okafor", False),          # an organisation's name
    ("we met at the Halvorsen Migraine Clinic", "Halvorsen", False),
    ("she drives me to the Brightwell Dialysis on Mondays", "Brightwell", False),   # a specialty names a practice
    ("Mom spent her last week at the Sandmere Hospice", "Sandmere", False),        # a capitalised word: a name's
    # the possessive typed without its apostrophe
    ("hashimotos flared again after the taper", "hashimotos", True),
    ("Tourettes is worse when I am off my meds", "Tourettes", True),
    ("we had dinner with the Hashimotos last week", "Hashimotos", False),          # a family, after its article
    # a possessive before an article or a pronoun owns nothing
    ("Since Paget's my hips ache every morning", "Paget", True),
    # after an article or the writer's possessive, an eponym no name goes on from is the disease or the operation
    ("I had a Whipple and the pain got worse", "Whipple", True),
    ("my Crohn was quiet until the taper", "Crohn", True),
    ("the Whipple was in March, the oxycodone after it", "Whipple", True),
    ("my dad had a Whipple before his sixtieth birthday and ate like a bird after", "Whipple", True),
    ("we drove past the Whipple Road exit", "Whipple", False),         # a name goes on: a place's
    ("a Parkinson from my church brought soup", "Parkinson", False),    # where a person is from
    ("my Addison was born early", "Addison", False),                    # a popular first name: a child
    # what a disease has, after its eponym's possessive
    ("Meniere's attacks kept me on the bathroom floor", "Meniere", True),
    ("Parkinson's tremor is worst before the first dose", "Parkinson", True),
    ("Huntington's symptoms showed up in my forties", "Huntington", True),
    ("Addison's crisis and then the hospital", "Addison", False),      # a popular first name's own
    # typed without its apostrophe where a word list holds it, when the disease's name has "'s"
    ("my nan has Alzheimers; I visit on Sundays", "Alzheimers", True),
    ("Bakers start work at four in the morning", "Bakers", False),     # a word, its stem no "'s" disease's
    ("Parkinsons came over for dinner with soup", "Parkinsons", False),  # a surname's plural: a family
    # a possessive in "s'" before an article owns nothing too
    ("Since Fuchs' the blur never lifts in the mornings", "Fuchs", True),
])
def test_eponyms(text, value, medical):
    assert eponymous(text, *_at(text, value)) is medical


def test_an_organisation_named_after_its_article_is_no_eponym():
    text = "a call from the Harrowfield Long COVID Study today"
    assert eponymous(text, *_at(text, "Harrowfield Long"), "ORGANIZATION") is False
    assert eponymous(text, *_at(text, "Harrowfield"), "ORGANIZATION") is False


@pytest.mark.parametrize("text, value, unit", [
    ("I was on 140 MME a day by spring.", "MME", True),
    ("5000 IU of vitamin D", "IU", True),
    ("the patch went to 37 mcg/h last week", "h", True),
    ("I met them at 3 Ann Street", "Ann", False),   # no unit: a name after a number
    ("Brook Tallis and CVS", "CVS", False),
])
def test_units(text, value, unit):
    assert unit_after_number(text, *_at(text, value)) is unit


@pytest.mark.parametrize("text, value, condition", [
    ("My daughter was diagnosed with PANS last fall.", "PANS", True),
    ("he has SIBO and it wrecked him", "SIBO", True),
    ("living with PMDD is its own hell", "PMDD", True),
    ("gastroparesis, MALS and then the port", "MALS", True),     # listed with a condition
    ("91 yo M admitted with UTI and AMS overnight", "UTI", True),  # a note's admission
    ("I work at NPS near the lake.", "NPS", False),
    ("They sent me to HRC for intake.", "HRC", False),
])
def test_condition_abbreviations(text, value, condition):
    assert condition_abbreviation(text, *_at(text, value)) is condition


@pytest.mark.parametrize("text, value, listed", [
    ("I tried Dorvex, Quelnar and tramadol before the taper.", "Dorvex", True),
    ("Quelnar with codeine was what they had then", "Quelnar", True),
    ("Tramadol and Jennifer helped.", "Jennifer", False),        # a known name stays a name
    ("Dorvex came by on Sunday.", "Dorvex", False),              # no list of medicines
    # an item's dose, release form or a note in brackets between it and the separator
    ("Meds tried: Halvacet (stopped), Lyrica, Cymbalta.", "Halvacet", True),
    ("gabapentin 300 mg, Pemrodyl, and melatonin at night", "Pemrodyl", True),
    ("Tried so far - baclofen ER, Orvadine, tizanidine", "Orvadine", True),
    # a person in a list beside a medicine stays a person: a verb follows, or a role
    ("I was on Lyrica, Szczepanik was on nothing.", "Szczepanik", False),
    ("Thanks to my sponsor, Oyelaran, and to naltrexone.", "Oyelaran", False),
])
def test_unknown_words_listed_with_medicines(text, value, listed):
    assert unknown_listed_with_medicine(text, *_at(text, value)) is listed


@pytest.mark.parametrize("entity, text, value, reason", [
    ("PERSON", "Years of Meniere's and the vertigo never stopped.", "Meniere", "medical_term"),
    ("ORGANIZATION", "they gave me 80 MME of morphine", "MME", "medical_term"),
    ("PERSON", "I took Zipsor for a month.", "Zipsor", "medical_term"),   # a brand of the FDA's names
    ("LOCATION", "the rash from Lyme disease came back", "Lyme", "medical_term"),
    ("PERSON", "Addison's dad picked me up.", "Addison", None),
])
def test_keep_reason_for_medicine_that_looks_like_a_name(entity, text, value, reason):
    assert keep_reason(entity, text, *_at(text, value), MODEL) == reason


@pytest.mark.parametrize("term, medical", [
    ("Vioxx", True), ("ashwagandha", True), ("Bextra", True),          # the FDA's brand and common names
    ("Guillain-Barré syndrome", True), ("Sjogren’s syndrome", True),    # accents and apostrophes folded
    ("Kawasaki disease", True),
    ("Jennifer", False), ("Greenville", False), ("choice", False),      # no name, place or everyday word
    ("Quicksilver", False),                                             # a nickname first, no human drug
])
def test_medical_vocabularies(term, medical):
    assert is_medical_term(term) is medical


def test_fda_names_hold_no_known_name():
    # a brand that is also a first name ("Allegra") stays a name unless a rule says otherwise
    assert not is_drug_name("allegra") and not is_drug_name("jennifer")


@pytest.mark.parametrize("value, folded", [("Sjögren’s", "sjogren's"), ("  Ménière  's ", "meniere 's")])
def test_fold(value, folded):
    assert fold(value) == folded


def test_a_lexicon_guess_of_an_eponym_with_a_disease_word_is_kept():
    text = "my aunt got Fabry disease confirmed at forty"
    assert keep_reason("PERSON", text, *_at(text, "Fabry"), LEXICON) == "medical_term"


@pytest.mark.parametrize("text, value, medical", [
    ("Two weeks after the ORIF the swelling finally went down.", "ORIF", True),
    ("They did an ERCP to pull the stone out.", "ERCP", True),
    ("my third ESI did nothing for the sciatica", "ESI", True),
    ("I worked at IBM for twenty years before the accident.", "IBM", False),   # a place of work
    ("the CVS store by my house stopped carrying naloxone", "CVS", False),     # a firm's word after it
    ("We met at QXZ for the intake call.", "QXZ", False),                      # no medical abbreviation
    ("Grateful to my therapist for the EMDR sessions; the flashbacks eased.", "EMDR", True),   # thanked for it
    ("She worked for CVS until the layoffs.", "CVS", False),                    # worked for a firm
])
def test_a_medical_abbreviation_where_no_firm_stands(text, value, medical):
    start, end = _at(text, value)
    assert medical_abbreviation(text, start, end) is medical
