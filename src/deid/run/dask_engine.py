"""``deid run --engine dask --scheduler ADDRESS``: the same two passes on an
existing Dask cluster (the optional extra ``deid[dask]``).

- A ``WorkerPlugin`` loads the model once on every worker, and again on a
  worker that joins or is restarted later; tasks on one worker take turns
  with it (spaCy and Presidio are not made for threads sharing a model), so
  give each worker one thread and run as many worker processes as cores.
- Records travel in chunks, a few chunks per worker in flight; results come
  back in input order, so the output is byte for byte the local one.
- A worker lost mid-batch is survived: the scheduler runs its chunks again
  elsewhere and each chunk's result is taken once, by its place in the input.
- In pass 2 the batch's frozen stand-ins are sent to every worker once.

The records, the rules (deny lists included), the roster and the secret key
go to the cluster: use a cluster you trust, with TLS between machines.
"""

from __future__ import annotations

import threading
from concurrent.futures import CancelledError
from typing import Iterable, Iterator

from deid import __version__
from deid.core.budget import LIMITS, Limits
from deid.core.errors import UsageError, WorkerLost
from deid.core.keys import Key
from deid.core.model import Outcome, Plan, Record
from deid.policy.ruleset import RuleSet
from deid.run.engines import WorkerState, chunked, in_order, plan_chars, record_chars
from deid.transform.surrogates import StandIns

try:
    from distributed import Client, KilledWorker, get_worker
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError:  # the optional extra is not installed
    Client = None
    WorkerPlugin = object
    KilledWorker = OSError

PLUGIN = "deid"


class DeidPlugin(WorkerPlugin):
    """Loads deid's model on a worker when the worker starts (or joins)."""

    name = PLUGIN

    def __init__(self, rules: RuleSet, roster: tuple[str, ...], key: Key, limits: Limits = LIMITS):
        self.rules, self.roster, self.key, self.limits = rules, roster, key, limits
        self.state: WorkerState | None = None
        self.loads = 0

    def setup(self, worker) -> None:
        self.lock = threading.Lock()
        self.state = WorkerState(self.rules, self.roster, self.key, self.limits)
        self.loads += 1

    def teardown(self, worker) -> None:
        self.state = None


def _plugin() -> DeidPlugin:
    return get_worker().plugins[PLUGIN]


def _meta() -> tuple[str, str, str]:
    p = _plugin()
    return (*p.state.meta(), __version__)


def _plan(records: list[Record]) -> list[Plan]:
    p = _plugin()
    with p.lock:
        return p.state.plan(records)


def _finish(token: str, stand_ins: StandIns, plans: list[Plan]) -> list[Outcome]:
    p = _plugin()
    with p.lock:
        return p.state.finish(token, lambda: stand_ins, plans)


def _loads(dask_worker) -> int:
    return dask_worker.plugins[PLUGIN].loads


def _result(future):
    try:
        return future.result()
    except (KilledWorker, CancelledError, OSError) as exc:
        raise WorkerLost(f"the Dask cluster lost this run's work ({type(exc).__name__}: workers kept dying, "
                         "or the scheduler went away); nothing was published: run again") from None


class DaskEngine:
    def __init__(self, rules: RuleSet, roster: tuple[str, ...], key: Key, scheduler: str,
                 limits: Limits = LIMITS):
        if Client is None:
            raise UsageError("--engine dask needs Dask: pip install 'deid[dask]' (here and on the workers)")
        try:
            self.client = Client(scheduler, timeout="20s")
        except (OSError, TimeoutError, ValueError) as exc:
            raise UsageError(f"--scheduler {scheduler}: cannot reach a Dask scheduler there ({type(exc).__name__}); "
                             "check the address and that the scheduler is running") from None
        self.run_id = f"deid-{id(self):x}"
        try:
            self.client.register_plugin(DeidPlugin(rules, roster, key, limits), name=PLUGIN)
            workers = len(self.client.scheduler_info().get("workers", {}))
            if not workers:
                raise UsageError(f"--scheduler {scheduler}: the cluster has no workers; start some and run again")
            name, version, theirs = self.client.submit(_meta, pure=False).result()
        except BaseException:
            self.close()
            raise
        if theirs != __version__:
            self.close()
            raise UsageError(f"the cluster's workers run deid {theirs}, this is deid {__version__}: "
                             "install the same version on the workers")
        self.meta = (name, version)
        self.window = max(4, 2 * workers)
        self._stand_ins = None

    def plan(self, records: Iterable[Record]) -> Iterator[Plan]:
        return in_order(lambda c: self.client.submit(_plan, c, pure=False), _result,
                        chunked(records, record_chars), self.window)

    def finish(self, plans: Iterable[Plan], stand_ins: StandIns) -> Iterator[Outcome]:
        if self._stand_ins is None:  # once per run, to every worker
            self._stand_ins = self.client.scatter(stand_ins, broadcast=True, hash=False)
        return in_order(lambda c: self.client.submit(_finish, self.run_id, self._stand_ins, c, pure=False),
                        _result, chunked(plans, plan_chars), self.window)

    def model_loads(self) -> dict[str, int]:
        """How many times each worker has loaded the model (for tests)."""
        return self.client.run(_loads)

    def close(self) -> None:
        client = getattr(self, "client", None)
        if client is None:
            return
        try:
            self._stand_ins = None
            client.unregister_worker_plugin(PLUGIN)
        except Exception:  # the cluster may be gone already; nothing of ours is left on it but the model
            pass
        client.close()
        self.client = None
