"""User names written without an "@": by a shape no word has, or by the place a user name takes.

People name one another online by the names they post under ("mossgrove_77", "lilacfrost22",
"velvet.moth", "kettleblack"), and few of those come with an "@" or a "u/" (``contact``).
What tells one is, first, a shape no word of prose has, and second, a place where a text
names an account. A token is read in three strengths:

- a *strong* shape is a user name wherever it stands: letters joined to letters or digits by
  an underscore ("tallgrass_sam", "HRK_collective"); a constant in capitals ("NO_MASK") and a
  data field's name ("street_name", "client_ip") only in a user name's place, a template's
  field ("{first_name}") never. (Joined words of the vocabulary, "final_check", were tried as
  a fair shape: user names on three held-out halves were lost, so they stay strong; in Markdown
  code such a shape is a program's name: ``standing``);
- a *fair* shape is one in a text about online things (a platform, a forum, a server, a
  user name, a moderator, a direct message...), or in the place of a user name: letters run
  into two digits or more ("lilacfrost22"), parts joined by dots ("saltmarsh.09",
  "dawnpatrol.recovers") with a digit or a part no dictionary holds;
- a *plain* word no dictionary holds ("kettleblack", "thistledown"), a CamelCase run of words
  ("SilentKettle"), or dotted words ("velvet.moth") only in the place of a user name: after a
  platform's name and the words that give a name ("on telegram, same name as here:", "IG,
  it's", "on snap ("), after a message's verb ("messaged", "replied to", "shout out to"),
  after the account's noun ("a user called", "the moderator,"), after "back as" or "posted
  by", in a list after "accounts:", or before "(mod)" or "wrote:".

Never a drug, a medical term, a dose ("15mg"), a file ("taper_log.xlsx"), a web address, a
version ("v2.1"), or a word with a digit that names a test or a vitamin ("PHQ-9", "B12").
"""

from __future__ import annotations

from functools import lru_cache

import regex as re

from deid.core.lexicon import DAYS_AND_MONTHS, common_words, is_drug_name, is_medical_term, misspelling, vocabulary
from deid.core.wordlists import PLATFORMS
from deid.detect.recognizers.base import OwnRecognizer
from deid.detect.recognizers.contact import FILE_TYPES
from deid.detect.recognizers.id_readings import token_explained

# a token a user name could be: letters, digits, "_" and "." inside, after no "@", "$", "#" or
# "/" (an "@handle", "$cashtag", "#tag" and "u/name" are others'), not part of an address or file
# (a quote's mark around it is no part of a word: "User 'lakeeffect_len'", "quiet_wren's post"; a
# contraction's is: "won't")
_TOKEN = re.compile(r"(?<![\w@$#/.\-])(?<!\w['\u2019])[A-Za-z0-9][A-Za-z0-9_.]*[A-Za-z0-9_]"
                    r"(?![\w@/\-]|\.[A-Za-z0-9]|['\u2019](?![sS]\b)\w)")
_UNDERSCORED = re.compile(r"[A-Za-z0-9]_+[A-Za-z0-9]")
_RUN_INTO_DIGITS = re.compile(r"(?P<letters>[A-Za-z]{3,})[._]?\d{2,4}")
# parts joined by dots, initials among them ("teo.d", "lonnie.g.grubb"), a part of three letters at least
_DOTTED = re.compile(r"(?=[A-Za-z0-9.]*[A-Za-z]{3})[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)+")
_CAMEL = re.compile(r"[A-Z][a-z]{2,}(?:[A-Z][a-z]{2,})+\d*")
# a web address's or a file's end, a program's and its settings' too: "example.org", "notes.pdf",
# "pyproject.toml" (no user name ends so)
_FILE_OR_SITE_END = re.compile(rf"(?i)\.(?:com|org|net|edu|gov|io|co|uk|us|ca|au|de|info|app|me|ly|gg|tv|{FILE_TYPES}"
                               r"|rst|tsv|jsonl|xml|ya?ml|toml|cfg|sarif|zip|exe|py|js|sql)$")

# the last part of a data field's name ("first_name", "client_ip", "visit_date")
_FIELD_WORDS = frozenset("name names id ids ip date dates time type level address addr number num no code count score "
                         "status value key url email phone zip city state street user username data info text field col "
                         "row table log file path dir".split())
