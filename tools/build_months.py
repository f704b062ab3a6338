"""Build deid's list of month names in the languages mixed into English posts (run by hand,
not at run time).

Source: the Unicode CLDR's month names (wide, in dates and standing alone) as bundled in the
BSD-licensed ``babel`` (CLDR data under the Unicode licence), for the languages of the
people who write to harm-reduction groups in English as a second language. deid reads the
plain list this writes, to find a date written in one of them ("15 de marzo", "le 3 mars",
"am 9. März": ``detect/recognizers/dates.py``).

    python -m venv /tmp/monthvenv
    /tmp/monthvenv/bin/pip install babel==2.19.0
    /tmp/monthvenv/bin/python tools/build_months.py

Writes src/deid/data/months.tsv: language, month (1-12), the name in lower case; a name with
accents also without them ("marco" of "março", "fevrier" of "février"), as keyboards without
them write it; the English names are left out (deid knows those).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "deid" / "data" / "months.tsv"
LANGUAGES = ("es", "pt", "fr", "it", "de", "nl", "fil", "ro", "pl", "ru", "uk", "vi", "tr")
ENGLISH = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"}


def folded(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def main() -> None:
    import babel
    from babel import Locale

    rows = set()
    for language in LANGUAGES:
        months = Locale.parse(language).months
        for context in ("format", "stand-alone"):
            for number, name in months[context]["wide"].items():
                for form in {name.lower(), folded(name.lower())}:
                    if form not in ENGLISH:
                        rows.add((language, number, form))
    lines = [f"# CLDR month names via babel {babel.__version__} (Unicode licence); language, month, name"]
    lines += [f"{lang}\t{n}\t{name}" for lang, n, name in sorted(rows)]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(rows)} names")


if __name__ == "__main__":
    main()
