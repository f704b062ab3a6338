"""One pass over a text for every pattern: which regular expressions can match it at all.

The pattern recognizers (Presidio's and deid's) hold about 130 regular expressions, and
each was run over every text, by itself, in detection and again in the final check: most
of deid's time besides the model. Yet most of them match nothing in most texts. Here all
of them are compiled into Hyperscan databases in *prefilter* mode, which scan a text once
for all of them and report every expression that can match it; an expression that cannot
is not run. The recognizers, their expressions, validation, context words and scores are
untouched, and Presidio runs them as before: only the ones that cannot match are skipped.

Why the answers are the same:

- Prefilter mode matches a superset of what the expression matches (constructs Hyperscan
  cannot run, such as lookbehinds, are widened), so an expression it rules out has no match
  in the text, and running it would have found nothing.
- The expressions are written for Python's ``regex`` module, not PCRE. The prefilter is
  used only on texts of printable ASCII, tabs and line breaks (``SAFE``; nearly every text
  after ``normalize``), where the two agree on ``\\w``, ``\\s``, ``\\b``, ``\\d`` and case, and
  each expression is translated (``for_hyperscan``) so that it matches at least what Python
  matches there: a character outside ASCII becomes one that no such text holds, ``\\p{Lu}``
  and its kin become ASCII letters of either case (Python's ``(?i)\\p{Lu}`` matches small
  letters), ``{,n}`` becomes ``{0,n}``. An expression with anything else the translation
  does not know (a back-reference, a Unicode name, a flag of the ``regex`` module's own) is
  not filtered: it always runs. Any other text runs every expression.
- An expression too long for Hyperscan to compile in good time (the URL recognizer's
  alternations of every top-level domain, the lists of job titles, sums in words) may come
  with a *trigger*: a short expression that matches wherever it does (a recognizer's
  ``triggers``, by pattern name: ``"retired"``, ``"former"`` or ``"ex-"`` for a title once
  held). The prefilter scans for the trigger instead: where it cannot match, neither can the
  expression.
- An expression Hyperscan refuses to compile (too large for it) is in no database, and runs
  on every text (``_Build.unheld``).
- A recognizer of deid's own that runs an expression over the whole text lists it in its
  ``expressions`` (``Gated``): the prefilter holds it, and where it rules it out the
  recognizer's ``finditer(text)`` finds nothing, as Presidio's patterns do. A trigger helps
  where the prefilter alone cannot: an expression of words before or after a lookaround
  ("by trade", "postcode", "age:") would otherwise let nearly every text through.
- tests/detect/test_prefilter.py runs every recognizer with and without the prefilter over
  every text of the evaluation sets and the fixtures and over generated texts.

The databases are built beside start-up, in a child process (``_Build``; about two seconds
of CPU), so start-up does not wait for them: an expression none of the databases built so
far holds runs, which gives the same answers, only slower.
They are built in order of what each expression costs Python to compile (the longest
first: the lists of job titles, 17,000 characters, take up to half a second each), so
that the warm-up (``run.process.WARM_UP``) and the first records, which meet the build
half done, compile those only when their text can match them.
"""

from __future__ import annotations

import atexit
import json
import os
import re
import select
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Iterable

try:  # wheels exist for Linux x86-64, macOS and Windows; elsewhere every expression runs
    import hyperscan
except ImportError:  # pragma: no cover - the platforms CI runs on have it
    hyperscan = None

SAFE = re.compile(r"[\t\n\r\x20-\x7e]*\Z")
GROUP = 8  # expressions per database: several small ones compile faster than one large one
# Longer expressions (the URL recognizer's alternations of every top-level domain, the lists of
# occupations) take Hyperscan up to a second each to compile and always run instead.
LONGEST = 3000
_NEVER = r"\xff"  # a byte no ``SAFE`` text holds
_ESCAPES_KEPT = set("dDwWsSbBAZtnrfv") | set("\\.^$|?*+()[]{}/-'\"#&~ ,:;<>=!@%_`")
_LETTERS = {"L": "A-Za-z", "Lu": "A-Za-z", "Ll": "A-Za-z", "Lt": "A-Za-z"}
_FLAGS_KNOWN = set("ims-")


