"""Recognizers for ways to reach a person and names of their things:
email addresses (an email recognizer that never goes online, and addresses
written out to dodge a filter), social handles, phone numbers in context and
spelt out, and file names that hold a name.

Presidio's own email recognizer validates domains through tldextract, which
downloads the public suffix list on first use; ``OfflineEmailRecognizer``
pins it to the snapshot that ships inside tldextract.
"""

from __future__ import annotations

import regex as re
import tldextract
from presidio_analyzer import PatternRecognizer
from presidio_analyzer.predefined_recognizers import EmailRecognizer

from deid.detect.recognizers.base import Pattern, ValuePatternRecognizer
from deid.core.lexicon import common_words, vocabulary
from deid.read.ids import renamed

# suffix_list_urls=() -> never fetch; cache_dir=None -> never write a cache.
_OFFLINE_TLD = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)


class OfflineEmailRecognizer(EmailRecognizer):
    def validate_result(self, pattern_text: str) -> bool:
        return _OFFLINE_TLD(pattern_text).fqdn != ""


_AT = r"(?:[ \t]*@[ \t]*|[ \t]*[(\[{<][ \t]*at[ \t]*[)\]}>][ \t]*|[ \t]+at[ \t]+)"
_DOT = r"(?:[ \t]*\.[ \t]*|[ \t]*[(\[{<][ \t]*dot[ \t]*[)\]}>][ \t]*|[ \t]+dot[ \t]+)"
_MAIL_ENDING = r"(?:com|org|net|edu|gov|io|me|co|uk|ca|au|de|fr|nl|us|info|biz|mail)"
_WORD_PART = r"[A-Za-z0-9_%+\-]+"


_MAIL_SIGN = re.compile(r"@|(?i:\bdot\b|[(\[{<][ \t]*at[ \t]*[)\]}>])")


class _WrittenOutEmail(PatternRecognizer):
    only_pattern_results = True  # keeps a part of its patterns' matches (``prefilter.only_patterns``)

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        # no "@", "dot" or "(at)" anywhere: no address to find (most texts; saves the scan)
        if not _MAIL_SIGN.search(text):
            return []
        return super().analyze(text, entities, nlp_artifacts, regex_flags)

    def validate_result(self, pattern_text: str):
        """Spelled out with a plain " at ", the part before it is no common
        word on its own ("look at me dot com")."""

        m = re.search(r"[ \t]+at[ \t]+", pattern_text, re.IGNORECASE)
        if m and re.fullmatch(r"[A-Za-z]+", pattern_text[:m.start()]) and pattern_text[:m.start()].lower() in common_words():
            return False
        return None


def written_out_email() -> PatternRecognizer:
    """E-mail addresses written to dodge a scraper or a filter, or with no
    public ending: ``rosa dot imbert at gmail dot com``, ``t.ferro @ example .
    org``, ``maria (at) clinic (dot) org``, ``kim@clinic.local``,
    ``j.ames@gmail``. The spelled-out forms need a mail ending after the last
    "dot", so that "look at me" is no address."""
    local = rf"{_WORD_PART}(?:{_DOT}{_WORD_PART})*"
    return _WrittenOutEmail(
        supported_entity="EMAIL_ADDRESS",
        name="WrittenOutEmailRecognizer",
        patterns=[
            Pattern("spelled-out", rf"(?i:\b(?>{local}){_AT}{_WORD_PART}(?:{_DOT}{_WORD_PART})*{_DOT}{_MAIL_ENDING}\b)", 0.6),
            Pattern("no-public-ending", r"(?<![\w.@])[A-Za-z0-9_%+\-]+(?:\.[A-Za-z0-9_%+\-]+)*@[A-Za-z][A-Za-z0-9\-]*(?:\.[A-Za-z0-9\-]+)*\b(?!\.\w)", 0.5),
        ],
    )


def scheme_url() -> PatternRecognizer:
    """A web address said by its scheme or its "www.", whatever its top-level domain
    (``https://taperinfo.example/benzo``, ``www.tapertales.test/submit``): the URL recognizer
    knows a bare host only by a real top-level domain; a scheme says it is an address (of a
    host with a dot: "http://x" is none). The sentence's closing punctuation stays out."""
    tail = r"(?:[^\s<>\"'()\[\]{}|]*[^\s<>\"'()\[\]{}|.,;:!?])?"
    return PatternRecognizer(
        supported_entity="URL",
        name="SchemeUrlRecognizer",
        patterns=[Pattern("scheme-url", r"(?i:\b(?:https?|ftp)://)[\p{L}\d][\p{L}\d\-]*(?:\.[\p{L}\d\-]+)+(?::\d+)?(?:/" + tail + ")?",
                          0.8),
                  Pattern("www-url", r"(?<![\w.@/])(?i:www\.)[\p{L}\d\-]+(?:\.[\p{L}\d\-]+)+(?:/" + tail + ")?", 0.8)],
        global_regex_flags=re.MULTILINE,
    )


