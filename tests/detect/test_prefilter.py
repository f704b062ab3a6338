"""The prefilter: one Hyperscan scan says which expressions can match a text; only those
run. Every recognizer must give exactly its own answers with it as without it."""

from __future__ import annotations

import json

import pytest
import regex
from hypothesis import given, settings, strategies as st
from presidio_analyzer import Pattern, PatternRecognizer

from deid.core.normalize import for_detection
from deid.detect import prefilter, recognizers
from deid.detect.prefilter import SAFE, Prefilter, for_hyperscan
from deid.detect.recognizers.fast import GatedUrlRecognizer, WindowedPhoneRecognizer
from tests.conftest import ROOT

EVAL = ROOT.parent / "shared" / "eval"
SETS = ["psytar_posts", "presidio_synth_v2", "wnut17_dev", "wnut17_train", "tab_echr_traindev"]


@pytest.mark.parametrize("source, expected", [
    (r"\bmy\s+sister\b", r"\bmy\s+sister\b"),
    (r"[\u2019']s", r"[\xff']s"),                    # a character no ASCII text holds
    (r"fianc\u00e9e?", r"fianc\xffe?"),
    ("fiancée?", r"fianc\xffe?"),                     # the same, written as itself
    (r"\u0041", r"\x{41}"),                           # ASCII stays itself
    (r"\p{Lu}\p{Ll}+", "[A-Za-z][A-Za-z]+"),          # (?i)\p{Lu} matches small letters in Python
    (r"[\p{L}'-]+", "[A-Za-z'-]+"),
    (r"a{,3}", "a{0,3}"),                             # "{,n}" is a quantifier in Python, text in PCRE
    (r"[]a]", r"[\]a]"),
    (r"[[:digit:]x]", r"[[:digit:]x]"),
    (r"(?i:dear)\s+(?P<v>\w+)", r"(?i:dear)\s+(?P<v>\w+)"),
    (r"(?<=\bage[:=]\s*)\d+", r"(?<=\bage[:=]\s*)\d+"),
])
def test_translation(source, expected):
    assert for_hyperscan(source) == expected


@pytest.mark.parametrize("source", [
    r"(\w)\1",            # a back-reference
    r"(?P<a>x)(?P=a)",    # a named one
    r"\N{BULLET}",
    r"\P{Lu}",
    r"\p{Greek}",
    r"(?V1)a",
    r"(?a)\w",
    r"(?x) a b",
    r"cat{e<=1}",         # fuzzy matching
    r"\Gx",
    r"a\Kb",
])
def test_what_is_not_translated_always_runs(source):
    assert for_hyperscan(source) is None


@pytest.fixture(scope="module")
def scanner(detector):
    scanner = detector.scanner
    assert scanner.prefilter.ready(timeout=120), "the Hyperscan databases were not built"
    return scanner


def _said(scanner, text, gated):
    scanner.prefilter.enabled = gated
    try:
        ran = scanner.run(text, scanner.patterns)
    finally:
        scanner.prefilter.enabled = True
    return {rec.name + str(n): [(r.entity_type, r.start, r.end, r.score) for r in ran[id(rec)]]
            for n, rec in enumerate(scanner.patterns)}


def _differ(scanner, texts):
    return [n for n, t in enumerate(texts) if _said(scanner, t, True) != _said(scanner, t, False)]


def test_most_expressions_are_filtered(scanner):
    assert len(scanner.prefilter.patterns) >= 100
    assert sum(len(numbers) for _, numbers in scanner.prefilter.databases) == len(scanner.prefilter.patterns)


def test_an_expression_ruled_out_is_not_run(scanner):
    text = "Tapering off kratom took me eleven weeks."
    hits = scanner.prefilter.can_match(text)
    assert hits is not None and len(hits) < len(scanner.prefilter.patterns) // 2


def test_a_text_outside_ascii_runs_every_expression(scanner):
    assert scanner.prefilter.can_match("My fiancée Zoë met me at the clinic.") is None
    assert not SAFE.match("caf\u00e9") and not SAFE.match("a\x1cb") and SAFE.match("a\tb\r\n~")


