"""``--engine dask`` on a real two-worker LocalCluster on 127.0.0.1: the
bytes of a local run, one model load per worker, a worker killed mid-batch
survived without losing or repeating a record."""

from __future__ import annotations

import json
import os
import signal
import sys

import pytest
from click.testing import CliRunner

from deid.cli import cli
from deid.run.options import NoProgress, RunOptions
from deid.run.pipeline import run

from tests.conftest import ROOT

distributed = pytest.importorskip("distributed")

sys.path.insert(0, str(ROOT / "bench"))
from corpus import generate  # noqa: E402


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("dask")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=":0",
        local_directory=str(workdir), silence_logs=40,
    ) as c:
        yield c


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    folder = tmp_path_factory.mktemp("batch")
    (folder / "stories.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in generate(160, 500, seed=9)), encoding="utf-8")
    (folder / "notes.txt").write_text("Interview with Loretta Szabo, 11 March 2024. She tapered off "
                                      "oxycodone with her sister Marisol.\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def local(batch, tmp_path_factory):
    out = tmp_path_factory.mktemp("local") / "out"
    result = CliRunner().invoke(cli, ["run", str(batch), "--out", str(out), "--workers", "1"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return out


def same_files(a, b):
    names = sorted(p.name for p in a.iterdir())
    assert names == sorted(p.name for p in b.iterdir())
    for name in names:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_a_dask_run_gives_the_bytes_of_a_local_run(cluster, batch, local, tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["run", str(batch), "--out", str(out), "--engine", "dask",
                                      "--scheduler", cluster.scheduler_address], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    same_files(local, out)


def test_each_worker_loads_the_model_once(cluster):
    from deid.core.keys import Key
    from deid.policy.rules import load_rules
    from deid.run.dask_engine import DaskEngine

    engine = DaskEngine(load_rules(), (), Key(b"k" * 32, "test"), cluster.scheduler_address)
    try:
        plans = list(engine.plan([]))
        assert plans == []
        loads = engine.model_loads()
    finally:
        engine.close()
    assert len(loads) == 2 and set(loads.values()) == {1}


def test_a_worker_killed_mid_batch_loses_and_repeats_nothing(cluster, batch, local, tmp_path):
    client = distributed.Client(cluster.scheduler_address)
    victim = sorted(client.run(os.getpid).values())[0]
    seen = []

    class Killing(NoProgress):
        def on_record(self, plan):
            seen.append((plan.record.source, plan.record.index))
            if len(seen) == 40:  # chunks of this batch are in flight on both workers now
                os.kill(victim, signal.SIGKILL)

    out = tmp_path / "out"
    summary = run(RunOptions(paths=[batch], out=out, scheduler=cluster.scheduler_address, progress=Killing()))
    client.wait_for_workers(2, timeout=60)
    assert victim not in client.run(os.getpid).values()  # it did die; its nanny started a new one
    client.close()
    assert summary.held_back == 0 and summary.published == 161
    assert len(seen) == len(set(seen)) == 161
    same_files(local, out)
    result = CliRunner().invoke(cli, ["verify", str(out)])
    assert result.exit_code == 0, result.output


def test_an_unreachable_scheduler_is_a_usage_error(tmp_path, batch):
    result = CliRunner().invoke(cli, ["run", str(batch), "--out", str(tmp_path / "o"), "--engine", "dask",
                                      "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 2
    assert "cannot reach a Dask scheduler" in result.output
