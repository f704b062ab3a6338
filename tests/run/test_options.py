from __future__ import annotations

from pathlib import Path

import pytest

from deid.run.options import RunOptions

STORIES, PUBLISH = [Path("stories")], Path("publish")


@pytest.mark.parametrize("args, kwargs", [
    ((STORIES, PUBLISH), {}),
    ((STORIES,), {"out": PUBLISH}),
    ((STORIES, PUBLISH, Path("rules.yaml"), None, 2), {"resume": True}),
])
def test_run_options_are_given_by_keyword_only(args, kwargs):
    with pytest.raises(TypeError, match="positional"):
        RunOptions(*args, **kwargs)


def test_run_options_by_keyword():
    opts = RunOptions(paths=STORIES, out=PUBLISH, workers=2)
    assert (opts.paths, opts.out, opts.workers, opts.rules) == (STORIES, PUBLISH, 2, None)
