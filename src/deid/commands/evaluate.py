"""``deid eval``: measure detection on annotated text.

Gold data is JSONL: ``{"id", "text", "spans": [{"start", "end", "label"}]}``.
The whole file runs as one batch through the same two passes as ``deid run``
(plan every record, settle the batch's stand-ins, finish every record), so
what is measured is what ``deid run`` would publish, batch-wide spreading
included; what counts as removed is every span whose text the transform
changed. Matching ignores the type: for de-identification it matters that an
identifier is gone, not what it was called.

A span with ``"keep": true`` marks words that must survive (medical terms); a
span whose ``"identifier"`` is ``NO_MASK`` may stay. Spans with an ``"identifier"``
verdict (TAB's ``DIRECT``, ``QUASI``, ``NO_MASK``) are also scored by verdict and label:
the share of DIRECT and of QUASI spans masked (every word of the span changed but a title
such as "Mr", which deid keeps), and the share of NO_MASK words kept. Neither counts as an
identifier; keep spans are scored on their own: the share whose every word
survives, per label, and the terms most often lost.

The report's "missed", "over-redacted" and "lost" strings quote the evaluation data;
they are printed for the local developer and never written anywhere else.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from deid.core.errors import UsageError
from deid.core.model import Field, Outcome, Record
from itertools import islice
from deid.core.keys import load_key
from deid.policy.rules import load_rules
from deid.run.pipeline import process_batch

# Gold labels that are not identifiers in the sense of this tool.
NOT_IDENTIFIERS = frozenset({"TITLE", "NRP", "product", "creative-work"})
PERSON_LABELS = frozenset({"PERSON", "person"})
# A gold name may include its title ("Dr. Jennifer Holst"); the title is not
# part of the name that must go.
HONORIFICS = frozenset("dr mr mrs ms mx miss prof rev sir madam".split())  # words of a gold name that may stay
_WORD = re.compile(r"\w+(?:['\u2019]\w+)*")
TEXT = "/text"  # the field of a JSONL line {"id", "text"}, as the JSONL reader names it


@dataclass
class Gold:
    id: str
    text: str
    spans: list[tuple[int, int, str]]                                 # identifiers to remove
    keep: list[tuple[int, int, str]] = field(default_factory=list)    # medical terms that must survive
    neutral: list[tuple[int, int, str]] = field(default_factory=list)  # may stay or go (NO_MASK)
    verdicts: list[tuple[int, int, str, str]] = field(default_factory=list)  # (start, end, label, DIRECT|QUASI|NO_MASK)


VERDICTS = ("DIRECT", "QUASI", "NO_MASK")


@dataclass
class VerdictStats:
    gold: int = 0
    masked: int = 0       # spans with every word changed (DIRECT, QUASI)
    words: int = 0
    words_kept: int = 0   # words left as they were (NO_MASK)


@dataclass
class LabelStats:
    gold: int = 0
    exact: int = 0
    overlap: int = 0


@dataclass
class KeepStats:
    gold: int = 0
    kept: int = 0   # spans with every word surviving


@dataclass
class EvalReport:
    texts: int = 0
    held_back: int = 0
    labels: dict[str, LabelStats] = field(default_factory=lambda: defaultdict(LabelStats))
    predicted: Counter = field(default_factory=Counter)
    predicted_exact: Counter = field(default_factory=Counter)
    predicted_overlap: Counter = field(default_factory=Counter)
    person_names: int = 0
    person_names_gone: int = 0
    id_chars: int = 0
    id_chars_covered: int = 0
    outside_words: int = 0
    outside_words_kept: int = 0
    missed: Counter = field(default_factory=Counter)
    over_redacted: Counter = field(default_factory=Counter)
    keep_labels: dict[str, KeepStats] = field(default_factory=lambda: defaultdict(KeepStats))
    lost_terms: Counter = field(default_factory=Counter)
    no_one: int = 0           # records that name no one (no identifier span)
    no_one_changed: int = 0   # ... and that deid changed all the same
    verdicts: dict[str, dict[str, VerdictStats]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(VerdictStats)))

    def as_dict(self) -> dict:
        return {
            "texts": self.texts,
            "held_back": self.held_back,
            "person_name_recall": _ratio(self.person_names_gone, self.person_names),
            "redaction_recall": _ratio(self.id_chars_covered, self.id_chars),
            "words_kept": _ratio(self.outside_words_kept, self.outside_words),
            "keep_spans_kept": _ratio(sum(v.kept for v in self.keep_labels.values()),
                                     sum(v.gold for v in self.keep_labels.values())),
            "keep_labels": {k: {"gold": v.gold, "kept": _ratio(v.kept, v.gold)} for k, v in sorted(self.keep_labels.items())},
            "records_naming_no_one": self.no_one,
            "changed_naming_no_one": _ratio(self.no_one_changed, self.no_one),
            "labels": {
                k: {"gold": v.gold, "recall_exact": _ratio(v.exact, v.gold), "recall_overlap": _ratio(v.overlap, v.gold)}
                for k, v in sorted(self.labels.items())
            },
            "predicted": {
                k: {"count": n, "precision_exact": _ratio(self.predicted_exact[k], n),
                    "precision_overlap": _ratio(self.predicted_overlap[k], n)}
                for k, n in sorted(self.predicted.items())
            },
            "identifiers": {v: self._verdict(v) for v in VERDICTS if v in self.verdicts},
        }

    def no_mask_and_unannotated_kept(self) -> float | None:
        """TAB's third figure: words that may stay (NO_MASK spans and words in no span) kept."""
        spans = self.verdicts.get("NO_MASK", {}).values()
        words = sum(s.words for s in spans) + self.outside_words
        return _ratio(sum(s.words_kept for s in spans) + self.outside_words_kept, words)

    def _verdict(self, verdict: str) -> dict:
        def one(s: VerdictStats) -> dict:
            if verdict == "NO_MASK":
                return {"gold": s.gold, "words": s.words, "words_kept": _ratio(s.words_kept, s.words)}
            return {"gold": s.gold, "masked": _ratio(s.masked, s.gold)}

        labels = self.verdicts[verdict]
        total = VerdictStats(*(sum(getattr(s, f) for s in labels.values()) for f in ("gold", "masked", "words", "words_kept")))
        extra = {"with_unannotated_words_kept": self.no_mask_and_unannotated_kept()} if verdict == "NO_MASK" else {}
        return {**one(total), **extra, "labels": {k: one(s) for k, s in sorted(labels.items())}}


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def load_gold(path: Path) -> Iterable[Gold]:
    try:
        fh = open(path, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"{path}: cannot be read ({exc.strerror})") from None
    with fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                text = obj["text"]
                kinds: dict[str, list] = {"spans": [], "keep": [], "neutral": [], "verdicts": []}
                for s in obj.get("spans", []):
                    kind = "keep" if s.get("keep") is True else "neutral" if s.get("identifier") == "NO_MASK" else "spans"
                    kinds[kind].append((int(s["start"]), int(s["end"]), str(s["label"])))
                    if "identifier" in s:
                        if s["identifier"] not in VERDICTS:
                            raise UsageError(f"{path}:{lineno}: span {len(kinds['verdicts']) + 1}: \"identifier\" must be "
                                             "DIRECT, QUASI or NO_MASK")
                        kinds["verdicts"].append((int(s["start"]), int(s["end"]), str(s["label"]), s["identifier"]))
            except (ValueError, KeyError, TypeError, AttributeError):
                raise UsageError(f"{path}:{lineno}: expected {{\"id\", \"text\", \"spans\": [{{\"start\", \"end\", \"label\"}}]}}") from None
            if not isinstance(text, str) or any(not 0 <= s[0] < s[1] <= len(text) for k in kinds.values() for s in k):
                raise UsageError(f"{path}:{lineno}: a span lies outside the text")
            yield Gold(str(obj.get("id", lineno)), text, **kinds)


