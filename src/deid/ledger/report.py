"""The review report: one self-contained HTML file (no scripts, no fonts, no
network) showing what a run changed, where it was unsure, and what it held
back.

Built from the ledger and the published files, so by default it shows only
what is published and is safe to share. With ``originals`` (from the run
itself, ``--show-original``) each replacement has the original beside it;
that report is marked confidential at the top. Every piece of text is
escaped: a testimonial holding ``<script>`` shows it as text.
"""

from __future__ import annotations

import html
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from deid.ledger.audit import findings_of
from deid.ledger.published import Published, read_published
from deid.read.formats import format_for
from deid.read.opening import open_records
from deid.core.errors import UsageError

LOW = 0.6  # decisions scored below this are flagged for a look
_CSS = """
:root{--fg:#1d1d1f;--bg:#fff;--muted:#5b5b66;--line:#d7d7de;--mark:#fff1a8;--low:#ffd7d7;--bar:#3b6ea8}
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:60rem;margin:0 auto;padding:1rem}a{color:#174ea6}:focus{outline:3px solid #174ea6;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
.confidential{background:#8b0000;color:#fff;padding:1rem;font-weight:700;font-size:1.2rem;text-align:center}
.cards{display:flex;flex-wrap:wrap;gap:.75rem}.card{border:1px solid var(--line);border-radius:.5rem;padding:.75rem 1rem;min-width:8rem;flex:1}
.card b{display:block;font-size:1.6rem}.bars{list-style:none;padding:0}.bars li{display:flex;align-items:center;gap:.5rem;margin:.25rem 0}
.bars .name{flex:0 0 11rem;overflow-wrap:anywhere}.bars .bar{height:1rem;background:var(--bar);min-width:2px}
.record{border-top:1px solid var(--line);padding:.75rem 0}.record h3{font-size:1rem;margin:.25rem 0;overflow-wrap:anywhere}
.field{color:var(--muted);font-size:.85rem}.text{white-space:pre-wrap;overflow-wrap:anywhere;margin:.25rem 0 .75rem}
mark{background:var(--mark);border-radius:.2rem;padding:0 .1rem}mark.low{background:var(--low)}
.tag{font-size:.7rem;color:var(--muted);margin-left:.15rem}del.original{color:#8b0000}
.held li{margin:.25rem 0}.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
@media (max-width:40rem){.bars .name{flex-basis:7rem}main{padding:.5rem}}
"""


@dataclass
class RecordView:
    source: str
    line: int
    id: str
    status: str
    reason: str = ""
    risk: dict = field(default_factory=dict)  # level, types, shared_by (none held back, or before schema 6)
    fields: list[tuple[str, str, list[dict]]] = field(default_factory=list)  # path, text, findings
    low: bool = False


def build_report(folder: Path, key, originals: dict | None = None, title: str = "deid review report") -> str:
    """HTML for the run published in ``folder``. ``originals`` maps a ledger
    seq to {(field path, output start, output end): the original value} of
    each change (only from ``deid run``)."""

    notes: list[str] = []
    published = read_published(folder, key, notes)  # the one reader: chain, schema, seal and files checked
    if published is None:
        raise UsageError(notes[0] if notes else f"{folder}: no ledger; give a folder written by deid run")
    entries, key = published.entries, published.key  # the key as this ledger derived it
    summary = entries[-1] if entries and entries[-1].get("kind") == "summary" else {}
    records = [e for e in entries if e.get("kind") == "record"]
    texts = published_texts(published)
    views = []
    per_output: Counter = Counter()
    for e in records:
        view = RecordView(e["source"], e["line"], e["id"], e["status"], e.get("reason", ""), e.get("risk") or {})
        if e["status"] == "published":
            fields = texts.get((e["output"], per_output[e["output"]]), {})
            per_output[e["output"]] += 1
            for path, text in fields.items():
                mine = [f for f in findings_of(e, key) if f["field"] == path and f["changed"]]
                view.fields.append((path, text, mine))
            view.low = any(f["score"] < LOW for f in findings_of(e, key) if f["changed"])
        views.append(view)
    return _html(title, summary, views, records, originals, key, published.rules.risk, published.audit.statement())


