"""Credit lines (``names.credit_name``): the name after a role in bold, with a
colon or "by". Invented people."""

from __future__ import annotations

import pytest

from deid.detect.recognizers.names import credit_name


@pytest.mark.parametrize("text, expected", [
    ("**Photographer** Sunniva Brackwell", ["Sunniva Brackwell"]),
    ("**Words:** Lucan Mayhew \u00b7 **Pictures** Oona Dunmore", ["Lucan Mayhew", "Oona Dunmore"]),
    ("_Illustration by Ottilie Vance_", ["Ottilie Vance"]),
    ("Photo courtesy of Henrike Sollis", ["Henrike Sollis"]),
    ("| **Interviewer** Ilse Marrow | **Transcription** T. R. |", ["Ilse Marrow", "T. R."]),
    ("Sponsor\n: Wendell Ashby\n\nNurse\n:   Ilse Marrow\n", ["Wendell Ashby", "Ilse Marrow"]),
    ("**Interviewer**\n: Oona Dunmore", ["Oona Dunmore"]),
    ("Sponsor\n: Was there every week\n", []),
    ("Medication\n: Suboxone Film\n", []),
    # no credit: a role word in a sentence, a placeholder, a function word after the label
    ("The photographer Sunniva came twice.", []),
    ("Design: Simple Layout", []),
    ("Interview: And then we left for Dayton.", []),
    ("Credits: None", []),
])
def test_credit_lines(text, expected):
    assert [text[r.start:r.end] for r in credit_name().analyze(text, ["PERSON"])] == expected
