"""A first name in a position only a person takes, whatever else the word means."""

from __future__ import annotations

import pytest

from deid.detect.recognizers.addressed import AddressedNameRecognizer


def _found(text: str) -> list[str]:
    return sorted(text[r.start:r.end] for r in AddressedNameRecognizer().analyze(text, ["PERSON"]))


_FOUND = [
    ("Hello, my name is Autumn and I have been on methadone for a year.", ["Autumn"]),
    ("Hi, this is Haven, calling about my refill.", ["Haven"]),
    ("It's Marigold again, the pharmacy lost my script.", ["Marigold"]),
    ("Good evening, I'm Temperance, and I'm a peer worker.", ["Temperance"]),
    ("Thank you Verity for staying on the phone with me.", ["Verity"]),
    ("shout out to Sterling at the exchange", ["Sterling"]),
    ("Reed, if you read this, the room is still yours.", ["Reed"]),
    ("I am sober today. I owe it to you, Journey.", ["Journey"]),
    ("FACILITATOR: who wants to start?\nBRIAR: I will.", ["BRIAR"]),
    ("Mercer testified for me at the hearing.", ["Mercer"]),
    ("my name is harmony and i use kratom for my back", ["harmony"]),     # lower case, plainest position
    ("this is ember, call me back when you can", ["ember"]),
    ("it's rowan here, back at my mom's", ["rowan"]),                    # a self-introduction, then a comma
    ("thx clover ur the best", ["clover"]),                              # thanked, in lower case
    ("shout out to haven at the shelter", ["haven"]),
    ("mercy drove me to detox that night", ["mercy"]),                   # opening a sentence, a person's verb
    ("i cant do this anymore, journey.", ["journey"]),                   # called by name at a sentence's end
    ("Sterling and I both got our first chip that night.", ["Sterling"]),  # one of two people opening a sentence
    ("Marigold and my grandmother took turns at the hospital.", ["Marigold"]),
    ("Reed and his caseworker found me a bed.", ["Reed"]),
    ("the night aide was named Clover and she sang to me", ["Clover"]),   # someone introduced
    ("her name was marigold, the tech who drew my blood", ["marigold"]),
    ("My probation officer is Sterling, and he is fair.", ["Sterling"]),   # a person noun, then "is"
    ("me: ember can u grab my inhaler", ["ember"]),                       # a chat's line, a name asked
    ("Mom: Sterling did you eat today", ["Sterling"]),
    ("big ups to Juniper and the whole night crew", ["Juniper"]),               # thanked, as slang says it
    ("Many thanks to Sterling, who drove me every Monday.", ["Sterling"]),    # thanked "to", a clause after
    ("thank you to haven for driving me", ["haven"]),
    ("hey robin its me, call me back", ["robin"]),                        # greeted, then who calls
    ("hello sage this is the pharmacy about your refill", ["sage"]),
    ("I need you to pick up. Please, Marisela. Call me back tonight.", ["Marisela"]),   # begged
    ("Sorry, Thaddeus, I missed the meeting again.", ["Thaddeus"]),
    ("I read the leaflet on tapering. We can try 2 mg less. Speak soon.\nIgnatius", ["Ignatius"]),  # signed last
    ("I read the leaflet on tapering. We can try 2 mg less.\nThanks", []),         # a closing word, no name
    ("kudos to marigold at the needle exchange", ["marigold"]),
    ("when you get there ask for harmony at the front desk", ["harmony"]),  # someone asked for, at a place
    ("Ask for Sterling, he does the intake on Mondays.", ["Sterling"]),
    ("I made it. Marigold and Haven, you both kept the porch light on.", ["Haven", "Marigold"]),  # two called
    ("Juniper \u2014 you asked me to write down the whole winter.", ["Juniper"]),   # called, then a dash
    ("Stay strong,\nSterling", ["Sterling"]),                        # a closing line and the name alone after it
    ("Keep the faith, all of you,\nHaven\n", ["Haven"]),
    ("clover and i run the sunday group now", ["clover"]),            # the writer's partner in lower case
    ("me and ember went to the lake for my year", ["ember"]),
    ("Marigold from my home group told me about the taper.", ["Marigold"]),   # someone from a group
    ("Journey, our new member, said it hit close to home.", ["Journey"]),   # a person noun in apposition
    ("Clover is my grandfather and he is 91.", ["Clover"]),                # who the person is, after "is"
    ("the man who helped most? ember is my sponsor now", ["ember"]),
    ("Wendell, our night volunteer, left the porch light on.", ["Wendell"]),       # in apposition
    ("Saffron is my stepmother and she drove me to intake.", ["Saffron"]),
    ("Sandy and Bo, you both kept me alive that winter.", ["Bo", "Sandy"]),        # two called at once
    ("Dawn from my meeting told me about the exchange.", ["Dawn"]),
    ("Pat if you're reading this, the bench is still there.", ["Pat"]),
    ("art if youre reading this, thank you for the rides", ["art"]),
    ("My sponsor's name is Lark and she has twelve years.", ["Lark"]),
    ("Crashing at Juniper's place was the best thing I did.", ["Juniper"]),       # whose home it is
    ("my brother goes by storm. dont ask.", ["storm"]),                           # the name one goes by
    ("hes calmer now. love u stormy", ["stormy"]),                               # signed with love
    ("he wants to be a park ranger. i cried -deb", ["deb"]),                     # after a dash at the end
    ("bob here. 58, retired trucker", ["bob"]),                                   # introduced, opening the record
    ("Hollis here, long time lurker.", ["Hollis"]),
    ("Love you, Marisela.", ["Marisela"]),
    # a subject with an adverb before a person's verb, after a conjunction too, and "X and me"
    ("ok so update. rusty swears the plain leaf is fine", ["rusty"]),
    ("the clinic is ok but bill also says dont let them bill u twice", ["bill"]),
    ("drew also drew me a little map to the pharmacy lol", ["drew"]),
    ("hunter and me met in detox at the county place", ["hunter"]),
    ("Cliff just texted me that the van is fixed.", ["Cliff"]),
    # the one told, texted or asked; a person noun with a word before it
    ("ill text storm to feed the cat tonight", ["storm"]),
    ("i agree with drew on this one", ["drew"]),
    ("I had to call rose to get the kids", ["rose"]),
    ("chase is my little brother and i love him", ["chase"]),
    # a greeting, then who it is: a message's self-introduction, ending its sentence
    ("Hey, it's Chip. Your sponsor, remember me?", ["Chip"]),
    ("hey its skye. cant make it tonight", ["skye"]),
    ("hi it's sunny, just checking you got home ok", ["sunny"]),
    # told "love you" or "thank you" by name, closing the sentence: a name whatever its vocabulary
    ("She said it before the surgery. Thank you, Juno.", ["Juno"]),
    ("Couldn't have done it without you. Thank you so much, Biscuit!", ["Biscuit"]),
    ("'Miss you, Wren.' That was her last text.", ["Wren"]),
    ('Transcribed voicemail: "Hiya Auntie Ros, it\'s Petal. Just to say I\'m okay."', ["Petal"]),
    # said to be someone's kin or role
    ("If anyone asks: Rain is my cousin, not a weather report.", ["Rain"]),
    ("Dawn was our sponsor for years.", ["Dawn"]),
    # the name someone is called by, whatever its vocabulary: a nickname given
    ("On my unit everybody called him Skillet, even the chaplain.", ["Skillet"]),
    ("my uncle calls me Pickle and I hate it", ["Pickle"]),
    ("Her real name is long, so we call her Sparrow.", ["Sparrow"]),
    ("The old-timers at the meeting call him Deacon Lou.", ["Deacon Lou"]),
    ("He was nicknamed Gravel for his voice.", ["Gravel"]),
    ("the old vet everybody calls Sarge Benny sat with me", ["Sarge Benny"]),
    # a name no list holds, said to be someone's kin or role, a note in brackets between
    ("Chidubem is my sponsor and he answers at 3am.", ["Chidubem"]),
    ("Marisela (Sela to us) is my aunt and she drove.", ["Marisela"]),
    ("Rue in my group tapered off in six weeks.", ["Rue"]),       # someone in a group of people
    ("a nurse on nights named quillon checked my drip", ["quillon"]),   # introduced: a word no list holds
    ("my name is dorit quasnek and i use kratom", ["dorit quasnek"]),          # the surname no list holds with it
    ("MY NAME IS DORIT QUASNEK AND I AM DONE HIDING IT.", ["DORIT QUASNEK"]),   # a line in capitals, as lower case
    ("my name is sarah and i use kratom", ["sarah"]),                          # no surname after it
    ("my aunt agreed and bettina from her church drove me twice", ["bettina"]),      # from a group, in lower case
    ("Heather is a paramedic and she coaches my son's team.", ["Heather"]),       # one of a kind of people
    ("I'm sorry for all of it, Georgia.", ["Georgia"]),                         # no town before: called by name
    ("Juniper was an aide on my ward.", ["Juniper"]),
    # called by name opening a sentence, "you" after it without a comma
    ("Marigold you were right about the taper.", ["Marigold"]),
    ("Haven you're why I kept going through the taper.", ["Haven"]),
    ("ok Juniper you need to call me back", []),                # not opening its sentence
    # thanked by a shout-out without "to"
    ("big shoutout clover for the ride home", ["clover"]),
    ("Shout out Sterling for covering my shift.", ["Sterling"]),
    # the one who took the writer somewhere
    ("Juniper took me to my first meeting.", ["Juniper"]),
    ("ember took us to the clinic after work", ["ember"]),
    # who someone is, told with an equals sign as posts write it
    ("people ask about rufus. rufus = my uncle, he raised me", ["rufus"]),
    ("Oyelaran = my oldest friend from the shelter.", ["Oyelaran"]),
]


