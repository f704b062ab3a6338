"""A column's value in the record's text (issue 30): a dropped or changed cell is an identifier
in the story only when its type says so, never as a form's everyday answer."""

from __future__ import annotations

import csv
import io

from click.testing import CliRunner

from deid.cli import cli

from tests.conftest import write

RULES = ("columns:\n"
         "  - id: contact\n    match: may_we_contact_you_again\n    action: drop\n"
         "  - id: referral\n    match: referred_by\n    action: drop\n")
SURVEY = ("id,Tell us your story,May we contact you again?,Referred by,Member ID\r\n"
          'r1,"I said no to more pills. Yes, I was scared. None of the patches helped.",No,Yes,none\r\n'
          'r2,"My brother said yes when I asked. No regrets. My card KRV-0318 got lost.",Yes,,KRV-0318\r\n')


def test_a_dropped_answer_leaves_the_story_alone_and_an_identifier_goes_from_it(tmp_path):
    src = write(tmp_path / "in" / "s.csv", SURVEY)
    rules = write(tmp_path / "r.yaml", RULES)
    ran = CliRunner().invoke(cli, ["run", str(src), "--out", str(tmp_path / "out"), "--rules", str(rules)])
    assert ran.exit_code == 0, ran.output
    rows = list(csv.DictReader(io.StringIO((tmp_path / "out" / "s.csv").read_text(encoding="utf-8"))))
    assert rows[0]["Tell us your story"] == "I said no to more pills. Yes, I was scared. None of the patches helped."
    assert rows[0]["May we contact you again?"] == rows[0]["Referred by"] == ""
    assert "KRV-0318" not in rows[1]["Tell us your story"] and rows[1]["Tell us your story"].startswith(
        "My brother said yes when I asked. No regrets.")
    assert CliRunner().invoke(cli, ["verify", str(tmp_path / "out")]).exit_code == 0
