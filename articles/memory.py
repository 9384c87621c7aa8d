"""Translation memory: texts translated before on this site, offered again.

Built from what readers see (published texts only): when a language version of a story is
published, each of its segments is remembered beside the source segment it translates, in
articles.models.TranslationMemory. Body paragraphs are paired by position, and only when
the translation is up to date with its source and both bodies have the same structure (the
same blocks in the same order, the same pictures in the same places): a translation that
merged two paragraphs pairs nothing rather than the wrong ones. Titles, standfirsts,
warnings, captions, alt texts, video titles and tag and section names pair one to one.

A suggestion is an exact match of the normalised source (whitespace collapsed), found by
its hash (indexed), for the same language pair.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from newsroom import events
from newsroom.languages import language_codes, localized

from . import linked
from .body import is_key

# The article's own fields remembered one to one (the body is cut into paragraphs).
FIELDS = ("title", "standfirst", "content_warning", "seo_title", "seo_description")
BODY = "body"

# Blocks whose text is one segment; a list or quote is its items and paragraphs.
_BLOCKS = ("p", "h2", "h3", "h4", "li", "blockquote", "pre")
_CONTAINERS = ("ul", "ol", "blockquote")


@dataclass(frozen=True)
class Suggestion:
    """A translation found in the memory: its `text`, where it was published (`origin`,
    said for people) and the `source` text it translated."""

    text: str
    origin: str
    source: str


def normalise(text: str) -> str:
    """The text as matched: whitespace runs collapsed to one space, ends trimmed."""
    return " ".join((text or "").split())


def source_hash(text: str) -> str:
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()


class _Blocks(HTMLParser):
    """(tag, text) for each block of a body; a placed picture or video is ("figure", key)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, str]] = []
        self._open: list[str] = []
        self._text: list[str] = []

    def _flush(self):
        text = normalise("".join(self._text))
        if text:
            self.blocks.append((self._open[-1] if self._open else "p", text))
        self._text = []

    def handle_starttag(self, tag, attrs):
        if tag in _BLOCKS or tag in _CONTAINERS or tag == "figure":
            self._flush()
        if tag == "figure":
            key = dict(attrs).get("data-placement") or ""
            self.blocks.append(("figure", key))
        elif tag in _BLOCKS:
            self._open.append(tag)
        elif tag == "br":
            self._text.append(" ")

    def handle_endtag(self, tag):
        if tag in _BLOCKS or tag in _CONTAINERS:
            self._flush()
            if tag in _BLOCKS and self._open and self._open[-1] == tag:
                self._open.pop()

    def handle_data(self, data):
        self._text.append(data)


def blocks(html_or_text: str) -> list[tuple[str, str]]:
    """The body's structure: (tag, text) per block, placed items as ("figure", key)."""
    if not html_or_text:
        return []
    if "<" not in html_or_text:
        # Plain text (an import): paragraphs are separated by blank lines.
        return [("p", normalise(p)) for p in re.split(r"\n\s*\n", html_or_text) if p.strip()]
    parser = _Blocks()
    parser.feed(html_or_text)
    parser.close()
    parser._flush()
    return parser.blocks


def segments(html_or_text: str) -> list[str]:
    """How a body is cut for translation: the text of each paragraph, heading, list item
    and quote, in order (placed pictures and videos are not text)."""
    return [text for tag, text in blocks(html_or_text) if tag != "figure" and not is_key(text)]


def aligned(source_html: str, target_html: str) -> list[tuple[str, str]]:
    """(source, target) paragraph pairs by position, or [] when the two bodies' structures
    differ (other blocks, another count, pictures elsewhere)."""
    source, target = blocks(source_html), blocks(target_html)
    shape = [(tag, text if tag == "figure" else "") for tag, text in source]
    if shape != [(tag, text if tag == "figure" else "") for tag, text in target]:
        return []
    return [(s, t) for (tag, s), (_t, t) in zip(source, target, strict=True) if tag != "figure"]


# -- Reading --


def _field_label(field: str) -> str:
    from .models import Article

    parsed = linked.split(field)
    if parsed is not None:
        kind, _pk, name = parsed
        model = linked.models()[kind]
        return f"{model._meta.verbose_name}, {model._meta.get_field(name).verbose_name}"
    if field == "caption_override":
        return str(_("caption for this article"))
    try:
        return str(Article._meta.get_field(field).verbose_name)
    except Exception:
        return field


def origin(entry) -> str:
    """Where a remembered translation was published, for people: "Article 12 “Flood in
    Ghent”, body, 3 November 2026"."""
    when = date_format(timezone.localtime(entry.updated_at), "DATE_FORMAT")
    if entry.article is None:
        return _("%(field)s, %(date)s") % {"field": _field_label(entry.field), "date": when}
    return _("Article %(id)s “%(title)s”, %(field)s, %(date)s") % {
        "id": entry.article_id,
        "title": localized(entry.article, "title", entry.source_language) or entry.article,
        "field": _field_label(entry.field),
        "date": when,
    }