def test_until_the_databases_are_built_every_expression_runs(scanner, monkeypatch):
    monkeypatch.setattr(scanner.prefilter._build, "databases", None)  # still compiling
    monkeypatch.setattr(scanner.prefilter._build, "built", [])  # not one database yet
    assert scanner.prefilter.can_match("Call me on 503-555-0142.") is None


@pytest.mark.parametrize("built", [1, 3, 10])
@pytest.mark.parametrize("text", [
    "Tapering off kratom took me eleven weeks.",
    "My cousin Ferdie Walcombe, a retired glazier, rang 503-555-0142 from the town of Quillby.",
    "Visit brightmeadow.example.org or mail quince.harlow@example.net before 4/11.",
])
def test_half_built_the_databases_built_answer_and_the_rest_run(scanner, monkeypatch, built, text):
    """While the thread is still building, an expression a built database holds runs only where
    it can match; every other one runs: the same results as when all are built."""
    everything = scanner.prefilter.databases
    full = scanner.prefilter.can_match(text)
    monkeypatch.setattr(scanner.prefilter._build, "databases", None)
    monkeypatch.setattr(scanner.prefilter._build, "built", everything[:built])
    held = set().union(*(numbers for _, numbers in everything[:built]))
    half = scanner.prefilter.can_match(text)
    assert half == (full & held) | (set(range(len(scanner.prefilter.patterns))) - held)
    assert _said(scanner, text, True) == _said(scanner, text, False)


def test_the_costliest_expressions_to_compile_are_built_first(scanner):
    """The first database holds the longest expressions (the job titles' lists), which
    cost Python the most to compile: the warm-up need not compile them."""
    lengths = [len(p.regex) for p in scanner.prefilter.patterns]
    first = scanner.prefilter.databases[0][1]
    assert min(lengths[n] for n in first) == sorted(lengths, reverse=True)[len(first) - 1]


def _hits(build, texts):
    out = []
    for text in texts:
        hits: set[int] = set()
        for db, _ in build.databases:
            db.scan(text.encode("ascii"), match_event_handler=prefilter._note, context=hits)
        out.append(hits)
    return out


_SOME = ["Tapering off kratom took me eleven weeks.",
         "My cousin Ferdie Walcombe, a retired glazier, rang 503-555-0142 from the town of Quillby.",
         "Visit brightmeadow.example.org or mail quince.harlow@example.net before 4/11."]


def test_the_databases_come_from_a_child_process_and_answer_as_if_built_here(scanner):
    """The build runs in a child process, so that this one starts no thread (a process that has
    had a second thread runs the model slower); the databases it writes, loaded here, answer as
    the same databases compiled in this process do."""
    import threading

    expressions = scanner.prefilter._build.expressions[:40]
    threads = threading.active_count()
    build = prefilter._Build(expressions)
    assert build.thread is None and threading.active_count() == threads
    build.wait(120)
    assert build.databases is not None and build.thread is None
    here = list(prefilter._compiled(expressions, build.order))
    assert [numbers for _, numbers in build.databases] == [numbers for _, numbers in here]
    local = prefilter._Build.__new__(prefilter._Build)
    local.databases = here
    assert _hits(build, _SOME) == _hits(local, _SOME)


@pytest.mark.parametrize("child", ["/nonexistent/python", "/bin/true"])
def test_without_the_child_a_thread_builds_the_databases(scanner, monkeypatch, child):
    """A child that cannot start, or ends before its last database: a thread builds them."""
    import sys

    expressions = scanner.prefilter._build.expressions[40:60]
    monkeypatch.setattr(sys, "executable", child)
    build = prefilter._Build(expressions)
    build.wait(120)
    assert build.databases is not None and build.thread is not None
    assert sorted(n for _, numbers in build.databases for n in numbers) == list(range(len(expressions)))


def test_scanners_with_the_same_expressions_share_one_build(rules, scanner):
    from deid.detect.scanner import PatternScanner

    assert PatternScanner(rules).prefilter._build is scanner.prefilter._build


def test_the_same_answers_on_the_fixtures(scanner):
    texts = [json.loads(line)["text"] for line in
             (ROOT / "tests" / "fixtures" / "testimonials.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").iterdir()) if p.is_file()]
    assert _differ(scanner, [for_detection(t)[0] for t in texts]) == []


