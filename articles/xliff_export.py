"""Articles as XLIFF for one target language: which texts are units, and their ids.

A unit id says what it is and stays the same from export to import: "article-12.title",
"article-12.body.p3" (the third text block of the body), "placement-7.caption" (a caption
written for this article), and for the texts of the objects the article shows
(articles/linked.py) "section-2.name", "tag-5.name", "image-12.alt_text",
"image-12.caption", "embed-3.title", "embed-3.content_warning" (the model's field names).
Each unit carries the hash of its source segment, so the import can tell that the source
changed since the file was made.

A picture, video, tag or section shown by several exported articles is one text: its
units go once, under the <file> of the first article (by id) that shows it, and the
import saves them through that article (services.linked_texts_save), pending in its
language version like the rest of the file.

A unit with no translation yet carries what translation memory (articles/memory.py) has
for its source text, as a suggestion with its origin.

The source is the article's live text in its source language; the target is the
translation as the translator now has it (their pending change if any, else the stored
text). The import (articles/xliff_import.py) reads the same units to compare against.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from newsroom.languages import column, language_codes

from . import linked, memory, revisions, xliff
from .models import Article, ArticleVariant, PendingChange, Placement

# The article's translated fields that become units; the slug follows the title by itself
# and the body is cut into blocks.
PLAIN_FIELDS = ("title", "standfirst", "seo_title", "seo_description", "content_warning")


@dataclass(frozen=True)
class TextUnit:
    """One translatable text of an article and where its translation goes.

    `where` is ("field", name), ("body", block index), ("caption", placement pk) or
    ("linked", "image:12.alt_text") (a LinkedText's name).
    `current` is the translation as it now stands (None: none), in the source's block
    order for a body block.
    """

    id: str
    label: str
    source: xliff.Content
    current: xliff.Content | None
    where: tuple

    @property
    def source_hash(self) -> str:
        return xliff.content_hash(self.source)


def file_id(article: Article) -> str:
    return f"article-{article.pk}"


def articles_for_export(queryset):
    """The articles with what their units need, in a fixed number of queries."""
    return (
        queryset.select_related(None)
        .select_related("section", "lead_image")
        .prefetch_related(
            Prefetch("placements", queryset=Placement.objects.select_related("image", "embed")),
            Prefetch("pending_changes", queryset=PendingChange.objects.select_related("revision")),
            "variants",
            "tags",
        )
    )


def linked_objects(article: Article) -> dict[str, object]:
    """The objects the article shows, by key ("image:12"), in linked.objects' order
    (section, tags, lead image, placed pictures, videos), from articles_for_export's
    prefetches instead of a query per article."""
    found = {}
    if article.section_id:
        found[f"section:{article.section_id}"] = article.section
    for tag in sorted(article.tags.all(), key=lambda t: t.pk):
        found[f"tag:{tag.pk}"] = tag
    if article.lead_image_id:
        found[f"image:{article.lead_image_id}"] = article.lead_image
    placements = sorted(article.placements.all(), key=lambda p: p.pk)
    for placement in placements:
        if placement.image_id:
            found.setdefault(f"image:{placement.image_id}", placement.image)
    for placement in placements:
        if placement.embed_id:
            found.setdefault(f"embed:{placement.embed_id}", placement.embed)
    return found


def linked_unit_id(name: str) -> str:
    """ "image-12.alt_text" for the linked text "image:12.alt_text": named like the
    file's other ids ("placement-7.caption")."""
    return name.replace(":", "-", 1)


def linked_name(unit_id: str) -> str | None:
    """The linked text a unit id names ("image-12.alt_text" -> "image:12.alt_text"), or
    None when it names none."""
    name = unit_id.replace("-", ":", 1)
    return name if linked.split(name) is not None else None


def _pending(article: Article) -> dict:
    return {change.language: change.revision.data for change in article.pending_changes.all()}


def current_text(article: Article, language: str, field: str, pending: dict) -> str:
    """The translator's text of a field: their pending change's, else the stored one."""
    if language in pending:
        return (pending[language].get("text", {}).get(language, {}) or {}).get(field) or ""
    return getattr(article, column(field, language), None) or ""


def _current_captions(article: Article, language: str, pending: dict) -> dict[str, str]:
    if "" in pending:
        return {
            row["key"]: (row.get("caption_override") or {}).get(language) or ""
            for row in pending[""].get("placements", [])
        }
    return {
        p.key: getattr(p, column("caption_override", language), None) or ""
        for p in article.placements.all()
    }


def _same_codes(source: xliff.Content, target: xliff.Content) -> bool:
    def codes(content):
        return [(c.kind, c.id, c.name) for c in content if isinstance(c, xliff.Code)]

    return codes(source) == codes(target)


@dataclass(frozen=True)
class BodyAlignment:
    """The translation's body blocks beside the source's, when their shapes match."""

    source_html: str
    target_html: str
    aligned: bool
    blocks: list  # the translation's block contents (aligned) or []


def body_alignment(article: Article, language: str, pending: dict) -> BodyAlignment:
    source_html = getattr(article, column("body", article.source_language), None) or ""
    target_html = current_text(article, language, "body", pending)
    aligned = bool(target_html) and xliff.body_shape(target_html) == xliff.body_shape(source_html)
    return BodyAlignment(
        source_html, target_html, aligned, xliff.body_segments(target_html) if aligned else []
    )


def article_units(article: Article, language: str) -> list[TextUnit]:
    """The article's units for a translation into `language` (articles_for_export's
    prefetches make this query-free)."""
    pending = _pending(article)
    source = article.source_language
    prefix = file_id(article)
    units = []
    for field in PLAIN_FIELDS:
        text = getattr(article, column(field, source), None) or ""
        if not text.strip():
            continue
        current = current_text(article, language, field, pending)
        units.append(
            TextUnit(
                id=f"{prefix}.{field}",
                label=str(capfirst(Article._meta.get_field(field).verbose_name)),
                source=xliff.plain(text),
                current=xliff.plain(current) if current else None,
                where=("field", field),
            )
        )
    body = body_alignment(article, language, pending)
    for index, block in enumerate(xliff.body_segments(body.source_html)):
        current = body.blocks[index] if body.aligned else None
        units.append(
            TextUnit(
                id=f"{prefix}.body.p{index + 1}",
                label=_("Body, block %(number)s") % {"number": index + 1},
                source=block,
                current=current,
                where=("body", index),
            )
        )
    captions = _current_captions(article, language, pending)
    for placement in article.placements.all():
        text = getattr(placement, column("caption_override", source), None) or ""
        if not text.strip():
            continue
        current = captions.get(placement.key, "")
        units.append(
            TextUnit(
                id=f"placement-{placement.pk}.caption",
                label=_("Caption in this article of “%(item)s”") % {"item": placement},
                source=xliff.plain(text),
                current=xliff.plain(current) if current else None,
                where=("caption", placement.pk),
            )
        )
    units += linked_units(article, language, pending)
    return units


def linked_units(article: Article, language: str, pending: dict) -> list[TextUnit]:
    """The units of the texts of the article's section, tags, pictures and videos that
    have a source text; the current text is the one waiting in the article's pending
    change of `language`, else the stored one."""
    loaded = linked_objects(article)
    waiting = revisions.linked_part(pending.get(language) or {}, language)
    units = []
    for item in linked.linked_texts(article, loaded=loaded):
        obj = loaded[item.key]
        text = linked.stored_value(obj, item, article.source_language)
        if not text.strip():
            continue
        current = waiting.get(item.name, linked.stored_value(obj, item, language))
        units.append(
            TextUnit(
                id=linked_unit_id(item.name),
                label=item.label,
                source=xliff.plain(text),
                current=xliff.plain(current) if current else None,
                where=("linked", item.name),
            )
        )
    return units


def _state(article: Article, language: str, pending: dict) -> str:
    """The 2.0 state of an existing translation: final when published and up to date."""
    variant = next((v for v in article.variants.all() if v.language == language), None)
    if (
        variant is not None
        and language not in pending
        and variant.state == ArticleVariant.State.PUBLISHED
        and variant.source_version >= article.source_version
    ):
        return "final"
    return "translated"


def memory_text(unit: TextUnit) -> str:
    """The unit's source as translation memory keys it: a body block's text as
    memory.segments cuts it (a line break is a space), a plain text as it is."""
    if unit.where[0] == "body":
        return " ".join(memory.segments(f"<p>{xliff.to_html(unit.source)}</p>"))
    return xliff.text_of(unit.source)


def _suggestions(wanted: dict[str, list[TextUnit]], language: str) -> dict:
    """{(source language, normalised text): Suggestion} for the units without a target;
    one query per source language."""
    found = {}
    for source_language, units in wanted.items():
        texts = [memory_text(unit) for unit in units]
        matches = memory.suggestions_for(texts, source_language, language)
        found.update({(source_language, text): match for text, match in matches.items()})
    return found


def export_document(articles, language: str) -> tuple[xliff.Document, list[Article]]:
    """(document, skipped): one <file> per article; articles written in `language` itself
    have nothing to translate and are skipped. A linked text shown by several articles is
    exported once, under the first of them."""
    planned, skipped, seen = [], [], set()
    wanted: dict[str, list[TextUnit]] = {}
    for article in articles:
        if article.source_language == language:
            skipped.append(article)
            continue
        units = []
        for unit in article_units(article, language):
            if unit.where[0] == "linked":
                if unit.id in seen:
                    continue
                seen.add(unit.id)
            units.append(unit)
            if unit.current is None or not _same_codes(unit.source, unit.current):
                wanted.setdefault(article.source_language, []).append(unit)
        planned.append((article, units))
    found = _suggestions(wanted, language)
    files = []
    for article, text_units in planned:
        state = _state(article, language, _pending(article))
        units = []
        for unit in text_units:
            target = unit.current
            if target is not None and not _same_codes(unit.source, target):
                # An existing translation whose formatting differs from the source's is
                # not offered as a target: its codes would not match. It stays as it is
                # unless the translator fills this unit.
                target = None
            match = None
            if target is None:
                match = found.get((article.source_language, memory.normalise(memory_text(unit))))
            units.append(
                xliff.Unit(
                    id=unit.id,
                    source=unit.source,
                    target=target,
                    state=state if target is not None else "initial",
                    source_hash=unit.source_hash,
                    note=unit.label,
                    suggestions=(xliff.Suggestion(match.text, match.origin),) if match else (),
                )
            )
        if units:
            files.append(
                xliff.File(
                    id=file_id(article),
                    source_language=article.source_language,
                    units=tuple(units),
                    original=file_id(article),
                )
            )
    return xliff.Document(target_language=language, files=tuple(files)), skipped


def export_xliff(articles, language: str, version: str = "2.0") -> tuple[bytes, list[Article]]:
    """(file content, skipped articles) of an export of `articles` (a queryset) into
    `language` as XLIFF `version`. XliffError when 2.0 is asked of articles written in
    more than one source language (2.0 has one source language per file)."""
    if language not in language_codes():
        raise xliff.XliffError(_("%s is not a language of this site.") % language)
    # By id: the first article that shows a shared picture or tag is the same in every export.
    document, skipped = export_document(articles_for_export(articles.order_by("pk")), language)
    return xliff.build(document, version), skipped


def export_filename(language: str, version: str, articles: list) -> str:
    ids = [a.pk for a in articles]
    what = f"article-{ids[0]}" if len(ids) == 1 else f"{len(ids)}-articles"
    return f"newsroom-{what}-{language}-xliff{version.replace('.', '')}.xlf"