def published_texts(published: Published) -> dict[tuple[str, int], dict[str, str]]:
    """(output path, record number) -> {field path: published text}, for the
    files the ledger sealed (an edited file's records show no text)."""
    out: dict[tuple[str, int], dict[str, str]] = {}
    folder = published.folder
    rules = published.rules  # the run's own, as verify and check read the folder
    for rel in (r for r, ok in published.trusted.items() if ok):
        path = folder.joinpath(*rel.split("/"))
        if format_for(path) is None or not path.exists():
            continue
        reader = open_records(path, rel, rules, published.reading).reader
        for i, record in enumerate(reader.records()):
            out[(rel, i)] = {f.path: f.text for f in record.fields}
    return out


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _html(title: str, summary: dict, views: list[RecordView], records: list[dict], originals: dict | None, key,
          policy, audit: str) -> str:
    by_type: Counter = Counter()
    scores: Counter = Counter()
    for e in records:
        for f in findings_of(e, key):
            if f["changed"]:
                by_type[f["type"]] += 1
                scores[min(9, int(f["score"] * 10))] += 1
    parts = ["<!doctype html>", '<html lang="en"><head><meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
             f"<title>{_esc(title)}</title><style>{_CSS}</style></head><body>",
             '<a class="skip" href="#records">Skip to the records</a>']
    if originals is not None:
        parts.append('<div class="confidential" role="alert">CONFIDENTIAL: this report shows the original '
                     "identifiers beside their replacements. Do not publish or share it.</div>")
    parts.append(f"<main><h1>{_esc(title)}</h1>")
    parts.append('<section aria-labelledby="s-summary"><h2 id="s-summary">Summary</h2><div class="cards">')
    for label, key in (("Records read", "records_in"), ("Published", "published"), ("Held back", "held_back"),
                       ("Held for review", "held_for_review"), ("Files", "files")):
        parts.append(f'<div class="card" data-count="{key}"><b>{int(summary.get(key, 0))}</b>{label}</div>')
    parts.append("</div>")
    parts.append(_bars("Identifiers changed, by type", "types", sorted(by_type.items(), key=lambda kv: (-kv[1], kv[0]))))
    parts.append(_bars("Scores of the changes", "scores",
                       [(f"{b / 10:.1f}–{(b + 1) / 10:.1f}", scores.get(b, 0)) for b in range(10)]))
    parts.append(f'<p id="audit"><b>Sampled audit:</b> {_esc(audit)}</p>')
    parts.append("</section>")
    parts.append(_to_review(views, policy))
    held = [v for v in views if v.status == "held_back"]
    parts.append(f'<section aria-labelledby="s-held" class="held"><h2 id="s-held">Held back ({len(held)})</h2>')
    parts.append("<ul>" + "".join(f"<li><b>{_esc(v.source)}:{v.line}</b> record {_esc(v.id)}: {_esc(v.reason)}</li>" for v in held) + "</ul>"
                 if held else "<p>Nothing was held back.</p>")
    parts.append("</section>")
    published = [v for v in views if v.status == "published"]
    published.sort(key=lambda v: (not (v.risk and policy.reaches(v.risk["level"], policy.review)), not v.low))  # at risk, then low confidence, first
    parts.append(f'<section id="records" aria-labelledby="s-records"><h2 id="s-records">Published records ({len(published)})</h2>')
    parts.append(f"<p>Records to review for their risk come first, then those with a change scored below {LOW}, "
                 "which are marked.</p>")
    seq_of = {(e["source"], e["line"], e["id"]): e["seq"] for e in records}
    for v in published:
        original = (originals or {}).get(seq_of.get((v.source, v.line, v.id)))
        parts.append(_record(v, original))
    parts.append("</section></main></body></html>\n")
    return "\n".join(parts)