_ONLINE = re.compile(
    r"(?i)\b(?:" + "|".join(sorted(PLATFORMS, key=len, reverse=True)) +
    r"|sub-?reddits?|r/[a-z0-9_]+|forums?|server|threads?|dm(?:s|'?d|ed)?|pm(?:s|'?d|ed)?|inbox|user[ \t]?names?|"
    r"handles?|screen[ \t]?names?|gamer[ \t]?tags?|accounts?|profiles?|mods?|moderators?|admins?|posters?|"
    r"posted|replie[sd]|followers?|group[ \t]?chats?|chat[ \t]?rooms?|online|apps?)\b")


@lru_cache(maxsize=1)
def _platforms_pattern() -> str:
    """The platforms' names as an expression; one that is also a common word ("signal", "snap",
    "steam") counts only after "on", "via", "over" or "through" or before a colon."""
    plain = sorted((p for p in PLATFORMS if p not in common_words()), key=len, reverse=True)
    worded = sorted((p for p in PLATFORMS if p in common_words()), key=len, reverse=True)
    return (rf"(?i:\b(?:{'|'.join(plain)})\b|\b(?:on|via|over|through|in)[ \t]+(?:the[ \t]+)?(?:{'|'.join(worded)})\b"
            rf"|^[ \t>*-]*(?:{'|'.join(worded)})(?=[ \t]*:))")


# the words between a platform's name and the user name: "on telegram, same name as here: ",
# "IG, it's ", "on snap (", "on TikTok at ", "signal, I'm under ", "Kik: "
_GLUE = (r"(?:[ \t]*(?:[:=(,\-\u2013\u2014]|(?i:is|was|it'?s|its|at|as|under|i'?m|im|i[ \t]+am|my|name|handle|tag|"
         r"username|user[ \t]+name|account|same|here|too|also|me|find|search|add|look|up|for|server|app|dm)\b))*[ \t]*")


@lru_cache(maxsize=1)
def _before() -> re.Pattern:
    """The places a user name takes, as text that ends where the name begins."""
    platform = _platforms_pattern()
    places = [
        platform + _GLUE,
        # an account's noun, with its verb of naming: "a user called", "the moderator, "
        r"(?i:\b(?:user|member|poster|account|mod|moderator|admin|op|commenter|redditor|someone|somebody)"
        r"(?:[ \t]+(?:called|named|going[ \t]+by|who[ \t]+goes[ \t]+by|by[ \t]+the[ \t]+name(?:[ \t]+of)?)|[ \t]*,)[ \t]+)",
        # the account's own noun, then what it is: "Handle on the recovery app is ", "gamertag: "
        r"(?i:\b(?:handle|user[ \t]?name|screen[ \t]?name|gamer[ \t]?tag|tag|profile|account)\b[^.\n:]{0,30}?[ \t]*(?:\bis|\bwas|=|:)[ \t]+)",
        # a message's verb: "messaged", "replied to", "shoutout to", "dm'd"
        r"(?i:\b(?:messaged|msg'?d|dm'?d|dmed|pm'?d|pmed|replied[ \t]+to|reply[ \t]+to|replying[ \t]+to|responding[ \t]+to|"
        r"quoting|shout[ \t-]?outs?[ \t]+to|s/o[ \t]+to|props[ \t]+to|tagged|blocked|muted|reported|friended|followed)[ \t]+)",
        # a name changed: "changed my tag to", "changed it to", "switched my handle to"
        r"(?i:\b(?:changed|switched|renamed|updated)[ \t]+(?:it|my[ \t]+(?:tag|name|handle|username|user[ \t]+name|"
        r"account|profile|display[ \t]+name))[ \t]+to[ \t]+)",
        # "back as", "posting as", "I'm under", "posted by"
        r"(?i:\b(?:back|posting|post|posts|posted|known|go|goes|going|now|here)[ \t]+(?:as|by|under)[ \t]+)",
        r"(?i:\b(?:posted|written|shared|submitted|started|moderated)[ \t]+by[ \t]+|\bsigned,?[ \t]+)",
        # a list of accounts: "Accounts I trust: a, b, and "
        r"(?i:\b(?:accounts|users|usernames|handles|mods|moderators)\b[^:\n]{0,30}:[ \t]*"
        r"(?:[A-Za-z0-9_.]+[ \t]*,[ \t]*)*(?:and[ \t]+)?)",
    ]
    return re.compile(r"(?:" + "|".join(places) + r")\Z", re.MULTILINE)