def for_hyperscan(source: str) -> str | None:
    """``source`` (Python ``regex`` syntax) as a Hyperscan expression that matches, in any
    ``SAFE`` text, at least what ``source`` matches; ``None`` when it holds anything this
    translation does not know."""
    out: list[str] = []
    i, n, in_class = 0, len(source), False
    while i < n:
        c = source[i]
        if c == "\\":
            if i + 1 >= n:
                return None
            e = source[i + 1]
            if e in "uUx":
                width = {"u": 4, "U": 8}.get(e)
                if width is None and source[i + 2:i + 3] == "{":
                    close = source.find("}", i + 3)
                    digits, i = source[i + 3:close], close + 1
                else:
                    width = width or 2
                    digits, i = source[i + 2:i + 2 + width], i + 2 + width
                if not digits or any(d not in "0123456789abcdefABCDEF" for d in digits):
                    return None
                code = int(digits, 16)
                out.append(f"\\x{{{code:x}}}" if code < 0x80 else _NEVER)
                continue
            if e in "pP":
                close = source.find("}", i + 3)
                name = source[i + 3:close] if source[i + 2:i + 3] == "{" and close > 0 else None
                if e == "P" or name not in _LETTERS:
                    return None
                out.append(_LETTERS[name] if in_class else f"[{_LETTERS[name]}]")
                i = close + 1
                continue
            if e not in _ESCAPES_KEPT:
                return None  # a back-reference, \N{...}, \G, \K, \m, \X ...: not translated
            out.append(source[i:i + 2])
            i += 2
            continue
        if ord(c) > 0x7e:
            out.append(_NEVER)
        elif in_class:
            if c == "[" and source[i + 1:i + 2] == ":":
                close = source.find(":]", i + 2)
                if close < 0:
                    return None
                out.append(source[i:close + 2])
                i = close + 2
                continue
            if c == "]":
                in_class = False
            out.append(c)
        elif c == "[":
            in_class = True
            out.append(c)
            i += 1
            if source[i:i + 1] == "^":
                out.append("^")
                i += 1
            if source[i:i + 1] == "]":  # a leading "]" is a member
                out.append("\\]")
                i += 1
            continue
        elif c == "{" and source[i + 1:i + 2] == ",":
            out.append("{0")  # Python's "{,n}" is "{0,n}"; PCRE would read it as text
        elif c == "{" and source[i + 1:i + 2].isalpha():
            return None  # the regex module's fuzzy matching, "{e<=1}"
        elif c == "(" and source[i + 1:i + 2] == "?":
            rest = source[i + 2:i + 40]
            group = rest[:2] == "P<" or rest[:1] in (":", "=", "!", "#", ">") or rest[:2] in ("<=", "<!") \
                or (rest[:1] == "<" and rest[1:2].isalpha())
            if not group:  # inline flags: only i, m, s; not (?x), (?a), (?V1), (?P=a), (?1), (?&a), (?|
                m = re.match(r"([A-Za-z0-9\-]*)[:)]", rest)
                if not m or not set(m.group(1)) <= _FLAGS_KNOWN:
                    return None
            out.append(c)
        else:
            out.append(c)
        i += 1
    return "".join(out)


def _hs_flags(python_flags: int) -> int:
    import regex

    flags = hyperscan.HS_FLAG_PREFILTER | hyperscan.HS_FLAG_SINGLEMATCH | hyperscan.HS_FLAG_ALLOWEMPTY
    if python_flags & regex.IGNORECASE:
        flags |= hyperscan.HS_FLAG_CASELESS
    if python_flags & regex.MULTILINE:
        flags |= hyperscan.HS_FLAG_MULTILINE
    if python_flags & regex.DOTALL:
        flags |= hyperscan.HS_FLAG_DOTALL
    return flags


def _plain_flags(python_flags: int | None) -> bool:
    """Only IGNORECASE, MULTILINE and DOTALL (and the defaults ``regex`` adds)."""
    import regex

    if python_flags is None:
        return False
    known = regex.IGNORECASE | regex.MULTILINE | regex.DOTALL | regex.UNICODE | regex.VERSION0
    return not python_flags & ~known