def social_handle() -> PatternRecognizer:
    rec = PatternRecognizer(
        supported_entity="SOCIAL_HANDLE",
        name="SocialHandleRecognizer",
        patterns=[
            # (a payment app's with hyphens too: "@kay-lee-marsh", "@Gabe-Ortiz-12")
            Pattern("at-handle", r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.\-]{0,28}[A-Za-z0-9_])?\b(?!@|\.\w|-\w)", 0.6),
            # a chat server's user name and its four-digit tag: "paleriverbend#4471"
            Pattern("tagged-name", r"(?<![\w@#.])(?!(?i:rx|room|unit|suite|apt|order|no|lot|page)#)"
                                   r"[A-Za-z0-9_.]{4,32}#\d{4}(?![\w#])", 0.6),
            Pattern(
                "profile-url",
                r"\b(?:https?://)?(?:www\.|m\.)?(?:facebook|instagram|tiktok|twitter|x|threads|reddit)\.com/(?:u/|user/|@)?[A-Za-z0-9_.\-]{2,}",
                0.85,
            ),
        ],
        context=["follow", "dm", "handle", "instagram", "tiktok", "twitter", "ig"],
    )
    rec.triggers = {"tagged-name": r"#\d{4}"}
    return rec


def handle_in_context() -> PatternRecognizer:
    """A user name without its "@", given as one: ``I'm sunny_rider_82 on
    there``, ``find me as u/tapering_tom``, ``my username is blue.heron_7``.
    Only a word with an underscore or a digit beside its letters: "I'm fine
    on there" and "I'm 45 on Tuesday" are no handles."""
    handle = r"(?=[A-Za-z0-9_.]*[A-Za-z])(?=[A-Za-z0-9_.]*[_\d])[A-Za-z0-9_][A-Za-z0-9_.]{2,29}(?<![.])(?![\w/])"
    # shaped like a user name: a digit, an underscore, a dot between letters or a capital inside
    shaped = (r"(?-i:(?=[A-Za-z0-9_.]*[_\d]|[A-Za-z0-9_]*[a-z][A-Z]|[A-Za-z0-9_]+\.[A-Za-z0-9])"
              r"[A-Za-z][A-Za-z0-9_.]{2,29}(?<![.])(?![\w/]))")
    word = r"(?-i:[A-Za-z][A-Za-z0-9_.]{2,29}(?<![.])(?![\w/]))"
    platform = (r"(?i:\b(?:user[ \t]?name|handle|screen[ \t]?name|gamertag|discord|insta(?:gram)?|ig|snap(?:chat)?|"
                r"reddit|tiktok|twitter|telegram|kik|threads|bluesky)\b)")
    return _Handle(
        value=rf"(?:(?<![\w/])u/)?[A-Za-z0-9_][A-Za-z0-9_.\-]{{2,29}}(?<![.\-])",
        supported_entity="SOCIAL_HANDLE",
        name="HandleInContextRecognizer",
        patterns=[
            Pattern("given-as", rf"(?i:\b(?:find me as|find me at|look me up as|add me as|follow me as|"
                                rf"i'?m|i am|i go by|go by|known as)[ \t]+){handle}(?=[ \t]+(?i:on|at|over)\b)", 0.6),
            Pattern("named", rf"(?i:\bmy[ \t]+(?:user[ \t]?name|handle|screen[ \t]?name|gamertag|"
                             rf"insta|ig|tiktok|reddit|discord)(?:[ \t]+(?:is|was))?[ \t]*:?[ \t]+){handle}\b", 0.6),
            Pattern("reddit", r"(?<![\w/])u/[A-Za-z0-9_\-]{3,20}\b", 0.7),
            # after the platform or the word for a user name: "My discord is quietfern", "IG: x.y",
            # "on snap, its mikey.b.22" (a plain word no dictionary holds: ``_Handle``)
            Pattern("platform", rf"{platform}(?:[ \t]+(?i:is|was))?[ \t]*[:=]?[ \t]*,?[ \t]*"
                                rf"(?:(?i:its|it's|it[ \t]+is)[ \t]+)?{word}", 0.6),
            # posted, gone or found by a name shaped like a user name
            Pattern("posted-as", rf"(?i:\b(?:post(?:s|ed|ing)?|go(?:es)?|went|known|find[ \t]+me|look[ \t]+me[ \t]+up|"
                                 rf"add[ \t]+me|follow[ \t]+me|message[ \t]+me|dm[ \t]+me)(?:[ \t]+on[ \t]+\w+)?[ \t]+(?:as|by)[ \t]+)"
                                 rf"{shaped}", 0.6),
        ],
    )


