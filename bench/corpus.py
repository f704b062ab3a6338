"""A reproducible corpus of fictional testimonials with planted identifiers.

Every person, place and number here is invented; the same seed gives the
same bytes. Each record is about ``--chars`` characters of first-person
story (pain, tapering, kratom, mental health) with names, relatives, towns,
phones, emails, ages, dates and member numbers planted in it.

    python bench/corpus.py --records 2000 --out /tmp/bench.jsonl
    python bench/corpus.py --records 500000 --format csv --out /tmp/big.csv
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys

FIRST = ("Loretta Dwayne Marisol Tobias Hester Quinn Rosalind Everett Delphine Amos Wren Cassius Imogen "
         "Thaddeus Opal Lucian Mirela Bartholomew Fenna Ignatius Sunniva Percival Odalys Leopold").split()
LAST = ("Szabo Pennington Okafor Lindqvist Marchetti Haverford Quist Abernathy Velasquez Draycott Nakamura "
        "Ferreira Holloway Brannigan Vukovic Oyelaran Castellanos Whitcombe Tremblay Kowalczyk").split()
TOWNS = ["Millbrook", "Ashford", "Cedar Falls", "Port Alder", "Glenwood", "Harlow Springs", "Kestrel Bay", "Dunmore"]
KIN = ["my wife", "my husband", "my sister", "my brother", "my son", "my daughter", "my friend", "my sponsor"]
CLINICS = ["Riverside Recovery Center", "Northgate Pain Clinic", "Hillcrest Wellness", "Bayview Methadone Program"]
DRUGS = ["kratom", "7-hydroxymitragynine", "oxycodone", "buprenorphine", "gabapentin", "tramadol",
         "methadone", "naloxone", "sertraline", "hydrocodone"]
CONDITIONS = ["chronic back pain", "fibromyalgia", "opioid use disorder", "anxiety", "depression",
              "withdrawal", "insomnia", "neuropathy", "PTSD", "migraines"]
DOSES = ["2 grams three times a day", "10 mg twice daily", "a quarter strip", "5 mg at night", "30 mg a day"]

SENTENCES = [
    "I started taking {drug} after years of {condition}, and nobody at first believed how bad it was.",
    "My name is {first} {last} and I have lived in {town} most of my life.",
    "{kin} {kfirst} drove me to {clinic} every week while I tapered off {drug2}.",
    "At {age} I never expected to be counting milligrams, but I took {dose} for months.",
    "Dr. {dlast} at {clinic} told me the {condition} would get worse before it got better.",
    "You can reach me at {phone} or {email} if you want to compare notes.",
    "My member number is {member} and the insurer still denied the claim on {date}.",
    "The withdrawal was the worst part: sweating, no sleep, and the {condition} flaring every night.",
    "Switching from {drug} to {drug2} helped, though my doctor worried about interactions.",
    "{kfirst} says I am more patient now, and the {condition} is something I can manage.",
    "I write this so someone reading it feels less alone with {condition} and {drug}.",
    "We moved to {town} in {year}, and the pharmacy there would not fill the prescription.",
    "Group on Tuesdays kept me honest; {kfirst} from group still texts me every Sunday.",
    "Some days I still reach for {drug}, but I have a plan now and people who answer the phone.",
]


def record(rng: random.Random, index: int, chars: int) -> dict:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    fill = {
        "first": first, "last": last, "town": rng.choice(TOWNS),
        "kin": rng.choice(KIN).capitalize(), "kfirst": rng.choice(FIRST), "dlast": rng.choice(LAST),
        "clinic": rng.choice(CLINICS), "drug": rng.choice(DRUGS), "drug2": rng.choice(DRUGS),
        "condition": rng.choice(CONDITIONS), "dose": rng.choice(DOSES), "age": rng.randint(19, 97),
        "phone": f"({rng.randint(201, 989)}) {rng.randint(200, 999)}-{rng.randint(1000, 9999)}",
        "email": f"{first.lower()}.{last.lower()}{rng.randint(1, 99)}@example.org",
        "member": f"MB-{rng.randint(1000000, 9999999)}",
        "date": f"{rng.choice(['March', 'June', 'October'])} {rng.randint(1, 28)}, {rng.randint(2015, 2025)}",
        "year": rng.randint(2001, 2024),
    }
    parts: list[str] = []
    while sum(len(p) + 1 for p in parts) < chars:
        sentence = rng.choice(SENTENCES).format(**fill)
        parts.append(sentence[0].upper() + sentence[1:])
    return {"id": f"r{index:07d}", "name": f"{first} {last}", "story": " ".join(parts)}


def generate(records: int, chars: int = 800, seed: int = 7):
    rng = random.Random(seed)
    for i in range(records):
        yield record(rng, i, chars)


def write(fh, rows, fmt: str = "jsonl") -> None:
    """``rows`` to an open text file as JSONL or CSV."""
    if fmt == "jsonl":
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    else:
        writer = csv.DictWriter(fh, fieldnames=["id", "name", "story"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=int, default=2000)
    ap.add_argument("--chars", type=int, default=800, help="about this many characters of story per record")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")
    ap.add_argument("--out", default="-")
    args = ap.parse_args(argv)
    fh = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8", newline="")
    with fh:
        write(fh, generate(args.records, args.chars, args.seed), args.format)
    return 0


if __name__ == "__main__":
    sys.exit(main())
