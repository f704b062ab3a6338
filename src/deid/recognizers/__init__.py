"""deid's own Presidio recognizers: names in context (``names``) and
identifiers Presidio lacks (``identifiers``)."""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer

from .. import evidence

from .identifiers import (
    OfflineEmailRecognizer, account_number, age_in_words, age_over_89, birth_date, device_id, file_name, handle_in_context, licence_number,
    long_number,
    medical_record_number, member_id, organisation, phone_in_context, postcode, social_handle, spelled_number, spelled_ssn,
    street_address, survey_id,
    unit_and_box, vehicle_id, written_date, written_out_email, zip_code,
)
from .names import (
    attribution_name, attribution_place, form_field_name, form_field_user_name, introduction_name, subject_name, nickname, relation_name,
    OtherScriptNameRecognizer, TableNameRecognizer, greeting_name, relation_lower_name, self_reference_name, speaker_label,
    title_name,
)

__all__ = [
    "TableNameRecognizer", "relation_lower_name", "phone_in_context", "long_number", "unit_and_box",
    "OfflineEmailRecognizer", "account_number", "age_in_words", "device_id", "licence_number", "member_id",
    "organisation", "survey_id", "vehicle_id", "written_date", "age_over_89", "attribution_name", "attribution_place", "extra_recognizers",
    "form_field_name", "greeting_name", "introduction_name", "medical_record_number", "nickname", "relation_name",
    "handle_in_context", "postcode", "self_reference_name", "social_handle", "speaker_label", "street_address", "title_name", "written_out_email",
    "zip_code", "spelled_number", "spelled_ssn", "birth_date", "OtherScriptNameRecognizer", "form_field_user_name", "subject_name", "file_name",
]


# Names (and places) found by the words around them: strong enough evidence to
# make a drug name a name ("my sponsor Chase") and to remove the value from the
# rest of the batch. Every other recognizer here knows a value by its shape.
IN_CONTEXT = (
    form_field_name, form_field_user_name, relation_name, relation_lower_name, speaker_label, title_name, introduction_name,
    self_reference_name, attribution_name, attribution_place, nickname, TableNameRecognizer, greeting_name, subject_name,
)
BY_SHAPE = (
    OfflineEmailRecognizer, social_handle, zip_code, age_over_89, medical_record_number, street_address,
    account_number, member_id, licence_number, vehicle_id, device_id, survey_id, age_in_words, written_date,
    organisation, phone_in_context, long_number, unit_and_box, written_out_email, postcode, handle_in_context,
    spelled_number, spelled_ssn, birth_date, OtherScriptNameRecognizer, file_name,
)


def extra_recognizers() -> list[EntityRecognizer]:
    """deid's own recognizers, each with its ``evidence`` attribute set."""
    out = []
    for strength, makers in ((evidence.CONTEXT, IN_CONTEXT), (evidence.PATTERN, BY_SHAPE)):
        for make in makers:
            rec = make()
            rec.evidence = strength
            out.append(rec)
    return out