def records(golds: list[Gold], source: str) -> list[Record]:
    """One record a text, as ``deid run`` reads a JSONL file ``source`` of
    ``{"id", "text"}`` lines."""
    return [Record(source, n, n + 1, g.id, (Field(TEXT, g.text),)) for n, g in enumerate(golds)]


def evaluate(golds: list[Gold], outcomes: Iterable[Outcome]) -> EvalReport:
    """Score ``outcomes`` (of ``records(golds)``, in order) against the gold."""
    rep = EvalReport()
    for g, outcome in zip(golds, outcomes, strict=True):
        rep.texts += 1
        if not g.spans:
            rep.no_one += 1
            rep.no_one_changed += outcome.held_back is not None or outcome.texts.get(TEXT, g.text) != g.text
        if outcome.held_back:
            rep.held_back += 1
            removed = [(0, len(g.text), "HELD_BACK")]
        else:
            removed = [(r.decision.finding.start, r.decision.finding.end, r.decision.finding.entity)
                       for r in outcome.redactions if r.changed]
        _score(rep, g, removed)
    return rep


def _score(rep: EvalReport, g: Gold, removed: list[tuple[int, int, str]]) -> None:
    covered = bytearray(len(g.text))
    for a, b, _ in removed:
        covered[a:b] = b"\x01" * (b - a)
    gold_any = bytearray(len(g.text))
    for a, b, label in g.keep + g.neutral:
        gold_any[a:b] = b"\x01" * (b - a)
    for a, b, label in g.keep:
        st = rep.keep_labels[label]
        st.gold += 1
        kept = not any(covered[a:b])
        st.kept += kept
        if not kept:
            rep.lost_terms[g.text[a:b]] += 1
    for a, b, label in g.spans:
        gold_any[a:b] = b"\x01" * (b - a)
        st = rep.labels[label]
        st.gold += 1
        st.exact += any(a == x and b == y for x, y, _ in removed)
        hit = any(x < b and a < y for x, y, _ in removed)
        st.overlap += hit
        if label in NOT_IDENTIFIERS:
            continue
        rep.id_chars += sum(1 for i in range(a, b) if not g.text[i].isspace())
        rep.id_chars_covered += sum(1 for i in range(a, b) if covered[i] and not g.text[i].isspace())
        words = [w for w in _WORD.finditer(g.text, a, b) if w.group(0).lower() not in HONORIFICS]
        gone = all(any(covered[i] for i in range(w.start(), w.end())) for w in words)
        if label in PERSON_LABELS:
            rep.person_names += 1
            rep.person_names_gone += gone
        if not gone:
            rep.missed[(label, g.text[a:b])] += 1
    for a, b, label, verdict in g.verdicts:
        st = rep.verdicts[verdict][label]
        st.gold += 1
        words = [w for w in _WORD.finditer(g.text, a, b) if w.group(0).lower() not in HONORIFICS]  # "Mr" may stay
        changed = [any(covered[w.start():w.end()]) for w in words]
        st.masked += all(changed) if words else any(covered[a:b])
        st.words += len(words)
        st.words_kept += changed.count(False)
    for x, y, entity in removed:
        rep.predicted[entity] += 1
        rep.predicted_exact[entity] += any(a == x and b == y for a, b, _ in g.spans)
        rep.predicted_overlap[entity] += any(a < y and x < b for a, b, _ in g.spans)
    for w in _WORD.finditer(g.text):
        if any(gold_any[w.start():w.end()]):
            continue
        rep.outside_words += 1
        if any(covered[w.start():w.end()]):
            rep.over_redacted[w.group(0)] += 1
        else:
            rep.outside_words_kept += 1


