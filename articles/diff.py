"""What changed between two snapshots of an article: the readable diff of the revision history
and the review queue.

A snapshot is the dict `articles.revisions.snapshot()` makes (the contract of issue 8):
{"shared": {...}, "text": {lang: {field: value}}, "bylines": [ids], "tags": [ids],
"placements": [{"key", "image", "embed", "caption_override": {lang: text}, "accepted_gaps"}]}.

`compare(old, new)` gives one FieldChange per changed field and language, in a fixed order
(the shared fields, then each language's text, then bylines, tags and placements). A body is
compared as text, paragraph by paragraph and then word by word inside a changed paragraph,
so a moved comma shows as one changed word and not as a rewritten story; a placed picture
or video in a body is a paragraph of its own, named by `name("placement", "image-12")`
("[Picture: A flooded square]"; "[image-12]" when the caller names none). Tags compare
as a set, bylines as a list (order counts: it is the order readers see), placements by
their key.

Pure code: no models, no database. Ids (sections, images, authors, tags) are turned into
names by the `name` callable the caller passes, which sees ("section", 3) and returns "World".
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser

from .translation import ARTICLE_TEXT_FIELDS

# The order fields are listed in: as the article form shows them.
SHARED_FIELDS = ("source_language", "status", "published_at", "section", "lead_image")
TEXT_FIELDS = ARTICLE_TEXT_FIELDS
# Compared as one value: a slug is an address, not prose.
WHOLE_VALUE_FIELDS = ("slug",)

# Word-level tokens: runs of letters/digits, single punctuation marks, runs of spaces. Spaces
# are tokens too, so joining the segments gives back the text exactly.
_TOKEN = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)

# Paragraph pairs less alike than this are shown as one removed and one added paragraph:
# a word diff of two unrelated paragraphs is noise.
PAIRING_RATIO = 0.3

Name = Callable[[str, object], str]

# The texts of the pictures, videos, tags and section a story shows that wait in a
# language's pending change (articles/linked.py): {"linked": {lang: {"image:12.alt_text":
# text}}}. A text not waiting reads as stored, which `name("linked", (lang, text name))` gives.
LINKED = "linked"
# A picture or video placed in a body: `name(PLACEMENT, "embed-3")` says what it is
# ("[Video: Storm over the dyke]"); "" leaves the key ("[embed-3]").
PLACEMENT = "placement"
# A translator's mark that the translation follows source version N, waiting with the text
# (articles/revisions.py): {"up_to_date": {lang: N}}.
UP_TO_DATE = "up_to_date"


def _plain_name(kind: str, value: object) -> str:
    if kind in (LINKED, PLACEMENT):
        return ""  # a stored text of a picture, tag, ...: unknown to pure code
    return "" if value in (None, "") else str(value)


@dataclass(frozen=True)
class Segment:
    """A run of text in a word diff: "equal", "insert" (new only) or "delete" (old only)."""

    op: str
    text: str


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of a body diff: "same", "added", "removed", "changed", or "moved" (and
    "moved_away" where it stood before).

    `segments` holds the words: for a changed paragraph, the word diff; otherwise the one
    text with the paragraph's op.
    """

    op: str
    segments: tuple[Segment, ...]

    @property
    def text(self) -> str:
        """The paragraph as it reads now (a removed one: as it read before)."""
        if self.op in ("removed", "moved_away"):
            return "".join(s.text for s in self.segments)
        return "".join(s.text for s in self.segments if s.op != "delete")


@dataclass(frozen=True)
class Detail:
    """One part of a changed placement: `part` is "image", "embed", "caption" (in
    `language`) or "accepted_gaps" (old and new are comma-separated language codes)."""

    part: str
    old: str
    new: str
    language: str = ""


@dataclass(frozen=True)
class Item:
    """A member of a list or set field (a byline, a tag, a placement): its name and what
    happened to it ("added", "removed", "kept", "changed"), with `details` for a changed one."""

    op: str
    name: str
    details: tuple[Detail, ...] = ()


@dataclass(frozen=True)
class FieldChange:
    """One field that differs, in one language ("" for the fields every language shares).

    `kind` says how to show it: "text" (segments), "body" (paragraphs), "value" (old and
    new as whole values), "items" (bylines, tags, placements: items, with `reordered` for a
    byline whose order changed), "mark" (a translation marked up to date with source
    version `new` when its text is published; `old` the version of the mark it replaces).
    """

    field: str
    language: str
    kind: str
    old: str = ""
    new: str = ""
    segments: tuple[Segment, ...] = ()
    paragraphs: tuple[Paragraph, ...] = ()
    items: tuple[Item, ...] = ()
    reordered: bool = False