@pytest.mark.parametrize("name", SETS)
def test_the_same_answers_on_every_eval_text(scanner, name):
    path = EVAL / f"{name}.jsonl"
    if not path.exists():
        pytest.skip("../shared/eval is not here")
    texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert _differ(scanner, [for_detection(t)[0] for t in texts]) == []


# Pieces that the recognizers look for, and pieces around them, in any order and case.
_PIECES = [
    "my sister", "Odile Brannock", "Dr. Mara Quill", "age: 34", "I'm 34", "a 34-year-old", "(34F)",
    "call 503-555-0142", "+44 7700 900123", "ssn 078-05-1120", "MRN 4471920", "member id: QX-55120",
    "o.brannock@example.org", "obrannock at example dot org", "u/quiet_meadow", "@wren_m",
    "$40", "EUR 4,000", "40 bucks", "on 3 March 2019", "03/14/1961", "born in 1961", "in my forties",
    "123 Maple Street", "Apt 4B", "Lakeside Recovery Center", "Cook County Jail", "Dayton, OH 45402",
    "I'm a paramedic", "worked as a line cook", "my three kids", "single mom", "the only woman in",
    "192.168.4.20", "DE89 3704 0044 0532 0130 00", "4111 1111 1111 1111", "notes.txt", "www.example.org",
    "Hi Wren,", "Thanks, Tobias", "- Marisol", "Name: Wren Marchetti", "aka Sunny", "Q:", "A:",
    "kratom", "7-OH", "tramadol 50 mg", "muscle pain", "tapering", ",", ".", ";", "\n", "\n\n", " ", "\t",
    "the sheriff of", "Polcarrow", "Fernhollow Pharmacy", "Kestrel Co", "the last four of my social", "that's 4471",
    "SSN last four: 2208", "social is one two three four five six seven eight nine",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=12), st.sampled_from([str, str.upper, str.lower]))
def test_the_same_answers_on_generated_texts(scanner, pieces, case):
    text = case(" ".join(pieces))
    assert _said(scanner, text, True) == _said(scanner, text, False)


def test_a_pattern_two_scanners_share_is_gated_for_either(rules, scanner):
    from deid.detect.scanner import PatternScanner

    other = PatternScanner(rules)
    assert other.prefilter.ready(timeout=120)
    text = "Reach Odile Brannock on 503-555-0142 or o.brannock@example.org; she is 34."
    assert _said(other, text, True) == _said(scanner, text, True) == _said(scanner, text, False)


def test_every_translation_matches_at_least_what_python_does():
    """For each expression the prefilter holds, on texts made of its own literal words:
    wherever Python's ``regex`` finds a match, Hyperscan's prefilter reports one."""
    import hyperscan

    from deid.detect.scanner import _pattern_recognizers
    from deid.policy.rules import load_rules

    recs = _pattern_recognizers(load_rules())
    pf = Prefilter(recs, wait=True)
    words = sorted({w for p in pf.patterns for w in regex.findall(r"[A-Za-z]{3,}", p.regex)})[:4000]
    texts = [" ".join(words[i:i + 40]) for i in range(0, len(words), 40)] + [" ".join(_PIECES)]
    for text in texts:
        hits = pf.can_match(text)
        for n, pattern in enumerate(pf.patterns):
            if n not in hits:
                assert pattern.compiled_regex.compiled.search(text) is None, pattern.name
    assert hyperscan is not None and prefilter.hyperscan is hyperscan



# A recognizer that finds only what its patterns match is not asked at all when the prefilter
# rules out every one of them (``prefilter.only_patterns``, ``_Looking.rules_out``).
@pytest.mark.parametrize("text, silent", [
    ("Tapering off kratom took me eleven weeks.", ["BareVinRecognizer", "MacAddressRecognizer", "SpelledSsnRecognizer"]),
    ("my brother drove to the lake after lunch", ["CreditCardRecognizer", "BareImeiRecognizer", "GpsCoordinatesRecognizer"]),
    ("Grandpa Oswin Tarrow rang at noon", ["UsSsnRecognizer", "FileNameRecognizer", "WrittenOutEmailRecognizer"]),
])
def test_a_recognizer_whose_patterns_are_all_ruled_out_is_not_asked(scanner, monkeypatch, text, silent):
    by_name = {rec.name: rec for rec in scanner.patterns}
    asked = []
    for name in silent:
        assert id(by_name[name]) in scanner.prefilter.wholly, name
        monkeypatch.setattr(by_name[name], "analyze", lambda *a, _name=name, **k: asked.append(_name) or [])
    scanner.run(text)
    assert asked == []
    monkeypatch.undo()
    assert _said(scanner, text, True) == _said(scanner, text, False)


