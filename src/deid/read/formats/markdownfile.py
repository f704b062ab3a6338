"""Markdown: one record per file; markup survives, links and alt text are scanned.

A post that opens with front matter (``read.frontmatter``: Jekyll's and Hugo's
``---`` or ``+++`` block) is read as the fields a site builds from: the body,
one field; each key that is not the site's own, a field its column rule governs
("author" a name); the site's own keys (date, slug, tags, layout) kept as written.

Detection sees a copy of the text with markup characters turned into spaces
(``detection_text``), so offsets are unchanged and replacements are applied to
the original: headings, tables, emphasis and link syntax stay as they were,
while link targets and image alt text are scanned like any other text, and
heading ids and footnote labels are read as the words they are made of.
"""

from __future__ import annotations

import re
from functools import lru_cache

from deid.core.model import Field, Known, Outcome, Record
from deid.policy.shapes import governs, identifies
from deid.read import frontmatter
from deid.read.formats import textfile
from deid.read.slugs import spelled_out

_MARKUP = re.compile(
    r"^[ \t]{0,3}#{1,6}(?=[ \t])"      # heading marks
    r"|^[ \t]*>+"                       # block quotes
    r"|^[ \t]*[-*+](?=[ \t])"           # bullets
    r"|^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$"  # table rules
    r"|[|\[\]`]|!(?=\[)|\]\(|(?<=\])\(|\)(?=\s|$|[.,;:!?])"   # tables, links, code
    r"|(?<=\]\()(?:mailto|tel|sms):"   # a link's scheme: no word of the text
    r"|(?<![\w*_])[*_]{1,3}|[*_]{1,3}(?![\w*_])"                # emphasis
    r"|<!--|-->",
    re.MULTILINE,
)


# A heading id ("## Her story {#tamsin-oyelowo}") and a footnote label
# ("[^feldmann-letter]"): slugs a reader sees and a link carries.
_LABELS = re.compile(r"\{#(?P<a>[\w.-]+)[^}\n]*\}|\[\^(?P<b>[\w.-]+)\]")


def detection_text(text: str) -> str:
    """``text`` with markup characters replaced by spaces (same length), and
    heading ids and footnote labels spelled out as words (``slugs``)."""
    out = _MARKUP.sub(lambda m: " " * len(m.group(0)), text)
    if "{#" not in text and "[^" not in text:
        return out
    for m in _LABELS.finditer(text):
        g = "a" if m.group("a") is not None else "b"
        a, b = m.span(g)
        out = out[:m.start()] + " " * (a - m.start()) + spelled_out(text[a:b]) + " " * (m.end() - b) + out[m.end():]
    return out


@lru_cache(maxsize=64)
def markup_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Where ``detection_text`` blanks markup: no finding's part (decide
    asks for every guess, so once per text)."""
    return tuple(m.span() for m in _MARKUP.finditer(text) if m.end() > m.start())


_CODE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})[^\n]*\n.*?(?:^[ \t]{0,3}\1[ \t]*$|\Z)|(`+)(?!`).+?(?<!`)\2(?!`)",
                   re.MULTILINE | re.DOTALL)


def in_code(text: str, start: int, end: int) -> bool:
    """Whether ``start:end`` lies inside a code block or a code span: text
    for machines (commands, file and class names), not prose."""
    return any(a <= start and end <= b for a, b in _code_spans(text))


def in_code_block(text: str, start: int, end: int) -> bool:
    """Whether ``start:end`` lies inside a fenced code block (not a code span)."""
    return any(a <= start and end <= b for a, b, fenced in _code_spans(text, True) if fenced)


@lru_cache(maxsize=64)
def _code_spans(text: str, kinds: bool = False) -> tuple[tuple, ...]:
    """Found once per text: decide and the final check ask for every guess.
    With ``kinds``, each span says whether it is a fenced block."""
    if kinds:
        return tuple((*m.span(), m.group(1) is not None) for m in _CODE.finditer(text))
    return tuple(m.span() for m in _CODE.finditer(text))


class Reader(textfile.Reader):
    markup = "markdown"

    def records(self):
        for record in super().records():
            head = frontmatter.read(record.raw) if not record.error else None
            if head is None:
                yield record
                continue
            text, fields, known = record.raw, [], []
            for v in head.values:
                value = text[v.start:v.end]
                if not value.strip():
                    continue
                col = frontmatter.LINK if v.link else governs(self.rules.column_for(v.key), value) if v.yaml or v.quote \
                    else None
                fields.append(Field(v.path, value, col))
                if col is not None and col.known and identifies(col.entity, value):
                    known.append(Known(col.entity, value, col.id))
            fields.append(Field("", text[head.end:], None, self.markup))
            yield Record(record.source, 0, 1, record.id, tuple(fields), tuple(known), raw=text, payload=head)


def answers(record: Record, reader: Reader) -> dict[str, str]:
    """A post's front-matter keys and their values ("consent: yes", ``policy.consent``)."""
    head = record.payload
    if not isinstance(head, frontmatter.FrontMatter):
        return {}
    return {v.key: record.raw[v.start:v.end] for v in head.values if v.path.count("/") == 1}


class Writer(textfile.Writer):
    def write(self, outcome: Outcome) -> str:
        head = outcome.record.payload
        if not isinstance(head, frontmatter.FrontMatter):
            return super().write(outcome)
        text, texts = outcome.record.raw, outcome.texts
        parts, at = [], 0
        for v in sorted(head.values, key=lambda v: v.start):
            if v.path in texts:
                parts += [text[at:v.start], frontmatter.written(v, texts[v.path] or "")]
                at = v.end
        parts.append(text[at:head.end])
        body = texts.get("")
        chunk = "".join(parts) + (text[head.end:] if body is None else body)
        self.stream.write(chunk)
        return chunk


serialize = textfile.serialize
