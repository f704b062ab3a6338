"""The strict rules on a whole batch, with the model (issue 28, "Strict"; issue 30, "Strict is
not usable on a survey"): years and sums said in words go as numeric ones do, a rare or
specific occupation is generalised as a whole phrase, old age said in words is found, and
lengths of time, frequencies and dose schedules stay, while real dates still go. The
default rules keep what Safe Harbor keeps (a year, a sum, a length of time). Invented
people and places; each row: the text, what strict must remove, what it must keep."""

from __future__ import annotations

import pytest

from deid.core.keys import Key
from deid.core.model import Field, Record
from deid.policy.rules import load_rules
from deid.run.pipeline import process_batch
from tests.conftest import TEST_KEY

KEY = Key(TEST_KEY.encode(), "test")

STRICT = [
    # years in words
    ("Wendeline got sober in nineteen eighty-one, out past Coldharbour.", ["eighty-one"], ["got sober in"]),
    ("Back in oh-seven the clinic in Marrowby cut my dose.", ["oh-seven"], ["cut my dose"]),
    ("We lost the farm in two thousand and four.", ["two thousand and four"], ["lost the farm"]),
    ("I started drinking again in twenty thirteen, after the divorce.", ["twenty thirteen"], ["after the divorce"]),
    # sums in words
    ("The man by the depot sold them for thirty bucks a strip.", ["thirty bucks"], ["a strip"]),
    ("I still owe my sister four hundred dollars.", ["four hundred dollars"], ["owe my sister"]),
    ("Detox ran us eleven grand.", ["eleven grand"], ["Detox ran us"]),
    # occupations, whole phrases, in the places a job stands
    ("I was the only farrier in Quenby for thirty years.", ["farrier"], ["thirty years"]),
    ("I'm the village's only taxidermist, so folks know me.", ["taxidermist"], ["so folks know me"]),
    ("My father Osgood was a retired saddler with bad knees.", ["saddler"], ["bad knees"]),
    ("I am a blacksmith and tramadol got me through.", ["blacksmith"], ["tramadol"]),
    ("Ysolde was a former deputy coroner up north.", ["coroner", "deputy"], ["up north"]),
    ("I worked as a wheelwright before the stroke.", ["wheelwright"], ["before the stroke"]),
    ("I was the first in my family to go to college.", [], ["the first in my family"]),
    ("I was a heavy smoker for years, now I vape.", [], ["smoker", "for years"]),
    ("I am a former user, eight months clean.", [], ["former user", "eight months clean"]),
    # old age in words
    ("Our neighbour Pell is pushing ninety and still on warfarin.", ["ninety"], ["warfarin"]),
    ("Grandma Ilsabet is well into her nineties now.", ["nineties"], ["Grandma"]),
    ("Old Fenwick, a ninety-something widower, still fishes.", ["ninety"], ["widower"]),
    ("Aunt Corisande is nearly ninety.", ["ninety"], ["Aunt"]),
    # lengths of time, frequencies, schedules: kept; real dates: removed
    ("Radomir has been on naltrexone for 14 years now.", [], ["for 14 years"]),
    ("Tamsin is 212 days clean today.", [], ["212 days clean today"]),
    ("The psychiatrist brought me down over 10 weeks.", [], ["over 10 weeks"]),
    ("It was a nine-day stay on the ward.", [], ["nine-day stay"]),
    ("Baclofen 10 mg x3 daily, and a patch weekly.", [], ["x3 daily", "weekly"]),
    ("I take it 2x/day and the shot monthly.", [], ["2x/day", "monthly"]),
    ("In the last 6 months I missed two doses.", [], ["the last 6 months"]),
    ("Every 12 hours, and three times a week I swim.", [], ["Every 12 hours", "three times a week"]),
    ("They wanted the last 4 of my social before the call.", [], ["the last 4 of my social"]),
    ("I was admitted in April 2018 and again on 9/14.", ["April 2018", "9/14"], ["admitted in"]),
    ("Last Christmas I was in the county detox.", ["Last Christmas"], ["county detox"]),
    ("Last Easter my brother Anselm drove me to the ward.", ["Last Easter"], ["drove me to the ward"]),
]