def test_a_recognizer_whose_pattern_can_match_is_asked(scanner, monkeypatch):
    rec = next(r for r in scanner.patterns if r.name == "MacAddressRecognizer")
    asked = []
    monkeypatch.setattr(rec, "analyze", lambda *a, **k: asked.append(1) or [])
    scanner.run("the router's address was 3c:5a:b4:01:9e:7f all along")
    assert asked == [1]


class _Adds(PatternRecognizer):
    """Finds more than its patterns' matches, and does not say otherwise."""

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        return super().analyze(text, entities, nlp_artifacts, regex_flags) + []


class _Keeps(_Adds):
    only_pattern_results = True

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        return super().analyze(text, entities, nlp_artifacts, regex_flags)


def _one(cls):
    return lambda: cls(supported_entity="X", patterns=[Pattern("x", r"\bqq\d\b", 0.5)])


@pytest.mark.parametrize("make, only", [
    (_one(PatternRecognizer), True),
    (_one(_Adds), False),
    (_one(_Keeps), False),  # says it keeps its parent's results, but the parent adds its own
    (GatedUrlRecognizer, False),
    (WindowedPhoneRecognizer, False),
    (recognizers.title_name, True),
    (recognizers.occupation_after_age, True),
    (recognizers.written_out_email, True),
])
def test_only_patterns(make, only):
    assert prefilter.only_patterns(make()) is only


