"""Safe Harbor identifiers in the shapes people type or say them (issue 28): MAC addresses
with dots between the pairs or no separator after their label, coordinates read out in a
voicemail, postcodes in lower and mixed case after a street and town, rural and post-office
boxes with the named place after them, hashtags that carry a name with an initial or
inside a campaign's words, and names written as handles with digits for letters. Invented
people, towns and numbers; each table has its look-alikes that must stay."""

from __future__ import annotations

import pytest

from deid.detect.recognizers import addresses, geo, identifiers, spoken, tags


def found(make, text: str) -> list[str]:
    rec = make()
    return [text[r.start:r.end] for r in sorted(rec.analyze(text, rec.supported_entities), key=lambda r: r.start)]


@pytest.mark.parametrize("make, text, expected", [
    # MAC addresses: dots between the pairs, and no separator after a MAC or Bluetooth label
    (identifiers.mac_address, "the tv's mac 3e.19.a7.c0.5d.82 keeps dropping", ["3e.19.a7.c0.5d.82"]),
    (identifiers.mac_address, "wifi MAC address: c4b301d2a98e, the landlord asked", ["c4b301d2a98e"]),
    (identifiers.mac_address, "Bluetooth addr 7A1F09C3B2E4 on the pump", ["7A1F09C3B2E4"]),
    (identifiers.mac_address, "the BT address is 0c8e27f1d4a6", ["0c8e27f1d4a6"]),
    (identifiers.mac_address, "my hearing aid's bluetooth mac: 61-0d-ce-8a-27-b3", ["61-0d-ce-8a-27-b3"]),
    # coordinates read out, as a voicemail transcript writes them
    (spoken.SpokenCoordinatesRecognizer,
     "hey it's Wen, I'm at thirty nine point one four two, negative eighty four point five one two, the blue barn",
     ["thirty nine point one four two, negative eighty four point five one two"]),
    (spoken.SpokenCoordinatesRecognizer,
     "pin says forty four point nine eight one two minus ninety three point two six five oh call me",
     ["forty four point nine eight one two minus ninety three point two six five oh"]),
    (spoken.SpokenCoordinatesRecognizer,
     "we're at fifty one point four seven seven north, zero point zero zero one five west by the lock",
     ["fifty one point four seven seven north, zero point zero zero one five west"]),
    # postcodes as people type them, after the street and town
    (addresses.postcode, "Flat 2, 9 Copse Row, Tilmouth, sw9 7qh, until May", ["sw9 7qh"]),
    (addresses.postcode, "we're at 4 Yarrow Close, Dunsford Gl52 3Pq now", ["Gl52 3Pq"]),
    (addresses.postcode, "14 Pellham Ave, Larkfield, ON m5v 2t6", ["m5v 2t6"]),
    (addresses.postcode, "RR 1, Caskey, Alberta t2p1j9 is the farm", ["t2p1j9"]),
    (geo.world_postcode, "mail to Lindenlaan 8, 2613 bx Delft please", ["2613 bx"]),
    (geo.world_postcode, "she moved to Esdoornstraat 3, 9711ab Groningen", ["9711ab"]),
    (geo.world_postcode, "my flat, 2/17 Orr St, Tallowood qld 4370, was cheap", ["Tallowood qld 4370"]),
    (geo.world_postcode, "9 Kerr Rd, Port Alma vic 3305", ["Port Alma vic 3305"]),
    (geo.world_postcode, "33 avenue Foch, 75016 paris was her address", ["75016"]),
    (geo.world_postcode, "ich wohne Lindenweg 3, 10115 berlin seit Jahren", ["10115"]),
    (geo.world_postcode, "my aunt's place, Rua do Sol 5, 4050-262 porto", ["4050-262"]),
    # rural boxes and post-office boxes, in lower case, with the named place after a comma
    (geo.rural_address, "the pharmacy mails to rr 6 box 41 now", ["rr 6 box 41"]),
    (geo.rural_address, "mail goes to hcr 2 box 73 since the flood", ["hcr 2 box 73"]),
    (geo.rural_address, "my address is hc 71 box 12, Possum Crossing", ["hc 71 box 12, Possum Crossing"]),
    (geo.rural_address, "send it to PO Box 318, Kessler's Hollow please", ["PO Box 318, Kessler's Hollow"]),
    (geo.rural_address, "write to Box 57, Pigeon Gap, and I'll get it", ["Box 57, Pigeon Gap"]),
    (geo.rural_address, "send the card to p.o. box 2231, Orland Fork", ["p.o. box 2231, Orland Fork"]),
    # hashtags that carry a name: an initial after it, a campaign's words around it
    (tags.NameHashtagRecognizer, "#ForeverCalebR we miss you", ["CalebR"]),
    (tags.NameHashtagRecognizer, "#BringLenaHome she has been gone since May", ["Lena"]),
    (tags.NameHashtagRecognizer, "#BringHomeDesmond please share", ["Desmond"]),
    (tags.NameHashtagRecognizer, "we walked for #MarisolStrong last weekend", ["Marisol"]),
    (tags.NameHashtagRecognizer, "#JusticeForTobiasK he deserved better", ["TobiasK"]),
    (tags.NameHashtagRecognizer, "#PrayForKeishaMaddox tonight", ["KeishaMaddox"]),
    # a name as a handle: digits for letters, joined by underscores or dots
    (tags.NameHandleRecognizer, "find me online as j4ck_th0rnb3rry on the forum", ["j4ck_th0rnb3rry"]),
    (tags.NameHandleRecognizer, "add me, I'm m4rgo_v4nce everywhere", ["m4rgo_v4nce"]),
    (tags.NameHandleRecognizer, "his gamertag was d3rek.h4llow4y back then", ["d3rek.h4llow4y"]),
    (tags.NameHandleRecognizer, "ask for marisol_oyelaran on discord", ["marisol_oyelaran"]),
])
def test_a_shape_as_typed_is_found(make, text, expected):
    assert found(make, text) == expected


