"""The secret key (``core.keys``, ``core.keystrength``): a key under 128 bits is
refused from every source, with a message that says how to make one and never
shows the key; every keyed value is derived from a master key stretched with
scrypt, so that the published key id costs a guesser one scrypt per guess."""

from __future__ import annotations

import hashlib
import hmac

import pytest
from click.testing import CliRunner
from hypothesis import given, settings, strategies as st

from deid.cli import cli
from deid.core.errors import KeyFileError
from deid.core.keys import DERIVATION, LEGACY, Key, load_key
from deid.core.keystrength import MIN_BITS, alphabet_bits, strength_bits

WEAK = [
    "q",                                                   # one letter
    "hunter2hunter2hunter2",                               # a word and digits, repeated
    "fedcba9876543210fedcba9876543210",                    # a sequence, twice: 32 hex digits, no randomness
    "cafebabecafebabecafebabecafebabe",                    # a word, four times
    "7f3a9c2e1b8d4f6a0c5e7b9d2f4a6c8",                     # 31 random hex digits: 124 bits
    "Xq3vT9pL2mK8wR5n",                                    # 16 random base64 characters: 96 bits
    "tangerine bicycle window seventeen",                  # four words
    "Marigold-Ferryman-1987!",                             # words, a year, a symbol
]
STRONG = [
    "3f9a0c7e51b24d68a9e0f17c3b5d28e4",                    # 32 random hex digits: 128 bits
    "e8c41f0a9b7d2536c1f48e0a7d9b3c62f5a1e80d4c7b9f2a36e1d0c58b4a7f93",  # what `deid key new` makes
    "pQ7vK2xN9sLmW4tR8yBz3H",                              # 22 random base64url characters
    "walrus quiver lantern cobalt ember thistle gravel orchid tundra parsnip",  # ten unrelated words
]


@pytest.mark.parametrize("secret", WEAK)
@pytest.mark.parametrize("source", ["env", "file"])
def test_a_weak_key_is_refused_from_every_source(secret, source, tmp_path, monkeypatch):
    path = None
    if source == "env":
        monkeypatch.setenv("DEID_KEY", secret)
    else:
        path = tmp_path / "team.key"
        path.write_text(secret + "\n")
        path.chmod(0o600)
    with pytest.raises(KeyFileError) as exc:
        load_key(path)
    message = str(exc.value)
    assert "too weak" in message and "deid key new" in message and str(MIN_BITS) in message
    assert secret not in message and secret[:6] not in message


@pytest.mark.parametrize("secret", STRONG)
def test_a_strong_key_is_taken(secret, monkeypatch):
    monkeypatch.setenv("DEID_KEY", secret)
    assert load_key().secret == secret.encode()
    assert strength_bits(secret.encode()) >= MIN_BITS


def test_the_config_key_file_is_held_to_the_same_bar(tmp_path, monkeypatch):
    """A key file named in .deid.toml goes through the same refusal as --key-file."""
    monkeypatch.delenv("DEID_KEY")
    (tmp_path / "team.key").write_text("alder-creek-2019\n")
    (tmp_path / "team.key").chmod(0o600)
    (tmp_path / ".deid.toml").write_text('key_file = "team.key"\n')
    (tmp_path / "a.txt").write_text("The taper went well.\n")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["run", "a.txt", "--out", "pub"], catch_exceptions=False)
    assert result.exit_code == 2 and "too weak" in result.stderr and "alder-creek" not in result.stderr
    assert not (tmp_path / "pub" / "a.txt").exists()


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=33, max_codepoint=126), min_size=1, max_size=90))
def test_a_key_is_never_worth_more_than_its_alphabet_allows(text):
    assert strength_bits(text.encode()) <= len(text) * alphabet_bits(text) + 1e-9


def test_every_keyed_value_comes_from_the_stretched_key():
    """The id a ledger publishes is an HMAC under scrypt(secret), not under the
    secret: checking one guess at the key costs an scrypt."""
    secret = STRONG[0].encode()
    master = hashlib.scrypt(secret, salt=b"deid master key v1", n=16384, r=8, p=1, maxmem=64 << 20, dklen=64)
    key = Key(secret, "test")
    assert key.derivation == DERIVATION
    assert key.id == hmac.new(master, b"deid key id", hashlib.sha256).hexdigest()[:16]
    assert key.id != hmac.new(secret, b"deid key id", hashlib.sha256).hexdigest()[:16]


def test_a_legacy_key_is_the_secret_itself_for_old_ledgers():
    secret = STRONG[0].encode()
    old = Key(secret, "test").under(LEGACY)
    assert old.id == hmac.new(secret, b"deid key id", hashlib.sha256).hexdigest()[:16]
    assert old.fingerprint("C:Ines Okafor") != Key(secret, "test").fingerprint("C:Ines Okafor")
    with pytest.raises(KeyFileError):
        Key(secret, "test").under("argon9").id  # noqa: B018 - a derivation this deid does not know


def test_key_new_makes_a_key_that_passes():
    made = CliRunner().invoke(cli, ["key", "new"], catch_exceptions=False)
    assert made.exit_code == 0 and strength_bits(made.stdout.strip().encode()) >= 256