# Expressions too long for Hyperscan are scanned for by their triggers: what must occur wherever they match.
@pytest.mark.parametrize("text, recognizer, pattern, can", [
    ("Ilse Vandermeer was a retired welder in Tromso.", "OccupationRecognizer", "retired", True),
    ("Odalys, an ex-firefighter, drove the van.", "OccupationRecognizer", "retired", True),
    ("Odalys drove the van to the depot.", "OccupationRecognizer", "retired", False),
    ("Benedek was a cooper by trade.", "OccupationRecognizer", "by-trade", True),
    ("Benedek went by train.", "OccupationRecognizer", "by-trade", False),
    ("The county's coroner called twice.", "OccupationRecognizer", "of-place", True),
    ("The county coroner called twice.", "OccupationRecognizer", "of-place", False),
    ("I'm a 41-year-old welder from Kesslow.", "OccupationAfterAgeRecognizer", "aged", True),
    ("I'm a welder from Kesslow.", "OccupationAfterAgeRecognizer", "aged", False),
    ("Notes at https://quillfen.example.io/a", "UrlRecognizer", "Standard Url", True),
    ("Notes at quillfen.io", "UrlRecognizer", "Standard Url", False),
    ("Notes at quillfen.io", "UrlRecognizer", "Non schema URL", True),
    ("Notes on 2.5 mg at 9 a.m. each day.", "UrlRecognizer", "Non schema URL", False),
    ("Bram lent me forty bucks.", "AmountWordsRecognizer", "words-money", True),
    ("Bram lent me forty pills.", "AmountWordsRecognizer", "words-money", False),
    ("The repairs ran six grand.", "AmountWordsRecognizer", "words-grand", True),
    ("The repairs ran six weeks.", "AmountWordsRecognizer", "words-grand", False),
    ("The fine was EUR 4,000 in Gdansk.", "AmountRecognizer", "code-sum", True),
    ("The rent was $640.", "AmountRecognizer", "code-sum", True),
    ("The fine was steep in Gdansk.", "AmountRecognizer", "code-sum", False),
    ("They paid 200,000 Turkish liras.", "AmountRecognizer", "sum-words", True),
    ("They paid 200 visits.", "AmountRecognizer", "sum-words", False),
    # the words before or after that a lookaround asks for, which the prefilter cannot read as one
    ("Quorra is a wheelwright by trade.", "OccupationRecognizer", "agent-by-trade", True),
    ("Quorra is a wheelwright in Hollin.", "OccupationRecognizer", "agent-by-trade", False),
    ("Quorra trained as a farrier in Hollin.", "OccupationRecognizer", "agent-as", True),
    ("Quorra once met a farrier in Hollin.", "OccupationRecognizer", "agent-as", False),
    ("Send it to postcode 4412, care of the ward.", "WorldPostcodeRecognizer", "label", True),
    ("I walked 4412 steps after the codeine wore off.", "WorldPostcodeRecognizer", "label", False),
    ("Lindenlaan 8, 2613 bx Delft", "WorldPostcodeRecognizer", "nl-typed", True),
    ("In 2019 in the spring I tapered.", "WorldPostcodeRecognizer", "nl-typed", False),
    ("Age: 41, night nurse.", "AgeAnyRecognizer", "age-field", True),
    ("I was 41 when it began.", "AgeAnyRecognizer", "age-field", False),
    # triggers for what costs Hyperscan most to compile: the office and the "of" after it
    ("Wenna became the sheriff of Polcarrow.", "OccupationRecognizer", "office-of", True),
    ("The sheriff came by the farm twice.", "OccupationRecognizer", "office-of", False),
    ("She spent a month at Fernhollow Recovery Center.", "OrganisationRecognizer", "named-org", True),
    ("Then Kestrel Boutique hired him.", "OrganisationRecognizer", "named-org", False),
    ("the last four of my social, so I wrote 4471", "SsnLastFourRecognizer", "last-four-said", True),
    ("my social, only the last four: nine one four four", "SsnLastFourRecognizer", "social-then-last-four", True),
    ("SSN last four: 2208", "SsnLastFourRecognizer", "field", True),
    ("my social is 2208 and the code 4471", "SsnLastFourRecognizer", "field", False),
    ("the final four weeks of the taper", "SsnLastFourRecognizer", "restated", True),
    ("the last dose of my taper, that's 4471 mg", "SsnLastFourRecognizer", "restated", False),
    ("my social is one two three, four five, six seven eight nine", "SpelledSsnRecognizer", "social-digit-words", True),
    ("one two three, four five, six seven eight nine, the nurse said", "SpelledSsnRecognizer", "social-digit-words", False),
])
def test_a_long_expression_is_filtered_by_its_trigger(scanner, text, recognizer, pattern, can):
    rec = next(r for r in scanner.patterns if r.name == recognizer)
    p = next(p for p in rec.patterns if p.name == pattern)
    number = next(n for n, q in enumerate(scanner.prefilter.patterns) if q is p)
    assert (number in scanner.prefilter.can_match(text)) is can
    if not can:
        assert p.compiled_regex.compiled.search(text) is None
    assert _said(scanner, text, True) == _said(scanner, text, False)


# A recognizer's own expressions, run over the whole text (``prefilter.Gated``, listed in its
# ``expressions``), are gated like Presidio's patterns.
class _Recording:
    def __init__(self, compiled):
        self.compiled, self.asked = compiled, []

    def finditer(self, text, *args, **kwargs):
        self.asked.append(args)
        return self.compiled.finditer(text, *args, **kwargs)

    def __getattr__(self, name):  # ``groupindex`` and the like: the expression's own
        return getattr(self.compiled, name)


def _own(scanner):
    return [p for p in scanner.prefilter.patterns if isinstance(p, prefilter.Gated)]


def test_recognizers_own_expressions_are_held(scanner):
    held = {p.name for p in _own(scanner)}
    assert {"addressed-0", "addressed-lower-0", "spelt-letters", "spelt-aloud", "spoken-number-run",
            "id-prefixed", "id-next-line", "addressed-8", "addressed-lower-3"} <= held
    for rec in scanner.patterns:
        for expression in getattr(rec, "expressions", ()):
            assert any(expression is p for p in scanner.prefilter.patterns), rec.name


_RARE = {"spelt-letters", "spelt-aloud", "spoken-number-run", "id-prefixed", "id-next-line", "addressed-11",
         "addressed-12", "addressed-lower-4"}


