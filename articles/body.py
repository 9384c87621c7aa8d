"""Placement references in an article body: the one element the body may hold besides text.

A reference is `<figure data-placement="KEY"></figure>`, a top-level block of the body. KEY
names one Placement of the article (articles.Placement.key) and is the same in every
language, so each language's body says for itself where the picture or video goes: a
translation with fewer paragraphs keeps each item beside the text it belongs to.

Keys are minted by the editor from the item they place: `image-12`, `embed-3`, and
`image-12-2` for the same picture placed a second time. The Placement row stays the
identity; the key only says which row.

Pure string code: no models, no Django settings. Offsets come from `html.parser`, whose
line numbers count "\\n" only; anything else (str.splitlines() also breaks at U+2028,
U+0085, form feed, ...) disagrees with it and lands text in the middle of a tag (issue 6.9).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from django.utils.html import escape

KEY_PATTERN = r"(?:image|embed)-[1-9][0-9]{0,9}(?:-[1-9][0-9]{0,3})?"
_KEY = re.compile(rf"^{KEY_PATTERN}$")
ATTRIBUTE = "data-placement"

# nh3 serializes every reference in exactly this form (attribute values quoted with ",
# a raw " inside a value escaped as &quot;, a raw < in text as &lt;), so in a sanitized
# body this pattern only ever matches a real element, never text or an attribute value.
REFERENCE = re.compile(rf'<figure {ATTRIBUTE}="({KEY_PATTERN})"></figure>')


def is_key(value: str) -> bool:
    return bool(_KEY.match(value or ""))


def reference(key: str) -> str:
    """The markup of a reference to placement `key`."""
    return f'<figure {ATTRIBUTE}="{escape(key)}"></figure>'


def key_for(kind: str, pk: int, taken=()) -> str:
    """A new key for item `kind` ("image" or "embed") `pk`, not in `taken`."""
    key = f"{kind}-{pk}"
    n = 2
    while key in taken:
        key = f"{kind}-{pk}-{n}"
        n += 1
    return key


def parse_key(key: str) -> tuple[str, int] | None:
    """("image" or "embed", item id) of a key, or None when it is not one."""
    if not is_key(key):
        return None
    kind, pk = key.split("-")[:2]
    return kind, int(pk)


def references(html: str) -> list[str]:
    """The keys referenced in a sanitized body, in order, each once."""
    return list(dict.fromkeys(REFERENCE.findall(html or "")))


class _Scanner(HTMLParser):
    """Records where each top-level block starts and where each <figure> tag is."""

    VOID = {"br", "hr", "img", "wbr", "input", "source", "meta", "link"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.block_starts = []  # (line, column) of each top-level block
        self.figures = []  # ("start" | "end", (line, column), attrs, raw text)

    def handle_starttag(self, tag, attrs):
        if self.depth == 0:
            self.block_starts.append(self.getpos())
        if tag == "figure":
            self.figures.append(("start", self.getpos(), attrs, self.get_starttag_text()))
        if tag not in self.VOID:
            self.depth += 1

    def handle_startendtag(self, tag, attrs):
        if self.depth == 0:
            self.block_starts.append(self.getpos())
        if tag == "figure":
            self.figures.append(("empty", self.getpos(), attrs, self.get_starttag_text()))

    def handle_endtag(self, tag):
        if tag == "figure":
            self.figures.append(("end", self.getpos(), [], f"</{tag}>"))
        if tag not in self.VOID:
            self.depth = max(0, self.depth - 1)

    def handle_data(self, data):
        if self.depth == 0 and data.strip():
            self.block_starts.append(self.getpos())


def _scan(html: str) -> tuple[_Scanner, list[int]]:
    scanner = _Scanner()
    scanner.feed(html)
    scanner.close()
    # HTMLParser.getpos() counts lines by "\n" alone (see the module docstring).
    line_starts = [0] + [m.end() for m in re.finditer("\n", html)]
    return scanner, line_starts


def _offset(line_starts: list[int], position: tuple[int, int]) -> int:
    line, column = position
    return line_starts[line - 1] + column


def split_blocks(html: str) -> tuple[str, list[str]]:
    """(leading whitespace, [top-level blocks]) of `html`; joined they give `html` back.

    Only the data migration from "after block N" needs this; rendering no longer splits.
    """
    scanner, line_starts = _scan(html)
    offsets = [_offset(line_starts, pos) for pos in scanner.block_starts]
    if not offsets:
        return html, []
    bounds = [*offsets, len(html)]
    return html[: offsets[0]], [html[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]


def insert_after_blocks(html: str, keys_after: dict[int, list[str]]) -> str:
    """`html` with a reference to each key after the Nth top-level block (0: before the
    first; past the end: at the end), in the given order."""
    prefix, blocks = split_blocks(html or "")
    parts = [prefix]
    for index in range(len(blocks) + 1):
        if index:
            parts.append(blocks[index - 1])
        last = index == len(blocks)
        for n in sorted(keys_after):
            if n == index or (last and n > index):
                parts.extend(reference(key) for key in keys_after[n])
    return "".join(parts)


def keep_only_references(html: str) -> str:
    """Drop every <figure> tag that is not an empty reference with a valid key, keeping
    what was inside it. Runs after nh3, which allows <figure data-placement> but cannot
    require the attribute, its value or an empty element."""
    if "<figure" not in html:
        return html
    scanner, line_starts = _scan(html)
    cuts = []  # (start, end) spans of figure tags to remove
    events = scanner.figures
    i = 0
    while i < len(events):
        kind, pos, attrs, raw = events[i]
        start = _offset(line_starts, pos)
        if kind == "start":
            following = events[i + 1] if i + 1 < len(events) else None
            valid = (
                len(attrs) == 1
                and attrs[0][0] == ATTRIBUTE
                and is_key(attrs[0][1] or "")
                and following is not None
                and following[0] == "end"
                and _offset(line_starts, following[1]) == start + len(raw)
            )
            if valid:
                i += 2
                continue
        cuts.append((start, start + len(raw)))
        i += 1
    for start, end in reversed(cuts):
        html = html[:start] + html[end:]
    return html
