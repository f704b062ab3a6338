"""Presidio recognizers asked only about text that could hold a match.

Two of Presidio's recognizers cost more than all of deid's own together.
The answers are the same (tests compare them with Presidio's own over the
evaluation data); only the question is smaller.

Phone numbers: ``PhoneRecognizer`` runs python-phonenumbers' matcher over the whole text
once per region (eight), and the matcher parses every number it meets --
doses, ages, years -- as a possible phone number in each region. That was a
sixth of deid's time. A phone number has at least ``MIN_DIGITS`` digits in
one run of digits and phone punctuation, so only such runs, with a margin of
text either side for the matcher's own checks, are handed to it; what it
finds there is what it finds in the whole text (tested over the fixtures, a
generated corpus and tricky cases; once, by hand, over the evaluation data).
A number of fewer than ``PLAUSIBLE_DIGITS`` digits is none deid reports
(``scanner.plausible``: "call 1645 now" is a valid German number, and "in 2019"
is a year), so a window with fewer digits than that is not asked either: what
is reported is what Presidio reports, less what ``plausible`` drops.

URLs: every pattern of ``UrlRecognizer`` (6,000-character alternations of
top-level domains) ends in a dot and a letter, so a text without a dot
before a letter is not searched at all. The host of a match is a run of
letters, digits, dots and hyphens of at most 253 characters and a domain;
in a far longer run ("a.a.a.a...", 1 ms a character, minutes for a record)
the expression tries every place again. Such a run (over ``LONGEST_RUN``)
is no address anyone wrote: with a dot before a letter it is taken whole as
a URL (removed, failing closed), without one it can hold none; either way
the expressions read the rest of the text with the run blanked out.
"""

from __future__ import annotations

import phonenumbers
import regex as re  # as every recognizer (``recognizers/__init__``)
from presidio_analyzer import RecognizerResult
from presidio_analyzer.predefined_recognizers import PhoneRecognizer, UrlRecognizer

MIN_DIGITS = 4   # the shortest national number of the default regions (DE: "call 1645 now" matches)
PLAUSIBLE_DIGITS = 7  # the fewest ``scanner.plausible`` takes for a phone number
MARGIN = 24      # context either side: a leading "+" or "(", an extension, a time-stamp suffix
_RUN = re.compile(r"\d(?:[\s()\[\].\-/~+\u00a0\u2010-\u2015]{0,4}\d)*")
# python-phonenumbers looks up each of its metadata's expressions by ``re.compile`` every time it
# uses one (about twenty look-ups per window and region); kept in its own table instead, they are
# compiled once and found by a dictionary look-up (its documented switch; the same expressions)
phonenumbers.enable_pattern_cache()


class WindowedPhoneRecognizer(PhoneRecognizer):
    def analyze(self, text, entities, nlp_artifacts=None, skip=None):
        """``skip(lo, hi, runs)``, when given, says which windows (``runs``: the spans of
        their runs of digits) need not be asked (``scanner.PatternScanner.scan``)."""
        results = []
        for lo, hi, runs in windows_and_runs(text):
            if skip is not None and skip(lo, hi, runs):
                continue
            for r in super().analyze(text[lo:hi], entities, None):
                r.start += lo
                r.end += lo
                results.append(r)
        return self.remove_duplicates(results)


def windows(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` around runs of at least ``MIN_DIGITS`` digits,
    merged where they touch."""
    return [(lo, hi) for lo, hi, _ in windows_and_runs(text)]


def windows_and_runs(text: str) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """``windows``, each with the spans of the runs it was made around. The windows do not
    overlap, so a number found in one is found in no other; a window with fewer than
    ``PLAUSIBLE_DIGITS`` digits in all holds no number deid would report, and is left out."""
    out: list[tuple[int, int, list[tuple[int, int]]]] = []
    for m in _RUN.finditer(text):
        if sum(map(str.isdigit, m.group(0))) < MIN_DIGITS:
            continue
        lo, hi = max(0, m.start() - MARGIN), min(len(text), m.end() + MARGIN)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], hi, out[-1][2] + [m.span()])
        else:
            out.append((lo, hi, [m.span()]))
    return [w for w in out if sum(map(str.isdigit, text[w[0]:w[1]])) >= PLAUSIBLE_DIGITS]


_DOT_LETTER = re.compile(r"\.[^\W\d_]")


LONGEST_RUN = 1000
# the expressions' host characters, read as they read them (the regex module, ignoring case)
_HOST_RUN = re.compile(r"[a-z0-9.\-]{%d,}" % (LONGEST_RUN + 1), re.IGNORECASE)


class GatedUrlRecognizer(UrlRecognizer):
    # what each pattern needs (``prefilter``: its 6,000 characters are too long for Hyperscan to
    # compile in good time): a scheme, or a dot and the two letters or more of a top-level domain
    triggers = {
        "Standard Url": r"(?i)https?://",
        "Quoted URL": r"(?i)[\"']https?://",
        "Non schema URL": r"(?i)[.][a-z][a-z]",
        "Quoted Non-schema URL": r"(?i)[.][a-z][a-z]",
    }

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        if not _DOT_LETTER.search(text):
            return []
        runs = list(_HOST_RUN.finditer(text))
        if not runs:
            return super().analyze(text, entities, nlp_artifacts, regex_flags)
        whole, parts, at = [], [], 0
        for m in runs:
            # "_" is no host character and does not end a path: a path after the run still reads on
            parts += [text[at:m.start()], "_" * (m.end() - m.start())]
            at = m.end()
            if _DOT_LETTER.search(m.group(0)):
                whole.append(RecognizerResult("URL", m.start(), m.end(), max(p.score for p in self.patterns),
                                              recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                                                                    RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id}))
        blanked = "".join(parts) + text[at:]
        return whole + super().analyze(blanked, entities, nlp_artifacts, regex_flags)