_SHAPED = re.compile(r"[_\d./]|[a-z][A-Z]")  # a user name's shape: "blue.heron_7", "KratomKate"


class _Handle(ValuePatternRecognizer):
    """A plain word after a platform's name is a user name only when no dictionary holds it
    ("My discord is quietfern"; not "my discord is down")."""

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        def handle(r) -> bool:
            value = text[r.start:r.end]
            if _SHAPED.search(value):
                return True
            low = value.lower()
            return low not in common_words() and low not in vocabulary() and len(low) > 3

        return [r for r in super().analyze(text, entities, nlp_artifacts, regex_flags) if handle(r)]


def phone_in_context() -> PatternRecognizer:
    """Phone numbers Presidio's validator rejects (short local, international
    or made-up numbers), when a phone word is near."""
    return PatternRecognizer(
        supported_entity="PHONE_NUMBER",
        name="PhoneContextRecognizer",
        patterns=[
            Pattern("digits", r"(?<![\w.+-])(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,4}\)[ .-]?)?\d{2,4}(?:[ .-]\d{2,4}){1,4}(?:x\d{1,5})?(?![\w-])", 0.1),
            Pattern("plus", r"(?<![\w+])\+\d{1,3}[ .-]?(?:\(\d{1,4}\)[ .-]?)?\d{2,5}(?:[ .-]?\d{2,5}){1,4}(?!\w)", 0.5),
        ],
        context=["phone", "call", "text", "cell", "mobile", "tel", "telephone", "fax", "number", "reach", "contact", "whatsapp",
                 # a line to ring, and the desk or the office that answers it
                 "line", "warmline", "hotline", "helpline", "desk", "office", "extension", "dial", "ring", "voicemail", "pager"],
    )


# A number spelt out digit by digit: "five five five, two one two, nine nine eight eight".
_DIGIT_WORD = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)"
_DIGIT_SEP = r"(?:[ \t]*[,\-][ \t]*|[ \t]+(?:dash[ \t]+)?)"


def spelled_number() -> PatternRecognizer:
    """Seven or more digits spelt out one by one: nobody counts like that in
    a story, so it is a phone number (the SSN recognizer below takes nine
    of them after "social")."""
    return PatternRecognizer(
        supported_entity="PHONE_NUMBER",
        name="SpelledNumberRecognizer",
        patterns=[Pattern("digit-words", rf"(?i:\b{_DIGIT_WORD}(?:{_DIGIT_SEP}{_DIGIT_WORD}){{6,}}\b)", 0.6)],
    )


def spelled_ssn() -> PatternRecognizer:
    """"my social is one two three, four five, six seven eight nine"."""
    rec = ValuePatternRecognizer(
        value=rf"(?i:{_DIGIT_WORD}(?:{_DIGIT_SEP}{_DIGIT_WORD}){{8}})",
        supported_entity="US_SSN",
        name="SpelledSsnRecognizer",
        patterns=[Pattern("social-digit-words", rf"(?i:\b(?:social|ssn|social security(?:[ \t]+(?:number|no\.?|#))?)\b"
                                                rf"[^.\n\d]{{0,20}}?\b{_DIGIT_WORD}(?:{_DIGIT_SEP}{_DIGIT_WORD}){{8}}\b)", 0.8)],
    )
    rec.triggers = {"social-digit-words": r"(?i:social|ssn)"}  # for the prefilter: the nine words cost it a tenth of a second
    return rec


# the endings of the files people name (``handles`` reads them too: no user name ends so)
FILE_TYPES = r"(?:jpe?g|png|gif|webp|heic|svg|tiff?|pdf|docx?|odt|rtf|txt|md|html?|csv|xlsx?|json|mp[34]|m4a|wav|mov|avi)"


class _NamedFiles(PatternRecognizer):
    """Keeps a file name only when a part of it holds a name (``ids.renamed``): the files
    deid renames, so a link still points at the published file."""

    only_pattern_results = True  # keeps a part of its patterns' matches (``prefilter.only_patterns``)

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        return [r for r in super().analyze(text, entities, nlp_artifacts, regex_flags) if renamed(text[r.start:r.end])]


def file_name() -> PatternRecognizer:
    """A file named in the text or as an image or link target, that holds a
    name: ``img/joanna-pike-2022.jpg``, ``interview with Petra Lind.docx``'s
    kind without spaces. Published as deid names files (``ids.public_file_path``):
    the same keyed stand-in a file of that name gets, so the link still
    points at it. Not inside a web address (that is a URL)."""
    return _NamedFiles(
        supported_entity="FILE_NAME",
        name="FileNameRecognizer",
        patterns=[Pattern("path", rf"(?<![\w./:@\-])(?:[\w.\-]+/)*[\w\-][\w.\-]*\.{FILE_TYPES}\b(?![\w/\-])", 0.7)],
        global_regex_flags=re.IGNORECASE,
    )