@pytest.mark.parametrize("make, text", [
    (identifiers.mac_address, "the scores were 10.20.30.40.50.60 in a row"),        # no hex letter
    (identifiers.mac_address, "the build hash c4b301d2a98e broke the app"),          # no MAC label
    (identifiers.mac_address, "my MAC address changed after the update"),
    (spoken.SpokenCoordinatesRecognizer, "my A1C went from nine point two to six point eight"),
    (spoken.SpokenCoordinatesRecognizer, "the fever was one hundred point four, then ninety nine point one"),
    (spoken.SpokenCoordinatesRecognizer, "I weighed two hundred point five and now one eighty point two five"),
    (addresses.postcode, "I took b12, and 3hr later I slept"),
    (addresses.postcode, "My dose, 2mg twice a day, was fine"),
    (addresses.postcode, "Tired, sw9 minutes"),
    (geo.world_postcode, "back in 2019 in Utrecht I used daily"),
    (geo.world_postcode, "I took 1000 mg Keppra, 2000 iu Vitamin D"),
    (geo.world_postcode, "I walked 10000 steps, 12000 steps today"),
    (geo.world_postcode, "my score went to 1200 so Dad was happy"),
    (geo.world_postcode, "the bill was 15000 dollars"),
    (geo.rural_address, "I ticked box 4, Question 2 was harder"),
    (geo.rural_address, "Box 3, Tuesday, I gave up on it"),
    (geo.rural_address, "the sharps box 2, Monday night"),
    (tags.NameHashtagRecognizer, "#MentalHealthMatters and #SoberLife"),
    (tags.NameHashtagRecognizer, "#RecoveryIsPossible #OneDayAtATime"),
    (tags.NameHashtagRecognizer, "#NarcanSavesLives #BringThemHome"),
    (tags.NameHashtagRecognizer, "#StayStrong #FaithOverFear"),
    (tags.NameHandleRecognizer, "the file was called snake_case_var in covid_19 data"),
    (tags.NameHandleRecognizer, "set the_dose_time to 8 and pain_level to 3"),
    (tags.NameHandleRecognizer, "I use user_name and first_last as placeholders"),
])
def test_a_look_alike_stays(make, text):
    assert found(make, text) == []


@pytest.mark.parametrize("make, text, expected", [
    (addresses.postcode, "our old house, Brantford, on n3t 5l1, was sold", ["n3t 5l1"]),
    (geo.world_postcode, "ich wohne Ulmenweg 3, 80331 münchen seit Jahren", ["80331"]),
])
def test_a_postcode_typed_with_its_town_in_small_letters(make, text, expected):
    assert found(make, text) == expected


