"""bench/stages.py times each stage on the same records; a stage that fails closed
(every record held back) would time as nothing and read as free."""

from __future__ import annotations

import sys

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import stages  # noqa: E402


def test_every_stage_runs_to_its_end_on_the_corpus():
    timing = stages.measure(records=4, chars=400, seed=7)
    assert len(timing.outcomes) == 4
    assert [o.held_back for o in timing.outcomes] == [None] * 4
    assert all(o.texts for o in timing.outcomes)
    assert timing.times["pass 2 (stand-ins, transform, residual scan)"] > 0
