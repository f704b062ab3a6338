"""Shared fixtures. The spaCy model is loaded once per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
TEST_KEY = "34574ed664c54660d723da4587e46098283d56b21dfb5c8c57596d0761abc3f4"


@pytest.fixture(autouse=True)
def _isolated_config(tmp_path_factory, monkeypatch):
    """Never touch the real user's config folder; use a fixed key; one
    worker unless a test asks for more (each worker loads the model)."""
    cfg = tmp_path_factory.getbasetemp() / "xdg-config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(cfg))
    monkeypatch.setenv("DEID_KEY", TEST_KEY)
    monkeypatch.setenv("DEID_WORKERS", "1")


@pytest.fixture(scope="session", autouse=True)
def _one_model_and_analyzer_per_rules():
    """Every run a test makes in this process (CliRunner, ``process_batch``, an engine)
    builds a ``Detector``, and ``deid verify`` and ``deid check`` a ``PatternScanner``: a
    spaCy model and some 300 expressions each time, 5 to 15 s. Within the session, the
    same rules and roster give the one already built, and every detector shares one load
    of a model. Worker processes and ``deid`` run as a program build their own, as a
    user's run does. A test that changes a detector patches its class, which the shared
    ones have too."""
    from collections import OrderedDict

    from deid.commands import check
    from deid.detect.spacy_engine import NerOnlySpacyEngine
    from deid.ledger import verify
    from deid.run import process

    def shared(make, size: int):
        built: OrderedDict = OrderedDict()

        def get(rules, roster=()):
            key = (rules.sha256, tuple(roster))  # the effective rules, wherever their file
            if key not in built:
                built[key] = make(rules, roster)
                if len(built) > size:
                    built.popitem(last=False)
            built.move_to_end(key)
            return built[key]

        return get

    models: dict = {}
    load = NerOnlySpacyEngine.load

    def one_load(engine):
        key = repr(engine.models)
        if key not in models:
            load(engine)
            models[key] = engine.nlp
        engine.nlp = dict(models[key])

    patch = pytest.MonkeyPatch()
    patch.setattr(NerOnlySpacyEngine, "load", one_load)
    patch.setattr(process, "Detector", shared(process.Detector, 8))
    scanner = shared(verify.PatternScanner, 8)
    patch.setattr(verify, "PatternScanner", scanner)
    patch.setattr(check, "PatternScanner", scanner)
    yield
    patch.undo()


@pytest.fixture(scope="session")
def rules():
    from deid.policy.rules import load_rules

    return load_rules()


@pytest.fixture(scope="session")
def processor(rules):
    from deid.core.keys import Key
    from deid.run.process import Processor

    return Processor(rules, Key(TEST_KEY.encode(), "test"))


@pytest.fixture(scope="session")
def detector(processor):
    return processor.detector


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    return path


def pytest_configure(config):
    # for module- and session-scoped fixtures too, which run before ``_isolated_config``:
    # a module's shared run with a worker per core started (and loaded the model in) new processes
    os.environ.setdefault("DEID_KEY", TEST_KEY)
    os.environ.setdefault("DEID_WORKERS", "1")


def ledger_findings(entry, key=TEST_KEY):
    """A ledger record entry's findings, opened with the test key (the
    ledger seals them: ``audit.findings_of``)."""
    from deid.core.keys import Key
    from deid.ledger.audit import findings_of

    return findings_of(entry, Key(key.encode(), "test"))


def without_digests(ledger_text: str) -> str:
    """The ledger's text with its hashes, fingerprints and sealed blobs masked: a value
    searched for in a ledger must not be found by chance inside a hex digest (the rules'
    SHA-256 once held "97214", a ZIP code of the samples)."""
    import re

    text = re.sub(r"[0-9a-f]{16,}", "#", ledger_text)
    return re.sub(r"[A-Za-z0-9+/]{40,}={0,2}", "#", text)