@pytest.mark.parametrize("text, word, label", [
    ("Dexcom G6 transmitter 8G2P4K read low", "Dexcom", True),          # a maker, a model, the device, its serial
    ("the Omnipod pod id is 4471KX92", "Omnipod", True),
    ("my Tandem pump 2281-KQ-19 alarms", "Tandem", True),
    ("My BT addr is 3C22FB910A7E", "BT addr", True),
    ("the GGZ 2613 BX in Delft took me in", "GGZ", True),                # an acronym before a postcode
    ("the Medtronic pump broke again", "Medtronic", True),               # a determiner before the maker
    ("my Dexcom sensor fell off", "Dexcom", True),
    ("I gave Halvorsen pump supplies", "Halvorsen", False),             # a verb's object, no determiner
    ("Halvorsen pump broke on Monday", "Halvorsen", False),             # no identifier, model or determiner
    ("Mercy Hospital monitor 4471KX92", "Mercy Hospital", False),      # a place, not a maker
])
def test_the_label_before_an_identifier_stays(text, word, label):
    from deid.detect.evidence import keep_reason
    from deid.detect.label_words import is_identifier_label

    start = text.index(word)
    assert is_identifier_label(text, start, start + len(word)) is label
    assert (keep_reason("ORGANIZATION", text, start, start + len(word), "model") is not None) is label


def test_a_ward_before_unit_is_no_maker():
    from deid.detect.label_words import is_identifier_label

    text = "two weeks on the Harwick unit upstairs"
    assert not is_identifier_label(text, text.index("Harwick"), text.index("Harwick") + 7)


@pytest.mark.parametrize("text, word, reason", [
    ("#StayStrong and #GodIsGood", "StayStrong", "common_words"),       # a tag of ordinary words
    ("#StayStrong and #GodIsGood", "GodIsGood", "common_words"),
    ("#BringLenaHome tonight", "BringLenaHome", None),                  # a name inside
])
def test_a_guess_on_a_tag_of_ordinary_words_goes(text, word, reason):
    from deid.detect.evidence import keep_reason

    start = text.index(word)
    assert keep_reason("PERSON", text, start, start + len(word), "model") == reason


@pytest.mark.parametrize("text, expected", [
    ("Our house at 88 Larch Crescent, Brantford was sold", ["88 Larch Crescent, Brantford"]),
    ("she rents 4 Yarrow Close now", ["4 Yarrow Close"]),
    ("we moved to Beukenlaan 9, 2613 bx Delft", ["Beukenlaan 9"]),                  # the Dutch and German order
    ("ich wohne Ulmenweg 3b seit Jahren", ["Ulmenweg 3b"]),
    ("my aunt's place, Rua do Sol 5, in porto", ["Rua do Sol 5"]),
    ("He rents at 12 rue des Lilas now", ["12 rue des Lilas"]),
    ("she was at Lindenstraße 14 in Kassel", ["Lindenstraße 14"]),
    ("In Spring 2020 I quit, Chapter 12 says so", []),
    ("a rue 4 times a day, via 3 routes", []),
    ("Via Facebook 3 people wrote, the Fire Brigade 2 came", []),
])
def test_a_street_written_the_european_or_british_way(text, expected):
    assert found(addresses.street_address, text) == expected


# through detection, decide and the transform under the default rules: the value goes, the
# label words and the medicine stay
@pytest.mark.parametrize("text, gone, kept", [
    ("Hollis said the Dexcom G7 transmitter 4KQ2T9 died on day nine.", ["4KQ2T9"], ["Dexcom G7 transmitter"]),
    ("My BT addr is 9E41CB07D2A5 on the hearing aid.", ["9E41CB07D2A5"], ["My BT addr is", "hearing aid"]),
    ("the tv's mac 3e.19.a7.c0.5d.82 kept dropping", ["3e.19.a7.c0.5d.82"], ["the tv's mac"]),
    ("voicemail: I'm at thirty six point one five three, negative eighty six point seven eight two, come",
     ["one five three", "seven eight two"], ["voicemail: I'm at", "come"]),
    ("We moved to Beukenlaan 9, 2613 bx Delft and I got on methadone.", ["Beukenlaan", "2613 bx", "Delft"],
     ["methadone"]),
    ("Flat 2, 9 Copse Row, Tilmouth, sw9 7qh, then rehab.", ["sw9 7qh", "Copse Row"], ["then rehab"]),
    ("send it to PO Box 318, Kessler's Hollow please", ["318", "Kessler", "Hollow"], ["send it to", "please"]),
    ("write to Box 57, Turkey Hollow, for the refills", ["57", "Turkey", "Hollow"], ["for the refills"]),
    ("#BringAnselmoHome he left detox in May", ["Anselmo"], ["#Bring", "Home", "detox"]),
    ("We walked for #MarisolStrong last weekend", ["Marisol"], ["Strong", "walked"]),
    ("#StayStrong and #GodIsGood got me through", [], ["#StayStrong", "#GodIsGood"]),
    ("find me as m4rgo_v4nce on the forum after 8mg/2mg strips", ["m4rgo_v4nce"], ["8mg/2mg", "on the forum"]),
])
def test_the_value_goes_and_its_words_stay(processor, text, gone, kept):
    from tests.detect.test_detector import removed

    out = removed(processor, text)
    for value in gone:
        assert value not in out, f"{value!r} survived: {out!r}"
    for words in kept:
        assert words in out, f"{words!r} was damaged: {out!r}"