class _Look(threading.local):
    text: str | None = None
    skip: frozenset[int] = frozenset()  # ids of Pattern objects that cannot match ``text``


_LOOK = _Look()


class Gate:
    """Stands in a Presidio ``Pattern``'s ``compiled_regex``: its ``finditer`` finds nothing
    in the text being looked at when the prefilter ruled the expression out, and is the
    compiled expression's own otherwise (for any other text, or any caller). The expression
    is compiled the first time it has to run: one the prefilter always rules out costs nothing."""

    def __init__(self, source: str, flags: int, pattern_id: int, compiled=None):
        self.source, self.flags, self.pattern_id, self._compiled = source, flags, pattern_id, compiled

    @property
    def compiled(self):
        if self._compiled is None:
            import regex

            self._compiled = regex.compile(self.source, flags=self.flags)
        return self._compiled

    def finditer(self, text, *args, **kwargs):
        if text is _LOOK.text and self.pattern_id in _LOOK.skip:
            return iter(())
        return self.compiled.finditer(text, *args, **kwargs)

    def __getattr__(self, name):
        if name.startswith("_"):  # not yet set (a copy being made): never the expression's
            raise AttributeError(name)
        return getattr(self.compiled, name)


class Gated(Gate):
    """A recognizer's own compiled expression (one it runs over the whole text with
    ``finditer``), gated like a Presidio ``Pattern``: the prefilter holds it when the
    recognizer lists it in its ``expressions``, and its ``finditer(text)`` finds nothing in
    the text being looked at when the prefilter ruled it out. Any other call is the
    expression's own (a start or end position changes what ``^``, ``$`` and lookarounds see)."""

    def __init__(self, compiled, name: str = "", trigger: str | None = None):
        super().__init__(compiled.pattern, compiled.flags, id(self), compiled)
        self.name, self.trigger = name, trigger

    @property
    def regex(self) -> str:  # as a Presidio ``Pattern`` names it
        return self.source

    @property
    def compiled_regex(self):
        return self

    def finditer(self, text, *args, **kwargs):
        if args or kwargs:
            return self.compiled.finditer(text, *args, **kwargs)
        return super().finditer(text)


def gated(compiled, name: str = "", trigger: str | None = None) -> Gated:
    """``compiled`` (a ``regex`` or ``re`` pattern) gated by the prefilter of every scanner whose
    recognizers list it in their ``expressions``; by ``trigger``, when given, an expression (with
    the same flags) that matches wherever ``compiled`` does."""
    return Gated(compiled, name, trigger)