@dataclass(frozen=True)
class Diff:
    """The changes between two snapshots; empty when nothing a reader could notice differs."""

    changes: tuple[FieldChange, ...] = field(default_factory=tuple)

    def __bool__(self) -> bool:
        return bool(self.changes)

    def __len__(self) -> int:
        return len(self.changes)

    def __iter__(self):
        return iter(self.changes)

    @property
    def languages(self) -> list[str]:
        """The languages whose text changed, in snapshot order ("" not included)."""
        return list(dict.fromkeys(c.language for c in self.changes if c.language))

    def groups(self) -> list[tuple[str, list[FieldChange]]]:
        """(language, changes) pairs: the shared changes first (language ""), then each
        language's, in order of first appearance. What the templates loop over."""
        grouped: dict[str, list[FieldChange]] = {}
        for change in self.changes:
            grouped.setdefault(change.language, []).append(change)
        shared = grouped.pop("", None)
        return ([("", shared)] if shared else []) + list(grouped.items())

    def get(self, field_name: str, language: str = "") -> FieldChange | None:
        for change in self.changes:
            if change.field == field_name and change.language == language:
                return change
        return None

    def only(self, languages: Iterable[str]) -> Diff:
        """The changes of these languages ("" for the shared part) only."""
        wanted = set(languages)
        return Diff(tuple(c for c in self.changes if c.language in wanted))


# -- Words --


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text or "")


def _words(text: str) -> list[str]:
    # Spaces and punctuation match between any two sentences: only words say how alike they are.
    return re.findall(r"\w+", text.casefold())


def _merged(segments: Iterable[Segment]) -> tuple[Segment, ...]:
    out: list[Segment] = []
    for segment in segments:
        if not segment.text:
            continue
        if out and out[-1].op == segment.op:
            out[-1] = Segment(segment.op, out[-1].text + segment.text)
        else:
            out.append(segment)
    return tuple(out)


def word_diff(old: str, new: str) -> tuple[Segment, ...]:
    """The word diff of two texts: equal, deleted and inserted runs; joining the equal and
    deleted runs gives `old`, the equal and inserted runs give `new`."""
    a, b = tokens(old), tokens(new)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    segments = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            segments.append(Segment("equal", "".join(a[i1:i2])))
        else:
            segments.append(Segment("delete", "".join(a[i1:i2])))
            segments.append(Segment("insert", "".join(b[j1:j2])))
    return _merged(segments)


def alike(old: str, new: str) -> bool:
    """Whether two texts share enough words for a word diff to help (PAIRING_RATIO)."""
    matcher = difflib.SequenceMatcher(None, _words(old), _words(new), autojunk=False)
    return matcher.ratio() >= PAIRING_RATIO


def text_diff(old: str, new: str) -> tuple[Segment, ...]:
    """A word diff of two alike texts; two unalike ones are one removal and one addition
    (a rewritten headline reads better whole than as a patchwork of words)."""
    if old and new and not alike(old, new):
        return (Segment("delete", old), Segment("insert", new))
    return word_diff(old, new)


# -- Paragraphs --

_BLOCKS = {"p", "h1", "h2", "h3", "h4", "li", "blockquote", "figure", "ul", "ol", "pre", "div"}


class _Paragraphs(HTMLParser):
    """The text of each block of a body; a placement reference is a paragraph of its own."""

    def __init__(self, name: Name | None = None):
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self._text: list[str] = []
        self._name = name or _plain_name

    def _flush(self):
        text = " ".join("".join(self._text).split())
        if text:
            self.paragraphs.append(text)
        self._text = []

    def handle_starttag(self, tag, attrs):
        if tag in _BLOCKS:
            self._flush()
        if tag == "figure":
            key = dict(attrs).get("data-placement")
            if key:
                self.paragraphs.append(self._name(PLACEMENT, key) or f"[{key}]")
        elif tag == "br":
            self._text.append(" ")

    def handle_endtag(self, tag):
        if tag in _BLOCKS:
            self._flush()

    def handle_data(self, data):
        self._text.append(data)

    def close(self):
        super().close()
        self._flush()


def paragraphs(html: str, name: Name | None = None) -> list[str]:
    """The text of each paragraph (heading, list item, quote, placed item) of a body; a
    placed item reads as `name(PLACEMENT, key)` says, else as "[key]"."""
    if not html:
        return []
    if "<" not in html:
        # Plain text (an import, a test): paragraphs are separated by blank lines.
        return [" ".join(unescape(p).split()) for p in re.split(r"\n\s*\n", html) if p.strip()]
    parser = _Paragraphs(name)
    parser.feed(html)
    parser.close()
    return parser.paragraphs


