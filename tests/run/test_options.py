from __future__ import annotations

from pathlib import Path

import pytest

from deid.run.options import NoProgress, RunOptions

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


class Told:
    """A ``RunProgress`` that keeps what it is told."""

    def __init__(self):
        self.started, self.files, self.records = [], [], []

    def on_start(self, total_bytes):
        self.started.append(total_bytes)

    def on_file(self, number, total, path):
        self.files.append((number, total, path))

    def on_record(self, plan):
        self.records.append((plan.record.source, plan.record.index))


@pytest.mark.parametrize("files, records", [
    ({"story.txt": "Ilse Marrow wrote to us in spring.\n"}, [("story.txt", 0)]),
    ({"a.jsonl": '{"text": "Oskar Feldmann called."}\n{"text": "Thanks to the nurses."}\n',
      "b.txt": "We met at the clinic.\n"},
     [("a.jsonl", 0), ("a.jsonl", 1), ("b.txt", 0)]),
    ({"a.txt": "", "b.txt": "Ilse Marrow again.\n"}, [("b.txt", 0)]),  # an empty file is read, and has no record
])
def test_a_run_tells_its_progress_the_size_each_file_and_each_record(tmp_path, files, records):
    from deid.run.pipeline import run

    src = tmp_path / "in"
    src.mkdir()
    for name, text in files.items():
        (src / name).write_text(text, encoding="utf-8")
    told = Told()
    run(RunOptions(paths=[src], out=tmp_path / "out", workers=1, progress=told))
    assert told.started == [sum(len(t.encode()) for t in files.values())]
    assert told.files == [(i, len(files), name) for i, name in enumerate(sorted(files), start=1)]
    assert told.records == records


def test_by_default_a_run_tells_no_one():
    assert isinstance(RunOptions(paths=STORIES, out=PUBLISH).progress, NoProgress)