class Prefilter:
    """The expressions of ``recognizers`` (each ``PatternRecognizer``'s ``patterns``) in
    Hyperscan databases; ``looking_at(text)`` marks, for the recognizers run on ``text``
    inside it, which expressions cannot match. Scanners with the same expressions (one per
    ``deid verify`` or ``deid check`` folder, and the detector's) share one build."""

    def __init__(self, recognizers: Iterable, wait: bool = False):
        recognizers = list(recognizers)
        self.patterns: list = []    # Presidio Pattern objects, by expression number
        expressions: list[tuple[bytes, int]] = []
        held: set[int] = set()  # the ids of the recognizers' own expressions held (two may share one)
        for rec in recognizers:
            flags = getattr(rec, "global_regex_flags", None)
            triggers = getattr(rec, "triggers", None) or {}
            for pattern in getattr(rec, "patterns", None) or ():
                plain = hyperscan is not None and _plain_flags(flags)
                # a trigger, what must occur wherever the pattern matches, stands for it when given
                source = for_hyperscan(triggers.get(pattern.name, pattern.regex)) if plain else None
                if source is None or len(source) > LONGEST:
                    continue
                compiled = pattern.compiled_regex
                if not isinstance(compiled, Gate):  # a Pattern shared by two scanners is wrapped once
                    ready = compiled if compiled is not None and pattern.compiled_with_flags == flags else None
                    compiled = Gate(pattern.regex, flags, id(pattern), ready)
                # Presidio compiles a pattern again only when the flags it is asked with differ
                pattern.compiled_regex, pattern.compiled_with_flags = compiled, flags
                self.patterns.append(pattern)
                expressions.append((source.encode("ascii"), _hs_flags(flags)))
            # a recognizer's own expressions (``Gated``), which it runs over the whole text
            for expression in getattr(rec, "expressions", None) or ():
                source = for_hyperscan(expression.trigger or expression.source) \
                    if hyperscan and _plain_flags(expression.flags) else None
                if source is None or len(source) > LONGEST or id(expression) in held:
                    continue
                held.add(id(expression))
                self.patterns.append(expression)
                expressions.append((source.encode("ascii"), _hs_flags(expression.flags)))
        # recognizers that find nothing but their patterns' matches, every pattern gated: when the
        # prefilter rules out all of them, the recognizer is not asked at all (``_Looking.rules_out``)
        gated = {id(p) for p in self.patterns}
        self.wholly: dict[int, frozenset[int]] = {}
        for rec in recognizers:
            ids = frozenset(id(p) for p in getattr(rec, "patterns", None) or ())
            if ids and ids <= gated and only_patterns(rec):
                self.wholly[id(rec)] = ids
        ids = tuple(id(p) for p in self.patterns)
        # what ``_Looking`` rules out is every expression but those that can match: when each
        # expression is held once, the set of them all less those (else, one by one)
        self._ids, self._all = ids, (frozenset(ids) if len(set(ids)) == len(ids) else None)
        self.enabled = True
        # the costliest for Python to compile first (``_Build``), by the length of the expression
        order = tuple(sorted(range(len(self.patterns)), key=lambda n: -len(self.patterns[n].regex)))
        self._build = _build_for(tuple(expressions), order) if hyperscan and expressions else None
        if wait:
            self.ready()

    @property
    def databases(self) -> list | None:
        """The built databases with the expression numbers each holds; ``None`` until built."""
        return self._build.databases if self._build is not None and self.enabled else None

    def ready(self, timeout: float | None = None) -> bool:
        if self._build is not None:
            self._build.wait(timeout)
        return self.databases is not None

    def can_match(self, text: str) -> set[int] | None:
        """Numbers of the expressions that can match ``text``, with every expression no database
        built so far holds; ``None`` when the prefilter cannot tell (no database built yet, or
        ``text`` is not ``SAFE``): then every expression runs."""
        if self._build is None or not self.enabled:
            return None
        if self._build.databases is None:
            self._build.take()  # what the child process has built since
        databases = self._build.databases
        # an expression Hyperscan refused (too large: "(a|b){1,100000}") is in no database: it always runs
        pending: set[int] = set(self._build.unheld)
        if databases is None:  # still building: the databases built so far, and what they do not hold
            databases = list(self._build.built)
            pending = set(range(len(self.patterns))).difference(*(numbers for _, numbers in databases))
        if not databases or not SAFE.match(text):
            return None
        hits: set[int] = pending
        data = text.encode("ascii")
        with self._build.lock:  # a database's scratch space is for one scan at a time
            for db, _ in databases:
                db.scan(data, match_event_handler=_note, context=hits)
        return hits

    def ruled_out(self, hits: set[int]) -> frozenset[int]:
        """The ids of the expressions whose numbers are not in ``hits`` (``can_match``)."""
        ids = self._ids
        if self._all is None:
            return frozenset(i for n, i in enumerate(ids) if n not in hits)
        return self._all.difference([ids[n] for n in hits])

    def looking_at(self, text: str) -> "_Looking":
        return _Looking(self, text)


def only_patterns(recognizer) -> bool:
    """Whether ``recognizer`` finds nothing but what its patterns match: a Presidio
    ``PatternRecognizer`` whose every ``analyze`` below Presidio's own keeps only results
    of the one it overrides (its class says so: ``only_pattern_results = True``). Presidio's
    ``analyze`` finds nothing when no pattern matches; neither, then, do these."""
    from presidio_analyzer import PatternRecognizer

    if not isinstance(recognizer, PatternRecognizer):
        return False
    for cls in type(recognizer).__mro__:
        if cls is PatternRecognizer:
            return True
        if "analyze" in vars(cls) and not vars(cls).get("only_pattern_results", False):
            return False
    return False