def paragraph_diff(old: str, new: str, name: Name | None = None) -> tuple[Paragraph, ...]:
    """Two bodies compared paragraph by paragraph, then word by word inside each changed pair.

    Paragraphs that match exactly are "same". In a run of replaced paragraphs, each old one
    is paired with the next new one alike enough (PAIRING_RATIO), in order, and is "changed"
    with its word diff; the new ones it passes over are "added" (a picture placed before a
    reworded paragraph), an old one without a partner is "removed".
    """
    a, b = paragraphs(old, name), paragraphs(new, name)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    out: list[Paragraph] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out += [Paragraph("same", (Segment("equal", p),)) for p in a[i1:i2]]
            continue
        olds, news, start = a[i1:i2], b[j1:j2], 0
        for index, before in enumerate(olds):
            partner = next((k for k in range(start, len(news)) if alike(before, news[k])), None)
            if partner is None:
                out.append(Paragraph("removed", (Segment("delete", before),)))
                # A rewrite stands where its old paragraph stood, unless a later one pairs it.
                if start < len(news) and not any(alike(o, news[start]) for o in olds[index + 1 :]):
                    out.append(Paragraph("added", (Segment("insert", news[start]),)))
                    start += 1
                continue
            out += [Paragraph("added", (Segment("insert", p),)) for p in news[start:partner]]
            out.append(Paragraph("changed", word_diff(before, news[partner])))
            start = partner + 1
        out += [Paragraph("added", (Segment("insert", p),)) for p in news[start:]]
    return _moves(out)


def _moves(diffed: list[Paragraph]) -> tuple[Paragraph, ...]:
    """A paragraph removed in one place and added unchanged in another was moved: it is
    "moved" where it now stands and "moved_away" where it stood, so a reader of the diff
    does not translate it again."""
    removed = [p.text for p in diffed if p.op == "removed"]
    added = [p.text for p in diffed if p.op == "added"]
    moved = set(removed) & set(added)
    if not moved:
        return tuple(diffed)
    out = []
    for paragraph in diffed:
        if paragraph.op in ("removed", "added") and paragraph.text in moved:
            op = "moved" if paragraph.op == "added" else "moved_away"
            paragraph = Paragraph(op, (Segment("equal", paragraph.text),))
        out.append(paragraph)
    return tuple(out)


# -- Fields --


def _shared_changes(old: dict, new: dict, name: Name) -> list[FieldChange]:
    changes = []
    before, after = old.get("shared") or {}, new.get("shared") or {}
    for field_name in SHARED_FIELDS:
        a, b = before.get(field_name), after.get(field_name)
        if a != b:
            changes.append(
                FieldChange(
                    field_name, "", "value", old=name(field_name, a), new=name(field_name, b)
                )
            )
    return changes


def _text_changes(
    old: dict, new: dict, languages: Iterable[str] | None, name: Name
) -> list[FieldChange]:
    changes = []
    before, after = old.get("text") or {}, new.get("text") or {}
    codes = list(languages) if languages is not None else list(dict.fromkeys([*before, *after]))
    for code in codes:
        a_text, b_text = before.get(code) or {}, after.get(code) or {}
        for field_name in TEXT_FIELDS:
            a, b = a_text.get(field_name) or "", b_text.get(field_name) or ""
            if a == b:
                continue
            if field_name == "body":
                diffed = paragraph_diff(a, b, name)
                if all(p.op == "same" for p in diffed):
                    continue  # markup only (a bold word, a class): nothing a reader reads
                changes.append(FieldChange("body", code, "body", paragraphs=diffed))
            elif field_name in WHOLE_VALUE_FIELDS:
                changes.append(FieldChange(field_name, code, "value", old=a, new=b))
            else:
                changes.append(
                    FieldChange(field_name, code, "text", old=a, new=b, segments=text_diff(a, b))
                )
    return changes


def _bylines_change(old: dict, new: dict, name: Name) -> FieldChange | None:
    a, b = list(old.get("bylines") or []), list(new.get("bylines") or [])
    if a == b:
        return None
    items = [Item("removed", name("author", i)) for i in a if i not in b]
    items += [Item("added" if i not in a else "kept", name("author", i)) for i in b]
    kept_before = [i for i in a if i in b]
    kept_after = [i for i in b if i in a]
    return FieldChange(
        "bylines", "", "items", items=tuple(items), reordered=kept_before != kept_after
    )


def _tags_change(old: dict, new: dict, name: Name) -> FieldChange | None:
    a, b = set(old.get("tags") or []), set(new.get("tags") or [])
    if a == b:
        return None
    items = [Item("removed", name("tag", i)) for i in a - b]
    items += [Item("added", name("tag", i)) for i in b - a]
    items.sort(key=lambda item: (item.op, item.name.casefold()))
    items += sorted((Item("kept", name("tag", i)) for i in a & b), key=lambda i: i.name.casefold())
    return FieldChange("tags", "", "items", items=tuple(items))


