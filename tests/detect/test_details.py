"""The recognizers of details that describe a person without naming them (``details``),
table-driven: what each finds, and the everyday words of these stories it must leave."""

from __future__ import annotations

import pytest

from deid.detect.recognizers import (RareConditionRecognizer, age_any, amount, distinctive, family, occupation,
                                     occupation_after_age, sex)
from tests.detect.test_recognizers import found

CASES = [
    # ages under 80, as people write them
    (age_any, "I'm a 34-year-old paramedic", ["a 34-year-old"]),
    (age_any, "I am 45 years old and tired", ["45 years old"]),
    (age_any, "she is 52, and still working", ["52"]),
    # an introduction's age: after "here," or a name opening the line (issue 30's survey stories)
    (age_any, "Orrin here, 52. Methadone for a decade.", ["52"]),
    (age_any, "Marisol Quenby, 61, from the valley", ["61"]),
    (age_any, "Thanks, 12 of us came", []),
    (age_any, "The dose was 15mg, 30 at most", []),
    (age_any, "we met in group. Jan, 14 days clean", []),
    (age_any, "a woman aged 61 from the coast", ["aged 61"]),
    (age_any, "Age: 41\nStory: kratom", ["41"]),
    (age_any, "I (34F) have tapered", ["34"]),
    (age_any, "it started in my thirties", ["in my thirties"]),
    (age_any, "she was in her mid-40s then", ["in her mid-40s"]),
    (age_any, "Started at 30 I was fine", []),            # a dose as often as an age
    (age_any, "I took 50 mg for 3 years", []),
    (age_any, "aged 30 days in the barrel", []),
    # sex or gender said of the writer
    (sex, "I'm a 34 year old woman with RLS", ["woman"]),
    (sex, "as a black man in recovery", ["man"]),
    (sex, "I am nonbinary and", ["nonbinary"]),
    (sex, "I (34F) have tapered", ["F"]),
    (sex, "the man at the pharmacy", []),
    # occupations held
    (occupation, "I'm a paramedic on nights", ["a paramedic"]),
    (occupation, "my dad was a firefighter for years", ["a firefighter"]),
    (occupation, "worked as a line cook until", ["a line cook"]),
    (occupation, "The applicant is a university professor of history", ["a university professor"]),
    (occupation, "Maria, a lawyer, helped", ["a lawyer"]),
    (occupation, "the applicant, a primary school teacher in Izmir", ["a primary school teacher"]),
    (occupation, "I am a Registered Nurse.", ["a Registered Nurse"]),
    (occupation, "The nurse gave me 10 mg", []),             # the staff of a story, not its people
    (occupation, "I'm a mess and a wreck", []),
    # a job no list holds, where only a job stands
    (occupation, "I apprenticed as a cooper in my twenties", ["a cooper"]),  # a listed title
    (occupation, "she was a chandler by trade and never drank", ["a chandler"]),
    (occupation, "he worked as a hoof trimmer until the stroke", ["hoof trimmer"]),
    (occupation, "we worked as a unit that year", []),
    (occupation, "I'm a fighter and a survivor", []),         # no job's position
    (occupation, "my doctor said to taper", []),
    # family structure
    (family, "raising my three kids alone", ["my three kids"]),
    (family, "I have 2 kids, no car", ["2 kids"]),
    (family, "a mother of two from Ohio", ["mother of two"]),
    (family, "as a single mom I", ["single mom"]),
    (family, "I'm widowed since 2019", ["widowed"]),
    (family, "my kids are grown", []),
    (family, "my son drove me", []),
    # distinctive events and traits
    (distinctive, "I was the only woman in my unit", ["the only woman in"]),
    (distinctive, "the first person to finish the program", ["the first person to"]),
    (distinctive, "my overdose made the news", ["made the news"]),
    (distinctive, "am I the only one who gets brain zaps?", []),
    (distinctive, "the only people who wrote comments", []),
    # sums of money
    (amount, "was paid EUR 4,000 in damages", ["EUR 4,000"]),
    (amount, "spent $40 a day on pills", ["$40"]),
    (amount, "200,000 Turkish liras (TRY) were awarded", ["200,000 Turkish liras (TRY)"]),
    (amount, "PLN 552.21 [approx. EUR 138] was due", ["PLN 552.21 [approx. EUR 138]"]),
    (amount, "five hundred euros, no more", ["five hundred euros"]),
    (amount, "I lost 25 pounds in two weeks", []),           # a weight, an outcome: it stays
    (amount, "I did try 150mg a day", []),                   # "try", not the Turkish lira's code
    (amount, "took 10 mg and 50 mg", []),
    # rare conditions, by Orphanet's names, in any case
    (RareConditionRecognizer, "I have Huntington's disease and CRPS", ["Huntington's disease"]),
    (RareConditionRecognizer, "living with complex regional pain syndrome", ["complex regional pain syndrome"]),
    (RareConditionRecognizer, "Myasthenia Gravis is rare", ["Myasthenia Gravis"]),
    (RareConditionRecognizer, "back pain, depression and migraines", []),   # common: no detail of anyone
]


@pytest.mark.parametrize("make, text, expected", CASES, ids=[f"{m.__name__}-{i}" for i, (m, _, _) in enumerate(CASES)])
def test_details(make, text, expected):
    assert sorted(set(found(make(), text))) == sorted(expected)


def test_each_detail_recognizer_declares_its_type():
    makers = (age_any, sex, occupation, family, distinctive, amount, RareConditionRecognizer)
    types = {make().supported_entities[0] for make in makers}
    assert types == {"AGE", "SEX", "OCCUPATION", "FAMILY", "DISTINCTIVE", "AMOUNT", "RARE_CONDITION"}


def test_an_age_before_a_title_stays_its_own_detail():
    text = "I'm a 34-year-old paramedic on nights"
    assert found(occupation(), text) == [] and found(occupation_after_age(), text) == ["paramedic"]
    assert found(age_any(), text) == ["a 34-year-old"]
    assert found(occupation_after_age(), "a 34-year-old retired teacher said") == []   # no one holds it here
    assert found(occupation_after_age(), "I'm a paramedic") == []                      # the gate: no age told