class _Build:
    """Hyperscan databases for a tuple of (expression, flags), ``GROUP`` expressions at a time
    in the ``order`` given: each database is in ``built`` as soon as it is compiled, and all of
    them in ``databases`` when the last one is.

    They are compiled in a child process (``_serve``: a fresh interpreter that imports
    Hyperscan alone), which writes each database, serialized, into an unnamed temporary file and
    says so on its standard output; this process loads each one when it next looks
    (``take``, from ``can_match``), without a thread of its own. A process that has never started
    a thread runs spaCy's model about a fifth faster (the C library's memory allocator skips its
    locks while a process has one thread), so the build stays out of it. Where the child cannot
    be started, or ends before the last database, a background thread compiles what is missing
    (Hyperscan lets go of the interpreter while it compiles); the answers are the same either
    way, since an expression no database built so far holds runs."""

    def __init__(self, expressions: tuple[tuple[bytes, int], ...], order: tuple[int, ...] | None = None):
        self.databases: list[tuple[object, list[int]]] | None = None
        self.unheld: frozenset[int] = frozenset()  # when all are built: the expressions no database holds
        self.built: list[tuple[object, list[int]]] = []  # appended to (one step) by one builder
        self.lock = threading.Lock()
        self.expressions = expressions
        self.order = tuple(range(len(expressions))) if order is None else order
        self.thread: threading.Thread | None = None
        self._reading = threading.Lock()  # one reader of the child's notices at a time
        self._child = self._file = None
        try:
            self._start_child()
        except (OSError, ValueError):  # no interpreter to start, no temporary file: a thread instead
            if self._file is not None:
                self._file.close()
            self._child = None
            self._start_thread()

    # -- in a child process ------------------------------------------------------------------

    def _start_child(self) -> None:
        if os.name != "posix":
            raise OSError("no pass_fds")
        self._file = tempfile.TemporaryFile()
        request = json.dumps({"expressions": [[e.decode("ascii"), f] for e, f in self.expressions],
                              "order": list(self.order)}).encode("ascii")
        self._file.write(request)
        self._file.flush()
        fd = self._file.fileno()
        home = str(Path(__file__).resolve().parents[2])  # where this ``deid`` is imported from
        code = f"import sys; sys.path.insert(0, {home!r}); from deid.detect.prefilter import _serve; " \
               f"_serve({fd}, {len(request)})"
        self._child = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.DEVNULL,
                                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, pass_fds=(fd,))
        os.set_blocking(self._child.stdout.fileno(), False)
        self._pending = b""
        atexit.register(self._stop)

    def _stop(self) -> None:
        """At exit, a child still building is of no more use."""
        if self._child is not None:
            self._child.kill()

    def take(self, wait: float | None = 0.0) -> None:
        """Load the databases the child has written since the last look; with ``wait``, wait up
        to that many seconds (``None``: for ever) for the last one."""
        if self._child is None or not self._reading.acquire(blocking=False):
            return
        try:
            end = None if wait is None else time.monotonic() + wait
            while self._child is not None:
                try:
                    data = os.read(self._child.stdout.fileno(), 65536)
                except BlockingIOError:
                    left = None if end is None else end - time.monotonic()
                    if left is not None and left <= 0:
                        return
                    select.select([self._child.stdout], [], [], left)
                    continue
                if not data:  # the child ended before saying the last database was written
                    self._child_done(finished=False)
                    return
                self._pending += data
                *lines, self._pending = self._pending.split(b"\n")
                for line in lines:
                    if not self._note(line):
                        return
        finally:
            self._reading.release()

    def _note(self, line: bytes) -> bool:
        if line == b"end":
            self._done()
            self._child_done(finished=True)
            return False
        try:
            numbers, offset, length = line.split(b" ")
            blob = os.pread(self._file.fileno(), int(length), int(offset))
            db = hyperscan.loadb(blob, hyperscan.HS_MODE_BLOCK)
            db.scratch = hyperscan.Scratch(db)
        except Exception:  # noqa: BLE001 - what the child wrote will not load: build here instead
            self._child_done(finished=False)
            return False
        self.built.append((db, [int(n) for n in numbers.split(b",")]))
        return True

    def _child_done(self, finished: bool) -> None:
        child, self._child = self._child, None
        if not finished:
            child.kill()
        child.wait()
        child.stdout.close()
        self._file.close()
        if not finished:
            self._start_thread()

    # -- in a background thread ----------------------------------------------------------------

    def _start_thread(self) -> None:
        self.thread = threading.Thread(target=self._compile, args=(self.expressions, self.order), daemon=True,
                                       name="deid-prefilter")
        self.thread.start()

    def _compile(self, expressions, order) -> None:
        done = {n for _, numbers in self.built for n in numbers}
        for db, numbers in _compiled(expressions, order, done):
            self.built.append((db, numbers))
        self._done()

    def _done(self) -> None:
        """Every database is built: those that Hyperscan refused are in none of them."""
        built = list(self.built)
        self.unheld = frozenset(range(len(self.expressions))).difference(*(numbers for _, numbers in built))
        self.databases = built

    def wait(self, timeout: float | None = None) -> None:
        """Until every database is built, or ``timeout`` seconds."""
        end = None if timeout is None else time.monotonic() + timeout
        self.take(wait=timeout)
        if self.thread is not None:
            self.thread.join(None if end is None else max(0.0, end - time.monotonic()))


