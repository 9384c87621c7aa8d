"""Snapshots of an article: the whole story as plain JSON, cut into the parts that go live
one at a time (one per language's text, and "" for everything shared).

A Revision stores a snapshot; a PendingChange points at the revision whose part it is.
The snapshot format:

    {"shared": {"section": id|None, "lead_image": id|None, "published_at": iso|None,
                "source_language": "en", "status": "draft"},
     "text": {"en": {"title", "slug", "standfirst", "body", "seo_title", "seo_description",
                     "content_warning"}, "nl": {...}, ...},
     "bylines": [author ids in order], "tags": [tag ids],
     "placements": [{"key", "image", "embed", "caption_override": {lang: text},
                     "accepted_gaps"}],
     "linked": {lang: {"image:12.alt_text": text, ...}},   (only while such texts wait)
     "up_to_date": {lang: source version}}   (only while such a mark waits with its text)

`snapshot()` reads an article (saved, or an unsaved copy carrying `pending_*` attributes
from selectors.pending_view); `apply()` writes parts of a snapshot onto the stored article.
"""

from __future__ import annotations

from django.utils.dateparse import parse_datetime

from newsroom.languages import column, language_codes

from .models import Article, Byline, Placement, Tag
from .translation import ARTICLE_TEXT_FIELDS

SHARED = ""
LINKED = "linked"
# A translator's "mark up to date" on a live story waits with their text: published with it,
# it records the source version the translation follows (services.pending_mark_up_to_date).
UP_TO_DATE = "up_to_date"
TEXT_FIELDS = ARTICLE_TEXT_FIELDS
# Shared fields a pending change carries; `status` is recorded but never applied: onto and
# off the site only through article_publish / article_unpublish.
SHARED_FIELDS = ("section", "lead_image", "published_at", "source_language")


def _text(article: Article, code: str) -> dict:
    return {field: getattr(article, column(field, code), None) or "" for field in TEXT_FIELDS}


def snapshot(article: Article) -> dict:
    """The whole article as JSON: its fields, byline, tags and placed items.

    Bylines, tags and placements come from `pending_bylines`, `pending_tags` and
    `pending_placements` when the object carries them (a pending view), else from the
    database.
    """
    published_at = article.published_at
    bylines = getattr(article, "pending_bylines", None)
    if bylines is None:
        bylines = list(
            Byline.objects.filter(article=article)
            .order_by("position", "pk")
            .values_list("author_id", flat=True)
        )
    tags = getattr(article, "pending_tags", None)
    if tags is None:
        tags = sorted(article.tags.values_list("pk", flat=True))
    placements = getattr(article, "pending_placements", None)
    waiting = getattr(article, "pending_linked", None) or {}
    linked = {code: dict(texts) for code, texts in waiting.items() if texts}
    marks = dict(getattr(article, "pending_up_to_date", None) or {})
    if placements is None:
        placements = [
            placement_data(p) for p in Placement.objects.filter(article=article).order_by("pk")
        ]
    data = {
        "shared": {
            "section": article.section_id,
            "lead_image": article.lead_image_id,
            # To the second, as the form shows it: saving it unchanged changes nothing.
            "published_at": published_at.replace(microsecond=0).isoformat()
            if published_at
            else None,
            "source_language": article.source_language,
            "status": article.status,
        },
        "text": {code: _text(article, code) for code in language_codes()},
        "bylines": list(bylines),
        "tags": sorted(tags),
        "placements": list(placements),
    }
    if linked:
        # The pending texts of the objects the article shows (articles/linked.py), by
        # language: only while they wait; once published they are their objects' columns.
        data[LINKED] = linked
    if marks:
        data[UP_TO_DATE] = marks
    return data


def placement_data(placement: Placement) -> dict:
    return {
        "key": placement.key,
        "image": placement.image_id,
        "embed": placement.embed_id,
        "caption_override": {
            code: getattr(placement, column("caption_override", code), None) or ""
            for code in language_codes()
        },
        "accepted_gaps": sorted(placement.accepted_gaps or []),
    }


