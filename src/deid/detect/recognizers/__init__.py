"""deid's own Presidio recognizers: names by the words around them (``names``) and by
where they stand (``names_by_shape``), and the
identifiers Presidio lacks: contact details (``contact``) and contact cards (``cards``), ages and dates
(``dates``), numbers (``numbers``), numbers written in words (``words``: ages, years, sums), addresses (``addresses``), identifiers by their own
shape or check digit (``identifiers``), towns and organisations in lower case (``lower_places``, ``organisations``), coordinates, plus codes, rural boxes and postcodes
beyond the US (``geo``), what is spelt or said to get past a filter (``spoken``), names in tags and handles (``tags``), names by
the person noun before them (``roles``), speakers by their initials (``speakers``) and first names where only a person stands
(``addressed``); and the details that
describe a person without naming them (``details``: ages, sex, occupation, family, rare events;
``jobs``: a job no list holds, where only a job stands). The pattern recognizers a rules file
adds without code are made by ``from_rules``, beside these (``scanner._pattern_recognizers``).

The registry is the two tuples below, in the order the recognizers run. A
new recognizer is a factory (or class) in its module and one line here,
in the tuple of the evidence it gives (and its name in ``policy.recognizers.BUILT_IN``, which
a rules file may switch off); every name in the tuples is also
importable from this package (``from deid.detect.recognizers import birth_date``).

Every recognizer module compiles its expressions with the ``regex`` module (``import
regex as re``), the engine Presidio's ``PatternRecognizer`` compiles patterns with: an
expression means the same whether Presidio or deid runs it, and may use what only
``regex`` has (Unicode classes such as ``\\p{Lu}``, lookbehinds of any width). Elsewhere deid uses the
standard ``re``, except in the few modules whose expressions need those too (each says so
at its import)."""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer

from deid.detect import evidence
from deid.detect.recognizers import (addressed, addresses, ages, cards, contact, dates, details, geo, handles, id_shapes, identifiers, jobs,
                                     lower_places, names, organisations, names_by_shape, numbers, roles, speakers, spoken, tags,
                                     words)

# Names (and places) found by the words around them: strong enough evidence to
# make a drug name a name ("my sponsor Chase") and to remove the value from the
# rest of the batch. Every other recognizer here knows a value by its shape.
IN_CONTEXT = (
    names.form_field_name,
    names.form_field_user_name,
    names.form_field_place,
    names.relation_name,
    roles.RoleNameRecognizer,
    addressed.AddressedNameRecognizer,
    names_by_shape.relation_lower_name,
    names_by_shape.title_lower_name,
    names.speaker_label,
    names.titled_speaker_label,
    speakers.InitialsSpeakerRecognizer,
    speakers.ChatSpeakerRecognizer,
    names.title_name,
    names.introduction_name,
    names.self_reference_name,
    names.attribution_name,
    names.lower_sign_off,
    names.credit_name,
    names.attribution_place,
    names.credentialed_name,
    names.bracket_name,
    names.nickname,
    names_by_shape.TableNameRecognizer,
    cards.VCardRecognizer,
    names.greeting_name,
    names.sign_off_name,
    names_by_shape.subject_name,
)
BY_SHAPE = (
    contact.OfflineEmailRecognizer,
    contact.social_handle,
    contact.scheme_url,
    addresses.zip_code,
    addresses.state_before_zip,
    addresses.StateAfterTownRecognizer,
    addresses.TownBeforeZipRecognizer,
    dates.age_over_89,
    dates.timestamp,
    numbers.medical_record_number,
    numbers.CaseNumberRecognizer,
    addresses.street_address,
    numbers.account_number,
    numbers.member_id,
    numbers.licence_number,
    numbers.vehicle_id,
    numbers.device_id,
    numbers.survey_id,
    dates.age_in_words,
    words.age_in_words_any,
    words.year_in_words,
    words.amount_in_words,
    details.age_any,
    details.sex,
    details.occupation,
    details.occupation_after_age,
    jobs.unknown_job,
    details.family,
    details.distinctive,
    details.amount,
    details.RareConditionRecognizer,
    dates.written_date,
    dates.month_day,
    addresses.organisation,
    lower_places.LowerPlaceRecognizer,
    organisations.OrganisationNameRecognizer,
    contact.phone_in_context,
    numbers.long_number,
    addresses.unit_and_box,
    contact.written_out_email,
    addresses.postcode,
    contact.handle_in_context,
    handles.UserNameRecognizer,
    contact.spelled_number,
    contact.spelled_ssn,
    dates.birth_date,
    ages.AgeOfPersonRecognizer,
    names_by_shape.OtherScriptNameRecognizer,
    contact.file_name,
    identifiers.mac_address,
    identifiers.bare_vin,
    identifiers.bare_mbi,
    identifiers.bare_imei,
    identifiers.device_serial,
    identifiers.inmate_number,
    identifiers.ssn_last_four,
    identifiers.payment_handle,
    id_shapes.IdPositionRecognizer,
    id_shapes.IdShapeRecognizer,
    geo.gps_coordinates,
    geo.PlusCodeRecognizer,
    geo.three_word_address,
    geo.rural_address,
    geo.world_postcode,
    geo.TownThenPostcodeRecognizer,
    spoken.SpokenPhoneRecognizer,
    spoken.SpokenCoordinatesRecognizer,
    spoken.SpeltNameRecognizer,
    tags.LeetNameRecognizer,
    tags.NameHandleRecognizer,
    tags.NameHashtagRecognizer,
)

globals().update({make.__name__: make for make in IN_CONTEXT + BY_SHAPE})
__all__ = sorted(make.__name__ for make in IN_CONTEXT + BY_SHAPE) + ["extra_recognizers"]


def extra_recognizers() -> list[EntityRecognizer]:
    """deid's own recognizers, each with its ``evidence`` attribute set."""
    out = []
    for strength, makers in ((evidence.CONTEXT, IN_CONTEXT), (evidence.PATTERN, BY_SHAPE)):
        for make in makers:
            rec = make()
            rec.evidence = strength
            out.append(rec)
    return out