def _placement_name(placement: dict, name: Name) -> str:
    if placement.get("image"):
        return f"{placement.get('key')}: {name('image', placement['image'])}"
    if placement.get("embed"):
        return f"{placement.get('key')}: {name('embed', placement['embed'])}"
    return str(placement.get("key"))


def _placements_change(old: dict, new: dict, name: Name) -> FieldChange | None:
    a = {p.get("key"): p for p in old.get("placements") or []}
    b = {p.get("key"): p for p in new.get("placements") or []}
    items = []
    for key, placement in a.items():
        if key not in b:
            items.append(Item("removed", _placement_name(placement, name)))
    for key, placement in b.items():
        if key not in a:
            items.append(Item("added", _placement_name(placement, name)))
            continue
        before, details = a[key], []
        for item_kind in ("image", "embed"):
            if before.get(item_kind) != placement.get(item_kind):
                details.append(
                    Detail(
                        item_kind,
                        name(item_kind, before.get(item_kind)),
                        name(item_kind, placement.get(item_kind)),
                    )
                )
        captions_a = before.get("caption_override") or {}
        captions_b = placement.get("caption_override") or {}
        if not isinstance(captions_a, dict):
            captions_a = {"": captions_a}
        if not isinstance(captions_b, dict):
            captions_b = {"": captions_b}
        for code in dict.fromkeys([*captions_a, *captions_b]):
            if (captions_a.get(code) or "") != (captions_b.get(code) or ""):
                details.append(
                    Detail(
                        "caption",
                        captions_a.get(code) or "",
                        captions_b.get(code) or "",
                        language=code,
                    )
                )
        gaps_a = set(before.get("accepted_gaps") or [])
        gaps_b = set(placement.get("accepted_gaps") or [])
        if gaps_a != gaps_b:
            details.append(
                Detail("accepted_gaps", ", ".join(sorted(gaps_a)), ", ".join(sorted(gaps_b)))
            )
        if details:
            items.append(Item("changed", _placement_name(placement, name), tuple(details)))
    if not items:
        return None
    return FieldChange("placements", "", "items", items=tuple(items))


def compare(
    old: dict | None,
    new: dict | None,
    *,
    name: Name | None = None,
    languages: Iterable[str] | None = None,
) -> Diff:
    """What changed from snapshot `old` to snapshot `new` (either may be None: empty).

    `name(kind, value)` turns a section, image, embed, author or tag id (and the
    status, source language and time, and a placed item's key in a body) into what the
    editor reads; `languages` limits and
    orders the languages whose text is compared (all of both snapshots' by default).
    """
    old, new, name = old or {}, new or {}, name or _plain_name
    changes = _shared_changes(old, new, name)
    changes += _text_changes(old, new, languages, name)
    changes += _linked_changes(old, new, name, languages)
    changes += _mark_changes(old, new, languages)
    for compare_part in (_bylines_change, _tags_change, _placements_change):
        change = compare_part(old, new, name)
        if change is not None:
            changes.append(change)
    return Diff(tuple(changes))


def _mark_changes(old: dict, new: dict, languages: Iterable[str] | None) -> list[FieldChange]:
    """One "mark" change per language whose waiting "up to date" mark differs."""
    before, after = old.get(UP_TO_DATE) or {}, new.get(UP_TO_DATE) or {}
    codes = list(languages) if languages is not None else list(dict.fromkeys([*before, *after]))
    return [
        FieldChange(
            UP_TO_DATE,
            code,
            "mark",
            old="" if before.get(code) is None else str(before[code]),
            new="" if after.get(code) is None else str(after[code]),
        )
        for code in codes
        if before.get(code) != after.get(code)
    ]


def _linked_changes(
    old: dict, new: dict, name: Name, languages: Iterable[str] | None
) -> list[FieldChange]:
    """One "text" change per waiting text of a picture, video, tag or section whose value
    differs (field: its name, "image:12.alt_text")."""
    before, after = old.get(LINKED) or {}, new.get(LINKED) or {}
    codes = list(languages) if languages is not None else list(dict.fromkeys([*before, *after]))
    changes = []
    for code in codes:
        a_texts, b_texts = before.get(code) or {}, after.get(code) or {}
        for text_name in dict.fromkeys([*a_texts, *b_texts]):
            stored = None

            def value(texts, text_name=text_name, code=code):
                nonlocal stored
                if text_name in texts:
                    return texts[text_name] or ""
                if stored is None:
                    stored = name(LINKED, (code, text_name)) or ""
                return stored

            a, b = value(a_texts), value(b_texts)
            if a != b:
                changes.append(
                    FieldChange(text_name, code, "text", old=a, new=b, segments=text_diff(a, b))
                )
    return changes