_ORDER = {"high": 0, "medium": 1, "low": 2}


def _to_review(views: list[RecordView], policy) -> str:
    """The records whose re-identification risk the rules list for review, the highest
    first, with the kinds of detail that drove it (never their values)."""
    todo = [v for v in views if v.risk and policy.reaches(v.risk["level"], policy.review)]
    todo.sort(key=lambda v: (_ORDER.get(v.risk["level"], 3), v.risk.get("shared_by", 0)))
    out = [f'<section aria-labelledby="s-review" class="held"><h2 id="s-review">To review for re-identification '
           f"risk ({len(todo)})</h2>"]
    if not todo:
        return out[0] + "<p>No record's details single a person out in this batch.</p></section>"
    out.append(f"<p>Details that describe a person without naming them, shared by fewer than {policy.k} records "
               "of the batch. Held-back records are in the review folder beside the output.</p><ul>")
    for v in todo:
        where = "held back for review" if v.status == "held_for_review" else "published"
        out.append(f"<li><b>{_esc(v.source)}:{v.line}</b> record {_esc(v.id)} ({where}): risk "
                   f"<b>{_esc(v.risk['level'])}</b>: {_esc(', '.join(v.risk.get('types', [])))} shared by "
                   f"{int(v.risk.get('shared_by', 0))} record(s)</li>")
    return "".join(out) + "</ul></section>"


def _bars(title: str, kind: str, items: list[tuple[str, int]]) -> str:
    top = max([n for _, n in items] or [1]) or 1
    rows = "".join(
        f'<li data-{kind}="{_esc(name)}"><span class="name">{_esc(name)}</span>'
        f'<span class="bar" style="width:{max(0.2, 60 * n / top):.1f}%" aria-hidden="true"></span><span>{n}</span></li>'
        for name, n in items)
    return f'<h3>{_esc(title)}</h3><ul class="bars" aria-label="{_esc(title)}">{rows}</ul>'


def _record(v: RecordView, original: dict | None) -> str:
    flag = ' <span class="tag">(low confidence)</span>' if v.low else ""
    out = [f'<article class="record{" low" if v.low else ""}"><h3>{_esc(v.source)}:{v.line} · record {_esc(v.id)}{flag}</h3>']
    for path, text, findings in v.fields:
        if not findings:
            continue
        mine = None if original is None else {(a, b): v for (p, a, b), v in original.items() if p == path}
        out.append(f'<div class="field">{_esc(path or "(document)")}</div><p class="text">{marked(text, findings, mine)}</p>')
    if len(out) == 1:
        out.append('<p class="field">No changes.</p>')
    out.append("</article>")
    return "".join(out)


def marked(text: str, findings: list[dict], original: dict[tuple[int, int], str] | None) -> str:
    out, pos = [], 0
    for f in sorted(findings, key=lambda f: f["out_start"]):
        a, b = f["out_start"], f["out_end"]
        if a < pos or b > len(text):
            continue
        label = f"{f['type']} · {f['rule']} · {f['score']:.2f} · {f['recognizer']}"
        cls = ' class="low"' if f["score"] < LOW else ""
        before = ""
        if original is not None:
            before = f'<del class="original" title="original">{_esc(original.get((a, b), ""))}</del> '
        out.append(_esc(text[pos:a]))
        out.append(f'{before}<mark{cls} tabindex="0" title="{_esc(label)}" data-type="{_esc(f["type"])}">{_esc(text[a:b])}'
                   f'<span class="tag" aria-hidden="true">{_esc(f["type"])}</span><span class="sr"> ({_esc(label)})</span></mark>')
        pos = b
    out.append(_esc(text[pos:]))
    return "".join(out)


def check_report_path(report: Path, out: Path) -> None:
    """A report never goes inside the published folder: a confidential one
    must not be published, and any extra file there fails ``deid verify``."""

    r, o = report.resolve(), out.resolve()
    if o == r or o in r.parents:
        raise UsageError(f"{report}: a report may not be written inside the published folder {out}; write it beside it")