@pytest.mark.parametrize("text, runs", [
    ("Tapering off kratom took me eleven weeks.", set()),
    ("She spelt it out for the nurse: R-O-W-E-N, not Rowan.", {"spelt-letters"}),
    ("Hi Tamsin, my name is Odile and the ward is on the left.", {"addressed-0", "addressed-4"}),
    ("Call five five five, oh one two three, four four five six.", {"spoken-number-run"}),
    # by a trigger: the words after that a lookahead asks for
    ("Odile and I went. Then Tamsin texted me.", {"addressed-9", "addressed-10"}),
    ("me: tamsin can u grab the car", {"addressed-11", "addressed-lower-4"}),
    ("Tamsin and her sponsor drove up.", {"addressed-12"}),
    ("Odile you were right about the taper.", {"addressed-7"}),
])
def test_a_recognizers_own_expression_ruled_out_is_not_run(scanner, monkeypatch, text, runs):
    recording = {}
    for p in _own(scanner):
        recording[p.name] = _Recording(p.compiled)
        monkeypatch.setattr(p, "_compiled", recording[p.name])
    scanner.run(text)
    asked = {name for name, r in recording.items() if r.asked}
    assert runs <= asked
    assert not asked & _RARE - runs
    monkeypatch.undo()
    assert _said(scanner, text, True) == _said(scanner, text, False)


def test_a_gated_expression_asked_from_a_place_runs(scanner):
    """A start or an end changes what ``^``, ``$`` and the lookarounds see: such a call is never skipped."""
    spelt = next(p for p in _own(scanner) if p.name == "spelt-letters")
    text = "Tapering off kratom took me eleven weeks."
    with scanner.prefilter.looking_at(text) as looking:
        assert id(spelt) in looking.skip
        assert list(spelt.finditer(text)) == []
        assert list(spelt.finditer(text, 0)) == list(spelt.compiled.finditer(text, 0)) == []
        recording = _Recording(spelt.compiled)
        spelt._compiled, kept = recording, spelt._compiled
        try:
            list(spelt.finditer(text, 3, 20))
        finally:
            spelt._compiled = kept
        assert recording.asked == [(3, 20)]


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_what_is_ruled_out_is_every_expression_not_hit(scanner, data):
    """``Prefilter.ruled_out`` (the set of them all less those hit) is what asking each gives."""
    patterns = scanner.prefilter.patterns
    hits = data.draw(st.sets(st.integers(min_value=0, max_value=len(patterns) - 1)))
    assert scanner.prefilter.ruled_out(hits) == frozenset(id(p) for n, p in enumerate(patterns) if n not in hits)


def test_an_expression_held_twice_is_ruled_out_as_one_by_one():
    """Two recognizers that share one ``Pattern`` hold it twice (``ruled_out`` cannot take the
    set of them all less those hit): the answer is still the one-by-one way's."""
    shared = Pattern("shared", r"\bquillfen\b", 0.5)
    a = PatternRecognizer(supported_entity="A", patterns=[shared, Pattern("a", r"\bbrannock\b", 0.5)])
    b = PatternRecognizer(supported_entity="B", patterns=[shared])
    pf = Prefilter([a, b], wait=True)
    assert [p for p in pf.patterns if p is shared] == [shared, shared] and pf._all is None
    for hits in ({0}, {1}, {2}, {0, 2}, {0, 1, 2}, set()):
        assert pf.ruled_out(hits) == frozenset(id(p) for n, p in enumerate(pf.patterns) if n not in hits)


@pytest.mark.parametrize("child", [None, "/nonexistent/python"])
def test_an_expression_hyperscan_refuses_always_runs(monkeypatch, child):
    """Hyperscan refuses an expression too large for it ("(a|b){1,100000}"), which then is in
    no database: it runs on every text, built by the child or by the thread (before, it was
    ruled out of every text once the others were built, and found nothing)."""
    import sys

    if child:
        monkeypatch.setattr(sys, "executable", child)
    rec = PatternRecognizer(supported_entity="MEMBER_NUMBER", name="TooLargeForHyperscan", patterns=[
        Pattern("huge", r"\bQX(?:a|b){1,100000}\b", 0.9), Pattern("small", r"\bZZQ\d{7}\b", 0.9)])
    gate = Prefilter([rec], wait=True)
    text = "the code QXabab was read out"
    with gate.looking_at(text) as looking:
        assert not looking.rules_out(rec)
        assert [(r.start, r.end) for r in rec.analyze(text, ["MEMBER_NUMBER"])] == [(9, 15)]
    assert gate._build.unheld == frozenset({0})