def part(data: dict, name: str) -> dict:
    """One part of a snapshot: a language's text, or (SHARED) everything else."""
    if name == SHARED:
        return {key: data.get(key) for key in ("shared", "bylines", "tags", "placements")}
    return data.get("text", {}).get(name, {})


def linked_part(data: dict, code: str) -> dict:
    """The pending texts of `code` for the objects the article shows (articles/linked.py)."""
    return (data.get(LINKED) or {}).get(code) or {}


def up_to_date_part(data: dict, code: str) -> int | None:
    """The source version a waiting mark of `code` records (None: no mark waits)."""
    return (data.get(UP_TO_DATE) or {}).get(code)


def parts() -> list[str]:
    """Every part's name: SHARED first, then the site languages."""
    return [SHARED, *language_codes()]


def changed_parts(before: dict, after: dict) -> list[str]:
    """The parts whose content differs between two snapshots, SHARED first."""
    shared_before, shared_after = part(before, SHARED), part(after, SHARED)
    # The status is recorded, not part of a pending change (see SHARED_FIELDS).
    for side in (shared_before, shared_after):
        if side.get("shared"):
            side["shared"] = {k: v for k, v in side["shared"].items() if k != "status"}
    changed = [SHARED] if shared_before != shared_after else []
    return changed + [
        code
        for code in language_codes()
        if part(before, code) != part(after, code)
        or linked_part(before, code) != linked_part(after, code)
        or up_to_date_part(before, code) != up_to_date_part(after, code)
    ]


def changed_fields(before: dict, after: dict) -> list[tuple[str, str]]:
    """(part, field) for each field that differs, for messages: ("nl", "title"),
    ("", "section"), ("", "bylines")."""
    found = []
    for key in SHARED_FIELDS:
        if before.get("shared", {}).get(key) != after.get("shared", {}).get(key):
            found.append((SHARED, key))
    for key in ("bylines", "tags", "placements"):
        if before.get(key) != after.get(key):
            found.append((SHARED, key))
    for code in language_codes():
        old, new = part(before, code), part(after, code)
        found += [(code, field) for field in TEXT_FIELDS if old.get(field) != new.get(field)]
    return found


def apply_fields(article: Article, data: dict, *, languages) -> None:
    """Put the text of `languages` (and the shared fields when SHARED is among them) from
    `data` on the article object in memory; nothing is written."""
    for code in languages:
        if code == SHARED:
            shared = data.get("shared", {})
            article.section_id = shared.get("section")
            article.lead_image_id = shared.get("lead_image")
            article.source_language = shared.get("source_language") or article.source_language
            when = shared.get("published_at")
            article.published_at = parse_datetime(when) if when else None
            continue
        for field, value in part(data, code).items():
            setattr(article, column(field, code), value or None if field == "slug" else value)


def apply_related(article: Article, data: dict) -> None:
    """Write the byline, tags and placed items of `data` to the stored article.

    Placements are matched by key: kept ones are updated, missing ones created, the others
    removed.
    """
    from .services import _bylines_set  # the one byline writer

    _bylines_set(article, [_Pk(pk) for pk in data.get("bylines", [])])
    article.tags.set(list(Tag.objects.filter(pk__in=data.get("tags", []))))
    wanted = {p["key"]: p for p in data.get("placements", [])}
    existing = {p.key: p for p in Placement.objects.filter(article=article)}
    Placement.objects.filter(article=article).exclude(key__in=wanted).delete()
    for key, row in wanted.items():
        placement = existing.get(key) or Placement(article=article, key=key)
        placement.image_id = row.get("image")
        placement.embed_id = row.get("embed")
        for code, text in (row.get("caption_override") or {}).items():
            if code in language_codes():
                setattr(placement, column("caption_override", code), text)
        placement.accepted_gaps = list(row.get("accepted_gaps") or [])
        placement.save()


class _Pk:
    """An author stand-in with only its id (what _bylines_set reads)."""

    def __init__(self, pk):
        self.pk = pk
