"""Numbers written in words that tell a detail (``recognizers.words``): ages, years and sums
of money; and the occupations, places of few people, named disasters and public offices
issue 28 found missing under strict. Table-driven, invented people and places: what each
recognizer finds, and the doses, counts, durations and ordinary words it must leave."""

from __future__ import annotations

import pytest

from deid.detect.recognizers import (age_in_words_any, amount_in_words, distinctive, occupation, occupation_after_age,
                                     unknown_job, year_in_words)
from tests.detect.test_recognizers import found

CASES = [
    # ages in words
    (age_in_words_any, "Tobiah is a sixty-something widower", ["a sixty-something"]),
    (age_in_words_any, "a fifty-three-year-old roofer from the coast", ["a fifty-three-year-old"]),
    (age_in_words_any, "I was seventeen years old when I started", ["seventeen years old"]),
    (age_in_words_any, "my aunt turned eighty-one last spring", ["eighty-one"]),
    (age_in_words_any, "Grandpa Ilie is in his late nineties", ["in his late nineties"]),
    (age_in_words_any, "Nonna Teodolinda is well into her nineties", ["into her nineties"]),
    (age_in_words_any, "my stepdad is pushing eighty", ["pushing eighty"]),
    (age_in_words_any, "she's almost seventy, and still rides", ["almost seventy"]),
    (age_in_words_any, "it was nearly ninety degrees", []),
    (age_in_words_any, "the bill is nearly ninety dollars", []),
    (age_in_words_any, "I'm almost forty pills in", []),
    (age_in_words_any, "I took forty milligrams for thirty years", []),
    (age_in_words_any, "the nineties were rough for the band", []),       # a decade of history, not of a life
    (age_in_words_any, "turned twenty minutes later", []),
    # years in words
    (year_in_words, "we moved to the coast in nineteen seventy-nine", ["nineteen seventy-nine"]),
    (year_in_words, "nineteen oh-three was the flood year", ["nineteen oh-three"]),
    (year_in_words, "the clinic shut in twenty sixteen", ["twenty sixteen"]),
    (year_in_words, "by twenty twenty-three I was clean", ["twenty twenty-three"]),
    (year_in_words, "relapsed in twenty oh-eight", ["twenty oh-eight"]),
    (year_in_words, "back in oh-four, when I was driving trucks", ["oh-four"]),
    (year_in_words, "back in oh-six the shelter closed", ["oh-six"]),
    (year_in_words, "since oh-nine my hands shake", ["oh-nine"]),
    (year_in_words, "in ninety the doctors said", []),                    # a number as often as a year
    (year_in_words, "the summer of oh-thirteen.", ["oh-thirteen"]),
    (year_in_words, "sober since eighty-seven.", ["eighty-seven"]),
    (year_in_words, "since two thousand and six I take it", ["two thousand and six"]),
    (year_in_words, "I took twenty milligrams for twenty years", []),     # a dose and a duration
    (year_in_words, "nineteen sixty mg tablets", []),
    (year_in_words, "twenty twelve-hour shifts in a row", []),             # a count of shifts
    (year_in_words, "I have twenty twenty vision again", []),
    (year_in_words, "two thousand dollars for rehab", []),                 # a sum, not a year
    (year_in_words, "two thousand people came", []),
    (year_in_words, "I counted twenty pills and fifteen capsules", []),
    (year_in_words, "since eighty percent of us relapse", []),
    # sums of money in words
    (amount_in_words, "a bottle ran me thirty-five bucks", ["thirty-five bucks"]),
    (amount_in_words, "she lent me a hundred dollars", ["a hundred dollars"]),
    (amount_in_words, "detox cost nine grand out of pocket", ["nine grand"]),
    (amount_in_words, "fined three hundred quid", ["three hundred quid"]),
    (amount_in_words, "a couple thousand euros a year", ["a couple thousand euros"]),
    (amount_in_words, "it was a grand old house", []),
    (amount_in_words, "a grand total of two relapses", []),
    (amount_in_words, "I weighed three hundred pounds", []),               # a weight
    (amount_in_words, "twenty milligrams and twenty pills", []),
    (amount_in_words, "a few dollars short", []),                          # no number told
    # occupations: rare titles from the SOC's own list, in the places a title stands
    (occupation, "my cousin was an embalmer in Tulsa", ["an embalmer"]),
    (occupation, "Henrike worked as a glazier for years", ["a glazier"]),
    (occupation, "a former alderwoman told me", ["a former alderwoman"]),
    (occupation, "an elderly ex-locksmith down the road", ["an elderly ex-locksmith"]),
    (occupation, "my brother is a millwright by trade", ["a millwright"]),
    (occupation, "Dagny, a choreographer, said", ["a choreographer"]),
    (occupation, "the village's postmistress drove me", ["postmistress"]),
    (occupation, "the constable of Fennick Cross came by", ["the constable"]),
    (occupation, "the coroner of a small parish in Maine", ["the coroner"]),
    (occupation, "the manager of the store was rude", []),                 # the staff of a story
    (occupation, "the manager of a small town bank", []),
    (occupation, "it was a game changer for me", []),
    (occupation, "my useless former dentist never called", []),         # the writer's old dentist
    (occupation, "our ex-landscaper left", []),
    (occupation, "a host of side effects", []),
    (occupation, "she wrote to the Minister of Fisheries", []),          # a nation's office: no place of few
    (occupation, "the governor of Harrowgate Prison replied", []),
    # strict, second round: a job a person is the only one of, a job said with "the", a title
    # after a rank or a place's name, a trade the SOC names only in a group, an unknown
    # agent noun where only a job stands; not a habit, a hobby or a rank in a family
    (occupation, "I was the only optometrist in Wexcombe", ["the only optometrist"]),
    (occupation, "she is the sole pharmacist for forty miles", ["the sole pharmacist"]),
    (occupation, "I'm the parish's only undertaker", ["only undertaker"]),
    (occupation, "he was the ferryman at Corley Reach", ["the ferryman"]),
    (occupation, "a retired county surveyor", ["a retired county surveyor"]),
    (occupation, "Brannagh was a former deputy coroner", ["a former deputy coroner"]),
    (occupation, "I am a cooper, I make barrels", ["a cooper"]),
    (occupation, "my mum was a thatcher up the valley", ["a thatcher"]),
    (occupation, "I was a stonemason for thirty years", ["a stonemason"]),
    (occupation, "my brother is a budget analyst", ["a budget analyst"]),
    (occupation, "I am a clockmaker", ["a clockmaker"]),
    (occupation, "I'm a trawlerman out of the harbour", ["a trawlerman"]),
    (occupation, "I was the only scrimshander in the county", ["the only scrimshander"]),
    (occupation, "I was the first in my family to finish school", []),
    (occupation, "I was the only one in my family who used", []),
    (occupation, "I was a heavy smoker", []),
    (occupation, "I am a former drinker", []),
    (occupation, "I'm a survivor and a fighter", []),
    (occupation, "I was the only smoker in the house", []),
    (occupation, "I am a believer in slow tapers", []),
    (occupation, "he was a vet, two tours", []),                       # a veteran, or a vet: not a healthcare job
    # a job no list holds, by where it stands and the shape of a trade's name; never an
    # everyday word ("a gentleman", "the only smoker") nor a habit's noun after "former"
    (unknown_job, "I'm a hurdlemaker, I work with willow", ["a hurdlemaker"]),
    (unknown_job, "Odell was a former netmaker on the quay", ["a former netmaker"]),
    (unknown_job, "my gran was the only bonesetter in the valley", ["the only bonesetter"]),
    (unknown_job, "she was a retired oarsmith", ["a retired oarsmith"]),
    (unknown_job, "I was a gentleman about it", []),
    (unknown_job, "I was a freshman then", []),
    (unknown_job, "I was the only smoker in the house", []),
    (unknown_job, "I am a former drinker", []),
    (unknown_job, "I was a former tweaker", []),
    (unknown_job, "I was the only one in my family", []),
    (unknown_job, "I'm a blacksmith", []),                                # a title the list has: ``occupation``'s
    (occupation_after_age, "my uncle, a seventy-something upholsterer, called", ["upholsterer"]),
    (occupation_after_age, "I'm a forty-two-year-old boilermaker", ["boilermaker"]),
    # places of few people, named disasters
    (distinctive, "I grew up in a village of 430 people", ["village of 430 people"]),
    (distinctive, "a hamlet of ninety souls up north", ["hamlet of ninety souls"]),
    (distinctive, "a town of a few hundred", ["town of a few hundred"]),
    (distinctive, "her son died in the Corrow Flats refinery blast", ["blast"]),
    (distinctive, "after the Ashby Creek flood we moved", ["flood"]),
    (distinctive, "a town of 250,000 is no small place", []),
    (distinctive, "a city of 80,000", []),
    (distinctive, "there was a big fire in the kitchen", []),
    (distinctive, "The fire alarm went off", []),
]


@pytest.mark.parametrize("make, text, expected", CASES, ids=[f"{m.__name__}-{i}" for i, (m, _, _) in enumerate(CASES)])
def test_words_and_details(make, text, expected):
    assert sorted(set(found(make(), text))) == sorted(expected)


def test_the_words_recognizers_declare_their_types():
    assert [m().supported_entities for m in (age_in_words_any, year_in_words, amount_in_words, unknown_job)] == [
        ["AGE"], ["DATE_TIME"], ["AMOUNT"], ["OCCUPATION"]]
