"""Markdown: one record per file; markup survives, links and alt text are scanned.

A post that opens with front matter (``read.frontmatter``: Jekyll's and Hugo's
``---`` or ``+++`` block) is read as the fields a site builds from: the body,
one field; each key that is not the site's own, a field its column rule governs
("author" a name); the site's own keys (date, slug, tags, layout) kept as written.

Detection sees a copy of the text with markup characters turned into spaces
(``core.markup.detection_text``), so offsets are unchanged and replacements are applied to
the original: headings, tables, emphasis and link syntax stay as they were,
while link targets and image alt text are scanned like any other text, and
heading ids and footnote labels are read as the words they are made of.
"""

from __future__ import annotations

import re
from typing import Iterator

from deid.core.model import Field, Known, Outcome, Record
from deid.policy.shapes import governs, identifies
from deid.read import frontmatter
from deid.read.formats import textfile

_HTML_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)
_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})([^\n]*)\n(.*?)(?:^[ \t]{0,3}\1[ \t]*$|\Z)", re.MULTILINE | re.DOTALL)
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`).*?(?<!`)\1(?!`)")  # within a line, as CommonMark's are in practice
_HASH_COMMENT = re.compile(r"(?:^|(?<=\s))#(.*)$", re.MULTILINE)
_HASH_LANGUAGES = frozenset({"yaml", "yml", "toml", "sh", "bash", "shell", "zsh", "console", "python", "py",
                             "ini", "conf", "cfg", "dockerfile", "make", "makefile", "r", "ruby", "perl", "text"})


def comments(text: str) -> Iterator[tuple[int, str]]:
    """(offset where the comment starts, its text) of each comment of a Markdown file: an HTML
    comment outside code, a ``#`` comment in a fenced block of a language that has them
    (where a ``deid: allow`` pragma counts: ``commands.pragmas``)."""
    fences = list(_FENCE.finditer(text))
    code = [m.span() for m in fences]
    code += [m.span() for m in _CODE_SPAN.finditer(text) if not any(a <= m.start() < b for a, b in code)]
    for m in _HTML_COMMENT.finditer(text):
        if not any(a < m.end() and m.start() < b for a, b in code):
            yield m.start(), m.group(1)
    for fence in fences:
        words = fence.group(2).strip().lower().split()
        if words and words[0].strip("{}.") in _HASH_LANGUAGES:
            for c in _HASH_COMMENT.finditer(fence.group(3)):
                yield fence.start(3) + c.start(), c.group(1)


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