@lru_cache(maxsize=1)
def _after() -> re.Pattern:
    """The places after a user name: "(mod)", "wrote:", "on the forum", "on Messenger"."""
    platforms = "|".join(sorted(PLATFORMS, key=len, reverse=True))
    return re.compile(rf"(?i)[ \t]*(?:\((?:mod|op|admin|moderator)\)|wrote[ \t]*:|(?:replied|posted|commented)[ \t]*:"
                      rf"|[ \t]on[ \t]+(?:the[ \t]+)?(?:{platforms}|forums?|server|sub|subreddit|app|group[ \t]?chat)\b"
                      rf"|[ \t]*\((?:{platforms})\b)")


class UserNameRecognizer(OwnRecognizer):
    """User names without an "@" (see the module)."""

    ENTITY = "SOCIAL_HANDLE"

    def analyze(self, text, entities, nlp_artifacts=None):
        online = None  # whether the text is about online things: asked the first time a fair shape needs it
        words = vocabulary()
        out = []
        for m in _TOKEN.finditer(text):
            token = m.group(0)
            if len(token) < 4:
                continue
            # most tokens are words: a word the vocabulary holds, a capitalised word or one in
            # capitals is none, at the cost of a look-up (``_shape`` would say so, slower)
            if token.isalpha():
                if token.islower() and (len(token) < 5 or token in words or token in DAYS_AND_MONTHS) \
                        or not token.islower() and not _CAMEL.fullmatch(token):
                    continue  # (a month or a day is a word the vocabulary leaves out as a name: "by august")
            elif token.isdigit() or not any(c.isalpha() for c in token) \
                    or any(c.isdigit() for c in token) and token_explained(text, m.start(), m.end()):
                continue  # a dose, a version, a test's or a standard's number ("15mg", "covid19", "x86")
            if m.start() and text[m.start() - 1] in "{<%`" or text[m.end():m.end() + 1] in ("}", ">", "`", "("):
                continue  # a template's field or code: "{street_name}", "<first_name>", "`engines.in_order`", "run_all()"
            shape = _shape(token)
            if shape is None or token.endswith("_") and _EMPHASIS_OPENS.search(text, text.rfind("\n", 0, m.start()) + 1, m.start()):
                continue  # the end of an emphasis: "_do your research first_"
            if shape == "fair" and online is None:
                online = _ONLINE.search(text) is not None
            if shape == "strong" or (shape == "fair" and online) or _placed(text, m.start(), m.end()) \
                    or (out and _LISTED.fullmatch(text, out[-1].end, m.start())):
                out.append(self.result(m.start(), m.end(), 0.6))
        return out


_EMPHASIS_OPENS = re.compile(r"(?<![\w_])_(?=\w)")
# the next in a list of user names: "posted under oxy_o.k, ok.oxy and o.k.oxy.2"
_LISTED = re.compile(r"[ \t]*(?:,[ \t]*(?:(?:and|or|&)[ \t]+)?|[ \t]+(?:and|or|&)[ \t]+|[ \t]*/[ \t]*)")


def _shape(token: str) -> str | None:
    """"strong", "fair" or "plain" (see the module), or None: no user name's. (A token's other
    readings by its place, a dose or a version, are ``id_readings``', asked by ``analyze``.)"""
    low = token.lower()
    if _FILE_OR_SITE_END.search(token) or is_drug_name(low) or is_medical_term(low):
        return None
    if _UNDERSCORED.search(token) or token.endswith("_"):
        # a constant in capitals ("NO_MASK", "US_SSN") and a data field's name ("street_name",
        # "client_ip", "pain_level") name a type or a column: a user name only in a user name's place
        if token.isupper() or low.rsplit("_", 1)[-1] in _FIELD_WORDS:
            return "plain"
        return "strong"
    if "." in token:
        if not _DOTTED.fullmatch(token):
            return None
        parts = low.split(".")
        if any(c.isdigit() for c in token) or any(p.isalpha() and p not in vocabulary() for p in parts):
            return "fair"
        return "plain" if sum(map(len, parts)) >= 5 else None
    run = _RUN_INTO_DIGITS.fullmatch(token)
    if run:
        letters = run.group("letters").lower()
        return None if is_drug_name(letters) or is_medical_term(letters) else "fair"
    if not token.isalpha():
        return None
    if _CAMEL.fullmatch(token):
        return None if low in vocabulary() else "plain"
    if token.islower() and len(token) >= 5 and low not in vocabulary() and low not in common_words() \
            and misspelling(low) != "common":
        return "plain"
    return None


def _placed(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands where a user name does (see the module)."""
    at = start
    if at and text[at - 1] in "\"'\u201c(":
        at -= 1
    return _before().search(text, max(0, at - 80), at) is not None or _after().match(text, end) is not None
