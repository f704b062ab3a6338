"""The secret key behind keyed hashes: from DEID_KEY, --key-file, or a key
file created on first use in the user's config folder (mode 0600).

The key never appears in outputs, the audit, logs or error messages. A key
estimated under 128 bits is refused from every source (``keystrength``).

Every working key (fingerprints, macs, labels, the seal, the id) is derived
from a master key stretched from the secret with scrypt (``DERIVATION``,
about 0.1 s once per process): each guess at a key from a published ledger
costs that much work, on top of the key's 128 bits. Ledgers written before
(``LEGACY``) used the secret itself; ``Key.under`` reads them.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import stat
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from deid.core.errors import KeyFileError
from deid.core.keystrength import strength_bits, weak_key_message

ENV = "DEID_KEY"
DERIVATION = "scrypt-n16384-r8-p1"  # what the ledger records as ``key_derivation``
LEGACY = "secret"  # ledgers without ``key_derivation``: the secret was the working key
_SALT = b"deid master key v1"


@lru_cache(maxsize=8)
def _master(secret: bytes, derivation: str) -> bytes:
    if derivation == LEGACY:
        return secret
    if derivation != DERIVATION:
        raise KeyFileError(f"key derivation {derivation!r} is not one this deid knows; use the deid version that wrote the ledger")
    return hashlib.scrypt(secret, salt=_SALT, n=16384, r=8, p=1, maxmem=64 * 1024 * 1024, dklen=64)


@dataclass(frozen=True)
class Key:
    secret: bytes
    source: str       # "DEID_KEY", a path, never the key itself
    created: bool = False
    derivation: str = DERIVATION

    def __repr__(self) -> str:  # keep the secret out of tracebacks and logs
        return f"Key(source={self.source!r}, created={self.created})"

    def under(self, derivation: str) -> "Key":
        """This key with its working keys derived as ``derivation`` says (a
        ledger's ``key_derivation``; ``LEGACY`` for one that has none)."""
        return self if derivation == self.derivation else replace(self, derivation=derivation)

    def hmac(self, msg: bytes, digestmod=hashlib.sha256) -> "hmac.HMAC":
        """HMAC(the working key, msg): every keyed value deid makes goes through here."""
        return hmac.new(_master(self.secret, self.derivation), msg, digestmod)

    def fingerprint(self, form: str) -> str:
        """HMAC-SHA256(key, form) truncated to 16 bytes, hex; ``form`` comes
        from ``fingerprint_forms``. Never a plain hash: a plain hash of a name
        is reversed with a list of names."""
        return self.hmac(b"FP\x1f" + form.encode("utf-8")).hexdigest()[:32]

    def mac(self, text: str) -> str:
        """HMAC-SHA256(key, text), hex: what the ledger keeps of a whole
        original record. Unkeyed, a hash of a short record is reversed by
        trying names and dates until one matches."""
        return self.hmac(b"IN\x1f" + text.encode("utf-8", "surrogateescape")).hexdigest()

    def seal(self, data: bytes) -> bytes:
        """Encrypt with AES-SIV under a key derived from this one: what the
        ledger says about each finding can be read only with the key.
        Deterministic (the same data gives the same bytes, so a ledger is
        repeatable) and authenticated (an edited blob does not open)."""
        from cryptography.hazmat.primitives.ciphers.aead import AESSIV

        return AESSIV(self._box()).encrypt(data, None)

    def unseal(self, blob: bytes) -> bytes:
        """``seal``'s data back; ``cryptography.exceptions.InvalidTag`` for
        another key's blob or an edited one."""
        from cryptography.hazmat.primitives.ciphers.aead import AESSIV

        return AESSIV(self._box()).decrypt(blob, None)

    def _box(self) -> bytes:
        return self.hmac(b"deid ledger box", hashlib.sha512).digest()  # 64 bytes: AES-SIV-256

    @property
    def id(self) -> str:
        """A keyed fingerprint naming the key (not the key): the ledger and the
        baseline record it, so a command given another key can say so. Like
        every keyed value, it costs a guesser one scrypt per guess."""
        return self.hmac(b"deid key id").hexdigest()[:16]

    def label(self, kind: str, value: str, size: int = 6) -> str:
        """HMAC-SHA256(key, kind + value as written), hex, ``size`` bytes: a
        stand-in for a handle (a record id, a file name), where case and
        spacing tell values apart."""
        msg = f"{kind}\x1f{value}".encode("utf-8", "surrogateescape")
        return self.hmac(msg).hexdigest()[: size * 2]

    def digest(self, entity: str, value: str, size: int = 16) -> str:
        """HMAC-SHA256(key, entity + normalised value), hex, ``size`` bytes."""
        msg = f"{entity}\x1f{normalize_value(value)}".encode("utf-8")
        return self.hmac(msg).hexdigest()[: size * 2]


def fingerprint_forms(value: str, any_case: bool) -> str:
    """The form of a value that is fingerprinted: case-folded when its other
    mentions count in any case, else in title case ("Rose" is not "rose")."""
    words = " ".join(unicodedata.normalize("NFKC", value).split())
    return "A:" + words.casefold() if any_case else "C:" + words.title()


def normalize_value(value: str) -> str:
    v = unicodedata.normalize("NFKC", value).casefold()
    return " ".join(v.split())


def default_key_path() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "deid" / "key"


def load_key(key_file: str | Path | None = None, create: bool = True) -> Key:
    """The key from ``key_file``, else $DEID_KEY, else the default key file,
    created there on first use when ``create`` (``deid verify`` never creates
    one: a new key could verify nothing)."""
    if key_file is not None:
        return _read(Path(key_file))
    env = os.environ.get(ENV)
    if env:
        return _strong(Key(env.encode("utf-8"), ENV))
    path = default_key_path()
    if path.exists():
        return _read(path)
    if not create:
        raise KeyFileError(f"no key: set {ENV}, give --key-file, or run where {path} exists")
    return _create(path)


def _read(path: Path) -> Key:
    try:
        mode = path.stat().st_mode
        if mode & (stat.S_IRWXG | stat.S_IRWXO):
            raise KeyFileError(
                f"{path}: the key file is readable by others; run `chmod 600 {path}`"
            )
        secret = path.read_bytes().strip()
    except FileNotFoundError:
        raise KeyFileError(f"{path}: key file not found; give an existing --key-file or set {ENV}") from None
    except OSError as exc:
        raise KeyFileError(f"{path}: key file cannot be read ({exc.strerror})") from None
    return _strong(Key(secret, str(path)))


def _strong(key: Key) -> Key:
    """``key``, unless it is estimated under 128 bits (``keystrength``)."""
    problem = weak_key_message(key.source, strength_bits(key.secret))
    if problem is not None:
        raise KeyFileError(problem)
    return key


def new_key(path: Path | None = None) -> Key:
    """A new random key; written to ``path`` (0600, never over a file) when given."""
    if path is None:
        return Key(secrets.token_hex(32).encode(), "new")
    if path.exists():
        raise KeyFileError(f"{path}: already exists; deid never writes over a key (it would orphan every ledger made with it)")
    key = _create(path)
    return key


def _create(path: Path) -> Key:
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        secret = secrets.token_hex(32).encode()
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(secret + b"\n")
    except FileExistsError:
        return _read(path)
    except OSError as exc:
        raise KeyFileError(f"{path}: cannot create a key file ({exc.strerror}); set {ENV} or give --key-file") from None
    return Key(secret, str(path), created=True)