def outputs(texts, profile):
    rules = load_rules(profile)
    recs = [Record("s.jsonl", i, i + 1, f"s{i}", (Field("/text", t),)) for i, t in enumerate(texts)]
    return [o.texts.get("/text", t) for o, t in zip(process_batch(recs, rules, KEY), texts)]


@pytest.fixture(scope="module")
def strict_out():
    return outputs([t for t, _, _ in STRICT], "strict")


@pytest.mark.parametrize("i", range(len(STRICT)), ids=[t[:40] for t, _, _ in STRICT])
def test_strict_removes_details_in_words_and_keeps_lengths_of_time(i, strict_out):
    text, gone, kept = STRICT[i]
    out = strict_out[i]
    for g in gone:
        assert g not in out, out
    for k in kept:
        assert k in out, out


DEFAULT = [
    # Safe Harbor keeps a year and a sum, in digits or in words; a length of time and a schedule too
    ("Wendeline got sober in nineteen eighty-one and in 1981 paid $30 a week.", ["nineteen eighty-one", "1981", "$30"]),
    ("The man by the depot sold them for thirty bucks a strip.", ["thirty bucks"]),
    ("Radomir has been on naltrexone for 14 years, 50 mg daily.", ["for 14 years", "daily"]),
    # a job's word that is a surname too stays a job, not a stand-in name
    ("My father Osgood was a retired saddler with bad knees.", ["a retired saddler"]),
    ("I was the only farrier in Quenby for thirty years.", ["the only farrier"]),
]


@pytest.mark.parametrize("text, kept", DEFAULT, ids=[t[:40] for t, _ in DEFAULT])
def test_the_default_rules_keep_years_sums_and_lengths_of_time(text, kept):
    out = outputs([text], "default")[0]
    for k in kept:
        assert k in out, out


# issue 30: a survey export under strict. The form's own timestamp is generalised but is no
# detail of the person; the Age column becomes its decade; the story keeps its lengths of time.
SURVEY = (
    "Timestamp,Full name,Email,Age,ZIP,Story\n"
    "2026-02-03 09:14:55,Perpetua Okonkwo-Hale,pokh@example.org,57,97214,\"On methadone for 6 years, tapered over 10 weeks.\"\n"
    "2026-02-03 10:01:12,Lisandro Vey,lvey@example.org,34,60614,\"Kratom 4x/day for a year; weekly meetings helped.\"\n"
    "2026-02-04 11:40:09,Marit Ellingboe,mell@example.org,41,30307,\"I drink less now. Three times a week I swim.\"\n"
    "2026-02-04 16:22:31,Anselm Quarry,aq@example.org,68,85004,\"Gabapentin 300 mg x3 daily since the surgery.\"\n"
    "2026-02-05 08:05:47,Rhosyn Tate,rtate@example.org,29,02139,\"Forty days clean today, every 12 hours at first.\"\n"
)


def test_strict_on_a_survey_holds_back_no_row_for_its_own_timestamp(tmp_path):
    from click.testing import CliRunner

    from deid.cli import cli
    from tests.conftest import write

    src = write(tmp_path / "in" / "survey.csv", SURVEY)
    out = tmp_path / "publish"
    result = CliRunner().invoke(cli, ["run", str(src), "--out", str(out), "--rules", "strict"], catch_exceptions=False)
    assert result.exit_code == 0, result.output                    # nothing held for review
    published = (out / "survey.csv").read_text(encoding="utf-8")
    assert "50-59" in published and ",57," not in published        # the Age column as its decade
    for kept in ("for 6 years", "over 10 weeks", "4x/day", "weekly", "x3 daily", "every 12 hours"):
        assert kept in published
    assert "Okonkwo" not in published and "2026-02-03" not in published
