from __future__ import annotations

import pytest

from deid.core.model import ColumnRule, Field, Finding, Record
from deid.decide.decisions import decide
from deid.detect.evidence import CERTAIN, CONTEXT, LEXICON, MODEL, PATTERN
from deid.policy.rules import load_rules
from tests.conftest import write


def record(*texts, columns=None):
    fields = tuple(Field(f"f{i}", t, (columns or {}).get(i)) for i, t in enumerate(texts))
    return Record("s.txt", 0, 1, "r1", fields)


# the evidence each recognizer declares (see deid.detect.recognizers and deid.detect.scanner.strength_of)
STRENGTH = {"SpacyRecognizer": MODEL, "NameLexiconRecognizer": LEXICON, "deny_list": CERTAIN,
            "known_identifier": CERTAIN, "RelationNameRecognizer": CONTEXT, "TitleNameRecognizer": CONTEXT,
            "FormFieldNameRecognizer": CONTEXT}


def find(text, sub, entity="PERSON", score=0.85, recognizer="SpacyRecognizer", field="f0", nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(sub, start + 1)
    return Finding(field, entity, start, start + len(sub), score, recognizer, STRENGTH.get(recognizer, PATTERN))


def removals(decisions):
    return [d for d in decisions if d.action != "keep"]


def spans(rec, decisions):
    texts = {f.path: f.text for f in rec.fields}
    return [(d.finding.field, texts[d.finding.field][d.finding.start:d.finding.end], d.finding.entity, d.action) for d in decisions]


def test_below_threshold_is_dropped(rules):
    t = "Ann went home."
    rec = record(t)
    assert decide(rec, [find(t, "Ann", score=0.3)], rules) == []


@pytest.mark.parametrize(
    "text, sub, entity",
    [
        ("I took Suboxone daily.", "Suboxone", "PERSON"),
        ("Narcan saved me.", "Narcan", "ORGANIZATION"),
        ("The CDC says so.", "CDC", "ORGANIZATION"),
        ("Percocet and Dilaudid for years.", "Percocet and Dilaudid", "ORGANIZATION"),
        ("Third Sublocade shot.", "Third Sublocade", "PERSON"),
    ],
)
def test_medical_terms_and_public_bodies_are_allowed(rules, text, sub, entity):
    assert removals(decide(record(text), [find(text, sub, entity)], rules)) == []


def test_allowed_words_are_cut_out_of_a_longer_finding(rules):
    t = "Kratom Jenny Walsh told me."
    rec = record(t)
    assert spans(rec, decide(rec, [find(t, "Kratom Jenny Walsh")], rules)) == [("f0", "Jenny Walsh", "PERSON", "pseudonym")]


@pytest.mark.parametrize("given, name", [
    ("Mrs. Abernethy", "Abernethy"),          # a form's field gave the title with the name
    ("Dr Ofelia Strand", "Ofelia Strand"),
    ("Miss Tavi", "Tavi"),
    ("Drake Solis", "Drake Solis"),          # a name that opens like a title
    ("Mr Y.", "Mr Y."),                      # an initial alone after it: the whole goes, as the stand-ins keep titles
])
def test_a_title_opening_a_name_stays(rules, given, name):
    t = f"Resident: {given}\nShe is on hospice."
    rec = record(t)
    found = decide(rec, [find(t, given, score=0.8, recognizer="FormFieldNameRecognizer")], rules)
    assert [s for _, s, _, _ in spans(rec, removals(found))] == [name]


def test_a_state_is_a_place_and_allowed_only_by_a_project_that_follows_safe_harbor(rules, tmp_path):
    t = "We moved to Georgia."
    rec = record(t)
    assert spans(rec, removals(decide(rec, [find(t, "Georgia", "LOCATION")], rules))) == [("f0", "Georgia", "LOCATION", "replace")]
    rules = load_rules(write(tmp_path / "r.yaml", "extends: default\nallow_files:\n  - {file: places-allowed.txt, entity: LOCATION}\n"))
    assert [(d.action, d.rule) for d in decide(rec, [find(t, "Georgia", "LOCATION")], rules)] == [("keep", "allow_list")]
    t = "my sister Georgia called me."
    rec = record(t)
    ds = decide(rec, [find(t, "Georgia", recognizer="RelationNameRecognizer")], rules)
    assert spans(rec, ds) == [("f0", "Georgia", "PERSON", "pseudonym")]
    # the model alone calling a state a person is not enough
    assert removals(decide(record("Georgia called."), [find("Georgia called.", "Georgia")], rules)) == []


def test_deny_and_known_findings_always_stand(rules):
    t = "Suboxone is my nickname."
    rec = record(t)
    ds = decide(rec, [find(t, "Suboxone", "DENY_LIST", 1.0, "deny_list")], rules)
    assert spans(rec, ds) == [("f0", "Suboxone", "DENY_LIST", "replace")]
    assert ds[0].rule == "deny"


def test_overlaps_merge_into_one_span_of_the_strongest_type(rules):
    t = "Call Dr. Ann Lee Smith today."
    rec = record(t)
    ds = decide(rec, [find(t, "Ann Lee"), find(t, "Lee Smith", "LOCATION", 0.5)], rules)
    assert spans(rec, ds) == [("f0", "Ann Lee Smith", "PERSON", "pseudonym")]


def test_a_kept_type_never_swallows_a_removed_one(rules):
    t = "Irish Ann Lee"
    rec = record(t)
    ds = decide(rec, [find(t, "Irish Ann", "NRP", 0.95), find(t, "Ann Lee", "PERSON", 0.6)], rules)
    assert spans(rec, ds)[0][2:] == ("PERSON", "pseudonym")


def test_a_name_found_once_is_removed_everywhere_in_the_record(rules):
    t0 = "Loretta Szabo wrote this. LORETTA SZABO again, loretta szabo too."
    t1 = "Ask Loretta. Szabo's dog. Lorettas is not her. loretta and SZABO."
    rec = record(t0, t1)
    ds = decide(rec, [find(t0, "Loretta Szabo")], rules)
    got = [(f, s) for f, s, _, _ in spans(rec, ds)]
    assert got == [
        ("f0", "Loretta Szabo"), ("f0", "LORETTA SZABO"), ("f0", "loretta szabo"),
        ("f1", "Loretta"), ("f1", "Szabo"), ("f1", "loretta"), ("f1", "SZABO"),
    ]
    assert all(d.finding.recognizer.endswith("spread") for d in ds[1:])


def test_a_name_that_is_also_a_word_spreads_only_with_its_capital(rules):
    t = "Rose Quennell said my pain rose. Rose knew. ROSE too."
    rec = record(t)
    got = [s for _, s, _, _ in spans(rec, decide(rec, [find(t, "Rose Quennell")], rules))]
    assert got == ["Rose Quennell", "Rose", "ROSE"]


def test_kept_types_do_not_spread(rules):
    t = "Irish folk, Irish music."
    rec = record(t)
    ds = decide(rec, [find(t, "Irish", "NRP")], rules)
    assert [(d.action, d.finding.start) for d in ds] == [("keep", 0)]


def test_column_rules_decide_whole_values(rules):
    col = ColumnRule("person-name", "name", "replace", "PERSON", True)
    rec = record("Ann Lee", "a story", columns={0: col})
    ds = decide(rec, [], rules)
    assert [(d.finding.field, d.finding.start, d.finding.end, d.action, d.rule, d.param("tag")) for d in ds] == [
        ("f0", 0, 7, "replace", "columns.person-name", "[PERSON]")
    ]


def test_decisions_come_in_field_and_offset_order(rules):
    t0, t1 = "Bo Chan and Ann Lee", "Cy Dee"
    rec = record(t0, t1)
    ds = decide(rec, [find(t1, "Cy Dee", field="f1"), find(t0, "Ann Lee"), find(t0, "Bo Chan")], rules)
    assert [(d.finding.field, d.finding.start) for d in ds] == [("f0", 0), ("f0", 12), ("f1", 0)]


def test_a_guess_of_medical_or_ordinary_words_is_kept_and_the_ledger_says_why(rules):
    t = "SIDE EFFECTS\nMUSCLE PAIN, Cholesterol up. The symptoms got worse. Loretta Szabo drove."
    rec = record(t)
    ds = decide(rec, [find(t, "MUSCLE PAIN"), find(t, "Cholesterol", "ORGANIZATION"), find(t, "The"),
                      find(t, "Loretta Szabo")], rules)
    assert [(s[1], s[3], d.rule) for s, d in zip(spans(rec, ds), ds)] == [
        ("MUSCLE PAIN", "keep", "medical_term"), ("Cholesterol", "keep", "medical_term"),
        ("The", "keep", "common_words"), ("Loretta Szabo", "pseudonym", "entities.PERSON")]


def test_a_keep_decision_never_covers_a_removal(rules):
    t = "Dr. Overall said so."
    rec = record(t)
    ds = decide(rec, [find(t, "Overall", recognizer="SpacyRecognizer"),
                      find(t, "Overall", recognizer="TitleNameRecognizer")], rules)
    assert [(s[1], s[3]) for s in spans(rec, ds)] == [("Overall", "pseudonym")]


@pytest.mark.parametrize("entity", ["LOCATION", "ORGANIZATION"])
def test_one_person_one_stand_in_whatever_type_the_model_gave(rules, entity):
    t = "Marcus Whitfield drove me to group. Later that night Marcus called my sister."
    rec = record(t)
    ds = decide(rec, [find(t, "Marcus Whitfield"), find(t, "Marcus", entity, nth=1)], rules)
    assert [(s[1], s[2]) for s in spans(rec, ds)] == [("Marcus Whitfield", "PERSON"), ("Marcus", "PERSON")]
    # a place that is not part of the name keeps its type
    t = "Marcus Whitfield drove me to Dayton."
    rec = record(t)
    ds = decide(rec, [find(t, "Marcus Whitfield"), find(t, "Dayton", entity)], rules)
    assert [(s[1], s[2]) for s in spans(rec, ds)] == [("Marcus Whitfield", "PERSON"), ("Dayton", entity)]


def test_a_lower_case_guess_is_removed_where_it_stands_only(rules):
    t = "i use zorblex daily and zorblex helps. jenny said so, and jenny knows."
    rec = record(t)
    ds = decide(rec, [find(t, "zorblex"), find(t, "jenny")], rules)
    assert [s[1] for s in spans(rec, ds)] == ["zorblex", "jenny", "jenny"]


def test_a_known_name_goes_in_lower_case_too_where_its_part_is_only_a_name(rules):
    t = "My sponsor Adams Abell helped. adams is a saint; I will rose above it."
    rec = record(t)
    ds = decide(rec, [find(t, "Adams Abell", recognizer="RelationNameRecognizer")], rules)
    assert [s[1] for s in spans(rec, ds)] == ["Adams Abell", "adams"]


@pytest.mark.parametrize("text, guess, kept", [
    ("Yes. I'm Daniel's daughter.", "I'm Daniel's", "Daniel's"),
    ("Hey. It's Rocky. Pick up.", "It's Rocky", "Rocky"),     # "it's", "that's", "here's": no part of a name
    ("That\u2019s Marisol on the left.", "That\u2019s Marisol", "Marisol"),
    ("He met the Whitfields.", "the Whitfields", "Whitfields"),
    ("A. M. Will called.", "A. M. Will", "A. M. Will"),     # an initial is part of the name
    ("xoxo tamsin", "xoxo tamsin", "tamsin"),               # a sign-off's word before the name it signs
    ("I played Courtney Love songs all night.", "Courtney Love", "Courtney Love"),   # not after one
])
def test_a_guess_does_not_start_or_end_with_a_contraction_or_article(rules, text, guess, kept):
    rec = record(text)
    assert [s[1] for s in spans(rec, removals(decide(rec, [find(text, guess)], rules)))] == [kept]


@pytest.mark.parametrize("text, guess, removed", [
    # the model's organisation with a word that names it and a kind at its end is removed whole,
    # the medicine inside it too; one of everyday words and medicine goes
    ("I was prescribed it by the Glenmore Alcohol Service last year.", "the Glenmore Alcohol Service",
     ["Glenmore Alcohol Service"]),
    ("Ring the Tollworth Pain Network if it flares.", "the Tollworth Pain Network", ["Tollworth Pain Network"]),
    ("Call the Alcohol Service if you relapse.", "the Alcohol Service", []),
])
def test_a_named_organisation_keeps_its_medicine(rules, text, guess, removed):
    rec = record(text)
    out = removals(decide(rec, [find(text, guess, "ORGANIZATION")], rules))
    assert [text[d.finding.start:d.finding.end] for d in out] == removed


@pytest.mark.parametrize("text, url, removed", [
    # a web address is removed whole, its path too, whatever words the path holds
    ("I used the plan at kratomexit.org/taper and stuck to it.", "kratomexit.org/taper", "kratomexit.org/taper"),
    ("check www.riverbendclinic.org/vivitrol-shots for times", "www.riverbendclinic.org/vivitrol-shots",
     "www.riverbendclinic.org/vivitrol-shots"),
    # and not the stop or the comma after it
    ("It is all on www.harborline.org/meetings/tuesday. See you.", "www.harborline.org/meetings/tuesday.",
     "www.harborline.org/meetings/tuesday"),
    ("My blog is quietmile.blog/day-one, nothing fancy.", "quietmile.blog/day-one,", "quietmile.blog/day-one"),
])
def test_a_web_address_is_removed_whole_without_the_stop_after_it(rules, text, url, removed):
    rec = record(text)
    out = removals(decide(rec, [find(text, url, "URL", 0.6, "UrlRecognizer")], rules))
    assert [text[d.finding.start:d.finding.end] for d in out] == [removed]


@pytest.mark.parametrize("text, guess, entity, removed", [
    # no person's name holds a digit: a guess that runs on into a number ends before it, and
    # before the everyday word that names what the number counts
    ("Yours truly, Mabel Tunstall Apt 4, 19 Ferris Lane", "Mabel Tunstall Apt 4", "PERSON", ["Mabel Tunstall"]),
    ("Thanks again, Rosalind Tembe Room 12", "Rosalind Tembe Room 12", "PERSON", ["Rosalind Tembe"]),
    ("Signed: Ottilie Brandt 3rd floor", "Ottilie Brandt 3rd", "PERSON", ["Ottilie Brandt"]),
    ("Thanks, Priya Castellano 2nd shift", "Priya Castellano 2nd", "PERSON", ["Priya Castellano"]),
    # a month before its day is a date: a chat's time stamp taken for a person names no one
    ("Mar 3, 7:42 AM - hey its me", "Mar 3, 7:42 AM", "PERSON", []),
    ("Sep 14, 9:05 PM - ok see u at group", "Sep 14, 9:05 PM", "PERSON", []),
    ("Thurs note: Feb. 2nd call Oona back", "Feb. 2nd", "PERSON", []),
    ("June Halloran 4 ever", "June Halloran 4", "PERSON", ["June Halloran"]),   # a first name, then a name
    # a level of the spine (or two) is anatomy, whatever the model took it for
    ("The worst levels were C5-C6 and L4-L5, both herniated.", "L4-L5", "PERSON", []),
    ("They fused T11-T12 last spring.", "T11-T12", "ORGANIZATION", []),
    ("Pain runs down from L5-S1 into the foot.", "L5-S1", "PERSON", []),
])
def test_a_guess_holds_no_number_and_no_level_of_the_spine(rules, text, guess, entity, removed):
    rec = record(text)
    out = removals(decide(rec, [find(text, guess, entity)], rules))
    assert [text[d.finding.start:d.finding.end] for d in out] == removed


@pytest.mark.parametrize("text, guess, entity, removed", [
    ("Stuffy nose, migraine, Foggy, Zoning/trancelike, Apathy", "Foggy, Zoning", "ORGANIZATION", []),
    ("The letter was signed Whitfield, Marcus and sent on.", "Whitfield, Marcus", "PERSON", ["Whitfield", "Marcus"]),
    ("Daughter (Ottilie) updated by phone.", "Daughter (Ottilie", "ORGANIZATION", ["Ottilie"]),   # a bracket
])
def test_a_guess_is_cut_at_commas_and_each_piece_judged(rules, text, guess, entity, removed):
    rec = record(text)
    out = removals(decide(rec, [find(text, guess, entity)], rules))
    assert [text[d.finding.start:d.finding.end] for d in out] == removed


@pytest.mark.parametrize("text, guess, removed", [
    ("took l0 mg lexapro with it", "l0 mg", []),                       # the piece left is a dose
    ("Gave me Percocet and Marcus Whitfield drove", "Percocet and Marcus Whitfield", ["Marcus Whitfield"]),
    # a person's guess does not end with an everyday noun; the word left is judged by its sense
    ("she brought me iris bulbs for the garden", "iris bulbs", []),
    ("then Iris Abernathy called", "Iris Abernathy", ["Iris Abernathy"]),
    ("put sandy toad in the group chat", "sandy toad", ["sandy toad"]),   # one thing, not a plural of things
    # a person's guess does not start with "my" and the person noun it owns: the name is after them
    ("My uncle Ferris is 70. Keep it quiet.", "My uncle Ferris", ["Ferris"]),
    ("Her foster mom Ines Varga signed the forms.", "Her foster mom Ines Varga", ["Ines Varga"]),
    ("Baker Lindqvist drove me in.", "Baker Lindqvist", ["Baker Lindqvist"]),  # a surname with a capital stays
])
def test_what_is_left_of_a_guess_is_judged_again(rules, text, guess, removed):
    rec = record(text)
    out = removals(decide(rec, [find(text, guess)], rules))
    assert [text[d.finding.start:d.finding.end] for d in out] == removed


@pytest.mark.parametrize("text, name, recognizer", [
    ("My sponsor Pfizer called me back.", "Pfizer", "RelationNameRecognizer"),      # a drug maker's name
    ("My husband Medicaid Jones drove.", "Medicaid Jones", "RelationNameRecognizer"),
    ("Name: Teva Lindqvist", "Teva Lindqvist", "FormFieldNameRecognizer"),
    ("With help from my sponsor Chase I tapered.", "Chase", "RelationNameRecognizer"),  # a drug of the lexicon
    # a disease's eponym after a courtesy title: the surname it always was
    ("Dr. Alzheimer moved my appointment again.", "Alzheimer", "TitleNameRecognizer"),
    ("Nurse Crohn gave me the shot.", "Crohn", "TitleNameRecognizer"),
])
def test_strong_person_context_outranks_the_allow_lists(rules, text, name, recognizer):
    rec = record(text)
    out = removals(decide(rec, [find(text, name, recognizer=recognizer, score=0.8)], rules))
    assert [text[d.finding.start:d.finding.end] for d in out] == [name]


@pytest.mark.parametrize("text, term, entity, recognizer", [
    ("I asked Pfizer for help.", "Pfizer", "ORGANIZATION", "SpacyRecognizer"),       # a guess of an allowed word
    ("I am going back to my old friend Lexapro.", "Lexapro", "PERSON", "RelationNameRecognizer"),  # a drug
])
def test_an_allowed_drug_or_a_guess_of_an_allowed_word_is_kept(rules, text, term, entity, recognizer):
    assert removals(decide(record(text), [find(text, term, entity, recognizer=recognizer, score=0.8)], rules)) == []


@pytest.mark.parametrize("text, word", [
    ("As a Cypriot national I was told my case would take years.", "Cypriot"),
    ("The Nigerian nurse was kind.", "Nigerian"),
])
def test_a_word_the_model_read_as_a_nationality_is_no_name_the_lexicon_guessed(rules, text, word):
    """The model read the sentence and called the word a nationality, religion or group;
    the name lexicon saw only a capitalised word it does not know. Before, the guess won
    and "The Nigerian nurse" was published as "The Roe nurse"."""
    rec = record(text)
    ds = decide(rec, [find(text, word, "NRP"), find(text, word, "PERSON", 0.42, "NameLexiconRecognizer")], rules)
    assert removals(ds) == []
    assert [(s[1], s[2], s[3], d.rule) for s, d in zip(spans(rec, ds), ds)] == [(word, "NRP", "keep", "entities.NRP")]


def test_context_still_makes_a_group_word_a_name(rules):
    t = "My sponsor Nigerian Smith drove me."
    rec = record(t)
    ds = decide(rec, [find(t, "Nigerian", "NRP"), find(t, "Nigerian Smith", recognizer="RelationNameRecognizer")], rules)
    assert [(s[1], s[3]) for s in spans(rec, removals(ds))] == [("Nigerian Smith", "pseudonym")]


@pytest.mark.parametrize("guess, stands", [
    ("Mayhew", "Lucan Mayhew"),          # a name written as words in a code block is text a reader sees
    ("Lucan Mayhew", "Lucan Mayhew"),
    ("Brackwell", None),                 # an identifier of a program: one word joined by a dot
    ("TanneryRow", None),                # a class name
])
def test_a_guess_in_a_code_block_stands_when_written_as_a_name(rules, guess, stands):
    t = "Notes.\n\n```\n$ grep -r \"Lucan Mayhew\" logs/ | Brackwell.load TanneryRow\n```\n"
    rec = Record("a.md", 0, 1, "a.md", (Field("f0", t, None, "markdown"),))
    got = [t[d.finding.start:d.finding.end] for d in removals(decide(rec, [find(t, guess, score=0.6, recognizer="NameLexiconRecognizer")], rules))]
    assert got == ([stands] if stands else [])


def test_a_name_in_a_code_span_is_an_example(rules):
    t = "Write it as `Lucan Mayhew`, in full.\n"
    rec = Record("a.md", 0, 1, "a.md", (Field("f0", t, None, "markdown"),))
    assert removals(decide(rec, [find(t, "Lucan Mayhew", score=0.6, recognizer="NameLexiconRecognizer")], rules)) == []


def test_a_guess_that_only_bridges_findings_that_know_adds_nothing(rules):
    # the model's "date" over a state and a ZIP code: each keeps its own type and action
    t = "She lives in Eastbay, NH 03861 now."
    rec = record(t)
    found = [find(t, "NH 03861", "DATE_TIME"), find(t, "NH", "LOCATION", recognizer="StateBeforeZipRecognizer"),
             find(t, "03861", "ZIP_CODE", recognizer="UsZipRecognizer")]
    assert [(s[1], s[2]) for s in spans(rec, decide(rec, found, rules))] == [("NH", "LOCATION"), ("03861", "ZIP_CODE")]


def test_a_timestamp_keeps_its_words_the_allow_list_holds(rules):
    # "AM" is allowed alone (a guess of it is no date); inside a stamp found by its shape it goes
    # with the stamp, or half a time would be left behind
    t = "Flight leaves Friday 6/14 at 6:05 AM. Call me."
    rec = record(t)
    ds = removals(decide(rec, [find(t, "Friday 6/14 at 6:05 AM", "DATE_TIME", 0.7, "TimestampRecognizer")], rules))
    assert [s[1] for s in spans(rec, ds)] == ["Friday 6/14 at 6:05 AM"]


def test_a_bare_holiday_guessed_as_a_date_stays(rules):
    t = "We bake every Christmas and close early on Christmas Eve; I relapsed at Christmas 2019."
    rec = record(t)
    found = [find(t, "every Christmas", "DATE_TIME"), find(t, "Christmas Eve", "DATE_TIME"),
             find(t, "Christmas 2019", "DATE_TIME")]
    assert [s[1] for s in spans(rec, removals(decide(rec, found, rules)))] == ["Christmas 2019"]


def test_a_bare_holiday_guessed_as_a_place_or_a_person_stays(rules):
    t = "I slipped again at Easter and stayed sober through Thanksgiving, but Hanukkah Ruiz called."
    rec = record(t)
    found = [find(t, "Easter", "LOCATION"), find(t, "Thanksgiving", "PERSON"), find(t, "Hanukkah Ruiz", "PERSON")]
    assert [s[1] for s in spans(rec, removals(decide(rec, found, rules)))] == ["Hanukkah Ruiz"]


def test_a_named_organisation_keeps_the_medicine_in_its_name(rules):
    # cut at its medical word, the name would come out as "[ORGANIZATION] Cancer [ORGANIZATION]"
    t = "The oncologist at Quillmarsh Cove Cancer Institute put him on OxyContin."
    rec = record(t)
    ds = removals(decide(rec, [find(t, "Quillmarsh Cove Cancer Institute", "ORGANIZATION")], rules))
    assert [s[1] for s in spans(rec, ds)] == ["Quillmarsh Cove Cancer Institute"]


@pytest.mark.parametrize("text, org, person", [
    ("the Regional Medical Center of Hartwell billed me twice", "Regional Medical Center of Hartwell", "Hartwell"),
    ("I called the PA Department of Human Services again", "PA Department of Human Services", "Department"),
])
def test_a_name_inside_an_organisations_name_is_the_organisations(rules, text, org, person):
    rec = record(text)
    found = [find(text, org, "ORGANIZATION"), find(text, person, "PERSON", 0.7, "SubjectNameRecognizer")]
    assert [(s[1], s[2]) for s in spans(rec, removals(decide(rec, found, rules)))] == [(org, "ORGANIZATION")]


def test_a_person_beside_an_organisation_stays_a_person(rules):
    text = "Marisol Quenby of Halloway Family Pharmacy called"
    rec = record(text)
    found = [find(text, "Halloway Family Pharmacy", "ORGANIZATION"), find(text, "Marisol Quenby", "PERSON", 0.7, "SubjectNameRecognizer")]
    assert [(s[1], s[2]) for s in spans(rec, removals(decide(rec, found, rules)))] == [
        ("Marisol Quenby", "PERSON"), ("Halloway Family Pharmacy", "ORGANIZATION")]


def test_a_title_in_a_name_goes_from_no_other_name(rules):
    t = "The applicant, Mr K., complained. Mr Jan Kowalski was present."
    rec = record(t)
    found = decide(rec, [find(t, "Mr K"), find(t, "Jan Kowalski", recognizer="TitleNameRecognizer")], rules)
    assert [s for _, s, _, _ in spans(rec, removals(found))] == ["Mr K", "Jan Kowalski"]


def test_a_user_name_by_its_shape_in_markdown_code_is_a_programs_name(rules):
    t = "Set `record_limit` in the config; the mod, quietfen_22, pinned it.\n"
    rec = Record("a.md", 0, 1, "a.md", (Field("f0", t, None, "markdown"),))
    found = [find(t, "record_limit", "SOCIAL_HANDLE", 0.6, "UserNameRecognizer"),
             find(t, "quietfen_22", "SOCIAL_HANDLE", 0.6, "UserNameRecognizer")]
    assert [s[1] for s in spans(rec, removals(decide(rec, found, rules)))] == ["quietfen_22"]


def test_an_age_is_not_looked_for_again_in_the_record(rules):
    # "93" of "my nan is 93" is no age in "93 mg"
    t = "My nan is 93 and takes 93 mg of it daily."
    rec = record(t)
    found = [find(t, "93", "AGE", 0.6, "AgeRecognizer")]
    assert [s[1] for s in spans(rec, removals(decide(rec, found, rules)))] == ["93"]


@pytest.mark.parametrize("text, name, mentions", [
    # the first letters of a long first name, by which the story goes on to call the person
    ("My sister Rosalind drives me. Ros never complains.", "Rosalind", ["Rosalind", "Ros"]),
    ("I live with Gwendolyn Marsh. Gwen counts my pills.", "Gwendolyn Marsh", ["Gwendolyn Marsh", "Gwen"]),
    # the initials of a hyphenated first name
    ("My nephew Jean-Luc came; J-L translated, and JL drove.", "Jean-Luc", ["Jean-Luc", "J-L", "JL"]),
    ("Dr. Ama Osei-Mbatha signed it. OM is a sound.", "Ama Osei-Mbatha", ["Ama Osei-Mbatha"]),  # a surname has none
    # never an everyday word, a month's abbreviation or a word inside another
    ("My sister Willamina came by. Will I ever stop?", "Willamina", ["Willamina"]),
    ("My aunt Marjorie is near. Mar 3 was her surgery.", "Marjorie", ["Marjorie"]),
    ("My friend Patricia is great. Pat yourself on the back.", "Patricia", ["Patricia"]),
    ("My son Rosalind... Rosary beads help.", "Rosalind", ["Rosalind"]),
    ("My dad Donald is 70. Don't tell him.", "Donald", ["Donald"]),          # a contraction's stem
    # another mention inside a holiday's name is the holiday
    ("Notes on Eve's dad. He was found on New Year's Eve.", "Eve", ["Eve"]),
])
def test_a_first_name_is_looked_for_again_in_its_short_forms(rules, text, name, mentions):
    rec = record(text)
    got = [s for _, s, _, _ in spans(rec, decide(rec, [find(text, name, recognizer="RelationNameRecognizer", score=0.8)], rules))]
    assert got == mentions