@pytest.mark.parametrize("make, text, expected", [
    (identifiers.mac_address, "the laptop mac addr 3c 22 fb 91 0a 7e kept changing", ["3c 22 fb 91 0a 7e"]),
    (geo.gps_coordinates, "lat/long 44.98, -93.27 is the cabin", ["44.98, -93.27"]),
    (geo.gps_coordinates, "we met at N 44° 58.812' W 93° 16.204' by the trestle", ["N 44° 58.812' W 93° 16.204'"]),
    (geo.gps_coordinates, "the pin said 44° 58.812' N, 93° 16.204' W", ["44° 58.812' N, 93° 16.204' W"]),
    (geo.gps_coordinates, "GPS 44.98012 -93.26550 was on the report", ["44.98012 -93.26550"]),
    (spoken.SpokenCoordinatesRecognizer, "I'm at forty four point nine eight, minus ninety three point two six, hurry",
     ["forty four point nine eight, minus ninety three point two six"]),
    (geo.world_postcode, "postcode is sw1a 1aa if you write", ["sw1a 1aa"]),
    (geo.world_postcode, "Fitzroy, VIC 3065 is where I got clean", ["Fitzroy, VIC 3065"]),
    (geo.rural_address, "I lived at RR#3 Box 12 outside town", ["RR#3 Box 12"]),
    (geo.rural_address, "mail goes to Route 1 Box 44, Elk Prairie", ["Route 1 Box 44, Elk Prairie"]),
    (geo.rural_address, "Rt. 2 Box 118 is the farm", ["Rt. 2 Box 118"]),
    (geo.rural_address, "General Delivery, Pine Hollow, that's my address", ["Pine Hollow"]),
    (tags.NameHashtagRecognizer, "#ripmarcus we miss you", ["marcus"]),
    (tags.NameHashtagRecognizer, "#justiceforkeisha she deserved better", ["keisha"]),
    (tags.NameHashtagRecognizer, "#bringlenahome", ["lena"]),
])
def test_more_shapes_as_typed(make, text, expected):
    assert found(make, text) == expected


@pytest.mark.parametrize("make, text", [
    (geo.gps_coordinates, "my scores were 12.5012 -3.2501 lower"),            # no latitude-longitude pair sign
    (geo.gps_coordinates, "A1C 7.25 -0.5 since May"),
    (spoken.SpokenCoordinatesRecognizer, "went from nine point two five, then minus six point eight"),
    (tags.NameHashtagRecognizer, "#canadastrong #sobermom #nevergiveup #onedayatatime #ripmyoldlife"),
    (geo.rural_address, "take Route 9 to Box Elder, the route 1 bus"),
])
def test_more_look_alikes_stay(make, text):
    assert found(make, text) == []


@pytest.mark.parametrize("text, word, label", [
    ("His Strava handle is r4mona_qu1ll and she runs", "Strava", True),        # an app before a handle
    ("The Omnipod 5 PDM serial is 99-KQ-4471", "Omnipod 5", True),              # maker, model, acronym, serial
    ("AirPods serial GX4K2L9QP1 still paired", "AirPods", True),               # a product's shape before its serial
    ("The Apple Watch Bluetooth address is 6C:4A:85:10:DD:03.", "Apple Watch Bluetooth", True),
    ("Marisol serial 4471KX92 was on the form", "Marisol", False),             # a person's name before a value
    ("ask Marisol handle is not hers", "Marisol", False),
])
def test_an_app_or_product_before_its_identifier_stays(text, word, label):
    from deid.detect.label_words import is_identifier_label

    start = text.index(word)
    assert is_identifier_label(text, start, start + len(word)) is label


@pytest.mark.parametrize("make, text, expected", [
    (identifiers.payment_handle, "Send it to my Chime $corbin-wale for detox", ["$corbin-wale"]),
    (identifiers.payment_handle, "the PayPal is ottoline.breck, thanks", ["ottoline.breck"]),
])
def test_payment_handles_with_dashes_and_dots(make, text, expected):
    assert found(make, "pay me on venmo at home. Then Zelle at work.") == []
    assert found(make, text) == expected