def render(rep: EvalReport, top: int = 15) -> str:
    d = rep.as_dict()
    pct = lambda v: "   -  " if v is None else f"{v:6.3f}"  # noqa: E731
    out = [
        f"texts: {d['texts']}  held back: {d['held_back']}",
        f"person-name recall (every word of the name removed): {pct(d['person_name_recall'])}",
        f"redaction recall (identifier characters removed):     {pct(d['redaction_recall'])}",
        f"words outside gold spans kept:                        {pct(d['words_kept'])}",
        f"keep spans (medical terms) with every word kept:      {pct(d['keep_spans_kept'])}",
        f"texts naming no one that were changed:                {pct(d['changed_naming_no_one'])}"
        f"  (of {d['records_naming_no_one']})",
        "",
        f"{'gold label':<22}{'count':>7}{'recall exact':>14}{'recall overlap':>16}",
    ]
    for k, v in d["labels"].items():
        note = "  (not an identifier)" if k in NOT_IDENTIFIERS else ""
        out.append(f"{k:<22}{v['gold']:>7}{pct(v['recall_exact']):>14}{pct(v['recall_overlap']):>16}{note}")
    out += ["", f"{'removed as':<22}{'count':>7}{'prec. exact':>14}{'prec. overlap':>16}"]
    for k, v in d["predicted"].items():
        out.append(f"{k:<22}{v['count']:>7}{pct(v['precision_exact']):>14}{pct(v['precision_overlap']):>16}")
    for verdict, v in d["identifiers"].items():
        what = "words kept" if verdict == "NO_MASK" else "masked"
        out += ["", f"{verdict + ' (identifier verdict)':<30}{'count':>7}{what:>14}",
                f"{'all':<30}{v['gold']:>7}{pct(v.get('words_kept', v.get('masked'))):>14}"]
        out += [f"  {k:<28}{s['gold']:>7}{pct(s.get('words_kept', s.get('masked'))):>14}" for k, s in v["labels"].items()]
        if verdict == "NO_MASK":
            out.append(f"{'with the words in no span':<30}{'':>7}{pct(v['with_unannotated_words_kept']):>14}")
    if d["keep_labels"]:
        out += ["", f"{'keep label':<22}{'count':>7}{'kept':>14}"]
        out += [f"{k:<22}{v['gold']:>7}{pct(v['kept']):>14}" for k, v in d["keep_labels"].items()]
    out += ["", "top missed identifiers (local report only):"]
    out += [f"  {n:>4}  {label}: {text!r}" for (label, text), n in rep.missed.most_common(top)]
    out += ["", "top over-redacted words:"]
    out += [f"  {n:>4}  {w!r}" for w, n in rep.over_redacted.most_common(top)]
    if rep.lost_terms:
        out += ["", "top lost keep terms (local report only):"]
        out += [f"  {n:>4}  {t!r}" for t, n in rep.lost_terms.most_common(top)]
    return "\n".join(out) + "\n"


HALVES = ("a", "b")


def half_of(gold_id: str) -> str:
    """The half of a dev set a text belongs to: by a hash of its id, so a text stays in its
    half whatever the order or the size of the file (tune on one half, report both)."""
    return HALVES[hashlib.sha256(gold_id.encode("utf-8")).digest()[0] & 1]


def evaluate_file(gold: Path, rules_path: Path | None = None, limit: int | None = None,
                  workers: int | None = 1, half: str | None = None):
    """Run annotated data through both passes as one batch; see ``evaluate``. With
    ``half`` ("a" or "b"), only the texts of that half (``half_of``), as one batch."""
    rules = load_rules(rules_path)
    golds = list(islice(load_gold(gold), limit))
    if half is not None:
        golds = [g for g in golds if half_of(g.id) == half]
    return evaluate(golds, process_batch(records(golds, gold.name), rules, load_key(), workers=workers))