def _suggestion(entry) -> Suggestion:
    return Suggestion(entry.target_text, origin(entry), entry.source_text)


def suggestions(
    source_text: str, source_language: str, target_language: str, limit: int = 3
) -> list[Suggestion]:
    """Translations of exactly this text (whitespace aside) from `source_language` into
    `target_language` published before on this site, newest first, each translation once."""
    from .models import TranslationMemory

    if not normalise(source_text) or source_language == target_language:
        return []
    entries = (
        TranslationMemory.objects.filter(
            source_language=source_language,
            target_language=target_language,
            source_hash=source_hash(source_text),
        )
        .select_related("article")
        .order_by("-updated_at", "-pk")[: limit * 4]
    )
    found: dict[str, Suggestion] = {}
    for entry in entries:
        if entry.target_text not in found and len(found) < limit:
            found[entry.target_text] = _suggestion(entry)
    return list(found.values())


def suggestions_for(
    texts: list[str], source_language: str, target_language: str
) -> dict[str, Suggestion]:
    """The newest suggestion for each of `texts` (by normalised text), in one query: what
    the translation page shows beside its fields."""
    from .models import TranslationMemory

    hashes = {source_hash(t): normalise(t) for t in texts if normalise(t)}
    if not hashes or source_language == target_language:
        return {}
    entries = (
        TranslationMemory.objects.filter(
            source_language=source_language,
            target_language=target_language,
            source_hash__in=list(hashes),
        )
        .select_related("article")
        .order_by("-updated_at", "-pk")
    )
    found = {}
    for entry in entries:
        text = hashes[entry.source_hash]
        if text not in found:
            found[text] = _suggestion(entry)
    return found


# -- Writing --


def pairs(article, language: str) -> list[tuple[str, str, str]]:
    """(field, source, target) for every segment of `article`'s published `language`
    version that translates a source segment (see the module's docstring)."""
    from .models import ArticleVariant, Placement

    source = article.source_language
    variant = article.variants.filter(language=language).first()
    if variant is None or variant.state != ArticleVariant.State.PUBLISHED:
        return []
    found = []

    def both(obj, field):
        return localized(obj, field, source), localized(obj, field, language)

    if not variant.is_outdated:
        found += [(field, *both(article, field)) for field in FIELDS]
        found += [(BODY, s, t) for s, t in aligned(*both(article, BODY))]
        for placement in Placement.objects.filter(article=article):
            found.append(("caption_override", *both(placement, "caption_override")))
    loaded = linked.objects(article)
    for item in linked.linked_texts(article, loaded=loaded):
        found.append((item.name, *both(loaded[item.key], item.field)))
    return [(f, normalise(s), t.strip()) for f, s, t in found if normalise(s) and (t or "").strip()]


@transaction.atomic
def memory_remember(*, article_id: int) -> int:
    """Remember what the article's published translations say (its earlier entries are
    replaced); returns how many entries it now has. Derived data: announces nothing."""
    from .models import Article, TranslationMemory

    TranslationMemory.objects.filter(article_id=article_id).delete()
    article = Article.objects.filter(pk=article_id).first()
    if article is None or not article.is_published():
        return 0
    now = timezone.now()
    rows, seen = [], set()
    for code in language_codes():
        if code == article.source_language:
            continue
        for field, source, target in pairs(article, code):
            key = (code, field if linked.split(field) else "", source, target)
            if key in seen:
                continue
            seen.add(key)
            rows.append(
                TranslationMemory(
                    source_language=article.source_language,
                    target_language=code,
                    source_hash=source_hash(source),
                    source_text=source,
                    target_text=target,
                    article=article,
                    field=field,
                    updated_at=now,
                )
            )
    TranslationMemory.objects.bulk_create(rows, batch_size=500)
    return len(rows)


def memory_rebuild() -> int:
    """Remember every published article again (manage.py rebuild_translation_memory)."""
    from .models import Article, TranslationMemory

    TranslationMemory.objects.all().delete()
    ids = Article.objects.published().order_by("pk").values_list("pk", flat=True)
    return sum(memory_remember(article_id=pk) for pk in ids)


def _published(event) -> None:
    if isinstance(event, events.LanguageVersionChanged) and "published" not in (
        event.state,
        event.previous,
    ):
        return
    memory_remember(article_id=event.article_id)


def connect() -> None:
    """Follow publications: a language version published (or its changes made live) is
    remembered after the commit."""
    for event_type in (
        events.ArticlePublished,
        events.PendingChangeLive,
        events.LanguageVersionChanged,
    ):
        events.subscribe(event_type, _published)
