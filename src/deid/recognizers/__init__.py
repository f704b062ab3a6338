"""deid's own Presidio recognizers: names in context (``names``) and
identifiers Presidio lacks (``identifiers``).

The registry is the two tuples below, in the order the recognizers run. A
new recognizer is a factory (or class) in its module and one line here,
in the tuple of the evidence it gives; every name in the tuples is also
importable from this package (``from deid.recognizers import birth_date``)."""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer

from .. import evidence
from . import identifiers, names

# Names (and places) found by the words around them: strong enough evidence to
# make a drug name a name ("my sponsor Chase") and to remove the value from the
# rest of the batch. Every other recognizer here knows a value by its shape.
IN_CONTEXT = (
    names.form_field_name,
    names.form_field_user_name,
    names.relation_name,
    names.relation_lower_name,
    names.speaker_label,
    names.title_name,
    names.introduction_name,
    names.self_reference_name,
    names.attribution_name,
    names.attribution_place,
    names.nickname,
    names.TableNameRecognizer,
    names.greeting_name,
    names.subject_name,
)
BY_SHAPE = (
    identifiers.OfflineEmailRecognizer,
    identifiers.social_handle,
    identifiers.zip_code,
    identifiers.age_over_89,
    identifiers.medical_record_number,
    identifiers.street_address,
    identifiers.account_number,
    identifiers.member_id,
    identifiers.licence_number,
    identifiers.vehicle_id,
    identifiers.device_id,
    identifiers.survey_id,
    identifiers.age_in_words,
    identifiers.written_date,
    identifiers.organisation,
    identifiers.phone_in_context,
    identifiers.long_number,
    identifiers.unit_and_box,
    identifiers.written_out_email,
    identifiers.postcode,
    identifiers.handle_in_context,
    identifiers.spelled_number,
    identifiers.spelled_ssn,
    identifiers.birth_date,
    names.OtherScriptNameRecognizer,
    identifiers.file_name,
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