@pytest.mark.parametrize("text, expected", _FOUND)
def test_a_first_name_where_only_a_person_stands(text, expected):
    assert _found(text) == expected


@pytest.mark.parametrize("text", [
    "Thank you Lord for another day clean.",           # a deity
    "See you Sunday, everyone.",                        # a day
    "Thanks, Doc. I feel better already.",              # a role addressed
    "Thanks Narcan, you saved my life.",                # a drug
    "Honestly, I did not think tapering would work.",   # no first name
    "hope is what got me through",                      # lower case, no person's position
    "it's dawn here and I can't sleep",                 # lower case: a time of day
    "thanks again for reading",                         # no first name
    "we walked to the park, sadly.",
    "hope kept me going through detox",                 # a word opening a sentence, no verb only a person does
    "Patience and my own stubbornness got me through.",  # joined to no person noun
    "Grace and my old habits do not mix.",              # a thing, not a person, after "and my"
    "My doctor is Indian and my nurse was Filipino.",   # no first name after "is"
    "my biggest worry is Sunday, when the clinic is shut.",  # a day; and no person noun
    "me: honestly can u believe it",                    # no first name after the label
    "every night I ask for grace and a little patience",  # asked for, but at no place and by no one
    "Patience and faith, you need both in detox.",      # the second in lower case: words
    "Honestly \u2014 you have no idea how bad it got.",     # no first name before the dash
    "Thanks for everything you did for me,\nand good luck",  # a closing line, no name after it
    "Hope from my dad's letters kept me going.",        # from no group of people
    "the sun was nowhere here. love u all",              # no name after "love u"
    "tapered 10% a month -ish",                         # a dash before no name
    "rest here. ok?",                                    # no first name
    "I want to go by train next time",                  # "go by" a thing: no first name
    "Hope is my anchor and my reason.",                 # no person noun after "is my"
    "Patience, my old enemy, came back in detox.",      # no person noun in apposition
    # an abstract noun as a subject in lower case, whatever the verb
    "but hope says a lot about where you are in recovery",
    "i cried because summer drew to a close and the pain came back",
    "then faith told me otherwise, in a way",
    "every night i ask grace and patience to stay",     # a virtue asked for
    "I called bull on that excuse.",                     # no first name
    "posts tell little about their writers",            # a quantity told, no one
    "hope is my big reason to stay clean",              # no person noun after "my"
    "Hey, it's Monday again and I'm tired.",            # a day, after a greeting
    "hi it's me, just checking you got home ok",        # no first name
    "Well, it's Grace that got me through.",            # no greeting before it
    "We'll get through it. Love you, Honey.",           # an endearment
    "bupe = my lifeline. Sleep = my enemy.",           # a drug and a word: no one
    "Love you, Mom. Thank you, Doctor. Miss you, Everyone.",   # a family's word, a role, everyone
    "Thank you, Lord. Bless you, Sunday.",              # a deity, a day
    "Thank you, Narcan. Love you, Suboxone.",           # drugs
    "Thank you, Pip, for the ride.",                    # the sentence goes on: left to the names' lists
    "Hi all, it's Okay. Hey, it's Me. Hello, this is Monday.",   # no one's name
    "Thanks to Summer break, I had time to taper.",    # thanked "to" a thing: a noun follows the word
    "thanks to patience for getting me through",       # "to" a virtue, in lower case
    "hey babe its me, running late",                    # an endearment greeted
    "hi mom its me again",                              # a family's word
    "hey guys its day 30",
    # called, but no name after it: a day, a time, a family's word, a role, a drug, an adjective
    "The pharmacist called me Tuesday about the refill.",
    "My daughter calls me Mom even though I missed her childhood.",
    "The nurse called him Doctor by mistake.",
    "They call it Subs on the street; I call it Suboxone.",
    "I called her back and she never picked up.",
    "the kids call me grumpy in the mornings",
    "Everybody calls Narcan a miracle, and it is.",
    "Gabapentin is my friend at night.",                # a drug, a person noun after it
    "Anxiety in my group is normal, they said.",          # no first name before the group
    "a drug named xanax and a feeling named dread",        # introduced, but a drug and a word
    "the package is named `quillbox-tools` and a file named zorvik.txt",   # things named: no person noun
    "and everyone from my group said the same",             # no first name
    "Grace is a gift and Hope is a habit.",                 # no kind of people after the article
    "Hope is a stubborn tutor. Mercy is a stranger to me now.",   # a virtue in a saying, a kind of people after it
    "I was born in Coldbrook Falls, Georgia.",              # a state after a town: an address
    # a verb or a modal opening a sentence, "you" after it: the writer's wish, no one called
    "Hope you get some sleep tonight.",
    "Will you be at the meeting?",
    "May you never need this much naloxone.",
    "Trust you are holding up.",
    "Honestly you have to try the slow taper.",           # no first name
    "Someday you will understand.",
    # taken somewhere by what is no one
    "Patience took me further than anger ever did.",       # a virtue
    "work took me to the coast for a year",
    "hope took me through the worst week",
    "shout out everyone for the support",                  # everyone, no name
])
def test_words_in_those_positions_stay(text):
    assert _found(text) == []


def test_a_trigger_matches_wherever_its_expression_does():
    """The prefilter runs an expression only where its trigger matches: a trigger written for
    another expression would switch this one off in the pipeline, though the recognizer alone
    still finds the name."""
    import regex

    from deid.detect.prefilter import Gated
    from deid.detect.recognizers import addressed

    checked = 0
    for rx in (*addressed._PATTERNS, *addressed._LOWER_PATTERNS):
        if not isinstance(rx, Gated) or rx.trigger is None:
            continue
        for text, _ in _FOUND:
            if rx.compiled.search(text):
                checked += 1
                assert regex.search(rx.trigger, text, rx.compiled.flags), (rx.name, text)
    assert checked >= 10
