"""The lexicon name finder, table-driven: names it must find, words it must not."""

from __future__ import annotations

import pytest

from deid.detect.namefinder import NameLexiconRecognizer

REC = NameLexiconRecognizer()


def names(text):
    return [text[r.start:r.end] for r in REC.analyze(text, ["PERSON"])]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Thaddeus said hi to Ella H. Snider and Ana de la Cruz.", ["Thaddeus", "Ella H. Snider", "Ana de la Cruz"]),
        ("Krisztián Szöllösy listed his songs", ["Krisztián Szöllösy"]),
        ("My name is Loretta Szabo and Loretta's dog", ["Loretta Szabo", "Loretta"]),
        ("wow emma and kaite are cute i wish im ryan", ["emma", "kaite", "ryan"]),
        ("naomi ryan and patricia desrosiers", ["naomi ryan", "patricia desrosiers"]),
        ("It went to Mason Reyes and TANNER FOXX", ["Mason Reyes", "TANNER FOXX"]),
        ("Martim A Pereira wrote it", ["Martim A Pereira"]),
        ("Gerste, Johnson and Johnson founded it.", ["Johnson", "Johnson", "Gerste"]),
        # a first name that is a word, capitalised mid-sentence and listed with names
        ("We lit candles for Thaddeus, Oriel, and Rusty last night.", ["Thaddeus", "Oriel", "Rusty"]),
        ("I won't vote for Donald trump", ["Donald trump"]),
        ("oh Jesus christ that hurt", ["Jesus christ"]),        # a word mostly written with a capital
        ("i watch iDubbbz every day", ["iDubbbz"]),              # a user name without its "@"
        ("DJ Khaled looks great", ["DJ Khaled"]),
        ("Jan called me twice.", ["Jan"]),                       # a month's name, standing as a name
        # a name after a person word is still a name, in lower-case writing too
        ("i went with my friend kunjana and the nurse hangwani", ["kunjana", "hangwani"]),
        # a lone capitalised word (judged later) does not run on into the lower-case word after it
        ("Last week she drew us the Scottish heather she remembers.", ["Scottish"]),
        # the name alone, not the procedure's word after it (medicine by position judges the name)
        ("After the Ostrowe fundoplication and a Kesselring arthroscopy I slept.", ["Ostrowe", "Kesselring"]),
        ("i just noticed that fouseytube is back", ["fouseytube"]),
        # a writer who uses capitals may still write a popular first name without one
        ("I went to group with emma. I felt fine. I slept. I ate.", ["emma"]),
        ("i hate trump so much i cant", ["trump"]),             # a word written with a capital far more often
        # a rare dictionary word that is a name too, with an initial and a surname no list knows
        ("Garnet R. Vuorikoski signed the consent", ["Garnet R. Vuorikoski"]),
        # after a first name, a capitalised rare word that is common only by its ending is its surname
        ("Uncle (Wilfred Tilling) is hard of hearing.", ["Wilfred Tilling"]),
        ("I met Odile Hulking at group.", ["Odile Hulking"]),
    ],
)
def test_finds_names(text, expected):
    assert sorted(names(text)) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        "Will you come? I will. May I? Hope so.",
        "Grace, Hope and Joy are the three virtues on the wall.",        # listed with no name
        "My pain rose every winter and I had to mark it.",
        "The Guilty Pleasures of Southern Comedy",
        "OMG LOL this is AF",
        "I'm sure you're right, C'mon.",
        "Energetic people are Capitalized here.",
        "Took 7-OH and went to the ER in OH.",
        "mail zed.quimby@example.org or see yolanda.example.com/x",
        "We moved to Italy and then to Georgia.",
        "English and French classes",
        "went to the ER in Dec and Jan. Since Jan of this year it is better.",   # months as dates
        "Had surgery in Dec 04 and again Fri.",
        # every week day and month in full is a date, however the sentence places it
        "Thursday was the longest day. We meet every other Thursday, on Wednesday too.",
        "By Saturday the chills had stopped; Monday through Friday I dose at six.",
        "The refill is due in September, the review every other October.",
        "My birthday is 7th Jan. Hers is 14 March, his the 3rd May.",                # a day before the month
        "Signed with Ed25519, took B12 and Omega3.",                             # no name has digits
        "My eGFR was fine, I read it on my iPhone and sold it on eBay.",
        "i take the meds at noontime, i lowered my dose to everyother day",   # words run together
        "I skipped two doses on New Years Eve because I knew I would be drinking.",
        # in lower-case writing a word after an article or "my" is a noun, no name
        "i ended in a heap, now i am on an even keel, it was a life saver",
        "i was feeding off the exogenous opoid, i need my kuya",
        # a writer who capitalises "I" and sentences writes names with capitals: a rare
        # name in lower case in their text is a word, misspelt or not
        "I felt better after about a mont. I was going thu severe stress. It went on for a couple weaks. "
        "I was very leary of it. Maybe theo shadows were from it.",
        "If I kept taking it I'ld be broke. Ihave only taken it 5 days, Now I'am driving and Iam still here.",
        # a surname or rare first name that a dictionary lists as a word is the word
        "She was a spry 88 when the stroke came.",
        "my uncle is 70 and brisker than ever about his meds",
        "grandpa is pushing 94 and kinder than me about the taper",
        "the bramble by the clinic door tore my sleeve",
        "we sat under the aspen while the nausea passed",
        # a lower-case writer's rare word with a medical or procedure's ending is no name
        "hi this is the scheduling line. ur knee arthroscopy moved. my angioplasty too",
        # a capitalised word after a first name that is an everyday word stays a word
        "I told June Nothing about it.",
    ],
)
def test_leaves_words_alone(text):
    assert names(text) == []
