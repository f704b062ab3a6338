"""User names without an "@": by their shape, and by the place a user name takes."""

from __future__ import annotations

import pytest

from deid.detect.recognizers.handles import UserNameRecognizer, _shape


def _found(text: str) -> list[str]:
    return [text[r.start:r.end] for r in UserNameRecognizer().analyze(text, ["SOCIAL_HANDLE"])]


@pytest.mark.parametrize("text, expected", [
    # a strong shape: an underscore between letters or digits, wherever it stands
    ("The moderator, tallgrass_sam, deleted the dealer's post within a minute.", ["tallgrass_sam"]),
    ("If you are reading this, juniper_ash, thank you for the ride to detox.", ["juniper_ash"]),
    ("— signed, nocturnal_otter", ["nocturnal_otter"]),
    # in single quotes, as a moderator's note gives it; not a word's contraction or possessive
    ("[Mod note] User 'lakeeffect_len' was selling. Banned: 'dr_feelgood_9'.", ["lakeeffect_len", "dr_feelgood_9"]),
    ("thanks to quiet_wren's post I found a prescriber", ["quiet_wren"]),
    # a fair shape, in a text about online things
    ("Posted by greyheron88 · 3 replies", ["greyheron88"]),
    ("someone on the forum (quill.and.ink42) sent me the taper sheet", ["quill.and.ink42"]),
    ("the server mods banned wolfsbane_x and oakmoss21 for selling", ["wolfsbane_x", "oakmoss21"]),
    # plain words, in a user name's place
    ("hit me up on telegram, same name as here: kettleblack", ["kettleblack"]),
    ("Reply to fernwhistle: yes the 7-OH hit me way harder than leaf ever did.", ["fernwhistle"]),
    ("Added her on snap (lilacfrost22) and we check in every morning.", ["lilacfrost22"]),
    ("I messaged thistledown on the forum and she sent me her gabapentin notes.", ["thistledown"]),
    ("Accounts I trust: birchbark_b, cobaltmoth, and ruth.lessly", ["birchbark_b", "cobaltmoth", "ruth.lessly"]),
    ("add me on signal, I'm under saltmarsh.09", ["saltmarsh.09"]),
    ("My old account was deleted but I'm back as wrenfeather now.", ["wrenfeather"]),
    ("Kik: velvetmoth   Snap: velvet.moth", ["velvetmoth", "velvet.moth"]),
    ("Follow the group on TikTok at harmreduxkids.", ["harmreduxkids"]),
    ("Handle on the recovery app is sobercedar, 214 days today.", ["sobercedar"]),
    ("My gamertag is SilentKettle and the guys there kept me sober.", ["SilentKettle"]),
    ("a user called mossgrove_77 posted his whole schedule", ["mossgrove_77"]),
    ("shout out to brackenfold for the ride", ["brackenfold"]),
    ("quillmere (mod) pinned the naloxone map", ["quillmere"]),
    # dotted names with initials, a trailing underscore, a name changed, a list after a user name
    ("her tag is ana.v and she lives two towns over", ["ana.v"]),
    ("text me, I'm corin.j.hale on Messenger", ["corin.j.hale"]),
    ("I made a burner account, tapersafe_, just for this", ["tapersafe_"]),
    ("after rehab I switched my handle to QuietLantern", ["QuietLantern"]),
    ("ask Brynn (brynnwrites on the forum) for the sheet", ["brynnwrites"]),
    ("over the years I posted under fen_k.b, ok.fen and fen.b.22", ["fen_k.b", "ok.fen", "fen.b.22"]),
])
def test_a_user_name_by_shape_or_place(text, expected):
    assert _found(text) == expected


@pytest.mark.parametrize("text", [
    "I uploaded my taper_log.xlsx to the group drive so others could copy the columns.",   # a file
    "The 7-OH tablets were 15mg each and I took 2 daily with B12 and vitamin D3.",         # doses, vitamins
    "My PHQ-9 went from 21 to 9 after the switch to Zoloft 50mg.",
    "Got COVID-19 twice in 2022 and the long covid fatigue never left.",
    "got covid19 twice, the forum says that is common",                                     # a disease's number
    "my app says the x86 build and win11 both log doses",                                   # versions
    "i was so tired.then the cravings hit around 3am and i caved.",                        # a missing space
    "Try NyQuil only if you have no benzos on board, e.g. clonazepam.",
    "The app updated to version 3.2 and now it logs my doses.",
    "Windows10 kept crashing so I wrote my diary on paper instead.",
    "I posted my story on the forum last week and got so many kind replies.",              # online, no name
    "my discord is down again so I just called my sponsor instead",
    "I have type2 diabetes and stage3 kidney disease, says the app.",
    "messaged my doctor on the portal about the oxycodone refill",                        # a drug, a word
    "Posted by a friend · the thread is at example.org/taper",                            # a web address
    "I go by the book now: 4x/day, 0.5mg each, posted on the fridge",
    "shout out to everyone who replied, yall are the best",                                # forum slang is words
    "Dear {first_name}, your intake at {clinic_name} is confirmed",                       # a template's fields
    "SELECT * FROM visits WHERE client_ip = ? AND pain_level > 7",                         # a data field's name
    "Let me tell you, _do your homework first_. Nobody warned me.",                       # an emphasis's end
    "rock 'n' roll and 'til the end, I won't stop",                                        # quotes of words
    "the cast comes off by august, then physio by september",                            # a month after "by"
])
def test_no_user_name(text):
    assert _found(text) == []


@pytest.mark.parametrize("token, shape", [
    ("tallgrass_sam", "strong"), ("HRK_collective", "strong"),
    ("lilacfrost22", "fair"), ("saltmarsh.09", "fair"), ("dawnpatrol.recovers", "fair"),
    ("quiet.moth", "plain"), ("velvet.moth", "fair"), ("kettleblack", "plain"), ("SilentKettle", "plain"),
    ("taper_log.xlsx", None), ("15mg", None), ("oxycodone", None), ("everytime", None),
    ("tired.then", "plain"),   # words joined by a dot: a user name only in a user name's place
    ("PowerPoint", None),      # a word the vocabulary holds
    ("NO_MASK", "plain"), ("final_check", "strong"), ("pyproject.toml", None),   # a constant, words joined, a file
])
def test_the_shapes(token, shape):
    assert _shape(token) == shape