def _compiled(expressions, order, done=frozenset()):
    """(database, expression numbers) for each ``GROUP`` of ``order`` (less the numbers in ``done``),
    in that order; one expression Hyperscan refuses spoils its group: the others alone."""
    numbers = [n for n in order if n not in done]
    for k in range(0, len(numbers), GROUP):
        group = numbers[k:k + GROUP]
        db = _database([expressions[i] for i in group], group)
        if db is None:
            for i in group:
                one = _database([expressions[i]], [i])
                if one is not None:
                    yield one, [i]
        else:
            yield db, group


def _serve(fd: int, size: int) -> None:
    """The child process of ``_Build``: reads the expressions and their order from the start of
    the file ``fd``, and writes each database after them, serialized, saying on its standard
    output where ("numbers offset length"), then "end"."""
    request = json.loads(os.pread(fd, size, 0))
    expressions = tuple((e.encode("ascii"), f) for e, f in request["expressions"])
    offset = size
    for db, numbers in _compiled(expressions, tuple(request["order"])):
        blob = hyperscan.dumpb(db)
        os.pwrite(fd, blob, offset)
        sys.stdout.write(f"{','.join(map(str, numbers))} {offset} {len(blob)}\n")
        sys.stdout.flush()
        offset += len(blob)
    sys.stdout.write("end\n")
    sys.stdout.flush()


_BUILDS: dict[tuple, _Build] = {}
_BUILDS_LOCK = threading.Lock()


def _build_for(expressions: tuple, order: tuple[int, ...] | None = None) -> _Build:
    with _BUILDS_LOCK:
        if expressions not in _BUILDS:
            _BUILDS[expressions] = _Build(expressions, order)
        return _BUILDS[expressions]


def _note(number, start, end, flags, hits):
    hits.add(number)


def _database(expressions: list[tuple[bytes, int]], numbers: list[int]):
    db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
    try:
        db.compile(expressions=[e for e, _ in expressions], ids=numbers, elements=len(expressions),
                   flags=[f for _, f in expressions])
    except hyperscan.error:
        return None
    return db


class _Looking:
    def __init__(self, prefilter: Prefilter, text: str):
        self.prefilter, self.text = prefilter, text
        self.skip: frozenset[int] | None = None

    def __enter__(self):
        hits = self.prefilter.can_match(self.text)
        self.saved = (_LOOK.text, _LOOK.skip)
        if hits is None:
            _LOOK.text, _LOOK.skip = None, frozenset()
        else:
            _LOOK.text = self.text
            _LOOK.skip = self.skip = self.prefilter.ruled_out(hits)
        return self

    def rules_out(self, recognizer) -> bool:
        """Whether ``recognizer`` can find nothing in the text: it finds only its patterns'
        matches (``only_patterns``) and the prefilter ruled out every one of them."""
        ids = self.prefilter.wholly.get(id(recognizer))
        return ids is not None and self.skip is not None and ids <= self.skip

    def __exit__(self, *exc):
        _LOOK.text, _LOOK.skip = self.saved
