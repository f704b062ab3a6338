"""A static site's front matter: the block of keys a Markdown post opens with.

Jekyll and Hugo read a post's first lines between ``---`` lines (YAML) or ``+++``
lines (TOML) as its settings: ``title``, ``date``, ``slug``, ``tags``, ``layout``,
``author`` ... The site is built from them, so the generator's own are structure,
not prose: a post's publication date rewritten as "2025" breaks the site. Each top-level
key is read here with where its value stands in the file; the Markdown reader
(``formats.markdownfile``) makes the body one field and each key that is not
the site's own (``SITE_KEYS``) a field of its own, ``front matter/KEY`` (the
items of a list ``front matter/KEY/N``), which the rules' column rules govern
as they govern a CSV column ("author" is a name column), and which is text to
scan otherwise ("title", "description"). The site's own keys keep their values
and are not read at all, but for an address (``LINK_KEYS``: the slug, url, aliases
...) that holds a name as a file name would ("slug: ilse-marrow-tapering"): it is
published under the keyed name deid gives such a file, like the post's own file
name, so no name reaches the URL. A value written back replaces the old one in place;
one the YAML would read as something else ("[PERSON]", a list) is quoted.

Top-level ``key: value`` (or ``key = value``) lines are read, with lists written
as ``- item`` lines or ``[a, b]``; any other line under a key that is not the
site's own (a nested mapping's ``name: ...``, a TOML table's header) is a field
of its own, free text, written back as it is changed (nothing is left unread).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from deid.core.model import ColumnRule
from deid.read.ids import renamed

FENCES = {"---": "yaml", "+++": "toml"}
# The keys a site generator reads for itself: a date, an address, a layout, a switch. Their values
# are structure and are not read (a date rewritten as its year breaks the site). Tags, categories
# and keywords are words the site shows: text, read like a title (a name in a tag goes).
SITE_KEYS = frozenset("""
date publishdate publish_date pubdate lastmod last_modified modified updated expirydate expiry_date
slug url permalink aliases alias layout type template draft weight menu menus toc math comments share
featured sitemap outputs resources build cascade lang language translationkey headless private
published redirect_from redirect_to excerpt_separator
""".split())
# the site's keys whose values are a post's address: kept, unless a part of one holds a name
# (``ids.renamed``: "slug: ilse-marrow-tapering"), which becomes the keyed name deid gives a file
# of that name (``LINK``), as the post's own file name does
LINK_KEYS = frozenset("slug url permalink aliases alias redirect_from redirect_to".split())
LINK = ColumnRule("front matter link", "", "pseudonym", "FILE_NAME", detail=False)
PATH = "front matter/"

_KEY = re.compile(r"^([A-Za-z_][\w.\-]*)[ \t]*(:|=)(?:[ \t]+|$)(.*)$")
_ITEM = re.compile(r"^[ \t]+-[ \t]+(.*)$")


@dataclass(frozen=True)
class Value:
    key: str        # the key, as written
    path: str       # the field's path: front matter/KEY or front matter/KEY/N
    start: int      # where the value stands in the file (inside its quotes)
    end: int
    quote: str      # the quote it is written in ("", "'" or '"')
    yaml: bool
    link: bool = False  # an address that holds a name (``LINK_KEYS``)


@dataclass(frozen=True)
class FrontMatter:
    end: int                     # where the body begins
    values: tuple[Value, ...]    # the values of keys that are not the site's own, and other lines


def read(text: str) -> FrontMatter | None:
    """The front matter ``text`` opens with, or None."""
    first = text.split("\n", 1)[0].rstrip("\r")
    kind = FENCES.get(first.strip()) if first.strip() == first.rstrip() else None
    if kind is None:
        return None
    fence = re.compile(rf"^{re.escape(first.strip())}[ \t]*\r?$|^\.\.\.[ \t]*\r?$" if kind == "yaml"
                       else rf"^{re.escape(first.strip())}[ \t]*\r?$", re.MULTILINE)
    close = fence.search(text, len(first) + 1)
    if close is None:
        return None
    end = close.end() + (1 if text[close.end():close.end() + 1] == "\n" else 0)
    values: list[Value] = []
    key, count, pos = None, 0, len(first) + 1
    stray = 0
    for line in text[pos:close.start()].splitlines(keepends=True):
        body = line.rstrip("\r\n")
        m = _KEY.match(body)
        lead = len(body) - len(body.lstrip())
        if m:
            key, count = m.group(1), 0
            own = key.lower() in SITE_KEYS
            if not own and m.group(3).strip():
                values += _scalars(key, PATH + key, text, pos + m.start(3), pos + m.end(3), kind == "yaml")
            else:
                if key.lower() in LINK_KEYS:
                    values += _links(_scalars(key, PATH + key, text, pos + m.start(3), pos + m.end(3), kind == "yaml"), text)
                if (note := re.search(r"[ \t]#.*$", m.group(3))) and m.group(3)[:1] not in "'\"":
                    # a comment after a site key's value ("date: 2025-04-02  # her birthday"): text
                    values.append(Value("#", f"{PATH}#{stray}", pos + m.start(3) + note.start() + 1, pos + m.end(3), "", False))
                    stray += 1
        elif body.lstrip().startswith("#") or (key is None and body.strip()):
            # a comment, anywhere, and a line before any key: words a reader of the file sees
            values.append(Value("#", f"{PATH}#{stray}", pos + lead, pos + len(body), "", False))
            stray += 1
        elif key is not None and body.strip() and key.lower() not in SITE_KEYS:
            item = _ITEM.match(body)
            if item and kind == "yaml":
                values += _scalars(key, f"{PATH}{key}/{count}", text, pos + item.start(1), pos + item.end(1), True)
            else:  # a nested mapping's line, a TOML table: text, written back as changed
                values.append(Value(key, f"{PATH}{key}/{count}", pos + lead, pos + len(body), "", False))
            count += 1
        elif key is not None and key.lower() in LINK_KEYS and kind == "yaml" and (item := _ITEM.match(body)):
            values += _links(_scalars(key, f"{PATH}{key}/{count}", text, pos + item.start(1), pos + item.end(1), True), text)
            count += 1
        pos += len(line)
    return FrontMatter(end, tuple(values))


def _links(values: list[Value], text: str) -> list[Value]:
    """The addresses among ``values`` that hold a name, marked as links; the others stay structure."""
    return [replace(v, link=True) for v in values if renamed(text[v.start:v.end])]


def _scalars(key: str, path: str, text: str, start: int, end: int, yaml: bool) -> list[Value]:
    """The value (or the items of a ``[a, b]`` list) between start and end, without a
    comment after it and inside its quotes."""
    raw = text[start:end]
    if raw.startswith("[") and raw.rstrip().endswith("]"):
        out, at = [], start + 1
        for n, m in enumerate(re.finditer(r"[^,\]\[]+", raw[1:raw.rstrip().rindex("]")])):
            out += _scalars(key, f"{path}/{n}", text, at + m.start(), at + m.end(), yaml)
        return out
    if raw[:1] not in "'\"":
        cut = re.search(r"[ \t]+#", raw)
        raw = raw[:cut.start()] if cut else raw
    stripped = raw.strip()
    if not stripped:
        return []
    start += raw.index(stripped)
    end = start + len(stripped)
    quote = stripped[0] if stripped[0] in "'\"" and stripped.endswith(stripped[0]) and len(stripped) > 1 else ""
    if quote:
        start, end = start + 1, end - 1
    return [Value(key, path, start, end, quote, yaml)]


def written(value: Value, new: str) -> str:
    """``new`` as it must be written in place of the value: escaped for its quotes, or
    quoted where YAML would read a bare value as something else."""
    if value.quote == '"':
        return new.replace("\\", "\\\\").replace('"', '\\"')
    if value.quote == "'":
        return new.replace("'", "''") if value.yaml else new.replace("'", "")
    if value.yaml and (re.match(r"[\[\]{}>|*&!%@`#,?:'\"-]", new) or re.search(r": | #", new) or not new.strip()):
        return '"' + new.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return new
