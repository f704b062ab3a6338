"""Markdown's markup, as every stage reads it: where its characters stand
(``markup_spans``), the text detection sees with them blanked (``detection_text``)
and whether a span lies in code (``in_code``, ``in_code_block``).

Below the stages, because the reader (``read.formats.markdownfile``), detection,
decide and the final check all ask; pure functions of the text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from deid.core.slugs import spelled_out

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
